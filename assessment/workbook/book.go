package workbook

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/csa-tool/csa/assessment/internal/ooxml"
)

// This file reads an .xlsx file's cells itself, as a stream, rather than
// through excelize: excelize decodes a shared string afresh for every cell
// that uses it, so one 60 MB string used by 2,000 cells (an 84 KB file)
// became 120 GB of copies. Here the shared strings are decoded once, a cell
// holds its shared string without a copy, and what a workbook's cells may
// hold in all has a budget: MaxCells cells and MaxText bytes of text, a
// shared string counted each time a cell uses it.

// Limits on what a Book reads, across all the sheets read.
const (
	MaxCells  = 100_000   // cells with something in them, and shared strings
	MaxText   = 16 << 20  // bytes of text in the cells read (and in the shared strings)
	maxMerged = 100_000   // merged ranges of one sheet
	maxRow    = 1_048_576 // the last row a sheet can have
	maxCol    = 16_384    // the last column (XFD)
)

// Book is an .xlsx file opened for reading.
type Book struct {
	pkg      *ooxml.Package
	sheets   []bookSheet
	sstPart  string
	sst      []string
	sstRead  bool
	date1904 bool
	buf      []byte // a cell's value as it is read
	cells    int    // cells read so far
	text     int    // bytes of text read so far
	// Title and Modified are the document properties: its title and the
	// date and time it was last saved, as written (2025-05-31T09:00:00Z).
	Title, Modified string
}

type bookSheet struct{ name, part string }

// ErrNotWorkbook is Open's error for a file that is not an .xlsx workbook.
var ErrNotWorkbook = errors.New("not a workbook that can be read (is it an .xlsx file?)")

// Open opens an .xlsx file. Its errors are ErrNotWorkbook, a
// *ooxml.LimitError for a file over csa's limits, or an *ooxml.DamagedError
// for a part that cannot be read.
func Open(data []byte) (*Book, error) {
	pkg, err := ooxml.Open(data)
	if err != nil {
		if errors.Is(err, ooxml.ErrNotZip) {
			return nil, ErrNotWorkbook
		}
		return nil, err
	}
	b := &Book{pkg: pkg}
	root, err := b.rels("_rels/.rels")
	if err != nil {
		return nil, err
	}
	wb, core := "xl/workbook.xml", "docProps/core.xml"
	for _, r := range root {
		switch {
		case strings.HasSuffix(r.Type, "/officeDocument"):
			wb = resolve("", r.Target)
		case strings.HasSuffix(r.Type, "/core-properties"):
			core = resolve("", r.Target)
		}
	}
	data, ok, err := pkg.ReadAll(wb, ooxml.MaxWhole)
	switch {
	case err != nil:
		return nil, err
	case !ok:
		return nil, ErrNotWorkbook
	}
	var w struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(data, &w); err != nil {
		return nil, &ooxml.DamagedError{Part: wb, Err: err}
	}
	b.date1904 = w.Pr.Date1904 == "1" || w.Pr.Date1904 == "true"
	dir := path.Dir(wb)
	rels, err := b.rels(path.Join(dir, "_rels", path.Base(wb)+".rels"))
	if err != nil {
		return nil, err
	}
	byID := map[string]string{}
	for _, r := range rels {
		byID[r.ID] = resolve(dir, r.Target)
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			b.sstPart = resolve(dir, r.Target)
		}
	}
	if b.sstPart == "" && pkg.Has("xl/sharedStrings.xml") {
		b.sstPart = "xl/sharedStrings.xml"
	}
	for _, s := range w.Sheets {
		b.sheets = append(b.sheets, bookSheet{name: s.Name, part: byID[s.ID]})
	}
	if data, ok, err := pkg.ReadAll(core, ooxml.MaxWhole); err == nil && ok {
		var p struct {
			Title    string `xml:"title"`
			Modified string `xml:"modified"`
		}
		if xml.Unmarshal(data, &p) == nil {
			b.Title, b.Modified = p.Title, strings.TrimSpace(p.Modified)
		}
	}
	return b, nil
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Target string `xml:"Target,attr"`
	Type   string `xml:"Type,attr"`
}

// rels reads a part of relationships; a missing part has none.
func (b *Book) rels(part string) ([]relationship, error) {
	data, ok, err := b.pkg.ReadAll(part, ooxml.MaxWhole)
	if err != nil || !ok {
		return nil, err
	}
	var rels struct {
		Rel []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &rels); err != nil {
		return nil, &ooxml.DamagedError{Part: part, Err: err}
	}
	return rels.Rel, nil
}

// resolve is the part a relationship's target names, from the folder of
// the part that has the relationship.
func resolve(dir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if !strings.HasPrefix(target, "/") {
		target = dir + "/" + target
	}
	return strings.TrimPrefix(path.Clean("/"+target), "/")
}

