package importer

import (
	"fmt"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/english"
)

// This file reads the answers of an assessment that covers several
// landlords of a group, one answer each: "Fenwick Vale Homes: Yes, Fenwick
// Vale Living: Partial" in one cell, one line per entity, or one answer
// column per entity.
//
// When the person importing names the group's entities (Options.Entities,
// --entities), each name in such a cell that is one of them becomes that
// entity's answer (groupAnswer): the answer most of them give is the
// group's, and an entity that gives another has its own. A name that is
// none of them is kept in the commentary and reported. The document alone
// does not decide who the entities are: a cell's names are as often a
// landlord's services or areas ("Repairs: Yes, Lettings: No") as members
// of a group.
//
// Without Options.Entities, an answer every entity gives is the answer,
// and answers that differ leave the provision unanswered; either way each
// entity's answer is kept in the commentary and reported.

// entityAnswer is one entity's answer to a provision.
type entityAnswer struct {
	name   string
	answer assessment.Comply
}

// maxEntities caps the entities read from one cell.
const maxEntities = 12

// entityAnswers reads a cell of "Name: answer" parts, split by lines,
// semicolons or commas: "Landlord A: YES, Landlord B: PARTIAL".
func entityAnswers(cell string) ([]entityAnswer, bool) {
	t := cellText(cell)
	if t == "" || len(t) > 600 || !strings.ContainsAny(t, ":–—-=") {
		return nil, false
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '\n' || r == ';' || r == ',' || r == '|' })
	if len(parts) == 0 || len(parts) > maxEntities {
		return nil, false
	}
	var out []entityAnswer
	for _, p := range parts {
		p = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(p), "•-–— "))
		if p == "" {
			continue
		}
		name, val, ok := cutEntity(p)
		if !ok {
			return nil, false
		}
		c, exact, ok := parseAnswer(val)
		if !ok || !exact || c == assessment.Unanswered {
			return nil, false
		}
		out = append(out, entityAnswer{name: name, answer: c})
	}
	return out, len(out) > 0
}

// cutEntity splits "Fenwick Vale Homes: Yes" or "Fenwick Vale Homes – Yes"
// at its last separator; the name must be a name, not a label or a
// sentence.
func cutEntity(p string) (name, val string, ok bool) {
	i := strings.LastIndexAny(p, ":–—=")
	if j := strings.LastIndex(p, " - "); j > i {
		i = j + 1
	}
	if i <= 0 {
		return "", "", false
	}
	name = strings.TrimSpace(strings.TrimRight(p[:i], " -–—:="))
	_, size := firstRuneSize(p[i:])
	val = strings.TrimSpace(p[i+size:])
	if name == "" || val == "" || len(name) > 60 || len(strings.Fields(name)) > 7 || strings.ContainsAny(name, ".?!") {
		return "", "", false
	}
	if lb, isLabel := parseLabel(name); isLabel && (lb.col == colComply || lb.col == colID || lb.col == colEvidence) {
		return "", "", false // "Compliance: Yes" is the answer itself
	}
	if r := firstRune(name); !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
		return "", "", false
	}
	if c, exact, isAnswer := parseAnswer(name); isAnswer && exact && c != assessment.Unanswered {
		return "", "", false // "Yes – partially" is one answer
	}
	return name, val, true
}

func firstRuneSize(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// entitiesAgree returns the answer every entity gives, if they agree.
func entitiesAgree(es []entityAnswer) (assessment.Comply, bool) {
	if len(es) == 0 {
		return "", false
	}
	for _, e := range es[1:] {
		if e.answer != es[0].answer {
			return "", false
		}
	}
	return es[0].answer, true
}

// entityList writes the entities' answers: "Fenwick Vale Homes: yes;
// Fenwick Vale Living: partial".
func entityList(es []entityAnswer) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.name + ": " + e.answer.Label()
	}
	return strings.Join(parts, "; ")
}

// entityLine reports a line of the stacked layout that is entities'
// answers, with no label before it.
func entityLine(t string) bool {
	es, ok := entityAnswers(t)
	return ok && (len(es) >= 2 || len(strings.Fields(es[0].name)) <= 6)
}

