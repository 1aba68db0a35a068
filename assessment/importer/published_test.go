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
		{"every cell a paragraph, the number's too, and a blank answer",
			code24 + "Code provision|Code requirement|Comply|Evidence|Commentary\n\n\n" +
				"5.4\n\n|\n\nLandlords must keep a record of each complaint.\n\n|\n\n\u00a0\n\n|\n\nEvery complaint is logged on Orbit.\n\n|\n\n\n\n" +
				"5.5\n\n|\n\nLandlords must answer within the timescales.\n\n|\n\nYes\n\n|\n\nWe answered 92% on time.\n\n|\n\n\n\n" +
				"5.6\n\n|\n\nLandlords must tell residents how to escalate.\n\n|\n\nNo\n\n|\n\nOur letters leave it out.\n\n|\n\nBeing rewritten.\n\n",
			[]string{"5.4  | Landlords must keep a record of each complaint. | Every complaint is logged on Orbit.",
				"5.5 yes | Landlords must answer within the timescales. | We answered 92% on time.",
				"5.6 no | Landlords must tell residents how to escalate. | Our letters leave it out."}},
		{"every cell a paragraph, the header's too",
			code24 + "Code provision\n\n|\n\nCode requirement\n\n|\n\nComply: Yes / No\n\n|\n\nEvidence, commentary and any explanations\n\n\n\n" +
				"5.4\n\n|\n\nLandlords must keep a record of each complaint.\n\n|\n\n\u00a0\n\n|\n\nEvery complaint is logged on Orbit.\n\n\n\n" +
				"5.5\n\n|\n\nLandlords must answer within the timescales.\n\n|\n\nYes\n\n|\n\nWe answered 92% on time.\n\nReported to the board.\n\n\n\n",
			[]string{"5.4  | Landlords must keep a record of each complaint. | Every complaint is logged on Orbit.",
				"5.5 yes | Landlords must answer within the timescales. | We answered 92% on time.\nReported to the board."}},
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
		if !said(res, "5.4 has no answer (its Comply") {
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

// TestProvisionColumnByContent: a column of provision numbers is the
// provision column whatever its header says (nothing, "Ref no", "#"), in
// every format, and the import says so.
func TestProvisionColumnByContent(t *testing.T) {
	rows := [][4]string{
		{"6.15", "The stage 2 response must be sent within 20 working days of the escalation being acknowledged.", "Yes", "We sent 88 of 90 on time."},
		{"6.16", "Landlords may extend the stage 2 timescale once, by no more than 20 working days.", "Partial", "Two extensions went beyond 20 days."},
		{"6.17", "Landlords must confirm the outcome of the stage 2 complaint in writing.", "No", "Our letters do not yet say so."},
	}
	want := []string{
		"6.15 yes | " + rows[0][1] + " | " + rows[0][3],
		"6.16 partial | " + rows[1][1] + " | " + rows[1][3],
		"6.17 no | " + rows[2][1] + " | " + rows[2][3],
	}
	for _, head := range []string{"", "Ref no", "#", "Item", "Section no.", "Code paragraph", "Standard", "HOS Code"} {
		var web, tsv, chrome, docx, xlsx strings.Builder
		web.WriteString("<main><h1>Fictional Homes self-assessment</h1><table><tr><th>" + head + "</th><th>Code requirement</th><th>Comply</th><th>Evidence</th></tr>")
		tsv.WriteString(head + "\tCode requirement\tComply\tEvidence\n")
		chrome.WriteString(head + "\tCode requirement\tComply\tEvidence\n")
		docx.WriteString("table\nrow: " + head + " | Code requirement | Comply | Evidence\n")
		xlsx.WriteString("sheet: Assessment\nrow: " + head + " | Code requirement | Comply | Evidence\n")
		for _, r := range rows {
			web.WriteString("<tr><td>" + r[0] + "</td><td>" + r[1] + "</td><td>" + r[2] + "</td><td>" + r[3] + "</td></tr>")
			tsv.WriteString(strings.Join(r[:], "\t") + "\n")
			chrome.WriteString(r[0] + "\t\n\n" + r[1] + "\n\n\t" + r[2] + "\t\n\n" + r[3] + "\n\n\n")
			docx.WriteString("row: " + strings.Join(r[:], " | ") + "\n")
			xlsx.WriteString("row: " + strings.Join(r[:], " | ") + "\n")
		}
		web.WriteString("</table></main>")
		d, err := buildDocx(docx.String())
		if err != nil {
			t.Fatal(err)
		}
		x, err := buildXLSX(xlsx.String())
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []struct {
			name string
			data []byte
		}{{"page.html", []byte(web.String())}, {"copied.txt", []byte(tsv.String())}, {"chrome.txt", []byte(chrome.String())},
			{"a.docx", d}, {"a.xlsx", x}} {
			res, err := Import(f.name, f.data, details)
			if err != nil {
				t.Errorf("%q, %s: %v", head, f.name, err)
				continue
			}
			if got := answersOf(res); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%q, %s:\n got %q\nwant %q", head, f.name, got, want)
			}
			if !said(res, "holds provision numbers: read as the provision column") {
				t.Errorf("%q, %s: not said: %v", head, f.name, res.Notes)
			}
		}
	}
}

