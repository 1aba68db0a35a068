package rules_test

import (
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

func TestAnnualResponseEarly(t *testing.T) {
	annualCases(t, rules.AnnualResponseEarly, []annualCase{
		{name: "after the report", yaml: full},
		{name: "the same day", yaml: strings.Replace(full, "on: 2025-06-26", "on: 2025-06-12", 1)},
		{name: "before the report", yaml: strings.Replace(full, "on: 2025-06-26", "on: 2025-06-11", 1), want: []string{
			"23:7: the governing body's response is dated 2025-06-11, before the report (dated 2025-06-12)"}},
		{name: "no response is annual-no-response's", yaml: without(full, "response")},
	})
}
