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
	Answers      []Answer // the provisions list, in file order

	CodePos, LandlordPos, AssessedPos, ProvisionsPos Pos
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

	Pos, ComplyPos, ReviewPos  Pos
	EvidencePos, CommentaryPos TextPos
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
