package importer

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
)

// TestImportGroup: given the group's entities, the answers a document gives
// per entity (in one cell, a line each, or a column each) become the
// group's answer and each differing entity's own; a name that is none of
// the entities is kept in the commentary and reported.
func TestImportGroup(t *testing.T) {
	three := []string{"Heron Vale Homes", "Heron Vale Living", "Wren Court Housing"}
	tests := []struct {
		name     string
		file     string
		src      string
		entities []string
		// want: provision → the group's answer, then "Name=answer" for
		// each entity's own, in the entities' order.
		want map[string][]string
		// notes each appear in some note; comment in some commentary.
		notes   []string
		comment string
	}{
		{"one cell, commas", "a.csv", "Code provision,Comply,Evidence\n" +
			"1.2,\"Heron Vale Homes: YES, Heron Vale Living: YES, Wren Court Housing: YES\",Policy 2.\n" +
			"1.3,\"Heron Vale Homes: Yes, Heron Vale Living: Partial, Wren Court Housing: Yes\",Policy 2.2.\n" +
			"1.4,\"Heron Vale Homes: No, Heron Vale Living: N/A, Wren Court Housing: Partial\",Logs.\n",
			three,
			map[string][]string{"1.2": {"yes"}, "1.3": {"yes", "Heron Vale Living=partial"}, "1.4": {"no", "Heron Vale Living=n/a", "Wren Court Housing=partial"}},
			nil, ""},
		{"a line each, any case and spacing, a short form", "b.csv", "Code provision,Comply,Evidence\n" +
			"6.3,\"HERON VALE HOMES – Met\nHeron  Vale   Living – Met\nWren Court – Not met\",Ten days.\n",
			three,
			map[string][]string{"6.3": {"yes", "Wren Court Housing=no"}},
			[]string{`"Wren Court" in the answers read as the entity Wren Court Housing (a short form of it)`}, ""},
		{"a column each", "c.csv", "Code provision,Heron Vale Homes,Heron Vale Living,Wren Court Housing,Evidence\n" +
			"3.2,Yes,Yes,Partial,Training.\n3.4,Yes,Yes,Yes,Website.\n",
			three,
			map[string][]string{"3.2": {"yes", "Wren Court Housing=partial"}, "3.4": {"yes"}},
			[]string{`the columns "Heron Vale Homes", "Heron Vale Living", "Wren Court Housing" each hold an entity's answers: read as each entity's answer`}, ""},
		{"a name that is none of the entities", "d.csv", "Code provision,Comply,Evidence\n" +
			"1.2,\"Heron Vale Homes: Yes, Heron Vale Livng: Partial, Wren Court Housing: Yes, Kite Lane Homes: No\",Policy.\n",
			three,
			map[string][]string{"1.2": {"", "Heron Vale Homes=yes", "Wren Court Housing=yes"}},
			[]string{
				`the answer of "Heron Vale Livng" to 1.2 names no entity given with --entities (did you mean "Heron Vale Living"?): kept in the commentary`,
				`the answer of "Kite Lane Homes" to 1.2 names no entity given with --entities; the entities are Heron Vale Homes, Heron Vale Living and Wren Court Housing`,
				"the answer to 1.2 does not name Heron Vale Living: it is left unanswered",
			},
			"Comply: Heron Vale Livng: Partial; Kite Lane Homes: No"},
		{"an entity left out: the group's answer blank, the named ones their own", "e.csv", "Code provision,Comply,Evidence\n" +
			"5.4,\"Heron Vale Homes: N/A, Wren Court Housing: Yes\",Contractors.\n",
			three,
			map[string][]string{"5.4": {"", "Heron Vale Homes=n/a", "Wren Court Housing=yes"}},
			[]string{"the answer to 5.4 does not name Heron Vale Living: it is left unanswered"}, ""},
		{"two entities, a tie: the first entity's answer is the group's", "f.csv", "Code provision,Comply,Evidence\n" +
			"9.8,\"Heron Vale Living: Partial; Heron Vale Homes: Yes\",Objectives.\n",
			three[:2],
			map[string][]string{"9.8": {"yes", "Heron Vale Living=partial"}},
			nil, ""},
		{"one answer for all: no entity of its own", "g.csv", "Code provision,Comply,Evidence\n1.2,Yes,Policy.\n",
			three,
			map[string][]string{"1.2": {"yes"}},
			nil, ""},
		{"stacked text", "h.txt", "Code provision 1.2\nCode requirement\nThe definition.\nComply\n" +
			"Heron Vale Homes: Yes\nHeron Vale Living: No\nEvidence\nPolicy 2.\n" +
			"Code provision 1.3\nCode requirement\nAny words.\nComply\nHeron Vale Homes: Yes\nHeron Vale Living: Yes\nEvidence\nTraining.\n",
			three[:2],
			map[string][]string{"1.2": {"yes", "Heron Vale Living=no"}, "1.3": {"yes"}},
			nil, ""},
	}
	for _, tt := range tests {
		opts := details
		opts.Code, opts.Entities = "chc-2024", tt.entities
		res, err := Import(tt.file, []byte(tt.src), opts)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		a := res.Assessment
		if !slices.Equal(a.EntityNames(), tt.entities) {
			t.Errorf("%s: entities %v, want %v", tt.name, a.EntityNames(), tt.entities)
		}
		got := map[string][]string{}
		var comments []string
		for _, ans := range a.Answers {
			row := []string{string(ans.Comply)}
			for _, e := range ans.Entities {
				row = append(row, e.Name+"="+string(e.Comply))
				if e.Evidence != "" || len(e.Actions) > 0 {
					t.Errorf("%s: %s: %s has evidence or actions of its own: %+v", tt.name, ans.ID, e.Name, e)
				}
			}
			got[ans.ID] = row
			comments = append(comments, ans.Commentary)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: answers %v, want %v", tt.name, got, tt.want)
		}
		var msgs []string
		for _, nt := range res.Notes {
			msgs = append(msgs, nt.Message)
		}
		all := strings.Join(msgs, "\n")
		for _, w := range tt.notes {
			if !strings.Contains(all, w) {
				t.Errorf("%s: no note %q in:\n%s", tt.name, w, all)
			}
		}
		if tt.comment != "" && !slices.ContainsFunc(comments, func(c string) bool { return strings.Contains(c, tt.comment) }) {
			t.Errorf("%s: no commentary holds %q: %q", tt.name, tt.comment, comments)
		}
		// What was imported loads as a group's assessment: no schema
		// finding about its entities.
		var b strings.Builder
		if err := assessment.Encode(&b, a, assessment.EncodeOptions{}); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		back, fs := assessment.Parse("back.yaml", []byte(b.String()))
		if assessment.HasErrors(fs) {
			t.Errorf("%s: the import does not load: %v\n%s", tt.name, fs, b.String())
		} else if !slices.Equal(back.EntityNames(), tt.entities) {
			t.Errorf("%s: loaded entities %v", tt.name, back.EntityNames())
		}
	}
}

