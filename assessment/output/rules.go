package output

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/rules"
)

// Rule is what a format says about a rule apart from its findings (SARIF's
// rule metadata).
type Rule struct {
	Name     string
	Severity assessment.Severity
	Short    string // one sentence: when it fires
	Full     string // what it checks and what a finding does to the run
	Help     string // how to act on a finding, and where to read more
}

// Rules lists every rule csa check reports, in the order the README lists
// them, from the rule list (package rules): the one place a format reads
// rule metadata from.
func Rules() []Rule {
	var out []Rule
	for _, r := range rules.All() {
		full := r.What + " " + consequence(r.Severity)
		out = append(out, Rule{
			Name:     r.Name,
			Severity: r.Severity,
			Short:    sentence(r.PlainSummary()),
			Full:     full,
			Help:     r.Why + " To fix it: " + r.Fix + " (csa check --explain " + r.Name + " says the same at the command line.)",
		})
	}
	return out
}

// consequence says what a finding of this severity does to csa check.
func consequence(s assessment.Severity) string {
	if s == assessment.Error {
		return "An error: it fails csa check unless --fail-on never is given."
	}
	return "A warning: it fails csa check only with --fail-on warning."
}

// sentence turns a rule's summary ("the file is not valid YAML") into a
// sentence.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
