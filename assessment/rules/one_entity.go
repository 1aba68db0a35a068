package rules

import "github.com/csa-tool/csa/assessment"

// OneEntity warns of a group's assessment that lists a single entity.
var OneEntity = add(&Rule{
	Name:     "one-entity",
	Severity: assessment.Warning,
	order:    170,
	Summary:  "`entities:` lists one entity: a group has two or more",
	What: "The assessment's entities: list, which names the landlords of a group that one " +
		"self-assessment covers, has only one entry.",
	Why: "The Ombudsman accepts one self-assessment for a group of landlords when one complaints " +
		"policy applies to every member, and the members are named in the policy and in the " +
		"self-assessment. A list of one names no group: either members are missing from it, or the " +
		"assessment is one landlord's and the list only adds a second name for it.",
	Fix: "List every member of the group the assessment covers under entities:, each with - name: " +
		"(and registration: if you want the registration number shown). For one landlord, delete " +
		"entities: and give the landlord's name in landlord:.",
	check: func(c *checker) {
		if len(c.a.Entities) == 1 {
			c.add(c.a.EntitiesPos, "", "the assessment lists one entity, %q: a group's assessment names every landlord it covers; for one landlord, delete entities: and name it in landlord:",
				clipSummary(c.a.Entities[0].Name))
		}
	},
})
