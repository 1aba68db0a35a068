package annual

import (
	"fmt"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/rules"
)

// This file applies csa check's rules for an annual report. The rules are
// on csa's rule list (package rules: name, severity, documentation, in the
// README's and SARIF's words); each has its function here, in a file of its
// own, and its table-driven test beside its entry in package rules.
// syntax, schema and implausible-date mean what they mean for an
// assessment.

// checks are the rules' functions, by rule name.
var checks = map[string]func(*checker){}

// apply gives a rule on the list its function; each rule's file calls it
// once.
func apply(r *rules.Rule, check func(*checker)) bool {
	checks[r.Name] = check
	return true
}

// Check reads an annual report file and the pack it names, and applies
// every rule. Findings are sorted by position.
func Check(file string, data []byte, opts Options) []assessment.Finding {
	p, out := Load(file, data, opts)
	if p == nil {
		return out
	}
	out = append(out, plausible(p, opts.AsOf)...)
	for _, r := range rules.Of(rules.Annual, 0) {
		c := &checker{p: p, a: p.Annual, opts: opts, rule: r}
		checks[r.Name](c)
		out = append(out, c.out...)
	}
	assessment.SortFindings(out)
	return out
}

// contentErrors are the errors csa check finds in what the report says,
// that make it unfit to publish as it stands: a self-assessment or figures
// of another year, a response before the report, an order with no status.
// The missing parts and the response are draft reasons of their own, and
// the deadline is not about the report's content.
func (p *Pack) contentErrors(asOf assessment.Date) []assessment.Finding {
	var out []assessment.Finding
	for _, r := range []*rules.Rule{rules.AnnualPeriod, rules.AnnualResponseEarly, rules.AnnualOrderStatus} {
		c := &checker{p: p, a: p.Annual, opts: Options{AsOf: asOf}, rule: r}
		checks[r.Name](c)
		out = append(out, c.out...)
	}
	assessment.SortFindings(out)
	return out
}

// checker is one rule applied to one pack.
type checker struct {
	p    *Pack
	a    *Annual
	opts Options
	rule *rules.Rule
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
			out = append(out, assessment.Finding{Rule: rules.ImplausibleDate.Name, Severity: rules.ImplausibleDate.Severity, File: a.File,
				Line: at.Line, Col: at.Col, Message: fmt.Sprintf("%s %s %s: is it a typo?", path, d, why)})
		}
	}
	check(a.YearEnd, "year_end", assessment.AheadYears)
	check(a.Dated, "dated", assessment.AheadYears)
	if a.Response != nil {
		check(a.Response.On, "response.on", assessment.AheadYears)
	}
	for i, im := range a.Improvements {
		check(im.When, fmt.Sprintf("improvements[%d].when", i), assessment.AheadYears)
	}
	if o := a.Ombudsman; o != nil {
		for i, d := range o.Determinations {
			at := fmt.Sprintf("ombudsman.determinations[%d]", i)
			check(d.Date, at+".date", assessment.AheadYears)
			for j, ord := range d.Orders {
				check(ord.Due, fmt.Sprintf("%s.orders[%d].due", at, j), assessment.DueAheadYears)
				check(ord.On, fmt.Sprintf("%s.orders[%d].on", at, j), assessment.AheadYears)
			}
		}
	}
	for i, s := range a.Submitted {
		check(s.On, fmt.Sprintf("submitted[%d].on", i), assessment.AheadYears)
	}
	return out
}
