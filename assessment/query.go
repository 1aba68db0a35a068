package assessment

import (
	"cmp"
	"slices"
	"strings"

	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
)

// Entry is one assessment with the catalogue it was made against: what the
// gaps and action-plan queries read, one or many at a time.
type Entry struct {
	Assessment *Assessment
	Catalogue  *codes.Catalogue
}

// RequirementSource says where the wording shown for a provision came from.
type RequirementSource string

// Where a provision's requirement wording comes from, most faithful first.
const (
	FromLandlord RequirementSource = "landlord"    // the answer's requirement
	FromCode     RequirementSource = "code text"   // the catalogue's text (a landlord's own catalogue)
	FromSummary  RequirementSource = "csa summary" // csa's one-sentence paraphrase
	FromNowhere  RequirementSource = ""            // a provision the catalogue does not have
)

// Requirement returns the wording to show for a provision: the answer's own
// requirement, else the catalogue's text, else its summary. ans or p may be
// nil (a provision missing from the file, or unknown to the catalogue).
func Requirement(ans *Answer, p *codes.Provision) (string, RequirementSource) {
	switch {
	case ans != nil && strings.TrimSpace(ans.Requirement) != "":
		return ans.Requirement, FromLandlord
	case p != nil && p.Text != "":
		return p.Text, FromCode
	case p != nil && p.Summary != "":
		return p.Summary, FromSummary
	}
	return "", FromNowhere
}

// OverdueOn reports whether the action is open and was due before asOf, and
// by how many days. An action with no due date is never overdue.
func (a Action) OverdueOn(asOf Date) (days int, overdue bool) {
	if !a.IsOpen() || a.Due.IsZero() || asOf.IsZero() || !a.Due.Before(asOf) {
		return 0, false
	}
	return a.Due.DaysUntil(asOf), true
}

// Gap is a provision on the form that is not met: answered no or partial, or
// not answered at all, with the plan the landlord has for it.
type Gap struct {
	File     string
	Landlord string
	Code     string // the catalogue's id
	Assessed Date

	Provision   string
	Section     int
	Obligation  string // must | should | none
	Requirement string // as Requirement chooses it
	Comply      Comply // Unanswered for a blank answer or a missing one
	InFile      bool   // false when the file has no answer for the provision at all
	Evidence    string
	Commentary  string
	Alternative string
	Actions     []Action // in file order: the group's, then the entity's own

	// Entities are the entities of a group the gap is for, in the group's
	// order; nil for one landlord. Every is true when it is for every one.
	Entities []string
	Every    bool
}

// EntityLabel names the entities a gap or an action is for: "" for one
// landlord, "All entities", or their names ("A and B").
func EntityLabel(names []string, every bool) string {
	switch {
	case names == nil:
		return ""
	case every:
		return AllEntities
	}
	return english.And(names)
}

// isFor reports whether names holds name, ignoring case: whether a gap or
// an action is for that entity (one landlord's never is).
func isFor(names []string, name string) bool {
	for _, n := range names {
		if strings.EqualFold(n, strings.TrimSpace(name)) {
			return true
		}
	}
	return false
}

// For reports whether the gap is for the entity called name, ignoring
// case.
func (g Gap) For(entity string) bool { return isFor(g.Entities, entity) }

// HasPlan reports whether the gap has an alternative or an action with both
// an owner and a due date: what csa check's no-plan rule asks for.
func (g Gap) HasPlan() bool {
	if strings.TrimSpace(g.Alternative) != "" {
		return true
	}
	for _, act := range g.Actions {
		if strings.TrimSpace(act.Owner) != "" && !act.Due.IsZero() {
			return true
		}
	}
	return false
}

