// Package rules is the list of csa check's rules: each rule is one file
// holding its name, its severity, its documentation (what it checks, why the
// Code asks it, how to fix a finding) and the function that applies it. The
// list is data: csa check's help, the README's rule tables (a test holds
// them to the list) and a rule's explanation all come from it.
//
// Most rules read an assessment with its catalogue (Check applies them).
// syntax and schema are the loader's (package assessment finds them while
// reading the file); the figures rules are package figures', which reads
// figures files, and the annual rules package annual's, which reads annual
// complaints reports. They are in the list all the same, with their
// documentation, so that nothing csa reports is undocumented.
//
// Adding a rule is one file here, calling add with the rule, and one test.
package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
)

// Rule is one check csa makes.
type Rule struct {
	// Name is stable: users filter on it and CI annotations show it.
	Name string
	// Severity is the severity of the rule's findings; SeverityNote says
	// when a finding has another ("warning when several match").
	Severity     assessment.Severity
	SeverityNote string
	// Reads is what the rule reads: an assessment, a figures file or an
	// annual report.
	Reads Subject
	// Summary is one line saying when the rule fires, as the README's rule
	// table says it (Markdown: names in backticks).
	Summary string
	// What the rule checks, why the Code asks it, and how to fix a finding:
	// plain English, for a complaints manager.
	What, Why, Fix string

	// order places the rule in the list (the README's tables, check's help).
	order int
	// check applies the rule; nil for a rule another package applies (the
	// loader's syntax and schema, package figures' and package annual's
	// rules).
	check func(*checker)
}

// Subject is what a rule reads.
type Subject int

// The kinds of file rules read.
const (
	Assessments Subject = iota // an assessment, with its catalogue
	Figures                    // a complaint figures file (kind: figures)
	Annual                     // an annual complaints report (kind: annual)
)

var (
	list   []*Rule
	sortMu sync.Once
)

// add puts a rule on the list; each rule's file calls it once.
func add(r *Rule) *Rule {
	list = append(list, r)
	return r
}

// All returns every rule, in the order the README lists them: the
// assessment rules, errors first, then the figures rules, then the annual
// report's.
func All() []*Rule { return slices.Clone(sorted()) }

// sorted is the list in order.
func sorted() []*Rule {
	sortMu.Do(func() {
		slices.SortStableFunc(list, func(a, b *Rule) int { return cmp.Compare(a.order, b.order) })
	})
	return list
}

// Named returns the rule called name.
func Named(name string) (*Rule, bool) {
	for _, r := range All() {
		if r.Name == name {
			return r, true
		}
	}
	return nil, false
}

// Of returns the rules that read subject, with severity sev (0: any), in
// order.
func Of(subject Subject, sev assessment.Severity) []*Rule {
	var out []*Rule
	for _, r := range All() {
		if r.Reads == subject && (sev == 0 || r.Severity == sev) {
			out = append(out, r)
		}
	}
	return out
}

// Options are what the rules need besides the assessment.
type Options struct {
	AsOf assessment.Date // "today"; the zero Date skips the rules that need one
}

// Check applies every rule that reads an assessment to a, whose code names
// cat; catErr is why no catalogue was found (nil when one was, or when
// code: is blank, which is a schema finding). cat may be nil: the rules
// that need the Code are then skipped. The findings are in no set order:
// callers sort them (assessment.SortFindings).
func Check(a *assessment.Assessment, cat *codes.Catalogue, catErr error, opts Options) []assessment.Finding {
	c := newChecker(a, cat, catErr, opts)
	for _, r := range sorted() {
		if r.check != nil {
			c.run(r)
		}
	}
	return c.finish()
}

// Check applies this rule alone.
func (r *Rule) Check(a *assessment.Assessment, cat *codes.Catalogue, catErr error, opts Options) []assessment.Finding {
	if r.check == nil {
		return nil
	}
	c := newChecker(a, cat, catErr, opts)
	c.run(r)
	return c.finish()
}

// checker is one application of the rules to one assessment: what a rule's
// function reads, and where its findings go.
type checker struct {
	a      *assessment.Assessment
	cat    *codes.Catalogue // nil when the code is unknown
	catErr error
	opts   Options
	rule   *Rule
	out    []assessment.Finding

	known    []*assessment.Answer // answers to provisions the Code has, built when asked
	first    map[string]int       // each provision's first answer, built when asked
	sections map[int][2]string    // each section's first and last id, built when asked

	// A group's answers are read once per way they are given (see
	// answers): whoOf says which entities give each answer read, when not
	// every entity, and who which entities each finding is for (nil: every
	// entity, or not a group).
	whoOf map[*assessment.Answer][]int
	who   [][]int
}

func newChecker(a *assessment.Assessment, cat *codes.Catalogue, catErr error, opts Options) *checker {
	return &checker{a: a, cat: cat, catErr: catErr, opts: opts}
}

func (c *checker) run(r *Rule) {
	c.rule = r
	r.check(c)
}

// add reports a finding of the running rule at p (1:1 when p is unknown).
func (c *checker) add(p assessment.Pos, id, format string, args ...any) {
	if p.Line == 0 {
		p = assessment.Pos{Line: 1, Col: 1}
	}
	c.out = append(c.out, assessment.Finding{Rule: c.rule.Name, Severity: c.rule.Severity, File: c.a.File,
		Line: p.Line, Col: p.Col, Provision: id, Message: fmt.Sprintf(format, args...)})
}

