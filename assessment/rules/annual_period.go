package rules

import "github.com/csa-tool/csa/assessment"

// AnnualPeriod holds the pack to one year: the self-assessment's and the
// figures' periods are the report's, and the report is dated after the
// year it reports on.
// Package annual applies it: it reads annual reports and the files they name.
var AnnualPeriod = add(&Rule{
	Name:     "annual-period",
	Severity: assessment.Error,
	Reads:    Annual,
	order:    320,
	Summary:  "the self-assessment's `period` (or the figures') is not the report's, or the self-assessment gives none; the report is `dated` before its `year_end`",
	What: "The self-assessment the report names is for another reporting year than the report's period " +
		"(or says no period), the figures are for another year, or the report is dated before the " +
		"financial year it reports on has ended. 2024/25 and 2024-25 are the same year.",
	Why: "The annual report and the self-assessment in it are about the same year: a pack that mixes " +
		"years publishes last year's self-assessment, or last year's figures, as this year's.",
	Fix: "Name the right year's files, or correct the period: of the file that is wrong. Give the " +
		"self-assessment a period: (period: 2024/25).",
})
