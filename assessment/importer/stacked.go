package importer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/csa-tool/csa/assessment"
)

// This file reads the stacked layout: each provision a run of lines rather
// than a table row. Its forms, as landlords publish them:
//
//   - labelled lines: "Code provision 6.1", "Code requirement", ...,
//     "Comply", "Yes", "Evidence", ..., a label's value on its next line,
//     after a colon or after a tab (a two-column table);
//   - a heading per provision: "1.2 - Definition of a complaint", then
//     "Compliance: YES" (or "Do we comply? Yes", "Fully met", "Landlord A:
//     YES, Landlord B: PARTIAL") and the evidence in paragraphs, labelled
//     or not.
//
// A line that starts with a provision number starts a provision only when
// the layout says so: it is a heading, or an answer follows it before the
// next provision. "3.4 Complaints will be logged..." inside the evidence is
// evidence. Unlabelled text after the answer is the evidence; unlabelled
// text between the requirement and the answer is told apart by how it
// reads against the Code, and every such guess is said.

// stackOrder is the header unstack gives the rows it builds.
var stackOrder = []struct {
	col   column
	label string
}{
	{colID, "Code provision"}, {colRequirement, "Code requirement"}, {colComply, "Comply"},
	{colEvidence, "Evidence"}, {colCommentary, "Commentary"}, {colAction, "Action"}, {colOwner, "Owner"},
	{colDue, "Due"}, {colStatus, "Status"}, {colCompleted, "Date completed"}, {colAlternative, "Alternative"},
}

// stacker is unstack's state.
type stacker struct {
	lines      []Line
	hdr        []string
	seen       []bool
	slot       map[column]int
	out        []Line
	cur        int // the current provision's row in out, or -1
	field      int // where an unlabelled line goes, or -1
	provisions int
	others     int // labels and answers other than the provision's
	labelled   []bool
	parts      [][]string // lines added to the current provision's fields (see add)
	implicit   bool       // unlabelled text after the answer was read as evidence
}

// unstack turns the stacked layout into a header and one row per provision.
// Titles between provisions stay as paragraphs. It needs provisions and at
// least one label or answer. The header has the labels the document used,
// as it wrote them, so the columns say what form it follows.
func unstack(lines []Line) ([]Line, bool) {
	s := &stacker{lines: lines, cur: -1, field: -1, slot: map[column]int{}}
	s.hdr = make([]string, len(stackOrder))
	s.seen = make([]bool, len(stackOrder))
	for i, o := range stackOrder {
		s.slot[o.col], s.hdr[i] = i, o.label
	}
	s.seen[s.slot[colID]] = true
	for i := range lines {
		s.line(i)
	}
	s.close()
	if s.provisions == 0 || s.others == 0 {
		return nil, false
	}
	// Keep only the columns the document used.
	for i := range s.out {
		if s.out[i].Para {
			continue
		}
		var cells []string
		for j, c := range s.out[i].Cells {
			if s.seen[j] {
				cells = append(cells, c)
			}
		}
		s.out[i].Cells = cells
	}
	return s.out, true
}

// stackText is a line as the stacked layout reads it: a paragraph's text,
// or a row of cells as "Label: value".
func stackText(l Line) string {
	if l.Para {
		return strings.TrimSpace(strings.Join(l.Cells, " "))
	}
	cells := nonEmpty(l.Cells)
	if len(cells) == 0 {
		return ""
	}
	if t, ok := detailRow(cells); ok {
		return t
	}
	if lb, ok := parseLabel(cells[0]); ok && lb.value == "" && len(cells) > 1 {
		return strings.TrimRight(cells[0], ": ") + ": " + strings.Join(cells[1:], "\n")
	}
	return strings.Join(cells, "\n")
}

func (s *stacker) row() []string { return s.out[s.cur].Cells }

// add adds a line to a field of the current provision. The lines are
// joined when the provision closes: joining line by line would copy the
// field again for every line.
func (s *stacker) add(i int, text string) {
	s.seen[i] = true
	s.parts[i] = append(s.parts[i], text)
}

// has reports whether a field of the current provision holds anything.
func (s *stacker) has(i int) bool { return s.row()[i] != "" || len(s.parts[i]) > 0 }

