package annual

import (
	"github.com/csa-tool/csa/assessment/rules"

	"github.com/csa-tool/csa/internal/safetext"
)

// rules.AnnualOrderStatus finds an Ombudsman order with no compliance status.
var _ = apply(rules.AnnualOrderStatus, func(c *checker) {
	o := c.a.Ombudsman
	if o == nil {
		return
	}
	for _, d := range o.Determinations {
		for _, ord := range d.Orders {
			if ord.Status == NoStatus {
				c.add(ord.StatPos, "the order %q of case %s has no compliance status: write complied: yes, no or pending",
					clip(ord.Order), safetext.Line(d.Case))
			}
		}
	}
})
