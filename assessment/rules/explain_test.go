package rules

import (
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	tests := []struct{ typed, want string }{
		{"no-plna", "no-plan"},
		{"No-Plan", "no-plan"},
		{"overdeu", "overdue"},
		{"plan", "no-plan"},
		{"unknown", "unknown-code"},
		{"placeholder", "placeholder-evidence"},
		{"stal", "stale"},
		{"zzzz", ""},
		{"", ""},
		{"a-very-long-name-that-is-nothing-like-a-rule", ""},
	}
	for _, tt := range tests {
		if got := Suggest(tt.typed); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

// TestExplainEveryRule: every rule explains itself in its four parts,
// without Markdown, and the list names every rule once.
func TestExplainEveryRule(t *testing.T) {
	var list strings.Builder
	if err := WriteList(&list); err != nil {
		t.Fatal(err)
	}
	for _, r := range All() {
		var b strings.Builder
		if err := r.Explain(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		first := strings.SplitN(out, "\n", 2)[0]
		reads := map[Subject]string{Assessments: ", in assessments", Figures: ", in complaint figures files", Annual: ", in annual complaints reports"}[r.Reads]
		if !strings.HasPrefix(out, r.Name+": "+r.Severity.String()) || reads == "" || !strings.Contains(first, reads) {
			t.Errorf("%s: starts %q", r.Name, first)
		}
		for _, part := range []string{"\nFires when\n  ", "\nWhat it checks\n  ", "\nWhy\n  ", "\nHow to fix a finding\n  "} {
			if !strings.Contains(out, part) {
				t.Errorf("%s: no %q part", r.Name, strings.TrimSpace(part))
			}
		}
		if strings.ContainsAny(out, "`") || strings.Contains(out, "**") {
			t.Errorf("%s: Markdown in the explanation:\n%s", r.Name, out)
		}
		if n := strings.Count(list.String(), "\n"+r.Name+" "); n != 1 && !strings.HasPrefix(list.String(), r.Name+" ") {
			t.Errorf("%s is listed %d times", r.Name, n)
		}
	}
}
