package rules

import "testing"

// TestContradiction: the rule's own placing of what package contradiction
// finds (its tests hold the phrases).
func TestContradiction(t *testing.T) {
	checkCases(t, Contradiction, []ruleCase{
		{"in the evidence", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: We do not currently do this.\n", []string{
			`10:15 1.2: provision 1.2 is answered yes but its evidence says "do not currently do this": is it met?`}},
		{"on a block's third line", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: |\n      Policy 2.2.\n      Training records.\n      We are not consistently meeting this.\n", []string{
			`13:7 1.2: provision 1.2 is answered yes but its evidence says "are not consistently meeting this": is it met?`}},
		{"in the commentary", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: Policy.\n    commentary: There is further work to do to be compliant.\n", []string{
			`11:17 1.2: provision 1.2 is answered yes but its commentary says "further work to do": is it met?`}},
		{"the evidence first", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: We need to update it.\n    commentary: Not consistent yet.\n", []string{
			`10:15 1.2: provision 1.2 is answered yes but its evidence says "We need to": is it met?`}},
		{"group: an entity's own admission", groupHead + "  - id: \"1.2\"\n    comply: yes\n    evidence: Policy.\n    entities:\n      B:\n        commentary: We do not currently do this.\n", []string{
			`17:21 1.2: provision 1.2 for B is answered yes but its commentary says "do not currently do this": is it met?`}},
		{"group: the group's admission, one entity partial", groupHead + "  - id: \"1.2\"\n    comply: yes\n    evidence: We do not currently do this.\n    entities:\n      B:\n        comply: partial\n        alternative: x\n", []string{
			`14:15 1.2: provision 1.2 for A and C is answered yes but its evidence says "do not currently do this": is it met?`}},
		{"a double negative", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: We have no evidence that we are not compliant.\n", nil},
		{"a partial may admit it", head + "  - id: \"1.2\"\n    comply: partial\n    evidence: We do not currently do this.\n", nil},
	})
}
