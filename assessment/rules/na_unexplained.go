package rules

import (
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// NAUnexplained requires an n/a to say why.
var NAUnexplained = add(&Rule{
	Name:     "na-unexplained",
	Severity: assessment.Error,
	order:    90,
	Summary:  "n/a without commentary",
	What:     "A provision answered n/a needs commentary: saying why the provision does not apply to this landlord.",
	Why: "Almost every provision of the Code applies to every landlord. Where one does not (a stage " +
		"the landlord's process does not have, say), the Ombudsman and residents reading the " +
		"self-assessment need the reason, or the n/a reads as a provision skipped.",
	Fix: "Add commentary: to the provision saying why it does not apply. If it does apply, answer " +
		"yes, no or partial instead.",
	check: func(c *checker) {
		for _, ans := range c.answers() {
			if ans.Comply == assessment.NA && strings.TrimSpace(ans.Commentary) == "" {
				c.addTo(ans, complyAt(ans), "provision %s is answered n/a with no commentary: say why it does not apply", ans.ID)
			}
		}
	},
})
