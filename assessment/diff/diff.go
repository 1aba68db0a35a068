// Package diff compares two assessments of one landlord, last year's and
// this year's, and says what changed: for each provision, whether the answer
// improved, regressed or stayed the same, whether the evidence and
// commentary changed (with a word diff), and what happened to the action
// plan: actions added, completed, dropped, slipped and newly overdue.
//
// The two assessments may be against different Codes (chc-2022 and
// chc-2024): provisions are then lined up through package lineage, the
// provisions with no predecessor are new and those with no successor
// retired, and each match carries its confidence.
//
// Compare returns a Diff, which is data; WriteText, WriteMarkdown and
// WriteJSON render it, one file per format.
package diff

import (
	"cmp"
	"slices"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/codes"
)

// Class is how a provision's answer changed.
type Class string

// Classes. Yes is better than partial, which is better than no. An answer of
// n/a, or none, is not on that scale: a change to or from either is Changed,
// neither better nor worse.
const (
	Improved  Class = "improved"  // no → partial, no → yes, partial → yes
	Regressed Class = "regressed" // yes → partial, yes → no, partial → no
	Changed   Class = "changed"   // to or from n/a, or to or from no answer
	Unchanged Class = "unchanged" // the same answer
	New       Class = "new"       // a provision of the new Code with no predecessor
	Retired   Class = "retired"   // a provision of the old Code with no successor
)

// Classes lists the classes in the order summaries show them.
var Classes = []Class{Improved, Regressed, Changed, Unchanged, New, Retired}

// Classify names the change from one answer to another.
func Classify(old, new assessment.Comply) Class {
	if old == new {
		return Unchanged
	}
	o, oldRanked := old.Rank()
	n, newRanked := new.Rank()
	switch {
	case !oldRanked || !newRanked:
		return Changed
	case n > o:
		return Improved
	}
	return Regressed
}

// ActionKind is what happened to an action between the two years.
type ActionKind string

// Action kinds. An action is matched with last year's by its wording, within
// the provision and the provisions it continues (or, nearly word for word,
// anywhere in the assessment).
const (
	Added     ActionKind = "added"     // not in last year's plan
	Completed ActionKind = "completed" // open last year, done this year
	Dropped   ActionKind = "dropped"   // open last year, gone this year
	Slipped   ActionKind = "slipped"   // still open, due later than last year
	Reopened  ActionKind = "reopened"  // done last year, open again
	Amended   ActionKind = "amended"   // still open: wording, owner, due date (not later) or, within a Code, provision changed
	Kept      ActionKind = "kept"      // no change; listed only when newly overdue
)

// ActionKinds lists the kinds in the order summaries show them.
var ActionKinds = []ActionKind{Added, Completed, Dropped, Slipped, Reopened, Amended}

// Diff is what changed between two assessments.
type Diff struct {
	Old, New  Side
	AsOf      assessment.Date // today, for overdue actions; zero skips them
	Direction lineage.Direction
	// Fields lists what changed at the top of the file: landlord, code,
	// period, assessed, approved, published.
	Fields []Field
	// Provisions has one entry per provision of the new assessment's Code
	// (on the form, or answered), in the Code's order, then, across Code
	// versions, one per retired provision of the old Code.
	Provisions []Provision
	Summary    Summary
	// Entities are the entities of a group added or removed between the
	// two years (this year's order, then last year's).
	Entities []EntityChange

	// titles are the provisions' short titles in each catalogue, for
	// the board formats (Title).
	oldTitles, newTitles map[string]string
}

// EntityChange is an entity of a group that is listed one year and not
// the other.
type EntityChange struct {
	Name  string
	Added bool // listed this year, not last (else removed)
}

// EntityAnswer is how one entity of a group, listed both years, answered
// a provision each year, where it gave something of its own in either:
// its answers as it gave them (its own or the group's), and its own texts
// compared where it gave its own in either year.
type EntityAnswer struct {
	Name     string
	Old, New assessment.Comply
	Class    Class
	// Evidence, Commentary and Alternative compare the entity's texts as
	// it gave them, where it gave its own in either year; zero otherwise
	// (the group's texts are the provision's).
	Evidence, Commentary, Alternative Text
}

// HasChanges reports whether the entity's answer or its own texts changed.
// An entity added or removed (class New or Retired) is a change.
func (e *EntityAnswer) HasChanges() bool {
	return e.Class != Unchanged || e.Evidence.Changed || e.Commentary.Changed || e.Alternative.Changed
}

