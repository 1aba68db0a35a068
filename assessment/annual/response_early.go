package annual

import "github.com/csa-tool/csa/assessment"

// ResponseEarly finds a response dated before the report it responds to.
var ResponseEarly = add(&Rule{
	Name:     "annual-response-early",
	Severity: assessment.Error,
	order:    50,
	Summary:  "the governing body's `response` is dated before the report (`dated`)",
	What: "The response's on: date is before the report's dated: date: the governing body cannot have " +
		"responded to a report not yet finished.",
	Why: "The governing body responds to the finished report (Code 8.2); a response dated earlier was " +
		"made to a draft, or one of the dates is a typo.",
	Fix: "Correct whichever date is wrong. If the governing body saw a draft, date the report when it " +
		"was finished and record the response it gave to that.",
	check: func(c *checker) {
		a := c.a
		if rs := a.Response; rs != nil && !rs.On.IsZero() && !a.Dated.IsZero() && rs.On.Before(a.Dated) {
			c.add(c.p.Doc.Pos("response.on"), "the governing body's response is dated %s, before the report (dated %s)", rs.On, a.Dated)
		}
	},
})
