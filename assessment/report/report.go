// Package report owns the publication of an assessment: the view that joins
// an assessment with its catalogue (sections in order, the Ombudsman's form
// rows, counts per section, the action plan with overdue marks), and its
// renderings, one file per format: Markdown, HTML, CSV and JSON. It also
// renders the gaps and action-plan listings of csa gaps and csa actions.
//
// Every format is deterministic: the same assessment, catalogue and as-of
// date give the same bytes. Text the landlord wrote is escaped for the format
// it lands in, and a CSV cell never starts a formula. The XLSX workbook lives
// in package workbook, which imports excelize; this package does not.
package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/safetext"
)

// Report is an assessment joined with its catalogue, ready to render.
type Report struct {
	Landlord  string
	Code      Code
	Assessed  assessment.Date
	Period    string
	Approved  *assessment.Approval
	Published string
	AsOf      assessment.Date // the day overdue marks are judged on

	// Introduction is the landlord's opening words, and Response the
	// governing body's response; both optional.
	Introduction string
	Response     *assessment.Response
	// Unreviewed lists the provisions whose answer was carried from last
	// year and still has its review: line.
	Unreviewed []string

	// Should is true when the catalogue has good-practice ("should")
	// provisions, as the 2022 Code does: the form then has must and should
	// tables per section and a single evidence-and-commentary column.
	Should bool

	Sections []Section
	Totals   Tally
	Actions  []assessment.ActionItem // the action plan, in provision order
	Missing  []string                // provisions on the form with no answer in the file
	// Summaries is true when some requirement shown is csa's summary rather
	// than the Code's wording, so the reader must be told.
	Summaries bool

	// Entities are the entities of a group the assessment covers (none for
	// one landlord), each with its answers counted as it gives them.
	Entities []EntityTally
}

// EntityTally is one entity of a group, with its answers counted.
type EntityTally struct {
	assessment.Entity
	Tally Tally
}

// Group reports whether the assessment covers a group of entities.
func (r *Report) Group() bool { return len(r.Entities) > 0 }

// Code describes the catalogue assessed against.
type Code struct {
	ID        string // "chc-2024"
	Written   string // as the assessment names it: "2024", "chc-2024" or a path
	Title     string
	Publisher string
	InForce   assessment.Date
	Statutory bool
}

// Section is one section of the Code with its rows. Number 0 holds answers to
// provisions the catalogue does not have.
type Section struct {
	Number int
	Title  string
	Rows   []Row
	Tally  Tally
}

// Caption is how the section is headed: "Section 1: Definition of a complaint".
func (s Section) Caption() string {
	if s.Number == 0 {
		return s.Title
	}
	if s.Title == "" {
		return fmt.Sprintf("Section %d", s.Number)
	}
	return fmt.Sprintf("Section %d: %s", s.Number, s.Title)
}

// MustRows returns the rows of the mandatory table: everything but "should".
func (s Section) MustRows() []Row {
	return slices.DeleteFunc(slices.Clone(s.Rows), func(r Row) bool { return r.Obligation == "should" })
}

// ShouldRows returns the rows of the good-practice table.
func (s Section) ShouldRows() []Row {
	return slices.DeleteFunc(slices.Clone(s.Rows), func(r Row) bool { return r.Obligation != "should" })
}

// Column names of the Ombudsman's forms, as the publication shows them.
const (
	ColProvision2024  = "Code provision"
	ColRequirement    = "Code requirement"
	ColComply2024     = "Comply: Yes / No"
	ColEvidence2024   = "Evidence"
	ColCommentary2024 = "Commentary / explanation"
	ColProvision2022  = "Code section"
	ColComply2022     = "Comply: Yes/No"
	ColEvidence2022   = "Evidence, commentary and any explanations"
)

// Row is one provision on the form: the catalogue's facts and the answer.
type Row struct {
	ID          string
	Section     int
	Obligation  string // must | should | none; "" when the catalogue lacks the provision
	OnForm      bool
	InCatalogue bool
	InFile      bool // false: the provision is on the form but the file has no answer

	Requirement     string // what the form's requirement column shows
	RequirementFrom assessment.RequirementSource
	Summary         string // the catalogue's summary
	Text            string // the catalogue's text, in a landlord's own catalogue

	Comply      assessment.Comply
	Evidence    string
	Commentary  string
	Alternative string
	Review      string
	Actions     []assessment.ActionItem

	// Entities are, in a group's assessment, each entity's answer, in the
	// group's order; nil for one landlord.
	Entities []EntityRow
}

