package report

import (
	"fmt"
	"io"
	"regexp"
	"slices"
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

// colDiffers heads a group's count of provisions its entities answer
// differently.
const colDiffers = "Entities differ"

// countsHeader is the summary's count columns: with a group's count of
// provisions its entities answer differently, before the total.
func (r *Report) countsHeader(differs bool) []string {
	if !differs {
		return summaryCounts
	}
	n := len(summaryCounts)
	return slices.Concat(summaryCounts[:n-1], []string{colDiffers}, summaryCounts[n-1:])
}

func (r *Report) counts(c Counts, differs bool) []string {
	cells := countCells(c)
	if !differs {
		return cells
	}
	n := len(cells)
	return slices.Concat(cells[:n-1], []string{fmt.Sprint(c.Differs)}, cells[n-1:])
}

// tallyRows are a summary's rows for one caption: must and should apart
// (and all, when totals) for the 2022 Code.
func (r *Report) tallyRows(caption string, t Tally, totals, differs bool) [][]string {
	if !r.Should {
		return [][]string{append([]string{caption}, r.counts(t.All, differs)...)}
	}
	var rows [][]string
	if totals || t.Must.Total() > 0 {
		rows = append(rows, append([]string{caption, "must"}, r.counts(t.Must, differs)...))
	}
	if totals || t.Should.Total() > 0 {
		rows = append(rows, append([]string{caption, "should"}, r.counts(t.Should, differs)...))
	}
	if totals {
		rows = append(rows, append([]string{caption, "all"}, r.counts(t.All, differs)...))
	}
	return rows
}

// summaryRows are the per-section counts, must and should apart when the
// Code has should provisions, then the totals. For a group, a provision
// its entities answer differently is counted as such.
func (r *Report) summaryRows() (header []string, rows [][]string) {
	header = []string{colSummarySection}
	if r.Should {
		header = append(header, colSummaryOblig)
	}
	header = append(header, r.countsHeader(r.Group())...)
	for _, s := range r.Sections {
		rows = append(rows, r.tallyRows(s.Caption(), s.Tally, false, r.Group())...)
	}
	return header, append(rows, r.tallyRows("All sections", r.Totals, true, r.Group())...)
}

// entityRows are a group's answers counted per entity.
func (r *Report) entityRows() (header []string, rows [][]string) {
	header = []string{ColEntity}
	if r.Should {
		header = append(header, colSummaryOblig)
	}
	header = append(header, summaryCounts...)
	for _, e := range r.Entities {
		rows = append(rows, r.tallyRows(oneLine(e.Name), e.Tally, r.Should, false)...)
	}
	return header, rows
}

// SummaryNoteGroup says how a group's summary counts.
func (r *Report) SummaryNoteGroup() string {
	if !r.Group() {
		return ""
	}
	return "A provision counts under an answer when every entity gives it; \"" + colDiffers + "\" counts those the entities answer differently, and the next table counts each entity's own answers."
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
	for i := len(header) - len(r.countsHeader(r.Group())); i < len(header); i++ {
		right[i] = true
	}
	markdown.Table(&b, header, right, escapeRows(rows))
	if r.Group() {
		fmt.Fprintf(&b, "\n%s\n\n### Answers by entity\n\n", markdown.Cell(r.SummaryNoteGroup()))
		header, rows := r.entityRows()
		right := make([]bool, len(header))
		for i := len(header) - len(summaryCounts); i < len(header); i++ {
			right[i] = true
		}
		markdown.Table(&b, header, right, escapeRows(rows))
	}
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
			row := []string{markdown.Cell(it.Provision), markdown.Cell(it.Text), markdown.Cell(it.Owner), it.Due.Long(), status}
			if r.Group() {
				row = slices.Insert(row, 1, markdown.Cell(actionEntity(it)))
			}
			rows = append(rows, row)
		}
		b.WriteString("\n")
		markdown.Table(&b, r.ActionPlanHeader(), nil, rows)
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
		comply := mdComply(row.Answer(), row.ComplyLabel())
		if ps := row.ComplyCell(); ps != nil {
			var lines []string
			for _, p := range ps {
				c, _ := assessment.ParseComply(p.Text)
				lines = append(lines, markdown.Cell(p.Label)+": "+mdComply(c, p.Text))
			}
			comply = strings.Join(lines, "<br>")
		}
		cells := []string{markdown.Cell(row.ID), markdown.Cell(row.Requirement), comply}
		if r.Should {
			cells = append(cells, mdParagraphs(row.EvidenceCell()))
		} else {
			cells = append(cells, mdParagraphs(row.EvidenceParas()), mdParagraphs(row.CommentaryCell()))
		}
		out = append(out, cells)
	}
	return out
}

// mdComply is an answer as the form shows it, a gap or no answer in bold.
func mdComply(c assessment.Comply, label string) string {
	if c.IsGap() || c == assessment.Unanswered {
		return "**" + markdown.Cell(label) + "**"
	}
	return markdown.Cell(label)
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
