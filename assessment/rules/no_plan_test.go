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
		{"group: an entity's partial with no plan", groupHead + "  - id: \"1.2\"\n    comply: yes\n    evidence: Policy.\n    entities:\n      B:\n        comply: partial\n", []string{
			"17:17 1.2: provision 1.2 for B is answered partial with no action plan: add an action with an owner and a due date, or an alternative"}},
		{"group: two entities' each", groupHead + "  - id: \"1.2\"\n    comply: yes\n    entities:\n      B:\n        comply: partial\n      C:\n        comply: no\n", []string{
			"16:17 1.2: provision 1.2 for B is answered partial with no action plan: add an action with an owner and a due date, or an alternative",
			"18:17 1.2: provision 1.2 for C is answered no with no action plan: add an action with an owner and a due date, or an alternative"}},
		{"group: the group's partial, an entity's commentary", groupHead + "  - id: \"1.2\"\n    comply: partial\n    entities:\n      B:\n        commentary: Its own words.\n", []string{
			"13:13 1.2: provision 1.2 is answered partial with no action plan: add an action with an owner and a due date, or an alternative"}},
		{"group: one entity has its own plan", groupHead + "  - id: \"1.2\"\n    comply: partial\n    entities:\n      C:\n        actions:\n          - action: Fix it.\n            owner: Lead\n            due: 2025-09-30\n", []string{
			"13:13 1.2: provision 1.2 for A and B is answered partial with no action plan: add an action with an owner and a due date, or an alternative"}},
		{"group: the group's plan serves an entity's no", groupHead + "  - id: \"1.2\"\n    comply: partial\n    actions:\n      - action: Fix it.\n        owner: Lead\n        due: 2025-09-30\n    entities:\n      B:\n        comply: no\n", nil},
		{"group: an entity's own alternative", groupHead + "  - id: \"1.2\"\n    comply: yes\n    entities:\n      B:\n        comply: partial\n        alternative: Met another way.\n", nil},
		{"group: an unknown entity is unknown-entity's", groupHead + "  - id: \"1.2\"\n    comply: yes\n    entities:\n      D:\n        comply: partial\n", nil},
		{"an action with both", answer("no", "    actions:\n"+act("Complaints Manager", "2025-09-30", "")), nil},
		{"a draft given both", answer("no", "    actions:\n"+act("Complaints Manager", "2025-09-30", "yes")), nil},
		{"an alternative", answer("partial", "    alternative: Group complaints are logged one by one.\n"), nil},
		{"yes needs no plan", answer("yes", ""), nil},
	})
}
