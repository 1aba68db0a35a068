package rules

import "testing"

func TestNoPlan(t *testing.T) {
	answer := func(comply, rest string) string {
		return head + "  - id: \"1.2\"\n    comply: " + comply + "\n" + rest
	}
	act := func(owner, due, draft string) string {
		s := "      - action: Train the team.\n"
		if owner != "" {
			s += "        owner: " + owner + "\n"
		}
		if due != "" {
			s += "        due: " + due + "\n"
		}
		if draft != "" {
			s += "        draft: true\n"
		}
		return s
	}
	checkCases(t, NoPlan, []ruleCase{
		{"no action", answer("no", ""), []string{
			"9:13 1.2: provision 1.2 is answered no with no action plan: add an action with an owner and a due date, or an alternative"}},
		{"only drafts", answer("partial", "    actions:\n"+act("", "2025-09-30", "yes")), []string{
			"9:13 1.2: provision 1.2 is answered partial and its only actions are drafts from import: give one an owner and a due date"}},
		{"neither owner nor date", answer("no", "    actions:\n"+act("", "", "")), []string{
			"9:13 1.2: provision 1.2 is answered no but no action has an owner or a due date"}},
		{"no owner", answer("no", "    actions:\n"+act("", "2025-09-30", "")), []string{
			"9:13 1.2: provision 1.2 is answered no but no action has an owner"}},
		{"no date", answer("no", "    actions:\n"+act("Complaints Manager", "", "")), []string{
			"9:13 1.2: provision 1.2 is answered no but no action has a due date"}},
		{"owner and date on different actions", answer("partial", "    actions:\n"+act("Complaints Manager", "", "")+act("", "2025-09-30", "")), []string{
			"9:13 1.2: provision 1.2 is answered partial but no single action has both an owner and a due date"}},
		{"no comply line", head + "  - id: \"1.2\"\n    comply: no\n" + "  - id: \"1.3\"\n    actions: []\n    comply: partial\n", []string{
			"9:13 1.2: provision 1.2 is answered no with no action plan: add an action with an owner and a due date, or an alternative",
			"12:13 1.3: provision 1.3 is answered partial with no action plan: add an action with an owner and a due date, or an alternative"}},
		{"an action with both", answer("no", "    actions:\n"+act("Complaints Manager", "2025-09-30", "")), nil},
		{"a draft given both", answer("no", "    actions:\n"+act("Complaints Manager", "2025-09-30", "yes")), nil},
		{"an alternative", answer("partial", "    alternative: Group complaints are logged one by one.\n"), nil},
		{"yes needs no plan", answer("yes", ""), nil},
	})
}
