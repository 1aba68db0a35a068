package rules

import "testing"

func TestUnknownEntity(t *testing.T) {
	answer := func(name string) string {
		return "code: mini.yaml\nlandlord: G\nentities:\n  - name: Calder Vale Homes\n  - name: Calder Vale Living\n  - name: Moorside Housing Association\n" +
			"assessed: 2025-05-31\nprovisions:\n  - id: \"1.2\"\n    comply: yes\n    entities:\n      " + name + ":\n        comply: partial\n"
	}
	checkCases(t, UnknownEntity, []ruleCase{
		{"listed", answer("Calder Vale Living"), nil},
		{"a typing slip", answer("Calder Vale Livng"), []string{
			`12:7 1.2: provision 1.2 gives an answer for "Calder Vale Livng", which is not one of the entities listed (did you mean "Calder Vale Living"?)`}},
		{"another case", answer("calder vale homes"), []string{
			`12:7 1.2: provision 1.2 gives an answer for "calder vale homes", which is not one of the entities listed (did you mean "Calder Vale Homes"?)`}},
		{"a short form", answer("Moorside"), []string{
			`12:7 1.2: provision 1.2 gives an answer for "Moorside", which is not one of the entities listed (did you mean "Moorside Housing Association"?)`}},
		{"nothing like it", answer("Brackenford Homes"), []string{
			`12:7 1.2: provision 1.2 gives an answer for "Brackenford Homes", which is not one of the entities listed: the entities are Calder Vale Homes, Calder Vale Living and Moorside Housing Association`}},
		{"no entities listed", head + "  - id: \"1.2\"\n    comply: yes\n    entities:\n      Calder Vale Homes:\n        comply: partial\n", []string{
			`11:7 1.2: provision 1.2 gives an answer for "Calder Vale Homes", but the assessment lists no entities: list the group's landlords under entities: (- name: ...), or delete it`}},
	})
}