// Side describes one of the two assessments.
type Side struct {
	File      string
	Code      string // catalogue id
	CodeTitle string
	BuiltIn   bool // the catalogue ships with csa (else it is the landlord's own file)
	Landlord  string
	Period    string
	Assessed  assessment.Date
	Approved  *assessment.Approval
	Published string
	// Introduction and Response are the assessment's opening words and the
	// governing body's response ("" when there is none).
	Introduction, Response string
	// Entities are a group's entities' names, in order (none for one
	// landlord).
	Entities []string
}

// Field is a top-level field that changed.
type Field struct {
	Name     string
	Old, New string
}

// Provision is one row of the comparison: a provision of the new Code and
// what it continues, or a retired provision of the old Code.
type Provision struct {
	ID           string // in the new Code; in the old Code when Retired
	Section      int
	SectionTitle string
	Summary      string // the catalogue's summary of the provision
	Class        Class
	// Old is the answer last year, of Base; New the answer this year.
	Old, New assessment.Comply
	// Base is the old provision the answer is compared with: the provision
	// itself within a Code; across Codes, of the provisions it continues,
	// the one with the weakest answer (see lineage.Weakest). "" when New.
	Base string
	// Confidence is the confidence of the match with Base.
	Confidence lineage.Confidence
	// Matches are the old provisions it continues, across Code versions.
	Matches     []Match
	Evidence    Text
	Commentary  Text
	Alternative Text // how the intention is met another way (reasonable endeavours)
	// RequirementChanged: within one Code, the landlord's copy of the Code's
	// wording (requirement:) differs. Across Codes it is not compared: it is
	// each Code's own wording.
	RequirementChanged bool
	Actions            []Action
	// Entities compares, in a group's assessment, each entity listed both
	// years that gave something of its own in either (EntityAnswer).
	Entities []EntityAnswer
}

// LowConfidence reports whether the answer was compared through a
// low-confidence match.
func (p *Provision) LowConfidence() bool { return p.Confidence == lineage.Low }

// HasChanges reports whether anything about the provision differs between
// the two files. An action that has only gone overdue is not a difference
// between them (the same file, a year on, would show it); see Shown.
func (p *Provision) HasChanges() bool {
	if p.Class != Unchanged || p.Evidence.Changed || p.Commentary.Changed || p.Alternative.Changed || p.RequirementChanged {
		return true
	}
	for _, a := range p.Actions {
		if a.Kind != Kept {
			return true
		}
	}
	for i := range p.Entities {
		if p.Entities[i].HasChanges() {
			return true
		}
	}
	return false
}

// Shown reports whether the reports detail the provision: it changed, or an
// action of it is newly overdue. A new provision left unanswered, or a
// retired one that was, is only counted in the summary: there is nothing
// to say about it.
func (p *Provision) Shown() bool {
	switch p.Class {
	case New:
		return p.New != assessment.Unanswered || p.Evidence.New != "" || p.Commentary.New != "" || p.Alternative.New != "" || len(p.Actions) > 0
	case Retired:
		return p.Old != assessment.Unanswered || p.Evidence.Old != "" || p.Commentary.Old != "" || p.Alternative.Old != "" || len(p.Actions) > 0
	}
	return p.HasChanges() || len(p.Actions) > 0
}

// Match is an old provision a new one continues.
type Match struct {
	ID         string
	Answer     assessment.Comply
	Confidence lineage.Confidence
	Note       string
}

// Text is a text field of last year's answer and this year's.
type Text struct {
	Old, New string
	Changed  bool   // the words differ; spacing alone is no change
	Words    []Span // the word diff, when Changed
	// From is the old provision whose text Old is. Across Codes, of the
	// provisions a provision continues, it is the one whose text is closest
	// to this year's, which may not be Base.
	From string
}

