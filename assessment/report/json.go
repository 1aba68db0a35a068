package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/safetext"
)

// The JSON shapes. Field names are stable; every field is always present
// (empty text as "", a missing date or answer as null) so a reader need not
// guess.
type (
	jsonReport struct {
		Landlord   string          `json:"landlord"`
		Code       jsonCode        `json:"code"`
		Assessed   *string         `json:"assessed"`
		Period     string          `json:"period"`
		Approved   *jsonApproval   `json:"approved"`
		Published  string          `json:"published"`
		AsOf       *string         `json:"as_of"`
		Draft      bool            `json:"draft"`
		DraftWhy   []string        `json:"draft_reasons"`
		Intro      string          `json:"introduction"`
		Response   *jsonResponse   `json:"response"`
		Summary    jsonTally       `json:"summary"`
		Sections   []jsonSection   `json:"sections"`
		Provisions []jsonProvision `json:"provisions"`
		Missing    []string        `json:"missing"`
		// A group's: its entities, each with its answers counted.
		Entities []jsonEntity `json:"entities,omitempty"`
	}
	jsonEntity struct {
		Name         string    `json:"name"`
		Registration string    `json:"registration"`
		Summary      jsonTally `json:"summary"`
	}
	// jsonEntityAnswer is how one entity of a group answers a provision:
	// its answer as it gives it, and what it gives of its own (null: the
	// group's answer in full).
	jsonEntityAnswer struct {
		Name   string     `json:"name"`
		Comply *string    `json:"comply"`
		Own    *jsonOwned `json:"own"`
	}
	jsonOwned struct {
		Comply      *string `json:"comply"`
		Evidence    string  `json:"evidence"`
		Commentary  string  `json:"commentary"`
		Alternative string  `json:"alternative"`
	}
	jsonCode struct {
		ID          string  `json:"id"`
		Written     string  `json:"written"`
		Title       string  `json:"title"`
		Publisher   string  `json:"publisher"`
		InForce     *string `json:"in_force"`
		Statutory   bool    `json:"statutory"`
		ShouldTable bool    `json:"must_and_should"`
	}
	jsonApproval struct {
		By string  `json:"by"`
		On *string `json:"on"`
	}
	jsonResponse struct {
		By   string  `json:"by"`
		On   *string `json:"on"`
		Text string  `json:"text"`
	}
	jsonCounts struct {
		Yes        int  `json:"yes"`
		Partial    int  `json:"partial"`
		No         int  `json:"no"`
		NA         int  `json:"na"`
		Unanswered int  `json:"unanswered"`
		Differs    *int `json:"entities_differ,omitempty"` // a group's: provisions its entities answer differently
		Total      int  `json:"total"`
	}
	jsonTally struct {
		Must   jsonCounts `json:"must"`
		Should jsonCounts `json:"should"`
		All    jsonCounts `json:"all"`
	}
	jsonSection struct {
		Number     int       `json:"number"`
		Title      string    `json:"title"`
		Summary    jsonTally `json:"summary"`
		Provisions []string  `json:"provisions"`
	}
	jsonProvision struct {
		ID                string       `json:"id"`
		Section           int          `json:"section"`
		Obligation        string       `json:"obligation"`
		OnForm            bool         `json:"on_form"`
		InCatalogue       bool         `json:"in_catalogue"`
		InFile            bool         `json:"in_file"`
		Summary           string       `json:"summary"`
		CodeText          string       `json:"code_text"`
		FormRequirement   string       `json:"form_requirement"`
		RequirementSource string       `json:"requirement_source"`
		Comply            *string      `json:"comply"`
		Evidence          string       `json:"evidence"`
		Commentary        string       `json:"commentary"`
		Requirement       string       `json:"requirement"`
		Alternative       string       `json:"alternative"`
		Review            string       `json:"review"`
		Actions           []jsonAction `json:"actions"`
		// A group's: how each entity answers.
		Entities []jsonEntityAnswer `json:"entities,omitempty"`
	}
	jsonAction struct {
		Provision   string  `json:"provision"`
		Action      string  `json:"action"`
		Owner       string  `json:"owner"`
		Due         *string `json:"due"`
		Status      string  `json:"status"`
		Completed   *string `json:"completed"`
		Draft       bool    `json:"draft"`
		Overdue     bool    `json:"overdue"`
		DaysOverdue int     `json:"days_overdue"`
		// A group's: the entities the action is for (the group's action,
		// every entity; an entity's own, that entity).
		Entities []string `json:"entities,omitempty"`
	}
)

