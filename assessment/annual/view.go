package annual

import (
	"fmt"
	"math"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/chart"
	"github.com/csa-tool/csa/assessment/figures"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/safetext"
)

// This file is the annual report laid out for reading: the title and
// facts, then sections of blocks (the landlord's prose, csa's notes,
// tables, charts with their numbers, links), then the self-assessment,
// rendered by package report. Each format (html.go, markdown.go, docx.go)
// draws the same blocks its own way.

// Report is an annual report ready to render.
type Report struct {
	Pack      *Pack
	Title     string
	Facts     [][2]string
	Published string
	Sections  []Section
	// Self is the self-assessment, rendered as csa report renders it; nil
	// when the report names none.
	Self *report.Report
	AsOf assessment.Date
}

// Section is one part of the report, under a heading.
type Section struct {
	ID, Title string
	Blocks    []Block
}

// BlockKind is what a block holds.
type BlockKind int

// The kinds of block.
const (
	Prose      BlockKind = iota // the landlord's own paragraphs
	Para                        // a paragraph of csa's
	Note                        // a note on what follows, in italics
	Subheading                  // a heading within the section
	TableBlock                  // a table
	ChartBlock                  // a chart, with its numbers as a table
	Links                       // a list of links to reports
	Lead                        // a paragraph in bold: who responded, and when
)

// Block is one piece of a section.
type Block struct {
	Kind  BlockKind
	Text  string   // Para, Note, Subheading, Lead
	Paras []string // Prose: made safe, one string a paragraph
	Table *Table   // TableBlock, ChartBlock (the chart's numbers)
	Chart *chart.Chart
	Links []Link
}

// Table is a table of text.
type Table struct {
	Caption string
	Header  []string
	Right   []bool     // columns of numbers, aligned right
	Dates   []bool     // columns of dates, kept on one line
	Rows    [][]string // a cell's paragraphs are separated by a blank line
	Cards   bool       // wide: a phone shows each row as a card
}

// Colours of the charts' series: this year and stage 1 the first of
// chart's colours, stage 2 the second, last year grey.
var (
	colourThis   = chart.Colours[0]
	colourStage2 = chart.Colours[1]
	colourLast   = chart.Colours[2]
)

// The report's headings, for the formats and the tests.
const (
	headPerformance  = "Complaint handling performance"
	headAnalysis     = "Analysis"
	headRefusals     = "Complaints not accepted"
	headThemes       = "What complaints were about, and their outcomes"
	headOmbudsman    = "The Housing Ombudsman's findings"
	headImprovements = "Service improvements"
	headResponse     = "The governing body's response"
	headSelf         = "The self-assessment"
)

