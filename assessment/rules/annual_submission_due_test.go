package rules_test

import (
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/rules"
)

func TestAnnualSubmissionDue(t *testing.T) {
	none := without(full, "submitted")
	small := func(doc string) string { return replace(doc, "homes: 1200", "homes: 900") }
	annualCases(t, rules.AnnualSubmissionDue, []annualCase{
		{name: "submitted", yaml: full, asOf: assessment.NewDate(2025, 9, 15)},
		{name: "31 days to go", yaml: none, asOf: assessment.NewDate(2025, 8, 30)},
		{name: "30 days to go", yaml: none, asOf: assessment.NewDate(2025, 8, 31), want: []string{
			"4:1: the submission to the Ombudsman is due by 30 September 2025 (more than 1,000 homes: by 30 September after the financial year ends), in 30 days, and none is recorded under submitted:"}},
		{name: "due today", yaml: none, asOf: assessment.NewDate(2025, 9, 30), want: []string{
			"4:1: the submission to the Ombudsman is due by 30 September 2025 (more than 1,000 homes: by 30 September after the financial year ends), in 0 days, and none is recorded under submitted:"}},
		{name: "past it is annual-submission-overdue's", yaml: none, asOf: assessment.NewDate(2025, 10, 1)},
		{name: "a submission planned for later is not made", yaml: replace(full, "on: 2025-06-30", "on: 2025-09-29"), asOf: assessment.NewDate(2025, 9, 15), want: []string{
			"4:1: the submission to the Ombudsman is due by 30 September 2025 (more than 1,000 homes: by 30 September after the financial year ends), in 15 days, and none is recorded under submitted:"}},
		{name: "a smaller landlord, a December year end", yaml: small(replace(none, "year_end: 2025-03-31", "year_end: 2024-12-31")), asOf: assessment.NewDate(2025, 6, 1), want: []string{
			"4:1: the submission to the Ombudsman is due by 30 June 2025 (1,000 homes or fewer: within six months of the financial year end), in 29 days, and none is recorded under submitted:"}},
	})
}
