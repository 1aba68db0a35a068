package assessment

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/csa-tool/csa/codes"
)

// Options are what the date rules need to know, and where catalogue files
// may be read from.
type Options struct {
	AsOf       Date          // "today"; the zero Date skips the date rules
	Catalogues codes.Folders // where a catalogue file code: names may be; zero: the working folder
}

// Validate loads one assessment file, finds its catalogue and applies every
// rule. It returns the findings sorted by position, and the assessment as far
// as it could be read (nil when the YAML is broken).
func Validate(file string, data []byte, opts Options) (*Assessment, []Finding) {
	a, fs := Parse(file, data)
	if a != nil {
		cat, f := CatalogueWithin(a, opts.Catalogues)
		if f != nil {
			fs = append(fs, *f)
		}
		fs = append(fs, Check(a, cat, opts)...)
	}
	SortFindings(fs)
	return a, fs
}

// Catalogue finds the catalogue an assessment names; a relative path is taken
// from the assessment's folder, and a catalogue file is read only from the
// working folder. When there is none, it returns an unknown-code finding
// instead.
func Catalogue(a *Assessment) (*codes.Catalogue, *Finding) {
	return CatalogueWithin(a, codes.Folders{})
}

// CatalogueWithin is Catalogue reading a catalogue file only from folders:
// code: may name any file, and the assessment may come from anyone.
func CatalogueWithin(a *Assessment, folders codes.Folders) (*codes.Catalogue, *Finding) {
	if a.Code == "" {
		return nil, nil // already a schema finding
	}
	cat, err := folders.Lookup(a.Code, filepath.Dir(a.File))
	if err != nil {
		p := a.CodePos
		if p.Line == 0 {
			p = Pos{1, 1}
		}
		return nil, &Finding{Rule: RuleUnknownCode, Severity: Error, File: a.File, Line: p.Line, Col: p.Col,
			Message: strings.TrimPrefix(err.Error(), "unknown code ")}
	}
	return cat, nil
}

// Check applies the rules to an assessment. cat may be nil when the code is
// unknown; the rules that need the Code are then skipped.
func Check(a *Assessment, cat *codes.Catalogue, opts Options) []Finding {
	c := checker{a: a, cat: cat, opts: opts}
	c.provisions()
	for i := range a.Answers {
		if cat != nil && a.Answers[i].ID != "" {
			if _, ok := cat.Provision(a.Answers[i].ID); !ok {
				continue // unknown-provision says all there is to say until the id is right
			}
		}
		c.answer(&a.Answers[i])
	}
	c.assessmentDates()
	c.implausibleDates()
	return c.out
}

type checker struct {
	a        *Assessment
	cat      *codes.Catalogue
	opts     Options
	out      []Finding
	sections map[int][2]string // each section's first and last id, built when needed
}

func (c *checker) add(rule string, p Pos, id, format string, args ...any) {
	if p.Line == 0 {
		p = Pos{1, 1}
	}
	c.out = append(c.out, Finding{Rule: rule, Severity: severityOf(rule), File: c.a.File,
		Line: p.Line, Col: p.Col, Provision: id, Message: fmt.Sprintf(format, args...)})
}

// Duplicates returns a duplicate-provision finding for each answer to a
// provision answered before in a. check reports them with the other rules;
// the commands that read the answers (gaps, report, diff...) refuse such a
// file, since either answer could be the one meant.
func Duplicates(a *Assessment) []Finding {
	c := checker{a: a}
	c.duplicates()
	return c.out
}

// duplicates reports each answer to a provision answered before, and
// returns the index of each provision's first answer.
func (c *checker) duplicates() map[string]int {
	first := make(map[string]int, len(c.a.Answers))
	for i, ans := range c.a.Answers {
		if j, dup := first[ans.ID]; dup {
			c.add(RuleDuplicateProv, ans.Pos, ans.ID, "provision %s is answered twice (first at line %d): keep one answer", ans.ID, c.a.Answers[j].Pos.Line)
			continue
		}
		first[ans.ID] = i
	}
	return first
}

