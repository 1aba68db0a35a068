package rules_test

import (
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

func TestAnnualMissingPart(t *testing.T) {
	facts := strings.Join(strings.SplitAfter(full, "\n")[:6], "")
	noReports := strings.Replace(full, "  annual_report: none\n  other_reports: []\n", "", 1)
	const lacks = "1:1: the report lacks "
	annualCases(t, rules.AnnualMissingPart, []annualCase{
		{name: "every part", yaml: full},
		{name: "nothing but the facts", yaml: facts, want: []string{
			lacks + "a qualitative analysis of complaint handling performance, which the Code (8.1) asks for: write it under analysis:",
			lacks + "a quantitative analysis of complaint handling performance, which the Code (8.1) asks for: name the year's figures file (csa figures writes it) with figures:",
			lacks + "other relevant Ombudsman reports about the landlord, which the Code (8.1) asks for: list them under ombudsman: other_reports: (an empty list, [], when there are none)",
			lacks + "the Ombudsman's annual report about the landlord's performance, which the Code (8.1) asks for: give its title: and link: under ombudsman: annual_report:, or write annual_report: none",
			lacks + "the Ombudsman's findings of non-compliance with the Code, which the Code (8.1) asks for: list the Ombudsman's determinations under ombudsman: determinations: (an empty list, [], when there were none)",
			lacks + "the self-assessment, which the Code (8.1) asks for: name the year's self-assessment file with self_assessment:",
			lacks + "the service improvements made from learning, which the Code (8.1) asks for: list them under improvements:, each with learned:, changed: and when:",
			lacks + "the types of complaints refused, which the Code (8.1) asks for: write them under refusals:, or count the log with a refusal reason column (csa figures)"}},
		{name: "no analysis", yaml: without(full, "analysis"), want: []string{
			lacks + "a qualitative analysis of complaint handling performance, which the Code (8.1) asks for: write it under analysis:"}},
		{name: "no Ombudsman reports: said at ombudsman:", yaml: noReports, want: []string{
			"17:1: the report lacks other relevant Ombudsman reports about the landlord, which the Code (8.1) asks for: list them under ombudsman: other_reports: (an empty list, [], when there are none)",
			"17:1: the report lacks the Ombudsman's annual report about the landlord's performance, which the Code (8.1) asks for: give its title: and link: under ombudsman: annual_report:, or write annual_report: none"}},
		{name: "an empty list of improvements is none", yaml: strings.Replace(without(full, "improvements"), "ombudsman:", "improvements: []\nombudsman:", 1), want: []string{
			lacks + "the service improvements made from learning, which the Code (8.1) asks for: list them under improvements:, each with learned:, changed: and when:"}},
		{name: "refusals counted in the figures", yaml: without(full, "refusals")},
		{name: "none refused", yaml: without(full, "refusals"), beside: map[string]string{"figures.yaml": strings.Replace(figuresFile, "refused: 1\n  refusals:\n    Too old: 1\n", "refused: 0\n", 1)}},
		{name: "refused without reasons", yaml: without(full, "refusals"), beside: map[string]string{"figures.yaml": strings.Replace(figuresFile, "  refusals:\n    Too old: 1\n", "", 1)}, want: []string{
			lacks + "the types of complaints refused, which the Code (8.1) asks for: write them under refusals:, or count the log with a refusal reason column (csa figures)"}},
		{name: "figures that cannot be read are annual-reference's", yaml: without(full, "refusals"), beside: map[string]string{"figures.yaml": ""}},
	})
}
