package annual

import (
	"github.com/csa-tool/csa/assessment/rules"
)

// rules.AnnualResponseEarly finds a response dated before the report it responds to.
var _ = apply(rules.AnnualResponseEarly, func(c *checker) {
	a := c.a
	if rs := a.Response; rs != nil && !rs.On.IsZero() && !a.Dated.IsZero() && rs.On.Before(a.Dated) {
		c.add(c.p.Doc.Pos("response.on"), "the governing body's response is dated %s, before the report (dated %s)", rs.On, a.Dated)
	}
})
