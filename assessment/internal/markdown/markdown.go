// Package markdown writes text from a file into Markdown, for report, diff
// and figures: one escaper, so that text cannot become Markdown or HTML
// markup, whichever command prints it, and one way to write a pipe table.
//
// Text first passes csa's output-safety policy (package safetext); then
// Markdown's specials get a backslash, and an & that would start an entity
// does too. Cell keeps the text's lines (as <br>, for a table cell or a
// paragraph), Line puts them on one line, Inline also folds every run of
// white space into one space (a diff quotes text, it does not lay it out).
package markdown

import (
	"regexp"
	"strings"

	"github.com/csa-tool/csa/internal/safetext"
)

// Cell makes text safe in a Markdown table cell or paragraph: surrounding
// white space trimmed, line breaks written <br>.
func Cell(s string) string {
	return escape(strings.TrimSpace(safetext.Text(s)), "<br>")
}

// Line makes text safe on one line of Markdown.
func Line(s string) string { return escape(safetext.Line(s), " ") }

// Inline is Line with every run of white space one space.
func Inline(s string) string {
	return escape(strings.Join(strings.Fields(safetext.Line(s)), " "), " ")
}

// specials are the characters that could start Markdown syntax within a
// line or end a table cell; each gets a backslash.
const specials = "\\`*_[]<>|~#$"

var isSpecial = func() (t [128]bool) {
	for _, c := range specials {
		t[c] = true
	}
	return t
}()

var entity = regexp.MustCompile(`^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

// escape writes s with its specials escaped and each line break as br.
func escape(s, br string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, r := range s {
		switch {
		case r == '\n':
			b.WriteString(br)
		case r == '&' && entity.MatchString(s[i:]):
			b.WriteString(`\&`)
		case r < 0x80 && isSpecial[r]:
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Table writes a pipe table to b: the header, each cell through Line, then
// rows whose cells are escaped already. right marks the columns to align
// right.
func Table(b *strings.Builder, header []string, right []bool, rows [][]string) {
	b.WriteString("|")
	for _, h := range header {
		b.WriteString(" " + Line(h) + " |")
	}
	b.WriteString("\n|")
	for i := range header {
		if i < len(right) && right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, row := range rows {
		b.WriteString("|")
		for _, c := range row {
			if c == "" {
				b.WriteString(" |")
				continue
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
}
