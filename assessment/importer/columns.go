package importer

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// This file reads a table that has no header row (rows copied without it,
// a Word table whose header is a picture): which column is which is
// inferred from the content. The provision column holds provision numbers,
// the answer column yes/no words, and of the long text columns the one
// that reads like the Code (its wording against the catalogues' summaries
// for each row's provision, "must" and "should") is the requirement, and
// the one in the landlord's own voice ("we", "our", policies) the
// evidence. The header csa makes up is marked Inferred, and said.

// catalogueWords are the two built-in catalogues' provisions as word sets,
// made once.
var catalogueWords = sync.OnceValues(func() (map[string]map[string]bool, map[string]map[string]bool) {
	sets := func(id string) map[string]map[string]bool {
		out := map[string]map[string]bool{}
		cat, err := codes.Lookup(id, "")
		if err != nil {
			return out
		}
		for i := range cat.Provisions {
			p := &cat.Provisions[i]
			out[p.ID] = wordSet(wording(p))
		}
		return out
	}
	return sets("chc-2022"), sets("chc-2024")
})

// codeLike scores how much a text reads like the Code's provision id (in
// either Code) rather than a landlord's account of what it does.
func codeLike(id, text string) float64 {
	w22, w24 := catalogueWords()
	ws := wordSet(text)
	best := 0.0
	for _, cw := range []map[string]map[string]bool{w22, w24} {
		if p, ok := cw[id]; ok {
			best = max(best, similarity(ws, p))
		}
	}
	if codeVoice(text) {
		best += 0.2
	}
	if evidenceVoice(text) {
		best -= 0.2
	}
	return best
}

