package rules_test

import (
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

func TestAnnualOrderStatus(t *testing.T) {
	with := func(complied string) string {
		return strings.Replace(full, "  determinations: []\n", "  determinations:\n    - case: \"202400123\"\n      date: 2024-11-20\n      finding: Maladministration in our repairs.\n      orders:\n        - order: Pay £250 compensation.\n          due: 2024-12-18\n"+complied, 1)
	}
	annualCases(t, rules.AnnualOrderStatus, []annualCase{
		{name: "no determinations", yaml: full},
		{name: "complied with", yaml: with("          complied: yes\n          on: 2024-12-10\n")},
		{name: "not yet due", yaml: with("          complied: pending\n")},
		{name: "not complied with is a status", yaml: with("          complied: no\n")},
		{name: "no status", yaml: with(""), want: []string{
			"23:11: the order \"Pay £250 compensation.\" of case 202400123 has no compliance status: write complied: yes, no or pending"}},
		{name: "a blank status", yaml: with("          complied:\n"), want: []string{
			"25:20: the order \"Pay £250 compensation.\" of case 202400123 has no compliance status: write complied: yes, no or pending"}},
	})
}
