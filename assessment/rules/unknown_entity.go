package rules

import (
	"fmt"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/english"
)

// UnknownEntity names an entity a provision answers for that the group does
// not list: a typing slip would otherwise leave the entity meant with the
// group's answer.
var UnknownEntity = add(&Rule{
	Name:     "unknown-entity",
	Severity: assessment.Error,
	order:    55,
	Summary:  "a provision's `entities:` names an entity the assessment's `entities:` list does not have",
	What: "Under a provision, entities: gives the answer of each entity of the group that answers " +
		"differently, by its name. A name that is not exactly one of the names in the assessment's " +
		"entities: list (a typing slip, a short form, a landlord that left the group) is reported at its " +
		"line, with the name it was probably meant to be. So is an entity's answer in an assessment that " +
		"lists no entities. The other rules leave it out until the name is right, and gaps, actions, " +
		"report, diff and init --from refuse the file.",
	Why: "An answer filed under a name that is not one of the group's entities answers nothing: the " +
		"entity meant would be published with the group's answer, which is the very difference the " +
		"entry was written to show.",
	Fix: "Correct the name to one of the entities listed under entities: (the finding suggests one), " +
		"or add the entity to that list if it is a member of the group the assessment covers.",
	check: func(c *checker) {
		for i := range c.a.Answers {
			ans := &c.a.Answers[i]
			for _, e := range ans.Entities {
				switch {
				case c.a.Entity(e.Name) >= 0:
				case !c.a.IsGroup():
					c.add(e.Pos, ans.ID, "provision %s gives an answer for %q, but the assessment lists no entities: list the group's landlords under entities: (- name: ...), or delete it",
						ans.ID, clipSummary(e.Name))
				default:
					c.add(e.Pos, ans.ID, "provision %s gives an answer for %q, which is not one of the entities listed%s",
						ans.ID, clipSummary(e.Name), suggestEntity(e.Name, c.a.EntityNames()))
				}
			}
		}
	},
})

// suggestEntity names the entity a mistyped name was probably meant to be,
// or lists them all.
func suggestEntity(name string, names []string) string {
	if best := assessment.ClosestEntity(name, names); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ": the entities are " + english.And(names)
}
