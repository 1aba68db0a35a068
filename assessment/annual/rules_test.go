package annual

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
)

// full is an annual report with every part, its response and its
// submission: clean under every rule at today.
const full = `kind: annual
landlord: Test Homes
period: 2024/25
year_end: 2025-03-31
homes: 1200
dated: 2025-06-12
self_assessment: a.yaml
figures: figures.yaml
analysis: |
  We answered most complaints on time.
refusals: |
  Most refusals were about events more than a year old.
improvements:
  - learned: Residents did not know who had their complaint.
    changed: Every acknowledgement names the case officer.
    when: 2024-10-01
ombudsman:
  determinations: []
  annual_report: none
  other_reports: []
response:
  by: Board
  on: 2025-06-26
  text: The Board accepts the report.
submitted:
  - on: 2025-06-30
    form: 2025-26
    what: The annual report, the response and the self-assessment.
`

// selfAssessment and figuresFile are the files full names, for 2024/25.
const (
	selfAssessment = "code: chc-2024\nlandlord: Test Homes\nassessed: 2025-05-30\nperiod: 2024/25\nprovisions: []\n"
	figuresFile    = "kind: figures\nlandlord: Test Homes\nperiod: 2024/25\ntimescales: chc-2024\nstage_1:\n  received: 10\n  refused: 1\n  refusals:\n    Too old: 1\n"
)

// today is --as-of in the rules' tests.
var today = assessment.NewDate(2025, 7, 1)

// ruleCase is an annual report, the files beside it (a.yaml and
// figures.yaml as above unless given; "" removes one), the day, and the
// findings a rule makes, each "line:col: message".
type ruleCase struct {
	name   string
	yaml   string
	beside map[string]string
	asOf   assessment.Date
	want   []string
}

// checkCases applies r alone to each case's report, annual.yaml in a
// working folder holding the files beside it.
func checkCases(t *testing.T, r *Rule, cases []ruleCase) {
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
				asOf = today
			}
			p, fs := Load("annual.yaml", []byte(tt.yaml), Options{AsOf: asOf})
			if p == nil {
				t.Fatalf("the case does not load: %v", fs)
			}
			var got []string
			for _, f := range r.Apply(p, Options{AsOf: asOf}) {
				if f.Rule != r.Name || f.Severity != r.Severity {
					t.Errorf("finding of %s (%v) from rule %s", f.Rule, f.Severity, r.Name)
				}
				got = append(got, strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Col)+": "+f.Message)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// without removes a top-level key and what is under it from a report.
func without(doc, key string) string {
	lines := strings.SplitAfter(doc, "\n")
	var out strings.Builder
	skip := false
	for _, l := range lines {
		if strings.HasPrefix(l, key+":") {
			skip = true
			continue
		}
		if skip && (strings.HasPrefix(l, " ") || strings.TrimSpace(l) == "") {
			continue
		}
		skip = false
		out.WriteString(l)
	}
	return out.String()
}

// TestFullIsClean: the report every case starts from passes every rule.
func TestFullIsClean(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile("a.yaml", []byte(selfAssessment), 0o644)
	os.WriteFile("figures.yaml", []byte(figuresFile), 0o644)
	if fs := Check("annual.yaml", []byte(full), Options{AsOf: today}); len(fs) > 0 {
		t.Errorf("the full report has findings: %v", fs)
	}
}

// TestTheList: every rule is documented, named and placed once, in a file
// of its own with a test of its own.
func TestTheList(t *testing.T) {
	name := regexp.MustCompile(`^annual(-[a-z]+)+$`)
	byOrder := map[int]string{}
	byName := map[string]bool{}
	for _, r := range Rules() {
		if !name.MatchString(r.Name) || byName[r.Name] {
			t.Errorf("rule %q: not a plain hyphenated name starting annual-, or listed twice", r.Name)
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
		if r.check == nil {
			t.Errorf("rule %s has no function", r.Name)
		}
		file := strings.ReplaceAll(strings.TrimPrefix(r.Name, "annual-"), "-", "_")
		for _, f := range []string{file + ".go", file + "_test.go"} {
			if _, err := os.Stat(f); err != nil {
				t.Errorf("rule %s: no %s", r.Name, f)
			}
		}
		if got, ok := Named(r.Name); !ok || got != r {
			t.Errorf("Named(%q) does not find it", r.Name)
		}
	}
	if len(byName) != 8 {
		t.Errorf("%d rules", len(byName))
	}
}

// TestREADME: the README's table of the annual report's rules is the list.
func TestREADME(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var got []string
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "| annual report rule | severity | fires when |" {
			continue
		}
		for i += 2; i < len(lines) && strings.HasPrefix(lines[i], "|"); i++ {
			got = append(got, lines[i])
		}
	}
	var want []string
	for _, r := range Rules() {
		want = append(want, Row(r))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the README's table of annual report rules differs from the list; the list's rows are:\n%s\nthe README's:\n%s",
			strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
}
