package rules_test

import (
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/rules"
)

func TestAnnualSubmissionOverdue(t *testing.T) {
	none := without(full, "submitted")
	annualCases(t, rules.AnnualSubmissionOverdue, []annualCase{
		{name: "submitted in time", yaml: full, asOf: assessment.NewDate(2025, 12, 1)},
		{name: "submitted late is submitted", yaml: replace(full, "on: 2025-06-30", "on: 2025-10-14"), asOf: assessment.NewDate(2025, 12, 1)},
		{name: "on the day", yaml: none, asOf: assessment.NewDate(2025, 9, 30)},
		{name: "a day late", yaml: none, asOf: assessment.NewDate(2025, 10, 1), want: []string{
			"4:1: the submission to the Ombudsman was due by 30 September 2025 (more than 1,000 homes: by 30 September after the financial year ends), 1 day ago, and none is recorded under submitted:"}},
		{name: "a smaller landlord", yaml: replace(none, "homes: 1200", "homes: 1000"), asOf: assessment.NewDate(2025, 10, 1), want: []string{
			"4:1: the submission to the Ombudsman was due by 30 September 2025 (1,000 homes or fewer: within six months of the financial year end), 1 day ago, and none is recorded under submitted:"}},
	})
}
