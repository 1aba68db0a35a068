// Package load is csa's one loader. It reads an assessment, finds the
// catalogue its code names (by codes.Resolver's rule on where catalogue files
// may be read from), and then either applies every rule (csa check, which
// reads many files, one after another, keeping only their findings; see
// CheckAll) or, for the commands that read the answers (gaps, actions,
// report, diff, init --from), refuses a file that cannot be read faithfully.
package load

import (
	"cmp"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/rules"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/safetext"
)

// Input is one file as read, to be loaded.
type Input struct {
	Name  string // as messages name it: the path, "<stdin>", or REV:PATH
	Data  []byte
	Found bool // found by walking a folder, not named: skipped when it is not an assessment
	// Dir is the folder a catalogue file named by a relative path is taken
	// from: "" for the file's own folder (the working folder for standard
	// input); for a file read from a git revision, its folder there.
	Dir string
	// Catalogues is where the catalogue file its code names may be read
	// from; the zero Resolver is the working folder alone.
	Catalogues codes.Resolver
}

// File is an assessment as csa read it: where it came from, what kind of
// file it is, the assessment and the catalogue its code names (the Entry
// the gaps and actions queries read), and the findings.
type File struct {
	Name             string
	Data             []byte               // the bytes read; nil once dropped (csa check keeps only findings)
	Kind             assessment.Kind      // read further only when it might be an assessment
	assessment.Entry                      // Assessment nil when unreadable; Catalogue nil when unknown
	Findings         []assessment.Finding // sorted
	Skipped          string               // why csa check skipped it (found in a folder, not an assessment); "" when read
	catErr           error                // why no catalogue was found
}

// Read reads an assessment for a command that uses its answers: the
// loader's findings, the catalogue's (unknown-code), duplicate-provision,
// since either of two answers could be the one meant, and unknown-entity,
// since an answer for no entity of the group answers nothing. Kind says whether the
// file is proven not to be an assessment, for a command that skips or
// refuses such a file; Faithful whether the command may go on.
func Read(in Input) *File {
	f := &File{Name: in.Name, Data: in.Data, Kind: assessment.KindOf(in.Data)}
	f.parse(in)
	if a := f.Assessment; a != nil {
		f.Findings = append(f.Findings, rules.DuplicateProvision.Check(a, nil, nil, rules.Options{})...)
		f.Findings = append(f.Findings, rules.UnknownEntity.Check(a, nil, nil, rules.Options{})...)
		f.Findings = append(f.Findings, rules.UnknownCode.Check(a, f.Catalogue, f.catErr, rules.Options{})...)
	}
	assessment.SortFindings(f.Findings)
	return f
}

// parse reads the assessment and finds its catalogue.
func (f *File) parse(in Input) {
	f.Assessment, f.Findings = assessment.Parse(in.Name, in.Data)
	if f.Assessment == nil || strings.TrimSpace(f.Assessment.Code) == "" {
		return // a schema finding already
	}
	dir := in.Dir
	if dir == "" {
		dir = filepath.Dir(in.Name)
	}
	f.Catalogue, f.catErr = in.Catalogues.Lookup(f.Assessment.Code, dir)
}

// Unreadable is why an assessment (or another file csa reads, What says)
// cannot be read faithfully: its first error, as one line, and how many
// more there are (csa check lists them).
type Unreadable struct {
	What      string // "annual report"; "" is an assessment
	File      string
	Line, Col int    // 0 when the error has no place
	Message   string // one line
	More      int
	rule      string // the first error's
}

func (u *Unreadable) Error() string {
	what := cmp.Or(u.What, "assessment")
	if u.Line == 0 {
		return fmt.Sprintf("%s: not a valid %s: %s", u.File, what, u.Message)
	}
	return fmt.Sprintf("%s:%d:%d: not a valid %s: %s", u.File, u.Line, u.Col, what, u.Message)
}

// FirstError is the first error of findings (sorted) as an *Unreadable,
// saying the file is not a valid what ("annual report"; "" for an
// assessment); nil when there is none.
func FirstError(what string, findings []assessment.Finding) *Unreadable {
	var errs []assessment.Finding
	for _, x := range findings {
		if x.Severity == assessment.Error {
			errs = append(errs, x)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	first := errs[0]
	return &Unreadable{What: what, File: first.File, Line: first.Line, Col: first.Col, More: len(errs) - 1, rule: first.Rule,
		Message: oneLine(first.Message)}
}

// oneLine is a message on one line, whatever it holds.
func oneLine(msg string) string { return strings.Join(strings.Fields(safetext.Line(msg)), " ") }

// MoreErrors is how many more errors there are, as a count: "1 more
// error".
func (u *Unreadable) MoreErrors() string { return english.Count(u.More, "more error", "more errors") }

// Faithful returns nil when the file read as an assessment with its
// catalogue and no error, so a command may use its answers; otherwise an
// *Unreadable with the first error. The rules are not applied (that is
// check's job), but a syntax or schema error, a code csa does not know, a
// provision answered twice or an answer for an entity the group does not
// list stops the command.
func (f *File) Faithful() error {
	if !assessment.HasErrors(f.Findings) {
		if f.Assessment == nil || f.Catalogue == nil { // Parse reports these; never hand on a nil
			return &Unreadable{File: f.Name, Message: "it names no Code (code:)"}
		}
		return nil
	}
	u := FirstError("", f.Findings)
	if u.rule == rules.UnknownCode.Name && f.catErr != nil {
		u.Message = oneLine(f.catErr.Error()) // the finding leaves "unknown code" to its rule's name
	}
	return u
}