// EntityRow is how one entity of a group answers a provision: its answer
// as it gives it (its own, or the group's), and what it gives of its own.
type EntityRow struct {
	Name   string
	Comply assessment.Comply
	Own    *assessment.EntityAnswer // nil: the group's answer in full
}

// owns reports whether some entity gives its own value of a field.
func (r Row) owns(field func(*assessment.EntityAnswer) string) bool {
	for _, e := range r.Entities {
		if e.Own != nil && field(e.Own) != "" {
			return true
		}
	}
	return false
}

// inheriting names the entities that give the group's value of a field.
func (r Row) inheriting(field func(*assessment.EntityAnswer) string) []string {
	var names []string
	for _, e := range r.Entities {
		if e.Own == nil || field(e.Own) == "" {
			names = append(names, e.Name)
		}
	}
	return names
}

func ownComply(e *assessment.EntityAnswer) string      { return string(e.Comply) }
func ownEvidence(e *assessment.EntityAnswer) string    { return e.Evidence }
func ownCommentary(e *assessment.EntityAnswer) string  { return e.Commentary }
func ownAlternative(e *assessment.EntityAnswer) string { return e.Alternative }

// Differs reports whether the entities of a group give different answers.
func (r Row) Differs() bool {
	for _, e := range r.Entities {
		if e.Comply != r.Entities[0].Comply {
			return true
		}
	}
	return false
}

// Answer is the answer the row is counted and shown by: the group's, or
// in a group the answer every entity gives (when they differ, the group's).
func (r Row) Answer() assessment.Comply {
	if len(r.Entities) > 0 && !r.Differs() {
		return r.Entities[0].Comply
	}
	return r.Comply
}

// ComplyCell is the answer cell of a group's provision that an entity
// answers with its own word: each entity's answer, labelled with its name,
// Own set on an entity's own. nil when every entity gives the group's
// answer: the cell is ComplyLabel.
func (r Row) ComplyCell() []Paragraph {
	if !r.owns(ownComply) {
		return nil
	}
	ps := make([]Paragraph, len(r.Entities))
	for i, e := range r.Entities {
		ps[i] = Paragraph{Label: e.Name, Text: complyLabel(e.Comply), Own: e.Own != nil && e.Own.Comply != ""}
	}
	return ps
}

// fieldCell is a text field as a cell shows it: the text alone; or, in a
// group where some entity gives its own, the group's text labelled with
// the entities that give it (left out when none does), then each entity's
// own, labelled with its name (label ", " what for the alternative).
func (r Row) fieldCell(group string, own func(*assessment.EntityAnswer) string, what string) []Paragraph {
	var ps []Paragraph
	if !r.owns(own) {
		if t := trimText(group); t != "" {
			ps = append(ps, Paragraph{Label: what, Text: t})
		}
		return ps
	}
	if t := trimText(group); t != "" {
		if names := r.inheriting(own); len(names) > 0 {
			ps = append(ps, Paragraph{Label: joinLabel(english.And(names), what), Text: t})
		}
	}
	for _, e := range r.Entities {
		if e.Own == nil {
			continue
		}
		if t := trimText(own(e.Own)); t != "" {
			ps = append(ps, Paragraph{Label: joinLabel(oneLine(e.Name), what), Text: t, Own: true, Entity: e.Name})
		}
	}
	return ps
}

func joinLabel(who, what string) string {
	if what == "" {
		return who
	}
	return who + ", " + strings.ToLower(what[:1]) + what[1:]
}

// EvidenceParas is the 2024 form's "Evidence" cell: the evidence, or in a
// group each entity's where some give their own.
func (r Row) EvidenceParas() []Paragraph { return r.fieldCell(r.Evidence, ownEvidence, "") }

// Field is a text field of an answer that an entity of a group may give
// its own of.
type Field int

// The fields an entity may give its own of.
const (
	FieldEvidence Field = iota
	FieldCommentary
	FieldAlternative
)

// Paras is a field as the form's cells show it (see fieldCell): the
// group's text, labelled with the entities that give it when some give
// their own, then each entity's own (Own set, Entity its name). The
// alternative's labels say it is the alternative.
func (r Row) Paras(f Field) []Paragraph {
	switch f {
	case FieldEvidence:
		return r.fieldCell(r.Evidence, ownEvidence, "")
	case FieldCommentary:
		return r.fieldCell(r.Commentary, ownCommentary, "")
	}
	return r.fieldCell(r.Alternative, ownAlternative, LabelAlternative)
}

