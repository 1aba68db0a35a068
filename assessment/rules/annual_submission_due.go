package rules

import "github.com/csa-tool/csa/assessment"

// AnnualSubmissionDue warns in the 30 days before the deadline.
// Package annual applies it: it reads annual reports and the files they name.
var AnnualSubmissionDue = add(&Rule{
	Name:     "annual-submission-due",
	Severity: assessment.Warning,
	Reads:    Annual,
	order:    360,
	Summary:  "the submission to the Ombudsman is due within 30 days (from `homes` and `year_end`) and `submitted` records none",
	What: "The deadline for submitting the annual report, the governing body's response and the " +
		"self-assessment to the Ombudsman is 30 days away or less (counted from --as-of), and the " +
		"report records no submission. The deadline is 30 September after the financial year end for a " +
		"landlord with more than 1,000 homes, and six months after the year end for a smaller one.",
	Why: "The Ombudsman asks every landlord to submit the annual report, the response and the " +
		"self-assessment through its form by that deadline; not submitting can lead to a published " +
		"Complaint Handling Failure Notice.",
	Fix: "Submit through the Ombudsman's form (csa annual FILE --submission lists what it asks for), " +
		"then record it under submitted: with on:, form: and what:.",
})
