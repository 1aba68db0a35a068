package figures

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/csa-tool/csa/assessment/calendar"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
)

// This file counts a log's records into the figures. It keeps counts, not
// rows: a log of any length costs the same memory, bar the rows left out
// (each listed) and the working days to respond (a count for each number of
// days).
//
// Which period a record counts in:
//
//   - received, refused, acknowledged, responded, within, extensions,
//     outcomes, categories and the working days to respond: the records
//     received in the period (the clock started in it), whenever they were
//     acknowledged or answered (up to the log's export);
//   - CH02: the responses sent in the period, whenever the complaint was
//     received, as the regulator counts it.

// Options are what counting a log needs.
type Options struct {
	Catalogue   *codes.Catalogue   // the Code whose timescales "within" counts against
	Calendar    *calendar.Calendar // working days
	Period      string             // "2024/25"
	AsOf        calendar.Day       // today: a later date in the log is a mistake
	Homes       int                // homes owned, for CH01; 0 when not given
	TenureHomes map[string]int     // homes of each tenure (TenureRental, TenureOwnership)
	Landlord    string
	Log         string // the log's name, as the figures file records it
	Sheet       string // the sheet of a workbook to read; "" finds it
}

// Result is a log counted.
type Result struct {
	Figures *Figures
	LeftOut []Problem // rows that could not be used, in the log's order
	Notes   []string  // what was read and how, for standard error
}

// FromLog reads a complaints log (CSV, or an Excel workbook) and counts it.
// An error is a log that cannot be read at all, or options that cannot be
// used; rows that cannot be used are Result.LeftOut.
func FromLog(r io.Reader, opts Options) (*Result, error) {
	from, to, ok := PeriodDays(opts.Period)
	if !ok {
		return nil, errorf("the period %q is not a financial year like 2024/25", opts.Period)
	}
	c, err := newCounter(opts, from, to)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(r)
	magic, _ := br.Peek(4)
	var rows rowReader
	if IsWorkbook(magic) {
		data, err := io.ReadAll(br)
		if err != nil {
			return nil, errorf("it cannot be read")
		}
		rows = xlsxRows(data, opts.Sheet, &c.notes)
	} else {
		if opts.Sheet != "" {
			return nil, errorf("--sheet is for an Excel workbook, and this is not one")
		}
		rows = csvRows(br)
	}
	if err := rows(c.row); err != nil {
		return nil, err
	}
	if c.layout == nil {
		if c.scanned == 0 {
			return nil, errorf("it is empty")
		}
		return nil, errorf("no header row csa recognises in its first %d rows: the log needs a Received column (Received, Date received, Date raised) and at least one more", headerSearch)
	}
	return c.result(), nil
}

// stageRules are the Code's timescales for one stage; nil where it sets none.
type stageRules struct {
	ack, resp, ext *codes.Timescale
}

// tally counts one stage for one group of homes (all, or one tenure).
type tally struct {
	received, refused, ack, ackWithin, resp, respWithin, byExt, extended, beyond int
	days                                                                         []int // days[n]: responses n working days after receipt
	refusals, outcomes, categories                                               labels
	ch02Resp, ch02Within                                                         int
	seen                                                                         bool
}

// labels counts the values of a column, in the order first seen, each
// spelling under the first (case aside). Past maxLabels values the rest are
// one count: a column of free text must not fill the figures.
type labels struct {
	order  []string
	counts map[string]int
	keys   map[string]string // lower case -> first spelling
}

const maxLabels = 40

const otherLabels = "(other values)"

func (l *labels) add(s string) {
	if l.counts == nil {
		l.counts, l.keys = map[string]int{}, map[string]string{}
	}
	if _, ok := l.counts[s]; ok && s != otherLabels {
		l.counts[s]++ // spelt as first seen: the usual case
		return
	}
	k := strings.ToLower(s)
	name, ok := l.keys[k]
	if !ok {
		if len(l.order) >= maxLabels {
			name = otherLabels
			if l.counts[name] == 0 {
				l.order = append(l.order, name)
			}
		} else {
			name = s
			l.keys[k] = s
			l.order = append(l.order, s)
		}
	}
	l.counts[name]++
}

// list returns the counts, most first, then by label, so the same log gives
// the same order whatever order its rows are in; the other values last.
func (l *labels) list() []Count {
	out := make([]Count, 0, len(l.order))
	for _, s := range l.order {
		out = append(out, Count{s, l.counts[s]})
	}
	sortCounts(out)
	return out
}

