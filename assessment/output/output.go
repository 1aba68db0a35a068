// Package output writes the findings of csa check in its four formats: text
// (GNU file:line:col lines and a closing summary), json, github (workflow
// annotations) and junit (XML for CI test reports). One file per format.
package output

import (
	"fmt"
	"io"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/format"
)

// Check is what csa check writes: the files checked, with their findings,
// and the least severity that fails the check (0: never).
type Check struct {
	Files  []File
	FailOn assessment.Severity
}

// File is the outcome of checking one file.
type File struct {
	Name     string
	Findings []assessment.Finding
}

// Formats are check's output formats, the default first.
var Formats = format.List[Check]{
	{Name: "text", Write: func(w io.Writer, c Check) error { return writeText(w, c.Files) }},
	{Name: "json", Write: func(w io.Writer, c Check) error { return writeJSON(w, c.Files, c.FailOn) }},
	{Name: "github", Write: func(w io.Writer, c Check) error { return writeGitHub(w, c.Files) }},
	{Name: "junit", Write: func(w io.Writer, c Check) error { return writeJUnit(w, c.Files, c.FailOn) }},
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
