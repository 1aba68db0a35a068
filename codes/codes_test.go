package codes

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestEmbeddedCatalogues(t *testing.T) {
	tests := []struct {
		id               string
		total, onForm    int
		unconfirmed      int
		supersedes       string
		inForce          string
		wantObligations  []string
		firstID, lastID  string
		withPredecessors bool
	}{
		{"chc-2024", 73, 72, 15, "chc-2022", "2024-04-01", []string{"must", "none"}, "1.1", "9.8", true},
		{"chc-2022", 72, 72, 0, "chc-2020", "2022-04-01", []string{"must", "should"}, "1.2", "8.3", false},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			c, err := Lookup(tt.id, "")
			if err != nil {
				t.Fatal(err)
			}
			if got := len(c.Provisions); got != tt.total {
				t.Errorf("%d provisions, want %d", got, tt.total)
			}
			if got := len(c.OnForm()); got != tt.onForm {
				t.Errorf("%d on the form, want %d", got, tt.onForm)
			}
			if c.Supersedes != tt.supersedes {
				t.Errorf("supersedes %q, want %q", c.Supersedes, tt.supersedes)
			}
			if got := c.InForce.Format("2006-01-02"); got != tt.inForce {
				t.Errorf("in force %s, want %s", got, tt.inForce)
			}
			if c.Provisions[0].ID != tt.firstID || c.Provisions[len(c.Provisions)-1].ID != tt.lastID {
				t.Errorf("runs %s to %s, want %s to %s", c.Provisions[0].ID, c.Provisions[len(c.Provisions)-1].ID, tt.firstID, tt.lastID)
			}
			unconfirmed := 0
			obligations := map[string]bool{}
			seen := map[string]bool{}
			for i, p := range c.Provisions {
				if seen[p.ID] {
					t.Errorf("%s listed twice", p.ID)
				}
				seen[p.ID] = true
				if i > 0 && CompareID(c.Provisions[i-1].ID, p.ID) >= 0 {
					t.Errorf("%s comes after %s: out of order", p.ID, c.Provisions[i-1].ID)
				}
				if sec, _, _ := SplitID(p.ID); sec != p.Section {
					t.Errorf("%s is in section %d", p.ID, p.Section)
				}
				if c.SectionTitle(p.Section) == "" {
					t.Errorf("%s: section %d has no title", p.ID, p.Section)
				}
				if strings.TrimSpace(p.Summary) == "" {
					t.Errorf("%s has no summary", p.ID)
				}
				if p.Text != "" {
					t.Errorf("%s carries the Code's text; the built-in catalogues must not", p.ID)
				}
				if !p.Confirmed {
					unconfirmed++
				}
				if p.Confirmed && p.Source == "" {
					t.Errorf("%s is confirmed but names no source", p.ID)
				}
				obligations[p.Obligation] = true
				if len(p.Predecessors) > 0 && !tt.withPredecessors {
					t.Errorf("%s has predecessors, but %s supersedes no shipped catalogue", p.ID, tt.id)
				}
			}
			if unconfirmed != tt.unconfirmed {
				t.Errorf("%d unconfirmed, want %d", unconfirmed, tt.unconfirmed)
			}
			for _, o := range tt.wantObligations {
				if !obligations[o] {
					t.Errorf("no provision with obligation %s", o)
				}
			}
		})
	}
}

func TestLineage(t *testing.T) {
	c24, _ := Lookup("2024", "")
	c22, _ := Lookup("2022", "")
	links := 0
	for _, p := range c24.Provisions {
		for _, pre := range p.Predecessors {
			links++
			if _, ok := c22.Provision(pre.ID); !ok {
				t.Errorf("2024 %s continues 2022 %s, which chc-2022 does not have", p.ID, pre.ID)
			}
			switch pre.Confidence {
			case "high", "medium", "low":
			default:
				t.Errorf("2024 %s <- 2022 %s: confidence %q", p.ID, pre.ID, pre.Confidence)
			}
		}
	}
	if links < 35 {
		t.Errorf("only %d lineage links; the reference mapping alone has 35 rows", links)
	}
	// Spot checks from the reference mapping.
	succ := c24.Successors()
	for from, to := range map[string]string{"1.7": "2.1", "4.2": "5.6", "5.12": "6.13", "7.5": "9.4"} {
		found := false
		for _, l := range succ[from] {
			found = found || l.ID == to
		}
		if !found {
			t.Errorf("2022 %s should continue as 2024 %s; got %v", from, to, succ[from])
		}
	}
	if next, ok := Successor(c22); !ok || next.ID != "chc-2024" {
		t.Errorf("Successor(chc-2022) = %v, %v", next, ok)
	}
	if next, ok := Successor(c24); ok {
		t.Errorf("Successor(chc-2024) = %v, want none", next.ID)
	}
}

