package diff

import (
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
)

// groupDoc writes a chc-2024 group assessment listing entities, with
// provisions given as doc's are.
func groupDoc(entities []string, items ...string) string {
	var head strings.Builder
	head.WriteString("code: chc-2024\nlandlord: Example Group\nentities:\n")
	for _, e := range entities {
		head.WriteString("  - name: " + e + "\n")
	}
	return strings.Replace(doc(items...), "code: chc-2024\nlandlord: Example Homes\n", head.String(), 1)
}

// TestCompareGroups: entities added and removed are reported; each entity
// listed both years has its own answer compared with the one it gave last
// year (its own or the group's); one listed one year only shows its own
// answer that year; actions carry their entity.
func TestCompareGroups(t *testing.T) {
	c24 := catalogue(t, "chc-2024")
	old := parse(t, "old.yaml", groupDoc([]string{"Ash", "Birch", "Cedar"},
		// 1.2: Birch partial with a plan last year, the group's yes this year.
		"id: \"1.2\"\ncomply: yes\nevidence: Group policy.\nentities:\n  Birch:\n    comply: partial\n    evidence: Own policy.\n    actions:\n      - action: Adopt the group policy.\n        owner: Birch lead\n        due: 2025-03-31",
		// 1.3: the group's answer both years, with a change of words.
		"id: \"1.3\"\ncomply: yes\nevidence: Policy 2.2.",
		// 1.4: Ash gives the group's yes last year, its own no this year.
		"id: \"1.4\"\ncomply: yes\nevidence: Requests logged.",
		// 1.5: Cedar, who leaves, gave its own answer and an open action.
		"id: \"1.5\"\ncomply: yes\nevidence: Procedure 2.5.\nentities:\n  Cedar:\n    comply: partial\n    actions:\n      - action: Cedar's own plan.\n        owner: Cedar lead\n        due: 2025-12-31",
		// 1.6: Ash's own evidence changes, its answer the group's.
		"id: \"1.6\"\ncomply: yes\nevidence: Surveys.\nentities:\n  Ash:\n    evidence: Ash's surveys, old.",
	))
	new := parse(t, "new.yaml", groupDoc([]string{"Ash", "Birch", "Dale"},
		"id: \"1.2\"\ncomply: yes\nevidence: Group policy.\nactions:\n  - action: Adopt the group policy.\n    owner: Birch lead\n    due: 2025-03-31\n    status: done",
		"id: \"1.3\"\ncomply: yes\nevidence: Policy 2.3.",
		"id: \"1.4\"\ncomply: yes\nevidence: Requests logged.\nentities:\n  Ash:\n    comply: no\n    actions:\n      - action: Log Ash's requests.\n        owner: Ash lead\n        due: 2026-01-31",
		"id: \"1.5\"\ncomply: yes\nevidence: Procedure 2.5.\nentities:\n  Dale:\n    comply: n/a\n    commentary: Dale has no service requests.",
		"id: \"1.6\"\ncomply: yes\nevidence: Surveys.\nentities:\n  Ash:\n    evidence: Ash's surveys, new.",
	))
	d, err := Compare(old, c24, new, c24, assessment.NewDate(2025, 7, 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Entities) != 2 || d.Entities[0] != (EntityChange{Name: "Dale", Added: true}) || d.Entities[1] != (EntityChange{Name: "Cedar"}) {
		t.Errorf("entity changes %+v, want Dale added, Cedar removed", d.Entities)
	}
	if strings.Join(d.Old.Entities, ",") != "Ash,Birch,Cedar" || strings.Join(d.New.Entities, ",") != "Ash,Birch,Dale" {
		t.Errorf("sides' entities %v, %v", d.Old.Entities, d.New.Entities)
	}

	type want struct {
		name     string
		class    Class
		old, new assessment.Comply
		evidence bool
	}
	tests := []struct {
		id   string
		want []want
	}{
		{"1.2", []want{{"Birch", Improved, assessment.Partial, assessment.Yes, true}}},
		{"1.3", nil}, // the group's both years: the provision's own comparison
		{"1.4", []want{{"Ash", Regressed, assessment.Yes, assessment.No, false}}},
		{"1.5", []want{{"Dale", New, assessment.Unanswered, assessment.NA, false}, {"Cedar", Retired, assessment.Partial, assessment.Unanswered, false}}},
		{"1.6", []want{{"Ash", Unchanged, assessment.Yes, assessment.Yes, true}}},
	}
	for _, tt := range tests {
		p := row(t, d, tt.id)
		if len(p.Entities) != len(tt.want) {
			t.Errorf("%s: entities %+v, want %d", tt.id, p.Entities, len(tt.want))
			continue
		}
		for i, w := range tt.want {
			e := p.Entities[i]
			if e.Name != w.name || e.Class != w.class || e.Old != w.old || e.New != w.new || e.Evidence.Changed != w.evidence {
				t.Errorf("%s: entity %+v, want %+v", tt.id, e, w)
			}
		}
	}
	if p := row(t, d, "1.3"); !p.HasChanges() || p.Class != Unchanged {
		t.Errorf("1.3's group evidence changed: %+v", p)
	}
	if p := row(t, d, "1.6"); !p.HasChanges() || p.Evidence.Changed {
		t.Errorf("1.6: only Ash's own evidence changed: %+v", p)
	}

	// Actions: Birch's own became the group's (amended, for Birch → the
	// group), Cedar's dropped with Cedar, Ash's added.
	kinds := map[string]Action{}
	for _, p := range d.Provisions {
		for _, a := range p.Actions {
			kinds[p.ID] = a
		}
	}
	if a := kinds["1.2"]; a.Kind != Completed || a.OldEntity != "Birch" || a.NewEntity != "" {
		t.Errorf("1.2's action: %+v", a)
	}
	if a := kinds["1.4"]; a.Kind != Added || a.NewEntity != "Ash" {
		t.Errorf("1.4's action: %+v", a)
	}
	if a := kinds["1.5"]; a.Kind != Dropped || a.OldEntity != "Cedar" || !a.EntityRemoved {
		t.Errorf("1.5's action: %+v", a)
	}

	s := d.Summary
	if s.Entities[Improved] != 1 || s.Entities[Regressed] != 1 || s.Entities[New] != 0 || s.DroppedWithEntity != 1 || s.Actions[Dropped] != 1 {
		t.Errorf("summary: entities %v, dropped %d of which with their entity %d", s.Entities, s.Actions[Dropped], s.DroppedWithEntity)
	}
	if !d.Differs() || !d.Regressed() {
		t.Errorf("Differs %v, Regressed %v; Ash's regression is one", d.Differs(), d.Regressed())
	}

	var text, md strings.Builder
	if err := WriteText(&text, d); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&md, d); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"entity added: Dale", "entity removed: Cedar",
		"entities   added Dale; removed Cedar; Birch improved on 1.2; Ash regressed on 1.4",
		"for Ash: regressed: Yes → No",
		"for Dale: entity added, its own answer: N/A",
		"for Cedar: entity removed, its own answer last year: Partial",
		"for Cedar, no longer listed",
		"Ash's evidence: Ash's surveys, [-old.-]{+new.+}",
	} {
		if !strings.Contains(text.String(), w) {
			t.Errorf("text lacks %q:\n%s", w, text.String())
		}
	}
	for _, w := range []string{
		"| Entities | Ash, Birch, Cedar (removed) | Ash, Birch, Dale (added) |",
		"  - For Ash: Regressed: Yes → No\n",
		"  - For Cedar: Entity removed, its own answer last year: Partial\n",
		"Entities: added Dale; removed Cedar; Birch improved on 1.2; Ash regressed on 1.4.",
	} {
		if !strings.Contains(md.String(), w) {
			t.Errorf("markdown lacks %q:\n%s", w, md.String())
		}
	}
}

