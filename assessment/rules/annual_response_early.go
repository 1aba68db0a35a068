package rules

import "github.com/csa-tool/csa/assessment"

// AnnualResponseEarly finds a response dated before the report it responds to.
// Package annual applies it: it reads annual reports and the files they name.
var AnnualResponseEarly = add(&Rule{
	Name:     "annual-response-early",
	Severity: assessment.Error,
	Reads:    Annual,
	order:    340,
	Summary:  "the governing body's `response` is dated before the report (`dated`)",
	What: "The response's on: date is before the report's dated: date: the governing body cannot have " +
		"responded to a report not yet finished.",
	Why: "The governing body responds to the finished report (Code 8.2); a response dated earlier was " +
		"made to a draft, or one of the dates is a typo.",
	Fix: "Correct whichever date is wrong. If the governing body saw a draft, date the report when it " +
		"was finished and record the response it gave to that.",
})
