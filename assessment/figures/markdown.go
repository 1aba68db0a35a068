package figures

import (
	"io"
	"regexp"
	"strings"

	"github.com/csa-tool/csa/assessment/internal/mdtable"
)

// WriteMarkdown writes the figures as Markdown, for the annual complaints
// performance report: a heading, then a table for each section. Text from
// the log (outcomes, categories, reasons) is escaped, so it cannot add
// Markdown or HTML of its own.
func WriteMarkdown(w io.Writer, f *Figures) error {
	var b strings.Builder
	b.WriteString("# " + mdText(f.Title()) + "\n\n")
	if about := f.About(); about != "" {
		b.WriteString(mdText(about) + "\n\n")
	}
	for _, s := range f.sections() {
		b.WriteString("## " + mdText(s.title) + "\n\n")
		rows := make([][]string, len(s.rows))
		for i, r := range s.rows {
			rows[i] = make([]string, len(r))
			for j, c := range r {
				rows[i][j] = mdText(strings.TrimSpace(c))
				if j == 0 && strings.HasPrefix(c, " ") {
					rows[i][j] = strings.Repeat("&nbsp;", len(c)-len(strings.TrimLeft(c, " "))) + rows[i][j]
				}
			}
		}
		mdtable.Write(&b, s.header, s.right, rows, mdText)
		b.WriteString("\n")
	}
	if line := f.RowsLine(); line != "" {
		b.WriteString(mdText(line) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

var mdEntity = regexp.MustCompile(`^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

// mdText escapes text for a Markdown table cell or line: Markdown's
// specials get a backslash, an & that would start an entity too, and
// control characters become spaces.
func mdText(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		case r == '&' && mdEntity.MatchString(s[i:]):
			b.WriteString(`\&`)
		case r < 0x80 && strings.ContainsRune("\\`*_[]<>|~#$", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
