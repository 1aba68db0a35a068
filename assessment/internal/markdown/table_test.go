package markdown

import (
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
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
			Table(&b, tt.header, tt.right, tt.rows)
			if b.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), tt.want)
			}
		})
	}
}

func TestEscape(t *testing.T) {
	tests := []struct {
		in, cell, line, inline string
	}{
		{"plain text", "plain text", "plain text", "plain text"},
		{"  a\nb  ", "a<br>b", "  a b  ", "a b"},
		{"*bold* _it_ [l](u) <b> | ~ # $ ` \\", `\*bold\* \_it\_ \[l\](u) \<b\> \| \~ \# \$ \` + "`" + ` \\`, `\*bold\* \_it\_ \[l\](u) \<b\> \| \~ \# \$ \` + "`" + ` \\`, `\*bold\* \_it\_ \[l\](u) \<b\> \| \~ \# \$ \` + "`" + ` \\`},
		{"&amp; &#39; & x", `\&amp; \&\#39; & x`, `\&amp; \&\#39; & x`, `\&amp; \&\#39; & x`},
		{"a\r\nb\x1b[2J", `a<br>b\\x1b\[2J`, `a  b\\x1b\[2J`, `a b\\x1b\[2J`},
		{"Siân\u202eTŷ", `Siân\\u202eTŷ`, `Siân\\u202eTŷ`, `Siân\\u202eTŷ`},
		{"a\t\tb", "a\t\tb", "a  b", "a b"},
	}
	for _, tt := range tests {
		if got := Cell(tt.in); got != tt.cell {
			t.Errorf("Cell(%q) = %q, want %q", tt.in, got, tt.cell)
		}
		if got := Line(tt.in); got != tt.line {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.line)
		}
		if got := Inline(tt.in); got != tt.inline {
			t.Errorf("Inline(%q) = %q, want %q", tt.in, got, tt.inline)
		}
	}
}

// TestCell: report's table cells and paragraphs.
func TestCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a | b", `a \| b`},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"line one\nline two\r\nthree", "line one<br>line two<br>three"},
		{"*bold* _it_ `code` [link](x) ~s~ #1 $x$", `\*bold\* \_it\_ \` + "`" + `code\` + "`" + ` \[link\](x) \~s\~ \#1 \$x\$`},
		{`back\slash`, `back\\slash`},
		{"&lt; and Q&A", `\&lt; and Q&A`},
		{"Siân, Tŷ Glas", "Siân, Tŷ Glas"},
		{"bell\x07here", `bell\\ahere`},
		{"escape \x1b[2J and \u202eoverride", `escape \\x1b\[2J and \\u202eoverride`},
		{"  padded  \n", "padded"},
	}
	for _, tt := range tests {
		if got := Cell(tt.in); got != tt.want {
			t.Errorf("Cell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestInline: a diff's quoted text.
func TestInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"a | b", `a \| b`},
		{"*not bold* _nor this_", `\*not bold\* \_nor this\_`},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"[a link](javascript:x)", `\[a link\](javascript:x)`},
		{"~~struck~~ `code` #1 $5", "\\~\\~struck\\~\\~ \\`code\\` \\#1 \\$5"},
		{"R&D &amp; more", `R&D \&amp; more`},
		{"two\nlines\r\n and\ttabs", "two lines and tabs"},
		{`back\slash`, `back\\slash`},
	}
	for _, tt := range tests {
		if got := Inline(tt.in); got != tt.want {
			t.Errorf("Inline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
