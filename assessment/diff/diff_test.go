package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/codes"
)

func TestClassify(t *testing.T) {
	const (
		y, p, n, na, none = assessment.Yes, assessment.Partial, assessment.No, assessment.NA, assessment.Unanswered
	)
	tests := []struct {
		old, new assessment.Comply
		want     Class
	}{
		{y, y, Unchanged}, {p, p, Unchanged}, {n, n, Unchanged}, {na, na, Unchanged}, {none, none, Unchanged},
		{n, p, Improved}, {n, y, Improved}, {p, y, Improved},
		{y, p, Regressed}, {y, n, Regressed}, {p, n, Regressed},
		{y, na, Changed}, {na, y, Changed}, {n, na, Changed}, {na, n, Changed},
		{none, y, Changed}, {y, none, Changed}, {none, n, Changed}, {na, none, Changed},
	}
	for _, tt := range tests {
		if got := Classify(tt.old, tt.new); got != tt.want {
			t.Errorf("Classify(%q, %q) = %s, want %s", tt.old, tt.new, got, tt.want)
		}
	}
}

func parse(t testing.TB, name, src string) *assessment.Assessment {
	t.Helper()
	a, fs := assessment.Parse(name, []byte(src))
	if assessment.HasErrors(fs) {
		t.Fatalf("%s: %v", name, fs)
	}
	return a
}