// TestCompareGroupsRegression: an entity's own regression is one; the
// open action of an entity that left the group, dropped with it, is not.
func TestCompareGroupsRegression(t *testing.T) {
	c24 := catalogue(t, "chc-2024")
	tests := []struct {
		name      string
		old, new  string
		regressed bool
	}{
		{"an entity's own answer regressed",
			groupDoc([]string{"Ash", "Birch"}, "id: \"1.2\"\ncomply: yes"),
			groupDoc([]string{"Ash", "Birch"}, "id: \"1.2\"\ncomply: yes\nentities:\n  Birch:\n    comply: partial\n    alternative: Another way."),
			true},
		{"an entity's own answer improved",
			groupDoc([]string{"Ash", "Birch"}, "id: \"1.2\"\ncomply: yes\nentities:\n  Birch:\n    comply: partial\n    alternative: Another way."),
			groupDoc([]string{"Ash", "Birch"}, "id: \"1.2\"\ncomply: yes"),
			false},
		{"the entity left, its open action with it",
			groupDoc([]string{"Ash", "Birch"}, "id: \"1.2\"\ncomply: yes\nentities:\n  Birch:\n    actions:\n      - action: Birch's plan.\n        owner: B\n        due: 2025-12-31"),
			groupDoc([]string{"Ash"}, "id: \"1.2\"\ncomply: yes"),
			false},
		{"the entity stayed, its open action dropped",
			groupDoc([]string{"Ash", "Birch"}, "id: \"1.2\"\ncomply: yes\nentities:\n  Birch:\n    actions:\n      - action: Birch's plan.\n        owner: B\n        due: 2025-12-31"),
			groupDoc([]string{"Ash", "Birch"}, "id: \"1.2\"\ncomply: yes"),
			true},
	}
	for _, tt := range tests {
		d, err := Compare(parse(t, "old.yaml", tt.old), c24, parse(t, "new.yaml", tt.new), c24, assessment.Date{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Regressed() != tt.regressed {
			t.Errorf("%s: Regressed %v, want %v", tt.name, d.Regressed(), tt.regressed)
		}
	}
}
