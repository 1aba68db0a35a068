package english

import "testing"

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		one  string
		many []string
		want string
	}{
		{1, "day", nil, "1 day"},
		{0, "day", nil, "0 days"},
		{2, "day", nil, "2 days"},
		{-3, "day", nil, "-3 days"},
		{1, "open action was", []string{"open actions were"}, "1 open action was"},
		{4, "open action was", []string{"open actions were"}, "4 open actions were"},
		{12, "more error", []string{"more errors"}, "12 more errors"},
	}
	for _, tt := range tests {
		if got := Count(tt.n, tt.one, tt.many...); got != tt.want {
			t.Errorf("Count(%d, %q, %q) = %q, want %q", tt.n, tt.one, tt.many, got, tt.want)
		}
	}
}

func TestOr(t *testing.T) {
	for want, in := range map[string][]string{"": nil, "a": {"a"}, "a or b": {"a", "b"}, "text, json, github or junit": {"text", "json", "github", "junit"}} {
		if got := Or(in); got != want {
			t.Errorf("Or(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAnd(t *testing.T) {
	for want, in := range map[string][]string{"": nil, "a": {"a"}, "a and b": {"a", "b"}, "Calder Vale Homes, Calder Vale Living and Moorside": {"Calder Vale Homes", "Calder Vale Living", "Moorside"},
		"the figures, the analysis and the response": {"the figures", "the analysis", "the response"}} {
		if got := And(in); got != want {
			t.Errorf("And(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDidYouMean(t *testing.T) {
	known := []string{"kind", "landlord", "analysis", "refusals"}
	for _, tt := range []struct{ slip, want string }{
		{"anaylsis", ` (did you mean "analysis"?)`},
		{"Landlord", ` (did you mean "landlord"?)`},
		{"refusal", ` (did you mean "refusals"?)`},
		{"landlords_name", ` (did you mean "landlord"?)`},
		{"colour", ""},
		{"kin", ` (did you mean "kind"?)`},
	} {
		if got := DidYouMean(tt.slip, known); got != tt.want {
			t.Errorf("DidYouMean(%q) = %q, want %q", tt.slip, got, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"evidence", "evidence", 0}, {"evidnce", "evidence", 1}, {"recieved", "received", 2}, {"", "abc", 3},
		{"comply", "owner", 5}, {string(make([]byte, 41)), "a", 99},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  string
	}{
		{"one two three", 7, "one two\nthree"},
		{"  one\n two  ", 80, "one two"},
		{"Tŷ Glas Siân", 7, "Tŷ Glas\nSiân"},
		{"averyverylongword x", 5, "averyverylongword\nx"},
		{"", 10, ""},
	}
	for _, tt := range tests {
		if got := Wrap(tt.text, tt.width); got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}