func TestLookupNames(t *testing.T) {
	tests := []struct {
		name, want string
		unknown    bool
	}{
		{"chc-2024", "chc-2024", false},
		{"2024", "chc-2024", false},
		{"CHC-2022", "chc-2022", false},
		{" 2022 ", "chc-2022", false},
		{"2020", "", true},
		{"chc-2030", "", true},
		{"complaints", "", true},
		{"missing.yaml", "", true},
	}
	for _, tt := range tests {
		c, err := Lookup(tt.name, t.TempDir())
		if tt.unknown {
			if !errors.Is(err, ErrUnknown) {
				t.Errorf("Lookup(%q) = %v, want an unknown-code error", tt.name, err)
			}
			continue
		}
		if err != nil || c.ID != tt.want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", tt.name, c, err, tt.want)
		}
	}
}

func TestUserCatalogue(t *testing.T) {
	tests := []struct {
		name, yaml, wantErr string
	}{
		{"with text", `catalogue: my-code
title: Our copy of the Code
note: Copied from the licensed text.
provisions:
  - id: "1.2"
    title: " Our   definition "
    summary: Use the definition.
    text: The full wording, as licensed to us.
    source: " our licensed copy "
    note: Checked by the complaints team.
  - id: "1.10"
    summary: Ten.
  - id: "1.9"
    summary: Nine.
`, ""},
		{"unquoted id", "catalogue: x\nprovisions:\n  - id: 6.10\n    summary: s\n", `x.yaml:3: provision id 6.10 must be quoted`},
		{"unknown key", "catalogue: x\nprovisions:\n  - id: \"6.1\"\n    sumary: s\n", `x.yaml: line 4: unknown key sumary`},
		{"unknown keys", "catalogue: x\nprovisions:\n  - id: \"6.1\"\n    sumary: s\n    stag: t\n", `line 4: unknown key sumary (and 1 more problem)`},
		{"wrong type", "catalogue: x\nprovisions:\n  - id: \"6.1\"\n    section: [1]\n", `line 4: a list where another kind of value belongs`},
		{"an assessment", "code: chc-2024\nlandlord: L\nprovisions:\n  - id: \"6.1\"\n    comply: yes\n", `x.yaml is an assessment, not a catalogue`},
		{"duplicate", "catalogue: x\nprovisions:\n  - id: \"6.1\"\n  - id: \"6.1\"\n", `provision 6.1 is listed twice`},
		{"bad id", "catalogue: x\nprovisions:\n  - id: \"six\"\n", `"six" is not a section.number`},
		{"no id", "title: x\nprovisions:\n  - id: \"6.1\"\n", `needs a 'catalogue:' id`},
		{"no provisions", "catalogue: x\n", `lists no provisions`},
		{"bad date", "catalogue: x\nin_force: 1/4/2024\nprovisions:\n  - id: \"1.1\"\n", `in_force "1/4/2024" is not a date`},
		{"source on unconfirmed", "catalogue: x\nprovisions:\n  - id: \"1.1\"\n    confirmed: false\n    source: a guess\n", `x.yaml:3: provision 1.1 names a source but says confirmed: false`},
		{"bad obligation", "catalogue: x\nprovisions:\n  - id: \"1.1\"\n    obligation: could\n", `obligation "could"`},
		{"not yaml", "catalogue: [x\n", `catalogue`},
		{"empty", "", `is empty`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "x.yaml")
			if err := os.WriteFile(path, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := Lookup("x.yaml", dir)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := []string{c.Provisions[0].ID, c.Provisions[1].ID, c.Provisions[2].ID}; strings.Join(got, " ") != "1.2 1.9 1.10" {
				t.Errorf("order %v, want 1.2 1.9 1.10", got)
			}
			p, _ := c.Provision("1.2")
			if p.Text == "" || !p.OnForm || !p.Confirmed || p.Obligation != "must" {
				t.Errorf("defaults not applied: %+v", p)
			}
			if p.Title != "Our definition" {
				t.Errorf("title %q, want the title: with its spaces folded", p.Title)
			}
			if c.Note != "Copied from the licensed text." || p.Source != "our licensed copy" || p.Note != "Checked by the complaints team." {
				t.Errorf("note %q, source %q, provision note %q not read", c.Note, p.Source, p.Note)
			}
		})
	}
}

