// Package annual owns the annual complaints performance and service
// improvement report (section 8 of the 2024 Code) and its submission to the
// Housing Ombudsman: the report file (kind: annual, what only people can
// write: the analysis, the service improvements, the Ombudsman's findings,
// the governing body's response, the submissions made), read strictly with
// the position of every value; the pack it names (the self-assessment, the
// year's figures and last year's); the rules csa check applies to it, each
// in its own file with its documentation; the submission deadline; what the
// Ombudsman's form asks each year (forms.yaml); and the report itself,
// rendered as a web page, Markdown and a Word document, with charts drawn
// by package chart and the self-assessment rendered by package report.
//
// Problems in the files are assessment.Findings with positions, never
// errors; the command line wires them into csa check.
package annual

import (
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// Kind is the value of an annual report file's kind: key.
const Kind = "annual"

// Annual is one year's annual complaints report file.
type Annual struct {
	File     string // where it was read from, for messages
	Landlord string
	Period   string          // the reporting year: 2024/25
	YearEnd  assessment.Date // the last day of the landlord's financial year
	Homes    *int            // homes owned, for the submission deadline
	Dated    assessment.Date // the day the report was finished

	// The pack: files named relative to this one.
	SelfAssessment string
	Figures        string
	Previous       string // last year's annual report or figures file; "" finds it

	Member       *Member // the member responsible for complaints
	Analysis     string  // the qualitative analysis, in prose
	Refusals     string  // what was refused and why, in prose
	Improvements []Improvement
	Ombudsman    *Ombudsman
	Response     *Response // the governing body's response
	Published    string    // where the report is published
	Submitted    []Submission

	// given records the top-level keys the file gives (a key with an empty
	// list counts: "none this year" said, not forgotten).
	given map[string]bool
}

// Given reports whether the file gives a top-level key.
func (a *Annual) Given(key string) bool { return a.given[key] }

// Member is the member of the governing body responsible for complaints.
type Member struct {
	Name, Role string
}

// Improvement is a change made from what complaints taught.
type Improvement struct {
	Learned string // what was learned
	Changed string // what changed
	When    assessment.Date
	Pos     assessment.Pos
}

// Ombudsman is what the Housing Ombudsman found and published about the
// landlord in the year.
type Ombudsman struct {
	Determinations []Determination
	// AnnualReport is the Ombudsman's annual report about the landlord's
	// performance; nil with NoAnnualReport when there was none.
	AnnualReport   *Link
	NoAnnualReport bool
	OtherReports   []Link
	Pos            assessment.Pos

	given map[string]bool
}

// Given reports whether the ombudsman: section gives a key.
func (o *Ombudsman) Given(key string) bool { return o != nil && o.given[key] }

// Determination is one case the Ombudsman determined in the year.
type Determination struct {
	Case          string
	Date          assessment.Date
	About         string
	Finding       string
	NonCompliance bool // the Ombudsman found non-compliance with the Code
	Orders        []Order
	Pos           assessment.Pos
}

// Order is something the Ombudsman ordered the landlord to do.
type Order struct {
	Order   string
	Due     assessment.Date
	Status  Compliance
	On      assessment.Date // when it was complied with
	Pos     assessment.Pos
	StatPos assessment.Pos // where complied: is, or the order when it is missing
}

// Compliance is whether an order was complied with.
type Compliance string

// The statuses of an order; an order without one is a finding.
const (
	NoStatus Compliance = ""
	Complied Compliance = "yes"
	Missed   Compliance = "no"
	Pending  Compliance = "pending" // not yet due
	// Unreadable is a status that is none of the three: a schema finding
	// says so, and no other.
	Unreadable Compliance = "?"
)

// Label is the status as the report shows it.
func (c Compliance) Label() string {
	switch c {
	case Complied:
		return "Complied with"
	case Missed:
		return "Not complied with"
	case Pending:
		return "Not yet due"
	}
	return "No status recorded"
}

// Link is a report published somewhere.
type Link struct {
	Title string
	URL   string
	Pos   assessment.Pos
}

// Response is the governing body's response to the report.
type Response struct {
	By        string
	On        assessment.Date
	Text      string
	Published string // where it is published, when not with the report
	Pos       assessment.Pos
}

// Submission is one submission made to the Ombudsman.
type Submission struct {
	On   assessment.Date
	Form string // the form's year: 2025-26
	What string
	Pos  assessment.Pos
}

// NormalPeriod writes a period the one way, so 2024-25 and 2024/25 match.
func NormalPeriod(p string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(p), " "), "-", "/")
}
