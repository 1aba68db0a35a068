// Package output writes the findings of csa check in its formats: text (GNU
// file:line:col lines and a closing summary), json, github (workflow
// annotations), junit (XML for CI test reports) and sarif (SARIF 2.1.0, for
// GitHub code scanning). One file per format.
package output

import (
	"fmt"
	"io"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/format"
)

// Check is what csa check writes: the files checked, with their findings,
// the least severity that fails the check (0: never), whether to colour the
// text format's severities (for a terminal), and where the files are (for
// SARIF's addresses).
type Check struct {
	Files  []File
	FailOn assessment.Severity
	Color  bool
	Place
}

// Place places files for SARIF: its URIs are relative to Root (the
// repository's root), and a relative file name is relative to WorkDir, both
// absolute. Left empty, names are used as given.
type Place struct{ Root, WorkDir string }

// File is the outcome of checking one file.
type File struct {
	Name     string
	Findings []assessment.Finding
}

// Formats are check's output formats, the default first.
var Formats = format.List[Check]{
	{Name: "text", Write: func(w io.Writer, c Check) error { return writeText(w, c.Files, c.Color) }},
	{Name: "json", Write: func(w io.Writer, c Check) error { return writeJSON(w, c.Files, c.FailOn) }},
	{Name: "github", Write: func(w io.Writer, c Check) error { return writeGitHub(w, c.Files) }},
	{Name: "junit", Write: func(w io.Writer, c Check) error { return writeJUnit(w, c.Files, c.FailOn) }},
	{Name: "sarif", Write: func(w io.Writer, c Check) error { return writeSARIF(w, c.Files, c.Place) }},
}

// Summary is the closing line of the text output: "2 errors and 1 warning
// in 3 files", or "no problems in 3 files".
func Summary(files []File) string {
	var errs, warns int
	for _, f := range files {
		e, w := assessment.Count(f.Findings)
		errs += e
		warns += w
	}
	in := fmt.Sprintf("in %s", english.Count(len(files), "file"))
	switch {
	case errs == 0 && warns == 0:
		return "no problems found " + in
	case warns == 0:
		return fmt.Sprintf("%s %s", english.Count(errs, "error"), in)
	case errs == 0:
		return fmt.Sprintf("%s %s", english.Count(warns, "warning"), in)
	}
	return fmt.Sprintf("%s and %s %s", english.Count(errs, "error"), english.Count(warns, "warning"), in)
}

// fails reports whether a finding fails the check.
func fails(f assessment.Finding, failOn assessment.Severity) bool {
	return failOn != 0 && f.Severity >= failOn
}
