package rules_test

import (
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

func TestFiguresAssessment(t *testing.T) {
	assessment := func(landlord string) string {
		return "code: chc-2024\nlandlord: " + landlord + "\nassessed: 2025-05-31\nperiod: 2024/25\nprovisions: []\n"
	}
	figuresCases(t, rules.FiguresAssessment, []figuresCase{
		{name: "named and missing", yaml: figuresHead + "assessment: gone.yaml\n", want: []string{
			"4:13 error : assessment gone.yaml does not exist (it is taken from the figures file's folder)"}},
		{name: "named and not an assessment", yaml: figuresHead + "assessment: ci.yaml\n", beside: map[string]string{"ci.yaml": "on: push\njobs: {}\n"}, want: []string{
			"4:13 error : ci.yaml is not an assessment (no code: or provisions:): assessment: names the self-assessment to cross-check"}},
		{name: "two beside it", yaml: figuresHead, beside: map[string]string{"a.yaml": assessment("A"), "b.yaml": assessment("B")}, want: []string{
			"1:1 warning : 2 assessments for 2024/25 are beside it (a.yaml, b.yaml): name the one to cross-check with assessment:"}},
		{name: "two beside it, the landlord says which", yaml: figuresHead + "landlord: B\n", beside: map[string]string{"a.yaml": assessment("A"), "b.yaml": assessment("B")}},
		{name: "named", yaml: figuresHead + "assessment: a.yaml\n", beside: map[string]string{"a.yaml": assessment("A"), "b.yaml": assessment("B")}},
	})
}
