package diff

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/safetext"
)

// textWidth is where the text format wraps its lines.
const textWidth = 100

// WriteText writes the diff for a terminal: who and what was compared, the
// summary (counts per class, with the provisions in each), then the changes
// section by section. Word diffs are written as git writes them: [-removed-]
// and {+added+}. Lines wrap at 100 characters.
func WriteText(w io.Writer, d *Diff) error {
	bw := bufio.NewWriter(w)
	t := &textWriter{w: bw, d: d}
	t.header()
	if !d.Differs() {
		fmt.Fprintf(bw, "\nNo changes: the two assessments say the same.\n")
		return bw.Flush()
	}
	t.summary()
	t.details()
	return bw.Flush()
}

type textWriter struct {
	w *bufio.Writer
	d *Diff
}

// line writes prefix then text, wrapped, continuation lines indented to the
// width of indent. Text passes csa's output-safety policy (safetext.Line):
// no text can move the cursor, recolour the terminal or reorder the line.
func (t *textWriter) line(prefix, text string, indent int) {
	t.w.WriteString(strings.TrimRight(wrap(prefix, safetext.Line(text), indent, textWidth), " "))
	t.w.WriteByte('\n')
}

func wrap(prefix, text string, indent, width int) string {
	var b strings.Builder
	b.WriteString(prefix)
	col := len([]rune(prefix))
	first := true
	for _, word := range strings.Fields(text) {
		n := len([]rune(word))
		switch {
		case first:
		case col+1+n > width && col > indent:
			b.WriteByte('\n')
			b.WriteString(strings.Repeat(" ", indent))
			col = indent
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
		first = false
	}
	return b.String()
}

func (t *textWriter) header() {
	d := t.d
	title := cmp.Or(d.landlord(), "Assessments compared")
	if d.Old.Period != "" || d.New.Period != "" {
		title += ": " + orDash(d.Old.Period) + " → " + orDash(d.New.Period)
	}
	if !d.AsOf.IsZero() {
		title += ", as of " + d.AsOf.String()
	}
	t.line("", title, 0)
	for _, s := range []struct {
		label string
		side  Side
	}{{"old", d.Old}, {"new", d.New}} {
		t.line(fmt.Sprintf("  %s  ", s.label), s.side.File, 7)
		t.line("       ", describeSide(s.side), 7)
	}
	for _, f := range d.Fields {
		if f.Name == "landlord" {
			t.line("  landlord changed: ", orDash(f.Old)+" → "+orDash(f.New), 4)
		}
	}
	for _, e := range d.Entities {
		t.line("  "+entityChangeWord(e)+": ", e.Name, 4)
	}
	if note := lineageNote(d); note != "" {
		t.line("", note, 0)
	}
}

func describeSide(s Side) string {
	parts := []string{s.Code}
	if !s.Assessed.IsZero() {
		parts = append(parts, "assessed "+s.Assessed.String())
	}
	if s.Approved != nil {
		parts = append(parts, "approved by "+s.Approved.By+" on "+s.Approved.On.String())
	} else {
		parts = append(parts, "not approved")
	}
	return strings.Join(parts, ", ")
}

// orGroup names whose an action is: an entity's, or the group's.
func orGroup(entity string) string {
	if entity == "" {
		return "the group"
	}
	return entity
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// lineageNote explains how provisions were matched across Code versions.
func lineageNote(d *Diff) string {
	whose := "csa's lineage (the project's reading, not the Ombudsman's)"
	newer := d.New
	if d.Direction == lineage.Backward {
		newer = d.Old
	}
	if !newer.BuiltIn {
		whose = "the lineage in the " + newer.Code + " catalogue"
	}
	switch d.Direction {
	case lineage.Forward:
		return fmt.Sprintf("The Code changed from %s to %s: each %s provision is compared with the %s provisions it continues, "+
			"through %s, and with the weakest answer where it continues several. Low-confidence matches are marked. "+
			"A provision that now asks more can regress with no change in practice: each match's note says what changed.",
			d.Old.Code, d.New.Code, d.New.Code, d.Old.Code, whose)
	case lineage.Backward:
		return fmt.Sprintf("The new assessment is against an older Code (%s) than the old one (%s): provisions are matched "+
			"backwards through %s, and with the weakest answer where one continues several. "+
			"Low-confidence matches are marked.", d.New.Code, d.Old.Code, whose)
	}
	return ""
}

func (t *textWriter) summary() {
	d, s := t.d, t.d.Summary
	t.w.WriteString("\nSummary\n")
	for _, c := range Classes {
		if (c == New || c == Retired) && d.Direction == lineage.SameCode && s.Provisions[c] == 0 {
			continue
		}
		var ids []string
		if c != Unchanged {
			for i := range d.Provisions {
				if p := &d.Provisions[i]; p.Class == c {
					id := p.ID
					if c == Changed {
						id += " (" + answers(p) + ")"
					}
					ids = append(ids, id)
				}
			}
		}
		list := strings.Join(ids, " ")
		if c == New && s.NewGaps > 0 {
			list += " (gaps: " + strings.Join(newGaps(d), " ") + ")"
		}
		if c == Retired && list != "" {
			list += " (" + d.Old.Code + ")"
		}
		t.line(fmt.Sprintf("  %-10s %3d  ", c, s.Provisions[c]), list, 18)
	}
	gapLine := fmt.Sprintf("%d last year, %d this year", s.GapsBefore, s.GapsNow)
	if len(s.Opened) > 0 {
		gapLine += "; not a gap last year: " + strings.Join(s.Opened, " ")
	}
	t.line("  gaps       ", gapLine, 13)
	if line := entitySummary(d); line != "" {
		t.line("  entities   ", line, 13)
	}
	t.line("  text       ", textCounts(s), 13)
	var counts []string
	for _, k := range ActionKinds {
		counts = append(counts, fmt.Sprintf("%d %s", s.Actions[k], k))
	}
	counts = append(counts, fmt.Sprintf("%d newly overdue", s.NewlyOverdue))
	t.line("  actions    ", strings.Join(counts, ", "), 13)
	for _, k := range []ActionKind{Dropped, Slipped, Completed, Reopened} {
		if s.Actions[k] == 0 {
			continue
		}
		var where []string
		for _, p := range d.Provisions {
			for _, a := range p.Actions {
				if a.Kind == k {
					where = append(where, actionWhere(d, p, a))
				}
			}
		}
		t.line(fmt.Sprintf("    %-9s  ", k), strings.Join(where, "; "), 15)
	}
	if s.NewlyOverdue > 0 {
		var where []string
		for _, p := range d.Provisions {
			for _, a := range p.Actions {
				if a.NewlyOverdue {
					where = append(where, fmt.Sprintf("%s (%s)", p.ID, english.Count(a.OverdueDays, "day")))
				}
			}
		}
		t.line("    overdue    ", strings.Join(where, "; "), 15)
	}
}

// actionWhere names an action's provision for a summary line.
func actionWhere(d *Diff, p Provision, a Action) string {
	id := p.ID
	if a.Kind == Dropped && (p.Class == Retired || d.Direction != lineage.SameCode) {
		id = a.OldProvision + " (" + d.Old.Code + ")"
	}
	if a.Kind == Slipped {
		id += fmt.Sprintf(" (%s later)", english.Count(a.SlipDays, "day"))
	}
	return id
}

// textCounts says for how many provisions each text changed.
func textCounts(s Summary) string {
	out := fmt.Sprintf("evidence changed for %s, commentary for %d", english.Count(s.EvidenceChanged, "provision"), s.CommentaryChanged)
	if s.AlternativeChanged > 0 {
		out += fmt.Sprintf(", alternative for %d", s.AlternativeChanged)
	}
	if s.RequirementChanged > 0 {
		out += fmt.Sprintf(", requirement wording for %d", s.RequirementChanged)
	}
	return out
}

func newGaps(d *Diff) []string {
	var ids []string
	for _, p := range d.Provisions {
		if p.Class == New && p.New.IsGap() {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

func (t *textWriter) details() {
	d := t.d
	d.eachShown(func(p *Provision) {
		t.w.WriteString("\n")
		t.line("", sectionHeading(p), 0)
	}, func() {
		t.w.WriteString("\n")
		t.line("", fmt.Sprintf("Retired: %s provisions with no successor in %s", d.Old.Code, d.New.Code), 0)
	}, t.provision)
}

// landlord is whose assessments the diff compares: this year's landlord,
// else last year's.
func (d *Diff) landlord() string { return cmp.Or(d.New.Landlord, d.Old.Landlord) }

// eachShown walks the provisions a rendering shows, in order: section
// starts each section of the newer Code's, retired starts the old Code's
// provisions with no successor (after them), and provision each provision.
func (d *Diff) eachShown(section func(*Provision), retired func(), provision func(*Provision)) {
	current, inRetired := -1, false
	for i := range d.Provisions {
		p := &d.Provisions[i]
		if !p.Shown() {
			continue
		}
		if p.Class == Retired && !inRetired {
			inRetired = true
			retired()
		}
		if p.Class != Retired && p.Section != current {
			current = p.Section
			section(p)
		}
		provision(p)
	}
}

func sectionHeading(p *Provision) string {
	if p.SectionTitle == "" {
		return fmt.Sprintf("Section %d", p.Section)
	}
	return fmt.Sprintf("Section %d: %s", p.Section, p.SectionTitle)
}

const detailIndent = 8

func (t *textWriter) provision(p *Provision) {
	d := t.d
	head := answerChange(p)
	if p.LowConfidence() {
		head += " (low-confidence match)"
	}
	t.line(fmt.Sprintf("  %-5s ", p.ID), head, detailIndent)
	pad := strings.Repeat(" ", detailIndent)
	if about := newOrRetired(d, p); about != "" {
		t.line(pad, about, detailIndent)
	}
	if d.Direction != lineage.SameCode {
		for _, m := range p.Matches {
			t.line(pad+"continues ", matchText(d, p, m), detailIndent+2)
		}
	}
	t.text(pad, textName(d, p, "evidence", p.Evidence), p.Evidence, p.Class)
	t.text(pad, textName(d, p, "commentary", p.Commentary), p.Commentary, p.Class)
	t.text(pad, textName(d, p, "alternative", p.Alternative), p.Alternative, p.Class)
	if p.RequirementChanged {
		t.line(pad, requirementNote, detailIndent+2)
	}
	for i := range p.Entities {
		e := &p.Entities[i]
		if !e.HasChanges() {
			continue
		}
		t.line(pad+"for "+safetext.Line(e.Name)+": ", entityAnswerChange(e), detailIndent+2)
		t.text(pad+"  ", e.Name+"'s evidence", e.Evidence, e.Class)
		t.text(pad+"  ", e.Name+"'s commentary", e.Commentary, e.Class)
		t.text(pad+"  ", e.Name+"'s alternative", e.Alternative, e.Class)
	}
	for _, a := range p.Actions {
		t.line(pad, actionText(d, p, a), detailIndent+2)
	}
}

// entityChangeWord says what became of an entity: "entity added".
func entityChangeWord(e EntityChange) string {
	if e.Added {
		return "entity added"
	}
	return "entity removed"
}

// entityAnswerChange is an entity's answer as the provision's is shown:
// "improved: Partial → Yes".
func entityAnswerChange(e *EntityAnswer) string {
	switch e.Class {
	case Unchanged:
		return "unchanged: " + label(e.New)
	case New:
		return "entity added, its own answer: " + label(e.New)
	case Retired:
		return "entity removed, its own answer last year: " + label(e.Old)
	}
	return string(e.Class) + ": " + label(e.Old) + " → " + label(e.New)
}

// entitySummary is a group's summary line: entities added and removed,
// and the entities' own answers that moved ("added Moorside Housing
// Association; Calder Vale Living improved on 1.4"); "" when there is
// nothing of the kind.
func entitySummary(d *Diff) string {
	var parts []string
	for _, e := range d.Entities {
		if e.Added {
			parts = append(parts, "added "+e.Name)
		} else {
			parts = append(parts, "removed "+e.Name)
		}
	}
	for i := range d.Provisions {
		for _, e := range d.Provisions[i].Entities {
			if e.Class != Unchanged && e.Class != New && e.Class != Retired {
				parts = append(parts, e.Name+" "+string(e.Class)+" on "+d.Provisions[i].ID)
			}
		}
	}
	return strings.Join(parts, "; ")
}

// requirementNote says that the landlord's copy of the Code's wording changed;
// the wording itself is not the assessment's, so it is not diffed.
const requirementNote = "requirement: the landlord's copy of the Code's wording changed"

// newOrRetired says what a new or retired provision is about.
func newOrRetired(d *Diff, p *Provision) string {
	var s string
	switch p.Class {
	case New:
		s = "New in " + d.New.Code
	case Retired:
		s = "No successor in " + d.New.Code
	default:
		return ""
	}
	if p.Summary == "" {
		return s + "."
	}
	return s + ": " + p.Summary
}

// answerChange is "improved: Partial → Yes", "new: No", "retired: was N/A".
func answerChange(p *Provision) string { return string(p.Class) + ": " + answers(p) }

// answers is "Partial → Yes" for a change, the one answer otherwise.
func answers(p *Provision) string {
	switch p.Class {
	case New, Unchanged:
		return label(p.New)
	case Retired:
		return "was " + label(p.Old)
	}
	return label(p.Old) + " → " + label(p.New)
}

func label(c assessment.Comply) string {
	if c == assessment.Unanswered {
		return "no answer"
	}
	return c.Label()
}

// matchText describes one old provision a provision continues.
func matchText(d *Diff, p *Provision, m Match) string {
	s := fmt.Sprintf("%s %s (%s, %s confidence", d.Old.Code, m.ID, label(m.Answer), m.Confidence)
	if len(p.Matches) > 1 && m.ID == p.Base {
		s += "; the answer compared"
	}
	s += ")"
	if m.Note != "" {
		s += ": " + strings.TrimSuffix(m.Note, ".")
	}
	return s
}

// textName names a text field, and the old provision its text came from
// when that is not the one the answer was compared with.
func textName(d *Diff, p *Provision, name string, x Text) string {
	if x.Changed && x.From != "" && x.From != p.Base {
		return fmt.Sprintf("%s (against %s %s)", name, d.Old.Code, x.From)
	}
	return name
}

func (t *textWriter) text(pad, name string, x Text, class Class) {
	switch {
	case class == New && strings.TrimSpace(x.New) != "":
		t.line(pad+name+": ", strings.Join(strings.Fields(x.New), " "), detailIndent+2)
	case class == Retired && strings.TrimSpace(x.Old) != "":
		t.line(pad+name+": ", strings.Join(strings.Fields(x.Old), " "), detailIndent+2)
	case x.Changed:
		t.line(pad+name+": ", textSpans(x.Words), detailIndent+2)
	}
}

// textSpans writes a word diff as git's --word-diff=plain does.
func textSpans(spans []Span) string {
	var b strings.Builder
	for i, s := range spans {
		if i > 0 && !(spans[i-1].Op == Delete && s.Op == Insert) {
			b.WriteByte(' ')
		}
		switch s.Op {
		case Equal:
			b.WriteString(s.Text)
		case Delete:
			b.WriteString("[-" + s.Text + "-]")
		case Insert:
			b.WriteString("{+" + s.Text + "+}")
		}
	}
	return b.String()
}

// actionWhat says what became of an action: "action slipped 3 days",
// "action dropped", ", newly overdue (2 days)" after either.
func actionWhat(a Action) string {
	var what string
	switch a.Kind {
	case Slipped:
		what = "action slipped " + english.Count(a.SlipDays, "day")
	case Kept:
		what = "action"
	default:
		what = "action " + string(a.Kind)
	}
	if a.NewlyOverdue {
		what += ", newly overdue (" + english.Count(a.OverdueDays, "day") + ")"
	}
	return what
}

func actionText(d *Diff, p *Provision, a Action) string {
	what := actionWhat(a)
	text := ""
	switch {
	case a.Wording != nil:
		text = textSpans(a.Wording)
	case a.New != nil:
		text = a.New.Text
	default:
		text = a.Old.Text
	}
	return what + ": " + strings.Join(strings.Fields(text), " ") + " (" + strings.Join(actionFacts(d, p, a, assessment.Date.String), "; ") + ")"
}

// actionFacts are the owner, dates and origin of an action, as every format
// shows them, each date written by date ("" for none).
func actionFacts(d *Diff, p *Provision, a Action, date func(assessment.Date) string) []string {
	var facts []string
	cur := a.New
	if cur == nil {
		cur = a.Old
	}
	owner := strings.TrimSpace(cur.Owner)
	if a.Old != nil && a.New != nil && strings.TrimSpace(a.Old.Owner) != owner {
		facts = append(facts, "owner "+orDash(strings.TrimSpace(a.Old.Owner))+" → "+orDash(owner))
	} else if owner != "" {
		facts = append(facts, owner)
	} else {
		facts = append(facts, "no owner")
	}
	switch {
	case a.Old != nil && a.New != nil && a.Old.Due != a.New.Due:
		facts = append(facts, "due "+orDash(date(a.Old.Due))+" → "+orDash(date(a.New.Due)))
	case a.Kind == Dropped && !cur.Due.IsZero():
		facts = append(facts, "was due "+date(cur.Due))
	case !cur.Due.IsZero():
		facts = append(facts, "due "+date(cur.Due))
	default:
		facts = append(facts, "no due date")
	}
	if !cur.IsOpen() {
		if cur.Completed.IsZero() {
			facts = append(facts, "done")
		} else {
			facts = append(facts, "done "+date(cur.Completed))
		}
	}
	if a.Kind == Reopened {
		facts = append(facts, "done last year")
	}
	if a.Kind == Dropped {
		facts = append(facts, "open last year, not in this year's plan")
	}
	switch {
	case a.Old != nil && a.New != nil && a.OldEntity != a.NewEntity:
		facts = append(facts, "for "+orGroup(a.OldEntity)+" → "+orGroup(a.NewEntity))
	case a.New != nil && a.NewEntity != "":
		facts = append(facts, "for "+a.NewEntity)
	case a.New == nil && a.EntityRemoved:
		facts = append(facts, "for "+a.OldEntity+", no longer listed")
	case a.New == nil && a.OldEntity != "":
		facts = append(facts, "for "+a.OldEntity)
	}
	if a.Old != nil && a.New != nil && (a.Moved || d.Direction != lineage.SameCode || a.OldProvision != a.NewProvision) {
		from := "from " + a.OldProvision
		if d.Direction != lineage.SameCode {
			from = "from " + d.Old.Code + " " + a.OldProvision
		}
		if a.Moved {
			from = "moved " + from
		}
		facts = append(facts, from)
	}
	return facts
}