type counter struct {
	opts     Options
	from, to calendar.Day
	rules    [2]stageRules
	tallies  [3][2]tally // all, rental, ownership; stage 1, 2
	layout   *layout
	tenures  bool // the log has a tenure column
	read     int  // data rows
	used     int
	outside  int
	leftOut  []Problem
	notes    []string
	scanned  int // rows looked at for the header
	neither  int // rows with a tenure that is neither of the regulator's two
	stage3   int
	sawStage [3]bool
	months   []monthTally // each calendar month of the period, all homes
}

// monthTally counts one calendar month: at each stage, the complaints
// received in it (and of those refused), and the responses sent in it (and
// of those within the Code's timescale), as CH02 counts them.
type monthTally [2]struct{ received, refused, resp, within int }

func newCounter(opts Options, from, to calendar.Day) (*counter, error) {
	if opts.Catalogue == nil || opts.Calendar == nil {
		return nil, errors.New("figures: FromLog needs a catalogue and a calendar")
	}
	c := &counter{opts: opts, from: from, to: to}
	c.months = make([]monthTally, monthIndex(from, to)+1)
	some := false
	for s := range 2 {
		for _, m := range []struct {
			kind string
			to   **codes.Timescale
		}{{"acknowledgement", &c.rules[s].ack}, {"response", &c.rules[s].resp}, {"extension", &c.rules[s].ext}} {
			if _, t, ok := opts.Catalogue.Timescale(fmt.Sprintf("stage %d %s", s+1, m.kind)); ok {
				*m.to, some = t, true
			}
		}
	}
	if !some {
		return nil, errorf("catalogue %s marks no timescale with measure: (stage 1 response, say), so csa cannot tell what is on time", opts.Catalogue.ID)
	}
	if !opts.Calendar.Covers(from) || !opts.Calendar.Covers(to) {
		return nil, errorf("the period %s runs outside the years the working-day calendar %s covers (%d to %d)", opts.Period, opts.Calendar.Name, opts.Calendar.FirstYear, opts.Calendar.LastYear)
	}
	return c, nil
}

// row takes one row of the log.
func (c *counter) row(w Where, cells []string, serial, date1904 bool) error {
	if c.layout == nil {
		if cells == nil || blankRow(cells) {
			return nil
		}
		c.scanned++
		if l, ok := parseHeader(cells); ok {
			if l.perStage && l.perCase {
				return errorf("%s: it has a Stage column and stage 2 columns: csa reads one row per stage (a Stage column) or one row per complaint (stage 2 columns), not both", w)
			}
			c.layout = l
			c.tenures = l.cols[0][fieldTenure] >= 0
			c.notes = append(c.notes, "columns read: "+strings.Join(l.read, ", "))
			if len(l.notRead) > 0 {
				c.notes = append(c.notes, "columns not read: "+strings.Join(l.notRead, ", "))
			}
			if len(l.duplicate) > 0 {
				c.notes = append(c.notes, "columns not read, another being read for the same thing: "+strings.Join(l.duplicate, ", "))
			}
			switch {
			case l.perStage:
				c.notes = append(c.notes, "one row per stage (a Stage column)")
			case l.perCase:
				c.notes = append(c.notes, "one row per complaint, with its stage 2 columns")
			default:
				c.notes = append(c.notes, "no Stage column and no stage 2 columns: every row is read as stage 1")
			}
			return nil
		}
		if c.scanned >= headerSearch {
			return errorf("no header row csa recognises in its first %d rows: the log needs a Received column (Received, Date received, Date raised) and at least one more", headerSearch)
		}
		return nil
	}
	if cells != nil && blankRow(cells) {
		return nil
	}
	c.read++
	if cells == nil {
		c.leave(w, "", "a stray quote mark: the row cannot be read as CSV")
		return nil
	}
	recs, ref, err := c.layout.build(cells, serial, date1904)
	if err != nil {
		c.leave(w, ref, err.Error())
		return nil
	}
	if !c.inPeriod(recs) {
		c.outside++
		return nil
	}
	evs := make([]evaluation, len(recs))
	for i := range recs {
		if msg := c.plausible(&recs[i]); msg != "" {
			c.leave(w, ref, msg)
			return nil
		}
		ev, msg := c.evaluate(&recs[i])
		if msg != "" {
			c.leave(w, ref, msg)
			return nil
		}
		evs[i] = ev
	}
	c.used++
	for i := range recs {
		c.add(&recs[i], evs[i])
	}
	return nil
}

func (c *counter) leave(w Where, ref, msg string) {
	c.leftOut = append(c.leftOut, Problem{Where: w, Ref: ref, Message: msg})
}