// TestImportGroupUnknown: without --entities, entities' answers that differ
// leave the provision unanswered, each one's answer kept and reported.
func TestImportGroupUnknown(t *testing.T) {
	src := "Code provision,Comply,Evidence\n1.3,\"Heron Vale Homes: Yes, Heron Vale Living: Partial\",Policy 2.2.\n"
	opts := details
	opts.Code = "chc-2024"
	res, err := Import("a.csv", []byte(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Assessment
	if a.IsGroup() || a.Answers[0].Comply != assessment.Unanswered || len(a.Answers[0].Entities) != 0 ||
		!strings.Contains(a.Answers[0].Commentary, "Heron Vale Living: Partial") {
		t.Errorf("without --entities: %+v", a.Answers[0])
	}
	if len(res.Notes) == 0 || !strings.Contains(res.Notes[len(res.Notes)-1].Message, "the entities answer 1.3 differently (Heron Vale Homes: Yes; Heron Vale Living: Partial): left unanswered") {
		t.Errorf("notes %v", res.Notes)
	}
}

// TestMatchEntity: a name in a document is its entity when written as
// given (whatever other entities' names it starts with), else the one
// entity it is a short form of; a longer name, a slip or a short form of
// several is none.
func TestMatchEntity(t *testing.T) {
	prefixes := []string{"Heron", "Heron Vale", "Heron Vale Homes"}
	tests := []struct {
		name     string
		entities []string
		in       string
		want     int
		how      string
	}{
		{"exact, two others its prefixes", prefixes, "Heron Vale Homes", 2, ""},
		{"exact, one other its prefix, one starting with it", prefixes, "Heron Vale", 1, ""},
		{"exact, the shortest", prefixes, "Heron", 0, ""},
		{"exact but for case and spacing", prefixes, "HERON  vale homes", 2, ""},
		{"a short form of one", []string{"Heron Vale Homes", "Wren Court Housing"}, "Wren Court", 1, "a short form of it"},
		{"a short form inside the name", []string{"Heron Vale Homes", "Wren Court Housing"}, "Court Housing", 1, "a short form of it"},
		{"a short form of two", []string{"Heron Vale Homes", "Heron Vale Living"}, "Heron Vale", -1, ""},
		{"a slip after another's name", []string{"Heron", "Heron Vale Living"}, "Heron Vale Livng", -1, ""},
		{"a word cut short", []string{"Heron Vale Homes", "Wren Court Housing"}, "Court Hous", -1, ""},
		{"a longer name", []string{"Heron Vale Homes", "Wren Court Housing"}, "Heron Vale Homes Limited", -1, ""},
		{"too short to guess", []string{"Heron Vale Homes"}, "Her", -1, ""},
		{"none", []string{"Heron Vale Homes"}, "Kite Lane Homes", -1, ""},
	}
	for _, tt := range tests {
		b := &builder{opts: Options{Entities: tt.entities}}
		if got, how := b.matchEntity(tt.in); got != tt.want || how != tt.how {
			t.Errorf("%s: matchEntity(%q) = %d, %q; want %d, %q", tt.name, tt.in, got, how, tt.want, tt.how)
		}
	}
}

// TestImportGroupPrefixes: entities whose names start with each other's
// are each read as written, with no note.
func TestImportGroupPrefixes(t *testing.T) {
	src := "Code provision,Comply,Evidence\n1.2,\"Heron Vale Homes: Yes, Heron: No, Heron Vale: Yes\",The group policy adopts it.\n"
	opts := details
	opts.Code, opts.Entities = "chc-2024", []string{"Heron", "Heron Vale", "Heron Vale Homes"}
	res, err := Import("pre.csv", []byte(src), opts)
	if err != nil {
		t.Fatal(err)
	}
	ans := res.Assessment.Answers[0]
	if ans.Comply != assessment.Yes || len(ans.Entities) != 1 || ans.Entities[0].Name != "Heron" || ans.Entities[0].Comply != assessment.No {
		t.Errorf("1.2 = %s, entities %+v", ans.Comply, ans.Entities)
	}
	for _, n := range res.Notes {
		if strings.Contains(n.Message, "entit") {
			t.Errorf("note %q", n.Message)
		}
	}
}
