package assessment

import (
	"github.com/csa-tool/csa/internal/schema"
)

// The keys of an assessment file, declared once, in the order csa writes
// them: the loader reads a file against these (an unknown key and its
// suggestion, a key twice, a required key missing or blank, the words comply
// and status allow), csa fmt puts keys in this order, and csa schema writes
// them as the JSON Schema editors check the file with.
//
// To add a key: declare it here, in its place, with its type and what it
// holds; read it in the loader (the case for its name in the mapping's
// visit, into a field of the model); write it in Encode. TestKeysAgree
// (schema_test.go) then checks that the loader and the schema agree on it.
var (
	// actionKeys are the keys of one action of a provision's plan.
	actionKeys = schema.NewMapping("One step of the action plan: what will be done, who owns it and by when.",
		schema.Key{Name: "action", Type: schema.Text, Required: true,
			Doc:     "What will be done, in a sentence.",
			Missing: "an action for provision {id} has no text: say what will be done with action:"},
		schema.Key{Name: "owner", Type: schema.Text,
			Doc: "Who is responsible for it: a role, such as Complaints Manager, or a name."},
		schema.Key{Name: "due", Type: schema.Date,
			Doc: "The date it is due, YYYY-MM-DD."},
		schema.Key{Name: "status", Type: schema.Word, Enum: []string{string(Open), string(Done)}, Fold: true,
			Doc: "open (the default) or done."},
		schema.Key{Name: "completed", Type: schema.Date,
			Doc: "The date it was done, YYYY-MM-DD, with status: done."},
		schema.Key{Name: "draft", Type: schema.Bool,
			Doc: "true on an action csa import proposed from the evidence: not yet agreed, with no owner."},
	)

	// entityAnswerKeys are what one entity of a group gives under a
	// provision where it answers differently: each replaces the group's
	// (actions add to the group's), so written, each must say something.
	entityAnswerKeys = schema.NewMapping("What this entity answers differently from the group: only what differs.",
		schema.Key{Name: "comply", Type: schema.Word, Enum: []string{string(Yes), string(No), string(Partial), string(NA)}, Fold: true, NoBlank: true,
			Doc: "The entity's own answer, replacing the group's: yes, no, partial or n/a, in any case."},
		schema.Key{Name: "evidence", Type: schema.Text, Block: true, NoBlank: true,
			Doc: "The entity's own evidence, replacing the group's."},
		schema.Key{Name: "commentary", Type: schema.Text, Block: true, NoBlank: true,
			Doc: "The entity's own commentary, replacing the group's."},
		schema.Key{Name: "alternative", Type: schema.Text, Block: true, NoBlank: true,
			Doc: "How the entity meets the provision another way, replacing the group's."},
		schema.Key{Name: "actions", Type: schema.List, Keys: actionKeys,
			Doc: "The entity's own actions, added to the group's for this entity alone."},
	)

	// answerKeys are the keys of the answer to one provision.
	answerKeys = schema.NewMapping("The answer to one provision of the Code.",
		schema.Key{Name: "id", Type: schema.ID, Required: true,
			Doc:     `The provision's number, in quotes: "6.10" (unquoted, YAML reads 6.10 as the number 6.1).`,
			Missing: `this entry under provisions has no id: start it with - id: "1.2"`,
			Blank:   `a provision id is blank or not text: write it in quotes, e.g. id: "1.2"`},
		schema.Key{Name: "comply", Type: schema.Word, Enum: []string{string(Yes), string(No), string(Partial), string(NA)}, Fold: true,
			Doc: "yes, no, partial or n/a, in any case. Blank is unanswered, never yes."},
		schema.Key{Name: "evidence", Type: schema.Text, Block: true,
			Doc: "What shows the provision is met: policies, procedures, records, audits."},
		schema.Key{Name: "commentary", Type: schema.Text, Block: true,
			Doc: "Anything to explain: why it is n/a, what is partly met, what changed."},
		schema.Key{Name: "requirement", Type: schema.Text, Block: true,
			Doc: "Optional: your own copy of the Code's wording of the provision."},
		schema.Key{Name: "alternative", Type: schema.Text, Block: true,
			Doc: "Optional: how the provision is met another way, by reasonable endeavours."},
		schema.Key{Name: "review", Type: schema.Text,
			Doc: "Written by csa init --from on an answer carried from last year: check the answer, then delete this line."},
		schema.Key{Name: "actions", Type: schema.List, Keys: actionKeys,
			Doc: "The action plan for a no or partial answer: each action with an owner and a due date."},
		schema.Key{Name: groupKey, Type: schema.Named, Keys: entityAnswerKeys,
			Doc: "For a group: the entities that answer differently, each by its name as listed under entities at the top, with what differs."},
	)

	// entityKeys are the keys of one entity of a group.
	entityKeys = schema.NewMapping("One landlord of the group the assessment covers.",
		schema.Key{Name: "name", Type: schema.Text, Required: true,
			Doc:     "The entity's name, as the group's complaints policy names it; a provision's entities use it.",
			Missing: "an entity has no name: give each entity's name with name:, e.g. name: Example Homes"},
		schema.Key{Name: "registration", Type: schema.Text,
			Doc: "Optional: its registration number with the Regulator of Social Housing."},
	)

	// approvedKeys are the keys of the governing body's sign-off.
	approvedKeys = schema.NewMapping("The governing body's approval of the assessment.",
		schema.Key{Name: "by", Type: schema.Text, Required: true,
			Doc:     "Who approved it: the governing body, such as Board.",
			Missing: "approved needs by: naming the governing body, e.g. by: Board"},
		schema.Key{Name: "on", Type: schema.Date, Required: true,
			Doc:     "The date it was approved, YYYY-MM-DD.",
			Missing: "approved needs on: with the date of approval, e.g. on: 2025-06-19"},
	)

	// responseKeys are the keys of the governing body's response.
	responseKeys = schema.NewMapping("The governing body's response to the assessment, published with it.",
		schema.Key{Name: "by", Type: schema.Text, Required: true,
			Doc:     "Who responded: the governing body, such as Board.",
			Missing: "response needs by: naming who responded, e.g. by: Board"},
		schema.Key{Name: "on", Type: schema.Date, Required: true,
			Doc:     "The date of the response, YYYY-MM-DD.",
			Missing: "response needs on: with the date of the response, e.g. on: 2025-06-26"},
		schema.Key{Name: "text", Type: schema.Text, Required: true, Block: true,
			Doc:     "What the governing body said: plain paragraphs, separated by a blank line.",
			Missing: "response needs text: with what the governing body said"},
	)

	// topKeys are the keys at the top of an assessment file.
	topKeys = schema.NewMapping("A landlord's self-assessment against the Housing Ombudsman's Complaint Handling Code, as csa reads it.",
		schema.Key{Name: "code", Type: schema.Text, Required: true, Suggest: []string{"chc-2024", "chc-2022"},
			Doc:     "The Code assessed against: chc-2024 or chc-2022 (or 2024, 2022), or the path of a catalogue file.",
			Missing: "code is missing: name the Code assessed against, e.g. code: chc-2024"},
		schema.Key{Name: "landlord", Type: schema.Text, Required: true,
			Doc:     "The landlord's name.",
			Missing: "landlord is missing: give the landlord's name, e.g. landlord: Example Homes"},
		schema.Key{Name: groupKey, Type: schema.List, Keys: entityKeys,
			Doc: "Optional, for a group: the landlords one assessment covers, in order, each with its name. The Ombudsman accepts one assessment for a group only when one complaints policy applies to every one of them and names them."},
		schema.Key{Name: "assessed", Type: schema.Date, Required: true,
			Doc:     "The date the assessment was completed, YYYY-MM-DD.",
			Missing: "assessed is missing: give the date the assessment was completed, e.g. assessed: 2025-05-31",
			Blank:   "assessed is blank: give the date the assessment was completed, e.g. assessed: 2025-05-31"},
		schema.Key{Name: "period", Type: schema.Text,
			Doc: "Optional: the reporting year, such as 2024/25."},
		schema.Key{Name: "approved", Type: schema.Map, Keys: approvedKeys,
			Doc: "Optional: the governing body's sign-off, with by: and on:."},
		schema.Key{Name: "published", Type: schema.Text,
			Doc: "Optional: the web address where the self-assessment is published."},
		schema.Key{Name: "introduction", Type: schema.Text, Block: true,
			Doc: "Optional: the landlord's opening words, plain paragraphs separated by a blank line."},
		schema.Key{Name: "response", Type: schema.Map, Keys: responseKeys,
			Doc: "Optional: the governing body's response, with by:, on: and text:."},
		schema.Key{Name: "provisions", Type: schema.List, Required: true, Keys: answerKeys,
			Doc:     `The answers, one per provision of the Code, each starting - id: "1.2".`,
			Missing: "provisions is missing: list an answer for each provision of the Code"},
	)
)

// SchemaFile is the name csa gives the assessment's JSON Schema in the
// yaml-language-server line it writes at the top of a new file: a file
// beside the assessment, written by csa schema assessment -o.
const SchemaFile = "assessment.schema.json"

// Modeline is the comment csa starts a file it writes with, without its #s:
// its first line tells VS Code's YAML extension (yaml-language-server) to
// check the file against the schema in SchemaFile beside it, and its second
// says how to put the schema there.
const Modeline = "yaml-language-server: $schema=" + SchemaFile + "\n" +
	"For editors: csa schema assessment -o " + SchemaFile + " writes the schema named above."

// Schema returns the JSON Schema (2020-12) of an assessment file, from the
// declarations the loader reads with.
func Schema() []byte {
	return schema.JSON("csa assessment", topKeys)
}