// TestBuiltinTitles: every provision of the built-in catalogues has a short
// title a board member can read in a list beside its number: a few words,
// one line, no full stop, and no two alike (a list could not tell them
// apart).
func TestBuiltinTitles(t *testing.T) {
	for _, id := range []string{"chc-2022", "chc-2024"} {
		c, err := Lookup(id, "")
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]string{}
		for _, p := range c.Provisions {
			words := len(strings.Fields(p.Title))
			switch {
			case p.Title == "":
				t.Errorf("%s %s has no title", id, p.ID)
			case words > 9 || len(p.Title) > 60:
				t.Errorf("%s %s: title %q is %d words, %d characters: too long for a list", id, p.ID, p.Title, words, len(p.Title))
			case strings.HasSuffix(p.Title, "."):
				t.Errorf("%s %s: title %q ends in a full stop", id, p.ID, p.Title)
			case strings.ToUpper(p.Title[:1]) != p.Title[:1]:
				t.Errorf("%s %s: title %q does not start with a capital", id, p.ID, p.Title)
			}
			if other, dup := seen[p.Title]; dup {
				t.Errorf("%s %s and %s share the title %q", id, other, p.ID, p.Title)
			}
			seen[p.Title] = p.ID
		}
	}
	for _, tt := range []struct{ code, id, want string }{
		{"chc-2024", "6.3", "Stage 1 response within 10 working days"},
		{"chc-2024", "6.14", "Stage 2 response within 20 working days"},
		{"chc-2022", "5.1", "Stage 1 response within 10 working days"},
	} {
		c, _ := Lookup(tt.code, "")
		if p, ok := c.Provision(tt.id); !ok || p.Title != tt.want {
			t.Errorf("%s %s: title %q, want %q", tt.code, tt.id, p.Title, tt.want)
		}
	}
}

func TestCompareID(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"6.9", "6.10", -1},
		{"6.10", "6.9", 1},
		{"5.20", "6.1", -1},
		{"10.1", "9.9", 1},
		{"1.2", "1.2", 0},
		{"x", "1.1", 1},
		{"1.1", "x", -1},
	}
	for _, tt := range tests {
		got := CompareID(tt.a, tt.b)
		if (got < 0) != (tt.want < 0) || (got > 0) != (tt.want > 0) {
			t.Errorf("CompareID(%s, %s) = %d, want sign of %d", tt.a, tt.b, got, tt.want)
		}
	}
	for _, bad := range []string{"", "6", "6.", ".1", "6.1a", "6..1", "1.2.3", "-1.2", "9999.1"} {
		if _, _, ok := SplitID(bad); ok {
			t.Errorf("SplitID(%q) accepted", bad)
		}
	}
}