// entityColumns finds answer columns the header did not name: a column of
// yes/no words under a landlord's name ("Fenwick Vale Homes"), one per
// entity of a group, or the only answer column under a header csa does not
// know. One such column becomes the answer column; several are joined into
// one "Name: answer" cell per row, which parseAnswer reads.
func entityColumns(recs []*record, known []string) []Note {
	var notes []Note
	byHdr := map[*header][]*record{}
	var order []*header
	for _, r := range recs {
		if _, seen := byHdr[r.hdr]; !seen {
			order = append(order, r.hdr)
		}
		byHdr[r.hdr] = append(byHdr[r.hdr], r)
	}
	for _, h := range order {
		rs := byHdr[h]
		var cols []int
		for i, c := range h.cols {
			if c != colOther && c != colComply {
				continue
			}
			answers, filled := 0, 0
			for _, r := range rs {
				if i >= len(r.cells) || strings.TrimSpace(r.cells[i]) == "" {
					continue
				}
				filled++
				if c, _, ok := parseAnswer(r.cells[i]); ok && c != assessment.Unanswered && len(cellText(r.cells[i])) <= 40 {
					answers++
				}
			}
			if filled > 0 && answers*5 >= filled*4 && (answers >= 2 || len(rs) == 1) {
				cols = append(cols, i)
			}
		}
		comply := h.index(colComply)
		switch {
		case len(cols) == 1 && comply < 0:
			h.cols[cols[0]] = colComply
			notes = append(notes, Note{Where: h.where, Message: fmt.Sprintf("the column %q holds yes/no answers: read as the answer column", h.labels[cols[0]])})
		case len(cols) >= 2 && comply < 0:
			first := cols[0]
			names := make([]string, len(cols))
			for k, i := range cols {
				names[k] = h.labels[i]
				if names[k] == "" {
					names[k] = fmt.Sprintf("Column %d", i+1)
				}
			}
			for _, r := range rs {
				var parts []string
				for k, i := range cols {
					if i < len(r.cells) && strings.TrimSpace(r.cells[i]) != "" {
						parts = append(parts, names[k]+": "+strings.TrimSpace(cellText(r.cells[i])))
						r.cells[i] = ""
					}
				}
				if first < len(r.cells) {
					r.cells[first] = strings.Join(parts, "\n")
				}
			}
			h.cols[first] = colComply
			how := "read together, one answer per provision where they agree"
			if len(known) > 0 {
				how = "read as each entity's answer"
			}
			notes = append(notes, Note{Where: h.where, Message: fmt.Sprintf("the columns %s each hold an entity's answers: %s", quoteList(names), how)})
		}
	}
	return notes
}

// entityDiffers returns the answers of a cell of entities' answers that
// do not agree, or nil.
func entityDiffers(cell string) []entityAnswer {
	es, ok := entityAnswers(cell)
	if !ok {
		return nil
	}
	if _, same := entitiesAgree(es); same {
		return nil
	}
	return es
}

// tickColumns reads tables with a column per answer ("Yes" | "No" |
// "Partial") and a mark in the one that applies: the marked column's
// answer becomes the row's answer cell. A row with no mark, or marks in
// several columns, is left as its marks say, and build reports it.
func tickColumns(recs []*record) []Note {
	var notes []Note
	told := map[*header]bool{}
	for _, r := range recs {
		h := r.hdr
		if len(h.ticks) < 2 || h.index(colComply) >= 0 {
			continue
		}
		if !told[h] {
			told[h] = true
			var names []string
			for i := range h.cols {
				if _, ok := h.ticks[i]; ok {
					names = append(names, h.labels[i])
				}
			}
			notes = append(notes, Note{Where: h.where, Message: fmt.Sprintf("the columns %s are ticked for each answer: the ticked column is the answer", quoteList(names))})
		}
		var marked []string
		first := -1
		for i := range h.cols {
			a, ok := h.ticks[i]
			if !ok {
				continue
			}
			if first < 0 {
				first = i
			}
			if i < len(r.cells) && ticksCell(r.cells[i]) {
				marked = append(marked, a.Label())
			}
			if i < len(r.cells) {
				r.cells[i] = ""
			}
		}
		if first >= 0 && first < len(r.cells) {
			if len(marked) > 1 {
				r.cells[first] = strings.Join(marked, " / ")
			} else {
				r.cells[first] = strings.Join(marked, "")
			}
		}
	}
	for _, r := range recs {
		h := r.hdr
		if len(h.ticks) >= 2 && h.index(colComply) < 0 {
			for i := range h.cols {
				if _, ok := h.ticks[i]; ok {
					h.cols[i] = colComply
					for j := range h.cols {
						if _, tick := h.ticks[j]; tick && j != i {
							h.cols[j] = colOther
							h.labels[j] = ""
						}
					}
					break
				}
			}
		}
	}
	return notes
}

