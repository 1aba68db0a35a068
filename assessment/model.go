// Package assessment owns a landlord's self-assessment against the Complaint
// Handling Code: the model, loading it from YAML with the position of every
// field, the rules csa check applies, writing it back as YAML, and the gaps
// and action-plan queries.
//
// The entry points are Parse (YAML to an Assessment and its load findings),
// Check (the rules, given the catalogue from package codes), Validate (both,
// for one file), and Encode (an Assessment back to YAML). Problems in the
// landlord's file are Findings with a file, line and column, never errors;
// errors are reserved for the caller's own failures.
//
// Rendering, diffing and importing live in subpackages, one per concern.
package assessment

import "strings"

// Pos is a position in the assessment file, 1-based. The zero Pos means
// unknown (the assessment was not read from a file).
type Pos struct {
	Line, Col int
}

// Positions are where the values of a file are, by path
// ("stage_1.responded", "ombudsman.determinations[0].orders[1].due"): how
// the readers of csa's other files (figures, an annual report) place a
// finding.
type Positions map[string]Pos

// Of is where the value at path is, or the nearest enclosing value that
// was written (1:1 when none was).
func (ps Positions) Of(path string) Pos {
	for p := path; ; {
		if pos, ok := ps[p]; ok {
			return pos
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return Pos{Line: 1, Col: 1}
		}
		p = p[:i]
	}
}

// Comply is a landlord's answer to a provision.
type Comply string

// The answers a provision can have. Unanswered is a blank: never a yes.
// Invalid is a comply that holds something else ("maybe", a list): the
// loader reports it (schema), and it counts as no answer of any kind.
const (
	Unanswered Comply = ""
	Yes        Comply = "yes"
	No         Comply = "no"
	Partial    Comply = "partial"
	NA         Comply = "n/a"
	Invalid    Comply = "invalid"
)

// Rank places an answer on the compliance scale, no (1) < partial (2) < yes
// (3), for comparing years; n/a and no answer have no place on it.
func (c Comply) Rank() (int, bool) {
	switch c {
	case No:
		return 1, true
	case Partial:
		return 2, true
	case Yes:
		return 3, true
	}
	return 0, false
}

// ParseComply reads an answer word, ignoring case and surrounding space.
func ParseComply(s string) (Comply, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes":
		return Yes, true
	case "no":
		return No, true
	case "partial":
		return Partial, true
	case "n/a":
		return NA, true
	case "":
		return Unanswered, true
	}
	return Unanswered, false
}

// Label is the answer as a form shows it: "Yes", "No", "Partial", "N/A", or
// "" when unanswered.
func (c Comply) Label() string {
	switch c {
	case Yes:
		return "Yes"
	case No:
		return "No"
	case Partial:
		return "Partial"
	case NA:
		return "N/A"
	}
	return ""
}

// IsGap reports whether the answer admits the provision is not fully met.
func (c Comply) IsGap() bool { return c == No || c == Partial }

// Status is where an action stands.
type Status string

// Action statuses; an action without one is open.
const (
	Open Status = "open"
	Done Status = "done"
)

// Assessment is one landlord's self-assessment against one Code.
type Assessment struct {
	File      string // where it was read from, for messages
	Code      string // catalogue id, short name or path, as written
	Landlord  string
	Assessed  Date
	Period    string
	Approved  *Approval
	Published string
	// Introduction is the landlord's opening words, plain paragraphs
	// separated by a blank line; Response is the governing body's response.
	Introduction string
	Response     *Response
	// Entities are the landlords of a group that the assessment covers,
	// in the order listed; none for one landlord. See EntityAnswer.
	Entities []Entity
	Answers  []Answer // the provisions list, in file order

	CodePos, LandlordPos, AssessedPos, ProvisionsPos, EntitiesPos Pos
}

// Entity is one landlord of a group covered by one assessment: the
// Ombudsman accepts one self-assessment for a group whose members share one
// complaints policy, naming each member.
type Entity struct {
	Name         string
	Registration string // optional: the regulator's registration number
	Pos          Pos
}

// AllEntities is what csa's lists, report and workbook say in place of an
// entity's name for what the whole group gives, so no entity is called it.
const AllEntities = "All entities"

