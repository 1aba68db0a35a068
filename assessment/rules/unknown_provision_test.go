package rules

import "testing"

func TestUnknownProvision(t *testing.T) {
	checkCases(t, UnknownProvision, []ruleCase{
		{"past the end of a section", head + "  - id: \"1.4\"\n    comply: yes\n", []string{
			"8:5 1.4: provision 1.4 is not in mini (its section 1 runs 1.1 to 1.3)"}},
		{"no such section", head + "  - id: \"7.1\"\n    comply: yes\n", []string{
			"8:5 7.1: provision 7.1 is not in mini (it has no section 7)"}},
		{"not a section and a number", head + "  - id: \"one\"\n    comply: yes\n", []string{
			`8:5 one: provision one is not in mini (a provision id is a section and a number, like "6.10")`}},
		{"answered twice, named once", head + "  - id: \"1.9\"\n  - id: \"1.9\"\n", []string{
			"8:5 1.9: provision 1.9 is not in mini (its section 1 runs 1.1 to 1.3)"}},
		{"a provision the Code has", head + "  - id: \"1.3\"\n    comply: yes\n", nil},
		{"the Code unknown", "code: chc-2030\nlandlord: L\nassessed: 2025-05-31\nprovisions:\n  - id: \"99.1\"\n", nil},
	})
}
