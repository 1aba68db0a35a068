package rules

import "testing"

func TestDuplicateProvision(t *testing.T) {
	checkCases(t, DuplicateProvision, []ruleCase{
		{"answered twice", head + "  - id: \"1.2\"\n    comply: yes\n  - id: \"1.3\"\n  - id: \"1.2\"\n    comply: no\n", []string{
			"11:5 1.2: provision 1.2 is answered twice (first at line 8): keep one answer"}},
		{"answered three times", head + "  - id: \"1.2\"\n  - id: \"1.2\"\n  - id: \"1.2\"\n", []string{
			"9:5 1.2: provision 1.2 is answered twice (first at line 8): keep one answer",
			"10:5 1.2: provision 1.2 is answered twice (first at line 8): keep one answer"}},
		{"each once", head + "  - id: \"1.2\"\n  - id: \"1.3\"\n", nil},
	})
}