// WriteJSON writes the assessment joined with its catalogue as one JSON
// object: the assessment's facts, the counts overall and per section, and
// every provision on the form (answered or not, and any other answer in the
// file) with the catalogue's summary and text, the answer and its actions.
// comply is "yes", "no", "partial", "n/a", or null when unanswered.
func WriteJSON(w io.Writer, r *Report) error {
	out := jsonReport{
		Landlord: r.Landlord,
		Code: jsonCode{ID: r.Code.ID, Written: r.Code.Written, Title: r.Code.Title, Publisher: r.Code.Publisher,
			InForce: jsonDate(r.Code.InForce), Statutory: r.Code.Statutory, ShouldTable: r.Should},
		Assessed: jsonDate(r.Assessed), Period: r.Period, Published: r.Published, AsOf: jsonDate(r.AsOf),
		Summary: r.tallyJSON(r.Totals), Sections: []jsonSection{}, Provisions: []jsonProvision{}, Missing: r.Missing,
	}
	for _, e := range r.Entities {
		out.Entities = append(out.Entities, jsonEntity{Name: e.Name, Registration: e.Registration, Summary: tallyJSON(e.Tally)})
	}
	if out.Missing == nil {
		out.Missing = []string{}
	}
	out.DraftWhy = append([]string{}, r.DraftReasons()...)
	out.Draft, out.Intro = len(out.DraftWhy) > 0, r.Introduction
	if rs := r.Response; rs != nil {
		out.Response = &jsonResponse{By: rs.By, On: jsonDate(rs.On), Text: rs.Text}
	}
	if ap := r.Approved; ap != nil {
		out.Approved = &jsonApproval{By: ap.By, On: jsonDate(ap.On)}
	}
	for _, s := range r.Sections {
		js := jsonSection{Number: s.Number, Title: s.Title, Summary: r.tallyJSON(s.Tally), Provisions: []string{}}
		for _, row := range s.Rows {
			js.Provisions = append(js.Provisions, row.ID)
			jp := jsonProvision{
				ID: row.ID, Section: row.Section, Obligation: row.Obligation, OnForm: row.OnForm,
				InCatalogue: row.InCatalogue, InFile: row.InFile, Summary: row.Summary, CodeText: row.Text,
				FormRequirement: row.Requirement, RequirementSource: string(row.RequirementFrom),
				Evidence: row.Evidence, Commentary: row.Commentary, Alternative: row.Alternative, Review: row.Review,
				Actions: []jsonAction{},
			}
			if row.RequirementFrom == assessment.FromLandlord {
				jp.Requirement = row.Requirement
			}
			if row.Comply != assessment.Unanswered {
				c := string(row.Comply)
				jp.Comply = &c
			}
			for _, it := range row.Actions {
				jp.Actions = append(jp.Actions, actionJSON(it))
			}
			for _, e := range row.Entities {
				je := jsonEntityAnswer{Name: e.Name, Comply: complyJSON(e.Comply)}
				if o := e.Own; o != nil {
					je.Own = &jsonOwned{Comply: complyJSON(o.Comply), Evidence: o.Evidence, Commentary: o.Commentary, Alternative: o.Alternative}
				}
				jp.Entities = append(jp.Entities, je)
			}
			out.Provisions = append(out.Provisions, jp)
		}
		out.Sections = append(out.Sections, js)
	}
	return encodeJSON(w, out)
}

// encodeJSON writes v indented. The text keeps its every character, as
// JSON's own escaping allows; a bidirectional control (U+202A–U+202E,
// U+2066–U+2069, U+200E, U+200F, U+061C) is written as its \u escape, so
// the value decodes the same but a person reading the file sees it rather
// than text it reorders.
func encodeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeBidi(buf.Bytes()))
	return err
}

// escapeBidi writes every bidirectional control in JSON text as a \u
// escape. In JSON they can only be inside strings, where the escape means
// the same character.
func escapeBidi(b []byte) []byte {
	if !bytes.ContainsFunc(b, safetext.IsBidi) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if safetext.IsBidi(r) {
			out = fmt.Appendf(out, "\\u%04x", r)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

func actionJSON(it assessment.ActionItem) jsonAction {
	status := string(assessment.Open)
	if !it.IsOpen() {
		status = string(assessment.Done)
	}
	return jsonAction{
		Provision: it.Provision, Action: it.Text, Owner: it.Owner,
		Due: jsonDate(it.Due), Status: status, Completed: jsonDate(it.Completed), Draft: it.Draft,
		Overdue: it.Overdue, DaysOverdue: it.DaysOverdue, Entities: it.Entities,
	}
}

func jsonDate(d assessment.Date) *string {
	if d.IsZero() {
		return nil
	}
	s := d.String()
	return &s
}

func countsJSON(c Counts) jsonCounts {
	return jsonCounts{Yes: c.Yes, Partial: c.Partial, No: c.No, NA: c.NA, Unanswered: c.Unanswered, Total: c.Total()}
}

func tallyJSON(t Tally) jsonTally {
	return jsonTally{Must: countsJSON(t.Must), Should: countsJSON(t.Should), All: countsJSON(t.All)}
}

// tallyJSON is a summary's counts; a group's count the provisions its
// entities answer differently.
func (r *Report) tallyJSON(t Tally) jsonTally {
	j := tallyJSON(t)
	if r.Group() {
		for _, c := range []struct {
			to   *jsonCounts
			from Counts
		}{{&j.Must, t.Must}, {&j.Should, t.Should}, {&j.All, t.All}} {
			c.to.Differs = &c.from.Differs
		}
	}
	return j
}

func complyJSON(c assessment.Comply) *string {
	if c == assessment.Unanswered {
		return nil
	}
	s := string(c)
	return &s
}