// SameEntity reports whether two entities' names are one name but for case
// and spacing: names a person would not tell apart, which --entity matches
// alike.
func SameEntity(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// IsGroup reports whether the assessment covers a group of entities.
func (a *Assessment) IsGroup() bool { return len(a.Entities) > 0 }

// Entity returns the index of the entity called name, or -1.
func (a *Assessment) Entity(name string) int {
	for i := range a.Entities {
		if a.Entities[i].Name == name {
			return i
		}
	}
	return -1
}

// EntityNames lists the entities' names, in order.
func (a *Assessment) EntityNames() []string {
	names := make([]string, len(a.Entities))
	for i, e := range a.Entities {
		names[i] = e.Name
	}
	return names
}

// Approval is the governing body's sign-off.
type Approval struct {
	By  string
	On  Date
	Pos Pos
}

// Response is the governing body's response to the assessment, which the
// Code asks landlords to publish with it: who, when, and what they said.
type Response struct {
	By   string
	On   Date
	Text string
	Pos  Pos
}

// Answer is the landlord's answer to one provision.
type Answer struct {
	ID          string
	Comply      Comply
	Evidence    string
	Commentary  string
	Requirement string // the landlord's own copy of the Code's wording
	Alternative string // reasonable endeavours met another way
	Review      string // why the answer awaits review (carried from last year)
	Actions     []Action
	// Entities are where an entity of a group answers differently from the
	// answer above, the group's, in file order.
	Entities []EntityAnswer

	Pos, ComplyPos, ReviewPos  Pos
	EvidencePos, CommentaryPos TextPos
}

// EntityAnswer is where one entity of a group answers a provision
// differently from the group's answer: an entity inherits the group's
// answer, evidence, commentary and alternative unless it gives its own,
// which replaces the group's for it; its actions are its own, in addition
// to the group's (an action of the group's answer is for every entity).
// The requirement and the review line are the group's alone. What an
// entity gives is never blank: to differ, it says something (the loader
// reports a blank).
type EntityAnswer struct {
	Name        string
	Comply      Comply // Unanswered: the group's
	Evidence    string // "": the group's, and so on
	Commentary  string
	Alternative string
	Actions     []Action // the entity's own, besides the group's

	Pos, ComplyPos             Pos // Pos: the entity's name
	EvidencePos, CommentaryPos TextPos
}

// Differs reports whether the entity gives its own answer, evidence,
// commentary or alternative (its actions add to the group's: they do not
// replace anything).
func (e *EntityAnswer) Differs() bool {
	return e.Comply != Unanswered || e.Evidence != "" || e.Commentary != "" || e.Alternative != ""
}

// EntityAnswer returns entity's own part of the answer, if it has one.
func (ans *Answer) EntityAnswer(entity string) (*EntityAnswer, bool) {
	for i := range ans.Entities {
		if ans.Entities[i].Name == entity {
			return &ans.Entities[i], true
		}
	}
	return nil, false
}

// For returns the answer as entity gives it: the group's, with whatever the
// entity gives in its place, and the entity's actions after the group's.
// Positions are where each field was written. The result has no Entities.
// An entity with nothing of its own gives the group's answer.
func (ans *Answer) For(entity string) Answer {
	out := *ans
	out.Entities = nil
	e, ok := ans.EntityAnswer(entity)
	if !ok {
		return out
	}
	if e.Comply != Unanswered {
		out.Comply, out.ComplyPos = e.Comply, e.ComplyPos
	}
	if e.Evidence != "" {
		out.Evidence, out.EvidencePos = e.Evidence, e.EvidencePos
	}
	if e.Commentary != "" {
		out.Commentary, out.CommentaryPos = e.Commentary, e.CommentaryPos
	}
	if e.Alternative != "" {
		out.Alternative = e.Alternative
	}
	if len(e.Actions) > 0 {
		out.Actions = append(append(make([]Action, 0, len(ans.Actions)+len(e.Actions)), ans.Actions...), e.Actions...)
	}
	return out
}

// TextPos is where a text field's value starts, and whether it is a block
// (| or >) so that a line within the text can be found.
type TextPos struct {
	Pos
	Block  bool
	Indent int // spaces before a block's lines
}

// LineOf returns the file line of byte offset off within the field's text.
func (p TextPos) LineOf(text string, off int) int {
	if p.Line == 0 {
		return 0
	}
	if !p.Block {
		return p.Line
	}
	if off > len(text) {
		off = len(text)
	}
	return p.Line + 1 + strings.Count(text[:off], "\n")
}

// Action is one step of the action plan.
type Action struct {
	Text      string // what will be done (the "action" key)
	Owner     string
	Due       Date
	Status    Status
	Completed Date
	Draft     bool // proposed by import from prose, not yet agreed

	Pos, DuePos Pos
}

// IsOpen reports whether the action is still to do.
func (a Action) IsOpen() bool { return a.Status != Done }

// Answer returns the answer to the provision id, if there is one.
func (a *Assessment) Answer(id string) (*Answer, bool) {
	for i := range a.Answers {
		if a.Answers[i].ID == id {
			return &a.Answers[i], true
		}
	}
	return nil, false
}
