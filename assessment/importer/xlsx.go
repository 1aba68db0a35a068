package importer

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/workbook"
)

// This file reads a spreadsheet: first as csa's own report workbook, which
// comes back exactly as it was written; otherwise any sheet with a header
// row csa recognises (or the one --sheet names), its merged cells marked.
// Only a sheet's first 64 columns are read (workbook.ReadSheet), each row no
// wider than its cells; a cell beyond them that holds something is a note.
// Cells are read raw, so a date is an Excel serial number that the date
// columns turn back into a date, whatever display format the sheet used.

const (
	maxUnzip    = 256 << 20 // bytes a workbook may unpack to
	maxUnzipXML = 64 << 20  // bytes of one sheet's XML held in memory
)

// readXLSX reads a workbook. It returns csa's own assessment when the
// workbook is csa's report, else the lines of its sheets.
func readXLSX(data []byte, sheet string) (d *doc, own *assessment.Assessment, err error) {
	defer func() {
		// excelize is a large third-party parser: a file it chokes on is
		// a damaged file to the person importing, never a crash.
		if recover() != nil {
			d, own, err = nil, nil, &Error{"it is not an Excel workbook csa can read: it may be damaged"}
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: maxUnzipXML})
	if err != nil {
		if strings.Contains(err.Error(), "size") {
			return nil, nil, &Error{"the workbook is too large to read"}
		}
		if strings.Contains(strings.ToLower(err.Error()), "encrypt") || strings.Contains(err.Error(), "password") {
			return nil, nil, &Error{"the workbook is password-protected: save a copy without the password"}
		}
		return nil, nil, &Error{"it is not an Excel workbook csa can read: it may be damaged"}
	}
	defer f.Close()
	names := f.GetSheetList()
	if sheet != "" && !slices.Contains(names, sheet) {
		return nil, nil, &Error{fmt.Sprintf("it has no sheet %q: its sheets are %s", sheet, quoteList(names))}
	}
	switch a, ok, err := workbook.Read(bytes.NewReader(data)); {
	case ok && err != nil:
		return nil, nil, &Error{"it is csa's own report workbook, but " + err.Error()}
	case ok:
		return nil, a, nil
	}
	d = &doc{}
	if p, err := f.GetDocProps(); err == nil && p != nil {
		d.title = strings.TrimSpace(p.Title)
		if len(p.Modified) >= 10 && reISO.MatchString(p.Modified[:10]) {
			d.saved = p.Modified[:10]
		}
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
		cells, err := workbook.ReadSheet(f, name)
		if errors.Is(err, workbook.ErrSheetTooLarge) {
			return nil, nil, &Error{fmt.Sprintf("its sheet %q is too large to read", name)}
		}
		if err != nil {
			return nil, nil, &Error{fmt.Sprintf("its sheet %q cannot be read: it may be damaged", name)}
		}
		d.notes = append(d.notes, beyondNotes(name, cells)...)
		lines := sheetLines(cells, name, i+1)
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
func sheetLines(s *workbook.Sheet, sheet string, no int) []Line {
	at := make(map[int][]string, len(s.Rows)) // row number -> cells
	for _, r := range s.Rows {
		for c, v := range r.Cells {
			r.Cells[c] = shortFloat(v)
		}
		at[r.Row] = r.Cells
	}
	type cell struct{ row, col int }
	merged := map[cell]string{}
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
		for r := r1 + 1; r <= r2; r++ {
			if _, ok := at[r]; !ok {
				continue // an empty row stays blank, merged or not
			}
			for c := c1; c <= c2; c++ {
				merged[cell{r, c}] = v
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
	return out
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

func overlap(a, b []string) int {
	n := 0
	for _, x := range b {
		if slices.Contains(a, x) {
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
