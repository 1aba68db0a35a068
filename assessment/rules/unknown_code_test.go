package rules

import "testing"

func TestUnknownCode(t *testing.T) {
	checkCases(t, UnknownCode, []ruleCase{
		{"no such code", "code: chc-2030\nlandlord: L\nassessed: 2025-05-31\nprovisions: []\n", []string{
			`1:7 : "chc-2030": the built-in codes are chc-2022, chc-2024 (or 2022, 2024), or name a catalogue file ending .yaml`}},
		{"no such file", "code: other.yaml\nlandlord: L\nassessed: 2025-05-31\nprovisions: []\n", []string{
			"1:7 : catalogue file other.yaml does not exist"}},
		{"a built-in code", "code: 2024\nlandlord: L\nassessed: 2025-05-31\nprovisions: []\n", nil},
		{"a catalogue file", head, nil},
		{"no code at all", "landlord: L\nassessed: 2025-05-31\nprovisions: []\n", nil},
	})
}
