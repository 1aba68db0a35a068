package rules_test

import (
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

func TestAnnualNoResponse(t *testing.T) {
	annualCases(t, rules.AnnualNoResponse, []annualCase{
		{name: "a response", yaml: full},
		{name: "none", yaml: without(full, "response"), want: []string{
			"1:1: the governing body's response is not recorded: add response: with by:, on: and text: once it has considered the report"}},
	})
}