// settle joins the lines added to the current provision's fields.
func (s *stacker) settle() {
	c := s.row()
	for i, p := range s.parts {
		if len(p) == 0 {
			continue
		}
		if c[i] != "" {
			c[i] += "\n"
		}
		c[i] += strings.Join(p, "\n")
		s.parts[i] = nil
	}
}

func (s *stacker) start(w Where) {
	s.close()
	if s.provisions == 0 {
		s.out = append(s.out, Line{Cells: s.hdr, Where: w})
	}
	s.out = append(s.out, Line{Cells: make([]string, len(s.hdr)), Where: w})
	s.cur, s.field = len(s.out)-1, -1
	s.labelled = make([]bool, len(s.hdr))
	s.parts = make([][]string, len(s.hdr))
	s.implicit = false
	s.provisions++
}

// paragraph ends the current provision and keeps the line as a paragraph.
func (s *stacker) paragraph(l Line, text string) {
	s.close()
	s.out = append(s.out, Line{Cells: []string{text}, Para: true, Heading: l.Heading, Footer: l.Footer, Where: l.Where})
}

func (s *stacker) say(format string, args ...any) {
	s.out[s.cur].Said = append(s.out[s.cur].Said, fmt.Sprintf(format, args...))
}

// close ends the current provision: text read into the requirement that
// reads like evidence is moved there, and said.
func (s *stacker) close() {
	if s.cur < 0 {
		return
	}
	s.settle()
	c := s.row()
	id := c[s.slot[colID]]
	if s.implicit {
		s.say("the text after the answer of %s has no label: read as its evidence", id)
	}
	ri, ei := s.slot[colRequirement], s.slot[colEvidence]
	if c[ri] != "" && !s.labelled[ei] && c[ei] == "" || (c[ri] != "" && !s.labelled[ri] && s.implicit) {
		if req, ev, ok := splitRequirement(id, c[ri]); ok {
			c[ri] = req
			c[ei] = joinLines(ev, c[ei])
			s.seen[ei] = true
			s.say("text after the requirement of %s has no Evidence label and reads like evidence, not the Code: read as its evidence (%q)", id, clip(ev, 50))
		}
	}
	s.cur, s.field = -1, -1
}

func (s *stacker) line(i int) {
	l := s.lines[i]
	if l.Blank {
		return
	}
	text := stackText(l)
	if text == "" {
		return
	}
	if chromeLine(text) {
		s.close() // "Back to top": the provision ended
		if pageEnd(text) {
			s.paragraph(l, text) // the footer names the landlord
		}
		return
	}
	if id, ok := bareID(text); ok {
		if s.cur < 0 || s.field != s.slot[colID] || s.row()[0] != "" {
			s.start(l.Where)
		}
		s.row()[0], s.field = id, -1 // "Code provision" on one line, the id on the next
		return
	}
	if id, rest, ok := parseID(text); ok && (l.Heading || l.Para && (s.answerAhead(i) || headingAnswer(rest))) {
		if lb, isLabel := parseLabel(text); !isLabel || lb.col == colID {
			s.start(l.Where)
			s.row()[0] = id
			if title, answer, ok := titledAnswer(rest); ok {
				// "1.2 Definition of a complaint: YES"
				s.add(s.slot[colComply], answer)
				s.others++
				s.field, rest = s.slot[colComply], title
			}
			if rest != "" {
				s.add(s.slot[colRequirement], rest)
			}
			return
		}
	}
	if lb, ok := parseLabel(text); ok {
		s.label(i, l, lb, text)
		return
	}
	comply := s.slot[colComply]
	if l.Heading && s.cur >= 0 && !s.has(comply) && (answerLine(text) || entityLine(text)) {
		l.Heading = false // "Fully met" in a heading's style: the answer
	}
	if l.Heading || s.cur < 0 || looksLikeTitle(text) || endsProvision(text) || headingLike(text) && s.setApart(i) && s.startsNext(i) {
		// A heading, a page's date, or a short title set apart just
		// before the next provision: never the last provision's evidence.
		s.paragraph(l, text)
		return
	}
	switch {
	case !s.has(comply) && (s.field < 0 || s.field == s.slot[colRequirement] || s.field == comply) && answerLine(text):
		s.add(comply, text)
		s.others++
		s.field = comply
		return
	case (!s.has(comply) || s.field == comply) && entityLine(text):
		s.add(comply, text)
		s.others++
		s.field = comply
		return
	case s.field == comply && !s.has(comply) && !answerValue(text):
		// "Compliance:" with nothing after it, then a sentence: the answer
		// is blank, and the sentence is the evidence.
		s.field = s.slot[colEvidence]
		if !s.labelled[s.field] {
			s.implicit = true
		}
	case s.field == comply && s.has(comply):
		// The answer is given: what follows without a label is evidence.
		s.field = s.slot[colEvidence]
		if !s.labelled[s.field] {
			s.implicit = true
		}
	case s.field < 0 || s.field == s.slot[colID]:
		s.field = s.slot[colRequirement]
	}
	s.add(s.field, text)
}