// provisions checks the list against the Code: unknown, repeated and missing.
func (c *checker) provisions() {
	first := c.duplicates()
	for i, ans := range c.a.Answers {
		if first[ans.ID] != i {
			continue // a second answer, reported
		}
		if c.cat == nil {
			continue
		}
		if _, ok := c.cat.Provision(ans.ID); !ok {
			c.add(RuleUnknownProv, ans.Pos, ans.ID, "provision %s is not in %s%s", ans.ID, c.cat.ID, c.sectionHint(ans.ID))
		}
	}
	if c.cat == nil {
		return
	}
	for _, p := range c.cat.Provisions {
		if !p.OnForm {
			continue
		}
		if _, ok := first[p.ID]; !ok {
			about := ""
			if p.Summary != "" {
				about = " (" + clipSummary(p.Summary) + ")"
			}
			c.add(RuleMissingProv, c.a.ProvisionsPos, p.ID, "provision %s has no answer: add it to provisions%s", p.ID, about)
		}
	}
}

// sectionHint says which ids a section does have, for a mistyped id.
func (c *checker) sectionHint(id string) string {
	sec, _, ok := codes.SplitID(id)
	if !ok {
		return " (a provision id is a section and a number, like \"6.10\")"
	}
	if c.sections == nil {
		// Once per file, not once per unknown id: a landlord's catalogue may
		// be large, and so may the list of unknown ids.
		c.sections = map[int][2]string{}
		for _, p := range c.cat.Provisions { // in Code order
			r, seen := c.sections[p.Section]
			if !seen {
				r[0] = p.ID
			}
			r[1] = p.ID
			c.sections[p.Section] = r
		}
	}
	r, ok := c.sections[sec]
	if !ok {
		return fmt.Sprintf(" (it has no section %d)", sec)
	}
	return fmt.Sprintf(" (its section %d runs %s to %s)", sec, r[0], r[1])
}

func clipSummary(s string) string {
	r := []rune(s)
	if len(r) > 70 {
		cut := 70
		for cut > 50 && r[cut] != ' ' {
			cut--
		}
		return strings.TrimRight(string(r[:cut]), " ,;:") + "..."
	}
	return s
}

// reviewInstruction ends the review lines csa init --from writes; the
// unreviewed message gives its own instruction instead.
const reviewInstruction = "check it, then delete this line"

// reviewNote is a review line as the unreviewed message quotes it: without
// csa init's closing instruction, and clipped only when very long, never
// hiding that a match was of low confidence.
func reviewNote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if note := strings.TrimRight(strings.TrimSuffix(s, reviewInstruction), " ;,."); note != "" {
		s = note
	}
	if s == "" {
		return "the review line is blank"
	}
	const limit = 200
	r := []rune(s)
	if len(r) <= limit {
		return s
	}
	cut := limit
	for cut > limit-30 && r[cut] != ' ' {
		cut--
	}
	clipped := strings.TrimRight(string(r[:cut]), " ,;:(") + "..."
	if low := "low confidence"; strings.Contains(strings.ToLower(s), low) && !strings.Contains(strings.ToLower(clipped), low) {
		clipped += " (includes a low-confidence match)"
	}
	return clipped
}

func (c *checker) answer(ans *Answer) {
	id := ans.ID
	at := ans.ComplyPos
	if at.Line == 0 {
		at = ans.Pos
	}
	switch ans.Comply {
	case Unanswered:
		if ans.complyInvalid {
			break // the bad word is already a schema finding
		}
		if p, ok := c.provision(id); ok && !p.OnForm {
			break
		}
		c.add(RuleMissingProv, at, id, "provision %s is not answered: comply is blank; write yes, no, partial or n/a", id)
	case No, Partial:
		c.plan(ans, at)
	case NA:
		if strings.TrimSpace(ans.Commentary) == "" {
			c.add(RuleNAUnexplained, at, id, "provision %s is answered n/a with no commentary: say why it does not apply", id)
		}
	case Yes:
		if strings.TrimSpace(ans.Evidence) == "" {
			c.add(RuleNoEvidence, at, id, "provision %s is answered yes with no evidence: say what shows it is met", id)
		}
		c.contradiction(ans)
	}
	if ans.Review != "" {
		c.add(RuleUnreviewed, ans.ReviewPos, id, "provision %s awaits review (%s): check the answer, then delete the review line", id, reviewNote(ans.Review))
	}
	if c.opts.AsOf.IsZero() {
		return
	}
	for _, act := range ans.Actions {
		if act.IsOpen() && !act.Due.IsZero() && act.Due.Before(c.opts.AsOf) {
			days := act.Due.DaysUntil(c.opts.AsOf)
			c.add(RuleOverdue, act.DuePos, id, "an action for provision %s was due %s and is still open (%s overdue): %s",
				id, act.Due, plural(days, "day"), clipSummary(act.Text))
		}
	}
}

func (c *checker) provision(id string) (*codes.Provision, bool) {
	if c.cat == nil {
		return nil, false
	}
	return c.cat.Provision(id)
}

