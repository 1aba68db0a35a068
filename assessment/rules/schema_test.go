package rules

import "testing"

func TestSchema(t *testing.T) {
	loaderCases(t, Schema, []ruleCase{
		{"a misspelt key", head + "  - id: \"1.2\"\n    comply: yes\n    evidnce: Policy.\n", []string{
			`10:5 1.2: unknown key "evidnce" in provision 1.2 (did you mean "evidence"?); the keys are id, comply, evidence, commentary, requirement, alternative, review, actions`}},
		{"an answer that is no answer", head + "  - id: \"1.2\"\n    comply: maybe\n", []string{
			`9:13 1.2: comply "maybe" for provision 1.2 is not an answer: write yes, no, partial or n/a`}},
		{"an unquoted id", head + "  - id: 6.10\n    comply: yes\n", []string{
			`8:9 6.10: provision id 6.10 must be quoted: write id: "6.10" (unquoted, YAML reads 6.10 as the number 6.1)`}},
		{"no landlord", "code: mini.yaml\nassessed: 2025-05-31\nprovisions: []\n", []string{
			"1:1 : landlord is missing: give the landlord's name, e.g. landlord: Example Homes"}},
		{"every key right", head + "  - id: \"1.2\"\n    comply: YES\n    evidence: Policy.\n", nil},
	})
}
