package main

import (
	"errors"
	"path"
	"path/filepath"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/load"
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

// loadInput is the input as the loader takes it: its catalogue file from
// folders, or, read from git, a catalogue file it names by a relative path
// from the same revision, taken from its folder there.
func (in *input) loadInput(folders codes.Resolver) load.Input {
	li := load.Input{Name: in.name(), Data: in.data, Catalogues: folders}
	if in.fromGit() {
		li.Catalogues = folders.In(gitTree{rev: in.rev}, in.rev, "the repository")
		li.Dir = gitFolder(in.path)
	}
	return li
}

// gitFolder is the folder of PATH, from the top of the repository: git
// reads ./ and ../ from the current folder.
func gitFolder(p string) string {
	dir := path.Dir(filepath.ToSlash(p))
	if strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") {
		dir = path.Join(gitPrefix(), dir)
	}
	return dir
}

// readAssessment loads an assessment read from the command line for a
// command that renders, lists or compares its answers, with its catalogue.
// The rules are not applied (that is check's job), but an assessment that
// cannot be read faithfully (a syntax or schema error, a code csa does not
// know, or a provision answered twice, when either answer could be the one
// meant) stops the command: exit 2, as it could not run, with one line
// naming the first error and how many more there are (csa check lists them
// all).
func readAssessment(in *input, folders codes.Resolver) (*load.File, error) {
	return faithful(load.Read(in.loadInput(folders)), in)
}

// faithful is f, or the one line saying why it cannot be read faithfully.
func faithful(f *load.File, in *input) (*load.File, error) {
	if err := f.Faithful(); err != nil {
		return nil, unreadable(err, in)
	}
	return f, nil
}

// unreadable is the one line saying why in cannot be read faithfully (err,
// a *load.Unreadable): its first error, and how many more csa check lists.
func unreadable(err error, in *input) error {
	var u *load.Unreadable
	if !errors.As(err, &u) || u.More == 0 {
		return usagef("%s", err)
	}
	more := " (and " + u.MoreErrors()
	if !in.fromGit() {
		more += "; csa check " + in.arg + " lists them all"
	}
	return usagef("%s%s)", err, more)
}

// notAssessment says in one line that a file named on the command line is
// not an assessment at all (a CI workflow, a catalogue, a spreadsheet),
// rather than list every key it lacks. Standard input is left to the
// loader to report.
func notAssessment(in *input, kind assessment.Kind) error {
	if in.arg == "-" || kind == assessment.MaybeAssessment {
		return nil
	}
	switch strings.ToLower(filepath.Ext(in.arg)) {
	case ".xlsx", ".docx", ".csv", ".txt":
		return usagef("%s: %s; csa import %s makes one from it", in.arg, kind.Why(), in.arg)
	}
	return usagef("%s: %s", in.arg, kind.Why())
}
