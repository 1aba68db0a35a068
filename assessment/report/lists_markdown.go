package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/assessment/internal/markdown"
)

// writeMarkdown writes a gaps or actions board as Markdown: the title as a
// heading, the facts as a list, the count, then the table, or a part per
// assessment under its own heading. Text from the files is escaped as the
// report escapes it; what the board must not miss (an overdue status, "No
// plan") is bold.
func (b board) writeMarkdown(w io.Writer) error {
	var s strings.Builder
	fmt.Fprintf(&s, "# %s\n\n", markdown.Cell(b.Title))
	mdFacts(&s, b.Facts)
	fmt.Fprintf(&s, "\n%s\n", markdown.Cell(b.Count))
	if b.Note != "" {
		fmt.Fprintf(&s, "\n%s\n", markdown.Cell(b.Note))
	}
	for _, p := range b.Parts {
		if p.Heading != "" {
			fmt.Fprintf(&s, "\n## %s\n\n", markdown.Cell(p.Heading))
			mdFacts(&s, p.Facts)
			if p.Count != "" && p.Empty == "" {
				fmt.Fprintf(&s, "\n%s\n", markdown.Cell(p.Count))
			}
		}
		if p.Empty != "" {
			if len(b.Parts) > 1 { // one assessment's board says it in its count
				fmt.Fprintf(&s, "\n%s\n", markdown.Cell(p.Empty))
			}
			continue
		}
		var rows [][]string
		for _, r := range p.Rows {
			row := []string{markdown.Cell(ProvisionLabel(r.ID, r.Title))}
			for _, c := range r.Cells {
				row = append(row, mdCell(c))
			}
			rows = append(rows, row)
		}
		s.WriteString("\n")
		markdown.Table(&s, b.Header, nil, rows)
	}
	_, err := io.WriteString(w, s.String())
	return err
}

func mdFacts(s *strings.Builder, facts [][2]string) {
	for _, f := range facts {
		fmt.Fprintf(s, "- **%s:** %s\n", markdown.Cell(f[0]), markdown.Cell(f[1]))
	}
}

// mdCell is one cell of a board's table: its paragraphs apart, each label
// bold; Strong text bold.
func mdCell(c boardCell) string {
	if c.Paras != nil {
		var parts []string
		for _, p := range c.Paras {
			t := markdown.Cell(p.Text)
			if p.Label != "" {
				t = "**" + markdown.Cell(p.Label) + ":** " + t
			}
			parts = append(parts, t)
		}
		return strings.Join(parts, "<br>")
	}
	t := markdown.Cell(c.Text)
	if c.Strong && t != "" {
		t = "**" + t + "**"
	}
	return t
}
