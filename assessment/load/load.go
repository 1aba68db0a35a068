// Package load is csa's one loader: it reads an assessment, finds the
// catalogue its code names (by the rule on where catalogue files may be
// read from), and, for csa check, applies the rules; for the commands that
// read the answers, it refuses a file that cannot be read faithfully.
package load

import (
	"path/filepath"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/rules"
	"github.com/csa-tool/csa/codes"
)

// Options are what checking needs: the rules' options, and where catalogue
// files may be read from.
type Options struct {
	AsOf       assessment.Date // "today"; the zero Date skips the date rules
	Catalogues codes.Folders   // where a catalogue file code: names may be; zero: the working folder
}

// Validate loads one assessment file, finds its catalogue and applies every
// rule. It returns the findings sorted by position, and the assessment as far
// as it could be read (nil when the YAML is broken).
func Validate(file string, data []byte, opts Options) (*assessment.Assessment, []assessment.Finding) {
	a, fs := assessment.Parse(file, data)
	if a != nil {
		cat, err := Catalogue(a, opts.Catalogues)
		fs = append(fs, rules.Check(a, cat, err, rules.Options{AsOf: opts.AsOf})...)
	}
	assessment.SortFindings(fs)
	return a, fs
}

// Catalogue finds the catalogue an assessment names: a relative path is
// taken from the assessment's folder, and a catalogue file is read only
// from folders. It returns nil and no error when code: is blank (a schema
// finding already).
func Catalogue(a *assessment.Assessment, folders codes.Folders) (*codes.Catalogue, error) {
	if a.Code == "" {
		return nil, nil
	}
	return folders.Lookup(a.Code, filepath.Dir(a.File))
}
