package annual

import (
	"cmp"
	"fmt"
	"slices"
	"sync"

	"github.com/csa-tool/csa/assessment"
)

// This file is the list of csa check's rules for an annual report, in the
// shape of csa's rule list (package rules, when it lands): each rule is one
// file holding its name, its severity, its documentation (what it checks,
// why the Code asks it, how to fix a finding) and its function, with a
// table-driven test of its own. syntax, schema and implausible-date mean
// what they mean for an assessment and are not listed again.

// Rule is one check csa makes of an annual report.
type Rule struct {
	// Name is stable: users filter on it and CI annotations show it.
	Name     string
	Severity assessment.Severity
	// SeverityNote says when a finding has another severity; "" when never.
	SeverityNote string
	// Summary is one line saying when the rule fires, as the README's
	// table says it (Markdown: names in backticks).
	Summary string
	// What the rule checks, why the Code asks it, and how to fix a
	// finding: plain English, for a complaints manager.
	What, Why, Fix string

	order int
	check func(*checker)
}

var (
	list   []*Rule
	sortMu sync.Once
)

func add(r *Rule) *Rule {
	list = append(list, r)
	return r
}

// Rules returns every rule, in the order the README lists them.
func Rules() []*Rule {
	sortMu.Do(func() {
		slices.SortStableFunc(list, func(a, b *Rule) int { return cmp.Compare(a.order, b.order) })
	})
	return slices.Clone(list)
}

// Named returns the rule called name.
func Named(name string) (*Rule, bool) {
	for _, r := range Rules() {
		if r.Name == name {
			return r, true
		}
	}
	return nil, false
}

// Row is the rule as a row of the README's table:
// | `name` | severity | summary |.
func Row(r *Rule) string {
	sev := r.Severity.String()
	if r.SeverityNote != "" {
		sev += " (" + r.SeverityNote + ")"
	}
	return "| `" + r.Name + "` | " + sev + " | " + r.Summary + " |"
}

// Check reads an annual report file and the pack it names, and applies
// every rule. Findings are sorted by position.
func Check(file string, data []byte, opts Options) []assessment.Finding {
	opts.defaults()
	p, out := Load(file, data, opts)
	if p == nil {
		return out
	}
	out = append(out, plausible(p, opts.AsOf)...)
	for _, r := range Rules() {
		out = append(out, r.Apply(p, opts)...)
	}
	assessment.SortFindings(out)
	return out
}

// Apply applies this rule alone to a pack.
func (r *Rule) Apply(p *Pack, opts Options) []assessment.Finding {
	c := &checker{p: p, a: p.Annual, opts: opts, rule: r}
	r.check(c)
	return c.out
}

// checker is one rule applied to one pack.
type checker struct {
	p    *Pack
	a    *Annual
	opts Options
	rule *Rule
	out  []assessment.Finding
}

// add reports a finding of the rule at p (1:1 when unknown).
func (c *checker) add(p assessment.Pos, format string, args ...any) {
	if p.Line == 0 {
		p = assessment.Pos{Line: 1, Col: 1}
	}
	c.out = append(c.out, assessment.Finding{Rule: c.rule.Name, Severity: c.rule.Severity, File: c.a.File,
		Line: p.Line, Col: p.Col, Message: fmt.Sprintf(format, args...)})
}

// plausible finds the dates no report could have: before 2020, before
// any Complaint Handling Code, or more than a year after today (an order's
// due date: five years), as csa check does for an assessment.
func plausible(p *Pack, today assessment.Date) []assessment.Finding {
	a, doc := p.Annual, p.Doc
	var out []assessment.Finding
	check := func(d assessment.Date, path string, years int) {
		if why := d.Implausible(today, years); why != "" {
			at := doc.Pos(path)
			out = append(out, assessment.Finding{Rule: assessment.RuleImplausible, Severity: assessment.Error, File: a.File,
				Line: at.Line, Col: at.Col, Message: fmt.Sprintf("%s %s %s: is it a typo?", path, d, why)})
		}
	}
	check(a.YearEnd, "year_end", 1)
	check(a.Dated, "dated", 1)
	if a.Response != nil {
		check(a.Response.On, "response.on", 1)
	}
	for i, im := range a.Improvements {
		check(im.When, fmt.Sprintf("improvements[%d].when", i), 1)
	}
	if o := a.Ombudsman; o != nil {
		for i, d := range o.Determinations {
			at := fmt.Sprintf("ombudsman.determinations[%d]", i)
			check(d.Date, at+".date", 1)
			for j, ord := range d.Orders {
				check(ord.Due, fmt.Sprintf("%s.orders[%d].due", at, j), 5)
				check(ord.On, fmt.Sprintf("%s.orders[%d].on", at, j), 1)
			}
		}
	}
	for i, s := range a.Submitted {
		check(s.On, fmt.Sprintf("submitted[%d].on", i), 1)
	}
	return out
}
