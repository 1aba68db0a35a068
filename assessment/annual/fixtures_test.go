package annual

import (
	"os"
	"path/filepath"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/figures"
	"github.com/csa-tool/csa/assessment/internal/sample"
	"github.com/csa-tool/csa/codes"
)

// full is an annual report with every part, its response and its
// submission, and selfAssessment and figuresFile the files it names
// (a.yaml and figures.yaml): the rules' tests in package rules start from
// them too.
const (
	full           = sample.Annual
	selfAssessment = sample.AnnualAssessment
	figuresFile    = sample.AnnualFigures
)

// today is --as-of in the tests.
var today = assessment.NewDate(2025, 7, 1)

func without(doc, key string) string { return sample.Without(doc, key) }

// fromDisk is what the tests read a pack with: the files from the disk,
// and the self-assessment as csa's loader would read it (package load,
// which the tests of this package cannot import; csa check's reading of a
// pack is tested through it, in package rules).
func fromDisk(asOf assessment.Date) Options {
	return Options{AsOf: asOf, ReadFile: os.ReadFile, Assessment: func(path string) figures.Found {
		data, err := os.ReadFile(path)
		switch {
		case err != nil:
			return figures.Found{Err: err}
		case figures.IsFigures(data):
			return figures.Found{Not: "a figures file"}
		case IsAnnual(data):
			return figures.Found{Not: "an annual complaints report"}
		case assessment.KindOf(data) != assessment.MaybeAssessment:
			return figures.Found{Not: assessment.KindOf(data).Why()}
		}
		a, fs := assessment.Parse(path, data)
		if a == nil {
			return figures.Found{Broken: true}
		}
		cat, err := codes.Lookup(a.Code, filepath.Dir(path))
		return figures.Found{Entry: assessment.Entry{Assessment: a, Catalogue: cat}, Broken: err != nil || assessment.HasErrors(fs)}
	}}
}