func (c *counter) in(d calendar.Day) bool { return d != noDay && d >= c.from && d <= c.to }

// inPeriod reports whether a row has anything to count in the period: a
// stage received in it, or acknowledged or answered in it.
func (c *counter) inPeriod(recs []record) bool {
	for _, r := range recs {
		if c.in(r.start) || c.in(r.ack) || c.in(r.resp) {
			return true
		}
	}
	return false
}

// plausible checks a record's dates and stage, or says why it cannot be used.
func (c *counter) plausible(r *record) string {
	switch {
	case r.stage == 3:
		c.stage3++
		return "a stage 3: csa counts stages 1 and 2, as the Code and the regulator's measures have them"
	case r.stage == 0:
		if r.stageRaw == "" {
			return "no stage"
		}
		return fmt.Sprintf("stage %s is not stage 1 or 2", quoted(r.stageRaw))
	}
	c.sawStage[r.stage] = true
	what, before := "received", "it was received"
	if r.stage == 2 {
		what, before = "escalation requested", "the escalation was requested"
	}
	dates := []struct {
		name string
		d    calendar.Day
	}{{what, r.start}, {"acknowledged", r.ack}, {"responded", r.resp}, {"extended to", r.ext.until}}
	if !r.ext.dated {
		dates = dates[:3]
	}
	for _, d := range dates {
		if d.d == noDay {
			continue
		}
		if !c.opts.Calendar.Covers(d.d) {
			return fmt.Sprintf("%s %s is outside the years the working-day calendar covers (%d to %d)", d.name, d.d, c.opts.Calendar.FirstYear, c.opts.Calendar.LastYear)
		}
		if d.d > c.opts.AsOf {
			return fmt.Sprintf("%s %s is after today (%s)", d.name, d.d, c.opts.AsOf)
		}
	}
	switch {
	case r.ack != noDay && r.ack < r.start:
		return fmt.Sprintf("acknowledged %s, before %s on %s", r.ack, before, r.start)
	case r.resp != noDay && r.resp < r.start:
		return fmt.Sprintf("responded %s, before %s on %s", r.resp, before, r.start)
	case r.resp != noDay && r.ack != noDay && r.resp < r.ack:
		return fmt.Sprintf("responded %s, before it was acknowledged on %s", r.resp, r.ack)
	}
	return ""
}

// evaluation is a record measured against the Code's timescales.
type evaluation struct {
	ackWithin  bool
	respWithin bool // extensions within the Code's limit included
	byExt      bool // within only thanks to an extension
	beyond     bool // an extension longer than the Code allows
	days       int  // working days from receipt to response
}

// evaluate measures a record against its stage's timescales.
func (c *counter) evaluate(r *record) (evaluation, string) {
	var ev evaluation
	if r.refused {
		return ev, ""
	}
	cal := c.opts.Calendar
	rules := c.rules[r.stage-1]
	if t := rules.ack; t != nil && r.ack != noDay {
		n, err := elapsed(cal, t.Unit, r.start, r.ack)
		if err != nil {
			return ev, err.Error()
		}
		ev.ackWithin = n <= t.Within
	}
	if r.resp == noDay {
		return ev, ""
	}
	days, err := cal.WorkingDays(r.start, r.resp)
	if err != nil {
		return ev, err.Error()
	}
	ev.days = days
	t := rules.resp
	if t == nil {
		return ev, ""
	}
	start := r.start
	if t.Starts == "acknowledgement" {
		if r.ack == noDay {
			return ev, fmt.Sprintf("responded %s but no acknowledged date: the Code's stage %d response time runs from the acknowledgement", r.resp, r.stage)
		}
		start = r.ack
	}
	n, err := elapsed(cal, t.Unit, start, r.resp)
	if err != nil {
		return ev, err.Error()
	}
	ev.respWithin = n <= t.Within
	if !r.ext.given || rules.ext == nil {
		return ev, ""
	}
	// The response was due on day Within of its clock; the Code allows an
	// extension of up to ext.Within more from there.
	due, err := add(cal, t.Unit, start, t.Within)
	if err != nil {
		return ev, err.Error()
	}
	limit, err := add(cal, rules.ext.Unit, due, rules.ext.Within)
	if err != nil {
		return ev, err.Error()
	}
	agreed := limit
	switch {
	case r.ext.dated:
		agreed = r.ext.until
		if agreed < due {
			return ev, fmt.Sprintf("extended to %s, before the response was due on %s", agreed, due)
		}
	case r.ext.days > 0:
		if agreed, err = cal.AddWorkingDays(due, r.ext.days); err != nil {
			return ev, err.Error()
		}
	}
	ev.beyond = agreed > limit
	if ev.respWithin {
		return ev, ""
	}
	// On time within the extension, up to the Code's limit: counted as
	// within, and apart.
	last := min(agreed, limit)
	nLast, err := elapsed(cal, t.Unit, start, last)
	if err != nil {
		return ev, err.Error()
	}
	if n <= nLast {
		ev.respWithin, ev.byExt = true, true
	}
	return ev, ""
}