// New lays a pack out as a report. self is the self-assessment joined with
// its catalogue (report.New), or nil when the report names none; asOf is
// the day the self-assessment's overdue actions are judged on.
func New(p *Pack, self *report.Report, asOf assessment.Date) *Report {
	a := p.Annual
	r := &Report{Pack: p, Self: self, AsOf: asOf, Published: a.Published}
	r.Title = "Annual complaints performance and service improvement report"
	if a.Period != "" {
		r.Title += " " + a.Period
	}
	if l := oneLine(a.Landlord); l != "" {
		r.Title = l + ": " + lowerFirst(r.Title)
	}
	r.facts()
	r.performance()
	r.prose("analysis", headAnalysis, a.Analysis, "The analysis of the year's complaints is not yet written (analysis:).")
	r.refusals()
	r.themes()
	r.ombudsman()
	r.improvements()
	r.response()
	return r
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func oneLine(s string) string { return strings.Join(strings.Fields(safetext.Line(s)), " ") }

func (r *Report) add(id, title string, blocks ...Block) {
	r.Sections = append(r.Sections, Section{ID: id, Title: title, Blocks: blocks})
}

func (r *Report) facts() {
	a := r.Pack.Annual
	period := a.Period
	if !a.YearEnd.IsZero() {
		period += ", the financial year to " + a.YearEnd.Long()
	}
	r.Facts = append(r.Facts, [2]string{"Reporting year", strings.TrimPrefix(period, ", ")})
	if a.Homes != nil {
		r.Facts = append(r.Facts, [2]string{"Homes", thousands(*a.Homes)})
	}
	if m := a.Member; m != nil {
		who := m.Name
		if m.Role != "" {
			who += ", " + m.Role
		}
		r.Facts = append(r.Facts, [2]string{"Member responsible for complaints", who})
	}
	if !a.Dated.IsZero() {
		r.Facts = append(r.Facts, [2]string{"Report dated", a.Dated.Long()})
	}
	resp := "not yet given"
	if rs := a.Response; rs != nil {
		resp = orWord(oneLine(rs.By), "the governing body")
		if !rs.On.IsZero() {
			resp += ", " + rs.On.Long()
		}
	}
	r.Facts = append(r.Facts, [2]string{"Response of the governing body", resp})
}

func orWord(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// DraftReasons says why the report is not yet fit to publish: parts of
// section 8 missing, no response from the governing body, a self-assessment
// that is a draft. None: it is final.
func (r *Report) DraftReasons() []string {
	var why, missing []string
	c := &checker{p: r.Pack, a: r.Pack.Annual}
	for _, part := range Parts {
		if !c.hasPart(part.Key) {
			missing = append(missing, part.Name)
		}
	}
	if len(missing) > 0 {
		why = append(why, "it lacks "+english.And(missing))
	}
	if r.Pack.Annual.Response == nil {
		why = append(why, "the governing body has not yet responded")
	}
	for _, f := range r.Pack.contentErrors(r.AsOf) {
		why = append(why, fmt.Sprintf("line %d: %s", f.Line, f.Message))
	}
	if r.Self != nil {
		if sw := r.Self.DraftReasons(); len(sw) > 0 {
			why = append(why, "the self-assessment is a draft ("+strings.Join(sw, "; ")+")")
		}
	}
	return why
}

// DraftNote is the draft banner's text after the word DRAFT, as the
// self-assessment's says it, or "".
func (r *Report) DraftNote() string { return report.DraftNote(r.DraftReasons()) }

func (r *Report) prose(id, title, text, none string) {
	if ps := report.Paragraphs(text); len(ps) > 0 {
		r.add(id, title, Block{Kind: Prose, Paras: ps})
		return
	}
	r.add(id, title, Block{Kind: Note, Text: none})
}

// performance is the figures: a table of this year's beside last year's,
// and the charts.
func (r *Report) performance() {
	p := r.Pack
	f, last := p.Figures, p.Previous
	if f == nil {
		r.add("performance", headPerformance, Block{Kind: Note, Text: "No figures file is named (figures:), so the year's complaint handling figures are not shown. csa figures counts them from the complaints log."})
		return
	}
	var blocks []Block
	about := "The figures count the complaints received in " + orWord(f.Period, "the year") + " and what became of them"
	if f.Timescales != "" {
		about += ", against the timescales of the " + codeTitle(f.Timescales, p.Dir) + " in working days"
	}
	about += ". CH01 and CH02 are the Regulator of Social Housing's tenant satisfaction measures."
	if last != nil {
		about += " Last year's figures are beside them"
		if last.Timescales != "" && last.Timescales != f.Timescales {
			about += ", counted against the timescales of the " + codeTitle(last.Timescales, dirOf(p.PreviousFile))
		}
		about += "."
	}
	blocks = append(blocks, Block{Kind: Para, Text: about})
	blocks = append(blocks, Block{Kind: TableBlock, Table: r.figuresTable()})
	if c, t := r.monthsChart(); c != nil {
		blocks = append(blocks, Block{Kind: ChartBlock, Chart: c, Table: t})
	} else {
		blocks = append(blocks, Block{Kind: Note, Text: "The figures file has no monthly breakdown (months:), so the chart of complaints by month is not drawn: csa figures writes one."})
	}
	if c, t := r.timelinessChart(); c != nil {
		blocks = append(blocks, Block{Kind: ChartBlock, Chart: c, Table: t})
	}
	if c, t := r.yearChart(); c != nil {
		blocks = append(blocks, Block{Kind: ChartBlock, Chart: c, Table: t})
	}
	r.add("performance", headPerformance, blocks...)
}

// codeTitle names a Code by its catalogue's title, or as written.
func codeTitle(code, dir string) string {
	if cat, err := codes.Lookup(code, dir); err == nil && cat.Title != "" {
		return oneLine(cat.Title)
	}
	return oneLine(code)
}

// years are the columns of the figures: this year's, and last year's when
// there are any.
func (r *Report) years() []*figures.Figures {
	if r.Pack.Previous != nil {
		return []*figures.Figures{r.Pack.Figures, r.Pack.Previous}
	}
	return []*figures.Figures{r.Pack.Figures}
}

func yearName(f *figures.Figures) string { return orWord(oneLine(f.Period), "the year") }

func (r *Report) figuresTable() *Table {
	ys := r.years()
	t := &Table{Caption: "Complaints in " + yearName(ys[0]), Header: []string{"Figure"}, Right: []bool{false}, Cards: true}
	if len(ys) > 1 {
		t.Caption += ", with " + yearName(ys[1])
	}
	for _, f := range ys {
		t.Header = append(t.Header, yearName(f))
		t.Right = append(t.Right, true)
	}
	row := func(name string, get func(*figures.Figures) string) {
		cells := []string{name}
		blank := true
		for _, f := range ys {
			v := get(f)
			blank = blank && v == "-"
			cells = append(cells, v)
		}
		if !blank {
			t.Rows = append(t.Rows, cells)
		}
	}
	for s := range 2 {
		st := func(f *figures.Figures) *figures.Stage { return f.Stages[s] }
		n := fmt.Sprintf("Stage %d", s+1)
		row(n+": complaints received", func(f *figures.Figures) string {
			return count(stageInt(st(f), func(x *figures.Stage) *int { return x.Received }))
		})
		row(n+": not accepted (refused)", func(f *figures.Figures) string {
			return count(stageInt(st(f), func(x *figures.Stage) *int { return x.Refused }))
		})
		row(n+": acknowledged within the Code's timescale", func(f *figures.Figures) string {
			if x := st(f); x != nil {
				return share(x.AcknowledgedWithin, x.Acknowledged)
			}
			return "-"
		})
		row(n+": responses within the Code's timescale", func(f *figures.Figures) string {
			if x := st(f); x != nil {
				return share(x.RespondedWithin, x.Responded)
			}
			return "-"
		})
		row(n+": working days to respond, median", func(f *figures.Figures) string {
			if x := st(f); x != nil && x.MedianDays != nil {
				return figures.Number(*x.MedianDays, false)
			}
			return "-"
		})
	}
	row("Escalated to stage 2, per 100 stage 1 responses", func(f *figures.Figures) string {
		if f.Escalation != nil {
			return figures.Number(*f.Escalation, true)
		}
		return "-"
	})
	for s := range 2 {
		row(fmt.Sprintf("CH01: stage %d complaints per 1,000 homes", s+1), func(f *figures.Figures) string {
			if f.CH01[s] != nil {
				return figures.Number(*f.CH01[s], true)
			}
			return "-"
		})
	}
	for s := range 2 {
		row(fmt.Sprintf("CH02: stage %d responses within the Code's timescales", s+1), func(f *figures.Figures) string {
			if sh := f.CH02[s]; sh != nil {
				return share(sh.Within, sh.Responded)
			}
			return "-"
		})
	}
	return t
}

func stageInt(st *figures.Stage, get func(*figures.Stage) *int) *int {
	if st == nil {
		return nil
	}
	return get(st)
}

func count(n *int) string {
	if n == nil {
		return "-"
	}
	return thousands(*n)
}

// share writes "276 of 350 (78.9%)".
func share(n, of *int) string {
	if n == nil || of == nil {
		return "-"
	}
	if *of == 0 {
		return "none to count"
	}
	return fmt.Sprintf("%s of %s (%s%%)", thousands(*n), thousands(*of), figures.Number(figures.Percent(*n, *of), true))
}

func percent(n, of *int) float64 {
	if n == nil || of == nil || *of == 0 {
		return chart.None
	}
	return figures.Percent(*n, *of)
}

// monthsChart is the complaints received each month at each stage.
func (r *Report) monthsChart() (*chart.Chart, *Table) {
	f := r.Pack.Figures
	if len(f.Months) == 0 {
		return nil, nil
	}
	c := &chart.Chart{ID: "chart-months", Title: "Complaints received each month of " + yearName(f) + ", by stage", Columns: true}
	t := &Table{Caption: "Complaints received each month, by stage", Header: []string{"Month", "Stage 1", "Stage 2"}, Right: []bool{false, true, true}}
	series := []chart.Series{{Name: "Stage 1", Colour: colourThis}, {Name: "Stage 2", Colour: colourStage2}}
	for _, m := range f.Months {
		long, short := monthNames(m.Month)
		c.Categories = append(c.Categories, short)
		row := []string{long}
		for s := range 2 {
			v := chart.None
			if ms := m.Stages[s]; ms != nil && ms.Received != nil {
				v = float64(*ms.Received)
			}
			series[s].Values = append(series[s].Values, v)
			row = append(row, c.Format(v))
		}
		t.Rows = append(t.Rows, row)
	}
	c.Series = series
	var parts []string
	for s, se := range series {
		lo, hi, loAt, hiAt, ok := extremes(se.Values)
		if !ok {
			continue
		}
		parts = append(parts, fmt.Sprintf("stage %d complaints received each month ranged from %s (%s) to %s (%s)",
			s+1, c.Format(lo), t.Rows[loAt][0], c.Format(hi), t.Rows[hiAt][0]))
	}
	c.Alt = capitalise(english.And(parts)) + ". The table after the chart gives every month."
	return c, t
}

// monthNames are "April 2024" and "Apr" for "2024-04".
func monthNames(m string) (long, short string) {
	day, err := assessment.ParseDate(m + "-01")
	if err != nil {
		return m, m
	}
	t := day.Time()
	return t.Month().String() + " " + fmt.Sprint(t.Year()), t.Month().String()[:3]
}

// extremes are the lowest and highest values and where they first are.
func extremes(vs []float64) (lo, hi float64, loAt, hiAt int, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for i, v := range vs {
		if math.IsNaN(v) {
			continue
		}
		ok = true
		if v < lo {
			lo, loAt = v, i
		}
		if v > hi {
			hi, hiAt = v, i
		}
	}
	return lo, hi, loAt, hiAt, ok
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// timelinessChart is the share of acknowledgements and responses within
// the Code's timescales at each stage, this year and last.
func (r *Report) timelinessChart() (*chart.Chart, *Table) {
	f := r.Pack.Figures
	ys := r.years()
	c := &chart.Chart{ID: "chart-timeliness", Title: "Timeliness against the Code's timescales", Percent: true}
	t := &Table{Caption: "Acknowledgements and responses within the Code's timescales", Header: []string{"Measure"}, Right: []bool{false}, Cards: true}
	for i, y := range ys {
		c.Series = append(c.Series, chart.Series{Name: yearName(y), Colour: []string{colourThis, colourLast}[i]})
		t.Header = append(t.Header, yearName(y))
		t.Right = append(t.Right, true)
	}
	cat, _ := codes.Lookup(f.Timescales, r.Pack.Dir)
	type measure struct {
		name string
		get  func(*figures.Stage) (n, of *int)
	}
	var measures []measure
	for s := range 2 {
		ack := fmt.Sprintf("Stage %d acknowledged", s+1)
		resp := fmt.Sprintf("Stage %d responses", s+1)
		if cat != nil {
			if _, ts, ok := cat.Timescale(fmt.Sprintf("stage %d acknowledgement", s+1)); ok {
				ack += fmt.Sprintf(" within %d %s", ts.Within, ts.Unit)
			}
			if _, ts, ok := cat.Timescale(fmt.Sprintf("stage %d response", s+1)); ok {
				resp += fmt.Sprintf(" within %d %s", ts.Within, ts.Unit)
				if _, _, ext := cat.Timescale(fmt.Sprintf("stage %d extension", s+1)); ext {
					resp += " or an agreed extension"
				}
			}
		}
		measures = append(measures,
			measure{ack, func(x *figures.Stage) (*int, *int) { return x.AcknowledgedWithin, x.Acknowledged }},
			measure{resp, func(x *figures.Stage) (*int, *int) { return x.RespondedWithin, x.Responded }})
	}
	any := false
	var alt []string
	for i, m := range measures {
		s := i / 2
		row := []string{m.name}
		var vals []string
		for k, y := range ys {
			v := chart.None
			cell := "-"
			if st := y.Stages[s]; st != nil {
				n, of := m.get(st)
				v, cell = percent(n, of), share(n, of)
			}
			c.Series[k].Values = append(c.Series[k].Values, v)
			row = append(row, cell)
			if !math.IsNaN(v) {
				any = true
				vals = append(vals, c.Format(v)+" in "+yearName(y))
			}
		}
		if len(vals) > 0 {
			alt = append(alt, strings.ToLower(m.name[:1])+m.name[1:]+": "+strings.Join(vals, ", "))
		}
		c.Categories = append(c.Categories, m.name)
		t.Rows = append(t.Rows, row)
	}
	if !any {
		return nil, nil
	}
	c.Alt = capitalise(strings.Join(alt, "; ")) + "."
	return c, t
}

// yearChart is the complaints received at each stage, this year beside
// last year's.
func (r *Report) yearChart() (*chart.Chart, *Table) {
	ys := r.years()
	if len(ys) < 2 {
		return nil, nil
	}
	c := &chart.Chart{ID: "chart-years", Title: "Complaints received, " + yearName(ys[1]) + " and " + yearName(ys[0])}
	t := &Table{Caption: "Complaints received by stage, year on year", Header: []string{"Stage"}, Right: []bool{false}}
	// Last year first, so the bars read in time order.
	order := []*figures.Figures{ys[1], ys[0]}
	for i, y := range order {
		c.Series = append(c.Series, chart.Series{Name: yearName(y), Colour: []string{colourLast, colourThis}[i]})
		t.Header = append(t.Header, yearName(y))
		t.Right = append(t.Right, true)
	}
	var alt []string
	for s := range 2 {
		name := fmt.Sprintf("Stage %d", s+1)
		c.Categories = append(c.Categories, name)
		row := []string{name}
		var vs []float64
		for k, y := range order {
			v := chart.None
			if st := y.Stages[s]; st != nil && st.Received != nil {
				v = float64(*st.Received)
			}
			c.Series[k].Values = append(c.Series[k].Values, v)
			row = append(row, c.Format(v))
			vs = append(vs, v)
		}
		t.Rows = append(t.Rows, row)
		if !math.IsNaN(vs[0]) && !math.IsNaN(vs[1]) {
			verb := "rose"
			switch {
			case vs[1] < vs[0]:
				verb = "fell"
			case vs[1] == vs[0]:
				verb = "stayed"
			}
			if verb == "stayed" {
				alt = append(alt, fmt.Sprintf("%s complaints stayed at %s", strings.ToLower(name), c.Format(vs[0])))
			} else {
				alt = append(alt, fmt.Sprintf("%s complaints %s from %s in %s to %s in %s", strings.ToLower(name), verb, c.Format(vs[0]), yearName(order[0]), c.Format(vs[1]), yearName(order[1])))
			}
		}
	}
	if len(alt) == 0 {
		return nil, nil
	}
	c.Alt = capitalise(english.And(alt)) + "."
	return c, t
}

// refusals is the landlord's account of what was refused, and the reasons
// the figures count.
func (r *Report) refusals() {
	a, f := r.Pack.Annual, r.Pack.Figures
	var blocks []Block
	if ps := report.Paragraphs(a.Refusals); len(ps) > 0 {
		blocks = append(blocks, Block{Kind: Prose, Paras: ps})
	}
	if f != nil {
		t := &Table{Caption: "Complaints not accepted, by reason", Header: []string{"Stage", "Reason", "Complaints"}, Right: []bool{false, false, true}}
		for s, st := range f.Stages {
			if st == nil {
				continue
			}
			for _, c := range st.Refusals {
				t.Rows = append(t.Rows, []string{fmt.Sprintf("Stage %d", s+1), c.Label, thousands(c.N)})
			}
		}
		if len(t.Rows) > 0 {
			blocks = append(blocks, Block{Kind: TableBlock, Table: t})
		} else if refusalsCounted(f) {
			blocks = append(blocks, Block{Kind: Para, Text: "No complaint was refused in " + yearName(f) + "."})
		}
	}
	if len(blocks) == 0 {
		blocks = append(blocks, Block{Kind: Note, Text: "The types of complaints not accepted are not yet given (refusals:, or a refusal reason column in the complaints log)."})
	}
	r.add("refusals", headRefusals, blocks...)
}

// themes is the categories and outcomes the figures count.
func (r *Report) themes() {
	f := r.Pack.Figures
	if f == nil {
		return
	}
	var blocks []Block
	for _, b := range []struct {
		caption, column string
		get             func(*figures.Stage) []figures.Count
	}{
		{"Complaints by category", "Category", func(s *figures.Stage) []figures.Count { return s.Categories }},
		{"Outcomes of the complaints answered", "Outcome", func(s *figures.Stage) []figures.Count { return s.Outcomes }},
	} {
		t := &Table{Caption: b.caption, Header: []string{b.column, "Stage 1", "Stage 2"}, Right: []bool{false, true, true}}
		index := map[string]int{}
		for s, st := range f.Stages {
			if st == nil {
				continue
			}
			for _, c := range b.get(st) {
				i, ok := index[c.Label]
				if !ok {
					i = len(t.Rows)
					index[c.Label] = i
					t.Rows = append(t.Rows, []string{c.Label, "0", "0"})
				}
				t.Rows[i][1+s] = thousands(c.N)
			}
		}
		if len(t.Rows) > 0 {
			blocks = append(blocks, Block{Kind: TableBlock, Table: t})
		}
	}
	if len(blocks) > 0 {
		r.add("themes", headThemes, blocks...)
	}
}

// ombudsman is the Ombudsman's determinations with their orders, and the
// reports the Ombudsman published about the landlord.
func (r *Report) ombudsman() {
	a := r.Pack.Annual
	o := a.Ombudsman
	var blocks []Block
	switch {
	case o == nil || !o.Given("determinations"):
		blocks = append(blocks, Block{Kind: Note, Text: "The Ombudsman's determinations for the year are not yet given (ombudsman: determinations:)."})
	case len(o.Determinations) == 0:
		blocks = append(blocks, Block{Kind: Para, Text: "The Housing Ombudsman made no determinations about us in " + orWord(a.Period, "the year") + ", and no finding of non-compliance with the Complaint Handling Code."})
	default:
		nc := 0
		t := &Table{Caption: "Determinations by the Housing Ombudsman", Header: []string{"Case", "Determined", "About", "Finding", "Non-compliance with the Code", "Orders and what became of them"},
			Dates: []bool{false, true}, Cards: true}
		for _, d := range o.Determinations {
			code := "No"
			if d.NonCompliance {
				code, nc = "Yes", nc+1
			}
			var orders []string
			for _, ord := range d.Orders {
				s := strings.TrimSuffix(ord.Order, ".")
				if !ord.Due.IsZero() {
					s += " (due " + ord.Due.Long() + ")"
				}
				s += ": " + strings.ToLower(ord.Status.Label())
				if !ord.On.IsZero() {
					s += " on " + ord.On.Long()
				}
				orders = append(orders, s)
			}
			if len(orders) == 0 {
				orders = []string{"None"}
			}
			t.Rows = append(t.Rows, []string{d.Case, d.Date.Long(), d.About, d.Finding, code, strings.Join(orders, "\n\n")})
		}
		lead := fmt.Sprintf("The Housing Ombudsman determined %s about us in %s", english.Count(len(o.Determinations), "case"), orWord(a.Period, "the year"))
		switch nc {
		case 0:
			lead += ", with no finding of non-compliance with the Complaint Handling Code."
		case 1:
			lead += "; in one it found we had not complied with the Complaint Handling Code."
		default:
			lead += fmt.Sprintf("; in %d it found we had not complied with the Complaint Handling Code.", nc)
		}
		blocks = append(blocks, Block{Kind: Para, Text: lead}, Block{Kind: TableBlock, Table: t})
	}
	blocks = append(blocks, Block{Kind: Subheading, Text: "Reports about us from the Ombudsman"})
	var links []Link
	switch {
	case o != nil && o.AnnualReport != nil:
		l := *o.AnnualReport
		l.Title = orWord(l.Title, "The Ombudsman's annual report about us")
		links = append(links, l)
	case o != nil && o.NoAnnualReport:
		blocks = append(blocks, Block{Kind: Para, Text: "The Ombudsman published no annual report about our performance for the year."})
	default:
		blocks = append(blocks, Block{Kind: Note, Text: "Whether the Ombudsman published an annual report about us is not yet given (ombudsman: annual_report:)."})
	}
	if o != nil {
		links = append(links, o.OtherReports...)
	}
	if len(links) > 0 {
		blocks = append(blocks, Block{Kind: Links, Links: links})
	} else if o != nil && o.Given("other_reports") && !o.NoAnnualReport {
		blocks = append(blocks, Block{Kind: Para, Text: "The Ombudsman published no other report about us in the year."})
	}
	if o != nil && o.Given("other_reports") && len(o.OtherReports) == 0 && o.NoAnnualReport {
		blocks = append(blocks, Block{Kind: Para, Text: "Nor did it publish any other report about us."})
	}
	r.add("ombudsman", headOmbudsman, blocks...)
}

// improvements is what was learned and changed, in the order the file
// lists them.
func (r *Report) improvements() {
	ims := r.Pack.Annual.Improvements
	if len(ims) == 0 {
		r.add("improvements", headImprovements, Block{Kind: Note, Text: "The service improvements made from complaints are not yet listed (improvements:)."})
		return
	}
	t := &Table{Caption: "What complaints taught us, and what we changed", Header: []string{"What we learned", "What we changed", "When"},
		Dates: []bool{false, false, true}, Cards: true}
	for _, im := range ims {
		t.Rows = append(t.Rows, []string{im.Learned, im.Changed, im.When.Long()})
	}
	r.add("improvements", headImprovements, Block{Kind: TableBlock, Table: t})
}

// response is the governing body's response.
func (r *Report) response() {
	rs := r.Pack.Annual.Response
	if rs == nil {
		r.add("response", headResponse, Block{Kind: Note, Text: "The governing body has not yet responded to this report (response:)."})
		return
	}
	lead := "Response from " + orWord(oneLine(rs.By), "the governing body")
	if !rs.On.IsZero() {
		lead += ", " + rs.On.Long()
	}
	r.add("response", headResponse, Block{Kind: Lead, Text: lead}, Block{Kind: Prose, Paras: report.Paragraphs(rs.Text)})
}

// SelfNote is what the report says where the self-assessment would be
// when there is none.
func (r *Report) SelfNote() string {
	return "The report names no self-assessment (self_assessment:)."
}
