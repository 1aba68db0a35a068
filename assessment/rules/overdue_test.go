package rules

import "testing"

func TestOverdue(t *testing.T) {
	action := func(due, status string) string {
		return head + "  - id: \"1.2\"\n    comply: partial\n    actions:\n      - action: Train the team on the new complaints procedure and its timescales, every one of them.\n" +
			"        owner: Complaints Manager\n        due: " + due + "\n        status: " + status + "\n"
	}
	checkCases(t, Overdue, []ruleCase{
		{"a day late", action("2025-06-30", "open"), []string{
			"13:14 1.2: an action for provision 1.2 was due 2025-06-30 and is still open (1 day overdue): Train the team on the new complaints procedure and its timescales..."}},
		{"long late", action("2024-03-31", "open"), []string{
			"13:14 1.2: an action for provision 1.2 was due 2024-03-31 and is still open (457 days overdue): Train the team on the new complaints procedure and its timescales..."}},
		{"group: the group's action and an entity's", groupHead + "  - id: \"1.2\"\n    comply: partial\n    actions:\n      - action: Group training.\n        owner: Lead\n        due: 2025-06-01\n    entities:\n      B:\n        actions:\n          - action: Its own survey.\n            owner: B's manager\n            due: 2025-05-01\n", []string{
			"17:14 1.2: an action for provision 1.2 was due 2025-06-01 and is still open (30 days overdue): Group training.",
			"23:18 1.2: an action for provision 1.2 for B was due 2025-05-01 and is still open (61 days overdue): Its own survey."}},
		{"due today", action("2025-07-01", "open"), nil},
		{"done", action("2024-03-31", "done"), nil},
		{"the provision unknown", "code: mini.yaml\nlandlord: L\nassessed: 2025-05-31\nprovisions:\n  - id: \"9.9\"\n    comply: no\n    actions:\n      - action: x\n        due: 2024-01-01\n", nil},
	})
}
