package mdtable

import (
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		right  []bool
		rows   [][]string
		want   string
	}{
		{"plain", []string{"A", "B"}, nil, [][]string{{"1", "2"}},
			"| A | B |\n|---|---|\n| 1 | 2 |\n"},
		{"right and empty", []string{"Which", "Count"}, []bool{false, true}, [][]string{{"", "3"}},
			"| Which | Count |\n|---|---:|\n| | 3 |\n"},
		{"header escaped", []string{"a|b"}, nil, nil,
			"| a\\|b |\n|---|\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			Write(&b, tt.header, tt.right, tt.rows, func(s string) string { return strings.ReplaceAll(s, "|", `\|`) })
			if b.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), tt.want)
			}
		})
	}
}
