package carry

import (
	"slices"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/assessment/rules"
	"github.com/csa-tool/csa/codes"
)

func TestNextPeriod(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2023/24", "2024/25", true},
		{"2099/00", "2100/01", true},
		{"2023/2024", "2024/2025", true},
		{"2023-24", "2024-25", true},
		{" 2024 ", "2025", true},
		{"FY2023/24", "", false},
		{"Q3 2024", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := NextPeriod(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NextPeriod(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func parse(t *testing.T, src string) *assessment.Assessment {
	t.Helper()
	a, fs := assessment.Parse("last.yaml", []byte(src))
	if assessment.HasErrors(fs) {
		t.Fatal(fs)
	}
	return a
}

func lookup(t *testing.T, id string) *codes.Catalogue {
	t.Helper()
	c, err := codes.Lookup(id, "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func catalogue(t *testing.T, src string) *codes.Catalogue {
	t.Helper()
	c, err := codes.Parse(strings.NewReader(src), "test")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func answer(t *testing.T, a *assessment.Assessment, id string) assessment.Answer {
	t.Helper()
	ans, ok := a.Answer(id)
	if !ok {
		t.Fatalf("no answer for %s", id)
	}
	return *ans
}

func texts(acts []assessment.Action) []string {
	var s []string
	for _, a := range acts {
		s = append(s, a.Text)
	}
	return s
}

func TestForwardSameCode(t *testing.T) {
	c24 := lookup(t, "chc-2024")
	last := parse(t, `code: chc-2024
landlord: Example Homes
assessed: 2025-05-31
period: 2024/25
approved: {by: Board, on: 2025-06-19}
published: https://example.org/sa
provisions:
  - id: "1.1"
    comply: yes
    evidence: Not on the form, but answered all the same.
  - id: "1.2"
    comply: partial
    evidence: Policy section 2.1.
    commentary: Contractors not yet covered.
    requirement: The Code's words, as we hold them.
    alternative: Contract clause 14 meanwhile.
    review: an old marker, to be replaced
    actions:
      - action: Add contractors to the policy.
        owner: Complaints Manager
        due: 2025-09-30
      - action: Brief the contractors.
        owner: Head of Property
        due: 2025-03-31
        status: done
        completed: 2025-03-20
  - id: "1.3"
    comply:
`)
	r, err := Forward(last, c24, c24, Options{Assessed: assessment.NewDate(2026, 5, 1)})
	if err != nil {
		t.Fatal(err)
	}
	a := r.Assessment
	if a.Code != "chc-2024" || a.Landlord != "Example Homes" || a.Period != "2025/26" || a.Assessed.String() != "2026-05-01" ||
		a.Approved != nil || a.Published != "" {
		t.Errorf("top: %+v", a)
	}
	got := answer(t, a, "1.2")
	want := "carried from 2024/25 (chc-2024 1.2); check it, then delete this line"
	if got.Comply != assessment.Partial || got.Evidence != "Policy section 2.1." || got.Commentary != "Contractors not yet covered." ||
		got.Requirement != "The Code's words, as we hold them." || got.Alternative != "Contract clause 14 meanwhile." || got.Review != want {
		t.Errorf("1.2 carried as %+v", got)
	}
	if !slices.Equal(texts(got.Actions), []string{"Add contractors to the policy."}) || !got.Actions[0].IsOpen() {
		t.Errorf("1.2 actions %v: want the open one only", got.Actions)
	}
	if r.Direction != lineage.SameCode || len(r.Carried) != 2 || r.Actions != 1 || r.Done != 1 || len(r.New) != 0 || len(r.Blank) != 71 {
		t.Errorf("result: carried %v, actions %d, done %d, new %v, %d blank", r.Carried, r.Actions, r.Done, r.New, len(r.Blank))
	}
	if blank := answer(t, a, "1.3"); blank.Review != "" || blank.Comply != assessment.Unanswered {
		t.Errorf("1.3 was blank last year, so stays blank: %+v", blank)
	}
	if len(a.Answers) != 73 {
		t.Errorf("%d answers, want every provision on the form and 1.1, answered last year", len(a.Answers))
	}

	r, _ = Forward(last, c24, c24, Options{Landlord: "New Name Homes", Period: "2025-26"})
	if r.Assessment.Landlord != "New Name Homes" || r.Assessment.Period != "2025-26" {
		t.Errorf("options not applied: %q, %q", r.Assessment.Landlord, r.Assessment.Period)
	}
	last.Period = "the year to March"
	r, _ = Forward(last, c24, c24, Options{})
	if r.Assessment.Period != "" || r.PeriodKept != "the year to March" {
		t.Errorf("an unreadable period: %q kept %q; want blank and reported", r.Assessment.Period, r.PeriodKept)
	}
	last.Period = ""
	r, _ = Forward(last, c24, c24, Options{})
	if got := answer(t, r.Assessment, "1.2").Review; !strings.HasPrefix(got, "carried from the assessment of 2025-05-31 (") {
		t.Errorf("with no period the marker names the date: %q", got)
	}
}

// TestForwardAcrossCodes carries a chc-2022 assessment to chc-2024 through
// the built-in lineage.
func TestForwardAcrossCodes(t *testing.T) {
	last := parse(t, `code: chc-2022
landlord: Example Homes
assessed: 2023-06-14
period: 2023/24
provisions:
  - id: "1.3"
    comply: yes
    evidence: Policy section 2.3.
    requirement: The 2022 wording.
  - id: "1.6"
    comply: partial
    evidence: Some officers keep service requests open.
  - id: "2.2"
    comply: no
    evidence: Nothing on social media.
  - id: "4.16"
    comply: no
    evidence: No survey.
    actions:
      - action: Send a survey after each response.
        owner: Head of Service
        due: 2024-03-31
  - id: "5.13"
    comply: no
    evidence: 68% on time.
    actions:
      - action: Hold a case conference within five days.
        owner: Director
        due: 2024-03-31
      - action: Report weekly.
        owner: Director
        due: 2023-09-30
        status: done
  - id: "5.14"
    comply: yes
    evidence: Extensions agreed with the resident.
`)
	r, err := Forward(last, lookup(t, "chc-2022"), lookup(t, "chc-2024"), Options{Assessed: assessment.NewDate(2024, 5, 1)})
	if err != nil {
		t.Fatal(err)
	}
	a := r.Assessment
	if a.Code != "chc-2024" || a.Period != "2024/25" {
		t.Errorf("code %q, period %q", a.Code, a.Period)
	}
	tests := []struct {
		id, comply, evidence, review string
		actions                      []string
	}{
		{"1.3", "partial",
			"From chc-2022 1.3: Policy section 2.3.\n\nFrom chc-2022 1.6: Some officers keep service requests open.",
			"carried from 2023/24 (chc-2022 1.3 yes, high confidence; 1.6 partial, medium confidence; the weakest answer kept, the texts joined); check it, then delete this line",
			nil},
		{"1.5", "partial", "Some officers keep service requests open.",
			"carried from 2023/24 (chc-2022 1.6, medium confidence); check it, then delete this line", nil},
		{"3.2", "no", "Nothing on social media.",
			"carried from 2023/24 (chc-2022 2.2, low confidence, it may not match); check it, then delete this line", nil},
		{"6.14", "no", "68% on time.",
			"carried from 2023/24 (chc-2022 5.13, high confidence); check it, then delete this line",
			[]string{"Hold a case conference within five days."}},
		{"6.15", "no", "From chc-2022 5.13: 68% on time.\n\nFrom chc-2022 5.14: Extensions agreed with the resident.",
			"carried from 2023/24 (chc-2022 5.13 no, medium confidence; 5.14 yes, medium confidence; the weakest answer kept, the texts joined); check it, then delete this line",
			nil}, // the action went to 6.14, the stronger successor, only
		{"2.3", "", "", "", nil}, // new in 2024
		{"1.2", "", "", "", nil}, // 1.2 was not answered last year
	}
	for _, tt := range tests {
		got := answer(t, a, tt.id)
		if string(got.Comply) != tt.comply || got.Evidence != tt.evidence || got.Review != tt.review || !slices.Equal(texts(got.Actions), tt.actions) {
			t.Errorf("%s:\n got %q %q %q %v\nwant %q %q %q %v", tt.id, got.Comply, got.Evidence, got.Review, texts(got.Actions),
				tt.comply, tt.evidence, tt.review, tt.actions)
		}
		if got.Requirement != "" {
			t.Errorf("%s: the old Code's requirement wording was carried", tt.id)
		}
	}
	if len(r.Left) != 1 || r.Left[0].Provision != "4.16" || r.Left[0].Action.Text != "Send a survey after each response." {
		t.Errorf("left behind %+v, want 4.16's open action", r.Left)
	}
	if r.Actions != 1 || r.Done != 1 {
		t.Errorf("actions carried %d, done left %d; want 1 and 1", r.Actions, r.Done)
	}
	if !slices.Contains(r.New, "2.3") || len(r.New) != 12 || !slices.Contains(r.Blank, "1.2") {
		t.Errorf("new %v, blank %v", r.New, r.Blank)
	}
	if len(r.Carried)+len(r.New)+len(r.Blank) != 72 || len(a.Answers) != 72 {
		t.Errorf("%d carried + %d new + %d blank, %d answers; want 72", len(r.Carried), len(r.New), len(r.Blank), len(a.Answers))
	}
	for _, ans := range a.Answers {
		if carried := slices.Contains(r.Carried, ans.ID); carried != (ans.Review != "") {
			t.Errorf("%s: carried %v but review %q", ans.ID, carried, ans.Review)
		}
	}
}

func TestForwardRefuses(t *testing.T) {
	last := parse(t, "code: chc-2024\nlandlord: X\nassessed: 2025-05-31\nprovisions: []\n")
	_, err := Forward(last, lookup(t, "chc-2024"), lookup(t, "chc-2022"), Options{})
	if err == nil || !strings.Contains(err.Error(), "chc-2022 is older than chc-2024") {
		t.Errorf("backwards: %v", err)
	}
	_, err = Forward(last, lookup(t, "chc-2024"), catalogue(t, "catalogue: mini\nprovisions:\n  - id: \"1.1\"\n"), Options{})
	if err == nil || !strings.Contains(err.Error(), "cannot be lined up") {
		t.Errorf("unrelated: %v", err)
	}
}

// An open action whose provision's only successor is a low-confidence link
// still goes there, and the review line says where it came from.
func TestForwardActionsThroughAWeakLink(t *testing.T) {
	old := catalogue(t, "catalogue: old\nprovisions:\n  - id: \"1.1\"\n  - id: \"1.2\"\n")
	next := catalogue(t, `catalogue: next
supersedes: old
provisions:
  - id: "2.1"
    predecessors:
      - {id: "1.1", confidence: high}
      - {id: "1.2", confidence: low}
`)
	last := parse(t, `code: old.yaml
landlord: X
assessed: 2025-05-31
provisions:
  - id: "1.1"
    comply: yes
    evidence: Done.
  - id: "1.2"
    comply: no
    evidence: Not yet.
    actions:
      - action: Fix it.
        owner: Manager
        due: 2025-12-31
`)
	r, err := Forward(last, old, next, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := answer(t, r.Assessment, "2.1")
	if got.Comply != assessment.Yes || got.Evidence != "Done." || !slices.Equal(texts(got.Actions), []string{"Fix it."}) {
		t.Errorf("2.1: %+v", got)
	}
	if want := "carried from the assessment of 2025-05-31 (old 1.1, high confidence; open actions from old 1.2); check it, then delete this line"; got.Review != want {
		t.Errorf("review %q\nwant   %q", got.Review, want)
	}
}

// TestReviewMarkerInCheck: csa check's unreviewed message quotes the review
// line without repeating its instruction, and never hides that a match was
// of low confidence, however long the line.
func TestReviewMarkerInCheck(t *testing.T) {
	long := "carried from 2023/24 (chc-2022 3.2 yes, medium confidence; 4.6 yes, medium confidence; 4.7 yes, medium confidence; " +
		"4.12 yes, medium confidence; 4.13 no, medium confidence; 4.14 yes, medium confidence; 5.9 partial, low confidence, it may not match; " +
		"the weakest answer kept, the texts joined); " + ReviewSuffix
	tests := []struct {
		review string
		want   string // the part of the message in brackets
	}{
		{"carried from 2024/25 (chc-2024 1.2); " + ReviewSuffix, "carried from 2024/25 (chc-2024 1.2)"},
		{"carried from 2023/24 (chc-2022 2.2, low confidence, it may not match); " + ReviewSuffix,
			"carried from 2023/24 (chc-2022 2.2, low confidence, it may not match)"},
		{"ask the Head of Housing", "ask the Head of Housing"},
		{ReviewSuffix, ReviewSuffix},
		{long, "... (includes a low-confidence match)"},
	}
	for _, tt := range tests {
		a := parse(t, "code: chc-2024\nlandlord: X\nassessed: 2025-05-31\nprovisions:\n  - id: \"1.2\"\n    comply: yes\n    evidence: Policy.\n")
		a.Answers[0].Review = tt.review
		var msg string
		for _, f := range rules.Unreviewed.Check(a, lookup(t, "chc-2024"), nil, rules.Options{}) {
			msg = f.Message
		}
		if !strings.Contains(msg, tt.want+"): check the answer, then delete the review line") {
			t.Errorf("review %q:\nmessage %q\nwant it to quote %q", tt.review, msg, tt.want)
		}
		if tt.review != ReviewSuffix && strings.Contains(msg, ReviewSuffix) {
			t.Errorf("the message repeats the review line's instruction: %q", msg)
		}
	}
}

// TestForwardAGroup: the entities are carried, and each entity's own
// answer with them, within one Code and across Codes (the entity's answer
// worked out from what it gave, kept where it differs from the group's).
func TestForwardAGroup(t *testing.T) {
	c22, c24 := lookup(t, "chc-2022"), lookup(t, "chc-2024")
	last := parse(t, `code: chc-2024
landlord: G
entities:
  - name: A
    registration: "1"
  - name: B
assessed: 2025-05-31
period: 2024/25
provisions:
  - id: "1.2"
    comply: yes
    evidence: Group policy.
    entities:
      B:
        comply: partial
        evidence: B's own policy.
        actions:
          - action: Adopt the group's.
            owner: B's lead
            due: 2025-10-31
          - action: Done already.
            owner: B's lead
            due: 2025-03-31
            status: done
      A:
        actions:
          - action: A's review.
            owner: A's lead
            due: 2025-12-31
  - id: "1.3"
    entities:
      A:
        comply: yes
      B:
        comply: no
        alternative: Another way.
`)
	r, err := Forward(last, c24, c24, Options{Assessed: assessment.NewDate(2026, 5, 1)})
	if err != nil {
		t.Fatal(err)
	}
	a := r.Assessment
	if len(a.Entities) != 2 || a.Entities[0].Name != "A" || a.Entities[0].Registration != "1" || a.Entities[1].Name != "B" {
		t.Errorf("entities %+v", a.Entities)
	}
	got := answer(t, a, "1.2")
	if got.Comply != assessment.Yes || got.Evidence != "Group policy." || len(got.Entities) != 2 {
		t.Fatalf("1.2: %+v", got)
	}
	ea, eb := got.Entities[0], got.Entities[1]
	if ea.Name != "A" || ea.Differs() || !slices.Equal(texts(ea.Actions), []string{"A's review."}) {
		t.Errorf("A's own 1.2: %+v", ea)
	}
	if eb.Name != "B" || eb.Comply != assessment.Partial || eb.Evidence != "B's own policy." || !slices.Equal(texts(eb.Actions), []string{"Adopt the group's."}) {
		t.Errorf("B's own 1.2: %+v", eb)
	}
	if got := answer(t, a, "1.3"); got.Comply != assessment.Unanswered || len(got.Entities) != 2 || got.Entities[0].Comply != assessment.Yes ||
		got.Entities[1].Comply != assessment.No || got.Entities[1].Alternative != "Another way." || got.Review == "" {
		t.Errorf("1.3, answered by each entity alone, is carried: %+v", got)
	}
	if r.Actions != 2 || r.Done != 1 {
		t.Errorf("%d open actions carried, %d done left; want 2 and 1", r.Actions, r.Done)
	}

	// Across Codes: 2022's 1.2 feeds 2024's; the entity's weaker answer is
	// its own, its own evidence kept.
	last22 := parse(t, `code: chc-2022
landlord: G
entities:
  - name: A
  - name: B
assessed: 2023-06-14
provisions:
  - id: "1.2"
    comply: yes
    evidence: Group policy.
    entities:
      B:
        comply: no
        evidence: B's old policy.
`)
	r, err = Forward(last22, c22, c24, Options{Assessed: assessment.NewDate(2024, 5, 1)})
	if err != nil {
		t.Fatal(err)
	}
	for _, ans := range r.Assessment.Answers {
		if ans.Comply != assessment.Yes {
			continue
		}
		if len(ans.Entities) != 1 || ans.Entities[0].Name != "B" || ans.Entities[0].Comply != assessment.No || ans.Entities[0].Evidence != "B's old policy." {
			t.Errorf("%s carried across Codes: %+v", ans.ID, ans.Entities)
		}
	}
}
