package report

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/markdown"
)

const (
	colSummarySection = "Section"
	colSummaryOblig   = "Obligation"
)

// formHeader is the form table's header row for the report's layout.
func (r *Report) formHeader() []string {
	if r.Should {
		return []string{ColProvision2022, ColRequirement, ColComply2022, ColEvidence2022}
	}
	return []string{ColProvision2024, ColRequirement, ColComply2024, ColEvidence2024, ColCommentary2024}
}

var summaryCounts = []string{"Yes", "Partial", "No", "N/A", "Not answered", "Total"}

func countCells(c Counts) []string {
	return []string{fmt.Sprint(c.Yes), fmt.Sprint(c.Partial), fmt.Sprint(c.No), fmt.Sprint(c.NA),
		fmt.Sprint(c.Unanswered), fmt.Sprint(c.Total())}
}

// summaryRows are the per-section counts, must and should apart when the
// Code has should provisions, then the totals.
func (r *Report) summaryRows() (header []string, rows [][]string) {
	header = []string{colSummarySection}
	if r.Should {
		header = append(header, colSummaryOblig)
	}
	header = append(header, summaryCounts...)
	for _, s := range r.Sections {
		if !r.Should {
			rows = append(rows, append([]string{s.Caption()}, countCells(s.Tally.All)...))
			continue
		}
		if s.Tally.Must.Total() > 0 {
			rows = append(rows, append([]string{s.Caption(), "must"}, countCells(s.Tally.Must)...))
		}
		if s.Tally.Should.Total() > 0 {
			rows = append(rows, append([]string{s.Caption(), "should"}, countCells(s.Tally.Should)...))
		}
	}
	if r.Should {
		rows = append(rows,
			append([]string{"All sections", "must"}, countCells(r.Totals.Must)...),
			append([]string{"All sections", "should"}, countCells(r.Totals.Should)...),
			append([]string{"All sections", "all"}, countCells(r.Totals.All)...))
	} else {
		rows = append(rows, append([]string{"All sections"}, countCells(r.Totals.All)...))
	}
	return header, rows
}

// actionHeader is the action plan's header row in Markdown and HTML.
var actionHeader = []string{"Code provision", "Action", "Owner", "Due", "Status"}

// WriteMarkdown writes the report as Markdown with GitHub-style tables: the
// heading and facts, the counts per section, the form section by section,
// and the action plan. Text from the assessment is escaped, so it cannot
// break a table or become a link, emphasis or HTML; line breaks inside a cell
// become <br>.
func WriteMarkdown(w io.Writer, r *Report) error {
	return writeMarkdown(w, r, 1)
}

// WriteMarkdownPart writes the report as a part of another document (the
// annual complaints report): the same, its title a heading at level (2:
// ##) and every other heading below it.
func WriteMarkdownPart(w io.Writer, r *Report, level int) error {
	return writeMarkdown(w, r, max(1, min(level, 4)))
}

func writeMarkdown(w io.Writer, r *Report, level int) error {
	h := func(n int) string { return strings.Repeat("#", n+level-1) } // h(1) is the title's
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n\n", h(1), markdown.Cell(r.Title()))
	if note := r.DraftNote(); note != "" {
		fmt.Fprintf(&b, "> **DRAFT.** %s\n\n", markdown.Cell(note))
	}
	for _, f := range r.Facts() {
		fmt.Fprintf(&b, "- **%s:** %s\n", f[0], markdown.Cell(f[1]))
	}
	if r.Published != "" {
		fmt.Fprintf(&b, "- **Published:** %s\n", mdURL(r.Published))
	}

	if ps := Paragraphs(r.Introduction); len(ps) > 0 {
		b.WriteString("\n" + h(2) + " Introduction\n")
		for _, p := range ps {
			fmt.Fprintf(&b, "\n%s\n", markdown.Cell(p))
		}
	}

	b.WriteString("\n" + h(2) + " Summary\n\n")
	header, rows := r.summaryRows()
	right := make([]bool, len(header))
	for i := len(header) - len(summaryCounts); i < len(header); i++ {
		right[i] = true
	}
	markdown.Table(&b, header, right, escapeRows(rows))
	if note := r.SummaryNote(); note != "" {
		fmt.Fprintf(&b, "\n%s\n", markdown.Cell(note))
	}

	for _, s := range r.Sections {
		fmt.Fprintf(&b, "\n%s %s\n", h(2), markdown.Cell(s.Caption()))
		if !r.Should {
			b.WriteString("\n")
			markdown.Table(&b, r.formHeader(), nil, r.mdFormRows(s.Rows))
			continue
		}
		for _, part := range []struct {
			title string
			rows  []Row
		}{{"Mandatory requirements (must)", s.MustRows()}, {"Good practice (should)", s.ShouldRows()}} {
			if len(part.rows) == 0 {
				continue
			}
			fmt.Fprintf(&b, "\n%s %s\n\n", h(3), part.title)
			markdown.Table(&b, r.formHeader(), nil, r.mdFormRows(part.rows))
		}
	}

	b.WriteString("\n" + h(2) + " Action plan\n\n")
	b.WriteString(markdown.Cell(r.ActionPlanNote()) + "\n")
	if len(r.Actions) > 0 {
		var rows [][]string
		for _, it := range r.Actions {
			status := markdown.Cell(StatusText(it))
			if it.Overdue {
				status = "**" + status + "**"
			}
			rows = append(rows, []string{markdown.Cell(it.Provision), markdown.Cell(it.Text), markdown.Cell(it.Owner), it.Due.Long(), status})
		}
		b.WriteString("\n")
		markdown.Table(&b, actionHeader, nil, rows)
	}
	if r.Response != nil {
		fmt.Fprintf(&b, "\n%s Response of the governing body\n\n**%s**\n", h(2), markdown.Cell(r.ResponseHeading()))
		for _, p := range Paragraphs(r.Response.Text) {
			fmt.Fprintf(&b, "\n%s\n", markdown.Cell(p))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) mdFormRows(rows []Row) [][]string {
	var out [][]string
	for _, row := range rows {
		comply := markdown.Cell(row.ComplyLabel())
		if row.Comply.IsGap() || row.Comply == assessment.Unanswered {
			comply = "**" + comply + "**"
		}
		cells := []string{markdown.Cell(row.ID), markdown.Cell(row.Requirement), comply}
		if r.Should {
			cells = append(cells, mdParagraphs(row.EvidenceCell()))
		} else {
			cells = append(cells, markdown.Cell(trimText(row.Evidence)), mdParagraphs(row.CommentaryCell()))
		}
		out = append(out, cells)
	}
	return out
}

func mdParagraphs(ps []Paragraph) string {
	var parts []string
	for _, p := range ps {
		s := markdown.Cell(p.Text)
		if p.Label != "" {
			s = "**" + markdown.Cell(p.Label) + ":** " + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "<br><br>")
}

func escapeRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(r))
		for j, c := range r {
			out[i][j] = markdown.Cell(c)
		}
	}
	return out
}

var plainURL = regexp.MustCompile(`^https?://[^\s<>"'\\` + "`" + `]+$`)

// mdURL writes a web address as an autolink when it is a plain http(s)
// address, else as escaped text (never a javascript: link).
func mdURL(s string) string {
	s = strings.TrimSpace(s)
	if plainURL.MatchString(s) {
		return "<" + s + ">"
	}
	return markdown.Cell(s)
}
