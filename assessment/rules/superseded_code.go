package rules

import (
	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// SupersededCode warns of an assessment against a Code replaced before it
// was made.
var SupersededCode = add(&Rule{
	Name:     "superseded-code",
	Severity: assessment.Warning,
	order:    140,
	Summary:  "assessed against a Code no longer in force on the assessed date (chc-2022 on or after 1 April 2024)",
	What: "The assessment names a Code that another had replaced by its assessed: date: chc-2022 " +
		"assessed on or after 1 April 2024, when the 2024 Code came into force.",
	Why: "A self-assessment must be against the Code in force. Since 1 April 2024 the Complaint " +
		"Handling Code is statutory, and an assessment against the 2022 Code does not show the " +
		"landlord meets it.",
	Fix: "Start an assessment against the Code in force: csa init --from this file carries the " +
		"answers across to chc-2024 through the lineage of the two Codes, each marked for review.",
	check: func(c *checker) {
		a := c.a
		if c.cat == nil || a.Assessed.IsZero() {
			return
		}
		if next, ok := codes.Successor(c.cat); ok && !next.InForce.IsZero() && !a.Assessed.Before(assessment.DateOf(next.InForce)) {
			c.add(a.CodePos, "", "assessed on %s against %s, which %s replaced on %s: assess against %s",
				a.Assessed, c.cat.ID, next.ID, assessment.DateOf(next.InForce), next.ID)
		}
	},
})
