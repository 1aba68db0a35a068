package main

import (
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
)

// TestEntityFilterRefusal: a name --entity gives that no assessment lists
// is refused in one line, quoted once: its control characters shown as Go
// escapes, not escaped twice.
func TestEntityFilterRefusal(t *testing.T) {
	group := []assessment.Entry{{Assessment: &assessment.Assessment{Entities: []assessment.Entity{{Name: "Moorside Housing Association"}, {Name: "Calder Vale Homes"}}}}}
	one := []assessment.Entry{{Assessment: &assessment.Assessment{Landlord: "Millbrook Homes"}}}
	tests := []struct {
		name    string
		in      string
		entries []assessment.Entry
		want    string
	}{
		{"control characters", "x\x1b[31mred\nline2", group,
			`--entity "x\x1b[31mred\nline2": no assessment read lists that entity; the entities are Moorside Housing Association and Calder Vale Homes`},
		{"a bidi control", "Moorside\u202e", group,
			`--entity "Moorside\u202e": no assessment read lists that entity; the entities are Moorside Housing Association and Calder Vale Homes`},
		{"no group", "A\tB", one, `--entity "A\tB": no assessment read lists a group's entities`},
	}
	for _, tt := range tests {
		_, err := entityFilter(tt.in, tt.entries)
		if err == nil || err.Error() != tt.want || !isUsageError(err) {
			t.Errorf("%s: %v\nwant %s", tt.name, err, tt.want)
		}
	}
}

// TestEntityNames: --entities is refused in one line for a name no
// assessment may hold; a name too long is shown cut at a character, not
// inside one.
func TestEntityNames(t *testing.T) {
	long := "a" + strings.Repeat("é", 200)
	tests := []struct {
		name string
		in   []string
		want []string
		err  string
	}{
		{"two", []string{"Heron Vale Homes;  Wren   Court "}, []string{"Heron Vale Homes", "Wren Court"}, ""},
		{"200 letters of two bytes", []string{strings.Repeat("é", 200)}, []string{strings.Repeat("é", 200)}, ""},
		{"too long, cut at a letter", []string{long},
			nil, `--entities: the name "a` + strings.Repeat("é", 39) + `..." is longer than 200 characters`},
		{"the group's word", []string{"A; all  Entities"}, nil,
			`--entities: an entity cannot be called "all Entities": csa's lists and workbook say "All entities" for what the whole group gives; give the entity's own name`},
		{"a control character", []string{"A\x1b[31m; B"}, nil,
			`--entities "A\x1b[31m; B": a name holds a line break, a control character or a text direction control; separate the names with semicolons`},
		{"a direction control", []string{"A; B\u202e"}, nil,
			`--entities "A; B\u202e": a name holds a line break, a control character or a text direction control; separate the names with semicolons`},
		{"a C1 control", []string{"A; B\u009b"}, nil,
			`--entities "A; B\u009b": a name holds a line break, a control character or a text direction control; separate the names with semicolons`},
		{"a line separator", []string{"A\u2028B"}, nil,
			`--entities "A\u2028B": a name holds a line break, a control character or a text direction control; separate the names with semicolons`},
		{"letters of other scripts", []string{"Tŷ Glas; Cartrefi Cymru"}, []string{"Tŷ Glas", "Cartrefi Cymru"}, ""},
		{"twice", []string{"A; a"}, nil, `--entities names "a" twice: name each entity once`},
	}
	for _, tt := range tests {
		got, err := entityNames(tt.in)
		switch {
		case tt.err == "" && (err != nil || strings.Join(got, "|") != strings.Join(tt.want, "|")):
			t.Errorf("%s: %q, %v; want %q", tt.name, got, err, tt.want)
		case tt.err != "" && (err == nil || err.Error() != tt.err):
			t.Errorf("%s: %q, %v\nwant %s", tt.name, got, err, tt.err)
		}
	}
}