// elapsed is the time from one day to another in a timescale's unit.
func elapsed(cal *calendar.Calendar, unit string, from, to calendar.Day) (int, error) {
	if unit == "days" {
		return int(to - from), nil
	}
	return cal.WorkingDays(from, to)
}

// add is the day a timescale of n units from a day ends on.
func add(cal *calendar.Calendar, unit string, from calendar.Day, n int) (calendar.Day, error) {
	if unit == "days" {
		return from + calendar.Day(n), nil
	}
	return cal.AddWorkingDays(from, n)
}

// add counts a usable record into the tallies of its homes.
func (c *counter) add(r *record, ev evaluation) {
	groups := []int{0}
	switch r.tenure {
	case TenureRental:
		groups = append(groups, 1)
	case TenureOwnership:
		groups = append(groups, 2)
	default:
		if c.tenures && c.in(r.start) && r.stage == 1 {
			c.neither++
		}
	}
	c.addMonth(r, ev)
	for _, g := range groups {
		t := &c.tallies[g][r.stage-1]
		t.seen = true
		if c.in(r.start) {
			t.received++
			t.categories.add(orNot(r.category, "not recorded"))
			if r.refused {
				t.refused++
				t.refusals.add(orNot(r.reason, "no reason recorded"))
			} else {
				if r.ack != noDay {
					t.ack++
					if ev.ackWithin {
						t.ackWithin++
					}
				}
				if r.resp != noDay {
					t.resp++
					if ev.respWithin {
						t.respWithin++
					}
					if ev.byExt {
						t.byExt++
					}
					if r.ext.given {
						t.extended++
						if ev.beyond {
							t.beyond++
						}
					}
					for len(t.days) <= ev.days {
						t.days = append(t.days, 0)
					}
					t.days[ev.days]++
				}
				if r.resp != noDay || r.outcome != "" {
					t.outcomes.add(orNot(r.outcome, "not recorded"))
				}
			}
		}
		if !r.refused && c.in(r.resp) {
			t.ch02Resp++
			if ev.respWithin {
				t.ch02Within++
			}
		}
	}
}

// addMonth counts a record into the month it was received in, and the
// month its response was sent in.
func (c *counter) addMonth(r *record, ev evaluation) {
	s := r.stage - 1
	if c.in(r.start) {
		m := &c.months[monthIndex(c.from, r.start)][s]
		m.received++
		if r.refused {
			m.refused++
		}
	}
	if !r.refused && c.in(r.resp) {
		m := &c.months[monthIndex(c.from, r.resp)][s]
		m.resp++
		if ev.respWithin {
			m.within++
		}
	}
}

// monthIndex is how many calendar months d is after from's.
func monthIndex(from, d calendar.Day) int {
	fy, fm, _ := from.Date()
	y, m, _ := d.Date()
	return (y-fy)*12 + int(m-fm)
}

