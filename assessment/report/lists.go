package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/table"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/format"
)

// ListColumns says which columns a gaps or actions listing needs to tell
// its rows apart when it covers many assessments.
type ListColumns struct {
	Landlord bool // more than one landlord
	File     bool // some landlord has more than one file (two years, say)
	Entity   bool // some assessment covers a group's entities
}

// ColumnsFor chooses the columns for a listing of these entries.
func ColumnsFor(entries []assessment.Entry) ListColumns {
	files := map[string]int{}
	group := false
	for _, e := range entries {
		if e.Assessment != nil {
			files[e.Assessment.Landlord]++
			group = group || e.Assessment.IsGroup()
		}
	}
	cols := ListColumns{Landlord: len(files) > 1, Entity: group}
	for _, n := range files {
		cols.File = cols.File || n > 1
	}
	return cols
}

// Listing is a table of plain text, for the terminal or CSV.
type Listing struct {
	Header []string
	Rows   [][]string
	// provision is the column of the provision ids, which CSV writes as
	// the report's CSV does ("Provision 6.10", CSVProvision).
	provision int
}

func (c ListColumns) header(cols ...string) []string {
	var h []string
	if c.Landlord {
		h = append(h, "Landlord")
	}
	if c.File {
		h = append(h, "File")
	}
	if c.Entity {
		h = append(h, "Entity")
	}
	return append(h, cols...)
}

func (c ListColumns) lead(landlord, file, entity string) []string {
	var r []string
	if c.Landlord {
		r = append(r, landlord)
	}
	if c.File {
		r = append(r, file)
	}
	if c.Entity {
		r = append(r, entity)
	}
	return r
}

// actionEntity names the entities an action is for: its entity's, or the
// group's (all of them); "" for one landlord's.
func actionEntity(it assessment.ActionItem) string {
	if it.Entity != "" {
		return it.Entity
	}
	return assessment.EntityLabel(it.Entities, true)
}

// Gaps is what csa gaps writes: the gaps of some assessments (Entries, with
// their catalogues), with the columns that tell them apart in a table;
// open actions due before AsOf are marked overdue.
type Gaps struct {
	Gaps    []assessment.Gap
	Columns ListColumns
	Entries []assessment.Entry
	AsOf    assessment.Date
	// Entity is the entity of a group the gaps were kept for (--entity),
	// "" for every gap: the board's Showing fact says so.
	Entity string
}

// GapsFormats are csa gaps' formats, the default first.
var GapsFormats = format.List[Gaps]{
	{Name: "table", Write: func(w io.Writer, g Gaps) error {
		if len(g.Gaps) == 0 {
			return say(w, "No gaps: every provision on the form is answered yes or n/a in %s.", english.Count(len(g.Entries), "assessment"))
		}
		noPlan := 0
		for _, gap := range g.Gaps {
			if !gap.HasPlan() {
				noPlan++
			}
		}
		return GapsListing(g.Gaps, g.Columns, g.AsOf).writeTable(w, "%s in %s, %d without a plan",
			english.Count(len(g.Gaps), "gap"), english.Count(len(g.Entries), "assessment"), noPlan)
	}},
	{Name: "markdown", Write: func(w io.Writer, g Gaps) error { return g.board().writeMarkdown(w) }},
	{Name: "html", Write: func(w io.Writer, g Gaps) error { return g.board().writeHTML(w) }},
	{Name: "csv", Write: func(w io.Writer, g Gaps) error { return GapsListing(g.Gaps, g.Columns, g.AsOf).WriteCSV(w) }},
	{Name: "json", Write: func(w io.Writer, g Gaps) error { return WriteGapsJSON(w, g.Gaps, g.AsOf) }},
}

// Actions is what csa actions writes: the actions Filter kept from some
// assessments (Entries, with their catalogues), with the columns that tell
// them apart in a table, as at AsOf.
type Actions struct {
	Items   []assessment.ActionItem
	Columns ListColumns
	Entries []assessment.Entry
	Filter  assessment.ActionFilter
	AsOf    assessment.Date
}

