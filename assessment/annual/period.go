package annual

import (
	"fmt"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/safetext"
)

// Period holds the pack to one year: the self-assessment's and the
// figures' periods are the report's, and the report is dated after the
// year it reports on.
var Period = add(&Rule{
	Name:     "annual-period",
	Severity: assessment.Error,
	order:    30,
	Summary:  "the self-assessment's `period` (or the figures') is not the report's, or the self-assessment gives none; the report is `dated` before its `year_end`",
	What: "The self-assessment the report names is for another reporting year than the report's period " +
		"(or says no period), the figures are for another year, or the report is dated before the " +
		"financial year it reports on has ended. 2024/25 and 2024-25 are the same year.",
	Why: "The annual report and the self-assessment in it are about the same year: a pack that mixes " +
		"years publishes last year's self-assessment, or last year's figures, as this year's.",
	Fix: "Name the right year's files, or correct the period: of the file that is wrong. Give the " +
		"self-assessment a period: (period: 2024/25).",
	check: func(c *checker) {
		a, p := c.a, c.p
		want := NormalPeriod(a.Period)
		if sa := p.Assessment; sa != nil && want != "" {
			switch got := NormalPeriod(sa.Period); {
			case got == "":
				c.add(p.Doc.Pos("self_assessment"), "the self-assessment %s gives no period: add period: %s to it, so it is known to be this year's",
					safetext.Line(p.AssessmentFile), a.Period)
			case got != want:
				c.add(p.Doc.Pos("self_assessment"), "the self-assessment %s is for %s, not %s",
					safetext.Line(p.AssessmentFile), safetext.Line(sa.Period), a.Period)
			}
		}
		if f := p.Figures; f != nil && want != "" && NormalPeriod(f.Period) != want && f.Period != "" {
			c.add(p.Doc.Pos("figures"), "the figures %s are for %s, not %s", safetext.Line(p.FiguresFile), f.Period, a.Period)
		}
		if !a.Dated.IsZero() && !a.YearEnd.IsZero() && !a.Dated.After(a.YearEnd) {
			c.add(p.Doc.Pos("dated"), "%s", fmt.Sprintf("the report is dated %s, before the financial year it reports on ended (%s)", a.Dated, a.YearEnd))
		}
	},
})