// ComplyLabel is the answer as the form shows it; unanswered is visible.
func (r Row) ComplyLabel() string { return complyLabel(r.Comply) }

func complyLabel(c assessment.Comply) string {
	if c == assessment.Unanswered {
		return "Not answered"
	}
	return c.Label()
}

// Counts are the answers of a set of rows. Differs counts a group's
// provisions that its entities answer differently.
type Counts struct {
	Yes, Partial, No, NA, Unanswered, Differs int
}

// Total is the number of rows counted.
func (c Counts) Total() int { return c.Yes + c.Partial + c.No + c.NA + c.Unanswered + c.Differs }

func (c *Counts) add(v assessment.Comply) {
	switch v {
	case assessment.Yes:
		c.Yes++
	case assessment.Partial:
		c.Partial++
	case assessment.No:
		c.No++
	case assessment.NA:
		c.NA++
	default:
		c.Unanswered++
	}
}

func (c *Counts) plus(d Counts) {
	c.Yes += d.Yes
	c.Partial += d.Partial
	c.No += d.No
	c.NA += d.NA
	c.Unanswered += d.Unanswered
	c.Differs += d.Differs
}

// Tally counts answers with must and should apart ("none" and provisions
// the catalogue lacks count as must).
type Tally struct {
	Must, Should, All Counts
}

func (t *Tally) add(r Row) {
	if r.Differs() {
		t.count(r.Obligation, func(c *Counts) { c.Differs++ })
		return
	}
	t.count(r.Obligation, func(c *Counts) { c.add(r.Answer()) })
}

func (t *Tally) count(obligation string, add func(*Counts)) {
	if obligation == "should" {
		add(&t.Should)
	} else {
		add(&t.Must)
	}
	add(&t.All)
}

func (t *Tally) plus(u Tally) {
	t.Must.plus(u.Must)
	t.Should.plus(u.Should)
	t.All.plus(u.All)
}

// New joins an assessment with its catalogue. The form lists every
// provision the catalogue puts on it, answered or not, and every other
// answer the file holds (a provision off the form, or one the catalogue does
// not have, in a last section), so nothing in the file is left out. asOf
// is the day the action plan's overdue marks are judged on.
func New(a *assessment.Assessment, cat *codes.Catalogue, asOf assessment.Date) *Report {
	r := &Report{
		Landlord: a.Landlord, Assessed: a.Assessed, Period: a.Period, Approved: a.Approved,
		Published: a.Published, AsOf: asOf, Introduction: a.Introduction, Response: a.Response,
		Code: Code{ID: cat.ID, Written: a.Code, Title: cat.Title, Publisher: cat.Publisher,
			InForce: dateOf(cat), Statutory: cat.Statutory},
	}
	for _, p := range cat.Provisions {
		if p.Obligation == "should" {
			r.Should = true
		}
	}
	r.Actions = assessment.Actions([]assessment.Entry{{Assessment: a, Catalogue: cat}}, assessment.ActionFilter{AsOf: asOf})

	var rows []Row
	answered := map[string]bool{}
	for i := range a.Answers {
		ans := &a.Answers[i]
		answered[ans.ID] = true
		p, known := cat.Provision(ans.ID)
		row := newRow(ans, p, known)
		// The answer's own actions: a provision answered twice (an error
		// csa check reports) does not show the other answer's.
		one := *a
		one.Answers = a.Answers[i : i+1]
		row.Actions = assessment.Actions([]assessment.Entry{{Assessment: &one, Catalogue: cat}}, assessment.ActionFilter{AsOf: asOf})
		row.Entities = entityRows(a, ans)
		rows = append(rows, row)
	}
	for _, p := range cat.OnForm() {
		if !answered[p.ID] {
			r.Missing = append(r.Missing, p.ID)
			row := newRow(nil, &p, true)
			row.Entities = entityRows(a, nil)
			rows = append(rows, row)
		}
	}

	// Provision order; a provision answered twice keeps its file order.
	slices.SortStableFunc(rows, func(x, y Row) int { return codes.CompareID(x.ID, y.ID) })
	for i := range rows {
		r.Summaries = r.Summaries || rows[i].RequirementFrom == assessment.FromSummary
		if strings.TrimSpace(rows[i].Review) != "" {
			r.Unreviewed = append(r.Unreviewed, rows[i].ID)
		}
	}
	r.Sections = sections(cat, rows)
	for _, s := range r.Sections {
		r.Totals.plus(s.Tally)
	}
	if a.IsGroup() {
		r.Entities = make([]EntityTally, len(a.Entities))
		for i, e := range a.Entities {
			r.Entities[i].Entity = e
			for _, s := range r.Sections {
				for _, row := range s.Rows {
					r.Entities[i].Tally.count(row.Obligation, func(c *Counts) { c.add(row.Entities[i].Comply) })
				}
			}
		}
	}
	return r
}

