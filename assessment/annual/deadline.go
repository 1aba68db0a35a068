package annual

import (
	"fmt"
	"time"

	"github.com/csa-tool/csa/assessment"
)

// This file is the submission deadline. A landlord with more than 1,000
// homes submits by 30 September after its financial year ends; a smaller
// one within six months of the year end. The form's year is the
// Ombudsman's year (April to March) in which the deadline falls, so a
// 2024/25 report, due by 30 September 2025, goes on the 2025-26 form.

// LargeLandlord is the number of homes above which the deadline is 30
// September.
const LargeLandlord = 1000

// DueWarning is how many days before the deadline csa check warns that it
// is near.
const DueWarning = 30

// Deadline is when the report must be with the Ombudsman, and the rule
// that set it.
type Deadline struct {
	Due  assessment.Date
	Rule string // "more than 1,000 homes: by 30 September after the financial year end"
}

// DeadlineFor works the deadline out from the homes owned and the last
// day of the financial year.
func DeadlineFor(homes int, yearEnd assessment.Date) Deadline {
	if homes > LargeLandlord {
		y := yearEnd.Time().Year()
		due := assessment.NewDate(y, time.September, 30)
		if !due.After(yearEnd) {
			due = assessment.NewDate(y+1, time.September, 30)
		}
		return Deadline{Due: due, Rule: fmt.Sprintf("more than %s homes: by 30 September after the financial year ends", thousands(LargeLandlord))}
	}
	return Deadline{Due: addMonths(yearEnd, 6), Rule: fmt.Sprintf("%s homes or fewer: within six months of the financial year end", thousands(LargeLandlord))}
}

// addMonths is the day n months after d: the same day of the month, or
// the month's last day when d is the last of its month or the day does not
// exist (31 August and six months: 28 or 29 February).
func addMonths(d assessment.Date, n int) assessment.Date {
	t := d.Time()
	y, m, day := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if day > last || day == daysIn(y, m) {
		day = last
	}
	return assessment.NewDate(first.Year(), first.Month(), day)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// FormYear is the year of the Ombudsman's form a submission due on day
// goes on: the April-to-March year it falls in, written 2025-26.
func FormYear(day assessment.Date) string {
	t := day.Time()
	y := t.Year()
	if t.Month() < time.April {
		y--
	}
	return fmt.Sprintf("%d-%02d", y, (y+1)%100)
}

// Deadline is the report's deadline; ok is false when the file gives no
// homes or year end.
func (a *Annual) Deadline() (Deadline, bool) {
	if a.Homes == nil || a.YearEnd.IsZero() {
		return Deadline{}, false
	}
	return DeadlineFor(*a.Homes, a.YearEnd), true
}

// SubmittedBy returns the first submission made on or before day, if any.
func (a *Annual) SubmittedBy(day assessment.Date) (Submission, bool) {
	for _, s := range a.Submitted {
		if !s.On.IsZero() && !s.On.After(day) {
			return s, true
		}
	}
	return Submission{}, false
}

// thousands writes 4180 as 4,180.
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	out := ""
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out += ","
		}
		out += string(c)
	}
	return out
}
