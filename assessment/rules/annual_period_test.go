package rules_test

import (
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

func TestAnnualPeriod(t *testing.T) {
	annualCases(t, rules.AnnualPeriod, []annualCase{
		{name: "the same year", yaml: full},
		{name: "written the other way", yaml: strings.Replace(full, "period: 2024/25", "period: 2024-25", 1)},
		{name: "last year's self-assessment", yaml: full, beside: map[string]string{"a.yaml": strings.Replace(selfAssessment, "2024/25", "2023/24", 1)}, want: []string{
			"7:18: the self-assessment a.yaml is for 2023/24, not 2024/25"}},
		{name: "a self-assessment without a period", yaml: full, beside: map[string]string{"a.yaml": strings.Replace(selfAssessment, "period: 2024/25\n", "", 1)}, want: []string{
			"7:18: the self-assessment a.yaml gives no period: add period: 2024/25 to it, so it is known to be this year's"}},
		{name: "last year's figures", yaml: full, beside: map[string]string{"figures.yaml": strings.Replace(figuresFile, "2024/25", "2023/24", 1)}, want: []string{
			"8:10: the figures figures.yaml are for 2023/24, not 2024/25"}},
		{name: "dated before the year ended", yaml: strings.Replace(full, "dated: 2025-06-12", "dated: 2025-03-01", 1), want: []string{
			"6:8: the report is dated 2025-03-01, before the financial year it reports on ended (2025-03-31)"}},
	})
}