// label handles a labelled line: the provision, or a field and perhaps
// its value.
func (s *stacker) label(i int, l Line, lb label, text string) {
	if lb.col == colID {
		s.start(l.Where)
		if lb.value != "" {
			s.row()[0] = lb.value
		} else {
			s.field = s.slot[colID]
		}
		return
	}
	if s.cur < 0 {
		s.paragraph(l, text)
		return
	}
	comply := s.slot[colComply]
	// "Met" or "Compliant" alone: the answer, unless an answer follows it.
	if lb.col == colComply && lb.value == "" && !s.has(comply) && answerLine(text) && !s.nextIsAnswer(i) {
		s.add(comply, text)
		s.others++
		s.field = comply
		return
	}
	// "Status: Met" where there is no action: the answer.
	if lb.col == colStatus && !s.has(comply) && lb.value != "" && answerLine(lb.value) && !s.has(s.slot[colAction]) {
		lb.col, lb.text = colComply, "Comply" // the header must read as the answer's
	}
	s.others++
	s.field = s.slot[lb.col]
	s.labelled[s.field] = true
	if !s.seen[s.field] {
		s.hdr[s.field] = lb.text
	}
	s.seen[s.field] = true
	if lb.value != "" {
		s.add(s.field, lb.value)
	}
}

// answerLine reports a line that is only an answer: "Yes", "Fully met".
func answerLine(t string) bool {
	c, exact, ok := parseAnswer(t)
	return ok && exact && c != assessment.Unanswered
}

// answerValue reports a line that may be the value of an answer label on
// the line before: an answer, or something short that is not a sentence
// ("Under review"), which build reports as an answer it cannot read.
func answerValue(t string) bool {
	if c, _, ok := parseAnswer(t); ok && c != assessment.Unanswered || entityLine(t) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return len(t) <= 40 && !strings.ContainsRune(".!;", last) && !strings.Contains(t, "\n")
}

// nextIsAnswer reports whether the next line after lines[i] is an answer.
func (s *stacker) nextIsAnswer(i int) bool {
	for j := i + 1; j < len(s.lines); j++ {
		if s.lines[j].Blank {
			continue
		}
		t := stackText(s.lines[j])
		return answerLine(t) || entityLine(t)
	}
	return false
}

// answerAhead reports whether an answer follows lines[i] before another
// provision starts: what makes "1.2 Definition of a complaint" the start of
// a provision, and "3.4 Complaints will be logged..." a line of evidence.
func (s *stacker) answerAhead(i int) bool {
	n := 0
	for j := i + 1; j < len(s.lines) && n < 8; j++ {
		l := s.lines[j]
		if l.Blank {
			continue
		}
		n++
		t := stackText(l)
		if lb, ok := parseLabel(t); ok {
			switch lb.col {
			case colComply:
				return true
			case colID:
				return false
			case colStatus:
				if answerLine(lb.value) {
					return true
				}
			}
			continue
		}
		if _, _, isID := parseID(t); isID || l.Heading || chromeLine(t) {
			return false
		}
		if answerLine(t) || entityLine(t) {
			return true
		}
	}
	return false
}

