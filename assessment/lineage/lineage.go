// Package lineage lines up the provisions of one Code catalogue with
// another's, so that two assessments can be compared, or one carried
// forward, even when the Code was renumbered between them.
//
// Within one Code every provision matches itself. Between a Code and the one
// that replaced it (chc-2022 and chc-2024), the newer catalogue lists, for
// each provision, the provisions of the older Code it continues, each link
// with a confidence; a Map follows those links either way. A provision with
// no link is new (in the Code compared to) or retired (in the Code compared
// from). The links are the project's reading of the two Codes, not the
// Ombudsman's.
//
// This package knows catalogues only; package diff and package carry bring
// the answers.
package lineage

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/csa-tool/csa/codes"
)

// Confidence is how sure the lineage is that two provisions ask the same
// thing. The order is meaningful: Low < Medium < High < Same.
type Confidence int

// Confidences, weakest first.
const (
	Low    Confidence = iota + 1
	Medium            // the provision continues, changed in scope or wording
	High              // the provision continues, little changed
	Same              // the same provision of the same Code
)

// String is the word the catalogues and reports use.
func (c Confidence) String() string {
	switch c {
	case Low:
		return "low"
	case Medium:
		return "medium"
	case High:
		return "high"
	case Same:
		return "same"
	}
	return "unknown"
}

// ParseConfidence reads a catalogue's confidence word. Anything it does not
// know (a blank, a typo in a landlord's own catalogue) is Low: a link nobody
// vouched for is treated as a guess, never as a firm match.
func ParseConfidence(s string) Confidence {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "high":
		return High
	case "medium":
		return Medium
	}
	return Low
}

// Direction says how the two catalogues of a Map relate.
type Direction int

// Directions.
const (
	SameCode Direction = iota // one Code: every provision matches itself
	Forward                   // from the older Code to the one that replaced it
	Backward                  // from the newer Code back to the one it replaced
)

func (d Direction) String() string {
	switch d {
	case Forward:
		return "forward"
	case Backward:
		return "backward"
	}
	return "same-code"
}

// Link matches a provision of the catalogue compared from (From) with one of
// the catalogue compared to (To).
type Link struct {
	From, To   string
	Confidence Confidence
	Note       string // what changed, in the catalogue's words; "" within a Code
}

// Map is the lineage between two catalogues, in the direction of a
// comparison: from the older assessment's catalogue to the newer one's.
type Map struct {
	From, To  *codes.Catalogue
	Direction Direction

	into map[string][]Link // To id → links, in From order
	out  map[string][]Link // From id → links, in To order
}

// eachPredecessor calls link for each predecessor a provision of newer
// names that older has, in newer's order.
func eachPredecessor(newer, older *codes.Catalogue, link func(newer, older string, pre codes.Predecessor)) {
	for _, p := range newer.Provisions {
		for _, pre := range p.Predecessors {
			if _, ok := older.Provision(pre.ID); ok {
				link(p.ID, pre.ID, pre)
			}
		}
	}
}

// Between returns the lineage from one catalogue to another: the same Code
// (same catalogue id) matches each provision with itself; a Code and the one
// that replaced it are matched through the newer catalogue's predecessors,
// in either direction. Any other pair has no lineage and is an error whose
// message is fit for a person.
func Between(from, to *codes.Catalogue) (*Map, error) {
	if from == nil || to == nil {
		return nil, fmt.Errorf("lineage: a catalogue is missing")
	}
	m := &Map{From: from, To: to, into: map[string][]Link{}, out: map[string][]Link{}}
	switch {
	case strings.EqualFold(from.ID, to.ID):
		m.Direction = SameCode
		for _, p := range from.Provisions {
			if _, ok := to.Provision(p.ID); ok {
				m.add(Link{From: p.ID, To: p.ID, Confidence: Same})
			}
		}
	case strings.EqualFold(to.Supersedes, from.ID):
		m.Direction = Forward
		eachPredecessor(to, from, func(newer, older string, pre codes.Predecessor) {
			m.add(Link{From: older, To: newer, Confidence: ParseConfidence(pre.Confidence), Note: pre.Note})
		})
	case strings.EqualFold(from.Supersedes, to.ID):
		m.Direction = Backward
		eachPredecessor(from, to, func(newer, older string, pre codes.Predecessor) {
			m.add(Link{From: newer, To: older, Confidence: ParseConfidence(pre.Confidence), Note: pre.Note})
		})
	default:
		return nil, fmt.Errorf("%s and %s cannot be lined up: csa lines up assessments against the same Code, or against a Code and the one that replaced it (chc-2022 and chc-2024)", from.ID, to.ID)
	}
	for _, links := range m.into {
		slices.SortStableFunc(links, func(a, b Link) int { return codes.CompareID(a.From, b.From) })
	}
	for _, links := range m.out {
		slices.SortStableFunc(links, func(a, b Link) int { return codes.CompareID(a.To, b.To) })
	}
	return m, nil
}

func (m *Map) add(l Link) {
	m.into[l.To] = append(m.into[l.To], l)
	m.out[l.From] = append(m.out[l.From], l)
}

// Predecessors returns the provisions of the From catalogue that provision id
// of the To catalogue lines up with, in From's order. The word follows the
// comparison, old to new: in a Backward map they come from the newer Code.
func (m *Map) Predecessors(id string) []Link { return m.into[id] }

// Successors returns the provisions of the To catalogue that provision id of
// the From catalogue lines up with, in To's order.
func (m *Map) Successors(id string) []Link { return m.out[id] }

// Usable returns the links worth comparing or carrying an answer through: a
// low-confidence link is a guess, so it is used only when a provision has no
// better one.
func Usable(links []Link) []Link {
	var firm []Link
	for _, l := range links {
		if l.Confidence > Low {
			firm = append(firm, l)
		}
	}
	if len(firm) == 0 {
		return links
	}
	return firm
}

// Weakest picks, among the usable links of a provision, the one to compare
// an answer with: the one whose From provision has the weakest answer, as
// rank scores it (higher is better; ok false when the provision has no
// ranked answer). Ties go to the stronger link, then to the earlier
// provision. When no link has a ranked answer, the strongest link is picked.
//
// Comparing with the weakest answer means a provision that continues several
// counts as improved when any part that fell short last year is met now, and
// a carried answer never claims more than the weakest part it came from.
func Weakest(links []Link, rank func(from string) (int, bool)) (Link, bool) {
	links = Usable(links)
	if len(links) == 0 {
		return Link{}, false
	}
	best := links[0]
	bestRank, bestOK := rank(best.From)
	for _, l := range links[1:] {
		r, ok := rank(l.From)
		var better bool
		switch {
		case ok != bestOK:
			better = ok // a ranked answer beats none
		case ok && r != bestRank:
			better = r < bestRank
		default:
			better = l.Confidence > best.Confidence
		}
		if better {
			best, bestRank, bestOK = l, r, ok
		}
	}
	return best, true
}

// Strongest returns the link of greatest confidence, the earliest on a tie.
func Strongest(links []Link) (Link, bool) {
	if len(links) == 0 {
		return Link{}, false
	}
	return slices.MinFunc(links, func(a, b Link) int {
		return cmp.Compare(b.Confidence, a.Confidence) // stable: MinFunc keeps the first minimum
	}), true
}
