package assessment

import (
	"fmt"
	"time"
)

// Date is a calendar day with no time or zone: the day an assessment was
// completed, an action is due, or "today" as --as-of pins it. The zero Date
// is no date; every calendar day is a date, 0001-01-01 included.
type Date struct {
	t   time.Time // UTC midnight
	set bool
}

// NewDate returns the given calendar day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{time.Date(year, month, day, 0, 0, 0, 0, time.UTC), true}
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate reads an ISO date, YYYY-MM-DD, and nothing else.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil || len(s) != 10 {
		return Date{}, fmt.Errorf("%q is not a date in the form YYYY-MM-DD", s)
	}
	return Date{t, true}, nil
}

// IsZero reports whether no date is set.
func (d Date) IsZero() bool { return !d.set }

// String formats the date as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Long formats the date for people: "31 May 2025".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2 January 2006")
}

// Time returns the date as UTC midnight.
func (d Date) Time() time.Time { return d.t }

// Before reports whether d is earlier than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// After reports whether d is later than e.
func (d Date) After(e Date) bool { return d.t.After(e.t) }

// AddDate adds years, months and days as time.Time.AddDate does; no date
// stays no date.
func (d Date) AddDate(years, months, days int) Date {
	if !d.set {
		return d
	}
	return Date{d.t.AddDate(years, months, days), true}
}

// DaysUntil returns the number of days from d to e (negative if e is
// earlier), exactly: counted in seconds, not in a time.Duration, which runs
// out at 292 years.
func (d Date) DaysUntil(e Date) int {
	return int((e.t.Unix() - d.t.Unix()) / (24 * 60 * 60))
}

// firstPlausible starts the span of dates an assessment can hold: the first
// Complaint Handling Code was published in 2020.
var firstPlausible = NewDate(2020, 1, 1)

// How far ahead of today a date can be meant: an assessment, an approval or
// a completion is at most a year ahead (a typed year), and an action's due
// date at most five (a long plan, such as a stock survey, is real; a due
// date in 2205 would never go overdue).
const (
	AheadYears    = 1
	DueAheadYears = 5
)

// Implausible says why d cannot be meant, with today as the day before
// which plans are made (the zero Date skips the future) and years how far
// ahead of it d may be: "is before 2020" or "is more than a year after
// 2025-07-01"; "" when it is plausible.
func (d Date) Implausible(today Date, years int) string {
	switch {
	case d.IsZero():
		return ""
	case d.Before(firstPlausible):
		return "is before 2020, earlier than any Complaint Handling Code"
	case !today.IsZero() && d.After(today.AddDate(years, 0, 0)):
		if years == 1 {
			return "is more than a year after " + today.String()
		}
		return fmt.Sprintf("is more than %d years after %s", years, today)
	}
	return ""
}
