package rules

import "testing"

func TestStale(t *testing.T) {
	doc := func(assessed string) string {
		return "code: mini.yaml\nlandlord: L\nassessed: " + assessed + "\nprovisions: []\n"
	}
	checkCases(t, Stale, []ruleCase{
		{"a year and a day", doc("2024-06-30"), []string{
			"3:11 : assessed on 2024-06-30, more than 12 months before 2025-07-01: the Code asks for a self-assessment at least once a year"}},
		{"a year to the day", doc("2024-07-01"), nil},
		{"this year", doc("2025-05-31"), nil},
	})
}
