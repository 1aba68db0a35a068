package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/ooxml"
	"github.com/csa-tool/csa/assessment/workbook"
)

// This file reads a spreadsheet: first as csa's own report workbook, which
// comes back exactly as it was written; otherwise any sheet with a header
// row csa recognises (or the one --sheet names), its merged cells marked.
// Only a sheet's first 64 columns are read (Book.ReadSheet), each row no
// wider than its cells; a cell beyond them that holds something is a note.
// Cells are read raw, so a date is an Excel serial number that the date
// columns turn back into a date, whatever display format the sheet used.

// readXLSX reads a workbook. It returns csa's own assessment when the
// workbook is csa's report, else the lines of its sheets.
func readXLSX(data []byte, sheet string) (d *doc, own *assessment.Assessment, err error) {
	book, err := workbook.Open(data)
	if err != nil {
		return nil, nil, xlsxError(err, "", false)
	}
	names := book.Sheets()
	if sheet != "" && !slices.Contains(names, sheet) {
		return nil, nil, &Error{fmt.Sprintf("it has no sheet %q: its sheets are %s", sheet, quoteList(names))}
	}
	switch a, ok, err := workbook.ReadBook(book); {
	case ooxml.IsLimit(err):
		return nil, nil, xlsxError(err, "", false)
	case ok && err != nil:
		return nil, nil, &Error{"it is csa's own report workbook, but " + err.Error()}
	case ok:
		return nil, a, nil
	}
	d = &doc{title: strings.TrimSpace(book.Title)}
	if m := book.Modified; len(m) >= 10 && reISO.MatchString(m[:10]) {
		d.saved = m[:10]
	}
	if sheet != "" {
		names = []string{sheet}
	}
	type read struct {
		name   string
		lines  []Line
		ids    []string
		header bool
	}
	var withHeader, all []read
	for i, name := range names {
		cells, err := book.ReadSheet(name)
		if err != nil {
			return nil, nil, xlsxError(err, name, sheet == "" && len(names) > 1)
		}
		d.notes = append(d.notes, beyondNotes(name, cells)...)
		lines, err := sheetLines(cells, name, i+1)
		if err != nil {
			return nil, nil, err
		}
		s := read{name: name, lines: lines, header: hasHeader(lines)}
		if !s.header {
			// Rows of provisions with no header row: columns from content.
			s.lines, s.header = inferColumns(lines)
		}
		if !s.header {
			s.lines = lines
			// Perhaps the stacked layout, a label and a value per row.
			var flat []Line
			for _, l := range lines {
				if cells := nonEmpty(l.Cells); len(cells) > 0 {
					flat = append(flat, Line{Cells: []string{strings.Join(cells, ": ")}, Para: true, Where: l.Where})
				}
			}
			if stacked, ok := unstack(flat); ok {
				s.lines, s.header = stacked, true
				d.notes = append(d.notes, Note{Message: fmt.Sprintf("sheet %q is in the stacked layout (a label and its value on each row)", name)})
			}
		}
		switch {
		case s.header:
			s.ids = sheetIDs(s.lines)
			withHeader = append(withHeader, s)
		case len(cells.Rows) > 0:
			d.notes = append(d.notes, Note{Message: fmt.Sprintf("sheet %q has no header row csa recognises: read for titles and details only", name)})
		}
		all = append(all, s)
	}
	if len(withHeader) > 1 {
		for _, s := range withHeader[1:] {
			if shared := overlap(withHeader[0].ids, s.ids); shared*2 > len(s.ids) && len(s.ids) > 0 {
				return nil, nil, &Error{fmt.Sprintf("sheets %q and %q both answer the same provisions: choose one with --sheet", withHeader[0].name, s.name)}
			}
		}
	}
	for _, s := range all {
		if s.header {
			if len(all) > 1 {
				d.notes = append(d.notes, Note{Message: fmt.Sprintf("reading the table on sheet %q", s.name)})
			}
			d.lines = append(d.lines, s.lines...)
			continue
		}
		// A sheet without a table: its text, for titles and details.
		for _, l := range s.lines {
			if cells := nonEmpty(l.Cells); len(cells) > 0 {
				t, ok := detailRow(cells)
				if !ok {
					t = strings.Join(cells, " ")
				}
				d.lines = append(d.lines, Line{Cells: []string{t}, Para: true, Where: l.Where})
			}
		}
	}
	return d, nil, nil
}

