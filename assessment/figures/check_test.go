package figures

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

func findings(fs []assessment.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d %s %s: %s\n", f.Line, f.Col, f.Severity, f.Rule, f.Message)
	}
	return b.String()
}

const sampleLog = "Ref,Name,Tenure,Stage,Received,Acknowledged,Responded,Extension,Outcome,Category,Refused,Refusal reason\n" +
	"A,Ann Example,General needs,1,2024-06-03,2024-06-04,2024-06-10,,Upheld,Repairs,,\n" +
	"B,Bob Example,Shared ownership,1,2024-06-03,2024-06-04,2024-06-28,yes,Not upheld,\"Damp: mould\",,\n" +
	"C,Cat Example,LCRA,2,2024-06-03,2024-06-04,2024-06-28,,Upheld,Repairs,,\n" +
	"D,Dan Example,General needs,1,2024-06-03,,,,,Repairs,yes,Older than 12 months\n" +
	"E,Eve Example,General needs,1,2024-07-01,2024-07-09,2024-07-31,,Partly upheld,yes,,\n"

// TestRoundTrip: what csa figures writes, csa check reads back clean, and
// writing it again gives the same bytes.
func TestRoundTrip(t *testing.T) {
	opts := testOptions(t, "2024")
	opts.TenureHomes = map[string]int{TenureRental: 1500, TenureOwnership: 400}
	opts.Log = "log.csv"
	res, err := FromLog(strings.NewReader(sampleLog), opts)
	if err != nil {
		t.Fatal(err)
	}
	first := res.Figures.String()
	if strings.Contains(first, "Example") {
		t.Errorf("a name from the log reached the figures:\n%s", first)
	}
	if !IsFigures([]byte(first)) {
		t.Error("IsFigures does not know csa's own figures file")
	}
	f, doc, fs := Decode("figures.yaml", []byte(first))
	if len(fs) > 0 {
		t.Fatalf("decoding csa's own file:\n%s\n%s", findings(fs), first)
	}
	if v := Validate(f, doc); len(v) > 0 {
		t.Fatalf("validating csa's own file:\n%s\n%s", findings(v), first)
	}
	if second := f.String(); second != first {
		t.Errorf("written again, it differs:\n%s\n---\n%s", first, second)
	}
	again, _ := FromLog(strings.NewReader(sampleLog), opts)
	if again.Figures.String() != first {
		t.Error("the same log gave different bytes")
	}
}

func TestIsFigures(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"kind: figures\nperiod: 2024/25\n", true},
		{"# comment\nkind: \"figures\" # marks it\n", true},
		{"kind: Figures\n", true},
		{"kind: Deployment\napiVersion: apps/v1\n", false},
		{"code: chc-2024\nprovisions: []\n", false},
		{"catalogue: own\n", false},
		{"period: 2024/25\nch02:\n  stage_1: {}\n", true}, // a forgotten kind:
		{"on: push\njobs: {}\n", false},
	}
	for _, tt := range tests {
		if got := IsFigures([]byte(tt.text)); got != tt.want {
			t.Errorf("IsFigures(%q) = %v", tt.text, got)
		}
	}
}

