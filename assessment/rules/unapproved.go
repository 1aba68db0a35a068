package rules

import "github.com/csa-tool/csa/assessment"

// Unapproved warns until the governing body's sign-off is recorded.
var Unapproved = add(&Rule{
	Name:     "unapproved",
	Severity: assessment.Warning,
	order:    150,
	Summary:  "no governing-body approval recorded",
	What:     "The file has no approved: with by: and on:, the governing body's sign-off.",
	Why: "The Code asks for the self-assessment to be reported to the landlord's governing body, " +
		"which must be satisfied with it, and for its response to be published with it.",
	Fix: "Once the board (or the committee it delegates to) has approved the assessment, add " +
		"approved: with by: naming it and on: with the date, for example by: Board and on: 2025-06-19.",
	check: func(c *checker) {
		if c.a.Approved == nil {
			c.add(assessment.Pos{Line: 1, Col: 1}, "", "no governing-body approval is recorded: add approved: with by: and on: once the board has approved it")
		}
	},
})
