package assessment

import (
	"cmp"
	"slices"

	"github.com/csa-tool/csa/codes"
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

// The loader's rules: its findings are errors. Every rule, with its
// documentation, is in package rules.
const (
	RuleSyntax = "syntax" // the file is not valid YAML
	RuleSchema = "schema" // an unknown key, a wrong type, a bad date or value, a missing key
)

// Finding is one problem in one assessment file.
type Finding struct {
	Rule      string
	Severity  Severity
	File      string
	Line, Col int
	Provision string
	Message   string
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