// Action is one change to the action plan.
type Action struct {
	Kind ActionKind
	// Old is last year's action (nil when Added), New this year's (nil when
	// Dropped), each with the provision it is listed under.
	Old, New                   *assessment.Action
	OldProvision, NewProvision string
	// OldEntity and NewEntity are the entity of a group whose own action
	// it was last year and is this year ("" for the group's).
	OldEntity, NewEntity string
	// EntityRemoved is true for a dropped action that was the own action
	// of an entity this year's assessment no longer lists: it left the
	// group, and its plan with it, so it is not a regression.
	EntityRemoved bool
	// Moved is true when the action was matched with one listed under a
	// provision outside the lineage (near enough word for word).
	Moved bool
	// SlipDays is how many days later the action is due (Slipped).
	SlipDays int
	// NewlyOverdue: open and past its due date at AsOf, and not already
	// overdue when last year's assessment was made (a new action, or one
	// due on or after that date).
	NewlyOverdue bool
	OverdueDays  int
	// Wording is the word diff of the action's text when it changed.
	Wording []Span

	order int // this year's actions in file order, then dropped ones
}

// Summary counts the changes.
type Summary struct {
	Provisions map[Class]int
	NewGaps    int // new provisions answered no or partial
	// GapsBefore and GapsNow count the answers of no or partial in each
	// assessment; Opened lists this year's gaps that were not gaps last year
	// (regressed to a gap, new, or newly answered so).
	GapsBefore, GapsNow int
	Opened              []string
	EvidenceChanged     int
	CommentaryChanged   int
	AlternativeChanged  int
	RequirementChanged  int
	Actions             map[ActionKind]int
	NewlyOverdue        int
	// Entities counts the answers of entities listed both years
	// (EntityAnswer) that improved, regressed or changed.
	Entities map[Class]int
	// DroppedWithEntity counts the dropped actions that were the own of
	// an entity no longer listed (Action.EntityRemoved).
	DroppedWithEntity int
}

// Differs reports whether anything differs between the two assessments.
// Newly overdue actions alone do not count: they are the state of the plan
// at AsOf, not a difference between the files.
func (d *Diff) Differs() bool {
	if len(d.Fields) > 0 || len(d.Entities) > 0 {
		return true
	}
	for i := range d.Provisions {
		if d.Provisions[i].HasChanges() {
			return true
		}
	}
	return false
}

// Regressed reports whether a provision, or an entity's own answer to one,
// regressed or an open action was dropped: what --fail-on-regression fails
// on. The open actions of an entity that left the group are not counted:
// its plan left with it.
func (d *Diff) Regressed() bool {
	return d.Summary.Provisions[Regressed] > 0 || d.Summary.Actions[Dropped] > d.Summary.DroppedWithEntity || d.Summary.Entities[Regressed] > 0
}

// Thresholds for matching last year's actions with this year's by wording.
const (
	matchWithin   = 0.5  // within a provision and the provisions it continues
	matchAnywhere = 0.85 // anywhere else in the assessment
)

// Compare lines up two assessments, old (last year's) and new, with their
// catalogues, and returns what changed. asOf is today, for overdue actions.
// The error says, in words fit for a person, why two Codes cannot be lined
// up.
func Compare(old *assessment.Assessment, oldCat *codes.Catalogue, new *assessment.Assessment, newCat *codes.Catalogue, asOf assessment.Date) (*Diff, error) {
	m, err := lineage.Between(oldCat, newCat)
	if err != nil {
		return nil, err
	}
	c := &comparison{
		m: m, old: old, new: new, asOf: asOf,
		oldAns: index(old), newAns: index(new), rowOf: map[string]int{}, titles: map[*codes.Catalogue]map[int]string{},
	}
	d := &Diff{
		Old: side(old, oldCat), New: side(new, newCat), AsOf: asOf, Direction: m.Direction,
		oldTitles: titlesOf(oldCat), newTitles: titlesOf(newCat),
	}
	d.Fields = fields(d.Old, d.New)
	d.Entities = entityChanges(old, new)
	c.rows()
	c.actions()
	d.Provisions = c.out
	d.Summary = summarise(d.Provisions)
	d.Summary.GapsBefore, d.Summary.GapsNow = gaps(c.oldAns), gaps(c.newAns)
	return d, nil
}

// Title is the short title of a provision of the old Code (old) or the
// new one, "" when its catalogue gives none.
func (d *Diff) Title(old bool, id string) string {
	if old {
		return d.oldTitles[id]
	}
	return d.newTitles[id]
}

func titlesOf(c *codes.Catalogue) map[string]string {
	t := map[string]string{}
	for _, p := range c.Provisions {
		if p.Title != "" {
			t[p.ID] = p.Title
		}
	}
	return t
}

type comparison struct {
	m              *lineage.Map
	old, new       *assessment.Assessment
	asOf           assessment.Date
	oldAns, newAns map[string]*assessment.Answer
	out            []Provision
	rowOf          map[string]int // new provision id → row; "old:" + id for retired rows
	titles         map[*codes.Catalogue]map[int]string
}