// sheetLines turns a sheet's rows into lines, marking the cells a vertical
// merge covers with the merged cell's text. A run of empty rows is one
// blank line.
func sheetLines(s *workbook.Sheet, sheet string, no int) ([]Line, error) {
	at := make(map[int][]string, len(s.Rows)) // row number -> cells
	var rows []int                            // the row numbers, in order
	for _, r := range s.Rows {
		for c, v := range r.Cells {
			r.Cells[c] = shortFloat(v)
		}
		if _, dup := at[r.Row]; !dup {
			rows = append(rows, r.Row)
		}
		at[r.Row] = r.Cells
	}
	slices.Sort(rows)
	type cell struct{ row, col int }
	merged := map[cell]string{}
	filled := 0
	for _, mc := range s.Merged {
		from, to, _ := strings.Cut(mc, ":")
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 || c1 > workbook.MaxColumns {
			continue
		}
		if c2 = min(c2, workbook.MaxColumns); (r2-r1+1)*(c2-c1+1) > 100000 {
			continue
		}
		v := ""
		if first := at[r1]; c1 <= len(first) {
			v = first[c1-1]
		}
		// The rows the range covers that hold something: an empty row
		// stays blank, merged or not.
		i, _ := slices.BinarySearch(rows, r1+1)
		for ; i < len(rows) && rows[i] <= r2; i++ {
			// Ranges may overlap in a hostile file: what they fill in all
			// is counted against the cells an import reads.
			if filled += c2 - c1 + 1; filled > maxCells {
				return nil, tooLarge(errCells)
			}
			for c := c1; c <= c2; c++ {
				merged[cell{rows[i], c}] = v
			}
		}
	}
	var out []Line
	last := 0
	for _, r := range s.Rows {
		if r.Row > last+1 {
			out = append(out, Line{Blank: true, Table: no, Where: Where{Sheet: sheet, Row: last + 1}})
		}
		last = r.Row
		row := r.Cells
		l := Line{Cells: row, Table: no, Where: Where{Sheet: sheet, Row: r.Row}}
		for c := range row {
			if v, ok := merged[cell{r.Row, c + 1}]; ok {
				if l.Merged == nil {
					l.Merged = make([]bool, len(row))
				}
				l.Merged[c], l.Cells[c] = true, v
			}
		}
		if len(nonEmpty(row)) == 0 {
			l = Line{Blank: true, Table: no, Where: l.Where}
		}
		out = append(out, l)
	}
	return out, nil
}

// beyondNotes says which cells of a sheet were not read, being beyond the
// columns csa reads: a note for each of the first rows that has any, then
// how many more.
func beyondNotes(sheet string, s *workbook.Sheet) []Note {
	const rows = 10
	var notes []Note
	told := 0
	for i := 0; i < len(s.Beyond) && len(notes) < rows; {
		row := s.Beyond[i].Row
		var cols []string
		for ; i < len(s.Beyond) && s.Beyond[i].Row == row; i++ {
			name, err := excelize.ColumnNumberToName(s.Beyond[i].Col)
			if err != nil {
				name = strconv.Itoa(s.Beyond[i].Col) // past XFD, counted from A
			}
			cols = append(cols, name)
		}
		told += len(cols)
		what := "column " + cols[0] + " is"
		switch n := len(cols); {
		case n == 2:
			what = "columns " + cols[0] + " and " + cols[1] + " are"
		case n > 2:
			what = fmt.Sprintf("columns %s, %s and %d more are", cols[0], cols[1], n-2)
		}
		notes = append(notes, Note{Where: Where{Sheet: sheet, Row: row}, Message: fmt.Sprintf("%s beyond the first %d columns: not read", what, workbook.MaxColumns)})
	}
	if more := s.BeyondCount - told; more > 0 {
		notes = append(notes, Note{Message: fmt.Sprintf("sheet %q has %d more cells beyond the first %d columns: not read", sheet, more, workbook.MaxColumns)})
	}
	return notes
}

// sheetIDs lists the provision ids a sheet's tables hold.
func sheetIDs(lines []Line) []string {
	var ids []string
	col := -1
	for _, l := range lines {
		if l.Blank || l.Para {
			continue
		}
		if h, ok := parseHeader(l.Cells); ok {
			col = h.index(colID)
			if h.actionsOnly {
				col = -1 // an action plan answers nothing
			}
			continue
		}
		if col >= 0 && col < len(l.Cells) {
			if id, _, ok := parseID(l.Cells[col]); ok {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

// xlsxError words an error reading a workbook, or one of its sheets, for
// the person importing. others is true when other sheets were read too,
// which --sheet would leave out.
func xlsxError(err error, sheet string, others bool) error {
	switch {
	case ooxml.IsLimit(err):
		msg := "it is too large to read: " + err.Error()
		if others {
			msg += fmt.Sprintf(" (reading sheet %q); if the assessment is on another sheet, --sheet NAME reads that one alone", sheet)
		}
		return &Error{msg}
	case sheet != "":
		return &Error{fmt.Sprintf("its sheet %q cannot be read: it may be damaged", sheet)}
	}
	return &Error{"it is not an Excel workbook csa can read: it may be damaged"}
}

// overlap counts the ids of b that a has too.
func overlap(a, b []string) int {
	in := make(map[string]bool, len(a))
	for _, x := range a {
		in[x] = true
	}
	n := 0
	for _, x := range b {
		if in[x] {
			n++
		}
	}
	return n
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

var reLongFloat = regexp.MustCompile(`^\d{1,6}\.\d{12,}$`)

// shortFloat writes a number stored with a binary fraction's noise
// (1.2000000000000002, as some tools save 1.2) as it was typed.
func shortFloat(v string) string {
	if !reLongFloat.MatchString(v) {
		return v
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	return strconv.FormatFloat(f, 'g', 12, 64)
}
