package rules

import (
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// MissingProvision names each provision on the form with no answer, and
// each answer left blank.
var MissingProvision = add(&Rule{
	Name:     "missing-provision",
	Severity: assessment.Error,
	order:    70,
	Summary:  "a provision on the form with no answer, or a blank `comply`",
	What: "Every provision the Code's self-assessment form asks about needs an answer: an entry " +
		"under provisions with comply: yes, no, partial or n/a. A provision with no entry is reported " +
		"at provisions:, with a summary of what it asks; an entry whose comply is blank is reported " +
		"at the entry. A blank is never taken for yes.",
	Why: "The Code asks landlords to assess themselves against every provision each year and to " +
		"publish the result. A provision left out of the published form would look met, or be " +
		"missed by the governing body and the Ombudsman.",
	Fix: "Add an entry for each provision named (csa init --code 2024 writes every one, blank, to " +
		"start from), and answer it: yes with evidence, no or partial with an action plan, or n/a " +
		"with a reason.",
	check: func(c *checker) {
		for _, ans := range c.answers() {
			if ans.Comply != assessment.Unanswered {
				continue // an invalid word is a schema finding
			}
			if p, ok := c.provision(ans.ID); ok && !p.OnForm {
				continue
			}
			c.addTo(ans, complyAt(ans), "provision %s is not answered: comply is blank; write yes, no, partial or n/a", ans.ID)
		}
		if c.cat == nil {
			return
		}
		first := c.firstAnswers()
		for _, p := range c.cat.Provisions {
			if !p.OnForm {
				continue
			}
			if _, ok := first[p.ID]; !ok {
				about := ""
				if p.Summary != "" {
					about = " (" + clipSummary(p.Summary) + ")"
				}
				c.add(c.a.ProvisionsPos, p.ID, "provision %s has no answer: add it to provisions%s", p.ID, about)
			}
		}
	},
})

// clipSummary shortens a summary or an action's text quoted in a message
// to about 70 characters, at a space.
func clipSummary(s string) string {
	r := []rune(s)
	if len(r) > 70 {
		cut := 70
		for cut > 50 && r[cut] != ' ' {
			cut--
		}
		return strings.TrimRight(string(r[:cut]), " ,;:") + "..."
	}
	return s
}
