package main

import (
	"path/filepath"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// input is an assessment named on the command line, as read: a file,
// standard input ("-"), or REV:PATH, a file as it was in a git revision
// (see readArg).
type input struct {
	arg       string // as typed
	data      []byte
	rev, path string // set when read from git
}

// fromGit reports whether the input was read from a git revision.
func (in *input) fromGit() bool { return in.rev != "" || in.path != "" }

// name is how messages and reports name the input.
func (in *input) name() string {
	if in.arg == "-" {
		return "<stdin>"
	}
	return in.arg
}

// file is the input's path on disk, for refusing to overwrite it: "-" for
// standard input (the file it comes from, if any), "" when it was read from
// git.
func (in *input) file() string {
	if in.fromGit() {
		return ""
	}
	return in.arg
}

// loadAssessment reads one assessment file for a command that renders or
// lists it, with its catalogue. See decodeAssessment.
func loadAssessment(e *env, path string, folders codes.Folders) (*assessment.Assessment, *codes.Catalogue, error) {
	data, err := readInput(e, path)
	if err != nil {
		return nil, nil, err
	}
	return decodeAssessment(&input{arg: path, data: data}, folders)
}

// decodeAssessment parses an assessment read from the command line and
// finds its catalogue: by the assessment's code (a catalogue file only from
// folders), or for one read from git a catalogue file it names by a
// relative path, from the same revision. The
// rules are not applied (that is check's job), but an assessment that cannot
// be read faithfully (a syntax or schema error, a code csa does not know, or
// a provision answered twice, when either answer could be the one meant)
// stops the command: exit 2, as it could not run, with one line naming the
// first error and how many more there are (csa check lists them all).
func decodeAssessment(in *input, folders codes.Folders) (*assessment.Assessment, *codes.Catalogue, error) {
	a, fs := assessment.Parse(in.name(), in.data)
	if a != nil {
		fs = append(fs, assessment.Duplicates(a)...)
	}
	var cat *codes.Catalogue
	if a != nil && a.Code != "" {
		var f *assessment.Finding
		if in.fromGit() && looksLikeCatalogueFile(a.Code) && !filepath.IsAbs(a.Code) {
			cat, f = catalogueAt(in, a)
		} else {
			cat, f = assessment.CatalogueWithin(a, folders)
		}
		if f != nil {
			fs = append(fs, *f)
		}
	}
	if !assessment.HasErrors(fs) {
		if a == nil || cat == nil { // Parse reports these; never hand on a nil
			return nil, nil, usagef("%s: not a valid assessment: it names no Code (code:)", in.name())
		}
		return a, cat, nil
	}
	assessment.SortFindings(fs)
	var errs []assessment.Finding
	for _, f := range fs {
		if f.Severity == assessment.Error {
			errs = append(errs, f)
		}
	}
	first := errs[0]
	msg := strings.Join(strings.Fields(assessment.OneLine(first.Message)), " ") // one line, whatever the message
	if first.Rule == assessment.RuleUnknownCode && strings.HasPrefix(msg, `"`) {
		msg = "unknown code " + msg // the finding leaves these words to its rule's name
	}
	more := ""
	if n := len(errs) - 1; n > 0 {
		more = " (and " + countNoun(n, "more error", "more errors")
		if !in.fromGit() {
			more += "; csa check " + in.arg + " lists them all"
		}
		more += ")"
	}
	return nil, nil, usagef("%s:%d:%d: not a valid assessment: %s%s", first.File, first.Line, first.Col, msg, more)
}
