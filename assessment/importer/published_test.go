package importer

import (
	"fmt"
	"strings"
	"testing"

	_ "github.com/csa-tool/csa/assessment"
)

// Tests of the layouts found when published self-assessments were imported
// by an independent tester (issue 9b), each in a fictional landlord's words.

// code24 is a title naming the Code, for documents too short to tell.
const code24 = "Fictional Homes: Complaint Handling Code 2024 self-assessment\n\n"

// answersOf writes each answer as "id answer | requirement | evidence".
func answersOf(res *Result) []string {
	var out []string
	for _, a := range res.Assessment.Answers {
		out = append(out, fmt.Sprintf("%s %s | %s | %s", a.ID, a.Comply, a.Requirement, a.Evidence))
	}
	return out
}

// said reports whether a note holds the text.
func said(res *Result, text string) bool {
	for _, n := range res.Notes {
		if strings.Contains(n.Message, text) {
			return true
		}
	}
	return false
}

// TestChromeBlankCellKeepsColumns: Chrome copies a cell of paragraphs with
// blank lines round it, and an empty cell as nothing between two tabs. A
// line of tabs alone (perhaps with a no-break space) is the row's empty
// cells, not a blank line: the evidence after it stays in its column.
func TestChromeBlankCellKeepsColumns(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"a no-break space in the answer cell",
			code24 + "Code provision|Code requirement|Comply|Evidence\n" +
				"5.4|\n\nLandlords must keep a record of each complaint.\n\n|\u00a0|\n\nEvery complaint is logged on Orbit.\n\n\n" +
				"5.5|\n\nLandlords must answer within the timescales.\n\n|Yes|\n\nWe answered 92% on time.\n\n\n",
			[]string{"5.4  | Landlords must keep a record of each complaint. | Every complaint is logged on Orbit.",
				"5.5 yes | Landlords must answer within the timescales. | We answered 92% on time."}},
		{"an empty answer cell",
			code24 + "Code provision|Code requirement|Comply|Evidence\n" +
				"5.4|\n\nLandlords must keep a record of each complaint.\n\n||\n\nEvery complaint is logged on Orbit.\n\n\n" +
				"5.5|\n\nLandlords must answer within the timescales.\n\n|No|\n\nWe answered 62% on time.\n\n\n",
			[]string{"5.4  | Landlords must keep a record of each complaint. | Every complaint is logged on Orbit.",
				"5.5 no | Landlords must answer within the timescales. | We answered 62% on time."}},
	} {
		got, res := pasted(t, tc.src)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
		if !said(res, "5.4 has no answer (its Comply cell is blank)") {
			t.Errorf("%s: the blank answer is not reported: %v", tc.name, res.Notes)
		}
	}
}