// entityRows is how each entity of a group answers ans (nil: a provision
// the file does not answer); nil for one landlord.
func entityRows(a *assessment.Assessment, ans *assessment.Answer) []EntityRow {
	if !a.IsGroup() {
		return nil
	}
	out := make([]EntityRow, len(a.Entities))
	for i, e := range a.Entities {
		out[i].Name = e.Name
		if ans == nil {
			continue
		}
		out[i].Comply = ans.Comply
		if own, ok := ans.EntityAnswer(e.Name); ok {
			out[i].Own = own
			if own.Comply != assessment.Unanswered {
				out[i].Comply = own.Comply
			}
		}
	}
	return out
}

func newRow(ans *assessment.Answer, p *codes.Provision, known bool) Row {
	row := Row{InCatalogue: known, InFile: ans != nil}
	if known {
		row.ID, row.Section, row.Obligation, row.OnForm = p.ID, p.Section, p.Obligation, p.OnForm
		row.Summary, row.Text = p.Summary, p.Text
	} else {
		p = nil
	}
	if ans != nil {
		row.ID = ans.ID
		row.Comply, row.Evidence, row.Commentary = ans.Comply, ans.Evidence, ans.Commentary
		row.Alternative, row.Review = ans.Alternative, ans.Review
	}
	row.Requirement, row.RequirementFrom = assessment.Requirement(ans, p)
	return row
}

// sections groups rows by the catalogue's sections, in section order; rows
// the catalogue does not know come last.
func sections(cat *codes.Catalogue, rows []Row) []Section {
	var out []Section
	index := map[int]int{}
	for _, s := range cat.Sections {
		index[s.Number] = len(out)
		out = append(out, Section{Number: s.Number, Title: s.Title})
	}
	var unknown []Row
	for _, row := range rows {
		if !row.InCatalogue {
			unknown = append(unknown, row)
			continue
		}
		i, ok := index[row.Section]
		if !ok { // a landlord's catalogue that does not name its sections
			index[row.Section] = len(out)
			i = len(out)
			out = append(out, Section{Number: row.Section})
		}
		out[i].Rows = append(out[i].Rows, row)
	}
	out = slices.DeleteFunc(out, func(s Section) bool { return len(s.Rows) == 0 })
	slices.SortStableFunc(out, func(x, y Section) int { return cmp.Compare(x.Number, y.Number) })
	if len(unknown) > 0 {
		out = append(out, Section{Title: "Provisions not in the " + cat.Title, Rows: unknown})
	}
	for i := range out {
		for _, row := range out[i].Rows {
			out[i].Tally.add(row)
		}
	}
	return out
}

func dateOf(cat *codes.Catalogue) assessment.Date {
	if cat.InForce.IsZero() {
		return assessment.Date{}
	}
	return assessment.DateOf(cat.InForce)
}

// Title is the report's heading: "Millbrook Homes: self-assessment against
// the Complaint Handling Code 2024".
func (r *Report) Title() string {
	if landlord := oneLine(r.Landlord); landlord != "" {
		return landlord + ": self-assessment against the " + oneLine(r.Code.Title)
	}
	return "Self-assessment against the " + oneLine(r.Code.Title)
}

// Facts are the lines under the heading: the Code, period, dates, approval.
func (r *Report) Facts() [][2]string {
	code := r.Code.Title
	if r.Code.ID != "" && r.Code.ID != r.Code.Title {
		code += " (" + r.Code.ID + ")"
	}
	if r.Code.Publisher != "" {
		code += ", " + r.Code.Publisher
	}
	if !r.Code.InForce.IsZero() {
		code += ", in force from " + r.Code.InForce.Long()
	}
	facts := [][2]string{{"Code", code}}
	if r.Group() {
		facts = [][2]string{{"Entities", r.EntityList()}, {"Code", code}}
	}
	if r.Period != "" {
		facts = append(facts, [2]string{"Period", r.Period})
	}
	if !r.Assessed.IsZero() {
		facts = append(facts, [2]string{"Assessed", r.Assessed.Long()})
	}
	approval := "not yet approved by the governing body"
	if ap := r.Approved; ap != nil {
		approval = ap.By
		if strings.TrimSpace(ap.By) == "" {
			approval = "the governing body"
		}
		if !ap.On.IsZero() {
			approval += ", on " + ap.On.Long()
		}
	}
	facts = append(facts, [2]string{"Approved", approval})
	return facts
}

