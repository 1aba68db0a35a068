package assessment

import (
	"cmp"
	"slices"

	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/safetext"
)

// Severity says whether a finding fails a check by default.
type Severity int

// Severities, least severe first, so they compare with <.
const (
	Warning Severity = iota + 1
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// ParseSeverity reads "error" or "warning".
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "error":
		return Error, true
	case "warning":
		return Warning, true
	}
	return 0, false
}

// Rule names, stable: users filter on them and CI annotations show them.
const (
	RuleSyntax         = "syntax"
	RuleSchema         = "schema"
	RuleImplausible    = "implausible-date"
	RuleUnknownCode    = "unknown-code"
	RuleUnknownProv    = "unknown-provision"
	RuleDuplicateProv  = "duplicate-provision"
	RuleMissingProv    = "missing-provision"
	RuleNoPlan         = "no-plan"
	RuleNAUnexplained  = "na-unexplained"
	RuleOverdue        = "overdue"
	RuleNoEvidence     = "no-evidence"
	RuleContradiction  = "contradiction"
	RuleStale          = "stale"
	RuleSupersededCode = "superseded-code"
	RuleUnapproved     = "unapproved"
	RuleUnreviewed     = "unreviewed"
)

// Rules maps every rule to its severity, in the order the README lists them.
var Rules = []struct {
	Name     string
	Severity Severity
	What     string
}{
	{RuleSyntax, Error, "the file is not valid YAML"},
	{RuleSchema, Error, "unknown key, wrong type, bad date or bad value"},
	{RuleImplausible, Error, "a date before 2020 or more than a year after today"},
	{RuleUnknownCode, Error, "code names no known catalogue"},
	{RuleUnknownProv, Error, "a provision id the Code does not have"},
	{RuleDuplicateProv, Error, "a provision answered twice"},
	{RuleMissingProv, Error, "a provision on the form with no answer"},
	{RuleNoPlan, Error, "no or partial without an action with an owner and a due date, and no alternative"},
	{RuleNAUnexplained, Error, "n/a without commentary"},
	{RuleOverdue, Warning, "an open action past its due date"},
	{RuleNoEvidence, Warning, "yes with no evidence"},
	{RuleContradiction, Warning, "yes, but the evidence or commentary admits the gap"},
	{RuleStale, Warning, "assessed more than 12 months before today"},
	{RuleSupersededCode, Warning, "assessed against a Code no longer in force on the assessed date"},
	{RuleUnapproved, Warning, "no governing-body approval recorded"},
	{RuleUnreviewed, Warning, "an answer carried from last year and not yet reviewed"},
}

func severityOf(rule string) Severity {
	for _, r := range Rules {
		if r.Name == rule {
			return r.Severity
		}
	}
	return Error
}

// Finding is one problem in one assessment file.
type Finding struct {
	Rule      string   `json:"rule"`
	Severity  Severity `json:"-"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Col       int      `json:"column"`
	Provision string   `json:"provision,omitempty"`
	Message   string   `json:"message"`
}

// SortFindings orders findings by position, then rule, then provision in
// Code order ("5.2" before "5.10": missing provisions share a position), so
// output is stable.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Rule, b.Rule),
			codes.CompareID(a.Provision, b.Provision),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns how many findings have each severity.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	e, _ := Count(fs)
	return e > 0
}

// OneLine makes text from a file safe to print as part of one line of a
// terminal or a CI log, by csa's one output-safety policy (safetext.Line):
// line breaks become spaces, escape sequences, other control characters and
// direction controls become visible escapes, so an evidence text cannot
// start a new log line (a GitHub workflow command, say) or move the cursor.
func OneLine(s string) string { return safetext.Line(s) }
