package importer

import (
	"fmt"
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// This file reads the answers of an assessment that covers several
// landlords of a group, one answer each: "Fenwick Vale Homes: Yes, Fenwick
// Vale Living: Partial" in one cell, one line per entity, or one answer
// column per entity. An assessment has one answer per provision (the
// format has no groups yet), so an answer every entity gives is that
// answer, and answers that differ leave the provision unanswered; either
// way each entity's answer is kept in the commentary and reported.

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
func entityColumns(recs []*record) []Note {
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
			notes = append(notes, Note{Where: h.where, Message: fmt.Sprintf("the columns %s each hold an entity's answers: read together, one answer per provision where they agree", quoteList(names))})
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