// TestValidate: numbers that do not add up, each a finding at its line.
func TestValidate(t *testing.T) {
	head := "kind: figures\nperiod: 2024/25\ntimescales: chc-2024\n"
	tests := []struct {
		name, body, want string
	}{
		{"a hand-typed file", "homes: 1200\nch01:\n  stage_1: 25.0\n  stage_2: 3.3\nch02:\n  stage_1:\n    responded: 28\n    within: 25\n    percent: 89.3\n", ""},
		{"rounded to a whole number", "ch02:\n  stage_1:\n    responded: 28\n    within: 25\n    percent: 89\n", ""},
		{"percent off", "ch02:\n  stage_1:\n    responded: 28\n    within: 25\n    percent: 90.0\n",
			"8:14 error figures-percent: ch02 stage_1 percent 90.0 does not agree with 25 within of 28 responded (89.3)\n"},
		{"within more than responded", "ch02:\n  stage_2:\n    responded: 10\n    within: 11\n",
			"7:13 error figures-sum: ch02 stage_2 within (11) is more than responded (10)\n"},
		{"answered more than received", "stage_1:\n  received: 10\n  refused: 2\n  responded: 9\n  responded_within: 9\n",
			"7:14 error figures-sum: stage_1.responded (9) is more than received less refused (8)\n"},
		{"within more than answered", "stage_1:\n  received: 10\n  acknowledged: 8\n  acknowledged_within: 9\n",
			"7:24 error figures-sum: stage_1.acknowledged_within (9) is more than acknowledged (8)\n"},
		{"extension counts", "stage_2:\n  responded: 5\n  responded_within: 4\n  within_by_extension: 3\n  extended: 2\n  extension_beyond_limit: 3\n",
			"7:24 error figures-sum: stage_2.within_by_extension (3) is more than extended (2)\n" +
				"9:27 error figures-sum: stage_2.extension_beyond_limit (3) is more than extended (2)\n"},
		{"CH01 off", "homes: 4000\nstage_1:\n  received: 100\n  refused: 4\nch01:\n  stage_1: 25.0\n",
			"9:12 error figures-percent: ch01 stage_1 25.0 does not agree with 96 complaints per 4000 homes (24.0 per 1,000)\n"},
		{"breakdowns", "stage_1:\n  received: 3\n  refused: 1\n  refusals:\n    late: 2\n  categories:\n    repairs: 4\n",
			"8:5 error figures-sum: stage_1.refusals add up to 2, more than refused (1)\n" +
				"10:5 error figures-sum: stage_1.categories add up to 4, more than received (3)\n"},
		{"median over p90", "stage_1:\n  median_days: 12\n  p90_days: 10\n",
			"5:16 error figures-percent: stage_1.median_days (12) is more than p90_days (10): half the responses cannot take longer than nine in ten\n"},
		{"rows", "rows:\n  read: 10\n  used: 5\n  outside_period: 2\n  left_out: 2\n",
			"5:9 error figures-sum: rows: used (5), outside_period (2) and left_out (2) add up to 9, not read (10)\n"},
		{"escalation", "stage_1:\n  responded: 200\nstage_2:\n  received: 30\nescalation_rate: 20.0\n",
			"8:18 error figures-percent: escalation_rate 20.0 does not agree with 30 stage 2 received per 200 stage 1 responses (15.0)\n"},
		{"tenures", "homes: 100\nstage_1:\n  received: 5\ntenures:\n  - tenure: low-cost rental\n    homes: 90\n    stage_1:\n      received: 4\n  - tenure: low-cost home ownership\n    homes: 20\n    stage_1:\n      received: 2\n",
			"4:8 error figures-sum: the tenures' homes add up to 110, more than homes (100)\n" +
				"6:13 error figures-sum: the tenures' stage_1 received add up to 6, more than stage_1 received (5)\n"},
		{"unknown key", "stage_1:\n  recieved: 3\n", "5:3 error schema: unknown key \"recieved\": did you mean \"received\"?\n"},
		{"not a number", "homes: many\nstage_1:\n  received: -3\n  median_days: 4.5\n",
			"4:8 error schema: homes \"many\" should be a whole number, 0 or more\n" +
				"6:13 error schema: stage_1.received \"-3\" should be a whole number, 0 or more\n"},
		{"a tenure not the regulator's", "tenures:\n  - tenure: leasehold\n",
			"5:13 error schema: tenure \"leasehold\" should be low-cost rental or low-cost home ownership\n"},
		{"percent sign", "ch02:\n  stage_1:\n    responded: 4\n    within: 3\n    percent: 75%\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findings(Check("f.yaml", []byte(head+tt.body), CheckOptions{ReadDir: noFiles}))
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func noFiles(string) ([]string, error) { return nil, nil }

func TestDecodeErrors(t *testing.T) {
	tests := []struct{ text, want string }{
		{"kind: figures\nperiod: [\n", "2:1 error syntax: the file is not valid YAML: did not find expected node content\n"},
		{"period: 2024/25\ntimescales: chc-2024\nch01:\n  stage_1: 3\n", "1:1 error schema: no kind: add kind: figures at the top, so csa knows the file\n"},
		{"kind: figures\ntimescales: 2024\n", "1:1 error schema: no period: give period: 2024/25, or from: and to:\n"},
		{"kind: figures\nperiod: 2024-25\ntimescales: 2024\n", "2:9 error schema: period \"2024-25\" is not a financial year like 2024/25\n"},
		{"kind: figures\nperiod: 2024/25\nfrom: 2024-04-02\ntimescales: 2024\n", "3:7 error schema: from 2024-04-02 is not the first day of 2024/25 (2024-04-01)\n"},
		{"kind: figures\nperiod: 2024/25\n", "1:1 error schema: no timescales: name the Code whose timescales within counts against (timescales: chc-2024)\n"},
		{"kind: figures\nperiod: 2024/25\ntimescales: chc-2030\n", "3:13 error unknown-code: \"chc-2030\": the built-in codes are"},
		{"kind: figures\nperiod: 2024/25\ntimescales: 2024\nkind: figures\n", "4:1 error schema: kind is given twice\n"},
		{"- a\n- b\n", "1:1 error schema: a figures file is a mapping"},
	}
	for _, tt := range tests {
		got := findings(Check("f.yaml", []byte(tt.text), CheckOptions{ReadDir: noFiles}))
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q:\ngot:\n%s\nwant:\n%s", tt.text, got, tt.want)
		}
	}
}

// TestCrossCheck: a provision answered yes while the figures show its
// timescale missed in more than the threshold share of cases.
func TestCrossCheck(t *testing.T) {
	dir := t.TempDir()
	assessmentYAML := "code: chc-2024\nlandlord: Test Homes\nassessed: 2025-05-30\nperiod: 2024/25\nprovisions:\n" +
		"  - id: \"6.2\"\n    comply: yes\n  - id: \"6.3\"\n    comply: yes\n  - id: \"6.4\"\n    comply: yes\n" +
		"  - id: \"6.11\"\n    comply: yes\n  - id: \"6.14\"\n    comply: no\n"
	os.WriteFile(filepath.Join(dir, "assessment.yaml"), []byte(assessmentYAML), 0o644)
	os.WriteFile(filepath.Join(dir, "other-year.yaml"), []byte(strings.Replace(assessmentYAML, "2024/25", "2023/24", 1)), 0o644)
	figuresYAML := "kind: figures\nlandlord: Test Homes\nperiod: 2024/25\ntimescales: chc-2024\n" +
		"stage_1:\n  acknowledged: 100\n  acknowledged_within: 90\n  responded: 100\n  responded_within: 79\n  extended: 10\n  extension_beyond_limit: 2\n" +
		"stage_2:\n  acknowledged: 20\n  acknowledged_within: 19\n  responded: 20\n  responded_within: 10\n"
	path := filepath.Join(dir, "figures.yaml")
	os.WriteFile(path, []byte(figuresYAML), 0o644)
	a := filepath.Join(dir, "assessment.yaml")
	tests := []struct {
		threshold float64
		want      string
	}{
		{10, "9:21 warning missed-timescale: provision 6.3 is answered yes in " + a + " (line 9), but 21 of 100 stage 1 responses (21.0%) were outside the Code's timescale, more than 10%: is it met?\n" +
			"11:27 warning missed-timescale: provision 6.4 is answered yes in " + a + " (line 11), but 2 of 10 stage 1 extensions (20.0%) went beyond the Code's limit, more than 10%: is it met?\n"},
		{5, "7:24 warning missed-timescale: provision 6.2 is answered yes in " + a + " (line 7), but 10 of 100 stage 1 acknowledgements (10.0%) were outside the Code's timescale, more than 5%: is it met?\n" +
			"9:21 warning missed-timescale: provision 6.3 is answered yes in " + a + " (line 9), but 21 of 100 stage 1 responses (21.0%) were outside the Code's timescale, more than 5%: is it met?\n" +
			"11:27 warning missed-timescale: provision 6.4 is answered yes in " + a + " (line 11), but 2 of 10 stage 1 extensions (20.0%) went beyond the Code's limit, more than 5%: is it met?\n"},
		{25, ""},
	}
	for _, tt := range tests {
		data, _ := os.ReadFile(path)
		got := findings(Check(path, data, CheckOptions{Threshold: tt.threshold, Assessment: fromDisk}))
		if got != tt.want {
			t.Errorf("threshold %v:\ngot:\n%s\nwant:\n%s", tt.threshold, got, tt.want)
		}
	}

	// Named: the file it names, relative to the figures file.
	named := figuresYAML + "assessment: missing.yaml\n"
	os.WriteFile(path, []byte(named), 0o644)
	got := findings(Check(path, []byte(named), CheckOptions{Assessment: fromDisk}))
	if want := "17:13 error figures-assessment: assessment " + filepath.Join(dir, "missing.yaml") + " does not exist (it is taken from the figures file's folder)\n"; got != want {
		t.Errorf("named, missing:\n%s", got)
	}
	// Two for the period: which one is not guessed.
	os.WriteFile(filepath.Join(dir, "copy.yaml"), []byte(assessmentYAML), 0o644)
	os.WriteFile(path, []byte(figuresYAML), 0o644)
	got = findings(Check(path, []byte(figuresYAML), CheckOptions{Assessment: fromDisk}))
	if !strings.Contains(got, "warning figures-assessment: 2 assessments for 2024/25 are beside it") || strings.Contains(got, "missed-timescale") {
		t.Errorf("two beside it:\n%s", got)
	}
	// Another landlord's is not this one's.
	os.WriteFile(filepath.Join(dir, "copy.yaml"), []byte(strings.Replace(assessmentYAML, "Test Homes", "Other Homes", 1)), 0o644)
	got = findings(Check(path, []byte(figuresYAML), CheckOptions{Threshold: DefaultThreshold, Assessment: fromDisk}))
	if strings.Count(got, "missed-timescale") != 2 {
		t.Errorf("another landlord's beside it:\n%s", got)
	}
}

// fromDisk reads an assessment for the cross-check, as csa's loader would
// (package load, which the tests of this package cannot import).
func fromDisk(path string) Found {
	data, err := os.ReadFile(path)
	switch {
	case err != nil:
		return Found{Err: err}
	case IsFigures(data):
		return Found{Not: "a figures file"}
	case assessment.KindOf(data) != assessment.MaybeAssessment:
		return Found{Not: assessment.KindOf(data).Why()}
	}
	a, _ := assessment.Parse(path, data)
	if a == nil {
		return Found{}
	}
	cat, _ := codes.Lookup(a.Code, filepath.Dir(path))
	return Found{Entry: assessment.Entry{Assessment: a, Catalogue: cat}}
}
