package diff

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/markdown"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/internal/english"
)

// WriteMarkdown writes the diff as Markdown for a board paper or a
// pull-request comment: a heading, the two assessments side by side, the
// summary as two tables (provisions, actions), then the changes section by
// section as lists. Word diffs are ~~removed~~ **added**. Everything taken
// from the assessments is escaped, so it cannot break a table or turn into a
// link, emphasis or HTML.
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
	title := cmp.Or(d.landlord(), "Self-assessment")
	title += ": what changed"
	if d.Old.Period != "" || d.New.Period != "" {
		title += ", " + orDash(d.Old.Period) + " to " + orDash(d.New.Period)
	}
	m.printf("## %s\n\n", markdown.Inline(title))
	rows := [][]string{
		{"File", markdown.Inline(d.Old.File), markdown.Inline(d.New.File)},
		{"Code", markdown.Inline(d.Old.CodeTitle + " (" + d.Old.Code + ")"), markdown.Inline(d.New.CodeTitle + " (" + d.New.Code + ")")},
	}
	if d.Old.Landlord != d.New.Landlord {
		rows = append(rows, []string{"Landlord", markdown.Inline(d.Old.Landlord), markdown.Inline(d.New.Landlord)})
	}
	rows = append(rows,
		[]string{"Period", markdown.Inline(d.Old.Period), markdown.Inline(d.New.Period)},
		[]string{"Assessed", d.Old.Assessed.Long(), d.New.Assessed.Long()},
		[]string{"Approved", mdApproval(d.Old.Approved), mdApproval(d.New.Approved)},
	)
	if len(d.Old.Entities)+len(d.New.Entities) > 0 {
		// Each year's entities, those listed one year only marked.
		list := func(names []string, mark string, other []string) string {
			var out []string
			for _, n := range names {
				t := markdown.Inline(n)
				if !slices.Contains(other, n) {
					t += " (" + mark + ")"
				}
				out = append(out, t)
			}
			return orDash(strings.Join(out, ", "))
		}
		rows = append(rows, []string{"Entities", list(d.Old.Entities, "removed", d.New.Entities), list(d.New.Entities, "added", d.Old.Entities)})
	}
	markdown.Table(m.b, []string{"", "Last year", "This year"}, nil, rows)
	if !d.AsOf.IsZero() {
		m.printf("\nOverdue actions are as of %s.", d.AsOf.Long())
		if note := lineageNote(d); note != "" {
			m.printf(" %s", markdown.Inline(note))
		}
		m.printf("\n")
	} else if note := lineageNote(d); note != "" {
		m.printf("\n%s\n", markdown.Inline(note))
	}
}

func mdApproval(a *assessment.Approval) string {
	if a == nil {
		return "not recorded"
	}
	return markdown.Inline(a.By) + ", " + a.On.Long()
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
	d, s := m.d, m.d.Summary
	m.printf("\n### Summary\n\n")
	var rows [][]string
	for _, c := range Classes {
		caption := classCaption[c]
		switch c {
		case New:
			if d.Direction == lineage.SameCode && s.Provisions[c] == 0 {
				continue
			}
			caption = "New in " + d.New.Code + " (no predecessor)"
		case Retired:
			if d.Direction == lineage.SameCode && s.Provisions[c] == 0 {
				continue
			}
			caption = "Retired from " + d.Old.Code + " (no successor)"
		}
		var ids []string
		if c != Unchanged {
			for i := range d.Provisions {
				if p := &d.Provisions[i]; p.Class == c {
					id := markdown.Inline(p.ID)
					switch {
					case c == New && p.New.IsGap():
						id = "**" + id + "** (" + p.New.Label() + ")"
					case c == Changed:
						id += " (" + markdown.Inline(answers(p)) + ")"
					}
					ids = append(ids, id)
				}
			}
		}
		rows = append(rows, []string{markdown.Inline(caption), fmt.Sprint(s.Provisions[c]), strings.Join(ids, ", ")})
	}
	markdown.Table(m.b, []string{"Provisions", "Count", "Which"}, []bool{false, true, false}, rows)
	m.printf("\nGaps (answered no or partial): %d last year, %d this year.", s.GapsBefore, s.GapsNow)
	if len(s.Opened) > 0 {
		var ids []string
		for _, id := range s.Opened {
			ids = append(ids, markdown.Inline(id))
		}
		m.printf(" Not a gap last year: %s.", strings.Join(ids, ", "))
	}
	t := textCounts(s)
	m.printf(" %s.", strings.ToUpper(t[:1])+t[1:])
	if line := entitySummary(d); line != "" {
		m.printf(" Entities: %s.", markdown.Inline(line))
	}
	m.printf("\n\n")

	rows = nil
	for _, k := range ActionKinds {
		var where []string
		for _, p := range d.Provisions {
			for _, a := range p.Actions {
				if a.Kind == k {
					where = append(where, markdown.Inline(actionWhere(d, p, a)))
				}
			}
		}
		rows = append(rows, []string{markdown.Inline(actionCaption[k]), fmt.Sprint(s.Actions[k]), strings.Join(where, ", ")})
	}
	var overdue []string
	for _, p := range d.Provisions {
		for _, a := range p.Actions {
			if a.NewlyOverdue {
				overdue = append(overdue, markdown.Inline(fmt.Sprintf("%s (%s)", p.ID, english.Count(a.OverdueDays, "day"))))
			}
		}
	}
	rows = append(rows, []string{"Newly overdue", fmt.Sprint(s.NewlyOverdue), strings.Join(overdue, ", ")})
	markdown.Table(m.b, []string{"Actions", "Count", "Which"}, []bool{false, true, false}, rows)
}

