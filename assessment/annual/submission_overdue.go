package annual

import (
	"github.com/csa-tool/csa/assessment/rules"
	"github.com/csa-tool/csa/internal/english"
)

// rules.AnnualSubmissionOverdue finds a deadline passed with no submission recorded.
var _ = apply(rules.AnnualSubmissionOverdue, func(c *checker) {
	a, today := c.a, c.opts.AsOf
	dl, ok := a.Deadline()
	if !ok || today.IsZero() || !today.After(dl.Due) {
		return
	}
	if _, done := a.SubmittedBy(today); done {
		return
	}
	c.add(c.p.Doc.KeyPos("year_end"), "the submission to the Ombudsman was due by %s (%s), %s ago, and none is recorded under submitted:",
		dl.Due.Long(), dl.Rule, english.Count(dl.Due.DaysUntil(today), "day"))
})
