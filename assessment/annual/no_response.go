package annual

import "github.com/csa-tool/csa/assessment"

// NoResponse warns while the governing body has not responded.
var NoResponse = add(&Rule{
	Name:     "annual-no-response",
	Severity: assessment.Warning,
	order:    40,
	Summary:  "no `response`: the governing body's response to the report is not recorded",
	What: "The annual report file has no response: (who responded for the governing body, when, and " +
		"what they said). Until it has, csa annual marks the report DRAFT, and --final refuses it.",
	Why: "The Code (8.2) asks for the annual report to go to the governing body, and for the governing " +
		"body's response to be published alongside it on the complaints page, and submitted with it to " +
		"the Ombudsman.",
	Fix: "Once the governing body has considered the report, add response: with by: (the Board), on: " +
		"(the date) and text: (what it said).",
	check: func(c *checker) {
		if c.a.Response == nil {
			c.add(assessment.Pos{Line: 1, Col: 1}, "the governing body's response is not recorded: add response: with by:, on: and text: once it has considered the report")
		}
	},
})
