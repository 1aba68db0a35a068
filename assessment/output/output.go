// Package output writes the findings of csa check in its formats: text (GNU
// file:line:col lines and a closing summary), json, github (workflow
// annotations), junit (XML for CI test reports) and sarif (SARIF 2.1.0, for
// GitHub code scanning). One file per format.
package output

import (
	"fmt"
	"io"

	"github.com/csa-tool/csa/assessment"
)

// Formats lists the formats Write accepts, the default first.
var Formats = []string{"text", "json", "github", "junit", "sarif"}

// File is the outcome of checking one file.
type File struct {
	Name     string
	Findings []assessment.Finding
}

// Options carry what every format needs besides the findings.
type Options struct {
	// FailOn is the least severity that fails the check; 0 means never.
	FailOn assessment.Severity
	// Root and WorkDir, both absolute, place files for SARIF: its URIs are
	// relative to Root (the repository's root), and a relative file name
	// is relative to WorkDir. Left empty, names are used as given.
	Root, WorkDir string
	// Color colours the text format's severities, for a terminal.
	Color bool
}

// Write renders the results of a check in the named format.
func Write(w io.Writer, format string, files []File, opts Options) error {
	switch format {
	case "text", "":
		return writeText(w, files, opts.Color)
	case "json":
		return writeJSON(w, files, opts)
	case "github":
		return writeGitHub(w, files)
	case "junit":
		return writeJUnit(w, files, opts)
	case "sarif":
		return writeSARIF(w, files, opts)
	}
	return fmt.Errorf("unknown format %q", format)
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
	in := fmt.Sprintf("in %s", count(len(files), "file"))
	switch {
	case errs == 0 && warns == 0:
		return "no problems found " + in
	case warns == 0:
		return fmt.Sprintf("%s %s", count(errs, "error"), in)
	case errs == 0:
		return fmt.Sprintf("%s %s", count(warns, "warning"), in)
	}
	return fmt.Sprintf("%s and %s %s", count(errs, "error"), count(warns, "warning"), in)
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func fails(f assessment.Finding, opts Options) bool {
	return opts.FailOn != 0 && f.Severity >= opts.FailOn
}
