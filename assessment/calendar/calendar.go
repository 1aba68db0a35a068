// Package calendar owns working days: the bank holidays csa ships (England
// and Wales, Scotland, Northern Ireland: embedded YAML, one file each), the
// closure days a landlord adds of its own, and the arithmetic the Complaint
// Handling Code's timescales need.
//
// A working day is a Monday to Friday that is neither a bank holiday nor a
// closure day. Counting starts the way the Code's "within N working days of
// receipt" reads:
//
//   - Day 0 is the day the clock starts (a complaint received, an
//     acknowledgement sent). Day 1 is the next working day, and so on.
//   - A clock that starts on a day that is not a working day (a complaint
//     received on a Saturday, a bank holiday or a closure day) starts on the
//     next working day: that day is day 0, as if the complaint had arrived
//     then. A complaint that arrives on Saturday and is acknowledged on the
//     Monday was acknowledged on day 0.
//   - An event on a day that is not a working day (a response sent on a
//     Sunday) counts as on the working day before it: it is on time when the
//     last working day before it was.
//
// So WorkingDays(from, to) is the number of working days after day 0 up to
// and including to, and "within 10 working days" means WorkingDays <= 10.
//
// A calendar covers whole years, first_year to last_year. Arithmetic with a
// day outside them is an error, never a silent count without bank holidays.
package calendar

import (
	"errors"
	"fmt"
	"sort"
)

// Calendar is a set of non-working days over whole years.
type Calendar struct {
	Name      string // "england-and-wales", as its file names it
	Source    string // "embedded", or the file it was read from
	Title     string // "England and Wales"
	FirstYear int
	LastYear  int

	holidays map[Day]string // bank holidays, by day: their names
	closed   map[Day]string // the landlord's own closure days: their notes

	first Day     // 1 January of FirstYear
	cum   []int32 // cum[i]: working days in [first, first+i]
	open  []bool  // open[i]: first+i is a working day
}

// Holiday is one non-working day and why.
type Holiday struct {
	Day  Day
	Name string
}

// New builds a calendar from its bank holidays, covering the years first to
// last. Holidays outside those years are an error.
func New(name, title string, first, last int, holidays []Holiday) (*Calendar, error) {
	if first < 1900 || last > 2200 || last < first {
		return nil, fmt.Errorf("calendar %s: the years %d to %d are not a range csa can use", name, first, last)
	}
	c := &Calendar{Name: name, Title: title, FirstYear: first, LastYear: last,
		holidays: make(map[Day]string, len(holidays)), closed: map[Day]string{}}
	c.first = DayOf(first, 1, 1)
	for _, h := range holidays {
		if !c.Covers(h.Day) {
			return nil, fmt.Errorf("calendar %s: %s is outside its years (%d to %d)", name, h.Day, first, last)
		}
		c.holidays[h.Day] = h.Name
	}
	c.count()
	return c, nil
}

// WithClosed returns a copy of the calendar with the landlord's closure days
// added. Days outside the calendar's years are an error.
func (c *Calendar) WithClosed(days []Holiday) (*Calendar, error) {
	n := *c
	n.closed = make(map[Day]string, len(c.closed)+len(days))
	for d, why := range c.closed {
		n.closed[d] = why
	}
	for _, h := range days {
		if !c.Covers(h.Day) {
			return nil, &RangeError{Day: h.Day, First: c.FirstYear, Last: c.LastYear}
		}
		n.closed[h.Day] = h.Name
	}
	n.count()
	return &n, nil
}

// count builds the running count of working days, so that counting between
// two days is one subtraction, not a walk over the days between.
func (c *Calendar) count() {
	last := DayOf(c.LastYear, 12, 31)
	c.cum = make([]int32, int(last-c.first)+1)
	c.open = make([]bool, len(c.cum))
	var n int32
	for i := range c.cum {
		if c.isOpen(c.first + Day(i)) {
			n++
			c.open[i] = true
		}
		c.cum[i] = n
	}
}

// working reports whether a day the calendar covers is a working day.
func (c *Calendar) working(d Day) bool { return c.open[d-c.first] }

func (c *Calendar) isOpen(d Day) bool {
	if d.IsWeekend() {
		return false
	}
	if _, ok := c.holidays[d]; ok {
		return false
	}
	_, ok := c.closed[d]
	return !ok
}

// Covers reports whether the day falls within the calendar's years.
func (c *Calendar) Covers(d Day) bool {
	return d >= c.first && int(d-c.first) < c.cumLen()
}

func (c *Calendar) cumLen() int {
	if c.cum == nil {
		return int(DayOf(c.LastYear, 12, 31)-c.first) + 1
	}
	return len(c.cum)
}

// RangeError is the error for a day outside the calendar's years.
type RangeError struct {
	Day         Day
	First, Last int
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("%s is outside the years the working-day calendar covers (%d to %d)", e.Day, e.First, e.Last)
}

// ErrBackwards is WorkingDays' error when to is before from.
var ErrBackwards = errors.New("the end is before the start")

// WorkingDays returns the day number of to, counting from a clock started on
// from (see the package comment): the working days after day 0 up to and
// including to. It is an error for either day to be outside the calendar's
// years, or for to to be before from.
func (c *Calendar) WorkingDays(from, to Day) (int, error) {
	if !c.Covers(from) {
		return 0, &RangeError{Day: from, First: c.FirstYear, Last: c.LastYear}
	}
	if !c.Covers(to) {
		return 0, &RangeError{Day: to, First: c.FirstYear, Last: c.LastYear}
	}
	if to < from {
		return 0, ErrBackwards
	}
	n := int(c.cum[to-c.first] - c.cum[from-c.first])
	if !c.working(from) && n > 0 {
		n-- // the first working day after from is day 0, not day 1
	}
	return n, nil
}

// AddWorkingDays returns day n of a clock started on from: the working day
// on which WorkingDays(from, day) first equals n. Day 0 is from itself when
// it is a working day, else the next working day.
func (c *Calendar) AddWorkingDays(from Day, n int) (Day, error) {
	if !c.Covers(from) {
		return 0, &RangeError{Day: from, First: c.FirstYear, Last: c.LastYear}
	}
	if n < 0 {
		return 0, ErrBackwards
	}
	// Working days before from, plus day 0 itself, plus n.
	want := c.cum[from-c.first] + int32(n)
	if !c.working(from) {
		want++
	}
	// The first day whose running count reaches want is that working day.
	i := sort.Search(len(c.cum), func(i int) bool { return c.cum[i] >= want })
	if i == len(c.cum) {
		return 0, &RangeError{Day: DayOf(c.LastYear+1, 1, 1), First: c.FirstYear, Last: c.LastYear}
	}
	return c.first + Day(i), nil
}

// ClosedCount is how many closure days the landlord added.
func (c *Calendar) ClosedCount() int { return len(c.closed) }
