package rules_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/sample"
	"github.com/csa-tool/csa/assessment/load"
	"github.com/csa-tool/csa/assessment/rules"
)

// The annual report the cases start from, and the files it names (a.yaml
// and figures.yaml beside it).
const (
	full           = sample.Annual
	selfAssessment = sample.AnnualAssessment
	figuresFile    = sample.AnnualFigures
)

// annualToday is --as-of in the annual rules' tests unless a case gives
// another.
var annualToday = assessment.NewDate(2025, 7, 1)

func without(doc, key string) string      { return sample.Without(doc, key) }
func replace(doc, old, new string) string { return strings.Replace(doc, old, new, 1) }

// annualCase is an annual report, the files beside it (a.yaml and
// figures.yaml as above unless given; "" removes one), the day, and the
// findings a rule makes, each "line:col: message".
type annualCase struct {
	name   string
	yaml   string
	beside map[string]string
	asOf   assessment.Date
	want   []string
}

// annualCases checks each case's annual.yaml as csa check does (package
// load hands it to package annual, which applies these rules) in a working
// folder holding the files beside it, and keeps the findings of r.
func annualCases(t *testing.T, r *rules.Rule, cases []annualCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			files := map[string]string{"a.yaml": selfAssessment, "figures.yaml": figuresFile}
			for name, text := range tt.beside {
				files[name] = text
			}
			for name, text := range files {
				if text == "" {
					continue
				}
				if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			asOf := tt.asOf
			if asOf.IsZero() {
				asOf = annualToday
			}
			res, err := load.CheckAll(1, func(int) (load.Input, error) {
				return load.Input{Name: "annual.yaml", Data: []byte(tt.yaml)}, nil
			}, load.Options{AsOf: asOf})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res[0].Findings {
				if f.Rule != r.Name {
					continue
				}
				if f.Severity != r.Severity {
					t.Errorf("a %s finding is a %v", r.Name, f.Severity)
				}
				got = append(got, strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Col)+": "+f.Message)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestAnnualFullIsClean: the report every case starts from has no
// findings at all.
func TestAnnualFullIsClean(t *testing.T) {
	t.Chdir(t.TempDir())
	for name, text := range map[string]string{"a.yaml": selfAssessment, "figures.yaml": figuresFile} {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := load.CheckAll(1, func(int) (load.Input, error) {
		return load.Input{Name: "annual.yaml", Data: []byte(full)}, nil
	}, load.Options{AsOf: annualToday})
	if err != nil {
		t.Fatal(err)
	}
	if fs := res[0].Findings; len(fs) > 0 {
		t.Errorf("the full report has findings: %v", fs)
	}
}