// Gaps lists every provision on the form, in every entry, that is answered no
// or partial, or is unanswered (a blank comply, or no answer in the file).
// A provision answered twice counts by its first answer; the commands refuse
// such a file before asking (see Duplicates).
// The order is by landlord, then assessment, then provision.
func Gaps(entries []Entry) []Gap {
	var out []Gap
	for _, e := range entries {
		a, cat := e.Assessment, e.Catalogue
		if a == nil || cat == nil {
			continue
		}
		first := make(map[string]*Answer, len(a.Answers)) // not a.Answer for each provision: n²
		for i := range a.Answers {
			if _, dup := first[a.Answers[i].ID]; !dup {
				first[a.Answers[i].ID] = &a.Answers[i]
			}
		}
		for _, p := range cat.OnForm() {
			ans, inFile := first[p.ID]
			req, _ := Requirement(ans, &p)
			for _, way := range a.Ways(ans) {
				if inFile && !way.Answer.Comply.IsGap() && way.Answer.Comply != Unanswered {
					continue
				}
				g := Gap{
					File: a.File, Landlord: a.Landlord, Code: cat.ID, Assessed: a.Assessed,
					Provision: p.ID, Section: p.Section, Obligation: p.Obligation,
					Requirement: req, InFile: inFile, Entities: way.Entities, Every: way.Every,
				}
				if inFile {
					w := way.Answer
					g.Comply, g.Evidence, g.Commentary, g.Alternative = w.Comply, w.Evidence, w.Commentary, w.Alternative
					g.Actions = slices.Clone(w.Actions)
				}
				out = append(out, g)
			}
		}
	}
	slices.SortStableFunc(out, func(x, y Gap) int {
		return cmp.Or(compareAssessment(x.Landlord, y.Landlord, x.Assessed, y.Assessed, x.File, y.File),
			codes.CompareID(x.Provision, y.Provision))
	})
	return out
}

// ActionItem is one action of an action plan, with where it belongs and
// whether it is overdue on the query's date.
type ActionItem struct {
	File     string
	Landlord string
	Code     string // the catalogue's id, or the code as written when unknown
	Assessed Date

	Provision string
	Action
	Overdue     bool
	DaysOverdue int // days past due on the query's date; 0 unless overdue

	// Entity is the entity of a group whose own action it is; "" for the
	// group's action, which is for every entity, or one landlord's.
	// Entities are the entities it is for (nil for one landlord).
	Entity   string
	Entities []string
}

// For reports whether the action is for the entity called name, ignoring
// case: its own, or the group's.
func (it ActionItem) For(entity string) bool { return isFor(it.Entities, entity) }

// ActionFilter selects actions. The zero filter selects every action.
type ActionFilter struct {
	// AsOf is "today", for Overdue, DueBy and the overdue marks.
	AsOf Date
	// Overdue keeps only open actions due before AsOf.
	Overdue bool
	// Owner keeps actions whose owner contains it, ignoring case.
	Owner string
	// DueBy keeps open actions due on or before it (the overdue ones
	// included); actions with no due date are left out. Zero: no limit.
	DueBy Date
	// Status keeps actions with this status; "" keeps both.
	Status Status
	// Entity keeps the actions for the entity of a group called this
	// (its own and the group's), ignoring case; "" keeps every action.
	Entity string
}

func (f ActionFilter) keep(it ActionItem) bool {
	switch {
	case f.Overdue && !it.Overdue:
		return false
	case f.Owner != "" && !strings.Contains(strings.ToLower(it.Owner), strings.ToLower(strings.TrimSpace(f.Owner))):
		return false
	case !f.DueBy.IsZero() && (!it.IsOpen() || it.Due.IsZero() || it.Due.After(f.DueBy)):
		return false
	case f.Status == Done && it.IsOpen(), f.Status == Open && !it.IsOpen():
		return false
	case f.Entity != "" && !it.For(f.Entity):
		return false
	}
	return true
}

// Actions lists the actions of every answer in every entry that the filter
// keeps, ordered by landlord, assessment, provision, then due date (no date
// last), and file order after that.
func Actions(entries []Entry, f ActionFilter) []ActionItem {
	var out []ActionItem
	for _, e := range entries {
		a := e.Assessment
		if a == nil {
			continue
		}
		code := a.Code
		if e.Catalogue != nil {
			code = e.Catalogue.ID
		}
		var all []string
		if a.IsGroup() {
			all = a.EntityNames()
		}
		add := func(id string, act Action, entity string, entities []string) {
			it := ActionItem{File: a.File, Landlord: a.Landlord, Code: code, Assessed: a.Assessed,
				Provision: id, Action: act, Entity: entity, Entities: entities}
			it.DaysOverdue, it.Overdue = act.OverdueOn(f.AsOf)
			if f.keep(it) {
				out = append(out, it)
			}
		}
		for _, ans := range a.Answers {
			for _, act := range ans.Actions {
				add(ans.ID, act, "", all)
			}
			for _, e := range ans.Entities {
				for _, act := range e.Actions {
					add(ans.ID, act, e.Name, []string{e.Name})
				}
			}
		}
	}
	slices.SortStableFunc(out, func(x, y ActionItem) int {
		return cmp.Or(compareAssessment(x.Landlord, y.Landlord, x.Assessed, y.Assessed, x.File, y.File),
			codes.CompareID(x.Provision, y.Provision),
			compareDue(x.Due, y.Due))
	})
	return out
}

