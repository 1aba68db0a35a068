package rules_test

import (
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

func TestFiguresPercent(t *testing.T) {
	figuresCases(t, rules.FiguresPercent, []figuresCase{
		{name: "CH02 percent off", yaml: figuresHead + "ch02:\n  stage_1:\n    responded: 28\n    within: 25\n    percent: 90.0\n", want: []string{
			"8:14 error : ch02 stage_1 percent 90.0 does not agree with 25 within of 28 responded (89.3)"}},
		{name: "median over the 90th percentile", yaml: figuresHead + "stage_1:\n  median_days: 12\n  p90_days: 10\n", want: []string{
			"5:16 error : stage_1.median_days (12) is more than p90_days (10): half the responses cannot take longer than nine in ten"}},
		{name: "rounded as written", yaml: figuresHead + "ch02:\n  stage_1:\n    responded: 28\n    within: 25\n    percent: 89\n"},
	})
}