// ticksCell reports a cell that marks its column: a tick, a cross, a dot,
// "X" or "Yes"; an empty box, a dash or "No" does not.
func ticksCell(cell string) bool {
	t := strings.ToLower(strings.TrimSpace(cellText(cell)))
	switch t {
	case "", "-", "–", "—", "no", "n", "0", "false", "☐", "□", "n/a":
		return false
	}
	return true
}

// entitiesAgreeIn reports a cell of two or more entities' answers that
// agree.
func entitiesAgreeIn(cell string) bool {
	es, ok := entityAnswers(cell)
	if !ok || len(es) < 2 {
		return false
	}
	_, same := entitiesAgree(es)
	return same
}

// groupAnswer makes ans's answer, and its entities' own, from a cell of
// entities' answers, given the group's entities (b.opts.Entities). It
// reports false, changing nothing, when the cell is not one of entities'
// answers or names none of the group's entities.
func (b *builder) groupAnswer(rec *record, raw string, ans *assessment.Answer, extra *[]string) bool {
	es, ok := entityAnswers(raw)
	if !ok {
		return false
	}
	names := b.opts.Entities
	given := make([]assessment.Comply, len(names)) // by entity; "" when the cell does not name it
	var unmapped []string
	for _, e := range es {
		i, how := b.matchEntity(e.name)
		switch {
		case i < 0:
			b.note(rec.where, ans.ID, "the answer of %q to %s names no entity given with --entities%s: kept in the commentary", clip(e.name, 40), ans.ID, entityHint(e.name, names))
			unmapped = append(unmapped, e.name+": "+e.answer.Label())
		case given[i] != "" && given[i] != e.answer:
			b.note(rec.where, ans.ID, "%s is answered twice for %s (%s, then %s): the first is kept, the second in the commentary", names[i], ans.ID, given[i].Label(), e.answer.Label())
			unmapped = append(unmapped, e.name+": "+e.answer.Label())
		default:
			given[i] = e.answer
			if how != "" {
				b.once("entity "+e.name, rec.where, "%q in the answers read as the entity %s (%s)", clip(e.name, 40), names[i], how)
			}
		}
	}
	if len(unmapped) == len(es) {
		return false
	}
	if len(unmapped) > 0 {
		*extra = append(*extra, rec.hdr.labelOf(colComply)+": "+strings.Join(unmapped, "; "))
	}
	// The group's answer: the one most entities give (the first entity's
	// among equals), when every entity is named; none otherwise, so an
	// entity the cell leaves out is unanswered, not given another's word.
	var missing []string
	count := map[assessment.Comply]int{}
	for i, c := range given {
		if c == "" {
			missing = append(missing, names[i])
			continue
		}
		count[c]++
	}
	group := assessment.Unanswered
	if len(missing) == 0 {
		for _, c := range given {
			if count[c] > count[group] {
				group = c
			}
		}
	} else {
		b.note(rec.where, ans.ID, "the answer to %s does not name %s: %s left unanswered", ans.ID, english.And(missing), map[bool]string{true: "it is", false: "they are"}[len(missing) == 1])
	}
	ans.Comply = group
	for i, c := range given {
		if c != "" && c != group {
			ans.Entities = append(ans.Entities, assessment.EntityAnswer{Name: names[i], Comply: c})
		}
	}
	return true
}

// matchEntity finds the entity of the group a name in a document means:
// the one named so but for case and spacing (whatever other entities'
// names start with it or it starts with), or else the one entity whose
// name holds it as whole words ("Moorside" for "Moorside Housing
// Association", said in how). -1 when none, or several, would do: a slip
// of a letter is not guessed ("Landlord A" is not "Landlord B"), nor is a
// longer name ("Heron Vale Livng" is not "Heron").
func (b *builder) matchEntity(name string) (int, string) {
	norm := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	n := norm(name)
	for i, e := range b.opts.Entities {
		if norm(e) == n {
			return i, ""
		}
	}
	short := -1
	for i, e := range b.opts.Entities {
		m := norm(e)
		// Whole words of the name: "Wren Court Hous" is a slip.
		if len(n) > 3 && strings.Contains(" "+m+" ", " "+n+" ") {
			if short >= 0 {
				return -1, ""
			}
			short = i
		}
	}
	if short >= 0 {
		return short, "a short form of it"
	}
	return -1, ""
}

// entityHint suggests the entity a name was probably meant to be, or
// lists the entities.
func entityHint(name string, names []string) string {
	if best := assessment.ClosestEntity(name, names); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return "; the entities are " + english.And(names)
}