// index maps each provision id to its answer; a provision answered twice
// (which check reports) counts by its first answer.
func index(a *assessment.Assessment) map[string]*assessment.Answer {
	m := make(map[string]*assessment.Answer, len(a.Answers))
	for i := range a.Answers {
		if _, dup := m[a.Answers[i].ID]; !dup {
			m[a.Answers[i].ID] = &a.Answers[i]
		}
	}
	return m
}

func side(a *assessment.Assessment, cat *codes.Catalogue) Side {
	sd := Side{File: a.File, Code: cat.ID, CodeTitle: cat.Title, BuiltIn: cat.Source == "embedded", Landlord: a.Landlord, Period: a.Period,
		Assessed: a.Assessed, Approved: a.Approved, Published: a.Published, Introduction: a.Introduction}
	if a.IsGroup() {
		sd.Entities = a.EntityNames()
	}
	if rs := a.Response; rs != nil {
		sd.Response = strings.TrimSpace(rs.By+" on "+rs.On.String()) + ": " + rs.Text
	}
	return sd
}

// sameText reports whether two introductions or responses differ only in
// spacing and line breaks, which is no change.
func sameText(name, old, new string) bool {
	return (name == "introduction" || name == "response") && slices.Equal(strings.Fields(old), strings.Fields(new))
}

func fields(o, n Side) []Field {
	approval := func(a *assessment.Approval) string {
		if a == nil {
			return ""
		}
		return strings.TrimSpace(a.By + " on " + a.On.String())
	}
	var out []Field
	for _, f := range []Field{
		{"landlord", o.Landlord, n.Landlord},
		{"code", o.Code, n.Code},
		{"period", o.Period, n.Period},
		{"assessed", o.Assessed.String(), n.Assessed.String()},
		{"approved", approval(o.Approved), approval(n.Approved)},
		{"published", o.Published, n.Published},
		{"introduction", o.Introduction, n.Introduction},
		{"response", o.Response, n.Response},
	} {
		if f.Old != f.New && !sameText(f.Name, f.Old, f.New) {
			out = append(out, f)
		}
	}
	return out
}

// links returns the old provisions a new one lines up with. Within a Code a
// provision matches itself even when the catalogue does not list it (an
// answer check would report as unknown).
func (c *comparison) links(id string) []lineage.Link {
	if c.m.Direction == lineage.SameCode {
		return []lineage.Link{{From: id, To: id, Confidence: lineage.Same}}
	}
	return c.m.Predecessors(id)
}

func answered(a *assessment.Answer) bool {
	return a != nil && (a.Comply != assessment.Unanswered || a.Evidence != "" || a.Commentary != "" || len(a.Actions) > 0)
}

