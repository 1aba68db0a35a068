package rules_test

import (
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

func TestFiguresSum(t *testing.T) {
	figuresCases(t, rules.FiguresSum, []figuresCase{
		{name: "responded to more than were accepted", yaml: figuresHead + "stage_1:\n  received: 10\n  refused: 2\n  responded: 9\n", want: []string{
			"7:14 error : stage_1.responded (9) is more than received less refused (8)"}},
		{name: "CH02 within more than responded", yaml: figuresHead + "ch02:\n  stage_2:\n    responded: 10\n    within: 11\n", want: []string{
			"7:13 error : ch02 stage_2 within (11) is more than responded (10)"}},
		{name: "adding up", yaml: figuresHead + "stage_1:\n  received: 10\n  refused: 2\n  responded: 8\n  responded_within: 7\nch02:\n  stage_1:\n    responded: 8\n    within: 7\n"},
	})
}