func (m *mdWriter) details() {
	d := m.d
	m.printf("\n### Changes by section\n")
	d.eachShown(func(p *Provision) {
		m.printf("\n#### %s\n\n", markdown.Inline(sectionHeading(p)))
	}, func() {
		m.printf("\n#### Retired: %s provisions with no successor in %s\n\n", markdown.Inline(d.Old.Code), markdown.Inline(d.New.Code))
	}, m.provision)
}

func (m *mdWriter) provision(p *Provision) {
	d := m.d
	m.printf("- **%s %s:** %s.", markdown.Inline(p.ID), p.Class, markdown.Inline(answers(p)))
	if p.LowConfidence() {
		m.printf(" *Low-confidence match.*")
	}
	if about := newOrRetired(d, p); about != "" {
		m.printf(" %s", markdown.Inline(about))
	}
	if d.Direction != lineage.SameCode && len(p.Matches) > 0 {
		var ms []string
		for _, x := range p.Matches {
			ms = append(ms, matchText(d, p, x))
		}
		m.printf(" Continues %s.", markdown.Inline(strings.Join(ms, "; ")))
	}
	m.printf("\n")
	for _, f := range []struct {
		name string
		x    Text
	}{
		{textName(d, p, "Evidence", p.Evidence), p.Evidence},
		{textName(d, p, "Commentary", p.Commentary), p.Commentary},
		{textName(d, p, "Alternative", p.Alternative), p.Alternative},
	} {
		switch {
		case p.Class == New && strings.TrimSpace(f.x.New) != "":
			m.printf("  - %s: %s\n", markdown.Inline(f.name), markdown.Inline(f.x.New))
		case p.Class == Retired && strings.TrimSpace(f.x.Old) != "":
			m.printf("  - %s: %s\n", markdown.Inline(f.name), markdown.Inline(f.x.Old))
		case f.x.Changed:
			m.printf("  - %s: %s\n", markdown.Inline(f.name), mdSpans(f.x.Words))
		}
	}
	if p.RequirementChanged {
		m.printf("  - %s\n", markdown.Inline(strings.ToUpper(requirementNote[:1])+requirementNote[1:]))
	}
	for i := range p.Entities {
		e := &p.Entities[i]
		if !e.HasChanges() {
			continue
		}
		m.printf("  - For %s: %s.\n", markdown.Inline(e.Name), markdown.Inline(entityAnswerChange(e)))
		for _, f := range []struct {
			name string
			x    Text
		}{{"Evidence", e.Evidence}, {"Commentary", e.Commentary}, {"Alternative", e.Alternative}} {
			if f.x.Changed {
				m.printf("    - %s: %s\n", markdown.Inline(f.name), mdSpans(f.x.Words))
			}
		}
	}
	for _, a := range p.Actions {
		m.printf("  - %s\n", mdAction(d, p, a))
	}
}

func mdAction(d *Diff, p *Provision, a Action) string {
	what := actionWhat(a)
	what = strings.ToUpper(what[:1]) + what[1:]
	if a.Kind == Dropped || a.Kind == Slipped || a.NewlyOverdue {
		what = "**" + what + "**"
	}
	var text string
	switch {
	case a.Wording != nil:
		text = mdSpans(a.Wording)
	case a.New != nil:
		text = markdown.Inline(a.New.Text)
	default:
		text = markdown.Inline(a.Old.Text)
	}
	return what + ": " + text + " (" + markdown.Inline(strings.Join(actionFacts(d, p, a), "; ")) + ")"
}

// mdSpans writes a word diff: ~~removed~~ **added**.
func mdSpans(spans []Span) string {
	var parts []string
	for _, s := range spans {
		switch s.Op {
		case Equal:
			parts = append(parts, markdown.Inline(s.Text))
		case Delete:
			parts = append(parts, "~~"+markdown.Inline(s.Text)+"~~")
		case Insert:
			parts = append(parts, "**"+markdown.Inline(s.Text)+"**")
		}
	}
	return strings.Join(parts, " ")
}
