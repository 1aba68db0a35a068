package rules

import (
	"os"
	"strings"
	"testing"
)

// TestREADME: the README's rule tables are the list: the assessment rules
// in "Checking an assessment", the figures rules in "The figures file", the
// annual report's in "The annual cycle", each row the rule's name, severity
// and summary, in order.
func TestREADME(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	tables := ruleTables(string(data))
	subjects := []Subject{Assessments, Figures, Annual}
	if len(tables) != len(subjects) {
		t.Fatalf("the README has %d rule tables (| rule | severity | fires when |), want %d", len(tables), len(subjects))
	}
	for i, subject := range subjects {
		var want []string
		for _, r := range Of(subject, 0) {
			want = append(want, row(r))
		}
		if got := tables[i]; strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("README rule table %d differs from the list; the list's rows are:\n%s\nthe README's:\n%s",
				i+1, strings.Join(want, "\n"), strings.Join(got, "\n"))
		}
	}
}

// ruleTables returns the rows of each table in the README whose header is
// | rule | severity | fires when |.
func ruleTables(readme string) [][]string {
	var tables [][]string
	lines := strings.Split(readme, "\n")
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "| rule | severity | fires when |" {
			continue
		}
		var rows []string
		for i += 2; i < len(lines) && strings.HasPrefix(lines[i], "|"); i++ {
			rows = append(rows, lines[i])
		}
		tables = append(tables, rows)
	}
	return tables
}

// row is the rule as a row of the README's rule tables:
// | `name` | severity | summary |.
func row(r *Rule) string {
	sev := r.Severity.String()
	if r.SeverityNote != "" {
		sev += " (" + r.SeverityNote + ")"
	}
	return "| `" + r.Name + "` | " + sev + " | " + r.Summary + " |"
}