func orNot(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// result turns the tallies into figures.
func (c *counter) result() *Result {
	o := c.opts
	f := &Figures{
		Landlord: o.Landlord, Period: o.Period, From: c.from, To: c.to,
		Timescales: o.Catalogue.ID, Calendar: o.Calendar.Name, Log: o.Log,
		Rows: &Rows{Read: c.read, Used: c.used, Outside: c.outside, LeftOut: len(c.leftOut)},
	}
	if n := o.Calendar.ClosedCount(); n > 0 {
		f.Closed = intp(n)
	}
	if o.Homes > 0 {
		f.Homes = intp(o.Homes)
	}
	for s := range 2 {
		f.Stages[s] = c.stage(&c.tallies[0][s], s)
		f.CH02[s] = share(&c.tallies[0][s])
		if o.Homes > 0 {
			f.CH01[s] = floatp(PerThousand(c.tallies[0][s].received-c.tallies[0][s].refused, o.Homes))
		}
	}
	f.Months = c.monthFigures()
	if r := c.tallies[0][0].resp; r > 0 {
		f.Escalation = floatp(Percent(c.tallies[0][1].received, r))
	}
	if c.tenures {
		for g, name := range Tenures {
			tl := &c.tallies[g+1]
			homes := o.TenureHomes[name]
			if !tl[0].seen && !tl[1].seen && homes == 0 {
				continue
			}
			t := &Tenure{Name: name}
			if homes > 0 {
				t.Homes = intp(homes)
			}
			for s := range 2 {
				t.Stages[s] = c.stage(&tl[s], s)
				t.CH02[s] = share(&tl[s])
				if homes > 0 {
					t.CH01[s] = floatp(PerThousand(tl[s].received-tl[s].refused, homes))
				}
			}
			f.Tenures = append(f.Tenures, t)
		}
		if c.neither > 0 {
			c.notes = append(c.notes, fmt.Sprintf("%s received in %s with a tenure that is neither low-cost rental nor low-cost home ownership, or none: counted in the totals only", english.Count(c.neither, "stage 1 complaint"), o.Period))
		}
	} else if len(o.TenureHomes) > 0 {
		c.notes = append(c.notes, "the log has no tenure column: the homes of each tenure are not used")
	}
	return &Result{Figures: f, LeftOut: c.leftOut, Notes: c.notes}
}

// monthFigures are the months' counts, every month of the period (a month
// without complaints is zeros, not missing). Refused is given where the log
// says which complaints were refused.
func (c *counter) monthFigures() []*Month {
	fy, fm, _ := c.from.Date()
	refusals := c.layout.cols[0][fieldRefused] >= 0 || c.layout.cols[0][fieldReason] >= 0 ||
		c.layout.cols[1][fieldRefused] >= 0 || c.layout.cols[1][fieldReason] >= 0
	out := make([]*Month, len(c.months))
	for i, mt := range c.months {
		d := calendar.DayOf(fy, fm+time.Month(i), 1)
		y, m, _ := d.Date()
		mo := &Month{Month: fmt.Sprintf("%04d-%02d", y, m)}
		for s := range 2 {
			ms := &MonthStage{Received: intp(mt[s].received), Responded: intp(mt[s].resp)}
			if refusals {
				ms.Refused = intp(mt[s].refused)
			}
			if c.rules[s].resp != nil {
				ms.Within = intp(mt[s].within)
			}
			mo.Stages[s] = ms
		}
		out[i] = mo
	}
	return out
}

// stage is one stage's figures from its tally: the counts the Code's
// timescales allow (no acknowledged within where the Code sets no time).
func (c *counter) stage(t *tally, s int) *Stage {
	r := c.rules[s]
	// A figure the log has no column for is not given, rather than 0.
	has := func(fs ...field) bool {
		for _, f := range fs {
			if c.layout.cols[0][f] >= 0 || (s == 1 && c.layout.cols[1][f] >= 0) {
				return true
			}
		}
		return false
	}
	st := &Stage{Received: intp(t.received), Responded: intp(t.resp)}
	if has(fieldRefused, fieldReason) {
		st.Refused, st.Refusals = intp(t.refused), t.refusals.list()
	}
	if has(fieldAck) {
		st.Acknowledged = intp(t.ack)
		if r.ack != nil {
			st.AcknowledgedWithin = intp(t.ackWithin)
		}
	}
	if has(fieldOutcome) {
		st.Outcomes = t.outcomes.list()
	}
	if has(fieldCategory) {
		st.Categories = t.categories.list()
	}
	if r.resp != nil {
		st.RespondedWithin = intp(t.respWithin)
	}
	if has(fieldExt, fieldExtDue) {
		st.Extended = intp(t.extended)
		if r.ext != nil && r.resp != nil {
			st.WithinByExtension = intp(t.byExt)
			st.ExtensionBeyondLimit = intp(t.beyond)
		}
	}
	if t.resp > 0 {
		st.MedianDays = floatp(median(t.days, t.resp))
		st.P90Days = intp(rank(t.days, (t.resp*9+9)/10))
	}
	return st
}

func share(t *tally) *Share {
	s := &Share{Responded: intp(t.ch02Resp), Within: intp(t.ch02Within)}
	if t.ch02Resp > 0 {
		s.Percent = floatp(Percent(t.ch02Within, t.ch02Resp))
	}
	return s
}

// rank is the k-th smallest (1-based) of the values the histogram counts.
func rank(h []int, k int) int {
	seen := 0
	for v, n := range h {
		seen += n
		if seen >= k {
			return v
		}
	}
	return len(h) - 1
}

// median of n values: the middle one, or the mean of the middle two.
func median(h []int, n int) float64 {
	if n%2 == 1 {
		return float64(rank(h, (n+1)/2))
	}
	return float64(rank(h, n/2)+rank(h, n/2+1)) / 2
}
