package figures

import (
	"io"
	"strings"

	"github.com/csa-tool/csa/assessment/internal/markdown"
)

// WriteMarkdown writes the figures as Markdown, for the annual complaints
// performance report: a heading, then a table for each section. Text from
// the log (outcomes, categories, reasons) is escaped, so it cannot add
// Markdown or HTML of its own.
func WriteMarkdown(w io.Writer, f *Figures) error {
	var b strings.Builder
	b.WriteString("# " + markdown.Line(f.Title()) + "\n\n")
	if about := f.About(); about != "" {
		b.WriteString(markdown.Line(about) + "\n\n")
	}
	for _, s := range f.sections() {
		b.WriteString("## " + markdown.Line(s.title) + "\n\n")
		rows := make([][]string, len(s.rows))
		for i, r := range s.rows {
			rows[i] = make([]string, len(r))
			for j, c := range r {
				rows[i][j] = markdown.Line(strings.TrimSpace(c))
				if j == 0 && strings.HasPrefix(c, " ") {
					rows[i][j] = strings.Repeat("&nbsp;", len(c)-len(strings.TrimLeft(c, " "))) + rows[i][j]
				}
			}
		}
		markdown.Table(&b, s.header, s.right, rows)
		b.WriteString("\n")
	}
	if line := f.RowsLine(); line != "" {
		b.WriteString(markdown.Line(line) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
