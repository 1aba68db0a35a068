package annual

import (
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/assessment/internal/markdown"
	"github.com/csa-tool/csa/assessment/report"
)

// WriteMarkdown writes the annual report as Markdown, for a board paper or
// a repository: the same sections as the web page, each chart as its text
// alternative and its numbers (Markdown has no pictures of its own), and
// the self-assessment as csa report writes it, a heading level down. Text
// from the files is escaped, so it cannot add Markdown or HTML of its own.
func WriteMarkdown(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", markdown.Cell(r.Title))
	if note := r.DraftNote(); note != "" {
		fmt.Fprintf(&b, "> **DRAFT.** %s\n\n", markdown.Cell(note))
	}
	for _, f := range r.Facts {
		fmt.Fprintf(&b, "- **%s:** %s\n", f[0], markdown.Cell(f[1]))
	}
	if r.Published != "" {
		fmt.Fprintf(&b, "- **Published:** %s\n", mdURL(r.Published))
	}
	for _, s := range r.Sections {
		fmt.Fprintf(&b, "\n## %s\n", markdown.Cell(s.Title))
		for _, bl := range s.Blocks {
			b.WriteString("\n")
			mdBlock(&b, bl)
		}
	}
	b.WriteString("\n## The self-assessment\n\n")
	if r.Self == nil {
		b.WriteString("*" + markdown.Cell(r.SelfNote()) + "*\n")
	} else {
		b.WriteString("Our self-assessment against the Complaint Handling Code follows, as it is published on its own.\n\n")
		if err := report.WriteMarkdownPart(&b, r.Self, 3); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdBlock(b *strings.Builder, bl Block) {
	switch bl.Kind {
	case Prose:
		for i, p := range bl.Paras {
			if i > 0 {
				b.WriteString("\n")
			}
			b.WriteString(markdown.Cell(p) + "\n")
		}
	case Para:
		b.WriteString(markdown.Cell(bl.Text) + "\n")
	case Note:
		b.WriteString("*" + markdown.Cell(bl.Text) + "*\n")
	case Lead:
		b.WriteString("**" + markdown.Cell(bl.Text) + "**\n")
	case Subheading:
		b.WriteString("### " + markdown.Cell(bl.Text) + "\n")
	case TableBlock:
		mdTableBlock(b, bl.Table)
	case ChartBlock:
		fmt.Fprintf(b, "**Chart: %s.** %s\n\n", markdown.Cell(bl.Chart.Title), markdown.Cell(bl.Chart.Alt))
		mdTableBlock(b, bl.Table)
	case Links:
		for _, l := range bl.Links {
			title := markdown.Cell(oneLine(l.Title))
			if u := oneLine(l.URL); webAddress.MatchString(u) {
				fmt.Fprintf(b, "- [%s](<%s>)\n", title, u)
			} else if u != "" {
				fmt.Fprintf(b, "- %s (%s)\n", title, markdown.Cell(u))
			} else {
				fmt.Fprintf(b, "- %s\n", title)
			}
		}
	}
}

func mdTableBlock(b *strings.Builder, t *Table) {
	b.WriteString("*" + markdown.Cell(t.Caption) + "*\n\n")
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = make([]string, len(r))
		for j, c := range r {
			rows[i][j] = markdown.Cell(c)
		}
	}
	markdown.Table(b, t.Header, t.Right, rows)
}

// mdURL writes a web address as an autolink when it is a plain http(s)
// address, else as escaped text.
func mdURL(s string) string {
	s = oneLine(s)
	if webAddress.MatchString(s) {
		return "<" + s + ">"
	}
	return markdown.Cell(s)
}

// mdTableRows writes a table of cells already escaped.
func mdTableRows(b *strings.Builder, header []string, rows [][]string) {
	markdown.Table(b, header, nil, rows)
}