// TestNumberedRowsWithoutTrailingCells: under a header that does not name
// the provision column, pasted rows whose empty last cells an editor
// dropped still start at each number.
func TestNumberedRowsWithoutTrailingCells(t *testing.T) {
	got, _ := pasted(t, code24+"Item|Code requirement|Comply|Evidence|Action\n6.15|Stage 2 on time.\n6.16|Extensions.|No|Two too long.\n6.17|Outcome in writing.|Yes|All letters.\n")
	want := []string{"6.15  | Stage 2 on time. | ", "6.16 no | Extensions. | Two too long.", "6.17 yes | Outcome in writing. | All letters."}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestEvidenceColumnByContent: where the header names no evidence column,
// a column of the landlord's own account is the evidence, and said; a
// column that reads like the Code is not.
func TestEvidenceColumnByContent(t *testing.T) {
	for _, head := range []string{"Landlord response", "Details", "How Fictional Homes does this"} {
		src := code24 + "Provision|Code requirement|Comply|" + head + "\n" +
			"6.15|The stage 2 response must be sent within 20 working days of the escalation being acknowledged.|Yes|We sent 88 of 90 stage 2 responses on time this year.\n" +
			"6.16|Landlords may extend the stage 2 timescale once, by no more than 20 working days.|No|Our two extensions both went beyond 20 working days.\n"
		got, res := pasted(t, src)
		want := []string{"6.15 yes | The stage 2 response must be sent within 20 working days of the escalation being acknowledged. | We sent 88 of 90 stage 2 responses on time this year.",
			"6.16 no | Landlords may extend the stage 2 timescale once, by no more than 20 working days. | Our two extensions both went beyond 20 working days."}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s:\n got %q\nwant %q", head, got, want)
		}
		if !said(res, fmt.Sprintf("the column %q reads as the landlord's own account of what it does: read as the evidence", head)) {
			t.Errorf("%s: not said: %v", head, res.Notes)
		}
	}
	// The Code's words under a header csa does not know stay in the commentary.
	src := code24 + "Provision|Comply|Summary\n" +
		"6.15|Yes|The stage 2 response must be sent within 20 working days of the escalation being acknowledged.\n" +
		"6.16|No|Landlords may extend the stage 2 timescale once, by no more than 20 working days.\n"
	_, res := pasted(t, src)
	if a := res.Assessment.Answers[0]; a.Evidence != "" || !strings.HasPrefix(a.Commentary, "Summary: The stage 2 response") {
		t.Errorf("the Code's words: %+v", a)
	}
}

