package diff

import (
	"encoding/json"
	"io"

	"github.com/csa-tool/csa/assessment"
)

// WriteJSON writes the diff as one JSON object: the two assessments, how
// provisions were matched ("same-code", "forward" or "backward"), whether
// anything differs or regressed, the summary counts, and every provision
// (unchanged ones too) with its class, answers, matches, text changes (old,
// new and the word diff, only when changed) and action changes. Answers are
// the file's words ("yes", "partial", "no", "n/a"), "" for no answer.
func WriteJSON(w io.Writer, d *Diff) error {
	out := jsonDiff{
		Old: jsonSideOf(d.Old), New: jsonSideOf(d.New), AsOf: d.AsOf.String(),
		Match: d.Direction.String(), Differs: d.Differs(), Regressed: d.Regressed(),
		Fields: []jsonField{}, Provisions: []jsonProvision{},
	}
	for _, f := range d.Fields {
		out.Fields = append(out.Fields, jsonField(f))
	}
	s := d.Summary
	out.Summary = jsonSummary{
		Provisions: jsonClassCounts{
			Improved: s.Provisions[Improved], Regressed: s.Provisions[Regressed], Changed: s.Provisions[Changed],
			Unchanged: s.Provisions[Unchanged], New: s.Provisions[New], Retired: s.Provisions[Retired],
		},
		NewGaps: s.NewGaps, Gaps: jsonGaps{LastYear: s.GapsBefore, ThisYear: s.GapsNow, Opened: append([]string{}, s.Opened...)},
		EvidenceChanged: s.EvidenceChanged, CommentaryChanged: s.CommentaryChanged,
		AlternativeChanged: s.AlternativeChanged, RequirementChanged: s.RequirementChanged,
		Actions: jsonActionCounts{
			Added: s.Actions[Added], Completed: s.Actions[Completed], Dropped: s.Actions[Dropped],
			Slipped: s.Actions[Slipped], Reopened: s.Actions[Reopened], Amended: s.Actions[Amended],
			NewlyOverdue: s.NewlyOverdue,
		},
	}
	for i := range d.Provisions {
		out.Provisions = append(out.Provisions, jsonProvisionOf(&d.Provisions[i]))
	}
	for _, e := range d.Entities {
		out.Entities = append(out.Entities, jsonEntityChange(e))
	}
	if len(d.Entities) > 0 || s.Entities[Improved]+s.Entities[Regressed]+s.Entities[Changed] > 0 {
		out.Summary.Entities = &jsonEntityCounts{Improved: s.Entities[Improved], Regressed: s.Entities[Regressed], Changed: s.Entities[Changed]}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

type jsonDiff struct {
	Old        jsonSide        `json:"old"`
	New        jsonSide        `json:"new"`
	AsOf       string          `json:"as_of,omitempty"`
	Match      string          `json:"match"`
	Differs    bool            `json:"differs"`
	Regressed  bool            `json:"regressed"`
	Fields     []jsonField     `json:"fields"`
	Summary    jsonSummary     `json:"summary"`
	Provisions []jsonProvision `json:"provisions"`
	// A group's: entities added or removed.
	Entities []jsonEntityChange `json:"entities,omitempty"`
}

type jsonEntityChange struct {
	Name  string `json:"name"`
	Added bool   `json:"added"`
}

// jsonEntityCounts counts a group's entities' own answers that moved.
type jsonEntityCounts struct {
	Improved  int `json:"improved"`
	Regressed int `json:"regressed"`
	Changed   int `json:"changed"`
}

type jsonEntityAnswer struct {
	Name        string   `json:"name"`
	Class       Class    `json:"class"`
	Old         string   `json:"old"`
	New         string   `json:"new"`
	Evidence    jsonText `json:"evidence"`
	Commentary  jsonText `json:"commentary"`
	Alternative jsonText `json:"alternative"`
}

type jsonSide struct {
	File      string        `json:"file"`
	Code      string        `json:"code"`
	CodeTitle string        `json:"code_title"`
	Landlord  string        `json:"landlord"`
	Period    string        `json:"period,omitempty"`
	Assessed  string        `json:"assessed,omitempty"`
	Approved  *jsonApproval `json:"approved,omitempty"`
	Published string        `json:"published,omitempty"`
	Entities  []string      `json:"entities,omitempty"` // a group's
}

type jsonApproval struct {
	By string `json:"by"`
	On string `json:"on"`
}

func jsonSideOf(s Side) jsonSide {
	j := jsonSide{File: s.File, Code: s.Code, CodeTitle: s.CodeTitle, Landlord: s.Landlord, Period: s.Period,
		Assessed: s.Assessed.String(), Published: s.Published, Entities: s.Entities}
	if s.Approved != nil {
		j.Approved = &jsonApproval{By: s.Approved.By, On: s.Approved.On.String()}
	}
	return j
}

type jsonField struct {
	Name string `json:"name"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

type jsonSummary struct {
	Provisions         jsonClassCounts   `json:"provisions"`
	NewGaps            int               `json:"new_gaps"`
	Gaps               jsonGaps          `json:"gaps"`
	EvidenceChanged    int               `json:"evidence_changed"`
	CommentaryChanged  int               `json:"commentary_changed"`
	AlternativeChanged int               `json:"alternative_changed"`
	RequirementChanged int               `json:"requirement_changed"`
	Actions            jsonActionCounts  `json:"actions"`
	Entities           *jsonEntityCounts `json:"entities,omitempty"`
}

type jsonGaps struct {
	LastYear int      `json:"last_year"`
	ThisYear int      `json:"this_year"`
	Opened   []string `json:"opened"`
}

type jsonClassCounts struct {
	Improved  int `json:"improved"`
	Regressed int `json:"regressed"`
	Changed   int `json:"changed"`
	Unchanged int `json:"unchanged"`
	New       int `json:"new"`
	Retired   int `json:"retired"`
}

type jsonActionCounts struct {
	Added        int `json:"added"`
	Completed    int `json:"completed"`
	Dropped      int `json:"dropped"`
	Slipped      int `json:"slipped"`
	Reopened     int `json:"reopened"`
	Amended      int `json:"amended"`
	NewlyOverdue int `json:"newly_overdue"`
}

type jsonProvision struct {
	ID            string       `json:"id"`
	Section       int          `json:"section"`
	SectionTitle  string       `json:"section_title,omitempty"`
	Class         Class        `json:"class"`
	Old           string       `json:"old"`
	New           string       `json:"new"`
	ComparedWith  string       `json:"compared_with,omitempty"`
	Confidence    string       `json:"confidence,omitempty"`
	LowConfidence bool         `json:"low_confidence,omitempty"`
	Matches       []jsonMatch  `json:"matches,omitempty"`
	Evidence      jsonText     `json:"evidence"`
	Commentary    jsonText     `json:"commentary"`
	Alternative   jsonText     `json:"alternative"`
	Requirement   bool         `json:"requirement_changed,omitempty"`
	Actions       []jsonAction `json:"actions,omitempty"`
	// A group's: entities listed both years that gave their own answer.
	Entities []jsonEntityAnswer `json:"entities,omitempty"`
}

type jsonMatch struct {
	ID         string `json:"id"`
	Answer     string `json:"answer"`
	Confidence string `json:"confidence"`
	Note       string `json:"note,omitempty"`
}

type jsonText struct {
	Changed bool       `json:"changed"`
	Old     string     `json:"old,omitempty"`
	New     string     `json:"new,omitempty"`
	Diff    []jsonSpan `json:"diff,omitempty"`
}

type jsonSpan struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

type jsonAction struct {
	Kind         ActionKind `json:"kind"`
	OldProvision string     `json:"old_provision,omitempty"`
	NewProvision string     `json:"new_provision,omitempty"`
	Old          *jsonAct   `json:"old,omitempty"`
	New          *jsonAct   `json:"new,omitempty"`
	Moved        bool       `json:"moved,omitempty"`
	SlipDays     int        `json:"slip_days,omitempty"`
	NewlyOverdue bool       `json:"newly_overdue,omitempty"`
	OverdueDays  int        `json:"overdue_days,omitempty"`
	Wording      []jsonSpan `json:"wording,omitempty"`
	OldEntity    string     `json:"old_entity,omitempty"`
	NewEntity    string     `json:"new_entity,omitempty"`
	// EntityRemoved: a dropped action of an entity no longer listed.
	EntityRemoved bool `json:"entity_removed,omitempty"`
}

type jsonAct struct {
	Text      string `json:"action"`
	Owner     string `json:"owner,omitempty"`
	Due       string `json:"due,omitempty"`
	Status    string `json:"status"`
	Completed string `json:"completed,omitempty"`
	Draft     bool   `json:"draft,omitempty"`
}

func jsonProvisionOf(p *Provision) jsonProvision {
	j := jsonProvision{
		ID: p.ID, Section: p.Section, SectionTitle: p.SectionTitle, Class: p.Class,
		Old: string(p.Old), New: string(p.New), ComparedWith: p.Base, LowConfidence: p.LowConfidence(),
		Evidence: jsonTextOf(p.Evidence, p.Class), Commentary: jsonTextOf(p.Commentary, p.Class),
		Alternative: jsonTextOf(p.Alternative, p.Class), Requirement: p.RequirementChanged,
	}
	if p.Confidence != 0 {
		j.Confidence = p.Confidence.String()
	}
	for _, m := range p.Matches {
		j.Matches = append(j.Matches, jsonMatch{ID: m.ID, Answer: string(m.Answer), Confidence: m.Confidence.String(), Note: m.Note})
	}
	for _, a := range p.Actions {
		j.Actions = append(j.Actions, jsonAction{
			Kind: a.Kind, OldProvision: a.OldProvision, NewProvision: a.NewProvision,
			Old: jsonActOf(a.Old), New: jsonActOf(a.New), Moved: a.Moved, SlipDays: a.SlipDays,
			NewlyOverdue: a.NewlyOverdue, OverdueDays: a.OverdueDays, Wording: jsonSpans(a.Wording),
			OldEntity: a.OldEntity, NewEntity: a.NewEntity, EntityRemoved: a.EntityRemoved,
		})
	}
	for _, e := range p.Entities {
		j.Entities = append(j.Entities, jsonEntityAnswer{Name: e.Name, Class: e.Class, Old: string(e.Old), New: string(e.New),
			Evidence: jsonTextOf(e.Evidence, e.Class), Commentary: jsonTextOf(e.Commentary, e.Class), Alternative: jsonTextOf(e.Alternative, e.Class)})
	}
	return j
}

// jsonTextOf gives the texts when they changed, and the one text of a new or
// retired provision.
func jsonTextOf(t Text, c Class) jsonText {
	switch {
	case t.Changed:
		return jsonText{Changed: true, Old: t.Old, New: t.New, Diff: jsonSpans(t.Words)}
	case c == New:
		return jsonText{New: t.New}
	case c == Retired:
		return jsonText{Old: t.Old}
	}
	return jsonText{}
}

func jsonSpans(spans []Span) []jsonSpan {
	var out []jsonSpan
	for _, s := range spans {
		out = append(out, jsonSpan{Op: s.Op.String(), Text: s.Text})
	}
	return out
}

func jsonActOf(a *assessment.Action) *jsonAct {
	if a == nil {
		return nil
	}
	status := a.Status
	if status == "" {
		status = assessment.Open
	}
	return &jsonAct{Text: a.Text, Owner: a.Owner, Due: a.Due.String(), Status: string(status),
		Completed: a.Completed.String(), Draft: a.Draft}
}
