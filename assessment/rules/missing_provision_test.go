package rules

import "testing"

func TestMissingProvision(t *testing.T) {
	checkCases(t, MissingProvision, []ruleCase{
		{"none answered", head, []string{
			"7:1 1.2: provision 1.2 has no answer: add it to provisions (Complaints are logged on the day they are made.)",
			"7:1 1.3: provision 1.3 has no answer: add it to provisions (Complaints are answered within ten working days of being logged, or...)",
			"7:1 2.1: provision 2.1 has no answer: add it to provisions (The board sees the complaints report.)"}},
		{"a blank answer", head + "  - id: \"1.2\"\n    comply:\n  - id: \"1.3\"\n    comply: no\n  - id: \"2.1\"\n    comply: ~\n", []string{
			"9:12 1.2: provision 1.2 is not answered: comply is blank; write yes, no, partial or n/a",
			"13:13 2.1: provision 2.1 is not answered: comply is blank; write yes, no, partial or n/a"}},
		{"no comply key", head + "  - id: \"1.2\"\n  - id: \"1.3\"\n    comply: yes\n  - id: \"2.1\"\n    comply: n/a\n", []string{
			"8:5 1.2: provision 1.2 is not answered: comply is blank; write yes, no, partial or n/a"}},
		{"group: a blank answer some entities give", groupHead + "  - id: \"1.2\"\n    comply:\n    entities:\n      B:\n        comply: yes\n  - id: \"1.3\"\n    comply: no\n  - id: \"2.1\"\n    entities:\n      A:\n        comply: yes\n      B:\n        comply: yes\n      C:\n        comply: n/a\n", []string{
			"13:12 1.2: provision 1.2 for A and C is not answered: comply is blank; write yes, no, partial or n/a"}},
		{"every provision answered; the one off the form left out", head + "  - id: \"1.2\"\n    comply: yes\n  - id: \"1.3\"\n    comply: partial\n  - id: \"2.1\"\n    comply: maybe\n", nil},
		{"the provision off the form left blank", head + "  - id: \"1.1\"\n  - id: \"1.2\"\n    comply: yes\n  - id: \"1.3\"\n    comply: yes\n  - id: \"2.1\"\n    comply: yes\n", nil},
	})
}
