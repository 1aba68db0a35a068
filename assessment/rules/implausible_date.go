package rules

import "github.com/csa-tool/csa/assessment"

// ImplausibleDate questions every date that cannot be meant: such a date
// would keep an assessment from ever going stale or an action from ever
// going overdue.
var ImplausibleDate = add(&Rule{
	Name:     "implausible-date",
	Severity: assessment.Error,
	order:    30,
	Summary: "a date (assessed, approved on, response on, an action's due or completed) before 2020, before any " +
		"Complaint Handling Code, or more than a year after today (a due date: more than five years); a response " +
		"dated before the assessment was completed",
	What: "Every date in the file (assessed, approved on, the governing body's response, and each action's " +
		"due and completed dates) is a real day, but some cannot be meant: a day before 2020, when no " +
		"Complaint Handling Code existed, or one more than a year after today (five years for a due date, " +
		"since long plans are real). Today is --as-of, or the machine's date. A response dated before " +
		"the assessment was completed is questioned too.",
	Why: "0001-01-01 and 9999-12-31 are dates, not blanks: a typed year such as 2205 would keep an " +
		"action from ever going overdue and an assessment from ever going stale, so the plan would " +
		"look on track when it is not.",
	Fix: "Check the year of the date at the line the finding names and correct it. If a due date " +
		"really is more than five years away, split the action into steps with nearer dates.",
	check: func(c *checker) {
		today := c.opts.AsOf
		check := func(d assessment.Date, p assessment.Pos, id, what string) {
			years := assessment.AheadYears
			if what == "due" {
				years = assessment.DueAheadYears
			}
			if why := d.Implausible(today, years); why != "" {
				c.add(p, id, "%s %s%s %s: check the year", what, d, provisionSuffix(id), why)
			}
		}
		a := c.a
		check(a.Assessed, a.AssessedPos, "", "assessed")
		if a.Approved != nil {
			check(a.Approved.On, a.Approved.Pos, "", "approved on")
		}
		if rs := a.Response; rs != nil {
			check(rs.On, rs.Pos, "", "response on")
			if !rs.On.IsZero() && !a.Assessed.IsZero() && rs.On.Before(a.Assessed) && rs.On.Implausible(today, assessment.AheadYears) == "" {
				c.add(rs.Pos, "", "response on %s is before the assessment was completed (assessed %s): the governing body responds to a finished assessment; check the date", rs.On, a.Assessed)
			}
		}
		for _, ans := range a.Answers {
			for _, act := range ans.Actions {
				check(act.Due, act.DuePos, ans.ID, "due")
				check(act.Completed, act.Pos, ans.ID, "completed")
			}
			for _, e := range ans.Entities {
				i := a.Entity(e.Name)
				for _, act := range e.Actions {
					for _, d := range []struct {
						on   assessment.Date
						at   assessment.Pos
						what string
					}{{act.Due, act.DuePos, "due"}, {act.Completed, act.Pos, "completed"}} {
						n := len(c.out)
						check(d.on, d.at, ans.ID, d.what)
						if len(c.out) > n && i >= 0 {
							c.forEntities([]int{i})
						}
					}
				}
			}
		}
	},
})
