package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
)

// A board is a gaps or actions listing as a paper for the governing body:
// what the Markdown and HTML formats write. It opens with a title naming
// the landlord, then the facts (the Code, the period, the day overdue
// actions are judged on, what is shown), a count, and the table; a listing
// of several assessments has a part for each, under its own heading, in
// place of the terminal's and the CSV's Landlord and File columns. Dates are
// written as the report writes them ("30 September 2025"), and every
// provision with its short title (the catalogue's title:).
type board struct {
	Title    string
	Facts    [][2]string
	Count    string
	Note     string // the requirement shown is csa's summary, where it is
	Class    string // the table's class: "gaps" or "actions"
	Caption  string // the table's caption, after the part's heading if any
	Header   []string
	Cols     []string // the colgroup's classes
	Parts    []boardPart
	Contents bool // a contents list: several parts
}

// boardPart is one assessment's rows. A board of one assessment has one
// part with no heading: the board's title and facts say which it is.
type boardPart struct {
	ID      string // its anchor: "assessment-2"
	Heading string
	Facts   [][2]string
	Count   string
	Empty   string // said in place of the table when there are no rows
	Rows    []boardRow
}

type boardRow struct {
	Class string // "overdue", "noplan"
	ID    string // the provision
	Title string // its short title, "" when the catalogue gives none
	Cells []boardCell
}

// boardCell is one cell: plain text, or labelled paragraphs (a plan's
// actions). Strong marks what the board must not miss (an overdue status,
// a gap with no plan); HTML also shades it.
type boardCell struct {
	Text   string
	Paras  []Paragraph
	Strong bool
	Class  string
}

// ProvisionLabel is a provision as the lists show it to a person: its
// number and its short title, "6.3 Stage 1 response within 10 working
// days", or the number alone when the catalogue gives no title.
func ProvisionLabel(id, title string) string {
	if title = oneLine(title); title != "" {
		return oneLine(id) + " " + title
	}
	return oneLine(id)
}

// listEntry is one assessment listed, with what the board says of it.
type listEntry struct {
	assessment.Entry
	key     entryKey
	heading string
}

type entryKey struct {
	landlord, file string
	assessed       assessment.Date
}

// listEntries orders the entries as the rows are ordered (landlord,
// ignoring case, then the assessed date, then the file) and heads each.
func listEntries(entries []assessment.Entry) []listEntry {
	var out []listEntry
	landlords := map[string]bool{}
	for _, e := range entries {
		if e.Assessment == nil {
			continue
		}
		a := e.Assessment
		landlords[a.Landlord] = true
		out = append(out, listEntry{Entry: e, key: entryKey{a.Landlord, a.File, a.Assessed}})
	}
	slices.SortStableFunc(out, func(x, y listEntry) int {
		return cmp.Or(strings.Compare(strings.ToLower(x.key.landlord), strings.ToLower(y.key.landlord)),
			strings.Compare(x.key.landlord, y.key.landlord),
			x.key.assessed.Time().Compare(y.key.assessed.Time()),
			strings.Compare(x.key.file, y.key.file))
	})
	for i := range out {
		out[i].heading = assessmentHeading(out[i].Entry, len(landlords) > 1)
	}
	return out
}

