package rules

import (
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/internal/english"
)

// PlainSummary is the rule's summary without its Markdown (backticks and
// bold), for a terminal or a plain-text format.
func (r *Rule) PlainSummary() string {
	return strings.NewReplacer("`", "", "**", "").Replace(r.Summary)
}

// severityText is the severity as a finding shows it, with its note.
func (r *Rule) severityText() string {
	s := r.Severity.String()
	if r.SeverityNote != "" {
		s += " (" + r.SeverityNote + ")"
	}
	return s
}

// WriteList writes every rule, one a line, in the README's order: its
// name, its severity, and when it fires.
func WriteList(w io.Writer) error {
	all := All()
	width := 0
	for _, r := range all {
		width = max(width, len(r.Name))
	}
	var b strings.Builder
	for _, r := range all {
		fmt.Fprintf(&b, "%-*s  %-7s  %s\n", width, r.Name, r.Severity, r.PlainSummary())
	}
	b.WriteString("\ncsa check --explain RULE says what a rule checks, why, and how to fix a finding.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Explain writes what a rule checks, why the Code asks it, and how to fix a
// finding, wrapped for a terminal.
func (r *Rule) Explain(w io.Writer) error {
	var b strings.Builder
	reads := "assessments"
	switch r.Reads {
	case Figures:
		reads = "complaint figures files (kind: figures)"
	case Annual:
		reads = "annual complaints reports (kind: annual)"
	}
	fmt.Fprintf(&b, "%s: %s, in %s\n", r.Name, r.severityText(), reads)
	for _, part := range []struct{ label, text string }{
		{"Fires when", r.PlainSummary() + "."}, {"What it checks", r.What}, {"Why", r.Why}, {"How to fix a finding", r.Fix},
	} {
		b.WriteString("\n" + part.label + "\n")
		b.WriteString(indent(english.Wrap(part.text, 74)) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func indent(text string) string {
	return "  " + strings.ReplaceAll(text, "\n", "\n  ")
}

// Suggest names the rule a mistyped name was probably meant to be, or "".
func Suggest(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	best, bestD := "", 3
	for _, r := range All() {
		d := english.Distance(name, r.Name)
		if len(name) > 3 && (strings.HasPrefix(r.Name, name) || strings.Contains(r.Name, name)) {
			d = 1
		}
		if d < bestD {
			best, bestD = r.Name, d
		}
	}
	return best
}
