package lineage

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/csa-tool/csa/codes"
)

func lookup(t *testing.T, id string) *codes.Catalogue {
	t.Helper()
	c, err := codes.Lookup(id, "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func parse(t *testing.T, yaml string) *codes.Catalogue {
	t.Helper()
	c, err := codes.Parse(strings.NewReader(yaml), "test")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// links renders links as "from>to:confidence" for compact comparison.
func links(ls []Link) string {
	var s []string
	for _, l := range ls {
		s = append(s, fmt.Sprintf("%s>%s:%s", l.From, l.To, l.Confidence))
	}
	return strings.Join(s, " ")
}

func TestBetweenBuiltIn(t *testing.T) {
	c22, c24 := lookup(t, "chc-2022"), lookup(t, "chc-2024")
	tests := []struct {
		name         string
		from, to     *codes.Catalogue
		direction    Direction
		predecessors map[string]string // To id → links
		successors   map[string]string // From id → links
		newIDs       []string
		retired      []string
	}{
		{
			name: "same code", from: c24, to: c24, direction: SameCode,
			predecessors: map[string]string{"6.10": "6.10>6.10:same", "1.1": "1.1>1.1:same"},
			successors:   map[string]string{"9.8": "9.8>9.8:same"},
		},
		{
			name: "2022 to 2024", from: c22, to: c24, direction: Forward,
			predecessors: map[string]string{
				"1.6": "1.5>1.6:high",                                                 // renumbered
				"3.7": "2.7>3.7:medium 2.8>3.7:high",                                  // many to one
				"3.2": "2.2>3.2:low",                                                  // a guess
				"5.8": "3.2>5.8:medium 4.6>5.8:medium 4.7>5.8:medium 4.12>5.8:medium", // from four
				"2.3": "",                                                             // new in 2024
			},
			successors: map[string]string{
				"5.13": "5.13>6.14:high 5.13>6.15:medium", // one to many
				"7.3":  "7.3>9.5:high 7.3>9.6:high",
				"4.16": "", // retired
			},
			newIDs:  []string{"1.1", "2.3", "2.5", "3.3", "5.1", "5.4", "5.5", "5.7", "5.13", "6.20", "8.4", "8.5", "9.2"},
			retired: []string{"4.3", "4.8", "4.9", "4.13", "4.16", "4.17", "5.4", "5.18", "5.19", "5.20", "6.7"},
		},
		{
			name: "2024 back to 2022", from: c24, to: c22, direction: Backward,
			predecessors: map[string]string{
				"5.13": "6.14>5.13:high 6.15>5.13:medium",
				"4.16": "",
			},
			successors: map[string]string{
				"3.7": "3.7>2.7:medium 3.7>2.8:high",
				"2.3": "",
			},
			newIDs:  []string{"4.3", "4.8", "4.9", "4.13", "4.16", "4.17", "5.4", "5.18", "5.19", "5.20", "6.7"},
			retired: []string{"1.1", "2.3", "2.5", "3.3", "5.1", "5.4", "5.5", "5.7", "5.13", "6.20", "8.4", "8.5", "9.2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Between(tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if m.Direction != tt.direction {
				t.Errorf("direction %s, want %s", m.Direction, tt.direction)
			}
			for id, want := range tt.predecessors {
				if got := links(m.Predecessors(id)); got != want {
					t.Errorf("Predecessors(%s) = %q, want %q", id, got, want)
				}
			}
			for id, want := range tt.successors {
				if got := links(m.Successors(id)); got != want {
					t.Errorf("Successors(%s) = %q, want %q", id, got, want)
				}
			}
			if got := m.New(); !slices.Equal(got, tt.newIDs) {
				t.Errorf("New() = %v, want %v", got, tt.newIDs)
			}
			if got := m.Retired(); !slices.Equal(got, tt.retired) {
				t.Errorf("Retired() = %v, want %v", got, tt.retired)
			}
		})
	}
}

func TestBetweenNotes(t *testing.T) {
	m, err := Between(lookup(t, "chc-2022"), lookup(t, "chc-2024"))
	if err != nil {
		t.Fatal(err)
	}
	l := m.Predecessors("1.4")
	if len(l) != 1 || !strings.Contains(l[0].Note, "now a must") {
		t.Errorf("1.4's link = %+v, want the catalogue's note", l)
	}
}

const mini = `catalogue: mini
provisions:
  - id: "1.1"
  - id: "1.2"
`

// mini2 replaces mini: 1.1 continues 1.1 and 1.2, with a confidence word a
// landlord mistyped and a link to a provision mini does not have.
const mini2 = `catalogue: mini2
supersedes: mini
provisions:
  - id: "1.1"
    predecessors:
      - {id: "1.1", confidence: high}
      - {id: "1.2", confidence: hihg}
      - {id: "9.9", confidence: high}
  - id: "1.3"
`

func TestBetweenUserCatalogues(t *testing.T) {
	a, b := parse(t, mini), parse(t, mini2)
	m, err := Between(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := links(m.Predecessors("1.1")), "1.1>1.1:high 1.2>1.1:low"; got != want {
		t.Errorf("Predecessors(1.1) = %q, want %q (unknown words are low, links to missing provisions dropped)", got, want)
	}
	if got := m.New(); !slices.Equal(got, []string{"1.3"}) {
		t.Errorf("New() = %v", got)
	}
	if got := m.Retired(); len(got) != 0 {
		t.Errorf("Retired() = %v", got)
	}

	// A Code and one it has nothing to do with cannot be lined up.
	_, err = Between(a, lookup(t, "chc-2024"))
	if err == nil || !strings.Contains(err.Error(), "mini and chc-2024 cannot be lined up") {
		t.Errorf("unrelated codes: err = %v", err)
	}
	// Two steps apart (chc-2020 is not shipped) are not chained either.
	c20 := parse(t, "catalogue: chc-2020\nprovisions:\n  - id: \"1.1\"\n")
	if _, err := Between(c20, lookup(t, "chc-2024")); err == nil {
		t.Error("chc-2020 to chc-2024: no error")
	}
	// A landlord's copy of a built-in Code (same id) is the same Code.
	own := parse(t, "catalogue: chc-2024\nprovisions:\n  - id: \"1.2\"\n    text: The Code's words.\n")
	m, err = Between(own, lookup(t, "chc-2024"))
	if err != nil || m.Direction != SameCode {
		t.Fatalf("own copy: %v, %v", m, err)
	}
	if got := len(m.New()); got != 72 { // all but 1.2
		t.Errorf("own copy: %d new, want 72", got)
	}
}

func TestParseConfidence(t *testing.T) {
	tests := []struct {
		in   string
		want Confidence
	}{
		{"high", High}, {"HIGH", High}, {" medium ", Medium}, {"low", Low}, {"", Low}, {"certain", Low},
	}
	for _, tt := range tests {
		if got := ParseConfidence(tt.in); got != tt.want {
			t.Errorf("ParseConfidence(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	if !(Low < Medium && Medium < High && High < Same) {
		t.Error("confidences out of order")
	}
}

func TestWeakest(t *testing.T) {
	answers := map[string]int{"a": 3, "b": 2, "c": 1, "d": 3} // yes 3, partial 2, no 1; "n" unranked
	rank := func(id string) (int, bool) { r, ok := answers[id]; return r, ok }
	l := func(from string, c Confidence) Link { return Link{From: from, To: "x", Confidence: c} }
	tests := []struct {
		name  string
		links []Link
		want  string
	}{
		{"one link", []Link{l("a", High)}, "a"},
		{"weakest answer wins", []Link{l("a", High), l("b", Medium)}, "b"},
		{"weakest of three", []Link{l("b", High), l("c", Medium), l("a", High)}, "c"},
		{"a low link is ignored when a better one exists", []Link{l("a", High), l("c", Low)}, "a"},
		{"low links used when they are all there is", []Link{l("a", Low), l("c", Low)}, "c"},
		{"equal answers: the stronger link", []Link{l("a", Medium), l("d", High)}, "d"},
		{"equal answers and confidence: the first", []Link{l("a", High), l("d", High)}, "a"},
		{"an unranked answer loses to a ranked one", []Link{l("n", High), l("a", Medium)}, "a"},
		{"nothing ranked: the strongest", []Link{l("n", Medium), l("m", High)}, "m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Weakest(tt.links, rank)
			if !ok || got.From != tt.want {
				t.Errorf("Weakest = %q, %v; want %q", got.From, ok, tt.want)
			}
		})
	}
	if _, ok := Weakest(nil, rank); ok {
		t.Error("Weakest(nil) reported a link")
	}
}

func TestStrongest(t *testing.T) {
	tests := []struct {
		links []Link
		want  string
	}{
		{[]Link{{To: "6.14", Confidence: High}, {To: "6.15", Confidence: Medium}}, "6.14"},
		{[]Link{{To: "5.2", Confidence: Low}, {To: "6.1", Confidence: Medium}}, "6.1"},
		{[]Link{{To: "9.5", Confidence: High}, {To: "9.6", Confidence: High}}, "9.5"},
	}
	for _, tt := range tests {
		if got, _ := Strongest(tt.links); got.To != tt.want {
			t.Errorf("Strongest(%v) = %s, want %s", links(tt.links), got.To, tt.want)
		}
	}
	if _, ok := Strongest(nil); ok {
		t.Error("Strongest(nil) reported a link")
	}
}
