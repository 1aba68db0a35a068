package importer

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// This file reads plain text: the tab-separated rows text extraction makes
// of a published table (as in the seeds), and the stacked layout of web
// pages, where each provision is a run of labelled lines ("Code provision
// 6.1", "Code requirement", ..., "Comply", "Yes", "Evidence", ...).

// readText reads a text file into lines. Tab-separated lines under a
// header row (found even when its cells are split over lines) are table
// rows, rebuilt where a cell's line breaks split a row over several lines,
// as a browser copies a table; other lines are paragraphs. With no table
// header, the stacked layout is tried, then comma-separated values, then
// rows with provision numbers and no header at all.
func readText(data []byte) (*doc, error) {
	s := decodeText(data)
	if err := sizeOfText(strings.Count(s, "\n")+1, strings.Count(s, "\t")+strings.Count(s, ","), "tabs and commas"); err != nil {
		return nil, err
	}
	raw := strings.Split(s, "\n")
	for i := range raw {
		raw[i] = strings.TrimSuffix(raw[i], "\r")
	}
	d := &doc{}
	if lines, joined, ok := tabTable(raw); ok {
		d.lines, d.paged = footer(lines), true
		d.notes = joinedNote(d.notes, joined)
		return d, nil
	}
	plain := make([]Line, 0, len(raw))
	for i, line := range raw {
		plain = append(plain, plainLine(line, i+1))
	}
	plain = footer(plain)
	if lines, joined, ok := headerlessRows(raw); ok {
		// Rows with provision numbers and no header; any stacked
		// provisions between them are read by unstackRuns.
		d.lines = footer(lines)
		d.notes = joinedNote(d.notes, joined)
		return d, nil
	}
	if lines, ok := unstack(plain); ok {
		d.lines, d.stack = lines, true
		return d, nil
	}
	if looksCSV(s) {
		return readCSV([]byte(s))
	}
	d.lines = plain
	return d, nil
}

// footer marks the paragraphs after the end of a page's content, as a
// browser copies it ("Was this page helpful?", the site's links).
func footer(lines []Line) []Line {
	end := false
	for i := range lines {
		if !lines[i].Para {
			continue
		}
		t := strings.TrimSpace(lines[i].Cells[0])
		if !end && pageEnd(t) {
			end = true
		}
		lines[i].Footer = end
	}
	return lines
}

