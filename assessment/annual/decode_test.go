package annual

import (
	"fmt"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
)

func findings(fs []assessment.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%d:%d %s %s: %s\n", f.Line, f.Col, f.Severity, f.Rule, f.Message)
	}
	return b.String()
}

func TestIsAnnual(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"kind: annual\n", true},
		{"# the report\nkind: \"annual\" # csa\n", true},
		{"kind: Annual\r\n", true},
		{"kind: figures\n", false},
		{"code: chc-2024\nkind: annual\n", true},
		{"  kind: annual\n", false}, // not at the top
		{"landlord: x\n", false},
	}
	for _, tt := range tests {
		if got := IsAnnual([]byte(tt.text)); got != tt.want {
			t.Errorf("IsAnnual(%q) = %v", tt.text, got)
		}
	}
}

// TestParse: what the loader reads, and what it refuses, each at its
// line and column.
func TestParse(t *testing.T) {
	head := "kind: annual\nlandlord: L\nperiod: 2024/25\nyear_end: 2025-03-31\nhomes: 1200\ndated: 2025-06-12\n"
	tests := []struct {
		name, text, want string
	}{
		{"the facts", head, ""},
		{"the full report", full, ""},
		{"a typo", head + "anaylsis: text\n", "7:1 error schema: unknown key \"anaylsis\" in the annual report (did you mean \"analysis\"?); the keys are " + strings.Join(topKeys, ", ") + "\n"},
		{"a date written the British way", strings.Replace(head, "2025-06-12", "12/06/2025", 1), "6:8 error schema: dated \"12/06/2025\" is not a date: write it as YYYY-MM-DD, e.g. 2025-05-31\n"},
		{"homes with a comma", strings.Replace(head, "1200", "\"4,180\"", 1), "5:8 error schema: homes \"4,180\" should be a whole number, 0 or more (write 4180, not 4,180)\n"},
		{"the facts missing", "kind: annual\n",
			"1:1 error schema: landlord is missing: give the landlord's name, e.g. landlord: Example Homes\n" +
				"1:1 error schema: period is missing: give the reporting year, e.g. period: 2024/25\n" +
				"1:1 error schema: year_end is missing: give the last day of the financial year, e.g. year_end: 2025-03-31 (the submission deadline runs from it)\n" +
				"1:1 error schema: homes is missing: give the number of homes owned (the submission deadline depends on it)\n" +
				"1:1 error schema: dated is missing: give the day the report was finished, e.g. dated: 2025-06-12\n"},
		{"another kind", strings.Replace(head, "kind: annual", "kind: anual", 1), "1:7 error schema: kind \"anual\": an annual report file says kind: annual\n"},
		{"an order's status", head + "ombudsman:\n  determinations:\n    - case: \"1\"\n      finding: x\n      orders:\n        - order: Apologise.\n          complied: done\n",
			"13:21 error schema: complied \"done\" should be yes, no or pending (not yet due)\n"},
		{"complied on without yes", head + "ombudsman:\n  determinations:\n    - case: \"1\"\n      finding: x\n      orders:\n        - order: Apologise.\n          complied: no\n          on: 2024-12-01\n",
			"14:15 error schema: an order has on: (the day it was complied with) but complied is not yes\n"},
		{"a determination without its case", head + "ombudsman:\n  determinations:\n    - finding: x\n", "9:7 error schema: a determination needs case: the Ombudsman's case reference\n"},
		{"not a list", head + "improvements: none\n", "7:15 error schema: improvements should be a list, each item starting - learned:, not the value \"none\"\n"},
		{"a form year", head + "submitted:\n  - on: 2025-06-30\n    form: 2025/26\n    what: x\n", "9:11 error schema: form \"2025/26\" should be the form's year, like 2025-26\n"},
		{"a submission without a date", head + "submitted:\n  - form: 2025-26\n    what: x\n", "8:5 error schema: a submission needs on: the day it was made\n"},
		{"a response without text", head + "response:\n  by: Board\n  on: 2025-06-26\n", "7:1 error schema: response needs text: with what the governing body said\n"},
		{"an alias", head + "analysis: &a text\nrefusals: *a\n", "7:11 error schema: an anchor or alias (& or *): an annual report file is read without them; write the value out\n"},
		{"a syntax error", head + "analysis: [\n", "8:1 error syntax: not valid YAML: did not find expected node content\n"},
		{"a list", "- kind: annual\n", "1:1 error schema: an annual report file is a set of keys (kind: annual, landlord:, period: ...)\n"},
		{"two documents", head + "---\nkind: annual\n", "7:1 error schema: the file holds more than one YAML document (a second ---); keep one report per file\n"},
		{"empty", "", "1:1 error schema: the file is empty: an annual report file starts with kind: annual\n"},
		{"not UTF-8", "kind: annual\nlandlord: \xff\n", "1:1 error syntax: the file is not UTF-8 text (or not text at all): save it as UTF-8\n"},
		{"annual_report as text", head + "ombudsman:\n  annual_report: https://example.org\n", "8:18 error schema: ombudsman.annual_report should hold title: and link:, or be none\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, fs := Parse("a.yaml", []byte(tt.text))
			if got := findings(fs); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestParseValues: the values read from the full report.
func TestParseValues(t *testing.T) {
	a, _, fs := Parse("a.yaml", []byte(full))
	if len(fs) > 0 {
		t.Fatal(findings(fs))
	}
	got := fmt.Sprintf("%s|%s|%s|%d|%s|%s|%s|%d|%v|%v|%s %s|%d %s",
		a.Landlord, a.Period, a.YearEnd, *a.Homes, a.Dated, a.SelfAssessment, a.Figures,
		len(a.Improvements), a.Ombudsman.NoAnnualReport, a.Ombudsman.Given("other_reports"),
		a.Response.By, a.Response.On, len(a.Submitted), a.Submitted[0].Form)
	if want := "Test Homes|2024/25|2025-03-31|1200|2025-06-12|a.yaml|figures.yaml|1|true|true|Board 2025-06-26|1 2025-26"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
