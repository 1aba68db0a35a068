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
