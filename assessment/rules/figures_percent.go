package rules

import "github.com/csa-tool/csa/assessment"

// FiguresPercent is package figures' (it reads figures files).
var FiguresPercent = add(&Rule{
	Name:     "figures-percent",
	Severity: assessment.Error,
	Reads:    Figures,
	order:    210,
	Summary: "a percentage or rate that does not agree with its counts, to the decimal places it is written with " +
		"(79 and 79.0 both agree with 78.96): CH02 percent, CH01 per 1,000 homes, the escalation rate; a median " +
		"above the 90th percentile",
	What: "A percentage or rate in a figures file does not agree with the counts it is worked out from, " +
		"to the decimal places it is written with (79 and 79.0 both agree with 78.96, 79.1 does not): " +
		"CH02's percent of responses within the timescales, CH01's complaints per 1,000 homes, the " +
		"escalation rate; or a median number of days above the 90th percentile.",
	Why: "A rate that disagrees with its own counts was worked out wrongly or copied from another " +
		"year, and the published figure would mislead residents and the regulator.",
	Fix: "Work the figure out again from the counts in the file (csa figures does it from the log), " +
		"or correct the count it was worked out from.",
})