// TestPastedPageTail: what a page shows after its assessment (other
// formats, related documents, links to the pages before and after) ends
// the last provision when its text is copied, as the page's own end of
// table does; it is reported as text outside the tables.
func TestPastedPageTail(t *testing.T) {
	stacked := code24 + "Provision 9.5\n\nCompliance: Yes\n\nEvidence:\n\nThe board sees complaint figures every quarter.\n\n" +
		"Provision 9.6\n\nCompliance: Partial\n\nEvidence:\n\nOur member responsible for complaints was named in May.\n" +
		"Training for the member is booked.\n\nOther formats\n\nFor large print or another language, ring 01632 960111.\n\n" +
		"Related documents\nOur complaints policy (PDF, 220KB)\nComplaints annual report 2024/25 (PDF, 900KB)\n\nLast updated: 2 June 2025\n"
	res, err := Import("copied.txt", []byte(stacked), details)
	if err != nil {
		t.Fatal(err)
	}
	if a := res.Assessment.Answers[1]; a.ID != "9.6" || a.Evidence != "Our member responsible for complaints was named in May.\nTraining for the member is booked." || a.Commentary != "" {
		t.Errorf("the last provision: %+v", a)
	}
	if !said(res, `text outside the tables was not imported: "For large print`) {
		t.Errorf("the tail is not reported: %v", res.Notes)
	}
	for _, tail := range []string{
		"Previous: Section 8 – Self-assessment and compliance\nNext: Section 10 – Contact us\n",
		"Self-assessment, part 1: sections 1 to 4\nSelf-assessment, part 2: sections 5 to 9\n",
	} {
		table := code24 + "Code provision|Code requirement|Comply|Evidence|Action required|Action owner|Target date\n" +
			"9.5|\n\nThe board must see complaint figures.\n\n|Yes|\n\nEvery quarter.\n\n|||\n" +
			"9.6|\n\nA member must be responsible for complaints.\n\n|No|\n\nNot yet named.\n\n|Name the member.|Company Secretary|Complete\n" + tail + "\nPage last updated: 2 June 2025\n"
		res, err := Import("copied.txt", []byte(strings.ReplaceAll(table, "|", "\t")), details)
		if err != nil {
			t.Fatal(err)
		}
		a := res.Assessment.Answers[1]
		if a.ID != "9.6" || a.Commentary != "" || len(a.Actions) != 1 || a.Actions[0].Status != assessment.Done {
			t.Errorf("%q: the last provision: %+v", tail, a)
		}
	}
}

