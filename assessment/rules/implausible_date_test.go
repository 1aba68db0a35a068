package rules

import "testing"

// TestImplausibleDate: a date before 2020 (before any Complaint Handling
// Code) or more than a year after today (five for a due date) is an error,
// in every date field; year 1 is a date, not a blank.
func TestImplausibleDate(t *testing.T) {
	doc := func(assessed, approved, due, completed string) string {
		return "code: mini.yaml\nlandlord: L\nassessed: " + assessed + "\napproved:\n  by: Board\n  on: " + approved +
			"\nprovisions:\n  - id: \"1.2\"\n    comply: no\n    actions:\n      - action: Train staff.\n        owner: O\n        due: " + due +
			"\n        status: done\n        completed: " + completed + "\n"
	}
	checkCases(t, ImplausibleDate, []ruleCase{
		{"plausible", doc("2025-05-31", "2025-06-19", "2026-07-01", "2025-06-01"), nil},
		{"a long plan", doc("2025-05-31", "2025-06-19", "2030-07-01", "2025-06-01"), nil},
		{"year one assessed", doc("0001-01-01", "2025-06-19", "2025-09-30", "2025-06-01"), []string{
			"3:11 : assessed 0001-01-01 is before 2020, earlier than any Complaint Handling Code: check the year"}},
		{"far future assessed", doc("9999-12-31", "2025-06-19", "2025-09-30", "2025-06-01"), []string{
			"3:11 : assessed 9999-12-31 is more than a year after 2025-07-01: check the year"}},
		{"approved", doc("2025-05-31", "2019-12-31", "2025-09-30", "2025-06-01"), []string{
			"4:1 : approved on 2019-12-31 is before 2020, earlier than any Complaint Handling Code: check the year"}},
		{"due", doc("2025-05-31", "2025-06-19", "2030-07-02", "2025-06-01"), []string{
			"13:14 1.2: due 2030-07-02 (provision 1.2) is more than 5 years after 2025-07-01: check the year"}},
		{"group: an entity's action", groupHead + "  - id: \"1.2\"\n    comply: no\n    entities:\n      B:\n        actions:\n          - action: x\n            owner: O\n            due: 2205-01-01\n", []string{
			"19:18 1.2: due 2205-01-01 (provision 1.2 for B) is more than 5 years after 2025-07-01: check the year"}},
		{"completed", doc("2025-05-31", "2025-06-19", "2025-09-30", "1999-01-01"), []string{
			"11:9 1.2: completed 1999-01-01 (provision 1.2) is before 2020, earlier than any Complaint Handling Code: check the year"}},
	})
}
