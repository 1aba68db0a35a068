// Package carry starts next year's assessment from last year's: the
// answers, evidence, commentary, alternatives and open actions are carried
// forward, across Code versions through package lineage, and every carried
// answer is marked for review, so csa check warns (unreviewed) until someone
// has looked at it again.
//
// The rules, which the README repeats:
//
//   - A provision of the new Code gets what the provisions it continues
//     said (the same provision, within one Code). A low-confidence match is
//     used only when there is no better one, and the review line says so.
//   - When several old provisions feed one new one, the answer is the
//     weakest of theirs (no before partial before yes: a draft must not
//     claim more than its weakest part), and their texts are joined, each
//     headed with the provision it came from. The review line lists them.
//   - The requirement (a landlord's copy of the Code's wording) is carried
//     within one Code only: across Codes it is the old Code's wording.
//   - Open actions are carried, each once: to the same provision, or across
//     Codes to the provision that most surely continues its own. Done
//     actions are left behind. An open action whose provision has no
//     successor cannot be carried; Forward reports it.
//   - Provisions of the new Code with no predecessor, and those whose
//     predecessors were unanswered, are left blank.
//   - The introduction is carried, with a comment asking for it to be
//     updated (IntroductionComment); the governing body's response and
//     approval are not: they belong to last year's assessment.
//   - A group's entities are carried, and so is each entity's own answer:
//     the entity's answer is worked out as the group's is, from the
//     answers the entity gave last year (its own, or the group's), and
//     whatever of it differs from the group's new answer is the entity's
//     own; its open actions are carried as the group's are.
package carry

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/codes"
)

// Options shape the new assessment.
type Options struct {
	Assessed assessment.Date // the new assessment's date, today
	Landlord string          // "" keeps last year's
	Period   string          // "" moves last year's on by a year (see NextPeriod)
}

// Result is the new assessment and what happened on the way.
type Result struct {
	Assessment *assessment.Assessment
	Direction  lineage.Direction
	Carried    []string // provisions with a carried answer, marked for review
	New        []string // provisions with no predecessor, left blank
	Blank      []string // provisions whose predecessors had no answer, left blank
	Actions    int      // open actions carried
	Done       int      // done actions left behind
	Left       []Left   // open actions that could not be carried
	// PeriodKept is last year's period when it could not be moved on a year
	// (the new period is then blank).
	PeriodKept string
}

// Left is an open action with nowhere to go: its provision has no successor
// in the new Code.
type Left struct {
	Provision string
	Action    assessment.Action
	Entity    string // the entity of a group whose own action it was; "" for the group's
}

// IntroductionComment is written above a carried introduction.
func IntroductionComment(last *assessment.Assessment) string {
	from := "last year's"
	if last.Period != "" {
		from = last.Period + "'s"
	}
	return "Carried from " + from + " assessment: update it for this year."
}

// ReviewSuffix ends every review line: what the reader should do.
const ReviewSuffix = "check it, then delete this line"

// Forward builds next year's assessment against cat from last year's, last,
// against lastCat. The error says, in words fit for a person, why the two
// Codes cannot be lined up, or that cat is older than lastCat.
func Forward(last *assessment.Assessment, lastCat, cat *codes.Catalogue, opts Options) (*Result, error) {
	m, err := lineage.Between(lastCat, cat)
	if err != nil {
		return nil, err
	}
	if m.Direction == lineage.Backward {
		return nil, fmt.Errorf("%s is older than %s, the Code of last year's assessment: an assessment is carried forward to the same Code or its successor, not back", cat.ID, lastCat.ID)
	}
	f := &forward{m: m, last: last, answers: map[string]*assessment.Answer{}, dest: map[string][]assessment.Action{}, destFrom: map[string][]string{},
		entityDest: map[string]map[string][]assessment.Action{}}
	for i := range last.Answers {
		if _, dup := f.answers[last.Answers[i].ID]; !dup {
			f.answers[last.Answers[i].ID] = &last.Answers[i]
		}
	}
	r := &Result{Direction: m.Direction}
	f.routeActions(r)

	a := &assessment.Assessment{
		Code: cat.ID, Landlord: last.Landlord, Assessed: opts.Assessed, Period: opts.Period,
	}
	if opts.Landlord != "" {
		a.Landlord = opts.Landlord
	}
	a.Introduction = last.Introduction
	for _, e := range last.Entities {
		e.Pos = assessment.Pos{}
		a.Entities = append(a.Entities, e)
	}
	if a.Period == "" && last.Period != "" {
		if next, ok := NextPeriod(last.Period); ok {
			a.Period = next
		} else {
			r.PeriodKept = last.Period
		}
	}
	for _, p := range cat.Provisions {
		ans, state := f.answer(p.ID)
		if !p.OnForm && state != isCarried {
			continue // not assessed on the form, and nothing to carry to it
		}
		switch state {
		case isNew:
			r.New = append(r.New, p.ID)
		case isBlank:
			r.Blank = append(r.Blank, p.ID)
		default:
			r.Carried = append(r.Carried, p.ID)
			r.Actions += len(ans.Actions)
			for _, e := range ans.Entities {
				r.Actions += len(e.Actions)
			}
		}
		a.Answers = append(a.Answers, ans)
	}
	r.Assessment = a
	return r, nil
}

