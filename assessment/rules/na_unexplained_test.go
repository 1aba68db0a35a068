package rules

import "testing"

func TestNAUnexplained(t *testing.T) {
	checkCases(t, NAUnexplained, []ruleCase{
		{"no commentary", head + "  - id: \"1.2\"\n    comply: n/a\n", []string{
			"9:13 1.2: provision 1.2 is answered n/a with no commentary: say why it does not apply"}},
		{"blank commentary", head + "  - id: \"1.2\"\n    comply: N/A\n    commentary: \"  \"\n", []string{
			"9:13 1.2: provision 1.2 is answered n/a with no commentary: say why it does not apply"}},
		{"group: an entity's n/a", groupHead + "  - id: \"1.2\"\n    comply: yes\n    entities:\n      C:\n        comply: n/a\n", []string{
			"16:17 1.2: provision 1.2 for C is answered n/a with no commentary: say why it does not apply"}},
		{"group: an entity's n/a with the group's commentary", groupHead + "  - id: \"1.2\"\n    comply: yes\n    commentary: Stage 2 is the group's.\n    entities:\n      C:\n        comply: n/a\n", nil},
		{"group: the group's n/a explained by two", groupHead + "  - id: \"1.2\"\n    comply: n/a\n    entities:\n      A:\n        commentary: No stage 2 panel.\n      B:\n        commentary: No stage 2 panel.\n", []string{
			"13:13 1.2: provision 1.2 for C is answered n/a with no commentary: say why it does not apply"}},
		{"explained", head + "  - id: \"1.2\"\n    comply: n/a\n    commentary: We have no stage 2 panel.\n", nil},
		{"evidence is no explanation", head + "  - id: \"1.2\"\n    comply: n/a\n    evidence: Policy.\n", []string{
			"9:13 1.2: provision 1.2 is answered n/a with no commentary: say why it does not apply"}},
	})
}
