package assessment

import (
	"reflect"
	"strings"
	"testing"

	"github.com/csa-tool/csa/codes"
)

// A small catalogue: 1.1 is off the form, 1.5 has the Code's text.
const queryCatalogue = `catalogue: test-code
title: Test Code
sections:
  - number: 1
    title: One
  - number: 2
    title: Two
provisions:
  - id: "1.1"
    on_form: false
    summary: Introduction.
  - id: "1.2"
    summary: Define a complaint.
  - id: "1.5"
    summary: Log it.
    text: The Code's own words for 1.5.
  - id: "1.10"
    obligation: should
    summary: Tell residents.
  - id: "2.1"
    summary: Respond in time.
`

func queryCat(t *testing.T) *codes.Catalogue {
	t.Helper()
	cat, err := codes.Parse(strings.NewReader(queryCatalogue), "test")
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func mustParse(t *testing.T, name, src string) *Assessment {
	t.Helper()
	a, fs := Parse(name, []byte(src))
	if HasErrors(fs) {
		t.Fatalf("%s: %v", name, fs)
	}
	return a
}

// Two landlords; Alpha has two years so the order by assessed date shows.
var (
	alpha25 = `code: test-code
landlord: Alpha Homes
assessed: 2025-05-31
provisions:
  - id: "2.1"
    comply: no
    actions:
      - action: Late one.
        owner: Siân Evans
        due: 2025-06-30
      - action: Undated.
        owner: Complaints Manager
      - action: Early one.
        owner: Complaints Manager
        due: 2025-06-01
  - id: "1.1"
    comply: no
    actions:
      - action: Off the form.
        owner: Board
        due: 2025-12-31
  - id: "1.2"
    comply: yes
    evidence: Policy.
    actions:
      - action: Finished.
        owner: siân evans
        due: 2025-01-31
        status: done
        completed: 2025-01-20
  - id: "1.5"
    comply: partial
    requirement: Our copy of 1.5.
    alternative: Another way.
  - id: "1.10"
    comply:
`
	alpha24 = `code: test-code
landlord: Alpha Homes
assessed: 2024-05-31
provisions:
  - id: "1.2"
    comply: n/a
    commentary: Does not apply.
  - id: "1.5"
    comply: yes
    evidence: Log.
  - id: "1.10"
    comply: yes
    evidence: Told.
  - id: "2.1"
    comply: yes
    evidence: In time.
    actions:
      - action: Last year's.
        owner: Head of Housing
        due: 2024-09-30
`
	beta = `code: test-code
landlord: beta Housing
assessed: 2025-04-01
provisions:
  - id: "1.2"
    comply: no
    actions:
      - action: Beta action.
        owner: Director
        due: 2025-07-01
`
)

func queryEntries(t *testing.T) []Entry {
	cat := queryCat(t)
	// Deliberately out of order: the queries sort.
	return []Entry{
		{mustParse(t, "beta.yaml", beta), cat},
		{mustParse(t, "alpha-25.yaml", alpha25), cat},
		{mustParse(t, "alpha-24.yaml", alpha24), cat},
	}
}

func TestGaps(t *testing.T) {
	type row struct {
		File, Provision string
		Comply          Comply
		InFile, Plan    bool
		Requirement     string
	}
	var got []row
	for _, g := range Gaps(queryEntries(t)) {
		got = append(got, row{g.File, g.Provision, g.Comply, g.InFile, g.HasPlan(), g.Requirement})
	}
	want := []row{
		// alpha-24 answers everything on the form yes or n/a: no gaps.
		{"alpha-25.yaml", "1.5", Partial, true, true, "Our copy of 1.5."},
		{"alpha-25.yaml", "1.10", Unanswered, true, false, "Tell residents."},
		{"alpha-25.yaml", "2.1", No, true, true, "Respond in time."},
		// beta: 1.5, 1.10 and 2.1 are missing from the file; 1.5 shows the Code's text.
		{"beta.yaml", "1.2", No, true, true, "Define a complaint."},
		{"beta.yaml", "1.5", Unanswered, false, false, "The Code's own words for 1.5."},
		{"beta.yaml", "1.10", Unanswered, false, false, "Tell residents."},
		{"beta.yaml", "2.1", Unanswered, false, false, "Respond in time."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gaps:\n got %v\nwant %v", got, want)
	}
}

func TestGapsKeepTheirPlan(t *testing.T) {
	gs := Gaps(queryEntries(t)[1:2])
	if len(gs) != 3 {
		t.Fatalf("got %d gaps", len(gs))
	}
	g := gs[2] // 2.1
	if len(g.Actions) != 3 || g.Actions[0].Text != "Late one." {
		t.Errorf("2.1 should keep its three actions in file order, got %+v", g.Actions)
	}
	if gs[0].Alternative != "Another way." {
		t.Errorf("1.5 should keep its alternative, got %q", gs[0].Alternative)
	}
}

func TestActions(t *testing.T) {
	asOf := NewDate(2025, 7, 1)
	tests := []struct {
		name   string
		filter ActionFilter
		want   []string // file:provision:text
	}{
		{"everything, sorted", ActionFilter{AsOf: asOf}, []string{
			"alpha-24.yaml:2.1:Last year's.",
			"alpha-25.yaml:1.1:Off the form.",
			"alpha-25.yaml:1.2:Finished.",
			"alpha-25.yaml:2.1:Early one.",
			"alpha-25.yaml:2.1:Late one.",
			"alpha-25.yaml:2.1:Undated.",
			"beta.yaml:1.2:Beta action.",
		}},
		{"overdue: open and due before the day", ActionFilter{AsOf: asOf, Overdue: true}, []string{
			"alpha-24.yaml:2.1:Last year's.",
			"alpha-25.yaml:2.1:Early one.",
			"alpha-25.yaml:2.1:Late one.",
		}},
		{"due on the day is not overdue", ActionFilter{AsOf: NewDate(2025, 6, 30), Overdue: true}, []string{
			"alpha-24.yaml:2.1:Last year's.",
			"alpha-25.yaml:2.1:Early one.",
		}},
		{"owner, any case, part of the name", ActionFilter{AsOf: asOf, Owner: "SIÂN"}, []string{
			"alpha-25.yaml:1.2:Finished.",
			"alpha-25.yaml:2.1:Late one.",
		}},
		{"due within: open, on or before the limit, overdue included, undated left out",
			ActionFilter{AsOf: asOf, DueBy: asOf}, []string{
				"alpha-24.yaml:2.1:Last year's.",
				"alpha-25.yaml:2.1:Early one.",
				"alpha-25.yaml:2.1:Late one.",
				"beta.yaml:1.2:Beta action.",
			}},
		{"status done", ActionFilter{AsOf: asOf, Status: Done}, []string{
			"alpha-25.yaml:1.2:Finished.",
		}},
		{"status open and owner", ActionFilter{AsOf: asOf, Status: Open, Owner: "complaints"}, []string{
			"alpha-25.yaml:2.1:Early one.",
			"alpha-25.yaml:2.1:Undated.",
		}},
		{"no match", ActionFilter{AsOf: asOf, Owner: "nobody"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, it := range Actions(queryEntries(t), tt.filter) {
				got = append(got, it.File+":"+it.Provision+":"+it.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestActionOverdueDays(t *testing.T) {
	tests := []struct {
		act     Action
		asOf    Date
		days    int
		overdue bool
	}{
		{Action{Due: NewDate(2025, 6, 1), Status: Open}, NewDate(2025, 7, 1), 30, true},
		{Action{Due: NewDate(2025, 6, 30), Status: Open}, NewDate(2025, 7, 1), 1, true},
		{Action{Due: NewDate(2025, 7, 1), Status: Open}, NewDate(2025, 7, 1), 0, false},
		{Action{Due: NewDate(2025, 6, 1)}, NewDate(2025, 7, 1), 30, true}, // no status is open
		{Action{Due: NewDate(2025, 6, 1), Status: Done}, NewDate(2025, 7, 1), 0, false},
		{Action{Status: Open}, NewDate(2025, 7, 1), 0, false},
		{Action{Due: NewDate(2025, 6, 1), Status: Open}, Date{}, 0, false},
	}
	for _, tt := range tests {
		days, overdue := tt.act.OverdueOn(tt.asOf)
		if days != tt.days || overdue != tt.overdue {
			t.Errorf("%+v on %s: got %d %v, want %d %v", tt.act, tt.asOf, days, overdue, tt.days, tt.overdue)
		}
	}
}

func TestRequirement(t *testing.T) {
	cat := queryCat(t)
	p12, _ := cat.Provision("1.2")
	p15, _ := cat.Provision("1.5")
	tests := []struct {
		ans  *Answer
		p    *codes.Provision
		text string
		from RequirementSource
	}{
		{&Answer{Requirement: "Ours."}, p15, "Ours.", FromLandlord},
		{&Answer{Requirement: "  "}, p15, "The Code's own words for 1.5.", FromCode},
		{nil, p15, "The Code's own words for 1.5.", FromCode},
		{&Answer{}, p12, "Define a complaint.", FromSummary},
		{&Answer{}, nil, "", FromNowhere},
	}
	for _, tt := range tests {
		text, from := Requirement(tt.ans, tt.p)
		if text != tt.text || from != tt.from {
			t.Errorf("got %q %q, want %q %q", text, from, tt.text, tt.from)
		}
	}
}

// TestListing: with an entity named, the assessments that list it (but
// for case and spacing) are kept and the others left out, in order; with
// none, every one is kept.
func TestListing(t *testing.T) {
	entry := func(file string, entities ...string) Entry {
		a := &Assessment{File: file}
		for _, n := range entities {
			a.Entities = append(a.Entities, Entity{Name: n})
		}
		return Entry{Assessment: a}
	}
	entries := []Entry{
		entry("calder-2023.yaml", "Calder Vale Homes", "Calder Vale Living"),
		entry("millbrook.yaml"),
		entry("calder-2024.yaml", "Calder Vale Homes", "Calder Vale Living", "Moorside Housing Association"),
		{},
	}
	files := func(es []Entry) string {
		var out []string
		for _, e := range es {
			if e.Assessment != nil {
				out = append(out, e.Assessment.File)
			}
		}
		return strings.Join(out, " ")
	}
	for _, tt := range []struct{ entity, kept, left string }{
		{"Moorside Housing Association", "calder-2024.yaml", "calder-2023.yaml millbrook.yaml"},
		{"moorside  housing association", "calder-2024.yaml", "calder-2023.yaml millbrook.yaml"},
		{"Calder Vale Homes", "calder-2023.yaml calder-2024.yaml", "millbrook.yaml"},
		{"", "calder-2023.yaml millbrook.yaml calder-2024.yaml", ""},
	} {
		kept, left := Listing(entries, tt.entity)
		if files(kept) != tt.kept || files(left) != tt.left {
			t.Errorf("Listing(%q) kept %q, left %q; want %q, %q", tt.entity, files(kept), files(left), tt.kept, tt.left)
		}
	}
}