func catalogue(t testing.TB, id string) *codes.Catalogue {
	t.Helper()
	c, err := codes.Lookup(id, "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// doc writes a chc-2024 assessment whose provisions are given as YAML list
// items (without the leading "  - ").
func doc(items ...string) string {
	var b strings.Builder
	b.WriteString("code: chc-2024\nlandlord: Example Homes\nassessed: 2025-05-31\nperiod: 2024/25\nprovisions:\n")
	for _, it := range items {
		lines := strings.Split(strings.TrimSpace(it), "\n")
		b.WriteString("  - " + lines[0] + "\n")
		for _, l := range lines[1:] {
			b.WriteString("    " + l + "\n")
		}
	}
	return b.String()
}

func row(t *testing.T, d *Diff, id string) *Provision {
	t.Helper()
	for i := range d.Provisions {
		if d.Provisions[i].ID == id && d.Provisions[i].Class != Retired {
			return &d.Provisions[i]
		}
	}
	t.Fatalf("no row for %s", id)
	return nil
}

func TestCompareSameCode(t *testing.T) {
	c24 := catalogue(t, "chc-2024")
	old := parse(t, "old.yaml", doc(
		"id: \"1.2\"\ncomply: no\nevidence: Nothing yet.",
		"id: \"1.3\"\ncomply: yes\nevidence: Policy section 2.3.",
		"id: \"1.4\"\ncomply: partial\nevidence: Repairs only.",
		"id: \"1.5\"\ncomply: yes\nevidence: Procedure 2.5.",
		"id: \"1.6\"\ncomply: n/a\ncommentary: No surveys.",
		"id: \"2.1\"\ncomply: yes\nevidence: Policy  section\n  4.1.",
	))
	new := parse(t, "new.yaml", doc(
		"id: \"1.2\"\ncomply: yes\nevidence: Policy v5 section 2.1.",
		"id: \"1.3\"\ncomply: partial\nevidence: Policy section 2.3.\ncommentary: Third parties wait.",
		"id: \"1.4\"\ncomply: partial\nevidence: Repairs and housing.",
		"id: \"1.6\"\ncomply: yes\nevidence: Every survey.",
		"id: \"2.1\"\ncomply: yes\nevidence: Policy section 4.1.",
	))
	d, err := Compare(old, c24, new, c24, assessment.NewDate(2025, 7, 1))
	if err != nil {
		t.Fatal(err)
	}
	if d.Direction != lineage.SameCode {
		t.Errorf("direction %s", d.Direction)
	}
	tests := []struct {
		id                  string
		class               Class
		evidence, comm      bool
		wantEvidenceDiffHas string
	}{
		{"1.2", Improved, true, false, "[-Nothing yet.-]{+Policy v5 section 2.1.+}"},
		{"1.3", Regressed, false, true, ""},
		{"1.4", Unchanged, true, false, "Repairs [-only.-]{+and housing.+}"},
		{"1.5", Changed, true, false, "[-Procedure 2.5.-]"}, // yes → no answer at all
		{"1.6", Changed, true, true, "{+Every survey.+}"},   // n/a → yes
		{"2.1", Unchanged, false, false, ""},                // spacing only
		{"2.2", Unchanged, false, false, ""},                // unanswered both years
	}
	for _, tt := range tests {
		p := row(t, d, tt.id)
		if p.Class != tt.class || p.Evidence.Changed != tt.evidence || p.Commentary.Changed != tt.comm {
			t.Errorf("%s: %s, evidence changed %v, commentary changed %v; want %s, %v, %v",
				tt.id, p.Class, p.Evidence.Changed, p.Commentary.Changed, tt.class, tt.evidence, tt.comm)
		}
		if tt.wantEvidenceDiffHas != "" && textSpans(p.Evidence.Words) != tt.wantEvidenceDiffHas {
			t.Errorf("%s: evidence diff %q, want %q", tt.id, textSpans(p.Evidence.Words), tt.wantEvidenceDiffHas)
		}
	}
	if got := len(d.Provisions); got != 72 {
		t.Errorf("%d rows, want the 72 provisions on the form", got)
	}
	s := d.Summary
	if s.Provisions[Improved] != 1 || s.Provisions[Regressed] != 1 || s.Provisions[Changed] != 2 || s.Provisions[New] != 0 || s.Provisions[Retired] != 0 {
		t.Errorf("summary %v", s.Provisions)
	}
	if !d.Differs() || !d.Regressed() {
		t.Errorf("Differs %v, Regressed %v; want both", d.Differs(), d.Regressed())
	}
	if s.GapsBefore != 2 || s.GapsNow != 2 || !slices.Equal(s.Opened, []string{"1.3"}) {
		t.Errorf("gaps %d → %d, opened %v", s.GapsBefore, s.GapsNow, s.Opened)
	}
}

func TestCompareItselfHasNoChanges(t *testing.T) {
	c24 := catalogue(t, "chc-2024")
	src := doc("id: \"1.2\"\ncomply: no\nevidence: Nothing.\nactions:\n  - action: Write it.\n    owner: Manager\n    due: 2025-01-31")
	a, b := parse(t, "a.yaml", src), parse(t, "a.yaml", src)
	d, err := Compare(a, c24, b, c24, assessment.NewDate(2025, 7, 1))
	if err != nil {
		t.Fatal(err)
	}
	if d.Differs() || d.Regressed() {
		t.Errorf("an assessment against itself: Differs %v, Regressed %v", d.Differs(), d.Regressed())
	}
	var sb strings.Builder
	if err := WriteText(&sb, d); err != nil || !strings.Contains(sb.String(), "No changes") {
		t.Errorf("text: %v\n%s", err, sb.String())
	}
}

// TestCompareAcrossCodes uses the built-in lineage, chc-2022 to chc-2024.
func TestCompareAcrossCodes(t *testing.T) {
	c22, c24 := catalogue(t, "chc-2022"), catalogue(t, "chc-2024")
	old := parse(t, "old.yaml", `code: chc-2022
landlord: Example Homes
assessed: 2024-03-01
provisions:
  - id: "1.3"
    comply: yes
    evidence: Policy section 2.3 covers third parties.
  - id: "1.6"
    comply: partial
    evidence: Some officers keep cases as service requests.
  - id: "2.2"
    comply: no
    evidence: Nothing on social media.
  - id: "2.7"
    comply: no
    evidence: Letters lack the Ombudsman's details.
  - id: "2.8"
    comply: yes
    evidence: Letters tell residents about the Ombudsman.
  - id: "4.16"
    comply: no
    evidence: No feedback survey.
    actions:
      - action: Send a survey after each response.
        owner: Head of Service
        due: 2024-03-31
  - id: "5.1"
    comply: yes
    evidence: 91% on time.
  - id: "5.19"
    comply: n/a
    commentary: Two stages only.
`)
	new := parse(t, "new.yaml", `code: chc-2024
landlord: Example Homes
assessed: 2025-05-31
provisions:
  - id: "1.3"
    comply: yes
    evidence: Policy section 2.3 covers third parties and staff offer a complaint.
  - id: "2.3"
    comply: no
    evidence: Six months, not twelve.
  - id: "3.2"
    comply: yes
    evidence: Any channel.
  - id: "3.7"
    comply: yes
    evidence: Letters now carry the Ombudsman's details.
  - id: "6.3"
    comply: partial
    evidence: 79% on time.
`)
	d, err := Compare(old, c22, new, c24, assessment.NewDate(2025, 7, 1))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id, base    string
		class       Class
		old         assessment.Comply
		low         bool
		evidenceVia string // the old provision the evidence was compared with
	}{
		// Continues 1.3 (yes, high) and 1.6 (partial, medium): compared with
		// the weaker answer, but its text with the closer one.
		{"1.3", "1.6", Improved, assessment.Partial, false, "1.3"},
		{"1.5", "1.6", Changed, assessment.Partial, false, "1.6"}, // no answer this year
		{"2.3", "", New, "", false, ""},
		{"3.2", "2.2", Improved, assessment.No, true, "2.2"},  // a low-confidence match
		{"3.7", "2.7", Improved, assessment.No, false, "2.7"}, // 2.7 (no, medium) and 2.8 (yes, high)
		{"6.3", "5.1", Regressed, assessment.Yes, false, "5.1"},
	}
	for _, tt := range tests {
		p := row(t, d, tt.id)
		if p.Class != tt.class || p.Base != tt.base || p.Old != tt.old || p.LowConfidence() != tt.low {
			t.Errorf("%s: %s from %s (%q, low %v); want %s from %s (%q, low %v)",
				tt.id, p.Class, p.Base, p.Old, p.LowConfidence(), tt.class, tt.base, tt.old, tt.low)
		}
		if tt.evidenceVia != "" && p.Evidence.From != tt.evidenceVia {
			t.Errorf("%s: evidence compared with %s, want %s", tt.id, p.Evidence.From, tt.evidenceVia)
		}
	}
	var retired []string
	for _, p := range d.Provisions {
		if p.Class == Retired {
			retired = append(retired, p.ID)
		}
	}
	if want := []string{"4.3", "4.8", "4.9", "4.13", "4.16", "4.17", "5.4", "5.18", "5.19", "5.20", "6.7"}; !slices.Equal(retired, want) {
		t.Errorf("retired %v, want %v", retired, want)
	}
	// The open action of the retired 4.16 is dropped, under its retired row.
	var dropped []string
	for _, p := range d.Provisions {
		for _, a := range p.Actions {
			if a.Kind == Dropped {
				dropped = append(dropped, p.ID+"/"+string(p.Class)+"/"+a.OldProvision)
			}
		}
	}
	if want := []string{"4.16/retired/4.16"}; !slices.Equal(dropped, want) {
		t.Errorf("dropped %v, want %v", dropped, want)
	}
	if d.Summary.Provisions[New] != 12 || d.Summary.NewGaps != 1 {
		t.Errorf("new %d, new gaps %d; want 12 and 1", d.Summary.Provisions[New], d.Summary.NewGaps)
	}

	// Backwards, 2024 → 2022, the same lineage serves.
	back, err := Compare(new, c24, old, c22, assessment.NewDate(2025, 7, 1))
	if err != nil {
		t.Fatal(err)
	}
	if back.Direction != lineage.Backward {
		t.Errorf("backwards: direction %s", back.Direction)
	}
	if p := row(t, back, "2.7"); p.Class != Regressed || p.Base != "3.7" {
		t.Errorf("backwards 2.7: %s from %s, want regressed from 3.7", p.Class, p.Base)
	}
}

func TestCompareUnrelatedCodes(t *testing.T) {
	mini, err := codes.Parse(strings.NewReader("catalogue: mini\nprovisions:\n  - id: \"1.1\"\n"), "mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a := parse(t, "a.yaml", "code: mini.yaml\nlandlord: X\nassessed: 2025-01-01\nprovisions: []\n")
	_, err = Compare(a, mini, a, catalogue(t, "chc-2024"), assessment.Date{})
	if err == nil || !strings.Contains(err.Error(), "cannot be lined up") {
		t.Errorf("err = %v", err)
	}
}

// actionDoc is a chc-2024 assessment, assessed on the date given, with the
// actions given as "provision|text|owner|due|status" under each provision.
func actionDoc(assessed string, acts ...string) string {
	by := map[string][]string{}
	var order []string
	for _, a := range acts {
		f := strings.Split(a, "|")
		if _, ok := by[f[0]]; !ok {
			order = append(order, f[0])
		}
		item := fmt.Sprintf("      - action: %s\n        owner: %s\n        status: %s\n", f[1], f[2], f[4])
		if f[3] != "" {
			item += "        due: " + f[3] + "\n"
		}
		if f[4] == "done" {
			item += "        completed: 2025-04-01\n"
		}
		by[f[0]] = append(by[f[0]], item)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "code: chc-2024\nlandlord: X\nassessed: %s\nprovisions:\n", assessed)
	for _, id := range order {
		fmt.Fprintf(&b, "  - id: %q\n    comply: partial\n    evidence: Some.\n    actions:\n", id)
		for _, it := range by[id] {
			b.WriteString(it)
		}
	}
	return b.String()
}

func TestActions(t *testing.T) {
	c24 := catalogue(t, "chc-2024")
	const survey = "Send a short satisfaction survey after each stage 1 and stage 2 response"
	tests := []struct {
		name     string
		old, new []string
		want     []string // provision/kind[/slip days][/overdue days]
	}{
		{"same action kept", []string{"6.2|" + survey + "|Ann|2025-09-30|open"}, []string{"6.2|" + survey + "|Ann|2025-09-30|open"}, nil},
		{"completed", []string{"6.2|" + survey + "|Ann|2025-09-30|open"}, []string{"6.2|" + survey + "|Ann|2025-09-30|done"}, []string{"6.2/completed"}},
		{"dropped", []string{"6.2|" + survey + "|Ann|2025-09-30|open"}, []string{"6.3|Something else entirely|Bob|2025-09-30|open"},
			[]string{"6.2/dropped", "6.3/added"}},
		{"a done action gone is not dropped", []string{"6.2|" + survey + "|Ann|2025-03-31|done"}, nil, nil},
		{"added", nil, []string{"6.2|" + survey + "|Ann|2025-09-30|open"}, []string{"6.2/added"}},
		{"slipped by days", []string{"6.2|" + survey + "|Ann|2025-09-30|open"}, []string{"6.2|" + survey + "|Ann|2025-12-31|open"}, []string{"6.2/slipped/92"}},
		{"brought forward is amended", []string{"6.2|" + survey + "|Ann|2025-12-31|open"}, []string{"6.2|" + survey + "|Ann|2025-09-30|open"}, []string{"6.2/amended"}},
		{"new owner is amended", []string{"6.2|" + survey + "|Ann|2025-09-30|open"}, []string{"6.2|" + survey + "|Bob|2025-09-30|open"}, []string{"6.2/amended"}},
		{"reworded is still the same action", []string{"6.2|" + survey + "|Ann|2025-09-30|open"},
			[]string{"6.2|Send a satisfaction survey after every stage 1 and stage 2 response, and report quarterly|Ann|2025-09-30|done"},
			[]string{"6.2/completed"}},
		{"reopened", []string{"6.2|" + survey + "|Ann|2025-03-31|done"}, []string{"6.2|" + survey + "|Ann|2025-09-30|open"}, []string{"6.2/reopened"}},
		{"moved word for word to another provision is amended", []string{"6.2|" + survey + "|Ann|2025-09-30|open"}, []string{"6.3|" + survey + "|Ann|2025-09-30|open"}, []string{"6.3/amended"}},
		{"done both years is not listed", []string{"6.2|" + survey + "|Ann|2025-03-31|done"}, []string{"6.2|" + survey + "|Ann|2025-03-31|done"}, nil},
		{"a due date removed is amended", []string{"6.2|" + survey + "|Ann|2025-09-30|open"}, []string{"6.2|" + survey + "|Ann||open"}, []string{"6.2/amended"}},
		{"a due date added is amended", []string{"6.2|" + survey + "|Ann||open"}, []string{"6.2|" + survey + "|Ann|2025-12-31|open"}, []string{"6.2/amended"}},
		{"a loose match elsewhere is not the same action", []string{"6.2|Send a survey after stage 1|Ann|2025-09-30|open"},
			[]string{"6.3|Send a letter after stage 2|Ann|2025-09-30|open"}, []string{"6.2/dropped", "6.3/added"}},
		{"newly overdue: due after last year's assessment, before today", []string{"6.2|" + survey + "|Ann|2025-06-30|open"},
			[]string{"6.2|" + survey + "|Ann|2025-06-30|open"}, []string{"6.2/kept/overdue 1"}},
		{"overdue already last year is not newly overdue", []string{"6.2|" + survey + "|Ann|2024-01-31|open"},
			[]string{"6.2|" + survey + "|Ann|2024-01-31|open"}, nil},
		{"slipped and still newly overdue", []string{"6.2|" + survey + "|Ann|2025-06-01|open"},
			[]string{"6.2|" + survey + "|Ann|2025-06-15|open"}, []string{"6.2/slipped/14/overdue 16"}},
		{"an added action already overdue", nil, []string{"6.2|" + survey + "|Ann|2025-06-01|open"}, []string{"6.2/added/overdue 30"}},
		{"two actions matched to the closer wording", []string{"6.2|Train the contact centre on logging complaints|Ann|2025-09-30|open", "6.2|" + survey + "|Ann|2025-09-30|open"},
			[]string{"6.2|" + survey + "|Ann|2025-09-30|done", "6.2|Train the contact centre on logging complaints|Ann|2025-12-31|open"},
			[]string{"6.2/completed", "6.2/slipped/92"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			old := parse(t, "old.yaml", actionDoc("2025-01-15", tt.old...))
			new := parse(t, "new.yaml", actionDoc("2025-06-30", tt.new...))
			d, err := Compare(old, c24, new, c24, assessment.NewDate(2025, 7, 1))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range d.Provisions {
				for _, a := range p.Actions {
					s := p.ID + "/" + string(a.Kind)
					if a.Kind == Slipped {
						s += fmt.Sprintf("/%d", a.SlipDays)
					}
					if a.NewlyOverdue {
						s += fmt.Sprintf("/overdue %d", a.OverdueDays)
					}
					got = append(got, s)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			dropped := slices.ContainsFunc(tt.want, func(s string) bool { return strings.Contains(s, "/dropped") })
			if d.Regressed() != dropped {
				t.Errorf("Regressed() = %v with dropped %v", d.Regressed(), dropped)
			}
		})
	}
}

// TestOtherFields: the alternative is diffed like evidence; the landlord's
// copy of the requirement only said to have changed, and only within a Code;
// the review line csa init writes is not a change.
func TestOtherFields(t *testing.T) {
	c24 := catalogue(t, "chc-2024")
	tests := []struct {
		name             string
		old, new         string
		alternative, req bool
		differs          bool
	}{
		{"alternative changed", "alternative: Contract clause 14.", "alternative: Contract clause 15.", true, false, true},
		{"alternative added", "", "alternative: Contract clause 14.", true, false, true},
		{"alternative respaced", "alternative: Contract  clause 14.", "alternative: |\n  Contract clause\n  14.", false, false, false},
		{"requirement changed", "requirement: The words.", "requirement: The new words.", false, true, true},
		{"requirement respaced", "requirement: The words.", "requirement: \"The  words.\"", false, false, false},
		{"review line added", "", "review: carried from 2024/25 (chc-2024 1.2); check it, then delete this line", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			item := func(extra string) string {
				return "id: \"1.2\"\ncomply: partial\nevidence: Some.\n" + extra
			}
			d, err := Compare(parse(t, "old.yaml", doc(item(tt.old))), c24, parse(t, "new.yaml", doc(item(tt.new))), c24, assessment.NewDate(2025, 7, 1))
			if err != nil {
				t.Fatal(err)
			}
			p := row(t, d, "1.2")
			if p.Alternative.Changed != tt.alternative || p.RequirementChanged != tt.req || d.Differs() != tt.differs {
				t.Errorf("alternative changed %v, requirement changed %v, differs %v; want %v, %v, %v",
					p.Alternative.Changed, p.RequirementChanged, d.Differs(), tt.alternative, tt.req, tt.differs)
			}
			if got := d.Summary.AlternativeChanged + d.Summary.RequirementChanged; got != btoi(tt.alternative)+btoi(tt.req) {
				t.Errorf("summary counts %d", got)
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