// TestPastedNumberStartsRequirement: tables whose first column is the
// requirement, its number first ("6.9 Landlords must..."), copied as text.
// A line that starts with a number opens a row when the row before is
// complete and the next line with tabs goes on with this row's cells; a
// number at the start of a line inside a cell does not.
func TestPastedNumberStartsRequirement(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"Chrome: each cell a paragraph, so the number's line has no tab",
			"Code requirement|Do we comply?|Evidence\n\n\n" +
				"7.1 Landlords must put things right when they get something wrong.\n\n|Yes|\n\nWe offer a remedy in every upheld case.\n\n" +
				"4.2 Remedies are set out in our policy.\n\n\n\n" +
				"7.2 Remedies must reflect the impact on the resident.\n\n|No|\n\nWe have no remedies guidance yet.\n\n\n\n" +
				"7.3 Landlords must take account of the guidance.\n\n|Partial|\n\nStaff have read it.\n",
			[]string{"7.1 yes | Landlords must put things right when they get something wrong. | We offer a remedy in every upheld case.\n4.2 Remedies are set out in our policy.",
				"7.2 no | Remedies must reflect the impact on the resident. | We have no remedies guidance yet.",
				"7.3 partial | Landlords must take account of the guidance. | Staff have read it."}},
		{"one line per paragraph: a lettered requirement over several lines",
			"Code requirement|Do we comply?|Evidence\n" +
				"6.8 Further complaints raised at stage 1 must be added to it.|Yes|We add them to the open case.\n" +
				"6.9 Landlords must confirm in writing at stage 1:\na. the stage;\nb. the decision;\nc. how to escalate.|No|Our letter leaves out how to escalate.\n" +
				"6.10 Unresolved complaints must go on to stage 2.|Yes|We offer stage 2 in every letter.\n",
			[]string{"6.8 yes | Further complaints raised at stage 1 must be added to it. | We add them to the open case.",
				"6.9 no | Landlords must confirm in writing at stage 1:\na. the stage;\nb. the decision;\nc. how to escalate. | Our letter leaves out how to escalate.",
				"6.10 yes | Unresolved complaints must go on to stage 2. | We offer stage 2 in every letter."}},
		{"one line per paragraph: evidence ending with a policy clause, the next row on one line",
			"Code requirement|Do we comply?|Evidence\n" +
				"6.8 Further complaints raised at stage 1 must be added to it.|Yes|We add them to the open case.\n" +
				"3.4 We will add any new points to your open complaint.\n" +
				"6.9 Landlords must confirm the decision in writing at stage 1.|No|Our letter leaves out how to escalate.\n" +
				"6.10 Unresolved complaints must go on to stage 2.|Yes|We offer stage 2 in every letter.\n",
			[]string{"6.8 yes | Further complaints raised at stage 1 must be added to it. | We add them to the open case.\n3.4 We will add any new points to your open complaint.",
				"6.9 no | Landlords must confirm the decision in writing at stage 1. | Our letter leaves out how to escalate.",
				"6.10 yes | Unresolved complaints must go on to stage 2. | We offer stage 2 in every letter."}},
		{"a provision column: a policy clause at the end of the evidence, then the next section's header",
			"Code provision|Code requirement|Do we comply?|Evidence\n" +
				"6.8|Further complaints raised at stage 1 must be added to it.|Yes|We add them to the open case.\n" +
				"3.4 We will add any new points to your open complaint.\n" +
				"Good practice 'should' requirements\n \n" +
				"Code provision|Code requirement|Do we comply?|Evidence\n" +
				"6.9|Landlords must confirm the decision in writing at stage 1.|No|Our letter leaves out how to escalate.\n",
			[]string{"6.8 yes | Further complaints raised at stage 1 must be added to it. | We add them to the open case.\n3.4 We will add any new points to your open complaint.",
				"6.9 no | Landlords must confirm the decision in writing at stage 1. | Our letter leaves out how to escalate."}},
	} {
		got, _ := pasted(t, code24+tc.src)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestPastedHeadingLayoutKeepsLastLine: the last line of a provision's
// evidence (a list's last item, copied with no blank line before the next
// heading) stays its evidence; a short title set apart by a blank line
// before the next provision does not.
func TestPastedHeadingLayoutKeepsLastLine(t *testing.T) {
	src := code24 + "Provision 7.2\n\nMet: Yes\n\nEvidence:\n\nWe pay for time and trouble.\n\nRemedies policy (2025)\nCase audit, March 2025\n" +
		"Provision 7.3\n\nMet: No\n\nEvidence:\n\nNo guidance yet.\n\nScrutiny panel notes\n\nOur approach to learning\n\nProvision 8.1\n\nMet: Yes\n\nEvidence:\n\nLessons go to the board.\n"
	res, err := Import("copied.txt", []byte(src), details)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"7.2 yes |  | We pay for time and trouble.\nRemedies policy (2025)\nCase audit, March 2025",
		"7.3 no |  | No guidance yet.\nScrutiny panel notes", "8.1 yes |  | Lessons go to the board."}
	if got := answersOf(res); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestSymbolFontTicks: a tick typed in the Wingdings font (ü, as Word
// stores it when the font is changed and the letter typed, or a tick
// pasted from another document) is a tick, in a Word document and in the
// page Word saves; so are the symbol fonts' other ticks, crosses and boxes
// (a box with a cross alone, ý, is ☒, which TestAnswerMarks leaves
// unanswered).
func TestSymbolFontTicks(t *testing.T) {
	run := func(font, text string) string {
		if font == "" {
			return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>`
		}
		return `<w:r><w:rPr><w:rFonts w:ascii="` + font + `" w:hAnsi="` + font + `"/></w:rPr><w:t>` + text + `</w:t></w:r>`
	}
	cell := func(runs ...string) string { return `<w:tc><w:p>` + strings.Join(runs, "") + `</w:p></w:tc>` }
	for _, tc := range []struct {
		font, text string
		want       assessment.Comply
	}{
		{"Wingdings", "ü", assessment.Yes}, {"Wingdings", "û", assessment.No}, {"Wingdings", "þ", assessment.Yes},
		{"Wingdings", "ý", assessment.Unanswered}, {"Wingdings", "\uf0fc", assessment.Yes}, {"Wingdings 2", "P", assessment.Yes},
		{"Wingdings 2", "O", assessment.No}, {"Symbol", "Ö", assessment.Yes}, {"", "ü", assessment.Unanswered},
	} {
		body := `<w:p>` + run("", "Fictional Homes: Complaint Handling Code 2024 self-assessment") + `</w:p><w:tbl>` +
			`<w:tr>` + cell(run("", "Code provision")) + cell(run("", "Comply")) + cell(run("", "Evidence")) + `</w:tr>` +
			`<w:tr>` + cell(run("", "6.15")) + cell(run(tc.font, tc.text)) + cell(run("", "We sent 88 of 90 on time.")) + `</w:tr>` +
			`<w:tr>` + cell(run("", "6.16")) + cell(run("", "Yes")) + cell(run("", "No extensions needed.")) + `</w:tr></w:tbl>`
		res, err := Import("a.docx", docxOf(t, body), details)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Assessment.Answers[0].Comply; got != tc.want {
			t.Errorf("Word, %q in %q: %q, want %q", tc.text, tc.font, got, tc.want)
		}
		if tc.font == "" || tc.text == "\uf0fc" {
			continue
		}
		// Word's "Save as Web Page": the font in a span's style, the
		// letter as an entity or as it is.
		for _, span := range []string{
			`<span style='font-family:` + tc.font + `;mso-ascii-font-family:Arial;mso-char-type:symbol;mso-symbol-font-family:` + tc.font + `'><span style='mso-char-type:symbol;mso-symbol-font-family:` + tc.font + `'>` + tc.text + `</span></span>`,
			`<span style="font-family:'` + tc.font + `'">` + tc.text + `</span>`,
			`<font face="` + tc.font + `">` + tc.text + `</font>`,
		} {
			page := `<html><body><p>Fictional Homes: Complaint Handling Code 2024 self-assessment</p><table>` +
				`<tr><td><p class=MsoNormal>Code provision</p></td><td><p class=MsoNormal>Comply</p></td><td><p class=MsoNormal>Evidence</p></td></tr>` +
				`<tr><td><p class=MsoNormal>6.15</p></td><td><p class=MsoNormal>` + span + `</p></td><td><p class=MsoNormal>We sent 88 of 90 on time.</p></td></tr>` +
				`<tr><td><p class=MsoNormal>6.16</p></td><td><p class=MsoNormal>Yes</p></td><td><p class=MsoNormal>No extensions needed.</p></td></tr></table></body></html>`
			res, err := Import("a.htm", []byte(page), details)
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Assessment.Answers[0].Comply; got != tc.want {
				t.Errorf("web page, %s: %q, want %q", span, got, tc.want)
			}
		}
	}
}

// TestAnswerMarks: ticks and crosses as landlords' pages and forms show
// them: emoji (with or without the variation selector that makes a
// character an emoji), a mark beside its word ("✔ Yes", a screen reader's
// label after an icon, "✓Yes" typed without a space), "Y (see note)"; and
// a lone ☒, which Word's forms use for a ticked box and others for a
// cross, is not read as either.
func TestAnswerMarks(t *testing.T) {
	for _, tc := range []struct {
		cell  string
		want  assessment.Comply
		exact bool
		ok    bool
	}{
		{"✅", assessment.Yes, true, true},
		{"✔\ufe0f", assessment.Yes, true, true},
		{"✔️ Yes", assessment.Yes, true, true},
		{"☑\ufe0f", assessment.Yes, true, true},
		{"❌", assessment.No, true, true},
		{"❎", assessment.No, true, true},
		{"✖️", assessment.No, true, true},
		{"✔ Yes", assessment.Yes, true, true},
		{"✔\nYes", assessment.Yes, true, true},
		{"✘\nNo", assessment.No, true, true},
		{"✓Yes", assessment.Yes, true, true},
		{"Yes ✓", assessment.Yes, true, true},
		{"✗No", assessment.No, true, true},
		{"✓ Partially", assessment.Partial, true, true},
		{"✔ No", assessment.No, false, true},
		{"Y (see note)", assessment.Yes, false, true},
		{"N – not yet", assessment.No, false, true},
		{"☒", assessment.Unanswered, false, false},
		{"Yes ☒ No ☐", assessment.Yes, true, true},
	} {
		c, exact, ok := parseAnswer(tc.cell)
		if c != tc.want || exact != tc.exact || ok != tc.ok {
			t.Errorf("parseAnswer(%q) = %q %v %v, want %q %v %v", tc.cell, c, exact, ok, tc.want, tc.exact, tc.ok)
		}
	}
	page := "<main><h1>Fictional Homes: Complaint Handling Code 2024 self-assessment</h1><table><tr><th>Code provision</th><th>Comply</th><th>Evidence</th></tr>" +
		"<tr><td>6.15</td><td>✅</td><td>On time.</td></tr><tr><td>6.16</td><td>☒</td><td>No extensions.</td></tr><tr><td>6.17</td><td>❌</td><td>Not yet.</td></tr></table></main>"
	res, err := Import("page.html", []byte(page), details)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"6.15 yes |  | On time.", "6.16  |  | No extensions.", "6.17 no |  | Not yet."}
	if got := answersOf(res); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if !said(res, `the answer "☒" to 6.16 is a box with a cross, which a Word form uses for a ticked box and others for no: left unanswered`) {
		t.Errorf("the lone ☒ is not reported: %v", res.Notes)
	}
}

// TestPictureTicks: a tick or cross drawn as an image or an icon says so
// in its alt text or label ("tick", "Green tick", "Red cross icon").
func TestPictureTicks(t *testing.T) {
	for _, tc := range []struct {
		mark string
		want assessment.Comply
	}{
		{`<img src="t.png" alt="tick">`, assessment.Yes},
		{`<img src="t.png" alt="Green tick">`, assessment.Yes},
		{`<img src="t.png" alt="Tick icon">`, assessment.Yes},
		{`<img src="c.png" alt="cross">`, assessment.No},
		{`<img src="c.png" alt="Red cross icon">`, assessment.No},
		{`<img src="c.png" alt="Check mark">`, assessment.Yes},
		{`<span class="icon" role="img" aria-label="Green tick"></span>`, assessment.Yes},
		{`<img src="logo.png" alt="Fictional Homes">`, assessment.Unanswered},
	} {
		page := "<main><h1>Fictional Homes: Complaint Handling Code 2024 self-assessment</h1><table><tr><th>Code provision</th><th>Comply</th><th>Evidence</th></tr>" +
			"<tr><td>6.15</td><td>" + tc.mark + "</td><td>On time.</td></tr><tr><td>6.16</td><td>Yes</td><td>No extensions.</td></tr></table></main>"
		res, err := Import("page.html", []byte(page), details)
		if err != nil {
			t.Fatal(err)
		}
		if got := res.Assessment.Answers[0].Comply; got != tc.want {
			t.Errorf("%s: %q, want %q", tc.mark, got, tc.want)
		}
	}
}

// TestPastedMergedAnswer: a table whose answer cell is merged down over
// two rows (rowspan, or Word's merged cells) is copied with no cell at all
// for the rows below: the row is one cell short, and what sits in the
// answer column is the evidence. The row takes the merged answer, as the
// page shows it, and says so; a short row whose answer column holds an
// answer, or one with no answer above it, is left as it was.
func TestPastedMergedAnswer(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
		said      string
	}{
		{"a provision column",
			"Code provision|Code requirement|Comply|Evidence\n" +
				"6.12|Residents need not say why they want stage 2.|Yes|Our escalation form asks no reasons.\n" +
				"6.13|The stage 2 reviewer must not be the stage 1 handler.|A service manager takes every stage 2.\n" +
				"6.14|Stage 2 answers within 20 working days.|No|On time in 78% of cases.\n",
			[]string{"6.12 yes | Residents need not say why they want stage 2. | Our escalation form asks no reasons.",
				"6.13 yes | The stage 2 reviewer must not be the stage 1 handler. | A service manager takes every stage 2.",
				"6.14 no | Stage 2 answers within 20 working days. | On time in 78% of cases."},
			`6.13 has no cell under "Comply", as when the answer "Yes" above is merged down over it: it takes that answer, and "A service manager takes every stage 2." is read as its Evidence`},
		{"the number starts the requirement",
			"Code requirement|Compliant?|Evidence\n" +
				"6.12 Residents need not say why they want stage 2.|Partial|The form still has a reasons box.\n" +
				"6.13 The stage 2 reviewer must not be the stage 1 handler.|A service manager takes every stage 2.\n" +
				"6.14 Stage 2 answers within 20 working days.|On time in 78% of cases.\n",
			[]string{"6.12 partial | Residents need not say why they want stage 2. | The form still has a reasons box.",
				"6.13 partial | The stage 2 reviewer must not be the stage 1 handler. | A service manager takes every stage 2.",
				"6.14 partial | Stage 2 answers within 20 working days. | On time in 78% of cases."},
			`6.13 has no cell under "Compliant?"`},
		{"Chrome: each cell a paragraph, the answer merged over three rows",
			"Code requirement|Compliant?|Evidence\n\n\n" +
				"6.12 Residents need not say why they want stage 2.\n\n|No|\n\nThe form still has a reasons box.\n\n\n\n" +
				"6.13 The stage 2 reviewer must not be the stage 1 handler.\n\n|\n\nTwo cases were reviewed by the same officer.\n\n\n\n" +
				"6.14 Stage 2 answers within 20 working days.\n\n|\n\nOn time in 78% of cases.\n\n\n\n" +
				"6.15 Extensions must be explained.\n\n|Yes|\n\nEvery extension letter says why.\n",
			[]string{"6.12 no | Residents need not say why they want stage 2. | The form still has a reasons box.",
				"6.13 no | The stage 2 reviewer must not be the stage 1 handler. | Two cases were reviewed by the same officer.",
				"6.14 no | Stage 2 answers within 20 working days. | On time in 78% of cases.",
				"6.15 yes | Extensions must be explained. | Every extension letter says why."},
			`6.14 has no cell under "Compliant?"`},
		{"a short row with its answer: the evidence is what is missing",
			"Code provision|Code requirement|Comply|Evidence\n" +
				"6.12|Residents need not say why they want stage 2.|Yes|Our escalation form asks no reasons.\n" +
				"6.13|The stage 2 reviewer must not be the stage 1 handler.|No\n",
			[]string{"6.12 yes | Residents need not say why they want stage 2. | Our escalation form asks no reasons.",
				"6.13 no | The stage 2 reviewer must not be the stage 1 handler. | "},
			""},
		{"no answer above to merge",
			"Code provision|Code requirement|Comply|Evidence\n" +
				"6.13|The stage 2 reviewer must not be the stage 1 handler.|A service manager takes every stage 2.\n",
			[]string{"6.13  | The stage 2 reviewer must not be the stage 1 handler. | "},
			""},
	} {
		got, res := pasted(t, code24+tc.src)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
		if tc.said != "" && !said(res, tc.said) {
			t.Errorf("%s: not said: %q in %v", tc.name, tc.said, res.Notes)
		}
		if tc.said == "" && said(res, "merged down") {
			t.Errorf("%s: a merge said where there is none: %v", tc.name, res.Notes)
		}
	}
}

// TestStatusColumnOfAnswers: a table with no answer column and no action
// whose "Status" (or "Progress") column holds yes/no words: that column is
// the answer, in every format, and said. Under an action, Status stays the
// action's.
func TestStatusColumnOfAnswers(t *testing.T) {
	rows := [][4]string{
		{"6.15", "The stage 2 response must be sent within 20 working days of the escalation being acknowledged.", "Yes", "We sent 88 of 90 on time."},
		{"6.16", "Landlords may extend the stage 2 timescale once, by no more than 20 working days.", "Partially", "Two extensions went beyond 20 days."},
		{"6.17", "Landlords must confirm the outcome of the stage 2 complaint in writing.", "No", "Our letters do not yet say so."},
	}
	want := []string{
		"6.15 yes | " + rows[0][1] + " | " + rows[0][3],
		"6.16 partial | " + rows[1][1] + " | " + rows[1][3],
		"6.17 no | " + rows[2][1] + " | " + rows[2][3],
	}
	for _, head := range []string{"Status", "Progress", "RAG status"} {
		var web, tsv, docx strings.Builder
		web.WriteString("<main><h1>Fictional Homes self-assessment</h1><table><tr><th>Code provision</th><th>Code requirement</th><th>" + head + "</th><th>Evidence</th></tr>")
		tsv.WriteString("Code provision\tCode requirement\t" + head + "\tEvidence\n")
		docx.WriteString("table\nrow: Code provision | Code requirement | " + head + " | Evidence\n")
		for _, r := range rows {
			web.WriteString("<tr><td>" + r[0] + "</td><td>" + r[1] + "</td><td>" + r[2] + "</td><td>" + r[3] + "</td></tr>")
			tsv.WriteString(strings.Join(r[:], "\t") + "\n")
			docx.WriteString("row: " + strings.Join(r[:], " | ") + "\n")
		}
		web.WriteString("</table></main>")
		d, err := buildDocx(docx.String())
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range []struct {
			name string
			data []byte
		}{{"page.html", []byte(web.String())}, {"copied.txt", []byte(tsv.String())}, {"a.docx", d}} {
			res, err := Import(f.name, f.data, details)
			if err != nil {
				t.Errorf("%q, %s: %v", head, f.name, err)
				continue
			}
			if got := answersOf(res); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%q, %s:\n got %q\nwant %q", head, f.name, got, want)
			}
			if !said(res, fmt.Sprintf("the column %q holds yes/no answers and the table has no answer column: read as the answer column", head)) {
				t.Errorf("%q, %s: not said: %v", head, f.name, res.Notes)
			}
			if said(res, "has no action beside it") {
				t.Errorf("%q, %s: the answers taken for an action's: %v", head, f.name, res.Notes)
			}
		}
	}
	// With an action beside it, Status is the action's progress.
	got, res := pasted(t, code24+"Code provision|Comply|Evidence|Action|Status\n6.15|No|Late.|Weekly tracker|Complete\n6.16|No|Too long.|Extension check|Ongoing\n")
	if fmt.Sprint(got) != fmt.Sprint([]string{"6.15 no |  | Late.", "6.16 no |  | Too long."}) || said(res, "holds yes/no answers") {
		t.Errorf("Status beside an action: %q %v", got, res.Notes)
	}
}

// TestPastedKeyTableBeforeAssessment: a key to the marks ("✓ Compliant",
// "✗ Not compliant") copied just before the assessment is not part of the
// assessment's header row, however its rows read.
func TestPastedKeyTableBeforeAssessment(t *testing.T) {
	for _, key := range []string{
		"Key:\n\nSymbol|Meaning\n✓|Compliant\n✗|Not compliant\nP|Partially compliant\n \n",
		"✓|Compliant\n✗|Not compliant\n\n",
	} {
		got, res := pasted(t, code24+key+"Code provision|Code requirement|Comply|Evidence\n"+
			"6.12|Residents need not say why they want stage 2.|✓|Our escalation form asks no reasons.\n"+
			"6.13|The stage 2 reviewer must not be the stage 1 handler.|Partial|Two cases were reviewed by the same officer.\n"+
			"6.14|Stage 2 answers within 20 working days.|✗|On time in 78% of cases.\n")
		want := []string{"6.12 yes | Residents need not say why they want stage 2. | Our escalation form asks no reasons.",
			"6.13 partial | The stage 2 reviewer must not be the stage 1 handler. | Two cases were reviewed by the same officer.",
			"6.14 no | Stage 2 answers within 20 working days. | On time in 78% of cases."}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q:\n got %q\nwant %q\n%v", key, got, want, res.Notes)
		}
	}
}
