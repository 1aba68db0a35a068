package report

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/mdtable"
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
	fmt.Fprintf(&b, "%s %s\n\n", h(1), mdText(r.Title()))
	if note := r.DraftNote(); note != "" {
		fmt.Fprintf(&b, "> **DRAFT.** %s\n\n", mdText(note))
	}
	for _, f := range r.Facts() {
		fmt.Fprintf(&b, "- **%s:** %s\n", f[0], mdText(f[1]))
	}
	if r.Published != "" {
		fmt.Fprintf(&b, "- **Published:** %s\n", mdURL(r.Published))
	}

	if ps := Paragraphs(r.Introduction); len(ps) > 0 {
		b.WriteString("\n" + h(2) + " Introduction\n")
		for _, p := range ps {
			fmt.Fprintf(&b, "\n%s\n", mdText(p))
		}
	}

	b.WriteString("\n" + h(2) + " Summary\n\n")
	header, rows := r.summaryRows()
	right := make([]bool, len(header))
	for i := len(header) - len(summaryCounts); i < len(header); i++ {
		right[i] = true
	}
	mdTable(&b, header, right, escapeRows(rows))
	if note := r.SummaryNote(); note != "" {
		fmt.Fprintf(&b, "\n%s\n", mdText(note))
	}

	for _, s := range r.Sections {
		fmt.Fprintf(&b, "\n%s %s\n", h(2), mdText(s.Caption()))
		if !r.Should {
			b.WriteString("\n")
			mdTable(&b, r.formHeader(), nil, r.mdFormRows(s.Rows))
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
			mdTable(&b, r.formHeader(), nil, r.mdFormRows(part.rows))
		}
	}

	b.WriteString("\n" + h(2) + " Action plan\n\n")
	b.WriteString(mdText(r.ActionPlanNote()) + "\n")
	if len(r.Actions) > 0 {
		var rows [][]string
		for _, it := range r.Actions {
			status := mdText(StatusText(it))
			if it.Overdue {
				status = "**" + status + "**"
			}
			rows = append(rows, []string{mdText(it.Provision), mdText(it.Text), mdText(it.Owner), it.Due.Long(), status})
		}
		b.WriteString("\n")
		mdTable(&b, actionHeader, nil, rows)
	}
	if r.Response != nil {
		fmt.Fprintf(&b, "\n%s Response of the governing body\n\n**%s**\n", h(2), mdText(r.ResponseHeading()))
		for _, p := range Paragraphs(r.Response.Text) {
			fmt.Fprintf(&b, "\n%s\n", mdText(p))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) mdFormRows(rows []Row) [][]string {
	var out [][]string
	for _, row := range rows {
		comply := mdText(row.ComplyLabel())
		if row.Comply.IsGap() || row.Comply == assessment.Unanswered {
			comply = "**" + comply + "**"
		}
		cells := []string{mdText(row.ID), mdText(row.Requirement), comply}
		if r.Should {
			cells = append(cells, mdParagraphs(row.EvidenceCell()))
		} else {
			cells = append(cells, mdText(trimText(row.Evidence)), mdParagraphs(row.CommentaryCell()))
		}
		out = append(out, cells)
	}
	return out
}

func mdParagraphs(ps []Paragraph) string {
	var parts []string
	for _, p := range ps {
		s := mdText(p.Text)
		if p.Label != "" {
			s = "**" + mdText(p.Label) + ":** " + s
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
			out[i][j] = mdText(c)
		}
	}
	return out
}

// mdTable writes a table of cells already escaped. right marks columns to
// align right.
func mdTable(b *strings.Builder, header []string, right []bool, rows [][]string) {
	mdtable.Write(b, header, right, rows, mdText)
}

// mdSpecial are the characters that could start Markdown syntax inline, or
// end a table cell; each is written with a backslash before it.
const mdSpecial = "\\`*_[]<>|~#$"

var isMDSpecial = func() (t [128]bool) {
	for _, c := range mdSpecial {
		t[c] = true
	}
	return t
}()

var entityLike = regexp.MustCompile(`^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

// mdText escapes text for a Markdown table cell or line: Markdown's
// specials get a backslash, an & that would start an entity too, line breaks
// become <br>, and other control characters become spaces.
func mdText(s string) string {
	s = trimText(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, r := range s {
		switch {
		case r == '\n':
			b.WriteString("<br>")
		case r == '&' && entityLike.MatchString(s[i:]):
			b.WriteString(`\&`)
		case r < 0x80 && isMDSpecial[r]:
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var plainURL = regexp.MustCompile(`^https?://[^\s<>"'\\` + "`" + `]+$`)

// mdURL writes a web address as an autolink when it is a plain http(s)
// address, else as escaped text (never a javascript: link).
func mdURL(s string) string {
	s = strings.TrimSpace(s)
	if plainURL.MatchString(s) {
		return "<" + s + ">"
	}
	return mdText(s)
}
