package report

import (
	"reflect"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// A small catalogue with must and should provisions, one off the form and
// one with the Code's text, so every branch of the view shows.
const smallCatalogue = `catalogue: small
title: Small Code
publisher: Test Ombudsman
in_force: 2022-04-01
sections:
  - number: 1
    title: First
  - number: 2
    title: Second
provisions:
  - id: "1.1"
    obligation: none
    on_form: false
    summary: Introduction.
  - id: "1.2"
    summary: Must one.
  - id: "1.3"
    obligation: should
    summary: Should one.
  - id: "1.10"
    summary: Must ten.
    text: The Code's words for 1.10.
  - id: "2.1"
    obligation: should
    summary: Should two.
`

func smallCat(t testing.TB) *codes.Catalogue {
	t.Helper()
	cat, err := codes.Parse(strings.NewReader(smallCatalogue), "small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func parse(t testing.TB, src string) *assessment.Assessment {
	t.Helper()
	a, fs := assessment.Parse("a.yaml", []byte(src))
	if assessment.HasErrors(fs) {
		t.Fatalf("%v", fs)
	}
	return a
}

const smallAssessment = `code: small.yaml
landlord: Tŷ Glas Homes
assessed: 2025-05-31
provisions:
  - id: "1.10"
    comply: partial
    requirement: Our own copy of 1.10.
    alternative: Another way.
    review: carried from last year
    actions:
      - action: Fix it.
        owner: Siân
        due: 2025-06-01
      - action: Done already.
        owner: Siân
        due: 2025-01-01
        status: done
        completed: 2024-12-20
  - id: "1.2"
    comply: yes
    evidence: Policy.
  - id: "1.1"
    comply: n/a
    commentary: Introduction only.
  - id: "9.9"
    comply: no
`

func TestNewJoinsAssessmentAndCatalogue(t *testing.T) {
	r := New(parse(t, smallAssessment), smallCat(t), assessment.NewDate(2025, 7, 1))
	if !r.Should {
		t.Error("a catalogue with should provisions takes the 2022 layout")
	}
	type row struct {
		ID, Obligation string
		Comply         assessment.Comply
		InFile         bool
		Requirement    string
		From           assessment.RequirementSource
	}
	var got [][]row
	var captions []string
	for _, s := range r.Sections {
		captions = append(captions, s.Caption())
		var rs []row
		for _, x := range s.Rows {
			rs = append(rs, row{x.ID, x.Obligation, x.Comply, x.InFile, x.Requirement, x.RequirementFrom})
		}
		got = append(got, rs)
	}
	want := [][]row{
		{ // off the form but answered, so shown; 1.10 after 1.3
			{"1.1", "none", assessment.NA, true, "Introduction.", assessment.FromSummary},
			{"1.2", "must", assessment.Yes, true, "Must one.", assessment.FromSummary},
			{"1.3", "should", assessment.Unanswered, false, "Should one.", assessment.FromSummary},
			{"1.10", "must", assessment.Partial, true, "Our own copy of 1.10.", assessment.FromLandlord},
		},
		{{"2.1", "should", assessment.Unanswered, false, "Should two.", assessment.FromSummary}},
		{{"9.9", "", assessment.No, true, "", assessment.FromNowhere}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %+v\nwant %+v", got, want)
	}
	wantCaptions := []string{"Section 1: First", "Section 2: Second", "Provisions not in the Small Code"}
	if !reflect.DeepEqual(captions, wantCaptions) {
		t.Errorf("captions %q, want %q", captions, wantCaptions)
	}
	if !reflect.DeepEqual(r.Missing, []string{"1.3", "2.1"}) {
		t.Errorf("missing %v", r.Missing)
	}
	wantTotals := Tally{
		Must:   Counts{Yes: 1, Partial: 1, No: 1, NA: 1},
		Should: Counts{Unanswered: 2},
		All:    Counts{Yes: 1, Partial: 1, No: 1, NA: 1, Unanswered: 2},
	}
	if r.Totals != wantTotals {
		t.Errorf("totals %+v, want %+v", r.Totals, wantTotals)
	}
	if s := r.Sections[0].Tally; s.Must.Total() != 3 || s.Should.Unanswered != 1 {
		t.Errorf("section 1 tally %+v", s)
	}
	// The action plan is in provision then due-date order.
	if len(r.Actions) != 2 || r.Actions[0].Text != "Done already." || r.Actions[0].Overdue ||
		!r.Actions[1].Overdue || r.Actions[1].DaysOverdue != 30 {
		t.Errorf("actions %+v", r.Actions)
	}
	if len(r.Sections[0].Rows[3].Actions) != 2 {
		t.Errorf("1.10 should carry its two actions")
	}
	if !r.Summaries || r.SummaryNote() == "" {
		t.Error("summaries are shown, so the report must say so")
	}
}

func TestCells(t *testing.T) {
	row := Row{Evidence: "E.\r\n", Commentary: " C. ", Alternative: "A.", Review: "R."}
	wantComment := []Paragraph{{Text: "C."}, {Label: "Alternative (reasonable endeavours)", Text: "A."}, {Label: "Awaiting review", Text: "R."}}
	if got := row.CommentaryCell(); !reflect.DeepEqual(got, wantComment) {
		t.Errorf("commentary cell %+v", got)
	}
	wantEvidence := append([]Paragraph{{Text: "E."}}, wantComment...)
	if got := row.EvidenceCell(); !reflect.DeepEqual(got, wantEvidence) {
		t.Errorf("evidence cell %+v", got)
	}
	if got := (Row{}).CommentaryCell(); got != nil {
		t.Errorf("an empty row has no paragraphs, got %+v", got)
	}
}

func TestStatusText(t *testing.T) {
	due := assessment.NewDate(2025, 6, 1)
	tests := []struct {
		it   assessment.ActionItem
		want string
	}{
		{assessment.ActionItem{Action: assessment.Action{Status: assessment.Open, Due: due}}, "Open"},
		{assessment.ActionItem{Action: assessment.Action{Status: assessment.Open, Due: due}, Overdue: true, DaysOverdue: 1}, "Overdue by 1 day"},
		{assessment.ActionItem{Action: assessment.Action{Status: assessment.Open, Draft: true}, Overdue: true, DaysOverdue: 30}, "Overdue by 30 days (draft, not yet agreed)"},
		{assessment.ActionItem{Action: assessment.Action{Status: assessment.Done}}, "Done"},
		{assessment.ActionItem{Action: assessment.Action{Status: assessment.Done, Completed: due}}, "Done, completed 1 June 2025"},
	}
	for _, tt := range tests {
		if got := StatusText(tt.it); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestFacts(t *testing.T) {
	cat := smallCat(t)
	tests := []struct {
		name     string
		approved *assessment.Approval
		want     string
	}{
		{"approved", &assessment.Approval{By: "Board", On: assessment.NewDate(2025, 6, 19)}, "Board, on 19 June 2025"},
		{"not approved", nil, "not yet approved by the governing body"},
	}
	for _, tt := range tests {
		a := parse(t, smallAssessment)
		a.Approved = tt.approved
		facts := New(a, cat, assessment.Date{}).Facts()
		last := facts[len(facts)-1]
		if last[0] != "Approved" || last[1] != tt.want {
			t.Errorf("%s: %v", tt.name, last)
		}
		if facts[0][1] != "Small Code (small), Test Ombudsman, in force from 1 April 2022" {
			t.Errorf("%s: code fact %q", tt.name, facts[0][1])
		}
	}
}

func TestMarkdownURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/a_b", "<https://example.org/a_b>"},
		{"javascript:alert(1)", "javascript:alert(1)"},
		{"https://x.org/<script>", `https://x.org/\<script\>`},
		{"see our website", "see our website"},
	}
	for _, tt := range tests {
		if got := mdURL(tt.in); got != tt.want {
			t.Errorf("mdURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+44 20", "'+44 20"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"\r\n=1+1", "'\r\n=1+1"},
		{"\n=1+1", "'\n=1+1"},
		{" @SUM(A1)", "' @SUM(A1)"},
		{"\nplain", "\nplain"},
		{"a = b", "a = b"},
		{"6.10", "6.10"},
		{"", ""},
		{"Siân", "Siân"},
	}
	for _, tt := range tests {
		if got := Neutralise(tt.in); got != tt.want {
			t.Errorf("Neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRequirementColumn: the form's requirement column shows the answer's
// requirement, else the catalogue's text, else its summary, in every format,
// and the report says so when a summary is shown.
func TestRequirementColumn(t *testing.T) {
	a := parse(t, `code: small.yaml
landlord: Tŷ Glas Homes
assessed: 2025-05-31
provisions:
  - id: "1.2"
    comply: yes
    requirement: The landlord's copy of 1.2.
  - id: "1.10"
    comply: yes
  - id: "1.3"
    comply: no
`)
	r := New(a, smallCat(t), assessment.NewDate(2025, 7, 1))
	var md, csvOut, page strings.Builder
	if err := WriteMarkdown(&md, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&csvOut, r, TableForm); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&page, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| 1.2 | The landlord's copy of 1.2. | Yes |",
		"| 1.10 | The Code's words for 1.10. | Yes |",
		"| 1.3 | Should one. | **No** |",
		"the requirement shown is csa's one-sentence summary",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	for _, want := range []string{
		"1.2,1,First,must,The landlord's copy of 1.2.,landlord,Yes,",
		"1.10,1,First,must,The Code's words for 1.10.,code text,Yes,",
		"1.3,1,First,should,Should one.,csa summary,No,",
	} {
		if !strings.Contains(csvOut.String(), want) {
			t.Errorf("csv lacks %q", want)
		}
	}
	for _, want := range []string{
		`<td data-label="Code requirement" dir="auto">The landlord&#39;s copy of 1.2.</td>`,
		`<td data-label="Code requirement" dir="auto">The Code&#39;s words for 1.10.</td>`,
		`<td data-label="Code requirement" dir="auto">Should one.</td>`,
	} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("html lacks %q", want)
		}
	}

	// With no summary shown, no note.
	a.Answers = a.Answers[:2]
	cat, err := codes.Parse(strings.NewReader(`catalogue: words
title: Words Code
provisions:
  - id: "1.2"
    summary: Must one.
  - id: "1.10"
    summary: Must ten.
    text: The Code's words for 1.10.
`), "words.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if r := New(a, cat, assessment.Date{}); r.Summaries || r.SummaryNote() != "" {
		t.Errorf("no summary is shown, yet the report says so: %q", r.SummaryNote())
	}
}

// TestAnsweredTwice: a provision answered twice (an error csa check reports)
// is shown twice, each row with its own actions only.
func TestAnsweredTwice(t *testing.T) {
	a := parse(t, `code: small.yaml
landlord: X
assessed: 2025-05-31
provisions:
  - id: "1.2"
    comply: no
    actions:
      - action: First answer's.
        owner: A
        due: 2025-06-01
  - id: "1.2"
    comply: partial
    actions:
      - action: Second answer's.
        owner: B
        due: 2025-05-01
`)
	r := New(a, smallCat(t), assessment.NewDate(2025, 7, 1))
	rows := r.Sections[0].Rows
	if len(rows) < 2 || rows[0].ID != "1.2" || rows[1].ID != "1.2" {
		t.Fatalf("rows %+v", rows)
	}
	for i, want := range []string{"First answer's.", "Second answer's."} {
		if len(rows[i].Actions) != 1 || rows[i].Actions[0].Text != want || !rows[i].Actions[0].Overdue {
			t.Errorf("row %d actions %+v, want only %q, overdue", i, rows[i].Actions, want)
		}
	}
	if len(r.Actions) != 2 || r.Actions[0].Text != "Second answer's." {
		t.Errorf("the action plan has both, by due date: %+v", r.Actions)
	}
}

// TestCSVLineBreaks: a line break in a cell is written CRLF, whatever it
// was (an old Mac file's lone CR is not dropped), and the row stays whole.
func TestCSVLineBreaks(t *testing.T) {
	var b strings.Builder
	if err := writeCSVRows(&b, [][]string{{"a\rb", "c\r\nd", "e\nf", "\rg"}}); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "\"a\r\nb\",\"c\r\nd\",\"e\r\nf\",\"'\r\ng\"\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