// TestCatalogueFacts pins the entries corrected against the sources (issue
// 16): what each shows, and what it must no longer claim.
func TestCatalogueFacts(t *testing.T) {
	tests := []struct {
		code, id       string
		obligation     string
		confirmed      bool
		source         string // exact; "" for none
		timescales     int
		noteHas        string // in the provision's own note
		pre            string // a predecessor whose lineage note is checked
		preHas, preNot string
	}{
		// 8.1: the Code says annual; no source gives a 12-month timescale.
		{code: "2024", id: "8.1", obligation: "must", confirmed: true, source: oneSelfAssessment,
			timescales: 0, noteHas: "annual"},
		// 9.7: must like the rest of section 9, but one paraphrase says should.
		{code: "2024", id: "9.7", obligation: "must", confirmed: false, source: "",
			noteHas: "should"},
		// The lineage notes that overstated a change.
		{code: "2024", id: "4.1", obligation: "must", confirmed: true, source: severalSelfAssessments,
			pre: "3.1", preHas: "already reported to the governing body", preNot: "Adds liaison"},
		{code: "2024", id: "6.4", obligation: "must", confirmed: true, source: severalSelfAssessments, timescales: 1,
			pre: "5.1", preHas: "working days", preNot: "now capped"},
		{code: "2024", id: "7.1", obligation: "must", confirmed: true, source: severalSelfAssessments,
			pre: "6.1", preHas: "not checked", preNot: "Adds a list"},
		// Untouched neighbours keep their facts.
		{code: "2024", id: "2.3", obligation: "must", confirmed: true, source: severalSelfAssessments, timescales: 1},
		{code: "2024", id: "2.4", obligation: "must", confirmed: true, source: oneSelfAssessment},
		{code: "2024", id: "6.20", obligation: "must", confirmed: false, source: ""},
		// 2022 8.1 likewise: an annual self-assessment, with no 12-month rule.
		{code: "2022", id: "8.1", obligation: "must", confirmed: true, source: oneSelfAssessment,
			timescales: 0, noteHas: "annual"},
		{code: "2022", id: "5.18", obligation: "should", confirmed: true, source: oneSelfAssessment, timescales: 1},
		{code: "2022", id: "5.19", obligation: "should", confirmed: true, source: oneSelfAssessment},
		{code: "2022", id: "7.4", obligation: "should", confirmed: true, source: oneSelfAssessment},
	}
	for _, tt := range tests {
		t.Run(tt.code+" "+tt.id, func(t *testing.T) {
			c, err := Lookup(tt.code, "")
			if err != nil {
				t.Fatal(err)
			}
			p, ok := c.Provision(tt.id)
			if !ok {
				t.Fatalf("no provision %s", tt.id)
			}
			if p.Obligation != tt.obligation {
				t.Errorf("obligation %s, want %s", p.Obligation, tt.obligation)
			}
			if p.Confirmed != tt.confirmed || p.Source != tt.source {
				t.Errorf("confirmed %v from %q, want %v from %q", p.Confirmed, p.Source, tt.confirmed, tt.source)
			}
			if len(p.Timescales) != tt.timescales {
				t.Errorf("timescales %v, want %d", p.Timescales, tt.timescales)
			}
			if !strings.Contains(p.Note, tt.noteHas) || tt.noteHas == "" && p.Note != "" {
				t.Errorf("note %q, want one containing %q", p.Note, tt.noteHas)
			}
			if tt.pre == "" {
				return
			}
			for _, pre := range p.Predecessors {
				if pre.ID != tt.pre {
					continue
				}
				if !strings.Contains(pre.Note, tt.preHas) || strings.Contains(pre.Note, tt.preNot) {
					t.Errorf("lineage note from 2022 %s is %q: want %q, not %q", tt.pre, pre.Note, tt.preHas, tt.preNot)
				}
				return
			}
			t.Errorf("%s does not continue 2022 %s", tt.id, tt.pre)
		})
	}
}

func TestCatalogueNotes(t *testing.T) {
	c22, _ := Lookup("2022", "")
	for _, want := range []string{"July 2020", "first", "numbered provisions", "6.4"} {
		if !strings.Contains(c22.Note, want) {
			t.Errorf("chc-2022 note %q does not mention %q", c22.Note, want)
		}
	}
	// 2022 6.4 is not on the 2022 form (the reference inventory), so the
	// catalogue does not list it.
	if _, ok := c22.Provision("6.4"); ok {
		t.Error("chc-2022 lists 6.4, which its form does not")
	}
	c24, _ := Lookup("2024", "")
	for _, p := range c24.Provisions {
		if p.Section == 9 && p.Obligation != "must" {
			t.Errorf("2024 %s is %s; section 9 is all must", p.ID, p.Obligation)
		}
	}
}

// TestBuiltinsAreTheFiles: the built-in catalogues, compiled into Go data,
// are what the YAML files in this folder read as (gencat's own test holds
// builtin_gen.go to its output, byte for byte).
func TestBuiltinsAreTheFiles(t *testing.T) {
	files, err := filepath.Glob("chc-*.yaml")
	if err != nil || len(files) != len(Embedded()) {
		t.Fatalf("%d catalogue files, %d built-in catalogues (%v)", len(files), len(Embedded()), err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ParseBytes(data, "embedded")
		if err != nil {
			t.Fatal(err)
		}
		got, err := Lookup(want.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the built-in catalogue is not what the file reads as: run go generate ./codes", f)
		}
	}
}

// BenchmarkParseBuiltinFiles parses the two built-in catalogue files: what
// every run of csa that read an assessment did before they were compiled
// into Go data (and what a landlord's own catalogue file still costs).
func BenchmarkParseBuiltinFiles(b *testing.B) {
	var files [][]byte
	for _, f := range []string{"chc-2022.yaml", "chc-2024.yaml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, data)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range files {
			if _, err := ParseBytes(data, "embedded"); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLookupBuiltin finds the two built-in catalogues and the one that
// replaced the older: what a run does now.
func BenchmarkLookupBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, id := range []string{"chc-2022", "2024"} {
			c, err := Lookup(id, "")
			if err != nil {
				b.Fatal(err)
			}
			Successor(c)
		}
	}
}
