package rules

import "github.com/csa-tool/csa/assessment"

// Stale warns of an assessment more than a year old.
var Stale = add(&Rule{
	Name:     "stale",
	Severity: assessment.Warning,
	order:    130,
	Summary:  "assessed more than 12 months before today",
	What:     "The assessed: date is more than 12 months before today (--as-of, or the machine's date).",
	Why: "The Code asks landlords to assess themselves against it at least once a year, and to " +
		"publish the result with their annual complaints performance report.",
	Fix: "Carry out this year's assessment: csa init --from this file starts it, with every answer " +
		"carried forward for review. Then set assessed: to the day it is finished.",
	check: func(c *checker) {
		a := c.a
		if !c.opts.AsOf.IsZero() && !a.Assessed.IsZero() && a.Assessed.AddDate(1, 0, 0).Before(c.opts.AsOf) {
			c.add(a.AssessedPos, "", "assessed on %s, more than 12 months before %s: the Code asks for a self-assessment at least once a year",
				a.Assessed, c.opts.AsOf)
		}
	},
})