// rows builds one row per provision of the new Code worth showing, then the
// retired ones.
func (c *comparison) rows() {
	from, to := c.m.From, c.m.To
	var ids []string
	seen := map[string]bool{}
	addID := func(id string) {
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, p := range to.Provisions {
		show := p.OnForm || answered(c.newAns[p.ID])
		for _, l := range c.links(p.ID) {
			show = show || answered(c.oldAns[l.From])
		}
		if show {
			addID(p.ID)
		}
	}
	for _, a := range c.new.Answers {
		addID(a.ID)
	}
	if c.m.Direction == lineage.SameCode {
		for _, p := range from.Provisions {
			if p.OnForm {
				addID(p.ID)
			}
		}
		for _, a := range c.old.Answers {
			addID(a.ID)
		}
	}
	slices.SortStableFunc(ids, codes.CompareID)
	for _, id := range ids {
		c.rowOf[id] = len(c.out)
		c.out = append(c.out, c.row(id))
	}
	if c.m.Direction == lineage.SameCode {
		return
	}
	var retired []string
	seen = map[string]bool{}
	for _, p := range from.Provisions {
		if len(c.m.Successors(p.ID)) == 0 && (p.OnForm || answered(c.oldAns[p.ID])) {
			seen[p.ID] = true
			retired = append(retired, p.ID)
		}
	}
	for _, a := range c.old.Answers {
		if _, known := from.Provision(a.ID); !known && !seen[a.ID] {
			seen[a.ID] = true
			retired = append(retired, a.ID)
		}
	}
	slices.SortStableFunc(retired, codes.CompareID)
	for _, id := range retired {
		p := Provision{ID: id, Class: Retired, Base: id}
		c.describe(&p, from, id)
		if a := c.oldAns[id]; a != nil {
			p.Old = a.Comply
			p.Evidence = Text{Old: a.Evidence}
			p.Commentary = Text{Old: a.Commentary}
			p.Alternative = Text{Old: a.Alternative}
		}
		c.rowOf["old:"+id] = len(c.out)
		c.out = append(c.out, p)
	}
}

// describe fills in where a provision sits in its catalogue.
func (c *comparison) describe(p *Provision, cat *codes.Catalogue, id string) {
	if cp, ok := cat.Provision(id); ok {
		p.Section, p.Summary = cp.Section, cp.Summary
	} else {
		p.Section, _, _ = codes.SplitID(id)
	}
	// The section titles by number, once per catalogue: looked up row by
	// row, a catalogue of many sections made the rows quadratic.
	titles, ok := c.titles[cat]
	if !ok {
		titles = map[int]string{}
		for _, s := range cat.Sections {
			if _, dup := titles[s.Number]; !dup {
				titles[s.Number] = s.Title
			}
		}
		c.titles[cat] = titles
	}
	p.SectionTitle = titles[p.Section]
}

func (c *comparison) row(id string) Provision {
	p := Provision{ID: id}
	c.describe(&p, c.m.To, id)
	now := c.newAns[id]
	if now != nil {
		p.New = now.Comply
	} else {
		now = &assessment.Answer{}
	}
	links := c.links(id)
	if len(links) == 0 {
		p.Class = New
		p.Evidence = Text{New: now.Evidence}
		p.Commentary = Text{New: now.Commentary}
		p.Alternative = Text{New: now.Alternative}
		return p
	}
	if c.m.Direction != lineage.SameCode {
		for _, l := range links {
			m := Match{ID: l.From, Confidence: l.Confidence, Note: l.Note}
			if a := c.oldAns[l.From]; a != nil {
				m.Answer = a.Comply
			}
			p.Matches = append(p.Matches, m)
		}
	}
	base, _ := lineage.Weakest(links, func(from string) (int, bool) {
		if a := c.oldAns[from]; a != nil {
			return a.Comply.Rank()
		}
		return 0, false
	})
	p.Base, p.Confidence = base.From, base.Confidence
	was := c.oldAns[base.From]
	if was == nil {
		was = &assessment.Answer{}
	}
	p.Old = was.Comply
	p.Class = Classify(p.Old, p.New)
	p.Evidence = c.closest(links, base.From, now.Evidence, func(a *assessment.Answer) string { return a.Evidence })
	p.Commentary = c.closest(links, base.From, now.Commentary, func(a *assessment.Answer) string { return a.Commentary })
	p.Alternative = c.closest(links, base.From, now.Alternative, func(a *assessment.Answer) string { return a.Alternative })
	if c.m.Direction == lineage.SameCode {
		p.RequirementChanged = !slices.Equal(strings.Fields(was.Requirement), strings.Fields(now.Requirement))
	}
	p.Entities = c.entityAnswers(was, now)
	return p
}

// entityChanges lists the entities one year lists and the other does not.
func entityChanges(old, new *assessment.Assessment) []EntityChange {
	var out []EntityChange
	for _, e := range new.Entities {
		if old.Entity(e.Name) < 0 {
			out = append(out, EntityChange{Name: e.Name, Added: true})
		}
	}
	for _, e := range old.Entities {
		if new.Entity(e.Name) < 0 {
			out = append(out, EntityChange{Name: e.Name})
		}
	}
	return out
}

// entityAnswers compares, entity by entity, what the entities listed both
// years gave of their own to the provision, last year's (was, the answer
// compared with) and this year's. An entity listed one year only is there
// where it gave an answer of its own that year (class New for one added,
// Retired for one removed): its answer is not the group's, and a reader
// of the diff should see it.
func (c *comparison) entityAnswers(was, now *assessment.Answer) []EntityAnswer {
	var out []EntityAnswer
	for _, e := range c.new.Entities {
		if c.old.Entity(e.Name) < 0 {
			if own, ok := now.EntityAnswer(e.Name); ok && own.Differs() {
				out = append(out, EntityAnswer{Name: e.Name, New: now.For(e.Name).Comply, Class: New})
			}
			continue // added this year: nothing to compare with
		}
		oldOwn, _ := was.EntityAnswer(e.Name)
		newOwn, _ := now.EntityAnswer(e.Name)
		if (oldOwn == nil || !oldOwn.Differs()) && (newOwn == nil || !newOwn.Differs()) {
			continue // the group's answer both years: the provision's comparison is its
		}
		o, n := was.For(e.Name), now.For(e.Name)
		ea := EntityAnswer{Name: e.Name, Old: o.Comply, New: n.Comply, Class: Classify(o.Comply, n.Comply)}
		owned := func(f func(*assessment.EntityAnswer) string) bool {
			return oldOwn != nil && f(oldOwn) != "" || newOwn != nil && f(newOwn) != ""
		}
		if owned(func(x *assessment.EntityAnswer) string { return x.Evidence }) {
			ea.Evidence = compareText(o.Evidence, n.Evidence)
		}
		if owned(func(x *assessment.EntityAnswer) string { return x.Commentary }) {
			ea.Commentary = compareText(o.Commentary, n.Commentary)
		}
		if owned(func(x *assessment.EntityAnswer) string { return x.Alternative }) {
			ea.Alternative = compareText(o.Alternative, n.Alternative)
		}
		out = append(out, ea)
	}
	for _, e := range c.old.Entities {
		if c.new.Entity(e.Name) < 0 {
			if own, ok := was.EntityAnswer(e.Name); ok && own.Differs() {
				out = append(out, EntityAnswer{Name: e.Name, Old: was.For(e.Name).Comply, Class: Retired})
			}
		}
	}
	return out
}

// closest compares this year's text with last year's text of the provision
// it most resembles, among those it continues: a provision that continues
// several is best explained against the one it grew from. Ties go to base.
func (c *comparison) closest(links []lineage.Link, base, now string, field func(*assessment.Answer) string) Text {
	var candidates []string
	for _, l := range lineage.Usable(links) {
		if a := c.oldAns[l.From]; a != nil && strings.TrimSpace(field(a)) != "" {
			candidates = append(candidates, l.From)
		}
	}
	from, best := base, -1.0
	for _, id := range candidates {
		s := 0.0 // with no text this year, any of last year's texts was removed: keep base's, else the first
		if strings.TrimSpace(now) != "" && len(candidates) > 1 {
			s = Similarity(field(c.oldAns[id]), now)
		}
		if s > best || (s == best && id == base) {
			from, best = id, s
		}
	}
	old := ""
	if a := c.oldAns[from]; a != nil {
		old = field(a)
	}
	t := compareText(old, now)
	t.From = from
	return t
}

func compareText(old, new string) Text {
	t := Text{Old: old, New: new}
	if slices.Equal(strings.Fields(old), strings.Fields(new)) {
		return t
	}
	t.Changed = true
	t.Words = Words(old, new)
	return t
}

// act is an action with the provision it is listed under (and the entity
// of a group whose own it is).
type act struct {
	prov    string
	entity  string
	a       *assessment.Action
	order   int
	matched bool
	words   []string // the wording, normalised (see Similarity)
	key     string   // the words joined: equal keys are a score of 1
	toks    []token  // the words as tokens, rarest first (see near.go)
}

func actionsOf(a *assessment.Assessment, answers map[string]*assessment.Answer) []*act {
	var out []*act
	for i := range a.Answers {
		ans := &a.Answers[i]
		if answers[ans.ID] != ans {
			continue // a repeated answer: the first one counts
		}
		for j := range ans.Actions {
			w := normalWords(ans.Actions[j].Text)
			out = append(out, &act{prov: ans.ID, a: &ans.Actions[j], order: len(out), words: w, key: strings.Join(w, " ")})
		}
		for k := range ans.Entities {
			e := &ans.Entities[k]
			for j := range e.Actions {
				// Same words pair first within the same entity: the key
				// holds it.
				w := normalWords(e.Actions[j].Text)
				out = append(out, &act{prov: ans.ID, entity: e.Name, a: &e.Actions[j], order: len(out), words: w,
					key: e.Name + "\x1f" + strings.Join(w, " ")})
			}
		}
	}
	return out
}

// actions matches last year's actions with this year's and records what
// happened to each. The matching is as if every pair scoring at least the
// threshold were ranked (by score, then the lineage's confidence, then
// file order) and taken greedily; it is done without listing every pair:
// pairs with the same words (a score of 1) are found by index, and the
// others are scored only among a few candidates (see maxCandidates).
func (c *comparison) actions() {
	olds, news := actionsOf(c.old, c.oldAns), actionsOf(c.new, c.newAns)
	byProv := map[string][]*act{}
	for _, o := range olds {
		byProv[o.prov] = append(byProv[o.prov], o)
	}
	// Within the lineage first: the same words, by confidence...
	for _, conf := range []lineage.Confidence{lineage.Same, lineage.High, lineage.Medium, lineage.Low} {
		type at struct{ prov, key string }
		queue := map[at]*[]*act{}
		for _, n := range news {
			for _, l := range c.links(n.prov) {
				if l.Confidence == conf && !n.matched {
					k := at{l.From, n.key}
					if queue[k] == nil {
						queue[k] = new([]*act)
					}
					*queue[k] = append(*queue[k], n)
				}
			}
		}
		c.matchSame(olds, func(o *act) *[]*act { return queue[at{o.prov, o.key}] }, false)
	}
	// ...then by wording among the lineage's other actions...
	rankTokens(olds, news)
	finders := map[string]*finder{}
	var pairs []pair
	for _, n := range news {
		if n.matched {
			continue
		}
		var cands []*act
		for _, l := range c.links(n.prov) {
			seen := map[*act]bool{} // per link: a pair under two links has two confidences
			f := finders[l.From]
			if f == nil {
				f = newFinder(byProv[l.From], matchWithin)
				finders[l.From] = f
			}
			from := len(cands)
			var more bool
			cands, more = f.candidates(n, cands, seen)
			for _, o := range cands[from:] {
				if s := similarityAtLeast(o.words, n.words, matchWithin); s >= matchWithin {
					pairs = append(pairs, pair{o, n, s, l.Confidence})
				}
			}
			if !more {
				break
			}
		}
	}
	c.match(pairs, false)
	// ...then near enough word for word anywhere: the same words first.
	queue := map[string]*[]*act{}
	for _, n := range news {
		if !n.matched {
			if queue[n.key] == nil {
				queue[n.key] = new([]*act)
			}
			*queue[n.key] = append(*queue[n.key], n)
		}
	}
	c.matchSame(olds, func(o *act) *[]*act { return queue[o.key] }, true)
	c.match(nearlySame(olds, news), true)
	for _, n := range news {
		if !n.matched {
			c.record(nil, n, false)
		}
	}
	for _, o := range olds {
		if !o.matched && o.a.IsOpen() {
			c.record(o, nil, false)
		}
	}
	for i := range c.out {
		slices.SortStableFunc(c.out[i].Actions, func(x, y Action) int { return cmp.Compare(x.order, y.order) })
	}
}

// pair is last year's action and this year's, with the score of their
// wording and the confidence of the lineage between them.
type pair struct {
	o, n  *act
	score float64
	conf  lineage.Confidence
}

// match ranks pairs (score, confidence, file order) and takes them
// greedily: each action is matched at most once.
func (c *comparison) match(pairs []pair, moved bool) {
	slices.SortStableFunc(pairs, func(x, y pair) int {
		return cmp.Or(cmp.Compare(y.score, x.score), cmp.Compare(y.conf, x.conf),
			cmp.Compare(x.o.order, y.o.order), cmp.Compare(x.n.order, y.n.order))
	})
	for _, p := range pairs {
		if !p.o.matched && !p.n.matched {
			p.o.matched, p.n.matched = true, true
			c.record(p.o, p.n, moved)
		}
	}
}

// matchSame is match for pairs with the same words, all of one confidence:
// taken in last year's order, each action of last year's with the first of
// this year's, in their order, that partners(o) lists and is unmatched.
// A list's matched actions are dropped from its front as they are met, so
// each is passed over once.
func (c *comparison) matchSame(olds []*act, partners func(o *act) *[]*act, moved bool) {
	for _, o := range olds {
		q := partners(o)
		if o.matched || q == nil {
			continue
		}
		for len(*q) > 0 && (*q)[0].matched {
			*q = (*q)[1:]
		}
		if len(*q) > 0 {
			n := (*q)[0]
			*q = (*q)[1:]
			o.matched, n.matched = true, true
			c.record(o, n, moved)
		}
	}
}

// record classifies one matched, added or dropped action and files it under
// its row.
func (c *comparison) record(o, n *act, moved bool) {
	a := Action{Moved: moved}
	row := -1
	if o != nil {
		a.Old, a.OldProvision, a.OldEntity, a.order = o.a, o.prov, o.entity, 1<<30+o.order
	}
	if n != nil {
		a.New, a.NewProvision, a.NewEntity, a.order = n.a, n.prov, n.entity, n.order
		row = c.rowOf[n.prov]
	}
	switch {
	case o == nil:
		a.Kind = Added
	case n == nil:
		a.Kind = Dropped
		a.EntityRemoved = o.entity != "" && c.new.Entity(o.entity) < 0
		row = c.droppedRow(o.prov)
	case o.a.IsOpen() && !n.a.IsOpen():
		a.Kind = Completed
	case !o.a.IsOpen() && n.a.IsOpen():
		a.Kind = Reopened
	case !o.a.IsOpen():
		a.Kind = Kept // done both years
	case !o.a.Due.IsZero() && n.a.Due.After(o.a.Due):
		a.Kind = Slipped
		a.SlipDays = o.a.Due.DaysUntil(n.a.Due)
	case !slices.Equal(strings.Fields(o.a.Text), strings.Fields(n.a.Text)) ||
		strings.TrimSpace(o.a.Owner) != strings.TrimSpace(n.a.Owner) || o.a.Due != n.a.Due || o.a.Draft != n.a.Draft ||
		(c.m.Direction == lineage.SameCode && o.prov != n.prov) || o.entity != n.entity:
		a.Kind = Amended
	default:
		a.Kind = Kept
	}
	if o != nil && n != nil && !slices.Equal(strings.Fields(o.a.Text), strings.Fields(n.a.Text)) {
		a.Wording = Words(o.a.Text, n.a.Text)
	}
	if n != nil && n.a.IsOpen() && !n.a.Due.IsZero() && !c.asOf.IsZero() && n.a.Due.Before(c.asOf) {
		wasOverdue := o != nil && o.a.IsOpen() && !o.a.Due.IsZero() && !c.old.Assessed.IsZero() && o.a.Due.Before(c.old.Assessed)
		if !wasOverdue {
			a.NewlyOverdue = true
			a.OverdueDays = n.a.Due.DaysUntil(c.asOf)
		}
	}
	if a.Kind == Kept && !a.NewlyOverdue {
		return
	}
	if row >= 0 {
		c.out[row].Actions = append(c.out[row].Actions, a)
	}
}

// droppedRow is the row a dropped action is shown under: its provision, or
// across Codes the provision that most surely continues it, or its retired
// row.
func (c *comparison) droppedRow(old string) int {
	if c.m.Direction == lineage.SameCode {
		return c.rowOf[old]
	}
	if l, ok := lineage.Strongest(c.m.Successors(old)); ok {
		if i, ok := c.rowOf[l.To]; ok {
			return i
		}
	}
	if i, ok := c.rowOf["old:"+old]; ok {
		return i
	}
	return -1
}

func summarise(rows []Provision) Summary {
	s := Summary{Provisions: map[Class]int{}, Actions: map[ActionKind]int{}, Entities: map[Class]int{}}
	for _, k := range Classes {
		s.Provisions[k] = 0
	}
	for _, k := range ActionKinds {
		s.Actions[k] = 0
	}
	for i := range rows {
		p := &rows[i]
		s.Provisions[p.Class]++
		if p.Class == New && p.New.IsGap() {
			s.NewGaps++
		}
		if p.Class != Retired && p.New.IsGap() && !p.Old.IsGap() {
			s.Opened = append(s.Opened, p.ID)
		}
		if p.Evidence.Changed {
			s.EvidenceChanged++
		}
		if p.Commentary.Changed {
			s.CommentaryChanged++
		}
		if p.Alternative.Changed {
			s.AlternativeChanged++
		}
		if p.RequirementChanged {
			s.RequirementChanged++
		}
		for _, a := range p.Actions {
			if a.Kind != Kept {
				s.Actions[a.Kind]++
			}
			if a.EntityRemoved {
				s.DroppedWithEntity++
			}
			if a.NewlyOverdue {
				s.NewlyOverdue++
			}
		}
		for _, e := range p.Entities {
			if e.Class != Unchanged && e.Class != New && e.Class != Retired {
				s.Entities[e.Class]++
			}
		}
	}
	return s
}

func gaps(answers map[string]*assessment.Answer) int {
	n := 0
	for _, a := range answers {
		if a.Comply.IsGap() {
			n++
		}
	}
	return n
}