// Sheets lists the names of the workbook's sheets, in order.
func (b *Book) Sheets() []string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	return names
}

func (b *Book) sheet(name string) (bookSheet, bool) {
	for _, s := range b.sheets {
		if strings.EqualFold(s.name, name) {
			return s, true
		}
	}
	return bookSheet{}, false
}

// Date1904 reports whether the workbook counts date serial numbers from
// 1904 (old Mac Excel), not 1900.
func (b *Book) Date1904() bool { return b.date1904 }

// HasSheet reports whether the workbook has a sheet of that name, in any case.
func (b *Book) HasSheet(name string) bool {
	_, ok := b.sheet(name)
	return ok
}

// ReadSheet reads the first MaxColumns columns of a sheet, as raw values (a
// date is its serial number), and its merged ranges. Rows are never widened
// to a cell far to the right: a cell in column XFD costs nothing. Its
// errors are a *CellError, or a *ooxml.LimitError when the workbook's cells
// go over MaxCells or MaxText.
func (b *Book) ReadSheet(name string) (*Sheet, error) {
	unreadable := &CellError{Sheet: name, Msg: "the sheet cannot be read"}
	bs, ok := b.sheet(name)
	if !ok {
		return nil, unreadable
	}
	d, ok, err := b.pkg.Stream(bs.part, ooxml.MaxStream)
	switch {
	case ooxml.IsLimit(err):
		return nil, err
	case err != nil || !ok:
		return nil, unreadable
	}
	defer d.Close()
	s := &Sheet{}
	var cells []string
	row, col, inRow := 0, 0, false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			if ooxml.IsLimit(err) {
				return nil, err
			}
			return nil, unreadable
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				inRow, col, cells = true, 0, nil
				if v := attr(t, "r"); v != "" {
					n, err := strconv.Atoi(v)
					if err != nil || n < 1 || n > maxRow {
						return nil, &CellError{Sheet: name, Msg: "a row number cannot be read: the sheet may be damaged"}
					}
					row = n
				} else {
					row++
				}
			case "c":
				if !inRow {
					if err := skip(d.Decoder); err != nil {
						return nil, readError(err, unreadable)
					}
					continue
				}
				col++
				if ref := attr(t, "r"); ref != "" {
					c, ok := refColumn(ref)
					if !ok {
						return nil, &CellError{Sheet: name, Cell: cellName(1, row), Msg: "a cell's name cannot be read: the sheet may be damaged"}
					}
					col = c
				}
				if col > MaxColumns {
					holds, err := skipCell(d.Decoder)
					if err != nil {
						return nil, readError(err, unreadable)
					}
					if holds {
						if s.BeyondCount++; len(s.Beyond) < maxBeyond {
							s.Beyond = append(s.Beyond, CellRef{Col: col, Row: row})
						}
					}
					continue
				}
				v, holds, err := b.cell(d.Decoder, attr(t, "t"))
				if err != nil {
					var ce *CellError
					if errors.As(err, &ce) {
						ce.Sheet, ce.Cell = name, cellName(col, row)
					}
					return nil, readError(err, unreadable)
				}
				if !holds {
					continue
				}
				if b.cells++; b.cells > MaxCells {
					return nil, ooxml.Limitf("it has more than %d cells with something in them", MaxCells)
				}
				if b.text += len(v); b.text > MaxText {
					return nil, ooxml.Limitf("its cells hold more than %s of text (a shared string counts each time a cell uses it)", ooxml.MB(MaxText))
				}
				for len(cells) < col-1 {
					cells = append(cells, "")
				}
				if col <= len(cells) {
					cells[col-1] = v
				} else {
					cells = append(cells, v)
				}
			case "mergeCell":
				if ref := attr(t, "ref"); ref != "" {
					if len(s.Merged) >= maxMerged {
						return nil, ooxml.Limitf("its sheet %q has more than %d merged ranges", name, maxMerged)
					}
					s.Merged = append(s.Merged, ref)
				}
			}
		case xml.EndElement:
			if t.Name.Local == "row" && inRow {
				inRow = false
				if len(cells) > 0 {
					s.Rows = append(s.Rows, SheetRow{Row: row, Cells: cells})
				}
				cells = nil
			}
		}
	}
	return s, nil
}

func readError(err error, otherwise *CellError) error {
	var ce *CellError
	if ooxml.IsLimit(err) || errors.As(err, &ce) {
		return err
	}
	return otherwise
}

// refColumn reads the column of a cell's name: 1 for "A5", 16384 for
// "XFD1". The row is the row element's.
func refColumn(ref string) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i]
		switch {
		case 'A' <= c && c <= 'Z':
			col = col*26 + int(c-'A') + 1
		case 'a' <= c && c <= 'z':
			col = col*26 + int(c-'a') + 1
		default:
			goto digits
		}
	}
