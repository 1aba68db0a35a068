package diff

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/internal/english"
)

// What the Markdown and HTML formats share: they are papers for a board
// (or a pull request), so they open with a title and the facts (the
// landlord, the Code, the as-at date), write dates as the report does ("30
// September 2025"), name each provision with its short title, and show a
// changed text in pieces (Pieces): kept, edited word by word, or rewritten
// and shown whole, with added and removed text marked in words as well as
// in styling.

// paperTitle is "Millbrook Homes: what changed, 2023/24 to 2024/25"; the
// period once when both are the same (a draft against the final version).
func (d *Diff) paperTitle() string {
	title := cmp.Or(d.landlord(), "Self-assessment") + ": what changed"
	switch {
	case d.Old.Period == d.New.Period && d.New.Period != "":
		title += ", " + d.New.Period
	case d.Old.Period != "" || d.New.Period != "":
		title += ", " + orDash(d.Old.Period) + " to " + orDash(d.New.Period)
	}
	return title
}

// paperFacts are the lines under the title: the landlord, the Code (or the
// two), the as-at date.
func (d *Diff) paperFacts() [][2]string {
	landlord := d.landlord()
	if d.Old.Landlord != d.New.Landlord {
		landlord = orDash(d.Old.Landlord) + " to " + orDash(d.New.Landlord)
	}
	code := codeName(d.New)
	if d.Old.Code != d.New.Code {
		code = codeName(d.Old) + " to " + codeName(d.New)
	}
	facts := [][2]string{{"Landlord", landlord}, {"Code", code}}
	if !d.AsOf.IsZero() {
		facts = append(facts, [2]string{"As at", d.AsOf.Long()})
	}
	return facts
}

func codeName(s Side) string {
	if s.CodeTitle == "" || s.CodeTitle == s.Code {
		return s.Code
	}
	return s.CodeTitle + " (" + s.Code + ")"
}

// sidesHeader and sideRows are the table of the two assessments.
var sidesHeader = []string{"Assessment", "Last year", "This year"}

func (d *Diff) sideRows() [][3]string {
	rows := [][3]string{
		{"File", d.Old.File, d.New.File},
		{"Code", codeName(d.Old), codeName(d.New)},
	}
	if d.Old.Landlord != d.New.Landlord {
		rows = append(rows, [3]string{"Landlord", d.Old.Landlord, d.New.Landlord})
	}
	rows = append(rows,
		[3]string{"Period", d.Old.Period, d.New.Period},
		[3]string{"Assessed", d.Old.Assessed.Long(), d.New.Assessed.Long()},
		[3]string{"Approved", approvalLong(d.Old.Approved), approvalLong(d.New.Approved)})
	if len(d.Old.Entities)+len(d.New.Entities) > 0 {
		// A group's: each year's entities, those listed one year only
		// marked.
		list := func(names []string, mark string, other []string) string {
			var out []string
			for _, n := range names {
				if !slices.Contains(other, n) {
					n += " (" + mark + ")"
				}
				out = append(out, n)
			}
			return orDash(strings.Join(out, ", "))
		}
		rows = append(rows, [3]string{"Entities", list(d.Old.Entities, "removed", d.New.Entities), list(d.New.Entities, "added", d.Old.Entities)})
	}
	return rows
}

func approvalLong(a *assessment.Approval) string {
	if a == nil {
		return "not recorded"
	}
	return strings.TrimSuffix(a.By+", "+a.On.Long(), ", ")
}

// label is a provision as a paper names it: "6.3 Stage 1 response within 10
// working days"; a retired one by the old Code's title.
func (d *Diff) label(p *Provision) string {
	return report.ProvisionLabel(p.ID, d.Title(p.Class == Retired, p.ID))
}