// plan requires a no or partial to say how and when it will comply.
func (c *checker) plan(ans *Answer, at Pos) {
	if strings.TrimSpace(ans.Alternative) != "" {
		return
	}
	var noOwner, noDue, drafts int
	for _, act := range ans.Actions {
		owner, due := strings.TrimSpace(act.Owner) != "", !act.Due.IsZero()
		if owner && due {
			return
		}
		if !owner {
			noOwner++
		}
		if !due {
			noDue++
		}
		if act.Draft {
			drafts++
		}
	}
	id, word := ans.ID, string(ans.Comply)
	switch {
	case len(ans.Actions) == 0:
		c.add(RuleNoPlan, at, id, "provision %s is answered %s with no action plan: add an action with an owner and a due date, or an alternative", id, word)
	case drafts == len(ans.Actions):
		c.add(RuleNoPlan, at, id, "provision %s is answered %s and its only actions are drafts from import: give one an owner and a due date", id, word)
	case noOwner == len(ans.Actions) && noDue == len(ans.Actions):
		c.add(RuleNoPlan, at, id, "provision %s is answered %s but no action has an owner or a due date", id, word)
	case noOwner == len(ans.Actions):
		c.add(RuleNoPlan, at, id, "provision %s is answered %s but no action has an owner", id, word)
	case noDue == len(ans.Actions):
		c.add(RuleNoPlan, at, id, "provision %s is answered %s but no action has a due date", id, word)
	default:
		c.add(RuleNoPlan, at, id, "provision %s is answered %s but no single action has both an owner and a due date", id, word)
	}
}

// contradiction warns when a yes is undercut by its own evidence or commentary.
func (c *checker) contradiction(ans *Answer) {
	for _, f := range []struct {
		name string
		text string
		pos  TextPos
	}{{"evidence", ans.Evidence, ans.EvidencePos}, {"commentary", ans.Commentary, ans.CommentaryPos}} {
		adm, ok := findAdmission(f.text)
		if !ok {
			continue
		}
		p := f.pos.Pos
		p.Line = f.pos.LineOf(f.text, adm.Offset)
		if f.pos.Block {
			p.Col = f.pos.Indent + 1
		}
		if p.Line == 0 {
			p = ans.Pos
		}
		c.add(RuleContradiction, p, ans.ID, "provision %s is answered yes but its %s says %q: is it met?", ans.ID, f.name, adm.Phrase)
		return
	}
}

func (c *checker) assessmentDates() {
	a := c.a
	if c.cat != nil && !a.Assessed.IsZero() {
		if next, ok := codes.Successor(c.cat); ok && !next.InForce.IsZero() && !a.Assessed.Before(DateOf(next.InForce)) {
			c.add(RuleSupersededCode, a.CodePos, "", "assessed on %s against %s, which %s replaced on %s: assess against %s",
				a.Assessed, c.cat.ID, next.ID, DateOf(next.InForce), next.ID)
		}
	}
	if !c.opts.AsOf.IsZero() && !a.Assessed.IsZero() && a.Assessed.AddDate(1, 0, 0).Before(c.opts.AsOf) {
		c.add(RuleStale, a.AssessedPos, "", "assessed on %s, more than 12 months before %s: the Code asks for a self-assessment at least once a year",
			a.Assessed, c.opts.AsOf)
	}
	if a.Approved == nil {
		c.add(RuleUnapproved, Pos{1, 1}, "", "no governing-body approval is recorded: add approved: with by: and on: once the board has approved it")
	}
}

// implausibleDates questions every date that cannot be meant: before 2020,
// or more than a year after today (--as-of), five for a due date. Such a
// date would keep an assessment from ever going stale or an action from
// ever going overdue.
func (c *checker) implausibleDates() {
	today := c.opts.AsOf
	check := func(d Date, p Pos, id, what string) {
		years := AheadYears
		if what == "due" {
			years = DueAheadYears
		}
		if why := d.Implausible(today, years); why != "" {
			c.add(RuleImplausible, p, id, "%s %s%s %s: check the year", what, d, provisionSuffix(id), why)
		}
	}
	a := c.a
	check(a.Assessed, a.AssessedPos, "", "assessed")
	if a.Approved != nil {
		check(a.Approved.On, a.Approved.Pos, "", "approved on")
	}
	for _, ans := range a.Answers {
		for _, act := range ans.Actions {
			check(act.Due, act.DuePos, ans.ID, "due")
			check(act.Completed, act.Pos, ans.ID, "completed")
		}
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