// ActionsFormats are csa actions' formats, the default first.
var ActionsFormats = format.List[Actions]{
	{Name: "table", Write: func(w io.Writer, a Actions) error {
		if len(a.Items) == 0 {
			return say(w, "No actions match in %s.", english.Count(len(a.Entries), "assessment"))
		}
		open, overdue := assessment.Tally(a.Items)
		return ActionsListing(a.Items, a.Columns).writeTable(w, "%s in %s: %d open, %d overdue as at %s",
			english.Count(len(a.Items), "action"), english.Count(len(a.Entries), "assessment"), open, overdue, a.AsOf)
	}},
	{Name: "markdown", Write: func(w io.Writer, a Actions) error { return a.board().writeMarkdown(w) }},
	{Name: "html", Write: func(w io.Writer, a Actions) error { return a.board().writeHTML(w) }},
	{Name: "csv", Write: func(w io.Writer, a Actions) error { return ActionsListing(a.Items, a.Columns).WriteCSV(w) }},
	{Name: "json", Write: func(w io.Writer, a Actions) error { return WriteActionsJSON(w, a.Items, a.AsOf) }},
}

// GapsListing is the gaps table: provision, answer, requirement and plan.
// Open actions due before asOf are marked overdue.
func GapsListing(gaps []assessment.Gap, cols ListColumns, asOf assessment.Date) Listing {
	l := Listing{Header: cols.header("Provision", "Comply", "Requirement", "Plan")}
	l.provision = len(l.Header) - 4
	for _, g := range gaps {
		l.Rows = append(l.Rows, append(cols.lead(g.Landlord, g.File, assessment.EntityLabel(g.Entities, g.Every)),
			g.Provision, gapLabel(g), g.Requirement, planText(g, asOf)))
	}
	return l
}

func gapLabel(g assessment.Gap) string {
	if !g.InFile {
		return "Missing"
	}
	return complyLabel(g.Comply)
}

// planText is a gap's plan, one line per action, then the alternative.
func planText(g assessment.Gap, asOf assessment.Date) string {
	var lines []string
	for _, act := range g.Actions {
		var about []string
		if act.Owner != "" {
			about = append(about, act.Owner)
		}
		if !act.Due.IsZero() {
			about = append(about, "due "+act.Due.String())
		}
		status := "open"
		if !act.IsOpen() {
			status = "done"
		} else if days, ok := act.OverdueOn(asOf); ok {
			status = "overdue by " + english.Count(days, "day")
		}
		if act.Draft {
			status += ", draft"
		}
		about = append(about, status)
		lines = append(lines, oneLine(act.Text)+" ("+strings.Join(about, ", ")+")")
	}
	if alt := oneLine(g.Alternative); alt != "" {
		lines = append(lines, "Alternative: "+alt)
	}
	if !g.HasPlan() {
		lines = append(lines, "No plan: no action with an owner and a due date, and no alternative")
	}
	return strings.Join(lines, "\n")
}

// ActionsListing is the action-plan table.
func ActionsListing(items []assessment.ActionItem, cols ListColumns) Listing {
	l := Listing{Header: cols.header("Provision", "Action", "Owner", "Due", "Status", "Overdue")}
	l.provision = len(l.Header) - 6
	for _, it := range items {
		status := "Open"
		if !it.IsOpen() {
			status = "Done"
			if !it.Completed.IsZero() {
				status += " " + it.Completed.String()
			}
		}
		if it.Draft {
			status += " (draft)"
		}
		overdue := ""
		if it.Overdue {
			overdue = english.Count(it.DaysOverdue, "day")
		}
		l.Rows = append(l.Rows, append(cols.lead(it.Landlord, it.File, actionEntity(it)),
			it.Provision, it.Text, it.Owner, it.Due.String(), status, overdue))
	}
	return l
}

// say writes one line of csa's own.
func say(w io.Writer, format string, args ...any) error {
	_, err := fmt.Fprintf(w, format+"\n", args...)
	return err
}