// pageEnd reports a line that ends a page's content.
func pageEnd(t string) bool {
	k := labelKey(t)
	for _, p := range []string{"was this page helpful", "is this page useful", "did this page help", "was this information helpful",
		"did you find what you were looking for", "report a problem with this page", "report an issue with this page", "help us improve"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return strings.HasPrefix(t, "©")
}

func joinedNote(notes []Note, joined int) []Note {
	if joined == 0 {
		return notes
	}
	return append(notes, Note{Message: fmt.Sprintf("%s without tabs inside the tables %s read as the rest of the cell before %s (a browser copies the line breaks in a cell so)",
		plural(joined, "line"), map[bool]string{true: "was", false: "were"}[joined == 1], map[bool]string{true: "it", false: "them"}[joined == 1])})
}

// plainLine is one line of text as it stands: blank, a row of
// tab-separated cells, or a paragraph.
func plainLine(line string, n int) Line {
	w := Where{Line: n}
	switch {
	case strings.TrimSpace(line) == "":
		return Line{Blank: true, Where: w}
	case strings.Contains(line, "\t"):
		return Line{Cells: strings.Split(line, "\t"), Where: w}
	}
	return Line{Cells: []string{line}, Para: true, Where: w}
}

// tabTable reads text holding tables with header rows. ok is false when no
// header row is found.
func tabTable(raw []string) (lines []Line, joined int, ok bool) {
	for i := 0; i < len(raw); {
		cells, n, found := headerAt(raw, i)
		if !found {
			lines = append(lines, plainLine(raw[i], i+1))
			i++
			continue
		}
		ok = true
		lines = append(lines, Line{Cells: cells, Where: Where{Line: i + 1}})
		h, _ := parseHeader(cells)
		idCol := h.index(colID)
		if idCol != 0 && numberedRows(raw[i+n:]) {
			idCol = 0 // a first column of numbers, whatever its header says
		}
		// The first column holds the requirement
		// that starts with one. With a column of numbers, a row starts
		// with its number and a tab: a numbered line without one is a
		// clause inside a cell.
		numbered := idCol < 0 && h.index(colRequirement) == 0
		rows, next, j := readRows(raw, i+n, len(cells), idCol, h.cols[len(h.cols)-1], numbered, true)
		lines = append(lines, rows...)
		joined += j
		i = next
	}
	return lines, joined, ok
}

// numberedRows reports whether the rows at the start of raw start with a
// provision number and a tab: at least two of the first rows that hold
// tabs, and a third of them (a row broken over lines holds tabs on several).
func numberedRows(raw []string) bool {
	tabbed, numbered := 0, 0
	for _, line := range raw {
		if tabbed >= 30 {
			break
		}
		first, _, tab := strings.Cut(line, "\t")
		if !tab {
			continue
		}
		tabbed++
		if isBareID(first) {
			numbered++
		}
	}
	return numbered >= 2 && numbered*3 >= tabbed
}

// headerlessRows reads text whose table has no header row: rows that start
// with a provision number and a tab, as wide as most such rows are.
func headerlessRows(raw []string) (lines []Line, joined int, ok bool) {
	// Each row runs from a line that starts with a number and a tab to the
	// next such line; its width is its tabs, wherever its cells broke.
	widths := map[int]int{}
	first, last, tabs := -1, -1, -1
	end := func() {
		if tabs >= 1 && tabs < maxCols {
			widths[tabs+1]++
		}
		tabs = -1
	}
	for i, line := range raw {
		segs := strings.Split(line, "\t")
		switch {
		case len(segs) > 1 && isBareID(segs[0]):
			end()
			tabs = len(segs) - 1
			if first < 0 {
				first = i
			}
			last = i
		case tabs >= 0 && len(segs) == 1 && (looksLikeTitle(line) || chromeLine(strings.TrimSpace(line))):
			end()
		case tabs >= 0:
			tabs += len(segs) - 1
			last = i
		}
	}
	end()
	width, most := 0, 0
	for w, n := range widths {
		if n > most || n == most && w > width {
			width, most = w, n
		}
	}
	if most < 2 {
		return nil, 0, false
	}
	// Lines before the first row and after the last are not the table's,
	// whatever tabs they hold.
	para := func(i int) Line {
		l := plainLine(raw[i], i+1)
		if !l.Blank && !l.Para {
			l = Line{Cells: []string{strings.Join(nonEmpty(l.Cells), " ")}, Para: true, Where: l.Where}
		}
		return l
	}
	for i := range first {
		lines = append(lines, para(i))
	}
	rows, _, joined := readRows(raw[:last+1], first, width, 0, colOther, false, false)
	lines = append(lines, rows...)
	for i := last + 1; i < len(raw); i++ {
		lines = append(lines, para(i))
	}
	return lines, joined, true
}

// maxHeaderLines is how many lines a header row's cells may be split over.
const maxHeaderLines = 4

// maxHeaderCells is how many cells of paragraphs, each ended by a line of
// tabs alone, a header row may take.
const maxHeaderCells = 16

// headerAt reports a header row starting at raw[i], its cells perhaps split
// over lines ("Comply:" on one line, "Yes / No" on the next): the cells,
// and how many lines it takes.
func headerAt(raw []string, i int) ([]string, int, bool) {
	if len(raw[i]) > 600 || strings.TrimSpace(raw[i]) == "" {
		return nil, 0, false
	}
	var best []string
	bestN, bestRec := 0, 0
	var cells []string
	j, blanks := i, 0 // the line read, and blank lines inside the header
	cellTabs := 0     // lines of tabs alone: each ends a cell of paragraphs
	newCell := false  // the line before was a line of tabs alone
	for k := 0; k < maxHeaderLines+2*cellTabs && j < len(raw); k, j = k+1, j+1 {
		for gap := 0; k > 0 && j < len(raw) && emptyLine(raw[j]) && gap < 2 && blanks < 4*maxHeaderLines; gap++ {
			j++ // a browser's blank line between a cell's paragraphs
			blanks++
		}
		if j >= len(raw) {
			break
		}
		line := raw[j]
		tabsOnly := strings.TrimSpace(line) == "" && strings.Contains(line, "\t")
		if strings.TrimSpace(line) == "" && !tabsOnly || len(line) > 600 {
			break
		}
		if tabsOnly {
			// Chrome copies a header whose cells each hold a paragraph
			// as the cells' text and tabs on lines of their own: a tab
			// line ends a cell, and the next cell may take lines too.
			if cellTabs++; cellTabs > maxHeaderCells {
				break
			}
		}
		// A cell's second line is short ("Yes / No"); a cell of its own,
		// after a line of tabs, may be as long as a header's label.
		long := 40
		if newCell {
			long = 80
		}
		newCell = tabsOnly
		if looksLikeTitle(line) || k > 0 && !strings.Contains(line, "\t") && len(line) > long {
			break
		}
		segs := strings.Split(line, "\t")
		if k == 0 {
			cells = append([]string(nil), segs...)
		} else {
			if _, _, isID := parseID(segs[0]); isID {
				break
			}
			if h, ok := parseHeader(segs); ok && named(h) > bestRec && named(h) >= 2 {
				// A header row of its own, naming more than the lines
				// before it: those were a table before (a key to the
				// marks), not part of this header.
				break
			}
			cells = append(cells[:len(cells)-1], strings.TrimSpace(cells[len(cells)-1])+" "+strings.TrimSpace(segs[0]))
			cells = append(cells, segs[1:]...)
		}
		h, ok := parseHeader(cells)
		if !ok {
			if k == 0 && !headerFragment(line) {
				break
			}
			continue // "Code" on a line of its own, "provision" on the next
		}
		rec := named(h)
		// A longer header wins when it names more columns, or the same
		// with a short line of a split cell ("Yes / No") taken in.
		if best == nil || rec > bestRec || rec == bestRec && k > 0 && len(strings.TrimSpace(line)) < 40 && !strings.Contains(line, "\t") {
			best, bestN, bestRec = append([]string(nil), cells...), j-i+1, rec
		}
	}
	if best == nil {
		return nil, 0, false
	}
	return best, bestN, true
}

// headerFragment reports the first line of a header row split over lines:
// header cells, the last one perhaps cut short ("Code provision<TAB>Code
// requirement<TAB>Comply:", or "Code" alone).
// named counts the columns a header row names.
func named(h *header) int {
	n := 0
	for _, c := range h.cols {
		if c != colOther {
			n++
		}
	}
	return n
}

func headerFragment(line string) bool {
	segs := strings.Split(line, "\t")
	named := 0
	for _, c := range segs {
		c = strings.TrimSpace(c)
		if len(c) > 80 {
			return false
		}
		if _, _, ok := headerColumn(c); ok {
			named++
		}
	}
	if len(segs) > 1 {
		return named >= 1
	}
	words := strings.Fields(labelKey(line))
	return len(words) > 0 && len(words) <= 3 && headerWords[words[0]]
}

// headerWords start the headers a cell's line break may split.
var headerWords = map[string]bool{"code": true, "provision": true, "ref": true, "reference": true,
	"requirement": true, "comply": true, "compliance": true, "compliant": true, "evidence": true, "commentary": true}

// readRows reads a table's rows from raw[i] until the next header row (or
// the end): a row whose cells hold line breaks spans several lines, which
// are joined again by counting its cells. A line that starts with a
// provision number and a tab starts a row; a number at the start of a line
// inside a cell does not. It returns the rows and paragraphs, where it
// stopped, and how many lines it joined to a cell.
func readRows(raw []string, i, width, idCol int, last column, numbered, stopAtHeader bool) ([]Line, int, int) {
	var out []Line
	var cur *Line
	joined := 0
	blank := 0        // the line of a blank line after cur, not yet placed
	var tail []string // lines added to the row's last cell, joined once it is done
	settle := func() {
		if cur == nil || len(tail) == 0 {
			return
		}
		c := &cur.Cells[len(cur.Cells)-1]
		if strings.TrimSpace(*c) == "" {
			*c = strings.Join(tail, "\n")
		} else {
			*c += "\n" + strings.Join(tail, "\n")
		}
		tail = tail[:0]
	}
	emit := func() {
		settle()
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
		if blank > 0 {
			out = append(out, Line{Blank: true, Where: Where{Line: blank}})
			blank = 0
		}
	}
	appendTo := func(text string) {
		tail = append(tail, text)
		joined++
		blank = 0
	}
	short := last == colComply || last == colOwner || last == colDue || last == colStatus || last == colCompleted || last == colID
	for ; i < len(raw); i++ {
		line := raw[i]
		// A line of tabs alone is a row's empty cells (Chrome copies an
		// empty cell, or one holding a no-break space, so), not a blank
		// line: its tabs keep the cells after it in their columns.
		if strings.TrimSpace(line) == "" && !strings.Contains(line, "\t") {
			if cur == nil {
				out = append(out, Line{Blank: true, Where: Where{Line: i + 1}})
			} else if blank == 0 {
				blank = i + 1
			}
			continue
		}
		if stopAtHeader {
			if _, _, ok := headerAt(raw, i); ok {
				emit()
				return out, i, joined
			}
		}
		segs := strings.Split(line, "\t")
		tabs := len(segs) - 1
		if isSeparator(segs) {
			emit()
			out = append(out, Line{Cells: segs, Where: Where{Line: i + 1}})
			continue
		}
		startsRow := tabs > 0 && idCol == 0 && isBareID(segs[0]) || tabs > 0 && numbered && cur != nil && follows(segs[0], cur.Cells[0])
		ends := tabs == 0 && (looksLikeTitle(line) || chromeLine(strings.TrimSpace(line)) || endsTable(line))
		// The row before is complete, or a cell short (its answer merged
		// down from above) and this line's number follows its own.
		done := cur == nil || len(cur.Cells) >= width || len(cur.Cells) == width-1 && follows(line, cur.Cells[0])
		if tabs == 0 && idCol == 0 && (cur == nil || len(cur.Cells) >= width) && isBareID(line) && cellFollows(raw, i) {
			// "5.2" alone, then a line starting with a tab: Chrome copies
			// a provision cell holding a paragraph so.
			emit()
			cur = &Line{Cells: []string{strings.TrimSpace(line)}, Where: Where{Line: i + 1}}
			continue
		}
		if tabs == 0 && numbered && !ends && done && opensRow(raw, i, width) {
			// "6.9 Landlords must..." with its cells to come: a new row.
			emit()
			cur = &Line{Cells: []string{line}, Where: Where{Line: i + 1}}
			continue
		}
		switch {
		case cur == nil:
			if tabs == 0 {
				emit()
				if !chromeLine(strings.TrimSpace(line)) || pageEnd(strings.TrimSpace(line)) {
					out = append(out, Line{Cells: []string{line}, Para: true, Where: Where{Line: i + 1}})
				}
				continue
			}
			cur = &Line{Cells: segs, Where: Where{Line: i + 1}}
		case startsRow, tabs > 0 && len(cur.Cells) >= width, tabs > 0 && len(cur.Cells)+tabs > width:
			emit()
			cur = &Line{Cells: segs, Where: Where{Line: i + 1}}
		case tabs > 0:
			// The rest of a row whose cell broke over lines.
			if blank > 0 {
				blank = 0
			}
			if t := strings.TrimSpace(segs[0]); t != "" {
				appendTo(t)
			}
			settle()
			cur.Cells = append(cur.Cells, segs[1:]...)
		case ends, len(cur.Cells) >= width && short && !moreOf(last, line):
			emit()
			if !chromeLine(strings.TrimSpace(line)) || pageEnd(strings.TrimSpace(line)) {
				out = append(out, Line{Cells: []string{line}, Para: true, Where: Where{Line: i + 1}})
			}
		default:
			appendTo(strings.TrimSpace(line))
		}
	}
	emit()
	return out, i, joined
}

// moreOf reports whether a line without tabs after a complete row can be
// more of its last cell, whose column holds something short (a date, an
// owner, a status, an answer): a line of another kind is what the page
// shows after the table ("Previous: Section 5", a list of links).
func moreOf(last column, line string) bool {
	t := strings.TrimSpace(line)
	if len(t) > 60 {
		return false
	}
	switch last {
	case colDue, colCompleted:
		return parseDue(t).ok || len(t) <= 25
	case colStatus:
		_, ok := parseStatus(t)
		return ok || len(t) <= 25
	case colComply:
		c, _, ok := parseAnswer(t)
		return ok && c != assessment.Unanswered || len(t) <= 25
	case colID:
		return isBareID(t)
	}
	return !strings.Contains(t, ":") // an owner
}

// opensRow reports whether the line raw[i], which has no tab, starts a
// row whose first cell begins with its provision number, copied from a
// table whose first column is the requirement ("6.9 Landlords must
// confirm:", then "a. ..." lines, then the rest of the row): it starts
// with a number, and the next line with tabs goes on with a row's cells
// rather than starting one, with no other numbered line between. A
// line with tabs that starts with a number starts its own row, and a
// header row starts a table: a numbered line before either is a clause
// at the end of the cell before ("3.4 We will add...").
func opensRow(raw []string, i, width int) bool {
	if _, _, ok := parseID(strings.TrimSpace(raw[i])); !ok {
		return false
	}
	for j := i + 1; j < len(raw) && j <= i+60; j++ {
		first, rest, tab := strings.Cut(raw[j], "\t")
		if !tab {
			if _, _, ok := parseID(strings.TrimSpace(raw[j])); ok {
				return false // a later line opens the row
			}
			continue
		}
		if _, _, ok := parseID(strings.TrimSpace(first)); ok {
			return false
		}
		if _, _, ok := headerAt(raw, j); ok {
			return false
		}
		return strings.Count(rest, "\t")+1 < width
	}
	return false
}

// emptyLine reports a line with nothing on it, not even a tab.
func emptyLine(line string) bool {
	return strings.TrimSpace(line) == "" && !strings.Contains(line, "\t")
}

// cellFollows reports whether the next line with text after raw[i]
// starts with a tab: the rest of a row whose first cell raw[i] ends.
func cellFollows(raw []string, i int) bool {
	for j := i + 1; j < len(raw); j++ {
		if strings.TrimSpace(raw[j]) == "" && !strings.Contains(raw[j], "\t") {
			continue
		}
		return strings.HasPrefix(raw[j], "\t")
	}
	return false
}

// follows reports whether a cell starts with a provision number after the
// one that starts the row before ("6.14 Stage 2..." after "6.13 The
// reviewer..."): in a table whose first column is the requirement, that
// line opens a row even when the row before is a cell short (its answer
// merged down from above). A clause number inside a cell is rarely the
// next one in the Code's order.
func follows(cell, before string) bool {
	id, _, ok := parseID(strings.TrimSpace(cell))
	if !ok {
		return false
	}
	prev, _, ok := parseID(strings.TrimSpace(before))
	return ok && codes.CompareID(id, prev) > 0
}

// isBareID reports a cell that is only a provision number.
func isBareID(s string) bool {
	_, ok := bareID(strings.TrimSpace(s))
	return ok
}

// endsTable reports a line without tabs that cannot be the rest of a cell:
// a detail of the document, or its approval.
func endsTable(line string) bool {
	t := strings.TrimSpace(line)
	if _, _, ok := parseApproval(t); ok {
		return true
	}
	_, _, ok := pageDateLabel(t)
	return ok
}

func hasHeader(lines []Line) bool {
	for _, l := range lines {
		if !l.Para && !l.Blank {
			if _, ok := parseHeader(l.Cells); ok {
				return true
			}
		}
	}
	return false
}

// looksCSV reports whether a text file with no tabs is comma-separated with a
// header csa knows.
func looksCSV(s string) bool {
	for line := range strings.SplitSeq(s, "\n") {
		if strings.Count(line, ",") >= 2 {
			if _, ok := parseHeader(strings.Split(strings.TrimSpace(line), ",")); ok {
				return true
			}
		}
	}
	return false
}

// decodeText returns the file as UTF-8: a byte-order mark is dropped,
// UTF-16 is decoded, and text that is not UTF-8 is read as Windows-1252
// (what older Windows tools save).
func decodeText(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], data[0] == 0xFF)
	}
	if utf8.Valid(data) {
		return string(data)
	}
	var b strings.Builder
	b.Grow(len(data))
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(cp1252(data[0]))
			data = data[1:]
			continue
		}
		b.WriteRune(r)
		data = data[size:]
	}
	return b.String()
}

func decodeUTF16(data []byte, little bool) string {
	u := make([]uint16, len(data)/2)
	for i := range u {
		if little {
			u[i] = uint16(data[2*i]) | uint16(data[2*i+1])<<8
		} else {
			u[i] = uint16(data[2*i])<<8 | uint16(data[2*i+1])
		}
	}
	return string(utf16.Decode(u))
}

// cp1252 maps a Windows-1252 byte to its character.
func cp1252(b byte) rune {
	if b >= 0x80 && b <= 0x9F {
		if r := []rune("€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ")[b-0x80]; r != '\uFFFD' {
			return r
		}
		return '\uFFFD'
	}
	return rune(b)
}

// bareID reads a line that is nothing but a provision id.
func bareID(s string) (string, bool) {
	id, rest, ok := parseID(s)
	if !ok || rest != "" || strings.ContainsAny(strings.TrimSpace(s), " \t") {
		return "", false
	}
	return id, true
}
