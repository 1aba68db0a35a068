package rules

import "testing"

func TestSyntax(t *testing.T) {
	loaderCases(t, Syntax, []ruleCase{
		{"a bracket left open", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: [Policy\n", []string{
			"10:15 : not valid YAML: did not find expected ',' or ']' (a [ that is not closed with ]?)"}},
		{"a tab in the indentation", head + "  - id: \"1.2\"\n\tcomply: yes\n", []string{
			"9:1 : not valid YAML: found character that cannot start any token (a tab in the indentation? YAML indents with spaces)"}},
		{"not UTF-8", head + "  - id: \"1.2\"\n    evidence: caf\xe9\n", []string{
			"9:18 : the file is not UTF-8 text (or not text at all): save it as UTF-8"}},
		{"valid YAML", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: \"[Policy]\"\n", nil},
	})
}
