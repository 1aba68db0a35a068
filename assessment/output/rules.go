package output

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/annual"
	"github.com/csa-tool/csa/assessment/figures"
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

// Rules lists every rule csa check reports, assessments', figures files'
// then annual reports', in the order the README lists them. It is the one place a format
// reads rule metadata from: today it is built from the one-line summaries
// the rule lists carry.
func Rules() []Rule {
	var out []Rule
	add := func(name string, sev assessment.Severity, what string) {
		short := sentence(what)
		full := short + " " + consequence(sev)
		out = append(out, Rule{
			Name:     name,
			Severity: sev,
			Short:    short,
			Full:     full,
			Help: full + " A finding's message says where, and what to change. " +
				"csa check --help and the README's table of rules describe every rule.",
		})
	}
	for _, r := range assessment.Rules {
		add(r.Name, r.Severity, r.What)
	}
	for _, r := range figures.Rules {
		add(r.Name, r.Severity, r.What)
	}
	for _, r := range annual.Rules() {
		add(r.Name, r.Severity, strings.ReplaceAll(r.Summary, "`", ""))
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