// assessmentHeading heads one assessment's part: "2024/25 self-assessment
// against the Complaint Handling Code 2024", after the landlord's name when
// several landlords are listed.
func assessmentHeading(e assessment.Entry, landlord bool) string {
	a := e.Assessment
	s := "self-assessment"
	if p := oneLine(a.Period); p != "" {
		s = p + " " + s
	} else if !a.Assessed.IsZero() {
		s += " of " + a.Assessed.Long()
	}
	s += " against the " + codeTitle(e)
	if l := oneLine(a.Landlord); landlord && l != "" {
		return l + ": " + s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// firstCode is the Code of the first entry, for the title of a board of
// one assessment.
func firstCode(entries []listEntry) string {
	if len(entries) == 0 {
		return "Code"
	}
	return codeTitle(entries[0].Entry)
}

func codeTitle(e assessment.Entry) string {
	if e.Catalogue != nil {
		return oneLine(e.Catalogue.Title)
	}
	return oneLine(e.Assessment.Code)
}

// codeFact is the Code as the facts name it: "Complaint Handling Code 2024
// (chc-2024)".
func codeFact(e assessment.Entry) string {
	if c := e.Catalogue; c != nil && c.ID != c.Title {
		return c.Title + " (" + c.ID + ")"
	}
	return codeTitle(e)
}

// titles looks up provisions' short titles in the listed catalogues.
type titles map[string]*codes.Catalogue

func titlesOf(entries []assessment.Entry) titles {
	t := titles{}
	for _, e := range entries {
		if e.Catalogue != nil {
			t[e.Catalogue.ID] = e.Catalogue
		}
	}
	return t
}

// of is the title of a provision of the catalogue with this id.
func (t titles) of(code, id string) string {
	if c := t[code]; c != nil {
		if p, ok := c.Provision(id); ok {
			return p.Title
		}
	}
	return ""
}

// head starts a board: its title (what is listed, and whose: one says
// what of one assessment, many what of several), the facts of a single
// assessment or the landlords of several, and the as-at date.
func head(entries []listEntry, asOf assessment.Date, one, many string) board {
	var b board
	var names []string
	for _, e := range entries {
		if l := oneLine(e.Assessment.Landlord); l != "" && !slices.Contains(names, l) {
			names = append(names, l)
		}
	}
	switch {
	case len(entries) == 1:
		e := entries[0]
		b.Title = one
		b.Facts = append(b.Facts, [2]string{"Code", codeFact(e.Entry)})
		if p := oneLine(e.Assessment.Period); p != "" {
			b.Facts = append(b.Facts, [2]string{"Period", p})
		}
		if !e.Assessment.Assessed.IsZero() {
			b.Facts = append(b.Facts, [2]string{"Assessed", e.Assessment.Assessed.Long()})
		}
	case len(names) > 1:
		b.Title = many + " of " + english.Count(len(names), "landlord")
		b.Facts = append(b.Facts, [2]string{"Landlords", strings.Join(names, "; ")})
	default:
		b.Title = many
	}
	if len(names) == 1 {
		b.Title = names[0] + ": " + b.Title
	}
	b.Title = strings.ToUpper(b.Title[:1]) + b.Title[1:]
	if !asOf.IsZero() {
		b.Facts = append(b.Facts, [2]string{"As at", asOf.Long()})
	}
	b.Contents = len(entries) > 1
	for i, e := range entries {
		part := boardPart{}
		if len(entries) > 1 {
			part.ID = "assessment-" + strconv.Itoa(i+1)
			part.Heading = e.heading
			if f := oneLine(e.Assessment.File); f != "" {
				part.Facts = append(part.Facts, [2]string{"File", f})
			}
			if !e.Assessment.Assessed.IsZero() {
				part.Facts = append(part.Facts, [2]string{"Assessed", e.Assessment.Assessed.Long()})
			}
		}
		b.Parts = append(b.Parts, part)
	}
	return b
}

// partOf finds the part of the entry a row belongs to.
func partOf(entries []listEntry, landlord, file string, assessed assessment.Date) int {
	for i, e := range entries {
		if e.key == (entryKey{landlord, file, assessed}) {
			return i
		}
	}
	return -1
}

// gapsHeader is the gaps table's header in the board formats.
var gapsHeader = []string{"Code provision", "Comply", "Requirement", "Plan"}

// gapsBoard is csa gaps' board: the gaps of each assessment with their
// plans.
func (g Gaps) board() board {
	entries := listEntries(g.Entries)
	b := head(entries, g.AsOf, "gaps against the "+firstCode(entries), "gaps in "+english.Count(len(entries), "self-assessment"))
	b.Class, b.Caption, b.Header = "gaps", "Gaps and their plans", gapsHeader
	b.Cols = []string{"c-prov", "c-comply", "c-req", "c-plan"}
	if g.Columns.Entity {
		// A group's: the entities each gap is for, after the provision.
		b.Header = slices.Insert(slices.Clone(gapsHeader), 1, "Entity")
		b.Cols = slices.Insert(b.Cols, 1, "c-entity")
	}
	if g.Entity != "" {
		b.Facts = append(b.Facts, [2]string{"Showing", "gaps for " + oneLine(g.Entity) + " (its own and the group's)"})
	}
	t := titlesOf(g.Entries)
	noPlan := make([]int, len(entries))
	counts := make([]int, len(entries))
	summaries := false
	for _, gap := range g.Gaps {
		i := partOf(entries, gap.Landlord, gap.File, gap.Assessed)
		if i < 0 {
			continue
		}
		counts[i]++
		row := boardRow{ID: gap.Provision, Title: t.of(gap.Code, gap.Provision)}
		if !gap.HasPlan() {
			row.Class = "noplan"
			noPlan[i]++
		}
		summaries = summaries || fromSummary(t, gap)
		row.Cells = []boardCell{
			{Text: gapComply(gap), Class: "comply gap"},
			{Text: trimText(gap.Requirement)},
			{Paras: planParagraphs(gap, g.AsOf)},
		}
		if g.Columns.Entity {
			row.Cells = slices.Insert(row.Cells, 0, boardCell{Text: assessment.EntityLabel(gap.Entities, gap.Every)})
		}
		b.Parts[i].Rows = append(b.Parts[i].Rows, row)
	}
	total, totalNoPlan := 0, 0
	for i := range b.Parts {
		total += counts[i]
		totalNoPlan += noPlan[i]
		if counts[i] == 0 {
			b.Parts[i].Empty = "No gaps: every provision on the form is answered yes or n/a."
		}
		if len(b.Parts) > 1 {
			b.Parts[i].Count = gapCount(counts[i], noPlan[i])
		}
	}
	b.Count = gapCount(total, totalNoPlan)
	if len(b.Parts) == 1 && total == 0 {
		b.Count = b.Parts[0].Empty
	} else if len(b.Parts) > 1 {
		b.Count = fmt.Sprintf("%s in %s, %d without a plan.", english.Count(total, "gap"), english.Count(len(b.Parts), "self-assessment"), totalNoPlan)
	}
	if summaries {
		b.Note = "Where the landlord has not given the Code's wording, the requirement shown is csa's one-sentence summary of the provision, not the text of the Code."
	}
	return b
}

func gapCount(n, noPlan int) string {
	if n == 0 {
		return "No gaps."
	}
	return fmt.Sprintf("%s, %d without a plan.", english.Count(n, "gap"), noPlan)
}

// fromSummary reports whether the requirement shown for a gap is csa's
// summary of the provision rather than the Code's or the landlord's words.
func fromSummary(t titles, g assessment.Gap) bool {
	if c := t[g.Code]; c != nil {
		if p, ok := c.Provision(g.Provision); ok {
			return p.Text == "" && p.Summary != "" && g.Requirement == p.Summary
		}
	}
	return false
}

// gapComply is a gap's answer as the board shows it.
func gapComply(g assessment.Gap) string {
	if !g.InFile {
		return "Not in the file"
	}
	return complyLabel(g.Comply)
}

// planParagraphs is a gap's plan: a paragraph per action, then the
// alternative, or the words "No plan".
func planParagraphs(g assessment.Gap, asOf assessment.Date) []Paragraph {
	var ps []Paragraph
	for _, act := range g.Actions {
		var about []string
		if o := oneLine(act.Owner); o != "" {
			about = append(about, o)
		}
		if !act.Due.IsZero() {
			about = append(about, "due "+act.Due.Long())
		}
		status := "open"
		if !act.IsOpen() {
			status = "done"
			if !act.Completed.IsZero() {
				status += " " + act.Completed.Long()
			}
		} else if days, ok := act.OverdueOn(asOf); ok {
			status = "overdue by " + english.Count(days, "day")
		}
		if act.Draft {
			status += ", draft, not yet agreed"
		}
		about = append(about, status)
		ps = append(ps, Paragraph{Text: trimText(act.Text) + " (" + strings.Join(about, ", ") + ")"})
	}
	if alt := trimText(g.Alternative); alt != "" {
		ps = append(ps, Paragraph{Label: "Alternative", Text: alt})
	}
	if !g.HasPlan() {
		ps = append(ps, Paragraph{Label: "No plan", Text: "no action with an owner and a due date, and no alternative"})
	}
	return ps
}

// actionsHeader is the action plan's header in the board formats, as the
// report's.
var actionsBoardHeader = []string{"Code provision", "Action", "Owner", "Due", "Status"}

// board is csa actions' board: the actions the filter kept, by assessment.
func (a Actions) board() board {
	entries := listEntries(a.Entries)
	b := head(entries, a.AsOf, "action plan for the "+firstCode(entries), "action plans of "+english.Count(len(entries), "self-assessment"))
	if shown := describeFilter(a.Filter); shown != "" {
		b.Facts = append(b.Facts, [2]string{"Showing", shown})
	}
	b.Class, b.Caption, b.Header = "actions", "Actions", actionsBoardHeader
	b.Cols = []string{"c-prov", "c-action", "c-owner", "c-date", "c-status"}
	if a.Columns.Entity {
		// A group's: the entity each action is for, after the provision.
		b.Header = slices.Insert(slices.Clone(actionsBoardHeader), 1, "Entity")
		b.Cols = slices.Insert(b.Cols, 1, "c-entity")
	}
	t := titlesOf(a.Entries)
	items := make([][]assessment.ActionItem, len(entries))
	for _, it := range a.Items {
		i := partOf(entries, it.Landlord, it.File, it.Assessed)
		if i < 0 {
			continue
		}
		items[i] = append(items[i], it)
		row := boardRow{ID: it.Provision, Title: t.of(it.Code, it.Provision)}
		status := boardCell{Text: StatusText(it)}
		if it.Overdue {
			row.Class, status.Strong, status.Class = "overdue", true, "overdue"
		}
		row.Cells = []boardCell{{Text: trimText(it.Text)}, {Text: trimText(it.Owner)}, {Text: it.Due.Long(), Class: "date"}, status}
		if a.Columns.Entity {
			row.Cells = slices.Insert(row.Cells, 0, boardCell{Text: actionEntity(it)})
		}
		b.Parts[i].Rows = append(b.Parts[i].Rows, row)
	}
	for i := range b.Parts {
		if len(items[i]) == 0 {
			b.Parts[i].Empty = "No actions match."
		}
		if len(b.Parts) > 1 {
			b.Parts[i].Count = actionCount(items[i], a.AsOf)
		}
	}
	b.Count = actionCount(a.Items, a.AsOf)
	if len(b.Parts) == 1 && len(a.Items) == 0 {
		b.Count = b.Parts[0].Empty
	}
	return b
}

// actionCount is "11 actions, 5 open, 3 overdue as at 1 October 2025."
func actionCount(items []assessment.ActionItem, asOf assessment.Date) string {
	if len(items) == 0 {
		return "No actions."
	}
	open, overdue := assessment.Tally(items)
	s := fmt.Sprintf("%s, %d open", english.Count(len(items), "action"), open)
	if !asOf.IsZero() {
		s += fmt.Sprintf(", %d overdue as at %s", overdue, asOf.Long())
	}
	return s + "."
}

// describeFilter says which actions a filter keeps, for the Showing fact:
// "open actions due by 31 October 2025 (overdue ones included), whose owner
// contains “complaints”". The zero filter, every action, says nothing.
func describeFilter(f assessment.ActionFilter) string {
	noun := "actions"
	switch {
	case f.Overdue || f.Status == assessment.Open || !f.DueBy.IsZero():
		noun = "open actions"
	case f.Status == assessment.Done:
		noun = "done actions"
	}
	var which []string
	if f.Overdue {
		which = append(which, "overdue as at "+f.AsOf.Long())
	}
	if !f.DueBy.IsZero() {
		which = append(which, "due by "+f.DueBy.Long()+" (overdue ones included)")
	}
	if o := oneLine(strings.TrimSpace(f.Owner)); o != "" {
		which = append(which, "whose owner contains \u201c"+o+"\u201d")
	}
	if e := oneLine(strings.TrimSpace(f.Entity)); e != "" {
		which = append(which, "for "+e+" (its own and the group's)")
	}
	if noun == "actions" && len(which) == 0 {
		return ""
	}
	return strings.TrimSpace(noun + " " + strings.Join(which, ", "))
}
