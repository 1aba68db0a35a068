package rules

import (
	"strings"
	"testing"
)

func TestPlaceholderEvidence(t *testing.T) {
	yes := func(evidence string) string {
		return head + "  - id: \"1.2\"\n    comply: yes\n    evidence: " + evidence + "\n"
	}
	checkCases(t, PlaceholderEvidence, []ruleCase{
		{"n/a", yes("N/A"), []string{
			`10:15 1.2: provision 1.2 is answered yes but its evidence is only "N/A": say what shows it is met`}},
		{"a dash", yes(`"-"`), []string{
			`10:15 1.2: provision 1.2 is answered yes but its evidence is only "-": say what shows it is met`}},
		{"TBC.", yes("TBC."), []string{
			`10:15 1.2: provision 1.2 is answered yes but its evidence is only "TBC.": say what shows it is met`}},
		{"two placeholders on two lines", yes("|\n      None\n      to follow"), []string{
			`10:15 1.2: provision 1.2 is answered yes but its evidence is only "None to follow": say what shows it is met`}},
		{"an ellipsis", yes("…"), []string{
			`10:15 1.2: provision 1.2 is answered yes but its evidence is only "…": say what shows it is met`}},
		{"group: an entity's placeholder", groupHead + "  - id: \"1.2\"\n    comply: yes\n    evidence: Policy 2.2.\n    entities:\n      C:\n        evidence: TBC\n", []string{
			`17:19 1.2: provision 1.2 for C is answered yes but its evidence is only "TBC": say what shows it is met`}},
		{"group: the group's placeholder, one entity's own evidence", groupHead + "  - id: \"1.2\"\n    comply: yes\n    evidence: TBC\n    entities:\n      C:\n        evidence: Its own policy.\n", []string{
			`14:15 1.2: provision 1.2 for A and B is answered yes but its evidence is only "TBC": say what shows it is met`}},
		{"real evidence", yes("Complaints Policy section 2.2."), nil},
		{"a placeholder within evidence", yes("Policy 2.2; the audit report is TBC."), nil},
		{"n/a the answer, not the evidence", head + "  - id: \"1.2\"\n    comply: n/a\n    evidence: n/a\n    commentary: No stage 2.\n", nil},
		{"blank is no-evidence's", yes(`""`), nil},
		{"a partial", head + "  - id: \"1.2\"\n    comply: partial\n    evidence: TBC\n    alternative: x\n", nil},
	})
}

func TestOnlyPlaceholders(t *testing.T) {
	for text, want := range map[string]bool{
		"n/a": true, "N/A.": true, " tbc ": true, "TBD": true, "-": true, "—": true, "none, TBC": true,
		"Pending:": true, "To be confirmed": true, "...": true, "....": true, "?": true,
		"": false, "  ": false, "x": false, "none of our staff were absent": false, "see the policy": false,
		"TBC: the audit": false, "n/a - see policy 2.2": false, "to  Follow": true, "N/A; –": true,
		"Tbc\n": true, "not\tapplicable": true, "N/A\nnone\n": true, "n/ab": false, "nonee": false,
	} {
		if got := onlyPlaceholders(text); got != want {
			t.Errorf("onlyPlaceholders(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestOnlyPlaceholdersAllocatesNothing: the rule runs on every yes.
func TestOnlyPlaceholdersAllocatesNothing(t *testing.T) {
	texts := []string{"Complaints Policy section 2.2; training records, 2024.", "TBC", "n/a, none", strings.Repeat("evidence ", 50)}
	if allocs := testing.AllocsPerRun(100, func() {
		for _, s := range texts {
			onlyPlaceholders(s)
		}
	}); allocs != 0 {
		t.Errorf("%v allocations a run, want 0", allocs)
	}
}
