package rules

import (
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// NoPlan requires a no or partial to say how and when it will comply.
var NoPlan = add(&Rule{
	Name:     "no-plan",
	Severity: assessment.Error,
	order:    80,
	Summary:  "no or partial without an action that has both an owner and a due date, and without `alternative`",
	What: "A provision answered no or partial needs a plan: at least one action with both an owner " +
		"and a due date, or an alternative saying how the provision is met another way. The message " +
		"says what is missing: no action at all, only draft actions from import, or actions without " +
		"an owner, a due date, or both on the same action.",
	Why: "Where a landlord does not comply, the Code expects it to say what it will do about it and " +
		"by when, and the governing body to see that plan. An action nobody owns, or with no date, " +
		"is not a plan anyone can be held to.",
	Fix: "Under the provision's actions:, give an action an owner: (a role, such as Complaints " +
		"Manager) and a due: date, or write an alternative: explaining how the provision is met by " +
		"reasonable endeavours another way. A draft action from import needs an owner and a due date " +
		"before it counts.",
	check: func(c *checker) {
		for _, ans := range c.answers() {
			if ans.Comply.IsGap() {
				c.plan(ans)
			}
		}
	},
})

func (c *checker) plan(ans *assessment.Answer) {
	if strings.TrimSpace(ans.Alternative) != "" {
		return
	}
	var noOwner, noDue, drafts int
	for _, act := range ans.Actions {
		owner, due := strings.TrimSpace(act.Owner) != "", !act.Due.IsZero()
		if owner && due {
			return
		}
		if !owner {
			noOwner++
		}
		if !due {
			noDue++
		}
		if act.Draft {
			drafts++
		}
	}
	at, id, word := complyAt(ans), ans.ID, string(ans.Comply)
	switch {
	case len(ans.Actions) == 0:
		c.addTo(ans, at, "provision %s is answered %s with no action plan: add an action with an owner and a due date, or an alternative", id, word)
	case drafts == len(ans.Actions):
		c.addTo(ans, at, "provision %s is answered %s and its only actions are drafts from import: give one an owner and a due date", id, word)
	case noOwner == len(ans.Actions) && noDue == len(ans.Actions):
		c.addTo(ans, at, "provision %s is answered %s but no action has an owner or a due date", id, word)
	case noOwner == len(ans.Actions):
		c.addTo(ans, at, "provision %s is answered %s but no action has an owner", id, word)
	case noDue == len(ans.Actions):
		c.addTo(ans, at, "provision %s is answered %s but no action has a due date", id, word)
	default:
		c.addTo(ans, at, "provision %s is answered %s but no single action has both an owner and a due date", id, word)
	}
}
