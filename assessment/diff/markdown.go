package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/markdown"
	"github.com/csa-tool/csa/assessment/lineage"
)

// WriteMarkdown writes the diff as Markdown for a board paper or a
// pull-request comment: a title and the facts (landlord, Code, as-at date),
// the two assessments side by side, the summary as two tables (provisions,
// actions), then the changes section by section as lists, each provision
// with its short title. A changed text is shown in pieces (Pieces): a small
// edit word by word, a sentence or passage mostly changed whole, old then
// new; removed text is marked [removed: ~~…~~] and added text
// [added: <ins>…</ins>], in words as well as styling, and a text changed
// throughout is shown as it was and as it is. Bold is kept for labels.
// Everything taken from the assessments is escaped, so it cannot break a
// table or turn into a link, emphasis or HTML.
func WriteMarkdown(w io.Writer, d *Diff) error {
	var b strings.Builder
	m := &mdWriter{b: &b, d: d}
	m.header()
	if !d.Differs() {
		b.WriteString("\nNo changes: the two assessments say the same.\n")
	} else {
		m.summary()
		m.details()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type mdWriter struct {
	b *strings.Builder
	d *Diff
}

func (m *mdWriter) printf(format string, args ...any) { fmt.Fprintf(m.b, format, args...) }

func (m *mdWriter) header() {
	d := m.d
	m.printf("# %s\n\n", markdown.Inline(d.paperTitle()))
	for _, f := range d.paperFacts() {
		m.printf("- **%s:** %s\n", f[0], markdown.Inline(f[1]))
	}
	m.printf("\n")
	var rows [][]string
	for _, r := range d.sideRows() {
		rows = append(rows, []string{r[0], markdown.Inline(r[1]), markdown.Inline(r[2])})
	}
	markdown.Table(m.b, sidesHeader, nil, rows)
	if note := lineageNote(d); note != "" {
		m.printf("\n%s\n", markdown.Inline(note))
	}
}

var classCaption = map[Class]string{
	Improved:  "Improved",
	Regressed: "Regressed",
	Changed:   "Changed (to or from n/a or no answer)",
	Unchanged: "Unchanged",
}

var actionCaption = map[ActionKind]string{
	Added:     "Added",
	Completed: "Completed (open last year, done this year)",
	Dropped:   "Dropped (open last year, gone this year)",
	Slipped:   "Slipped (due later)",
	Reopened:  "Reopened (done last year, open again)",
	Amended:   "Amended (wording, owner, due date or provision)",
}

func (m *mdWriter) summary() {
	d := m.d
	m.printf("\n## Summary\n\n")
	m.summaryTable("Provisions", d.classRows())
	sentence, opened := d.gapsSentence()
	m.printf("\n%s\n", markdown.Inline(sentence))
	if len(opened) > 0 {
		m.printf("\nNot a gap last year:\n\n")
		for _, o := range opened {
			m.printf("- %s\n", markdown.Inline(o))
		}
	}
	m.printf("\n")
	m.summaryTable("Actions", d.actionRows())
}

// summaryTable writes a summary: each row's caption, count and which
// provisions, one a line.
func (m *mdWriter) summaryTable(head string, rows []summaryRow) {
	var cells [][]string
	for _, r := range rows {
		var which []string
		for _, it := range r.Items {
			t := markdown.Inline(it.Text)
			if it.Strong {
				t = "**" + t + "**"
			}
			which = append(which, t)
		}
		cells = append(cells, []string{markdown.Inline(r.Caption), fmt.Sprint(r.Count), strings.Join(which, "<br>")})
	}
	markdown.Table(m.b, []string{head, "Count", "Which"}, []bool{false, true, false}, cells)
}

func (m *mdWriter) details() {
	d := m.d
	m.printf("\n## Changes by section\n")
	d.eachShown(func(p *Provision) {
		m.printf("\n### %s\n\n", markdown.Inline(sectionHeading(p)))
	}, func() {
		m.printf("\n### Retired: %s provisions with no successor in %s\n\n", markdown.Inline(d.Old.Code), markdown.Inline(d.New.Code))
	}, m.provision)
}

func (m *mdWriter) provision(p *Provision) {
	d := m.d
	m.printf("- **%s**. %s.", markdown.Inline(d.label(p)), markdown.Inline(status(p)))
	if p.LowConfidence() {
		m.printf(" *Low-confidence match.*")
	}
	if about := newOrRetired(d, p); about != "" {
		m.printf(" %s", markdown.Inline(about))
	}
	if d.Direction != lineage.SameCode && len(p.Matches) > 0 {
		m.printf(" %s", markdown.Inline(d.continues(p)))
	}
	m.printf("\n")
	for _, f := range d.fields(p) {
		switch {
		case f.Pieces == nil:
			m.printf("  - %s: %s\n", markdown.Inline(f.Name), markdown.Inline(f.Text))
		case Whole(f.Pieces):
			m.whole(f)
		default:
			m.printf("  - %s: %s\n", markdown.Inline(f.Name), mdPieces(f.Pieces))
		}
	}
	if p.RequirementChanged {
		m.printf("  - %s\n", markdown.Inline(strings.ToUpper(requirementNote[:1])+requirementNote[1:]))
	}
	for _, a := range p.Actions {
		m.printf("  - %s\n", mdAction(d, p, a))
	}
}

// whole writes a text changed throughout: as it was and as it is, each
// whole on its own line, or only the one side when it was added or
// removed.
func (m *mdWriter) whole(f field) {
	p := f.Pieces[0]
	name := markdown.Inline(wholeName(f))
	switch {
	case strings.TrimSpace(p.Old) == "":
		m.printf("  - %s: %s\n", name, markdown.Inline(p.New))
	case strings.TrimSpace(p.New) == "":
		m.printf("  - %s: %s\n", name, markdown.Inline(p.Old))
	default:
		m.printf("  - %s:\n    - Was: %s\n    - Now: %s\n", name, markdown.Inline(p.Old), markdown.Inline(p.New))
	}
}

func mdAction(d *Diff, p *Provision, a Action) string {
	what := actionHead(a)
	if a.Kind == Dropped || a.Kind == Slipped || a.NewlyOverdue {
		what = "**" + what + "**"
	}
	return what + ": " + mdPieces(actionPieces(a)) + " (" + markdown.Inline(strings.Join(actionFacts(d, p, a, assessment.Date.Long), "; ")) + ")"
}

// mdPieces writes a changed text inline: kept text as it is, a small edit
// word by word, a rewritten passage as its removal and its addition.
func mdPieces(pieces []Piece) string {
	var parts []string
	for _, p := range pieces {
		switch p.Kind {
		case Same:
			parts = append(parts, markdown.Inline(p.Text))
		case Edited:
			parts = append(parts, mdSpans(p.Words))
		case Rewritten:
			if strings.TrimSpace(p.Old) != "" {
				parts = append(parts, mdRemoved(p.Old))
			}
			if strings.TrimSpace(p.New) != "" {
				parts = append(parts, mdAdded(p.New))
			}
		}
	}
	return strings.Join(parts, " ")
}

// mdSpans writes a word diff: [removed: ~~old~~] [added: <ins>new</ins>].
func mdSpans(spans []Span) string {
	var parts []string
	for _, s := range spans {
		switch s.Op {
		case Equal:
			parts = append(parts, markdown.Inline(s.Text))
		case Delete:
			parts = append(parts, mdRemoved(s.Text))
		case Insert:
			parts = append(parts, mdAdded(s.Text))
		}
	}
	return strings.Join(parts, " ")
}

func mdRemoved(s string) string { return "[removed: ~~" + markdown.Inline(s) + "~~]" }
func mdAdded(s string) string   { return "[added: <ins>" + markdown.Inline(s) + "</ins>]" }
