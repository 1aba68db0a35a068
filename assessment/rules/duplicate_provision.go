package rules

import "github.com/csa-tool/csa/assessment"

// DuplicateProvision reports each answer to a provision answered before.
// check reports them with the other rules; the commands that read the
// answers (gaps, report, diff...) refuse such a file, since either answer
// could be the one meant.
var DuplicateProvision = add(&Rule{
	Name:     "duplicate-provision",
	Severity: assessment.Error,
	order:    60,
	Summary: "a provision answered twice (`gaps`, `actions`, `report`, `diff` and `init --from` refuse such a file, " +
		"exit 2, naming both lines: either answer could be the one meant)",
	What: "Two entries under provisions have the same id. The finding is on the second and names the " +
		"line of the first. gaps, actions, report, diff and init --from refuse such a file.",
	Why: "The form has one answer per provision. With two, csa cannot know which the landlord means " +
		"to publish, and the one it chose could be the out-of-date one.",
	Fix: "Keep one answer: merge the evidence, commentary and actions of the two into one entry and " +
		"delete the other, or correct the id of the one meant for another provision.",
	check: func(c *checker) {
		first := c.firstAnswers()
		for i, ans := range c.a.Answers {
			if j := first[ans.ID]; j != i {
				c.add(ans.Pos, ans.ID, "provision %s is answered twice (first at line %d): keep one answer", ans.ID, c.a.Answers[j].Pos.Line)
			}
		}
	},
})
