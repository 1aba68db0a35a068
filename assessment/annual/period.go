package annual

import (
	"fmt"

	"github.com/csa-tool/csa/assessment/rules"
	"github.com/csa-tool/csa/internal/safetext"
)

// rules.AnnualPeriod holds the pack to one year: the self-assessment's and the
// figures' periods are the report's, and the report is dated after the
// year it reports on.
var _ = apply(rules.AnnualPeriod, func(c *checker) {
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
})
