package rules

import "github.com/csa-tool/csa/assessment"

// AnnualOrderStatus finds an Ombudsman order with no compliance status.
// Package annual applies it: it reads annual reports and the files they name.
var AnnualOrderStatus = add(&Rule{
	Name:     "annual-order-status",
	Severity: assessment.Error,
	Reads:    Annual,
	order:    350,
	Summary:  "an order of the Ombudsman's has no `complied` status (yes, no or pending)",
	What: "An order under one of the Ombudsman's determinations does not say whether it was complied " +
		"with: complied: is missing or blank.",
	Why: "The annual report sets out the Ombudsman's findings about the landlord (Code 8.1), and an " +
		"order is only closed when it has been complied with. A published report that lists an order " +
		"without saying what became of it leaves residents and the governing body to guess.",
	Fix: "Under the order, write complied: yes (with on: the day), complied: no, or complied: pending " +
		"while it is not yet due.",
})