// writeTable writes the listing as a terminal table, then a closing line.
func (l Listing) writeTable(w io.Writer, closing string, args ...any) error {
	if err := table.Write(w, l.Header, l.Rows, 44); err != nil {
		return err
	}
	return say(w, closing, args...)
}

// WriteCSV writes the listing as CSV with the report's CSV's choices
// (WriteCSV): a byte-order mark first, so that Excel reads UTF-8; each
// provision written "Provision 6.10", so that no spreadsheet reads 6.10 as
// the number 6.1; cells that could start a formula neutralised. csa import
// reads both back.
func (l Listing) WriteCSV(w io.Writer) error {
	rows := [][]string{l.Header}
	for _, r := range l.Rows {
		if l.provision < len(r) {
			r = append([]string(nil), r...)
			r[l.provision] = CSVProvision(r[l.provision])
		}
		rows = append(rows, r)
	}
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	return writeCSVRows(w, rows)
}

type jsonGap struct {
	Landlord    string       `json:"landlord"`
	File        string       `json:"file"`
	Code        string       `json:"code"`
	Assessed    *string      `json:"assessed"`
	Provision   string       `json:"provision"`
	Section     int          `json:"section"`
	Obligation  string       `json:"obligation"`
	Comply      *string      `json:"comply"`
	InFile      bool         `json:"in_file"`
	Requirement string       `json:"requirement"`
	Evidence    string       `json:"evidence"`
	Commentary  string       `json:"commentary"`
	Alternative string       `json:"alternative"`
	HasPlan     bool         `json:"has_plan"`
	Actions     []jsonAction `json:"actions"`
	Entities    []string     `json:"entities,omitempty"` // a group's: the entities the gap is for
}

// WriteGapsJSON writes {"as_of": ..., "gaps": [...]}; comply is null when
// unanswered, in_file false when the file has no answer at all.
func WriteGapsJSON(w io.Writer, gaps []assessment.Gap, asOf assessment.Date) error {
	out := struct {
		AsOf *string   `json:"as_of"`
		Gaps []jsonGap `json:"gaps"`
	}{AsOf: jsonDate(asOf), Gaps: []jsonGap{}}
	for _, g := range gaps {
		jg := jsonGap{Landlord: g.Landlord, File: g.File, Code: g.Code, Assessed: jsonDate(g.Assessed),
			Provision: g.Provision, Section: g.Section, Obligation: g.Obligation, InFile: g.InFile,
			Requirement: g.Requirement, Evidence: g.Evidence, Commentary: g.Commentary, Alternative: g.Alternative,
			HasPlan: g.HasPlan(), Actions: []jsonAction{}, Entities: g.Entities}
		if g.Comply != assessment.Unanswered {
			c := string(g.Comply)
			jg.Comply = &c
		}
		for _, act := range g.Actions {
			it := assessment.ActionItem{Provision: g.Provision, Action: act}
			it.DaysOverdue, it.Overdue = act.OverdueOn(asOf)
			jg.Actions = append(jg.Actions, actionJSON(it))
		}
		out.Gaps = append(out.Gaps, jg)
	}
	return encodeJSON(w, out)
}

type jsonListedAction struct {
	Landlord string  `json:"landlord"`
	File     string  `json:"file"`
	Code     string  `json:"code"`
	Assessed *string `json:"assessed"`
	jsonAction
}

// WriteActionsJSON writes {"as_of": ..., "actions": [...]}, each action with
// its landlord, file, code and provision.
func WriteActionsJSON(w io.Writer, items []assessment.ActionItem, asOf assessment.Date) error {
	out := struct {
		AsOf    *string            `json:"as_of"`
		Actions []jsonListedAction `json:"actions"`
	}{AsOf: jsonDate(asOf), Actions: []jsonListedAction{}}
	for _, it := range items {
		out.Actions = append(out.Actions, jsonListedAction{Landlord: it.Landlord, File: it.File, Code: it.Code,
			Assessed: jsonDate(it.Assessed), jsonAction: actionJSON(it)})
	}
	return encodeJSON(w, out)
}
