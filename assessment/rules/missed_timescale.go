package rules

import "github.com/csa-tool/csa/assessment"

// MissedTimescale is package figures' (it reads figures files, and the
// assessment beside them).
var MissedTimescale = add(&Rule{
	Name:     "missed-timescale",
	Severity: assessment.Warning,
	Reads:    Figures,
	order:    230,
	Summary: "a provision the assessment answers **yes** sets a timescale the figures show missed in more than " +
		"`--missed-threshold` percent of cases (default 10): acknowledgements and responses outside the " +
		"timescale of those acknowledged or responded to, extensions beyond the limit of those extended",
	What: "The period's self-assessment answers yes to a provision that sets a timescale (6.2, 6.3, " +
		"6.4, 6.11, 6.14 and 6.15 of the 2024 Code; 4.1, 5.1 and 5.13 of 2022), while its figures " +
		"file shows that timescale missed in more than --missed-threshold percent of cases (10 unless " +
		"told): acknowledgements or responses outside the timescale, or extensions beyond the limit. " +
		"The finding is on the figures file's line and names the assessment's.",
	Why: "Meeting a timescale in most cases is what a yes to a timescale provision claims. Figures " +
		"that show it missed often suggest the answer should be partial, with a plan, and the " +
		"Ombudsman can compare the two.",
	Fix: "Look at the cases behind the figure. If the timescale is not being met, answer the " +
		"provision partial or no with an action plan; if it is, and the figure is wrong, count again. " +
		"--missed-threshold sets the share csa allows.",
})