type forward struct {
	m        *lineage.Map
	last     *assessment.Assessment
	answers  map[string]*assessment.Answer
	dest     map[string][]assessment.Action // new provision → open actions carried to it
	destFrom map[string][]string            // new provision → old provisions its actions came from
	// entityDest: new provision → entity → the entity's own open actions
	// carried to it
	entityDest map[string]map[string][]assessment.Action
}

// links are the old provisions a new one continues.
func (f *forward) links(id string) []lineage.Link {
	if f.m.Direction == lineage.SameCode {
		return []lineage.Link{{From: id, To: id, Confidence: lineage.Same}}
	}
	return f.m.Predecessors(id)
}

// routeActions sends each open action to the one new provision it belongs
// under, in last year's order.
func (f *forward) routeActions(r *Result) {
	known := map[string]bool{}
	for _, p := range f.m.To.Provisions {
		known[p.ID] = true
	}
	for i := range f.last.Answers {
		ans := &f.last.Answers[i]
		if f.answers[ans.ID] != ans {
			continue // answered twice: the first answer counts
		}
		to := ""
		if f.m.Direction == lineage.SameCode {
			to = ans.ID
		} else if l, ok := lineage.Strongest(f.m.Successors(ans.ID)); ok {
			to = l.To
		}
		route := func(act assessment.Action, entity string) {
			switch {
			case !act.IsOpen():
				r.Done++
			case to == "" || !known[to]:
				r.Left = append(r.Left, Left{Provision: ans.ID, Action: act, Entity: entity})
			default:
				act.Status, act.Completed = assessment.Open, assessment.Date{}
				act.Pos, act.DuePos = assessment.Pos{}, assessment.Pos{}
				if entity == "" {
					f.dest[to] = append(f.dest[to], act)
				} else {
					if f.entityDest[to] == nil {
						f.entityDest[to] = map[string][]assessment.Action{}
					}
					f.entityDest[to][entity] = append(f.entityDest[to][entity], act)
				}
				if !slices.Contains(f.destFrom[to], ans.ID) {
					f.destFrom[to] = append(f.destFrom[to], ans.ID)
				}
			}
		}
		for _, act := range ans.Actions {
			route(act, "")
		}
		for _, e := range ans.Entities {
			for _, act := range e.Actions {
				route(act, e.Name)
			}
		}
	}
}

type state int

const (
	isCarried state = iota
	isNew
	isBlank
)

func hasAnswer(a *assessment.Answer) bool {
	if a == nil {
		return false
	}
	for i := range a.Entities {
		if a.Entities[i].Differs() {
			return true
		}
	}
	return a.Comply != assessment.Unanswered || strings.TrimSpace(a.Evidence) != "" ||
		strings.TrimSpace(a.Commentary) != "" || strings.TrimSpace(a.Alternative) != ""
}

// answer builds the new answer to provision id.
func (f *forward) answer(id string) (assessment.Answer, state) {
	ans := assessment.Answer{ID: id}
	links := f.links(id)
	if len(links) == 0 {
		return ans, isNew
	}
	var sources []lineage.Link
	for _, l := range lineage.Usable(links) {
		if hasAnswer(f.answers[l.From]) {
			sources = append(sources, l)
		}
	}
	ans.Actions = f.dest[id]
	if len(sources) == 0 && len(ans.Actions) == 0 && len(f.entityDest[id]) == 0 {
		return ans, isBlank
	}
	if len(sources) > 0 {
		f.carry(&ans, sources, func(from string) *assessment.Answer { return f.answers[from] })
		if f.m.Direction == lineage.SameCode {
			ans.Requirement = f.answers[sources[0].From].Requirement
		}
	}
	// Each entity of a group: its answer from what it gave last year, and
	// what of it differs from the group's, with its own open actions.
	for _, e := range f.last.Entities {
		own := assessment.EntityAnswer{Name: e.Name, Actions: f.entityDest[id][e.Name]}
		if len(sources) > 0 {
			var its assessment.Answer
			f.carry(&its, sources, func(from string) *assessment.Answer {
				a := f.answers[from].For(e.Name)
				return &a
			})
			if its.Comply != ans.Comply {
				own.Comply = its.Comply
			}
			for _, t := range []struct {
				its, group string
				to         *string
			}{
				{its.Evidence, ans.Evidence, &own.Evidence}, {its.Commentary, ans.Commentary, &own.Commentary},
				{its.Alternative, ans.Alternative, &own.Alternative},
			} {
				if t.its != t.group && strings.TrimSpace(t.its) != "" {
					*t.to = t.its // a blank of its own cannot be written: it keeps the group's
				}
			}
		}
		if own.Differs() || len(own.Actions) > 0 {
			ans.Entities = append(ans.Entities, own)
		}
	}
	var from []string // where carried actions came from, beyond the sources
	for _, old := range f.destFrom[id] {
		if !slices.ContainsFunc(sources, func(l lineage.Link) bool { return l.From == old }) {
			from = append(from, old)
		}
	}
	ans.Review = f.marker(sources, from)
	return ans, isCarried
}

