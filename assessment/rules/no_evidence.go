package rules

import (
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// NoEvidence asks a yes to say what shows it.
var NoEvidence = add(&Rule{
	Name:     "no-evidence",
	Severity: assessment.Warning,
	order:    110,
	Summary:  "yes with no evidence",
	What:     "A provision answered yes with no evidence: key, or an empty one.",
	Why: "The Code's self-assessment form asks for the evidence of each answer, and a yes is only as " +
		"good as what shows it: the Ombudsman, the governing body and residents read the evidence to " +
		"see that the provision is met.",
	Fix: "Add evidence: saying what shows the provision is met: the policy and its section, the " +
		"training records, the audit or the report, with dates.",
	check: func(c *checker) {
		for _, ans := range c.answers() {
			if ans.Comply == assessment.Yes && strings.TrimSpace(ans.Evidence) == "" {
				c.addTo(ans, complyAt(ans), "provision %s is answered yes with no evidence: say what shows it is met", ans.ID)
			}
		}
	},
})
