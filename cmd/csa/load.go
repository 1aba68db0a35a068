package main

import (
	"fmt"
	"io"
	"os"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/output"
	"github.com/csa-tool/csa/codes"
)

// readInput reads a file named on the command line; "-" is standard input.
func readInput(e *env, path string) ([]byte, error) {
	if path == "-" {
		data, err := io.ReadAll(e.stdin)
		if err != nil {
			return nil, usagef("standard input cannot be read")
		}
		return data, nil
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, pathError(path, err)
	}
	if info.IsDir() {
		return nil, usagef("%s is a folder; name a file", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, pathError(path, err)
	}
	return data, nil
}

// loadAssessment reads one assessment for a command that renders, lists or
// compares it, with its catalogue. The rules are not applied (that is
// check's job), but an assessment that cannot be read faithfully — a syntax
// or schema error, or a code csa does not know — stops the command: its
// findings go to stderr and the command exits 2, as it could not run.
func loadAssessment(e *env, path string) (*assessment.Assessment, *codes.Catalogue, error) {
	data, err := readInput(e, path)
	if err != nil {
		return nil, nil, err
	}
	name := path
	if path == "-" {
		name = "<stdin>"
	}
	a, fs := assessment.Parse(name, data)
	var cat *codes.Catalogue
	if a != nil {
		var f *assessment.Finding
		cat, f = assessment.Catalogue(a)
		if f != nil {
			fs = append(fs, *f)
		}
	}
	if assessment.HasErrors(fs) {
		assessment.SortFindings(fs)
		for _, f := range fs {
			if f.Severity == assessment.Error {
				fmt.Fprintln(e.stderr, output.Line(f))
			}
		}
		return nil, nil, usagef("%s is not a valid assessment; fix the errors above (csa check %s lists them all)", name, path)
	}
	return a, cat, nil
}