digits:
	if i == 0 || i == len(ref) || col > maxCol {
		return 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return col, true
}

// cell reads a cell whose start was just read: its value, raw, and whether
// it holds something (a value, or a formula with an empty result).
func (b *Book) cell(d *xml.Decoder, typ string) (string, bool, error) {
	var inline strings.Builder
	v := b.buf[:0]
	defer func() { b.buf = v[:0] }()
	hasInline, formula := false, false
	depth := 1
	in := ""
	for depth > 0 {
		tok, err := d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "v":
				in = "v"
			case "f":
				formula = true
				if err := skip(d); err != nil {
					return "", false, err
				}
				depth--
			case "is":
				hasInline = true
				if err := richText(d, &inline); err != nil {
					return "", false, err
				}
				depth--
			}
		case xml.EndElement:
			depth--
			in = ""
		case xml.CharData:
			if in == "v" {
				v = append(v, t...)
			}
		}
	}
	switch typ {
	case "s":
		raw := bytes.TrimSpace(v)
		if len(raw) == 0 {
			return "", formula, nil
		}
		sst, err := b.sharedStrings()
		if err != nil {
			return "", false, err
		}
		i, ok := index(raw)
		if !ok || i >= len(sst) {
			return "", false, &CellError{Msg: "the cell refers to a shared string the workbook does not have: it may be damaged"}
		}
		return sst[i], sst[i] != "" || formula, nil
	case "inlineStr":
		if hasInline {
			s := unescape(inline.String())
			return s, s != "" || formula, nil
		}
	}
	s := string(v)
	return s, s != "" || formula, nil
}

// index reads a shared string's index, without making a string of it.
func index(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' || n > MaxCells {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// skip reads to the end of the element whose start was just read.
func skip(d *xml.Decoder) error {
	for depth := 1; depth > 0; {
		tok, err := d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// richText reads the text of a string item (a shared string's si, or a
// cell's is) whose start was just read: its t, and the t of its runs (r),
// but not its phonetic guides (rPh).
func richText(d *xml.Decoder, out *strings.Builder) error {
	depth, text := 1, 0 // text: the depth of the t being read, 0 outside one
	for depth > 0 {
		tok, err := d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "rPh", "rPr", "phoneticPr":
				if err := skip(d); err != nil {
					return err
				}
				depth--
			case "t":
				text = depth
			}
		case xml.EndElement:
			if depth == text {
				text = 0
			}
			depth--
		case xml.CharData:
			if text > 0 {
				out.Write(t)
			}
		}
	}
	return nil
}

// sharedStrings reads the workbook's shared strings, once.
func (b *Book) sharedStrings() ([]string, error) {
	if b.sstRead {
		return b.sst, nil
	}
	b.sstRead = true
	if b.sstPart == "" {
		return nil, nil
	}
	d, ok, err := b.pkg.Stream(b.sstPart, ooxml.MaxStream)
	if err != nil || !ok {
		return nil, err
	}
	defer d.Close()
	text := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if t, ok := tok.(xml.StartElement); ok && t.Name.Local == "si" {
			var s strings.Builder
			if err := richText(d.Decoder, &s); err != nil {
				return nil, err
			}
			if text += s.Len(); text > MaxText {
				return nil, ooxml.Limitf("its shared strings hold more than %s of text", ooxml.MB(MaxText))
			}
			if len(b.sst) >= MaxCells {
				return nil, ooxml.Limitf("it has more than %d shared strings", MaxCells)
			}
			b.sst = append(b.sst, unescape(s.String()))
		}
	}
	return b.sst, nil
}

// unescape decodes the escapes the Office format writes for characters XML
// cannot carry: _xHHHH_ is the character U+HHHH, and _x005F_ an underscore
// (so "_x005F_x0041_" is the text "_x0041_"). A code that is not a
// character (a lone surrogate) is dropped, as excelize drops it.
func unescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if !looksEscaped(s[i:]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		n, _ := strconv.ParseUint(s[i+2:i+6], 16, 32)
		if r := rune(n); utf8.ValidRune(r) {
			b.WriteRune(r)
		}
		i += 7
	}
	return b.String()
}

// skipCell reads to the end of the cell whose start was just read, and
// says whether it holds something: a value, text or a formula.
func skipCell(d *xml.Decoder) (bool, error) {
	holds, depth, in := false, 1, ""
	for depth > 0 {
		tok, err := d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			in = t.Name.Local
			if in == "f" {
				holds = true
			}
		case xml.EndElement:
			depth--
			in = ""
		case xml.CharData:
			if (in == "v" || in == "t") && len(t) > 0 {
				holds = true
			}
		}
	}
	return holds, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
