package sample

import "strings"

// Annual is an annual complaints report (kind: annual) with every part,
// its response and its submission, naming AnnualAssessment as a.yaml and
// AnnualFigures as figures.yaml beside it: clean under every rule on 1
// July 2025. The tests of package annual and of its rules start from it.
const Annual = `kind: annual
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

// AnnualAssessment and AnnualFigures are the files Annual names, for
// 2024/25.
const (
	AnnualAssessment = "code: chc-2024\nlandlord: Test Homes\nassessed: 2025-05-30\nperiod: 2024/25\nprovisions: []\n"
	AnnualFigures    = "kind: figures\nlandlord: Test Homes\nperiod: 2024/25\ntimescales: chc-2024\nstage_1:\n  received: 10\n  refused: 1\n  refusals:\n    Too old: 1\n"
)

// Without removes a top-level key and what is under it from a YAML
// document.
func Without(doc, key string) string {
	var out strings.Builder
	skip := false
	for _, l := range strings.SplitAfter(doc, "\n") {
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
