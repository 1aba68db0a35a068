// Package codes owns the catalogues of the Complaint Handling Code: the
// provisions of each version (chc-2022, chc-2024) built into csa, and the
// reader of a catalogue file a landlord keeps of their own.
//
// A Resolver finds the catalogue a code names, as an assessment or a
// command names it: a built-in id ("chc-2024"), its short form ("2024"), or
// a path to a catalogue file, read from where the resolver allows. The
// built-in catalogues are the YAML files in this folder, compiled into Go
// data (builtin_gen.go, by go generate), so no run of csa parses them. They
// carry the project's own one-sentence summaries, never the Code's wording;
// a user's catalogue may add that wording as text.
//
// This package is a leaf: it knows nothing of assessments.
package codes

import (
	"fmt"
	"time"
)

// Catalogue is one version of the Code: its metadata and its provisions in
// order (section, then number).
type Catalogue struct {
	ID         string    // "chc-2024"
	Short      string    // "2024"
	Title      string    // "Complaint Handling Code 2024"
	Publisher  string    // "Housing Ombudsman Service"
	InForce    time.Time // first day the Code applied (UTC midnight)
	Supersedes string    // id of the catalogue this one replaced, if any
	Statutory  bool
	Note       string // what a reader should know about the catalogue as a whole
	Sections   []Section
	Provisions []Provision
	// Source is "embedded" or the path the catalogue was read from.
	Source string

	byID map[string]int
}

// Section is a numbered section of the Code.
type Section struct {
	Number int    `yaml:"number"`
	Title  string `yaml:"title"`
}

// Provision is one numbered requirement of the Code.
type Provision struct {
	ID           string // "6.10", always a string
	Section      int
	Stage        string // "stage 1", where the Code groups by stage
	Obligation   string // must | should | none
	OnForm       bool   // whether the self-assessment form asks for it
	Confirmed    bool   // false where no source confirms the entry: recalled, or in doubt (see Note)
	Source       string // where a confirmed entry was checked; "" if unconfirmed or not said
	Note         string // what is uncertain about the entry, or why it is unconfirmed
	Summary      string // one sentence, the project's own words
	Title        string // a few words naming it in a list ("Stage 1 response within 10 working days"); "" if the catalogue gives none
	Text         string // the Code's wording, only in a user's own catalogue
	Timescales   []Timescale
	Predecessors []Predecessor // provisions of the superseded Code this continues
}

// Timescale is a time limit a provision sets.
type Timescale struct {
	What   string `yaml:"what"`
	Within int    `yaml:"within"`
	Unit   string `yaml:"unit"` // working days | days | months
	From   string `yaml:"from"`
	// Measure is what a complaints log counts against this timescale (csa
	// figures): one of Measures, or "" for a timescale a log cannot show.
	Measure string `yaml:"measure"`
	// Starts is the event in the log the clock starts at: "receipt" (of the
	// complaint, or of the request to escalate), "acknowledgement", or, for
	// an extension, "due date" (the response date it extends).
	Starts string `yaml:"starts"`
}

// The measures a complaints log can be counted against, and the events a
// timescale's clock can start at.
var (
	Measures = []string{"stage 1 acknowledgement", "stage 1 response", "stage 1 extension",
		"stage 2 acknowledgement", "stage 2 response", "stage 2 extension"}
	Starts = []string{"receipt", "acknowledgement", "due date"}
)

// Timescale returns the timescale a catalogue sets for a measure ("stage 1
// response"), and the provision that sets it.
func (c *Catalogue) Timescale(measure string) (*Provision, *Timescale, bool) {
	for i := range c.Provisions {
		for j := range c.Provisions[i].Timescales {
			if c.Provisions[i].Timescales[j].Measure == measure {
				return &c.Provisions[i], &c.Provisions[i].Timescales[j], true
			}
		}
	}
	return nil, nil, false
}

// String renders a timescale the way a complaints manager would say it.
func (t Timescale) String() string {
	s := fmt.Sprintf("%s: within %d %s", t.What, t.Within, t.Unit)
	if t.From != "" {
		s += " of " + t.From
	}
	return s
}

// Predecessor links a provision to one it continues in the superseded Code.
type Predecessor struct {
	ID         string `yaml:"id"`
	Confidence string `yaml:"confidence"` // high | medium | low
	Note       string `yaml:"note"`
}

// SectionTitle returns the title of section n, or "" if the catalogue has none.
func (c *Catalogue) SectionTitle(n int) string {
	for _, s := range c.Sections {
		if s.Number == n {
			return s.Title
		}
	}
	return ""
}

// Provision returns the provision with the given id.
func (c *Catalogue) Provision(id string) (*Provision, bool) {
	i, ok := c.byID[id]
	if !ok {
		return nil, false
	}
	return &c.Provisions[i], true
}

// OnForm returns the provisions the self-assessment form asks for, in order.
func (c *Catalogue) OnForm() []Provision {
	var out []Provision
	for _, p := range c.Provisions {
		if p.OnForm {
			out = append(out, p)
		}
	}
	return out
}

// Successors returns, for each provision id of the catalogue c supersedes,
// the provisions of c that continue it, with the link's confidence.
func (c *Catalogue) Successors() map[string][]Link {
	out := map[string][]Link{}
	for _, p := range c.Provisions {
		for _, pre := range p.Predecessors {
			out[pre.ID] = append(out[pre.ID], Link{ID: p.ID, Confidence: pre.Confidence, Note: pre.Note})
		}
	}
	return out
}

// Link is one edge of the lineage between two Code versions.
type Link struct {
	ID         string
	Confidence string
	Note       string
}