// codeVoice reports text in the Code's voice: what landlords must do.
func codeVoice(text string) bool {
	t := " " + strings.ToLower(text) + " "
	for _, w := range []string{" must ", " should ", " landlords ", " landlord's ", " landlord’s ", " the landlord ", " a landlord "} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// evidenceVoice reports text in a landlord's own voice: what we do.
func evidenceVoice(text string) bool {
	t := " " + strings.ToLower(strings.NewReplacer(",", " ", ".", " ", ";", " ", ":", " ", "(", " ", ")", " ").Replace(text)) + " "
	for _, w := range []string{" we ", " our ", " us ", " we've ", " we're ", " we'll ", " we’ve ", " we’re ", " we’ll ", " the council ",
		" the council's ", " the association ", " the group ", " is in place ", " are in place ", " has been ", " have been "} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// colStats is what a column of a headerless table holds.
type colStats struct {
	filled, ids, answers, dates int
	length, longest             int // total characters, and the longest cell's
	code, voice                 float64
}

// inferColumns gives each table without a header row one made from its
// content, when its columns can be told apart: a provision column and an
// answer or text column. It returns the lines with the headers added.
func inferColumns(lines []Line) ([]Line, bool) {
	groups := map[int][]int{} // table -> indexes of its rows
	var order []int
	for i, l := range lines {
		if l.Para || l.Blank || len(nonEmpty(l.Cells)) < 2 {
			continue
		}
		if _, seen := groups[l.Table]; !seen {
			order = append(order, l.Table)
		}
		groups[l.Table] = append(groups[l.Table], i)
	}
	headers := map[int]Line{} // index of a group's first row -> its header
	for _, t := range order {
		rows := groups[t]
		if h, ok := inferHeader(lines, rows); ok {
			headers[rows[0]] = h
		}
	}
	if len(headers) == 0 {
		return nil, false
	}
	out := make([]Line, 0, len(lines)+len(headers))
	for i, l := range lines {
		if h, ok := headers[i]; ok {
			out = append(out, h)
		}
		out = append(out, l)
	}
	return out, true
}

// inferHeader makes the header of one table's rows.
func inferHeader(lines []Line, rows []int) (Line, bool) {
	width := 0
	for _, i := range rows {
		width = max(width, min(len(lines[i].Cells), maxCols))
	}
	if width < 2 || len(rows) < 2 {
		return Line{}, false
	}
	st := make([]colStats, width)
	ids := make([]string, len(rows)) // each row's provision, once found
	for k, i := range rows {
		for j, c := range lines[i].Cells[:min(len(lines[i].Cells), width)] {
			t := cellText(c)
			if t == "" {
				continue
			}
			s := &st[j]
			s.filled++
			s.length += len(t)
			s.longest = max(s.longest, len(t))
			if id, rest, ok := parseID(t); ok && len(rest) < 80 {
				s.ids++
				if ids[k] == "" {
					ids[k] = id
				}
			}
			if c, exact, ok := parseAnswer(t); ok && exact && c != assessment.Unanswered {
				s.answers++
			}
			if _, ok := parseDate(t); ok {
				s.dates++
			}
		}
	}
	idCol, ansCol := -1, -1
	for j := range st {
		if st[j].ids*2 >= len(rows) && st[j].ids >= 2 && (idCol < 0 || st[j].ids > st[idCol].ids) {
			idCol = j
		}
	}
	if idCol < 0 {
		return Line{}, false
	}
	for j := range st {
		if j != idCol && st[j].filled > 0 && st[j].answers*5 >= st[j].filled*3 && st[j].answers >= 2 && (ansCol < 0 || st[j].answers > st[ansCol].answers) {
			ansCol = j
		}
	}
	// Long text columns, scored against the Code.
	var text []int
	for j := range st {
		s := &st[j]
		if j == idCol || j == ansCol || s.filled == 0 || s.length/s.filled < 10 && s.longest < 20 || s.dates*5 >= s.filled*3 {
			continue
		}
		n := 0
		for k, i := range rows {
			if j >= len(lines[i].Cells) || ids[k] == "" {
				continue
			}
			if t := cellText(lines[i].Cells[j]); t != "" {
				s.code += codeLike(ids[k], t)
				if evidenceVoice(t) {
					s.voice++
				}
				n++
			}
		}
		if n > 0 {
			s.code /= float64(n)
			s.voice /= float64(n)
		}
		text = append(text, j)
	}
	if ansCol < 0 && len(text) == 0 {
		return Line{}, false
	}
	cols := make([]column, width)
	cols[idCol] = colID
	if ansCol >= 0 {
		cols[ansCol] = colComply
	}
	if len(text) > 0 {
		// The requirement reads most like the Code; a lone text column is
		// the requirement only when it does, and sits before the answer.
		byCode := append([]int(nil), text...)
		sort.SliceStable(byCode, func(a, b int) bool { return st[byCode[a]].code > st[byCode[b]].code })
		req := byCode[0]
		lone := len(text) == 1
		if lone && (st[req].code < 0.15 || st[req].voice >= 0.5 || ansCol >= 0 && req > ansCol) {
			req = -1
		}
		if req >= 0 {
			cols[req] = colRequirement
		}
		next := []column{colEvidence, colCommentary}
		for _, j := range text {
			if j == req {
				continue
			}
			if len(next) == 0 {
				break
			}
			cols[j], next = next[0], next[1:]
		}
	}
	for j := range st {
		if cols[j] == colOther && j != idCol && st[j].filled > 0 && st[j].dates*5 >= st[j].filled*3 {
			cols[j] = colDue
		}
	}
	names := map[column]string{colID: "Code provision", colRequirement: "Code requirement", colComply: "Comply",
		colEvidence: "Evidence", colCommentary: "Commentary", colDue: "Target date"}
	cells := make([]string, width)
	var said []string
	for j, c := range cols {
		cells[j] = names[c]
		if c != colOther {
			said = append(said, fmt.Sprintf("%s (column %d)", c, j+1))
		}
	}
	first := lines[rows[0]]
	h := Line{Cells: cells, Table: first.Table, Where: first.Where, Inferred: true}
	h.Said = []string{"the table has no header row: its columns were inferred from their content: " + strings.Join(said, ", ")}
	return h, true
}

// contentColumns finds, under each header row, the columns its header
// does not name but its rows' content does: a column of provision numbers
// is the provision column whatever its header says ("6.12" under a blank
// header, "Ref no", "#"), also where the header named another column so
// that holds none; and where the header names no evidence column, a column
// of the landlord's own account ("Landlord response") is the evidence. The
// header row is marked (Found) and each finding said.
func contentColumns(lines []Line) {
	for i := 0; i < len(lines); {
		l := &lines[i]
		h, ok := headerOf(*l)
		if !ok {
			i++
			continue
		}
		j := i + 1
		for j < len(lines) {
			if _, next := headerOf(lines[j]); next {
				break
			}
			j++
		}
		found := foundColumns(h, lines[i+1:j])
		for _, k := range slices.Sorted(maps.Keys(found)) {
			c := found[k]
			what := fmt.Sprintf("the column %q", h.labels[k])
			if h.labels[k] == "" {
				what = fmt.Sprintf("the column with no header (column %d)", k+1)
			}
			msg := ""
			switch c {
			case colID:
				msg = what + " holds provision numbers: read as the provision column"
				if cur := h.index(colID); cur >= 0 {
					msg += fmt.Sprintf("; the column %q, which holds none, is kept in the commentary", h.labels[cur])
				}
			case colEvidence:
				msg = what + " reads as the landlord's own account of what it does: read as the evidence"
			case colComply:
				msg = what + " holds yes/no answers and the table has no answer column: read as the answer column"
			}
			l.Said = append(l.Said, msg)
		}
		if len(found) > 0 {
			l.Found = found
		}
		i = j
	}
}

// foundColumns reads the rows under a header for the columns it does not
// name: see contentColumns.
func foundColumns(h *header, rows []Line) map[int]column {
	n := len(h.cols)
	ids := make([]int, n)      // cells that are provision numbers
	filled := make([]int, n)   // cells with text
	length := make([]int, n)   // characters
	voice := make([]int, n)    // cells in the landlord's voice
	code := make([]float64, n) // how much the cells read like the Code
	data := 0
	idCol := h.index(colID)
	for _, m := range rows {
		if m.Para || m.Blank || len(nonEmpty(m.Cells)) < 2 {
			continue
		}
		data++
		for k := range min(len(m.Cells), n) {
			if isIDCell(m.Cells[k]) {
				ids[k]++
			}
		}
	}
	found := map[int]column{}
	cur, best := idCol, -1
	for k, c := range ids {
		_, tick := h.ticks[k]
		if h.cols[k] == colOther && !tick && c*2 >= data && (c >= 2 || data == 1 && c == 1) && (best < 0 || c > ids[best]) {
			best = k
		}
	}
	if best >= 0 && (cur < 0 || ids[cur]*2 < data) {
		found[best], idCol = colID, best
	}
	if k := statusAnswers(h, rows, data); k >= 0 {
		found[k] = colComply
	}
	if h.has(colEvidence) || h.actionsOnly || idCol < 0 {
		return found
	}
	for _, m := range rows {
		if m.Para || m.Blank || idCol >= len(m.Cells) {
			continue
		}
		id, _, ok := parseIDCell(m.Cells[idCol])
		if !ok {
			continue
		}
		for k := range min(len(m.Cells), n) {
			if h.cols[k] != colOther || k == idCol {
				continue
			}
			t := cellText(m.Cells[k])
			if t == "" {
				continue
			}
			filled[k]++
			length[k] += len(t)
			code[k] += codeLike(id, t)
			if evidenceVoice(t) {
				voice[k]++
			}
		}
	}
	ev := -1
	for k := range n {
		_, tick := h.ticks[k]
		if h.cols[k] != colOther || k == idCol || tick || filled[k] == 0 || filled[k]*2 < data || length[k]/filled[k] < 25 {
			continue
		}
		// The landlord's own account: in its voice, or not the Code's words.
		if voice[k]*4 >= filled[k] || code[k]/float64(filled[k]) < 0.15 {
			if ev < 0 || voice[k] > voice[ev] {
				ev = k
			}
		}
	}
	if ev >= 0 {
		found[ev] = colEvidence
	}
	return found
}

// statusAnswers finds, in a table with no answer column and no action,
// a "Status" or "Progress" column of yes/no words: the answers, under a
// header that elsewhere is an action's. It returns the column, or -1.
func statusAnswers(h *header, rows []Line, data int) int {
	if h.has(colComply) || h.has(colAction) || len(h.ticks) > 0 {
		return -1
	}
	for k, c := range h.cols {
		if c != colStatus {
			continue
		}
		answers, filled := 0, 0
		for _, m := range rows {
			if m.Para || m.Blank || len(nonEmpty(m.Cells)) < 2 || k >= len(m.Cells) {
				continue
			}
			t := cellText(m.Cells[k])
			if t == "" {
				continue
			}
			filled++
			if a, _, ok := parseAnswer(t); ok && a != assessment.Unanswered && len(t) <= 40 {
				answers++
			}
		}
		if filled > 0 && answers*5 >= filled*4 && (answers >= 2 || data == 1) {
			return k
		}
	}
	return -1
}

// headerOf parses a line as a header row.
func headerOf(l Line) (*header, bool) {
	if l.Para || l.Blank {
		return nil, false
	}
	return parseHeader(l.Cells)
}

// isIDCell reports a cell that holds a provision number and nothing else
// ("6.12", "CHC 6.12").
func isIDCell(cell string) bool {
	_, rest, ok := parseIDCell(cell)
	return ok && rest == ""
}
