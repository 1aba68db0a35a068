package rules

import "github.com/csa-tool/csa/assessment"

// AnnualMissingPart names each part of section 8 the report does not give.
// Package annual applies it: it reads annual reports and the files they name.
var AnnualMissingPart = add(&Rule{
	Name:     "annual-missing-part",
	Severity: assessment.Error,
	Reads:    Annual,
	order:    300,
	Summary: "a part of the annual report the Code (8.1) asks for is not there, each named: the self-assessment, " +
		"the figures, the analysis, the types of complaints refused, the Ombudsman's findings, the service " +
		"improvements, the Ombudsman's annual report about the landlord, other Ombudsman reports",
	What: "The annual complaints performance and service improvement report leaves out a part the Code " +
		"lists for it. Each missing part is a finding of its own, naming the part and the key that gives " +
		"it. A part the landlord has nothing for (no determinations, no Ombudsman report) is given as an " +
		"empty list or none, so that nothing is left out by accident.",
	Why: "Section 8 of the Code (8.1) says what the annual report contains: the self-assessment, a " +
		"qualitative and quantitative analysis of complaint handling performance including the types of " +
		"complaints refused, any findings of non-compliance with the Code by the Ombudsman, the service " +
		"improvements made from learning, and the Ombudsman's annual report and other relevant reports " +
		"about the landlord. The report is published and sent to the Ombudsman as a whole.",
	Fix: "Add the key the finding names to the annual report file (csa init --annual writes every key " +
		"with a comment saying what goes in it). Where there is nothing to report, say so: " +
		"determinations: [], other_reports: [], annual_report: none.",
})
