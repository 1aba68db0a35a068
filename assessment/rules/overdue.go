package rules

import (
	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/english"
)

// Overdue names each open action past its due date.
var Overdue = add(&Rule{
	Name:     "overdue",
	Severity: assessment.Warning,
	order:    100,
	Summary:  "an open action whose due date is before today (due today is not yet overdue)",
	What: "An action that is still open (no status: done) and whose due date is before today " +
		"(--as-of, or the machine's date). An action due today is not yet overdue. The message says " +
		"by how many days.",
	Why: "The action plan is what the landlord told its governing body, residents and the Ombudsman " +
		"it would do. An action past its date means a gap stays open longer than promised, and " +
		"someone should decide what happens now.",
	Fix: "If the action is done, write status: done (and completed: with the date). If it is not, " +
		"agree a new due date with the owner and the governing body and write it in, or replace the " +
		"action with one that will be done.",
	check: func(c *checker) {
		if c.opts.AsOf.IsZero() {
			return
		}
		for _, ans := range c.answers() {
			for _, act := range ans.Actions {
				if days, overdue := act.OverdueOn(c.opts.AsOf); overdue {
					c.addTo(ans, act.DuePos, "an action for provision %s was due %s and is still open (%s overdue): %s",
						ans.ID, act.Due, english.Count(days, "day"), clipSummary(act.Text))
				}
			}
		}
	},
})
