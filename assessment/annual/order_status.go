package annual

import (
	"github.com/csa-tool/csa/assessment"

	"github.com/csa-tool/csa/internal/safetext"
)

// OrderStatus finds an Ombudsman order with no compliance status.
var OrderStatus = add(&Rule{
	Name:     "annual-order-status",
	Severity: assessment.Error,
	order:    60,
	Summary:  "an order of the Ombudsman's has no `complied` status (yes, no or pending)",
	What: "An order under one of the Ombudsman's determinations does not say whether it was complied " +
		"with: complied: is missing or blank.",
	Why: "The annual report sets out the Ombudsman's findings about the landlord (Code 8.1), and an " +
		"order is only closed when it has been complied with. A published report that lists an order " +
		"without saying what became of it leaves residents and the governing body to guess.",
	Fix: "Under the order, write complied: yes (with on: the day), complied: no, or complied: pending " +
		"while it is not yet due.",
	check: func(c *checker) {
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
	},
})
