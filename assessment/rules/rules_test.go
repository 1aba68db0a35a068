package rules

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// mini is a catalogue for the rules' tests: small enough that a test can
// answer all of it. 1.1 is not on the form.
const mini = `catalogue: mini
title: A four-provision Code for tests
provisions:
  - id: "1.1"
    on_form: false
    summary: An introduction.
  - id: "1.2"
    summary: Complaints are logged on the day they are made.
  - id: "1.3"
    summary: Complaints are answered within ten working days of being logged, or sooner.
  - id: "2.1"
    summary: The board sees the complaints report.
`

// head starts an assessment against mini, approved and assessed in time.
const head = "code: mini.yaml\nlandlord: L\nassessed: 2025-05-31\napproved:\n  by: Board\n  on: 2025-06-19\nprovisions:\n"

// groupHead starts a group's assessment against mini: entities A, B and
// C; its first answer starts on line 12, with comply on line 13.
const groupHead = "code: mini.yaml\nlandlord: G\nentities:\n  - name: A\n  - name: B\n  - name: C\nassessed: 2025-05-31\napproved:\n  by: Board\n  on: 2025-06-19\nprovisions:\n"

// today is --as-of in the rules' tests.
var today = assessment.NewDate(2025, 7, 1)

// ruleCase is one assessment, in YAML, and the findings a rule makes of it,
// each "line:col provision: message" (the provision blank when none).
type ruleCase struct {
	name string
	yaml string
	want []string
}

// checkCases applies r alone to each case's assessment, a.yaml in a working
// folder holding mini.yaml, with today as --as-of.
func checkCases(t *testing.T, r *Rule, cases []ruleCase) {
	t.Helper()
	t.Chdir(t.TempDir())
	if err := os.WriteFile("mini.yaml", []byte(mini), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			a, fs := assessment.Parse("a.yaml", []byte(tt.yaml))
			if a == nil {
				t.Fatalf("the case does not load: %v", fs)
			}
			var cat *codes.Catalogue
			var err error
			if a.Code != "" {
				cat, err = codes.Lookup(a.Code, ".")
			}
			var got []string
			for _, f := range r.Check(a, cat, err, Options{AsOf: today}) {
				if f.Rule != r.Name || f.Severity != r.Severity {
					t.Errorf("finding of %s (%v) from rule %s", f.Rule, f.Severity, r.Name)
				}
				got = append(got, strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Col)+" "+f.Provision+": "+f.Message)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestTheList: every rule is documented, named and placed once, and is
// applied by its function unless another package applies it.
func TestTheList(t *testing.T) {
	name := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	byOrder := map[int]string{}
	byName := map[string]bool{}
	applied := map[string]bool{} // rules applied elsewhere
	for _, n := range []string{"syntax", "schema", "figures-sum", "figures-percent", "figures-assessment", "missed-timescale"} {
		applied[n] = true
	}
	for _, r := range Of(Annual, 0) {
		applied[r.Name] = true // package annual's
	}
	for _, r := range All() {
		if !name.MatchString(r.Name) || byName[r.Name] {
			t.Errorf("rule %q: not a plain hyphenated name, or listed twice", r.Name)
		}
		byName[r.Name] = true
		if other, ok := byOrder[r.order]; ok {
			t.Errorf("rules %s and %s share the place %d", r.Name, other, r.order)
		}
		byOrder[r.order] = r.Name
		if r.Severity != assessment.Error && r.Severity != assessment.Warning {
			t.Errorf("rule %s has no severity", r.Name)
		}
		for what, text := range map[string]string{"Summary": r.Summary, "What": r.What, "Why": r.Why, "Fix": r.Fix} {
			if len(strings.Fields(text)) < 3 || strings.TrimSpace(text) != text {
				t.Errorf("rule %s: %s is not a sentence: %q", r.Name, what, text)
			}
		}
		if (r.check == nil) != applied[r.Name] {
			t.Errorf("rule %s: has a function %v, applied elsewhere %v", r.Name, r.check != nil, applied[r.Name])
		}
		// One file and one test each.
		file := strings.ReplaceAll(r.Name, "-", "_")
		for _, f := range []string{file + ".go", file + "_test.go"} {
			if _, err := os.Stat(f); err != nil {
				t.Errorf("rule %s: no %s", r.Name, f)
			}
		}
		if got, ok := Named(r.Name); !ok || got != r {
			t.Errorf("Named(%q) does not find it", r.Name)
		}
	}
	if _, ok := Named("no-such-rule"); ok {
		t.Error("Named found a rule that is not there")
	}
}

// TestErrorsComeFirst: the README lists an assessment's errors before its
// warnings, the figures rules after both, and the annual report's last.
func TestErrorsComeFirst(t *testing.T) {
	var seen []*Rule
	for _, r := range All() {
		if len(seen) > 0 {
			last := seen[len(seen)-1]
			if last.Reads > r.Reads || last.Reads == r.Reads && last.Reads == Assessments && last.Severity < r.Severity {
				t.Errorf("%s comes after %s", r.Name, last.Name)
			}
		}
		seen = append(seen, r)
	}
	if len(Of(Assessments, 0)) != len(Of(Assessments, assessment.Error))+len(Of(Assessments, assessment.Warning)) {
		t.Error("Of does not partition the rules by severity")
	}
}

// loaderCases reads each case's YAML and keeps the loader's findings of r:
// the test of a rule the loader applies.
func loaderCases(t *testing.T, r *Rule, cases []ruleCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := assessment.Parse("a.yaml", []byte(tt.yaml))
			var got []string
			for _, f := range fs {
				if f.Rule != r.Name {
					continue
				}
				if f.Severity != r.Severity {
					t.Errorf("a %s finding is a %v", r.Name, f.Severity)
				}
				got = append(got, strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Col)+" "+f.Provision+": "+f.Message)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
