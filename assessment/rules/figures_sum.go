package rules

import "github.com/csa-tool/csa/assessment"

// FiguresSum is package figures' (it reads figures files).
var FiguresSum = add(&Rule{
	Name:     "figures-sum",
	Severity: assessment.Error,
	Reads:    Figures,
	order:    200,
	Summary: "a part is more than its whole: refused more than received; acknowledged or responded more than " +
		"received less refused; a within more than its acknowledged or responded; extension counts out of order; " +
		"a breakdown adding up to more than its total; CH02 within more than responded; the tenures adding up to " +
		"more than all homes; rows that do not add up",
	What: "A count in a figures file is more than the count it is part of: more complaints refused than " +
		"received, more acknowledged or responded to than were accepted, more within the timescale than " +
		"acknowledged or responded to, more extended within the limit than extended, outcomes or " +
		"categories adding up to more than their total, CH02's within more than its responses, the " +
		"tenures' figures adding up to more than the whole, or rows used, outside the period and left " +
		"out not adding up to rows read.",
	Why: "The figures feed the annual complaints performance report and the regulator's tenant " +
		"satisfaction measures (CH01 and CH02). Numbers that cannot all be true mean at least one of " +
		"them is wrong, and a published figure that does not add up undermines the rest.",
	Fix: "Count again: csa figures writes the file from the complaints log with every figure " +
		"consistent. In a file typed by hand, correct whichever of the two numbers the finding names " +
		"is wrong.",
})