// splitRequirement splits text read into a provision's requirement where
// no Evidence label said where the evidence starts: from the first line
// that reads like the landlord's own account rather than the Code.
func splitRequirement(id, text string) (req, ev string, ok bool) {
	ls := strings.Split(text, "\n")
	if len(ls) < 2 || len(ls) > 400 {
		return "", "", false
	}
	first := codeLike(id, ls[0])
	for k := 1; k < len(ls); k++ {
		if startsItem(ls[k]) && !evidenceVoice(ls[k]) {
			continue // a lettered item or bullet of the requirement
		}
		if evidenceVoice(ls[k]) && codeLike(id, ls[k]) < first {
			return strings.Join(ls[:k], "\n"), strings.Join(ls[k:], "\n"), true
		}
	}
	return "", "", false
}

// titledAnswer splits a provision heading that ends with its answer:
// "Definition of a complaint: YES", "Definition of a complaint – Met".
func titledAnswer(rest string) (title, answer string, ok bool) {
	i := strings.LastIndexAny(rest, ":–—|(")
	if j := strings.LastIndex(rest, " - "); j > i {
		i = j + 1
	}
	if i <= 0 {
		return "", "", false
	}
	_, size := firstRuneSize(rest[i:])
	answer = strings.TrimSpace(strings.TrimRight(rest[i+size:], ")"))
	if !answerLine(answer) {
		return "", "", false
	}
	return strings.TrimSpace(strings.TrimRight(rest[:i], " -–—:|")), answer, true
}

// headingAnswer reports the rest of a line after a provision number that
// is a short title ending in an answer: "Definition of a complaint – Met".
func headingAnswer(rest string) bool {
	if len(rest) > 160 {
		return false
	}
	_, _, ok := titledAnswer(rest)
	return ok
}

// unstackRuns reads the stacked layout in the runs of paragraphs between a
// document's tables, where a page answers some sections in tables and
// others as headings.
func unstackRuns(lines []Line) []Line {
	var out []Line
	changed := false
	loose := func(l Line) bool { return l.Para || l.Blank || stackRow(l) }
	for i := 0; i < len(lines); {
		if !loose(lines[i]) {
			out = append(out, lines[i])
			i++
			continue
		}
		j := i
		for j < len(lines) && loose(lines[j]) {
			j++
		}
		if run, ok := unstack(lines[i:j]); ok {
			out = append(out, run...)
			changed = true
		} else {
			out = append(out, lines[i:j]...)
		}
		i = j
	}
	if !changed {
		return lines
	}
	return out
}

// stackRow reports a row of a two-column table of a label and its value
// ("Compliant? | Yes"), the stacked layout in a table.
func stackRow(l Line) bool {
	cells := nonEmpty(l.Cells)
	if l.Para || len(cells) == 0 || len(cells) > 2 {
		return false
	}
	if _, ok := detailRow(cells); ok {
		return true
	}
	lb, ok := parseLabel(cells[0])
	return ok && lb.value == ""
}

// endsProvision reports a line that belongs to the page, not a provision:
// its date ("Last updated 3 July 2025") or its approval.
func endsProvision(t string) bool {
	if _, _, ok := pageDateLabel(t); ok {
		return true
	}
	_, _, ok := parseApproval(t)
	return ok
}

// headingLike reports a short line that reads as a heading rather than a
// sentence: no closing punctuation, a capital first, a few words.
func headingLike(t string) bool {
	if len(t) > 70 || strings.Contains(t, "\n") || len(strings.Fields(t)) > 10 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?;:,", last) {
		return false
	}
	r := firstRune(t)
	return r >= 'A' && r <= 'Z'
}

// setApart reports a line of copied text with a blank line before it, as
// a heading is copied: a list's last item runs on from the line before.
func (s *stacker) setApart(i int) bool {
	return i > 0 && s.lines[i-1].Blank
}

// startsNext reports whether the next line after lines[i] starts a
// provision.
func (s *stacker) startsNext(i int) bool {
	for j := i + 1; j < len(s.lines); j++ {
		l := s.lines[j]
		if l.Blank {
			continue
		}
		t := stackText(l)
		if _, ok := bareID(t); ok {
			return true
		}
		if lb, ok := parseLabel(t); ok {
			return lb.col == colID
		}
		if _, rest, ok := parseID(t); ok {
			return l.Heading || l.Para && (s.answerAhead(j) || headingAnswer(rest))
		}
		return false
	}
	return false
}

// joinLines puts b on a line after a.
func joinLines(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}