// carry sets ans's answer and texts from the sources' answers, as get
// gives each: the weakest answer, the texts joined.
func (f *forward) carry(ans *assessment.Answer, sources []lineage.Link, get func(from string) *assessment.Answer) {
	base, _ := lineage.Weakest(sources, func(from string) (int, bool) { return get(from).Comply.Rank() })
	ans.Comply = get(base.From).Comply
	ans.Evidence = f.join(sources, get, func(a *assessment.Answer) string { return a.Evidence })
	ans.Commentary = f.join(sources, get, func(a *assessment.Answer) string { return a.Commentary })
	ans.Alternative = f.join(sources, get, func(a *assessment.Answer) string { return a.Alternative })
}

// join puts together one text field of several old answers: one answer's
// text as it was; several, each headed with the provision it came from.
func (f *forward) join(sources []lineage.Link, get func(from string) *assessment.Answer, field func(*assessment.Answer) string) string {
	type part struct{ from, text string }
	var parts []part
	for _, l := range sources {
		t := strings.TrimSpace(field(get(l.From)))
		if t != "" && !slices.ContainsFunc(parts, func(p part) bool { return p.text == t }) {
			parts = append(parts, part{l.From, t})
		}
	}
	if len(sources) == 1 || len(parts) == 0 {
		if len(parts) == 0 {
			return ""
		}
		return parts[0].text
	}
	var out []string
	for _, p := range parts {
		out = append(out, "From "+f.m.From.ID+" "+p.from+": "+p.text)
	}
	return strings.Join(out, "\n\n")
}

// marker is the review line of a carried answer, e.g.
// "carried from 2023/24 (chc-2022 4.2, high confidence); check it, then delete this line".
// actionsFrom are old provisions that gave only open actions.
func (f *forward) marker(sources []lineage.Link, actionsFrom []string) string {
	when := "carried from last year's assessment"
	switch {
	case f.last.Period != "":
		when = "carried from " + f.last.Period
	case !f.last.Assessed.IsZero():
		when = "carried from the assessment of " + f.last.Assessed.String()
	}
	var what []string
	code := f.m.From.ID
	for i, l := range sources {
		s := l.From
		if i == 0 {
			s = code + " " + l.From
		}
		if len(sources) > 1 {
			s += " " + comply(f.answers[l.From].Comply)
		}
		switch l.Confidence {
		case lineage.Same:
		case lineage.Low:
			s += ", low confidence, it may not match"
		default:
			s += ", " + l.Confidence.String() + " confidence"
		}
		what = append(what, s)
	}
	if len(sources) > 1 {
		what = append(what, "the weakest answer kept, the texts joined")
	}
	if len(actionsFrom) > 0 {
		what = append(what, "open actions from "+code+" "+strings.Join(actionsFrom, ", "))
	}
	return when + " (" + strings.Join(what, "; ") + "); " + ReviewSuffix
}

func comply(c assessment.Comply) string {
	if c == assessment.Unanswered {
		return "unanswered"
	}
	return string(c)
}

var periodRE = regexp.MustCompile(`^(\d{4})(?:([/-])(\d{2}|\d{4}))?$`)

// NextPeriod moves a reporting year on by one: 2023/24 → 2024/25,
// 2023-2024 → 2024-2025, 2024 → 2025. Other forms are not guessed at.
func NextPeriod(p string) (string, bool) {
	m := periodRE.FindStringSubmatch(strings.TrimSpace(p))
	if m == nil {
		return "", false
	}
	start, _ := strconv.Atoi(m[1])
	if m[2] == "" {
		return strconv.Itoa(start + 1), true
	}
	end, _ := strconv.Atoi(m[3])
	if len(m[3]) == 2 {
		return fmt.Sprintf("%d%s%02d", start+1, m[2], (end+1)%100), true
	}
	return fmt.Sprintf("%d%s%d", start+1, m[2], end+1), true
}