// anchor is the id of a provision's entry in the changes: provision-6.3,
// or retired-4.3 for a provision of the old Code with no successor.
func anchor(p *Provision) string {
	prefix := "provision-"
	if p.Class == Retired {
		prefix = "retired-"
	}
	var b strings.Builder
	b.WriteString(prefix)
	for _, c := range p.ID {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' {
			b.WriteRune(c)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

// An item is one provision (or action) named in a summary row.
type item struct {
	Text   string
	Strong bool   // a new provision that is a gap
	Anchor string // where its change is told, "" when it is not
}

// A summaryRow is one line of a summary table: the class or the kind of
// change, how many, and which.
type summaryRow struct {
	Caption string
	Count   int
	Items   []item
}

// classRows are the summary of the provisions, class by class.
func (d *Diff) classRows() []summaryRow {
	var rows []summaryRow
	for _, c := range Classes {
		caption := classCaption[c]
		switch c {
		case New:
			if d.Direction == lineage.SameCode && d.Summary.Provisions[c] == 0 {
				continue
			}
			caption = "New in " + d.New.Code + " (no predecessor)"
		case Retired:
			if d.Direction == lineage.SameCode && d.Summary.Provisions[c] == 0 {
				continue
			}
			caption = "Retired from " + d.Old.Code + " (no successor)"
		}
		row := summaryRow{Caption: caption, Count: d.Summary.Provisions[c]}
		if c != Unchanged {
			for i := range d.Provisions {
				p := &d.Provisions[i]
				if p.Class != c {
					continue
				}
				it := item{Text: d.label(p)}
				switch {
				case c == New && p.New.IsGap():
					it.Text += " (" + p.New.Label() + ")"
					it.Strong = true
				case c == Changed:
					it.Text += " (" + answers(p) + ")"
				}
				if p.Shown() {
					it.Anchor = anchor(p)
				}
				row.Items = append(row.Items, it)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// actionRows are the summary of the action plan, kind by kind, then the
// newly overdue.
func (d *Diff) actionRows() []summaryRow {
	var rows []summaryRow
	for _, k := range ActionKinds {
		row := summaryRow{Caption: actionCaption[k], Count: d.Summary.Actions[k]}
		for i := range d.Provisions {
			p := &d.Provisions[i]
			for _, a := range p.Actions {
				if a.Kind == k {
					row.Items = append(row.Items, item{Text: d.actionWhere(p, a), Anchor: anchor(p)})
				}
			}
		}
		rows = append(rows, row)
	}
	row := summaryRow{Caption: "Newly overdue", Count: d.Summary.NewlyOverdue}
	for i := range d.Provisions {
		p := &d.Provisions[i]
		for _, a := range p.Actions {
			if a.NewlyOverdue {
				row.Items = append(row.Items, item{Text: d.label(p) + " (" + english.Count(a.OverdueDays, "day") + ")", Anchor: anchor(p)})
			}
		}
	}
	return append(rows, row)
}

// actionWhere names an action's provision in a summary: a dropped action by
// the old Code's provision it was under, a slipped one with how much later.
func (d *Diff) actionWhere(p *Provision, a Action) string {
	where := d.label(p)
	if a.Kind == Dropped && (p.Class == Retired || d.Direction != lineage.SameCode) {
		where = report.ProvisionLabel(a.OldProvision, d.Title(true, a.OldProvision)) + " (" + d.Old.Code + ")"
	}
	if a.Kind == Slipped {
		where += fmt.Sprintf(" (%s later)", english.Count(a.SlipDays, "day"))
	}
	return where
}

// gapsSentence is the line on gaps and texts under the summary of the
// provisions; opened lists the gaps that were not gaps last year.
func (d *Diff) gapsSentence() (sentence string, opened []string) {
	s := d.Summary
	sentence = fmt.Sprintf("Gaps (answered no or partial): %d last year, %d this year. ", s.GapsBefore, s.GapsNow)
	t := textCounts(s)
	sentence += strings.ToUpper(t[:1]) + t[1:] + "."
	if line := entitySummary(d); line != "" {
		sentence += " Entities: " + line + "."
	}
	for _, id := range s.Opened {
		opened = append(opened, report.ProvisionLabel(id, d.Title(false, id)))
	}
	return sentence, opened
}

// status is a provision's change as the papers say it: "Regressed: Yes →
// Partial", "New: No", "Retired: was N/A".
func status(p *Provision) string {
	return strings.ToUpper(string(p.Class[:1])) + string(p.Class[1:]) + ": " + answers(p)
}

// continues describes the old provisions a provision continues, each with
// its title: "chc-2022 1.3 No need to say "complaint"; third parties (Yes,
// high confidence; the answer compared): Same rule, ...".
func (d *Diff) continues(p *Provision) string {
	var ms []string
	for _, m := range p.Matches {
		s := fmt.Sprintf("%s %s (%s, %s confidence", d.Old.Code, report.ProvisionLabel(m.ID, d.Title(true, m.ID)), label(m.Answer), m.Confidence)
		if len(p.Matches) > 1 && m.ID == p.Base {
			s += "; the answer compared"
		}
		s += ")"
		if m.Note != "" {
			s += ": " + strings.TrimSuffix(m.Note, ".")
		}
		ms = append(ms, s)
	}
	return "Continues " + strings.Join(ms, "; ") + "."
}

// A field is one text of a provision as the papers show it: its name and,
// for a provision on both sides, its pieces; for a new or retired one, its
// text alone.
type field struct {
	Name   string
	Text   string  // the text of a new or a retired provision, shown as it is
	Pieces []Piece // the change, when the text changed
}

// fields are the texts of a provision a paper shows.
func (d *Diff) fields(p *Provision) []field {
	var out []field
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
			out = append(out, field{Name: f.name, Text: f.x.New})
		case p.Class == Retired && strings.TrimSpace(f.x.Old) != "":
			out = append(out, field{Name: f.name, Text: f.x.Old})
		case f.x.Changed:
			out = append(out, field{Name: f.name, Pieces: Pieces(f.x.Old, f.x.New)})
		}
	}
	// A group's: each entity whose own answer or texts changed.
	for i := range p.Entities {
		e := &p.Entities[i]
		if !e.HasChanges() {
			continue
		}
		change := entityAnswerChange(e)
		out = append(out, field{Name: "For " + e.Name, Text: strings.ToUpper(change[:1]) + change[1:]})
		for _, f := range []struct {
			name string
			x    Text
		}{{"evidence", e.Evidence}, {"commentary", e.Commentary}, {"alternative", e.Alternative}} {
			if f.x.Changed {
				out = append(out, field{Name: e.Name + "'s " + f.name, Pieces: Pieces(f.x.Old, f.x.New)})
			}
		}
	}
	return out
}

// wholeName heads a field changed throughout: "Evidence, rewritten",
// "Commentary, added", "Alternative, removed".
func wholeName(f field) string {
	p := f.Pieces[0]
	switch {
	case strings.TrimSpace(p.Old) == "":
		return f.Name + ", added"
	case strings.TrimSpace(p.New) == "":
		return f.Name + ", removed"
	}
	return f.Name + ", rewritten"
}

// actionHead says what became of an action, capitalised: "Action dropped".
func actionHead(a Action) string {
	what := actionWhat(a)
	return strings.ToUpper(what[:1]) + what[1:]
}

// actionPieces is an action's wording: its change in pieces when it was
// reworded, else its text as one kept piece.
func actionPieces(a Action) []Piece {
	switch {
	case a.Wording != nil:
		return Pieces(a.Old.Text, a.New.Text)
	case a.New != nil:
		return []Piece{{Kind: Same, Text: a.New.Text}}
	}
	return []Piece{{Kind: Same, Text: a.Old.Text}}
}
