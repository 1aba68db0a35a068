package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
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

// TestBlankAfterAnswerLabel: a label of the answer with nothing after it
// ("Compliant:", "Met:") is a blank answer, never the answer its word
// spells. Every label of the answer column is tried, as a cell, as a line
// of text and as a web page's bold label.
func TestBlankAfterAnswerLabel(t *testing.T) {
	var names []string
	for k, l := range labels {
		if l.col == colComply {
			names = append(names, k)
		}
	}
	if len(names) < 10 {
		t.Fatalf("only %d answer labels", len(names))
	}
	for _, k := range names {
		name := strings.ToUpper(k[:1]) + k[1:]
		for _, cell := range []string{name + ":", name + ": ", name + " :", name + " -", name + " –", "<strong>" + name + ":</strong>&nbsp;", name + ":\u00a0"} {
			if c, _, _ := parseAnswer(cell); c != assessment.Unanswered {
				t.Errorf("the label %q alone reads as %s", cell, c)
			}
		}
	}
	for _, name := range []string{"Compliant", "Met", "Compliance", "Complies", "Comply", "Do we comply?"} {
		label := strings.TrimSuffix(name, "?") + ":"
		text := code24 + "6.15 Stage 2 responses\n" + label + " Yes\nWe send every stage 2 response within the timescale.\n\n" +
			"6.16 Extensions at stage 2\n" + label + "\nWe have not needed to extend any stage 2 response.\n\n" +
			"6.17 Final responses\n" + label + " No\nThe final response letter is being rewritten.\n"
		res, err := Import("copied.txt", []byte(text), details)
		if err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		want := []string{"6.15 yes | Stage 2 responses | We send every stage 2 response within the timescale.",
			"6.16  | Extensions at stage 2 | We have not needed to extend any stage 2 response.",
			"6.17 no | Final responses | The final response letter is being rewritten."}
		if got := answersOf(res); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("text, %s:\n got %q\nwant %q", label, got, want)
		}
		if !said(res, "6.16 has no answer") {
			t.Errorf("text, %s: the blank answer is not reported: %v", label, res.Notes)
		}
		page := "<title>Fictional Homes self-assessment</title><main><h1>Complaint Handling Code 2024 self-assessment</h1>" +
			"<h3>Provision 6.15</h3><p><strong>" + label + "</strong> Yes</p><p><strong>Evidence:</strong></p><p>We send every stage 2 response within the timescale.</p>" +
			"<h3>Provision 6.16</h3><p><strong>" + label + "</strong> </p><p><strong>Evidence:</strong></p><p>We have not needed to extend any stage 2 response.</p>" +
			"<h3>Provision 6.17</h3><p><strong>" + label + "</strong>&nbsp;No</p><p><strong>Evidence:</strong></p><p>The final response letter is being rewritten.</p></main>"
		res, err = Import("page.html", []byte(page), details)
		if err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		want = []string{"6.15 yes |  | We send every stage 2 response within the timescale.",
			"6.16  |  | We have not needed to extend any stage 2 response.",
			"6.17 no |  | The final response letter is being rewritten."}
		if got := answersOf(res); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("page, %s:\n got %q\nwant %q", label, got, want)
		}
		if !said(res, "6.16 has no answer") {
			t.Errorf("page, %s: the blank answer is not reported: %v", label, res.Notes)
		}
	}
}
