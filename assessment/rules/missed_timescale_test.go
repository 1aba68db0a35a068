package rules_test

import (
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

func TestMissedTimescale(t *testing.T) {
	beside := func(comply string) map[string]string {
		return map[string]string{"assessment.yaml": "code: chc-2024\nlandlord: L\nassessed: 2025-05-31\nperiod: 2024/25\nprovisions:\n  - id: \"6.3\"\n    comply: " + comply + "\n"}
	}
	responses := figuresHead + "stage_1:\n  received: 120\n  responded: 110\n  responded_within: 88\n"
	figuresCases(t, rules.MissedTimescale, []figuresCase{
		{name: "answered yes, missed in 20%", yaml: responses, beside: beside("yes"), want: []string{
			"7:21 warning 6.3: provision 6.3 is answered yes in assessment.yaml (line 7), but 22 of 110 stage 1 responses (20.0%) were outside the Code's timescale, more than 10%: is it met?"}},
		{name: "answered partial", yaml: responses, beside: beside("partial")},
		{name: "missed in 10% or less", yaml: figuresHead + "stage_1:\n  received: 120\n  responded: 110\n  responded_within: 99\n", beside: beside("yes")},
	})
}
