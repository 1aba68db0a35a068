package rules

import "testing"

func TestNoEvidence(t *testing.T) {
	checkCases(t, NoEvidence, []ruleCase{
		{"no evidence key", head + "  - id: \"1.2\"\n    comply: yes\n", []string{
			"9:13 1.2: provision 1.2 is answered yes with no evidence: say what shows it is met"}},
		{"blank evidence", head + "  - id: \"1.2\"\n    comply: Yes\n    evidence: |\n\n", []string{
			"9:13 1.2: provision 1.2 is answered yes with no evidence: say what shows it is met"}},
		{"group: an entity's yes with none", groupHead + "  - id: \"1.2\"\n    comply: partial\n    alternative: x\n    entities:\n      A:\n        comply: yes\n", []string{
			"17:17 1.2: provision 1.2 for A is answered yes with no evidence: say what shows it is met"}},
		{"group: an entity's yes with the group's evidence", groupHead + "  - id: \"1.2\"\n    comply: partial\n    evidence: Policy 2.2.\n    entities:\n      A:\n        comply: yes\n", nil},
		{"evidence", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: Complaints Policy section 2.2.\n", nil},
		{"a partial needs none", head + "  - id: \"1.2\"\n    comply: partial\n", nil},
	})
}
