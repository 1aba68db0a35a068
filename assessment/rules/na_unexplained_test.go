package rules

import "testing"

func TestNAUnexplained(t *testing.T) {
	checkCases(t, NAUnexplained, []ruleCase{
		{"no commentary", head + "  - id: \"1.2\"\n    comply: n/a\n", []string{
			"9:13 1.2: provision 1.2 is answered n/a with no commentary: say why it does not apply"}},
		{"blank commentary", head + "  - id: \"1.2\"\n    comply: N/A\n    commentary: \"  \"\n", []string{
			"9:13 1.2: provision 1.2 is answered n/a with no commentary: say why it does not apply"}},
		{"explained", head + "  - id: \"1.2\"\n    comply: n/a\n    commentary: We have no stage 2 panel.\n", nil},
		{"evidence is no explanation", head + "  - id: \"1.2\"\n    comply: n/a\n    evidence: Policy.\n", []string{
			"9:13 1.2: provision 1.2 is answered n/a with no commentary: say why it does not apply"}},
	})
}