// answers are the answers the rules about one answer read: every answer,
// less those to a provision the Code does not have (unknown-provision says
// all there is to say until the id is right). In a group's assessment, an
// answer some entities give differently is read once as the entities that
// give the group's answer give it, and once as each other entity gives it
// (Answer.For); a rule reports a finding with addTo, which notes the
// entities it is for, and finish names them.
func (c *checker) answers() []*assessment.Answer {
	if c.known == nil {
		c.known = make([]*assessment.Answer, 0, len(c.a.Answers))
		for i := range c.a.Answers {
			ans := &c.a.Answers[i]
			if c.cat != nil && ans.ID != "" {
				if _, ok := c.cat.Provision(ans.ID); !ok {
					continue
				}
			}
			if len(ans.Entities) > 0 && c.a.IsGroup() {
				c.entityAnswers(ans)
				continue
			}
			c.known = append(c.known, ans)
		}
	}
	return c.known
}

// entityAnswers adds a group's answer as each entity gives it: the
// group's answer for the entities with nothing of their own, then each
// other entity's. An entity the group does not list is unknown-entity's.
func (c *checker) entityAnswers(ans *assessment.Answer) {
	var own []int
	for _, e := range ans.Entities {
		if i := c.a.Entity(e.Name); i >= 0 && !slices.Contains(own, i) {
			own = append(own, i)
		}
	}
	if len(own) == 0 {
		c.known = append(c.known, ans)
		return
	}
	if c.whoOf == nil {
		c.whoOf = map[*assessment.Answer][]int{}
	}
	var rest []int
	for i := range c.a.Entities {
		if !slices.Contains(own, i) {
			rest = append(rest, i)
		}
	}
	if len(rest) > 0 {
		c.known = append(c.known, ans)
		c.whoOf[ans] = rest
	}
	for _, i := range own {
		eff := ans.For(c.a.Entities[i].Name)
		c.known = append(c.known, &eff)
		c.whoOf[&eff] = []int{i}
	}
}

// addTo reports a finding about ans, one of answers(): for the entities
// that give it, in a group.
func (c *checker) addTo(ans *assessment.Answer, p assessment.Pos, format string, args ...any) {
	c.add(p, ans.ID, format, args...)
	if who, ok := c.whoOf[ans]; ok {
		c.forEntities(who)
	}
}

// forEntities notes that the last finding is for these entities alone.
func (c *checker) forEntities(who []int) {
	for len(c.who) < len(c.out) {
		c.who = append(c.who, nil)
	}
	c.who[len(c.out)-1] = who
}

// finish returns the findings. In a group's assessment, findings that are
// the same (rule, place, provision and message) for several entities are
// one, and one that is not for every entity names those it is for:
// "provision 4.2 for Moorside Housing Association is answered partial...".
func (c *checker) finish() []assessment.Finding {
	if c.who == nil {
		return c.out
	}
	type key struct {
		rule, prov, msg string
		line, col       int
	}
	at := make(map[key]int, len(c.out))
	out := c.out[:0]
	var who [][]int
	for i, f := range c.out {
		var w []int
		if i < len(c.who) {
			w = c.who[i]
		}
		k := key{f.Rule, f.Provision, f.Message, f.Line, f.Col}
		if j, ok := at[k]; ok {
			who[j] = union(who[j], w)
			continue
		}
		at[k] = len(out)
		out = append(out, f)
		who = append(who, w)
	}
	for j := range out {
		if w := who[j]; w != nil && len(w) < len(c.a.Entities) {
			names := make([]string, len(w))
			for k, i := range w {
				names[k] = c.a.Entities[i].Name
			}
			out[j].Message = forEntities(out[j].Message, out[j].Provision, names)
		}
	}
	c.out, c.who = out, nil
	return out
}

func startsDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// union is the entities of both lists, in the group's order; nil (every
// entity) with anything is nil.
func union(a, b []int) []int {
	if a == nil || b == nil {
		return nil
	}
	out := slices.Clone(a)
	for _, i := range b {
		if !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// forEntities names the entities a finding is for, after the provision it
// names: "provision 4.2 is answered partial" becomes "provision 4.2 for
// Moorside Housing Association is answered partial". A message that does
// not name the provision says so at its end.
func forEntities(msg, id string, names []string) string {
	who := " for " + english.And(names)
	needle := "provision " + id
	for from := 0; ; {
		i := strings.Index(msg[from:], needle)
		if i < 0 {
			return msg + " (" + strings.TrimPrefix(who, " ") + ")"
		}
		end := from + i + len(needle)
		if next := msg[end:]; !startsDigit(next) && !(strings.HasPrefix(next, ".") && startsDigit(next[1:])) {
			return msg[:end] + who + msg[end:] // not the start of 4.20 or 4.2.1
		}
		from = end
	}
}

// firstAnswers maps each provision answered to the index of its first
// answer.
func (c *checker) firstAnswers() map[string]int {
	if c.first == nil {
		c.first = make(map[string]int, len(c.a.Answers))
		for i, ans := range c.a.Answers {
			if _, dup := c.first[ans.ID]; !dup {
				c.first[ans.ID] = i
			}
		}
	}
	return c.first
}

// provision is the catalogue's provision id, when there is a catalogue.
func (c *checker) provision(id string) (*codes.Provision, bool) {
	if c.cat == nil {
		return nil, false
	}
	return c.cat.Provision(id)
}

// complyAt is where a finding about an answer's comply goes: the comply
// value, or the answer when it has none.
func complyAt(ans *assessment.Answer) assessment.Pos {
	if ans.ComplyPos.Line == 0 {
		return ans.Pos
	}
	return ans.ComplyPos
}

// provisionSuffix names the provision at the end of a message, when there
// is one.
func provisionSuffix(id string) string {
	if id == "" {
		return ""
	}
	return " (provision " + id + ")"
}
