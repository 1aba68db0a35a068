package rules

import (
	"fmt"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// UnknownProvision names an id the catalogue does not have, with the ids
// its section does have.
var UnknownProvision = add(&Rule{
	Name:     "unknown-provision",
	Severity: assessment.Error,
	order:    50,
	Summary:  "a provision id the Code does not have",
	What: "An answer's id is not a provision of the Code the assessment names: a mistyped number " +
		"(6.21 in a section that ends at 6.20), a number from the other Code (2022's 4.16 in a 2024 " +
		"assessment), or something that is not a section and a number. The finding says which ids the " +
		"section has. The other rules skip the answer until its id is right.",
	Why: "An answer filed under the wrong number answers nothing: the provision it was meant for " +
		"stays unanswered, and the published form would show the answer against the wrong " +
		"requirement, or not at all.",
	Fix: "Correct the id to the provision meant (csa codes chc-2024 lists them; csa codes chc-2024 " +
		"6.10 shows one), or delete the answer if it belongs to another Code.",
	check: func(c *checker) {
		if c.cat == nil {
			return
		}
		first := c.firstAnswers()
		for i, ans := range c.a.Answers {
			if first[ans.ID] != i {
				continue // a second answer: duplicate-provision's
			}
			if _, ok := c.cat.Provision(ans.ID); !ok {
				c.add(ans.Pos, ans.ID, "provision %s is not in %s%s", ans.ID, c.cat.ID, c.sectionHint(ans.ID))
			}
		}
	},
})

// sectionHint says which ids a section does have, for a mistyped id.
func (c *checker) sectionHint(id string) string {
	sec, _, ok := codes.SplitID(id)
	if !ok {
		return " (a provision id is a section and a number, like \"6.10\")"
	}
	if c.sections == nil {
		// Once per file, not once per unknown id: a landlord's catalogue may
		// be large, and so may the list of unknown ids.
		c.sections = map[int][2]string{}
		for _, p := range c.cat.Provisions { // in Code order
			r, seen := c.sections[p.Section]
			if !seen {
				r[0] = p.ID
			}
			r[1] = p.ID
			c.sections[p.Section] = r
		}
	}
	r, ok := c.sections[sec]
	if !ok {
		return fmt.Sprintf(" (it has no section %d)", sec)
	}
	return fmt.Sprintf(" (its section %d runs %s to %s)", sec, r[0], r[1])
}