// Tally counts the open actions among items, and the overdue ones.
func Tally(items []ActionItem) (open, overdue int) {
	for _, it := range items {
		if it.IsOpen() {
			open++
		}
		if it.Overdue {
			overdue++
		}
	}
	return open, overdue
}

// compareAssessment orders by landlord (ignoring case), then the assessed
// date, then the file, so two years of one landlord do not interleave.
func compareAssessment(l1, l2 string, d1, d2 Date, f1, f2 string) int {
	return cmp.Or(
		strings.Compare(strings.ToLower(l1), strings.ToLower(l2)),
		strings.Compare(l1, l2),
		d1.Time().Compare(d2.Time()),
		strings.Compare(f1, f2),
	)
}

// compareDue orders due dates, an action with none last.
func compareDue(a, b Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Time().Compare(b.Time())
}

// Way is one way a group's entities answer a provision: the answer, as
// Answer.For gives it, and the entities that give it.
type Way struct {
	Answer   *Answer // nil when the file has no answer to the provision
	Entities []string
	Every    bool // every entity gives it (or the assessment is one landlord's)
}

// Ways lists the ways the entities of a group answer ans: the group's
// answer, for the entities with nothing of their own to say (if any), then
// each other entity's, in the group's order. One landlord's answer, or an
// answer no entity gives differently, is one way, for every entity. ans may
// be nil (the provision is missing from the file). An entity the group does
// not list is left out (unknown-entity reports it).
func (a *Assessment) Ways(ans *Answer) []Way {
	if !a.IsGroup() {
		return []Way{{Answer: ans, Every: true}}
	}
	all := a.EntityNames()
	if ans == nil || len(ans.Entities) == 0 {
		return []Way{{Answer: ans, Entities: all, Every: true}}
	}
	var rest []string
	var own []Way
	for _, name := range all {
		e, ok := ans.EntityAnswer(name)
		if !ok || !e.Differs() && len(e.Actions) == 0 {
			rest = append(rest, name)
			continue
		}
		eff := ans.For(name)
		own = append(own, Way{Answer: &eff, Entities: []string{name}})
	}
	if len(own) == 0 {
		return []Way{{Answer: ans, Entities: all, Every: true}}
	}
	var out []Way
	if len(rest) > 0 {
		out = append(out, Way{Answer: ans, Entities: rest})
	}
	return append(out, own...)
}

// ClosestEntity returns the name among names that name was probably meant
// to be: the same but for case and spacing, a slip of a letter or two, or
// a short form of it ("Moorside" for "Moorside Housing Association"); ""
// when none is close.
func ClosestEntity(name string, names []string) string {
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	n := norm(name)
	best, score := "", 1<<30
	for _, x := range names {
		m := norm(x)
		d := english.Distance(n, m)
		switch {
		case n == m:
			d = 0
		case d <= max(2, len(m)/8):
		case len(n) > 3 && (strings.HasPrefix(m, n) || strings.HasPrefix(n, m) || strings.Contains(m, n)):
			d = 50 // a short form of it
		default:
			continue
		}
		if d < score {
			best, score = x, d
		}
	}
	return best
}

// Listing parts entries, for a listing of one entity's gaps or actions,
// into those that list the entity called name (but for case and spacing)
// and those that do not: another landlord's, or the group's in a year
// before the entity joined, which hold nothing of that entity's. With no
// name every entry is kept.
func Listing(entries []Entry, name string) (kept, left []Entry) {
	if strings.TrimSpace(name) == "" {
		return entries, nil
	}
	for _, e := range entries {
		if e.Assessment != nil && slices.ContainsFunc(e.Assessment.Entities, func(x Entity) bool { return SameEntity(x.Name, name) }) {
			kept = append(kept, e)
		} else {
			left = append(left, e)
		}
	}
	return kept, left
}

// EntitiesOf lists the entities of every group among entries, each once,
// in the order met.
func EntitiesOf(entries []Entry) []string {
	var out []string
	for _, e := range entries {
		if e.Assessment == nil {
			continue
		}
		for _, name := range e.Assessment.EntityNames() {
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}
