package codes

import (
	"strings"
	"testing"
)

// TestMeasures: the timescales csa figures counts a complaints log against
// are data in the catalogues, each set by the provision the Code sets it in.
func TestMeasures(t *testing.T) {
	tests := []struct {
		code, measure, id string
		within            int
		unit, starts      string
	}{
		{"chc-2024", "stage 1 acknowledgement", "6.2", 5, "working days", "receipt"},
		{"chc-2024", "stage 1 response", "6.3", 10, "working days", "acknowledgement"},
		{"chc-2024", "stage 1 extension", "6.4", 10, "working days", "due date"},
		{"chc-2024", "stage 2 acknowledgement", "6.11", 5, "working days", "receipt"},
		{"chc-2024", "stage 2 response", "6.14", 20, "working days", "acknowledgement"},
		{"chc-2024", "stage 2 extension", "6.15", 20, "working days", "due date"},
		{"chc-2022", "stage 1 acknowledgement", "4.1", 5, "days", "receipt"},
		{"chc-2022", "stage 1 response", "5.1", 10, "working days", "acknowledgement"},
		{"chc-2022", "stage 1 extension", "5.1", 10, "days", "due date"},
		{"chc-2022", "stage 2 response", "5.13", 20, "working days", "receipt"},
		{"chc-2022", "stage 2 extension", "5.13", 10, "days", "due date"},
	}
	for _, tt := range tests {
		c, err := Lookup(tt.code, "")
		if err != nil {
			t.Fatal(err)
		}
		p, ts, ok := c.Timescale(tt.measure)
		if !ok {
			t.Errorf("%s has no %s", tt.code, tt.measure)
			continue
		}
		if p.ID != tt.id || ts.Within != tt.within || ts.Unit != tt.unit || ts.Starts != tt.starts {
			t.Errorf("%s %s: provision %s, %d %s from %s; want %s, %d %s from %s", tt.code, tt.measure,
				p.ID, ts.Within, ts.Unit, ts.Starts, tt.id, tt.within, tt.unit, tt.starts)
		}
	}
	c, _ := Lookup("chc-2022", "")
	if _, _, ok := c.Timescale("stage 2 acknowledgement"); ok {
		t.Error("the 2022 Code set no time limit on acknowledging an escalation")
	}
}

func TestMeasureErrors(t *testing.T) {
	head := "catalogue: own\nprovisions:\n  - id: \"6.3\"\n    summary: x\n    timescales:\n      - what: respond\n        within: 10\n        unit: working days\n"
	tests := []struct{ extra, want string }{
		{"        measure: stage 3 response\n        starts: receipt\n", `measure "stage 3 response" should be one of`},
		{"        measure: stage 1 response\n", `measure "stage 1 response" needs starts`},
		{"        starts: receipt\n", `starts "receipt" needs a measure`},
		{"        measure: stage 1 response\n        starts: due date\n", "an extension, and only an extension, starts at the due date"},
		{"        measure: stage 1 extension\n        starts: receipt\n", "an extension, and only an extension, starts at the due date"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(head+tt.extra), "own.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.extra, err, tt.want)
		}
	}
	twice := "catalogue: own\nprovisions:\n  - id: \"6.3\"\n    timescales:\n      - {what: a, within: 10, unit: working days, measure: stage 1 response, starts: acknowledgement}\n" +
		"  - id: \"6.4\"\n    timescales:\n      - {what: b, within: 10, unit: working days, measure: stage 1 response, starts: acknowledgement}\n"
	if _, err := Parse(strings.NewReader(twice), "own.yaml"); err == nil || !strings.Contains(err.Error(), `provision 6.4: measure "stage 1 response" is already set by provision 6.3`) {
		t.Errorf("a measure set twice: %v", err)
	}
}

// TestWholeNumbers: a number that is not whole where a whole one belongs is
// an error, not cut short (yaml.v3 read within: 2.5 as 2), and a catalogue
// id of spaces is no id.
func TestWholeNumbers(t *testing.T) {
	tests := []struct{ yaml, want string }{
		{"catalogue: own\nprovisions:\n  - id: \"6.3\"\n    timescales:\n      - what: respond\n        within: 2.5\n        unit: working days\n",
			`catalogue own.yaml:6: within 2.5 is not a whole number`},
		{"catalogue: own\nprovisions:\n  - id: \"6.3\"\n    section: 6.5\n", `catalogue own.yaml:4: section 6.5 is not a whole number`},
		{"catalogue: own\nsections:\n  - number: 1e3\n    title: x\nprovisions:\n  - id: \"6.3\"\n", ""},
		{"catalogue: own\nsections:\n  - number: 1.5\n    title: x\nprovisions:\n  - id: \"6.3\"\n", `catalogue own.yaml:3: number 1.5 is not a whole number`},
		{"catalogue: \" \"\nprovisions:\n  - id: \"6.3\"\n", `needs a 'catalogue:' id at the top`},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.yaml), "own.yaml")
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.yaml, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: got %v, want %q", tt.yaml, err, tt.want)
		}
	}
}
