package rules

import "testing"

func TestSupersededCode(t *testing.T) {
	doc := func(code, assessed string) string {
		return "code: " + code + "\nlandlord: L\nassessed: " + assessed + "\nprovisions: []\n"
	}
	checkCases(t, SupersededCode, []ruleCase{
		{"2022 on the day 2024 came in", doc("chc-2022", "2024-04-01"), []string{
			"1:7 : assessed on 2024-04-01 against chc-2022, which chc-2024 replaced on 2024-04-01: assess against chc-2024"}},
		{"2022 before it", doc("2022", "2024-03-31"), nil},
		{"2024", doc("chc-2024", "2025-05-31"), nil},
		{"a catalogue nothing replaces", doc("mini.yaml", "2025-05-31"), nil},
	})
}
