package rules

import "testing"

func TestUnapproved(t *testing.T) {
	checkCases(t, Unapproved, []ruleCase{
		{"no approval", "code: mini.yaml\nlandlord: L\nassessed: 2025-05-31\nprovisions: []\n", []string{
			"1:1 : no governing-body approval is recorded: add approved: with by: and on: once the board has approved it"}},
		{"approved", head, nil},
	})
}
