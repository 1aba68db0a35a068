package rules

import "github.com/csa-tool/csa/assessment"

// AnnualSubmissionOverdue finds a deadline passed with no submission recorded.
// Package annual applies it: it reads annual reports and the files they name.
var AnnualSubmissionOverdue = add(&Rule{
	Name:     "annual-submission-overdue",
	Severity: assessment.Error,
	Reads:    Annual,
	order:    370,
	Summary:  "the submission deadline (from `homes` and `year_end`) has passed and `submitted` records no submission",
	What: "The deadline for submitting the annual report, the governing body's response and the " +
		"self-assessment to the Ombudsman is before --as-of, and the report records no submission made " +
		"by then.",
	Why: "The Ombudsman asks for the submission by 30 September after the financial year end (more than " +
		"1,000 homes) or within six months of it (1,000 or fewer). A landlord that has not submitted can " +
		"be issued a Complaint Handling Failure Notice, which the Ombudsman publishes.",
	Fix: "Submit now through the Ombudsman's form (csa annual FILE --submission lists what it asks for) " +
		"and record it under submitted:. If it was submitted and not recorded, record it with the day " +
		"it was made.",
})
