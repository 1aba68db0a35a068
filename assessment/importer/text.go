package importer

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// This file reads plain text: the tab-separated rows text extraction makes
// of a published table (as in the seeds), and the stacked layout of web
// pages, where each provision is a run of labelled lines ("Code provision
// 6.1", "Code requirement", ..., "Comply", "Yes", "Evidence", ...).

// readText reads a text file into lines. Tab-separated lines are table rows;
// other lines are paragraphs. With no table header, the stacked layout is
// tried, then comma-separated values.
func readText(data []byte) (*doc, error) {
	s := decodeText(data)
	if err := sizeOfText(strings.Count(s, "\n")+1, strings.Count(s, "\t")+strings.Count(s, ","), "tabs and commas"); err != nil {
		return nil, err
	}
	d := &doc{}
	n := 0
	for line := range strings.SplitSeq(s, "\n") {
		n++
		line = strings.TrimSuffix(line, "\r")
		w := Where{Line: n}
		switch {
		case strings.TrimSpace(line) == "":
			d.lines = append(d.lines, Line{Blank: true, Where: w})
		case strings.Contains(line, "\t"):
			d.lines = append(d.lines, Line{Cells: strings.Split(line, "\t"), Where: w})
		default:
			d.lines = append(d.lines, Line{Cells: []string{line}, Para: true, Where: w})
		}
	}
	if hasHeader(d.lines) {
		d.paged = true
		return d, nil
	}
	if lines, ok := unstack(d.lines); ok {
		d.lines, d.stack = lines, true
		return d, nil
	}
	if looksCSV(s) {
		return readCSV([]byte(s))
	}
	return d, nil
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

// stackOrder is the header unstack gives the rows it builds.
var stackOrder = []struct {
	col   column
	label string
}{
	{colID, "Code provision"}, {colRequirement, "Code requirement"}, {colComply, "Comply"},
	{colEvidence, "Evidence"}, {colCommentary, "Commentary"}, {colAction, "Action"}, {colOwner, "Owner"},
	{colDue, "Due"}, {colStatus, "Status"}, {colCompleted, "Date completed"}, {colAlternative, "Alternative"},
}

// unstack turns the stacked layout into a header and one row per provision.
// Titles between provisions stay as paragraphs. It needs provision labels
// and at least one other label. The header has the labels the document
// used, as it wrote them, so the columns say what form it follows.
func unstack(lines []Line) ([]Line, bool) {
	slot := map[column]int{}
	hdr := make([]string, len(stackOrder))
	for i, s := range stackOrder {
		slot[s.col], hdr[i] = i, s.label
	}
	seen := make([]bool, len(stackOrder))
	seen[slot[colID]] = true
	var out []Line
	var cur *Line
	field := -1
	provisions, others := 0, 0
	more := map[*string][]string{} // a field's later lines, joined at the end: += made it quadratic
	add := func(i int, text string) {
		seen[i] = true
		if cur.Cells[i] == "" {
			cur.Cells[i] = text
		} else {
			more[&cur.Cells[i]] = append(more[&cur.Cells[i]], text)
		}
	}
	start := func(w Where) {
		if provisions == 0 {
			out = append(out, Line{Cells: hdr, Where: w})
		}
		out = append(out, Line{Cells: make([]string, len(hdr)), Where: w})
		cur, field = &out[len(out)-1], -1
		provisions++
	}
	for _, l := range lines {
		if l.Blank {
			continue
		}
		text := strings.TrimSpace(strings.Join(l.Cells, " "))
		if !l.Para {
			// "Evidence<TAB>Policy section 2": the tab is the label's colon.
			cells := nonEmpty(l.Cells)
			if len(cells) == 0 {
				continue // a table row of empty cells
			}
			text = strings.Join(cells, "\n")
			if t, ok := detailRow(cells); ok {
				text = t
			} else if lb, ok := parseLabel(cells[0]); ok && lb.value == "" && len(cells) > 1 {
				text = strings.TrimRight(cells[0], ": ") + ": " + strings.Join(cells[1:], "\n")
			}
		}
		if id, ok := bareID(text); ok {
			if cur == nil || field != slot[colID] || cur.Cells[0] != "" {
				start(l.Where)
			}
			cur.Cells[0], field = id, -1 // "Code provision" on one line, the id on the next
			continue
		}
		if lb, ok := parseLabel(text); ok {
			if lb.col == colID {
				start(l.Where)
				if lb.value != "" {
					cur.Cells[0] = lb.value
				} else {
					field = slot[colID]
				}
				continue
			}
			if cur != nil {
				others++
				field = slot[lb.col]
				if !seen[field] {
					hdr[field] = lb.text
				}
				seen[field] = true
				if lb.value != "" {
					add(field, lb.value)
				}
				continue
			}
		}
		if cur == nil || looksLikeTitle(text) {
			cur, field = nil, -1
			out = append(out, Line{Cells: []string{text}, Para: true, Where: l.Where})
			continue
		}
		if field < 0 || field == slot[colID] {
			field = slot[colRequirement]
		}
		add(field, text)
	}
	if provisions == 0 || others == 0 {
		return nil, false
	}
	for at, lines := range more {
		*at = strings.Join(append([]string{*at}, lines...), "\n")
	}
	// Keep only the columns the document used.
	for i := range out {
		if out[i].Para {
			continue
		}
		var cells []string
		for j, c := range out[i].Cells {
			if seen[j] {
				cells = append(cells, c)
			}
		}
		out[i].Cells = cells
	}
	return out, true
}

// bareID reads a line that is nothing but a provision id.
func bareID(s string) (string, bool) {
	id, rest, ok := parseID(s)
	if !ok || rest != "" || strings.ContainsAny(strings.TrimSpace(s), " \t") {
		return "", false
	}
	return id, true
}
