package rules_test

import (
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

func TestAnnualReference(t *testing.T) {
	annualCases(t, rules.AnnualReference, []annualCase{
		{name: "the files are there", yaml: full},
		{name: "no self-assessment there", yaml: full, beside: map[string]string{"a.yaml": ""}, want: []string{
			"7:18: self_assessment: a.yaml does not exist (paths are taken from the annual report's folder)"}},
		{name: "figures named as the self-assessment", yaml: strings.Replace(full, "self_assessment: a.yaml", "self_assessment: figures.yaml", 1), want: []string{
			"7:18: self_assessment: figures.yaml is a figures file"}},
		{name: "a broken self-assessment", yaml: full, beside: map[string]string{"a.yaml": "code: chc-2024\nlandlord: Test Homes\nassessed: 31/05/2025\nprovisions: []\n"}, want: []string{
			"7:18: self_assessment: a.yaml is not a valid assessment: csa check a.yaml lists its errors"}},
		{name: "an assessment named as the figures", yaml: strings.Replace(full, "figures: figures.yaml", "figures: a.yaml", 1), want: []string{
			"8:10: figures: a.yaml is not a figures file (kind: figures): csa figures writes one from the complaints log"}},
		{name: "a folder", yaml: strings.Replace(full, "figures: figures.yaml", "figures: .", 1), want: []string{
			"8:10: figures: . cannot be read: not a regular file"}},
		{name: "previous names last year's report without figures", yaml: full + "previous: last.yaml\n",
			beside: map[string]string{"last.yaml": without(replace(full, "period: 2024/25", "period: 2023/24"), "figures")}, want: []string{
				"29:11: previous: last.yaml names no figures file (figures:), so last year's figures cannot be shown"}},
		{name: "previous names something else", yaml: full + "previous: a.yaml\n", want: []string{
			"29:11: previous: a.yaml is neither an annual report (kind: annual) nor a figures file (kind: figures)"}},
		{name: "previous names last year's figures", yaml: full + "previous: last.yaml\n",
			beside: map[string]string{"last.yaml": strings.Replace(figuresFile, "2024/25", "2023/24", 1)}},
	})
}
