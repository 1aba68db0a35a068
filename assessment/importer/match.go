package importer

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/csa-tool/csa/codes"
)

// This file finds the provision a row belongs to when its number was lost,
// from its requirement wording and its place in the document, and mends
// numbers a spreadsheet turned into numbers (6.10 stored as 6.1).

var stopwords = map[string]bool{}

func init() {
	for w := range strings.FieldsSeq(`the and for any are with that this their they them must should will
		have has been not from can which where when its all into such other also may what who how were was our
		your there these those each than then would could about within under being only more most some out
		over both either landlord landlords resident residents complaint complaints code`) {
		stopwords[w] = true
	}
}

// wordSet is the content words of a text, lightly stemmed.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for w := range strings.FieldsFuncSeq(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) < 3 || stopwords[w] {
			continue
		}
		set[stem(w)] = true
	}
	return set
}

func stem(w string) string {
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "ly"):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// similarity is the Dice coefficient of two word sets: 1 for the same
// words, 0 for none in common.
func similarity(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for w := range a {
		if b[w] {
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// wording is what a catalogue provision says: the Code's text where a
// landlord's own catalogue has it, else the summary.
func wording(p *codes.Provision) string {
	if p.Text != "" {
		return p.Text
	}
	return p.Summary
}

// guess finds the provision of a row with no number. Candidates are the
// provisions on the form that no other row answers, narrowed to the row's
// section, stage and must/should table where the document says them. The
// wording must point to one candidate clearly, or the place (the provision
// after the row before) must agree with the wording.
func guess(cat *codes.Catalogue, rec *record, used map[string]bool, prevID string) (string, string, bool) {
	return newCatWords(cat).guess(rec, used, prevID)
}

// catWords is a catalogue with the word set of each provision's wording,
// made once for all the rows an import guesses: made for each row, the
// catalogue's words cost more than the rows.
type catWords struct {
	cat    *codes.Catalogue
	sets   []map[string]bool // by index in cat.Provisions
	at     map[string]int    // provision id -> index
	should bool              // the catalogue has should provisions
}

func newCatWords(cat *codes.Catalogue) *catWords {
	w := &catWords{cat: cat, sets: make([]map[string]bool, len(cat.Provisions)), at: map[string]int{}, should: hasShould(cat)}
	for i := range cat.Provisions {
		p := &cat.Provisions[i]
		w.sets[i] = wordSet(wording(p))
		w.at[p.ID] = i
	}
	return w
}

func (w *catWords) guess(rec *record, used map[string]bool, prevID string) (string, string, bool) {
	cat := w.cat
	req := strings.TrimSpace(join(rec.idRest, rec.cell(colRequirement)))
	words := wordSet(req)
	type cand struct {
		*codes.Provision
		words map[string]bool
	}
	var cands []cand
	for i := range cat.Provisions {
		p := &cat.Provisions[i]
		if p.OnForm && !used[p.ID] {
			cands = append(cands, cand{p, w.sets[i]})
		}
	}
	narrow := func(keep func(*codes.Provision) bool) {
		var out []cand
		for _, p := range cands {
			if keep(p.Provision) {
				out = append(out, p)
			}
		}
		if len(out) > 0 {
			cands = out
		}
	}
	where := ""
	if rec.ctx.section > 0 {
		narrow(func(p *codes.Provision) bool { return p.Section == rec.ctx.section })
	}
	if rec.ctx.stage != "" {
		narrow(func(p *codes.Provision) bool { return strings.EqualFold(p.Stage, rec.ctx.stage) })
		where = rec.ctx.stage + " "
	}
	if rec.ctx.obligation != "" && w.should {
		narrow(func(p *codes.Provision) bool { return p.Obligation == rec.ctx.obligation })
		where += rec.ctx.obligation + " "
	}
	next := ""
	if i, ok := w.at[prevID]; ok && prevID != "" && i+1 < len(cat.Provisions) && !used[cat.Provisions[i+1].ID] {
		next = cat.Provisions[i+1].ID
	}
	var best, second *codes.Provision
	var bs, ss, ns float64
	for _, c := range cands {
		p := c.Provision
		s := similarity(words, c.words)
		if p.ID == next {
			ns = s
		}
		switch {
		case best == nil || s > bs:
			second, ss = best, bs
			best, bs = p, s
		case second == nil || s > ss:
			second, ss = p, s
		}
	}
	if best == nil {
		return "", "", false
	}
	place := ""
	if next != "" {
		place = fmt.Sprintf(" and its place after %s", prevID)
		if where != "" {
			place += " in the " + strings.TrimSpace(where) + " table"
		}
	}
	clear := bs >= 0.25 && (second == nil || bs-ss >= 0.1)
	switch {
	case clear && best.ID == next:
		return best.ID, "by its wording" + place, true
	case clear && next == "":
		return best.ID, "by its wording", true
	case next != "" && len(words) > 0 && ns >= 0.15 && ns >= bs-0.1:
		return next, "by its wording" + place, true
	case next != "" && len(words) == 0 && len(cands) == 1 && cands[0].Provision.ID == next:
		return next, "by its place after " + prevID, true
	}
	return "", "", false
}

func hasShould(cat *codes.Catalogue) bool {
	for _, p := range cat.Provisions {
		if p.Obligation == "should" {
			return true
		}
	}
	return false
}

// renumber mends an id a spreadsheet stored as a number: 6.10 becomes 6.1,
// so a "6.1" after 6.9 in the same section is 6.10 when the Code has it and
// no other row answers it.
func renumber(cat *codes.Catalogue, id, prevID string, used map[string]bool) (string, bool) {
	s, n, ok := codes.SplitID(id)
	ps, pn, pok := codes.SplitID(prevID)
	if !ok || !pok || s != ps || n >= pn || n > 9 || n*10 <= pn {
		return "", false
	}
	cand := fmt.Sprintf("%d.%d", s, n*10)
	if _, ok := cat.Provision(cand); !ok || used[cand] {
		return "", false
	}
	return cand, true
}
