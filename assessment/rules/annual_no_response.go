package rules

import "github.com/csa-tool/csa/assessment"

// AnnualNoResponse warns while the governing body has not responded.
// Package annual applies it: it reads annual reports and the files they name.
var AnnualNoResponse = add(&Rule{
	Name:     "annual-no-response",
	Severity: assessment.Warning,
	Reads:    Annual,
	order:    330,
	Summary:  "no `response`: the governing body's response to the report is not recorded",
	What: "The annual report file has no response: (who responded for the governing body, when, and " +
		"what they said). Until it has, csa annual marks the report DRAFT, and --final refuses it.",
	Why: "The Code (8.2) asks for the annual report to go to the governing body, and for the governing " +
		"body's response to be published alongside it on the complaints page, and submitted with it to " +
		"the Ombudsman.",
	Fix: "Once the governing body has considered the report, add response: with by: (the Board), on: " +
		"(the date) and text: (what it said).",
})
