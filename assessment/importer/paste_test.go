package importer

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/workbook"
	"github.com/csa-tool/csa/codes"
)

// pasted imports text as a browser copies it ("|" stands for a tab) and
// returns each provision as "id answer | requirement | evidence".
func pasted(t *testing.T, src string) ([]string, *Result) {
	t.Helper()
	res, err := Import("copied.txt", []byte(strings.ReplaceAll(src, "|", "\t")), details)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range res.Assessment.Answers {
		out = append(out, fmt.Sprintf("%s %s | %s | %s", a.ID, a.Comply, a.Requirement, a.Evidence))
	}
	return out, res
}

func TestPastedRows(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"cells broken over lines are joined; a number inside a cell is not a provision",
			"Code provision|Code requirement|Comply: Yes / No|Evidence|Commentary\n" +
				"6.13|A different person\nreviews stage 2.|Yes|The policy says:\n2.1 A complaint is defined as any dissatisfaction.|\n" +
				"6.20|Final response.|No|Not yet.|\n",
			[]string{"6.13 yes | A different person\nreviews stage 2. | The policy says:\n2.1 A complaint is defined as any dissatisfaction.", "6.20 no | Final response. | Not yet."}},
		{"a header cell split over lines, with a blank line between",
			"Code provision|Code requirement|Comply:\n\nYes / No|Evidence|Commentary /\nexplanation\n" +
				"6.13|Different person.|Yes|A director.|Directors skip stage 1.\n",
			[]string{"6.13 yes | Different person. | A director."}},
		{"blank lines between a cell's paragraphs, in the middle and the last column",
			"Code provision|Code requirement|Comply|Evidence\n" +
				"6.13|First paragraph.\n\nSecond paragraph.|Yes|One.\n\nTwo.\n" +
				"6.20|x|No|y\n",
			[]string{"6.13 yes | First paragraph.\nSecond paragraph. | One.\nTwo.", "6.20 no | x | y"}},
		{"trailing empty cells dropped by an editor: the next number starts a row",
			"Code provision|Code requirement|Comply|Evidence|Commentary|Action\n" +
				"6.13|x|Yes|y\n6.20|z|No|w\n",
			[]string{"6.13 yes | x | y", "6.20 no | z | w"}},
		{"a title after a table is not the last cell; chrome is dropped",
			"Code provision|Code requirement|Comply|Evidence\n6.13|x|Yes|y\nBack to top\nSection 9: Scrutiny and oversight\n" +
				"Code provision|Code requirement|Comply|Evidence\n9.6|z|No|w\nWas this page helpful?\nYes\nNo\n",
			[]string{"6.13 yes | x | y", "9.6 no | z | w"}},
		{"rows copied without their header row",
			"Section 6: Complaints stages\n6.13|A different person must consider the complaint at stage 2.|Yes|We use a director.\n" +
				"6.20|The stage 2 response is the final one and must say how to go to the Ombudsman.|No|Our letter does not\nsay so yet.\n",
			[]string{"6.13 yes | A different person must consider the complaint at stage 2. | We use a director.",
				"6.20 no | The stage 2 response is the final one and must say how to go to the Ombudsman. | Our letter does not\nsay so yet."}},
	} {
		got, _ := pasted(t, tc.src)
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestPastedHeaderlessSaysSo(t *testing.T) {
	_, res := pasted(t, "6.13|A different person must consider stage 2.|Yes|We use a director.\n6.20|Final response.|No|Not yet.\n")
	said := false
	for _, n := range res.Notes {
		said = said || strings.Contains(n.Message, "the table has no header row: its columns were inferred from their content: provision (column 1), requirement (column 2), comply (column 3), evidence (column 4)")
	}
	if !said {
		t.Errorf("no note that the columns were inferred: %v", res.Notes)
	}
}

func TestInferColumns(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][]string
		want string // the inferred header, or "" for none
	}{
		{"requirement then answer then evidence", [][]string{
			{"6.13", "A different person must consider the complaint at stage 2.", "Yes", "We use a director who took no part in stage 1."},
			{"6.20", "Landlords must make the stage 2 response the final one.", "No", "Our letter does not say so yet."}},
			"Code provision|Code requirement|Comply|Evidence"},
		{"evidence before the answer, no requirement", [][]string{
			{"6.13", "We use a director who took no part in stage 1.", "Yes"},
			{"6.20", "Our letter does not say so yet; we will change it.", "No"}},
			"Code provision|Evidence|Comply"},
		{"a date column", [][]string{
			{"6.13", "A different person must handle stage 2.", "Partial", "We are recruiting a second reviewer.", "31/03/2026"},
			{"6.20", "The landlord must say stage 2 is final.", "No", "Our letter will change.", "May 2026"}},
			"Code provision|Code requirement|Comply|Evidence|Target date"},
		{"no provision numbers", [][]string{{"Landlord", "Fictional Homes"}, {"Date", "1 May 2025"}}, ""},
		{"one row only", [][]string{{"6.13", "x", "Yes", "y"}}, ""},
	} {
		var lines []Line
		for i, r := range tc.rows {
			lines = append(lines, Line{Cells: r, Table: 1, Where: Where{Table: 1, Row: i + 1}})
		}
		out, ok := inferColumns(lines)
		got := ""
		if ok {
			got = strings.Join(out[0].Cells, "|")
			if !out[0].Inferred {
				t.Errorf("%s: the header is not marked inferred", tc.name)
			}
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestEntityAnswers(t *testing.T) {
	for _, tc := range []struct {
		cell   string
		want   string // the entities' answers, or "" for not entity answers
		answer assessment.Comply
		ok     bool
	}{
		{"Landlord A: YES, Landlord B: PARTIAL", "Landlord A: Yes; Landlord B: Partial", assessment.Unanswered, false},
		{"Fenwick Vale Homes – Met\nFenwick Vale Living – Met", "Fenwick Vale Homes: Yes; Fenwick Vale Living: Yes", assessment.Yes, true},
		{"Homes: N/A; Living: N/A", "Homes: N/A; Living: N/A", assessment.NA, true},
		{"Yes – partially", "", assessment.Partial, true},
		{"Compliance: Yes", "", assessment.Yes, true},
		{"Yes, see action plan", "", assessment.Yes, true},
		{"the policy: yes", "", assessment.Unanswered, false},
	} {
		es, isEntities := entityAnswers(tc.cell)
		got := ""
		if isEntities && len(es) > 1 {
			got = entityList(es)
		}
		c, _, ok := parseAnswer(tc.cell)
		if got != tc.want || c != tc.answer || ok != tc.ok {
			t.Errorf("%q: entities %q, answer %q %v; want %q, %q %v", tc.cell, got, c, ok, tc.want, tc.answer, tc.ok)
		}
	}
}

func TestLandlordIn(t *testing.T) {
	for title, want := range map[string]string{
		"Harrowgate District Council – Complaint Handling Code self-assessment 2024/25": "Harrowgate District Council",
		"Complaint handling self-assessment | Harrowgate District Council":              "Harrowgate District Council",
		"Fenwick Vale Homes' self-assessment against the Code":                          "Fenwick Vale Homes",
		"Self-assessment - Kirkby Lythe Homes - GOV.UK":                                 "Kirkby Lythe Homes",
		"Housing Ombudsman Service | Complaint Handling Code":                           "",
		"Council housing": "",
		"Our complaints policy and self-assessment":       "",
		"Complaint Handling Code self-assessment 2024/25": "",
	} {
		got, _ := landlordIn(title)
		if got != want {
			t.Errorf("landlordIn(%q) = %q, want %q", title, got, want)
		}
	}
	for line, want := range map[string]string{
		"© Harrowgate District Council 2025":                         "Harrowgate District Council",
		"© 2025 Fenwick Vale Homes. Registered provider number L12.": "Fenwick Vale Homes",
		"Copyright 2023 Caldermoor Homes":                            "Caldermoor Homes",
		"© Crown copyright":                                          "",
	} {
		if got, _ := copyrightName(line); got != want {
			t.Errorf("copyrightName(%q) = %q, want %q", line, got, want)
		}
	}
}

func TestPageDateLabel(t *testing.T) {
	for line, want := range map[string]string{
		"Last updated: 12 June 2025":      "2025-06-12",
		"Page last reviewed: 03/04/2025":  "2025-04-03",
		"Last updated 12 June 2025":       "2025-06-12",
		"Reviewed: 1 August 2025":         "2025-08-01",
		"Published 5 May 2023.":           "2023-05-05",
		"Updated on 2 May 2025":           "2025-05-02",
		"Next review date: June 2026":     "",
		"Updated our policy in June 2025": "",
		"Date: 14 March 2023":             "2023-03-14",
		// Some sites print the weekday, and the time.
		"Last updated: Thursday, 12 June 2025":                   "2025-06-12",
		"Page updated: Thursday 12 June 2025":                    "2025-06-12",
		"Last updated on Thursday 12 June 2025 at 10:15am":       "2025-06-12",
		"Last reviewed: Wed 4 June 2025":                         "2025-06-04",
		"Published: 1 May 2025 | Last updated: 12 June 2025":     "2025-06-12",
		"Last updated 12 June 2025 · First published 1 May 2025": "2025-06-12",
	} {
		_, d, ok := pageDateLabel(line)
		got := ""
		if ok {
			got = d.String()
		}
		if got != want {
			t.Errorf("pageDateLabel(%q) = %q, want %q", line, got, want)
		}
	}
}

// TestDetails: where the landlord and the date come from, and that a
// file's own dates never give the assessed date.
func TestDetails(t *testing.T) {
	table := "<table><tr><th>Code provision</th><th>Comply</th><th>Evidence</th><th>Commentary</th></tr><tr><td>6.13</td><td>Yes</td><td>x</td><td></td></tr><tr><td>9.6</td><td>No</td><td>y</td><td></td></tr></table>"
	for _, tc := range []struct {
		name, page, landlord, assessed, err string
	}{
		{"labels win", `<title>Self-assessment | Other Homes</title><main><p>Landlord: Fictional Homes</p><p>Date of assessment: 2 June 2025</p><p>Last updated 12 June 2025</p>` + table + `</main>`,
			"Fictional Homes", "2025-06-02", ""},
		{"title, then a sentence", `<title>Self-assessment | Fictional Homes</title><main><p>This self-assessment was completed in May 2025.</p><p>Last updated 12 June 2025</p>` + table + `</main>`,
			"Fictional Homes", "2025-05-31", ""},
		{"the page's date, then the logo", `<title>Self-assessment</title><body><header><a href="/"><img src="logo.png" alt="Fictional Homes logo"></a></header><main>` + table + `</main><footer><p>Page last reviewed: 3 March 2025</p></footer></body>`,
			"Fictional Homes", "2025-03-03", ""},
		{"a date in the main content that the page styles as its own", `<title>Self-assessment | Fictional Homes</title><main><h1>Fictional Homes self-assessment</h1>` + table + `<p class="last-updated">Date of assessment: 30 May 2025</p></main>`,
			"Fictional Homes", "2025-05-30", ""},
		{"the Code's history is not the assessment's date", `<title>Self-assessment | Fictional Homes</title><main><p>The Complaint Handling Code was introduced in July 2020.</p><p>Last updated: Thursday, 12 June 2025</p>` + table + `</main>`,
			"Fictional Homes", "2025-06-12", ""},
		{"the Code's history alone: refused", `<title>Self-assessment | Fictional Homes</title><main><p>The Housing Ombudsman’s Complaint Handling Code was introduced in July 2020.</p>` + table + `</main>`,
			"", "", "page.html does not say when the assessment was completed: give --assessed YYYY-MM-DD"},
		{"a date before the Code came out: refused", `<title>Self-assessment | Fictional Homes</title><main><p>Our complaints policy, March 2021</p>` + table + `</main>`,
			"", "", "page.html does not say when the assessment was completed: give --assessed YYYY-MM-DD"},
		{"no date: refused", `<title>Self-assessment | Fictional Homes</title><meta name="dcterms.modified" content="2025-01-01"><main>` + table + `</main>`,
			"", "", "page.html does not say when the assessment was completed: give --assessed YYYY-MM-DD"},
	} {
		res, err := Import("page.html", []byte(tc.page), Options{})
		switch {
		case tc.err != "":
			if err == nil || err.Error() != tc.err {
				t.Errorf("%s: %v, want %q", tc.name, err, tc.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case res.Assessment.Landlord != tc.landlord || res.Assessment.Assessed.String() != tc.assessed:
			t.Errorf("%s: %q %s, want %q %s", tc.name, res.Assessment.Landlord, res.Assessment.Assessed, tc.landlord, tc.assessed)
		}
	}
	// A Word document saved on a template's default date: not the assessment's.
	data, err := buildDocx("saved: 2006-09-16\ntitle: Fictional Homes self-assessment\ntable\nrow: Code provision | Comply | Evidence | Commentary\nrow: 6.13 | Yes | x | \nrow: 9.6 | No | y | \n")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import("a.docx", data, Options{}); err == nil || err.Error() != "a.docx does not say when the assessment was completed: give --assessed YYYY-MM-DD" {
		t.Errorf("a Word file's last-saved date: %v", err)
	}
}

func TestStackedSplitsEvidence(t *testing.T) {
	for _, tc := range []struct{ text, req, ev string }{
		{"Landlords must respond within ten working days.\nWe answered 87 of 104 on time.", "Landlords must respond within ten working days.", "We answered 87 of 104 on time."},
		{"At each stage the landlord must:\na. be fair;\nb. consider all the evidence.", "", ""},
		{"A complaint must be defined broadly.\nOur policy uses this definition.\nStaff are trained on it.", "A complaint must be defined broadly.", "Our policy uses this definition.\nStaff are trained on it."},
	} {
		req, ev, ok := splitRequirement("5.1", tc.text)
		if !ok {
			req, ev = "", ""
		}
		if req != tc.req || ev != tc.ev {
			t.Errorf("%q: %q / %q, want %q / %q", tc.text, req, ev, tc.req, tc.ev)
		}
	}
}

func TestTitledAnswer(t *testing.T) {
	for rest, want := range map[string]string{
		"Definition of a complaint: YES":     "Definition of a complaint|YES",
		"Definition of a complaint – Met":    "Definition of a complaint|Met",
		"Stage 2 (Partially met)":            "Stage 2|Partially met",
		"Definition of a complaint":          "",
		"Residents: what the Code says":      "",
		"Final response - not yet published": "",
	} {
		title, answer, ok := titledAnswer(rest)
		got := ""
		if ok {
			got = title + "|" + answer
		}
		if got != want {
			t.Errorf("titledAnswer(%q) = %q, want %q", rest, got, want)
		}
	}
}

// TestContinuationRowsGrowLinearly: a row continued by thousands of rows
// (a cell's lines, page breaks) costs memory in proportion, not the square.
func TestContinuationRowsGrowLinearly(t *testing.T) {
	doc := func(n int) []byte {
		var b strings.Builder
		b.WriteString("Code provision\tCode requirement\tComply\tEvidence\tAction\n6.13\tA different person.\tYes\tStart.\tFirst step\n")
		for range n {
			b.WriteString("\tmore of the requirement\t\tmore of the evidence, line after line\tand another step\n")
		}
		return []byte(b.String())
	}
	bytesFor := func(data []byte) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		if _, err := Import("long.txt", data, details); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := bytesFor(doc(2000)), bytesFor(doc(8000))
	if large > 6*small {
		t.Errorf("%d bytes allocated for 2,000 continuation rows, %d for 8,000", small, large)
	}
}

// TestTextTooLarge: a text file over the line limit is refused whole, in
// one line, before its rows are rebuilt.
func TestTextTooLarge(t *testing.T) {
	if _, err := Import("big.txt", bytes.Repeat([]byte("x\n"), maxLines+1), details); err == nil || err.Error() != "big.txt: it is too large to read: it has more than 50000 rows, paragraphs and lines" {
		t.Errorf("text over the cap: %v", err)
	}
}

func TestImportAllFiles(t *testing.T) {
	page1 := []byte(page("Self-assessment | Fictional Homes", `<p>Last updated 1 June 2025</p><table><tr><th>Code provision</th><th>Comply</th><th>Evidence</th><th>Commentary</th></tr><tr><td>6.13</td><td>Yes</td><td>x</td><td></td></tr></table>`))
	page2 := []byte("Code provision\tComply\tEvidence\tCommentary\n9.6\tNo\ty\t\n6.13\tPartial\tz\t\n")
	res, err := ImportAll([]Source{{"one.html", page1}, {"two.txt", page2}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Assessment
	if len(a.Answers) != 2 || a.Answers[0].ID != "6.13" || a.Answers[0].Comply != assessment.Yes || a.Answers[1].ID != "9.6" || res.Format != "mixed" {
		t.Fatalf("%s %+v", res.Format, a.Answers)
	}
	if !strings.Contains(a.Answers[0].Commentary, "Also answered at two.txt, line 3:") {
		t.Errorf("the second answer to 6.13 is not in its commentary: %q", a.Answers[0].Commentary)
	}
	found := false
	for _, n := range res.Notes {
		if n.Format("ignored") == "two.txt:3: provision 6.13 appears again (first at one.html, table 1, row 2): the second row is kept in its commentary" {
			found = true
		}
	}
	if !found {
		t.Errorf("the second answer is not reported: %v", res.Notes)
	}
	// csa's own workbook is a whole assessment: it is not merged with others.
	data, err := os.ReadFile("../../examples/millbrook-2024-25.yaml")
	if err != nil {
		t.Fatal(err)
	}
	own, _ := assessment.Parse("m.yaml", data)
	cat, _ := codes.Lookup(own.Code, "")
	var book bytes.Buffer
	if err := workbook.Write(&book, own, cat, assessment.NewDate(2025, 7, 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := ImportAll([]Source{{"one.html", page1}, {"book.xlsx", book.Bytes()}}, Options{}); err == nil || err.Error() != "book.xlsx is csa's own report, a whole assessment: import it on its own" {
		t.Errorf("the workbook with a page: %v", err)
	}
}

// TestImportAllLandingPage: a self-assessment split into a page per
// section has a landing page that links to them, often the only one with
// the date. Imported with the others it gives its details, is said to hold
// no provisions, and the pages with provisions are imported. Pages that
// all hold none are still refused.
func TestImportAllLandingPage(t *testing.T) {
	landing := []byte(page("Complaints self-assessment | Fictional Homes", `<h1>Our complaints self-assessment</h1><p>We publish it a section at a time.</p><ul><li><a href="s6.html">Section 6: Complaints stages</a></li><li><a href="s9.html">Section 9: Governance</a></li></ul><p>Last updated 3 June 2025</p>`))
	section := []byte(page("Section 6 | Fictional Homes", `<table><tr><th>Code provision</th><th>Comply</th><th>Evidence</th><th>Commentary</th></tr><tr><td>6.13</td><td>Yes</td><td>A manager reviews stage 2.</td><td></td></tr><tr><td>6.14</td><td>No</td><td>On time in 80% of cases.</td><td></td></tr></table>`))
	res, err := ImportAll([]Source{{"index.html", landing}, {"section-6.html", section}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Assessment
	if len(a.Answers) != 2 || a.Answers[0].ID != "6.13" || a.Answers[1].ID != "6.14" {
		t.Errorf("answers %+v", a.Answers)
	}
	if a.Assessed.String() != "2025-06-03" || a.Landlord != "Fictional Homes" {
		t.Errorf("details from the landing page: %q %s", a.Landlord, a.Assessed)
	}
	found := false
	for _, n := range res.Notes {
		if n.Format("ignored") == "index.html: it holds no provisions: read only for the landlord and the date it gives" {
			found = true
		}
	}
	if !found {
		t.Errorf("the landing page is not reported: %v", res.Notes)
	}
	_, err = ImportAll([]Source{{"index.html", landing}, {"about.html", landing}}, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "index.html: no table of provisions found") {
		t.Errorf("no page with provisions: %v", err)
	}
}