// EntityList names a group's entities, each with its registration number
// when given: "Calder Vale Homes (registration L4721) and Calder Vale
// Living".
func (r *Report) EntityList() string {
	names := make([]string, len(r.Entities))
	for i, e := range r.Entities {
		names[i] = EntityName(e.Entity)
	}
	return english.And(names)
}

// EntityName is an entity as the report names it: its name, and its
// registration number in brackets when given.
func EntityName(e assessment.Entity) string {
	if e.Registration == "" {
		return e.Name
	}
	return e.Name + " (registration " + e.Registration + ")"
}

// Unanswered lists the provisions shown as not answered: on the form and
// missing from the file, or with a blank answer.
func (r *Report) Unanswered() []string {
	var ids []string
	for _, s := range r.Sections {
		for _, row := range s.Rows {
			if row.Unanswered() {
				ids = append(ids, row.ID)
			}
		}
	}
	return ids
}

// Unanswered reports whether the provision is not answered: blank, or
// missing from the file; in a group, for some entity.
func (r Row) Unanswered() bool {
	if len(r.Entities) == 0 {
		return r.Comply == assessment.Unanswered
	}
	for _, e := range r.Entities {
		if e.Comply == assessment.Unanswered {
			return true
		}
	}
	return false
}

// DraftReasons says why the assessment is not yet fit to publish as final:
// no approval by the governing body, provisions not answered, answers
// carried from last year awaiting review. None: it is final.
func (r *Report) DraftReasons() []string {
	var why []string
	if r.Approved == nil {
		why = append(why, "not yet approved by the governing body")
	}
	if ids := r.Unanswered(); len(ids) > 0 {
		why = append(why, fmt.Sprintf("%s not answered (%s)", english.Count(len(ids), "provision"), listIDs(ids)))
	}
	if n := len(r.Unreviewed); n > 0 {
		verb := "awaits"
		if n > 1 {
			verb = "await"
		}
		why = append(why, fmt.Sprintf("%s carried from last year %s review (%s)", english.Count(n, "answer"), verb, listIDs(r.Unreviewed)))
	}
	return why
}

// Draft reports whether the assessment is a draft (see DraftReasons).
func (r *Report) Draft() bool { return len(r.DraftReasons()) > 0 }

// DraftNote is the draft banner's text after the word DRAFT: "Not for
// publication: not yet approved by the governing body; ...".
// It is "" for a final assessment.
func (r *Report) DraftNote() string { return DraftNote(r.DraftReasons()) }

// DraftNote is a draft banner's text after the word DRAFT, from the reasons
// it is a draft: "Not for publication: ...; ...."; "" when there are none.
// The annual report's banner says it the same way.
func DraftNote(why []string) string {
	if len(why) == 0 {
		return ""
	}
	return "Not for publication: " + strings.Join(why, "; ") + "."
}

// listIDs lists provision ids, the first ten and how many more.
func listIDs(ids []string) string {
	const most = 10
	if len(ids) <= most {
		return oneLine(strings.Join(ids, ", "))
	}
	return oneLine(strings.Join(ids[:most], ", ")) + fmt.Sprintf(" and %d more", len(ids)-most)
}

// ResponseHeading heads the governing body's response: "Response of the
// Board, 26 June 2025".
func (r *Report) ResponseHeading() string {
	if r.Response == nil {
		return ""
	}
	s := "Response of the governing body"
	if by := oneLine(r.Response.By); by != "" {
		s = "Response from " + by
	}
	if !r.Response.On.IsZero() {
		s += ", " + r.Response.On.Long()
	}
	return s
}

// Paragraphs splits text into its paragraphs at blank lines, each made safe
// for a page and trimmed; a single line break inside a paragraph is kept.
func Paragraphs(s string) []string {
	var out, para []string
	flush := func() {
		if p := strings.TrimSpace(strings.Join(para, "\n")); p != "" {
			out = append(out, p)
		}
		para = para[:0]
	}
	for _, line := range strings.Split(safetext.Text(s), "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		para = append(para, line)
	}
	flush()
	return out
}

