package main

import (
	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/annual"
)

// This file is check's hook for annual report files (kind: annual): they
// are taken out of the files before the rest are checked, checked by
// package annual (its rules, and the pack it names: the self-assessment,
// the figures, last year's), and put back in their place, so the output
// keeps the files' order.

// checkWithAnnual checks annual reports with package annual, and hands the
// rest to next.
func checkWithAnnual(srcs []assessment.Source, asOf assessment.Date, next func([]assessment.Source) []assessment.Result) []assessment.Result {
	out := make([]assessment.Result, len(srcs))
	var rest []assessment.Source
	var at []int
	for i, s := range srcs {
		if annual.IsAnnual(s.Data) {
			out[i] = assessment.Result{Name: s.Name, Findings: annual.Check(s.Name, s.Data, annual.Options{AsOf: asOf})}
			continue
		}
		rest = append(rest, s)
		at = append(at, i)
	}
	for j, r := range next(rest) {
		out[at[j]] = r
	}
	return out
}
