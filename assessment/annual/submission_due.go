package annual

import (
	"github.com/csa-tool/csa/assessment/rules"
	"github.com/csa-tool/csa/internal/english"
)

// rules.AnnualSubmissionDue warns in the 30 days before the deadline.
var _ = apply(rules.AnnualSubmissionDue, func(c *checker) {
	a, today := c.a, c.opts.AsOf
	dl, ok := a.Deadline()
	if !ok || today.IsZero() || today.After(dl.Due) {
		return
	}
	if _, done := a.SubmittedBy(today); done {
		return
	}
	if days := today.DaysUntil(dl.Due); days <= DueWarning {
		c.add(c.p.Doc.KeyPos("year_end"), "the submission to the Ombudsman is due by %s (%s), in %s, and none is recorded under submitted:",
			dl.Due.Long(), dl.Rule, english.Count(days, "day"))
	}
})