// SummaryNote tells the reader when the requirement column is csa's
// paraphrase, so a published report never passes it off as the Code.
func (r *Report) SummaryNote() string {
	if !r.Summaries {
		return ""
	}
	return "Where the landlord has not given the Code's wording, the requirement shown is csa's one-sentence summary of the provision, not the text of the Code."
}

// ActionPlanNote says what day the overdue marks were judged on.
func (r *Report) ActionPlanNote() string {
	if len(r.Actions) == 0 {
		return "There are no actions in this assessment."
	}
	open, overdue := assessment.Tally(r.Actions)
	s := fmt.Sprintf("%s, %d open", english.Count(len(r.Actions), "action"), open)
	if !r.AsOf.IsZero() {
		s += fmt.Sprintf(", %d overdue as at %s", overdue, r.AsOf.Long())
	}
	return s + "."
}

// Paragraph is a piece of a cell, with an optional label ("Alternative").
// In a group's row, Own marks an entity's own answer or text, and Entity
// names the entity whose own text it is.
type Paragraph struct {
	Label  string
	Text   string
	Own    bool
	Entity string
}

// LabelAlternative labels an alternative in the form's cells.
const LabelAlternative = "Alternative (reasonable endeavours)"

// CommentaryCell is the 2024 form's "Commentary / explanation" cell:
// the commentary, the alternative and any review note, each labelled but
// the first (in a group, each entity's own too, labelled with its name).
func (r Row) CommentaryCell() []Paragraph {
	return append(r.fieldCell(r.Commentary, ownCommentary, ""), r.extras()...)
}

// EvidenceCell is the 2022 form's single "Evidence, commentary and any
// explanations" cell.
func (r Row) EvidenceCell() []Paragraph {
	ps := r.fieldCell(r.Evidence, ownEvidence, "")
	ps = append(ps, r.fieldCell(r.Commentary, ownCommentary, "")...)
	return append(ps, r.extras()...)
}

func (r Row) extras() []Paragraph {
	ps := r.fieldCell(r.Alternative, ownAlternative, LabelAlternative)
	if t := trimText(r.Review); t != "" {
		ps = append(ps, Paragraph{Label: "Awaiting review", Text: t})
	}
	return ps
}

// StatusText is an action's status as the action plan shows it.
func StatusText(it assessment.ActionItem) string {
	s := "Open"
	switch {
	case !it.IsOpen():
		s = "Done"
		if !it.Completed.IsZero() {
			s += ", completed " + it.Completed.Long()
		}
	case it.Overdue:
		s = "Overdue by " + english.Count(it.DaysOverdue, "day")
	}
	if it.Draft {
		s += " (draft, not yet agreed)"
	}
	return s
}

// trimText makes text safe for a page by csa's output-safety policy
// (safetext.Text: line endings normalised, control and direction characters
// shown as escapes) and trims surrounding blank space.
func trimText(s string) string { return strings.TrimSpace(safetext.Text(s)) }

// oneLine joins text onto one line, for headings, by the same policy.
func oneLine(s string) string { return strings.Join(strings.Fields(safetext.Line(s)), " ") }

// FormHeader is the form table's header row, in the Ombudsman's words for
// the report's Code: five columns for 2024, four for 2022.
func (r *Report) FormHeader() []string { return r.formHeader() }

// SummaryRows are the summary table: its header row, then the counts per
// section (must and should apart for the 2022 Code) and the totals.
func (r *Report) SummaryRows() (header []string, rows [][]string) { return r.summaryRows() }

// ActionHeader is the action plan's header row.
func ActionHeader() []string { return slices.Clone(actionHeader) }

// ActionPlanHeader is the report's action plan header row: with an Entity
// column, after the provision, for a group.
func (r *Report) ActionPlanHeader() []string {
	if !r.Group() {
		return ActionHeader()
	}
	return slices.Concat(actionHeader[:1], []string{ColEntity}, actionHeader[1:])
}

// ColEntity heads the column of a group's entities.
const ColEntity = "Entity"

// ActionEntity names the entities an action of a group is for: its
// entity, or "All entities" for the group's own; "" for one landlord's.
func ActionEntity(it assessment.ActionItem) string { return actionEntity(it) }

// EntitySummaryRows are a group's answers counted per entity: the header,
// then a row per entity (must, should and all apart for the 2022 Code).
func (r *Report) EntitySummaryRows() (header []string, rows [][]string) { return r.entityRows() }
