package importer

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/csa-tool/csa/assessment/internal/ooxml"
)

// This file reads a Word document's tables from its XML: word/document.xml
// (w:tbl, w:tr, w:tc, w:p, w:r, w:t, w:br; merged cells by w:gridSpan and
// w:vMerge), the list numbering that gives lettered sub-items their letters
// (word/numbering.xml), and the last-saved date and title
// (docProps/core.xml). Paragraphs between tables are titles. Archive/zip and
// encoding/xml are enough; sizes and nesting are capped so a hostile file
// cannot exhaust memory.

const maxDepth = 512 // nesting of XML elements

// zipKind says what Office file a zip archive is: docx, xlsx, or "";
// err is set when the archive is over one of csa's limits.
func zipKind(data []byte) (string, error) {
	p, err := ooxml.Open(data)
	if err != nil {
		if ooxml.IsLimit(err) {
			return "", err
		}
		return "", nil
	}
	for _, name := range p.Names() {
		switch name {
		case "word/document.xml":
			return "docx", nil
		case "xl/workbook.xml":
			return "xlsx", nil
		}
	}
	return "", nil
}

// tooLarge words a limit the file went over.
func tooLarge(err error) error { return &Error{"it is too large to read: " + err.Error()} }

// readPart returns one whole part of the archive, refusing one over
// ooxml.MaxWhole.
func readPart(p *ooxml.Package, name string) ([]byte, bool, error) {
	b, ok, err := p.ReadAll(name, ooxml.MaxWhole)
	switch {
	case ooxml.IsLimit(err):
		return nil, true, tooLarge(err)
	case err != nil:
		return nil, true, &Error{"it is damaged (" + name + " cannot be unpacked)"}
	}
	return b, ok, nil
}

// readDocx reads a .docx into lines: a Line per table row, a paragraph Line
// per paragraph outside tables. The document's XML is read as a stream.
func readDocx(data []byte) (*doc, error) {
	p, err := ooxml.Open(data)
	if err != nil {
		if ooxml.IsLimit(err) {
			return nil, tooLarge(err)
		}
		return nil, &Error{"it is not a Word document csa can read: it may be damaged"}
	}
	d := &doc{}
	num := &numbering{}
	if nb, ok, err := readPart(p, "word/numbering.xml"); err != nil {
		return nil, err
	} else if ok {
		num = parseNumbering(nb)
	}
	if core, ok, err := readPart(p, "docProps/core.xml"); err != nil {
		return nil, err
	} else if ok {
		d.title, d.saved = coreProps(core)
	}
	body, ok, err := p.Stream("word/document.xml", ooxml.MaxStream)
	switch {
	case ooxml.IsLimit(err):
		return nil, tooLarge(err)
	case err != nil:
		return nil, &Error{"it is damaged (word/document.xml cannot be unpacked)"}
	case !ok:
		return nil, &Error{"it is not a Word document (it has no word/document.xml)"}
	}
	defer body.Close()
	r := &docxReader{d: d, num: num}
	if err := r.read(body.Decoder); err != nil {
		return nil, err
	}
	if !hasHeader(d.lines) {
		// No table csa knows: perhaps tables without a header row (see
		// inferColumns), or the stacked layout, in paragraphs or in a
		// two-column table of labels and values.
		if lines, ok := inferColumns(d.lines); ok {
			d.lines = lines
		} else if lines, ok := unstack(d.lines); ok {
			d.lines, d.stack = lines, true
		}
	}
	return d, nil
}

type docxCell struct {
	paras  []string
	span   int
	vmerge string // "", "restart" or "continue"
}

type docxTable struct {
	no     int
	rows   int
	row    []docxCell
	before int            // w:gridBefore of the current row
	width  int            // the cells of the current row so far, spans counted
	above  map[int]string // text of the vMerge that starts in each grid column
	cell   *docxCell      // the cell being read
	parent *docxTable     // the table this one is nested in, if any
	nested []string       // a nested table's rows, as lines of its parent's cell
}

type docxReader struct {
	d      *doc
	size   size  // what has been read, against the limits
	err    error // a limit reached
	num    *numbering
	tab    *docxTable
	tables int
	paras  int
	para   *strings.Builder // the paragraph being read
	numID  string
	ilvl   int
	inText bool
	inPPr  bool // in paragraph properties, where w:tab is a tab stop
	inRun  bool
	font   string // the run's font, when it is a symbol font
	head   bool   // the paragraph is in a heading style
}

func (r *docxReader) read(dec *xml.Decoder) error {
	depth := 0
	for r.err == nil {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			if depth > 0 {
				return &Error{"it is damaged (its text stops part way through)"}
			}
			break
		}
		if ooxml.IsLimit(err) {
			return tooLarge(err)
		}
		if err != nil {
			return &Error{"it is damaged (its text cannot be read)"}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth {
				return &Error{"its structure is nested too deeply to read"}
			}
			if t.Name.Local == "Fallback" || t.Name.Local == "delText" || t.Name.Local == "instrText" {
				if err := skip(dec); ooxml.IsLimit(err) {
					return tooLarge(err)
				} else if err != nil {
					return &Error{"it is damaged (its text cannot be read)"}
				}
				depth--
				continue
			}
			if t.Name.Space != "w" && t.Name.Space != "" {
				continue
			}
			r.start(t)
		case xml.EndElement:
			depth--
			if t.Name.Space != "w" && t.Name.Space != "" {
				continue
			}
			r.end(t.Name.Local)
		case xml.CharData:
			if r.inText && r.para != nil {
				if r.size.text+r.para.Len()+len(t) > maxText {
					return tooLarge(errText)
				}
				if r.font != "" || bytes.Contains(t, []byte{0xEF, 0x83}) {
					r.para.WriteString(symbolText(r.font, string(t))) // U+F0xx is EF 83 xx
				} else {
					r.para.Write(t)
				}
			}
		}
	}
	if r.err != nil {
		return tooLarge(r.err)
	}
	return nil
}

// skip consumes the rest of the element just started.
func skip(dec *xml.Decoder) error {
	depth := 1
	for depth > 0 {
		tok, err := dec.RawToken()
		if err != nil {
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

func attr(t xml.StartElement, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func (r *docxReader) start(t xml.StartElement) {
	switch t.Name.Local {
	case "tbl":
		r.tables++
		r.tab = &docxTable{no: r.tables, above: map[int]string{}, parent: r.tab}
	case "tr":
		if r.tab != nil {
			r.tab.row, r.tab.before, r.tab.width = nil, 0, 0
		}
	case "gridBefore":
		if r.tab != nil {
			v, _ := attr(t, "val")
			r.tab.before = min(max(atoi(v), 0), 64)
		}
	case "tc":
		if r.tab != nil {
			r.tab.cell = &docxCell{span: 1}
		}
	case "gridSpan":
		if r.tab != nil && r.tab.cell != nil {
			v, _ := attr(t, "val")
			r.tab.cell.span = min(max(atoi(v), 1), 64)
		}
	case "vMerge":
		if r.tab != nil && r.tab.cell != nil {
			v, _ := attr(t, "val")
			if v == "restart" {
				r.tab.cell.vmerge = "restart"
			} else {
				r.tab.cell.vmerge = "continue"
			}
		}
	case "p":
		if r.para != nil {
			r.para.WriteByte('\n') // a paragraph inside a paragraph (a text box)
			return
		}
		r.para, r.numID, r.ilvl, r.head = &strings.Builder{}, "", 0, false
	case "pPr":
		r.inPPr = true
	case "r":
		r.inRun, r.font = true, ""
	case "rFonts":
		// A run in a symbol font: its letters are ticks and boxes.
		if r.inRun {
			for _, key := range []string{"ascii", "hAnsi", "cs"} {
				if f, ok := attr(t, key); ok && isSymbolFont(f) {
					r.font = f
					break
				}
			}
		}
	case "pStyle":
		// Heading 1 to 9 and Title: a heading ends the provision before it.
		v, _ := attr(t, "val")
		r.head = strings.HasPrefix(strings.ToLower(v), "heading") || strings.EqualFold(v, "Title")
	case "numId":
		r.numID, _ = attr(t, "val")
	case "ilvl":
		v, _ := attr(t, "val")
		r.ilvl = min(max(atoi(v), 0), 8)
	case "t":
		r.inText = true
	case "br", "cr":
		if r.para != nil {
			r.para.WriteByte('\n')
		}
	case "tab":
		if r.para != nil && !r.inPPr {
			r.para.WriteByte(' ')
		}
	case "noBreakHyphen":
		if r.para != nil {
			r.para.WriteByte('-')
		}
	case "sym":
		// A symbol font's tick or box (Wingdings), as a form's answer.
		if r.para != nil {
			font, _ := attr(t, "font")
			char, _ := attr(t, "char")
			if sym, ok := symbols[strings.ToLower(font)+" "+strings.ToUpper(char)]; ok {
				r.para.WriteString(sym)
			}
		}
	}
}

// symbols are the ticks, crosses and boxes of the symbol fonts, by font and
// character code (w:sym); Word writes codes as F0xx for symbol fonts.
var symbols = map[string]string{
	"wingdings F0FC": "✓", "wingdings F0FB": "✗", "wingdings F0FE": "☑", "wingdings F0FD": "☒", "wingdings F0A8": "☐",
	"wingdings F06F": "☐", "wingdings F071": "☐", "wingdings F078": "☒",
	"wingdings 2 F050": "✓", "wingdings 2 F04F": "✗", "wingdings 2 F054": "☒", "wingdings 2 F052": "☑", "wingdings 2 F0A3": "☐",
	"wingdings 2 F02A": "☐",
	"wingdings 00FC":   "✓", "wingdings 00FB": "✗", "wingdings 00FE": "☑", "wingdings 00FD": "☒", "wingdings 00A8": "☐",
	"symbol F0D6": "√",
}

// symbolFonts are the fonts whose letters are pictures: "ü" in Wingdings
// is a tick.
var symbolFonts = map[string]bool{"wingdings": true, "wingdings 2": true, "wingdings 3": true, "webdings": true, "symbol": true}

// isSymbolFont reports a symbol font by its name as a document gives it.
func isSymbolFont(font string) bool {
	return symbolFonts[strings.ToLower(strings.Trim(strings.TrimSpace(font), `"'`))]
}

// symbolText is text typed in a font: in a symbol font, its ticks,
// crosses and boxes become the characters they show ("ü" in Wingdings is
// "✓"); in any font, a character of the symbol fonts' private range
// (U+F0FC, which Word writes for Wingdings' tick) is read as Wingdings'.
// Other characters stay as they are.
func symbolText(font, s string) string {
	font = strings.ToLower(strings.Trim(strings.TrimSpace(font), `"'`))
	if !symbolFonts[font] {
		if !strings.ContainsFunc(s, func(r rune) bool { return r >= 0xF000 && r <= 0xF0FF }) {
			return s
		}
		font = "wingdings"
	}
	var b strings.Builder
	for _, r := range s {
		code := r
		switch {
		case r < 0x100:
			code |= 0xF000
		case r < 0xF000 || r > 0xF0FF:
			b.WriteRune(r)
			continue
		}
		if sym, ok := symbols[font+" "+strings.ToUpper(strconv.FormatInt(int64(code), 16))]; ok {
			b.WriteString(sym)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (r *docxReader) end(name string) {
	switch name {
	case "t":
		r.inText = false
	case "pPr":
		r.inPPr = false
	case "r":
		r.inRun, r.font = false, ""
	case "p":
		if r.para == nil {
			return
		}
		text := r.para.String()
		if r.numID != "" && r.numID != "0" {
			if label := r.num.label(r.numID, r.ilvl); label != "" {
				text = label + " " + text
			}
		}
		r.para = nil
		if r.tab != nil && r.tab.cell != nil {
			r.tab.cell.paras = append(r.tab.cell.paras, text)
			return
		}
		if strings.TrimSpace(text) == "" {
			return
		}
		if r.err = r.size.add(1, 1, len(text)); r.err != nil {
			return
		}
		r.paras++
		r.d.lines = append(r.d.lines, Line{Cells: []string{text}, Para: true, Heading: r.head, Where: Where{Para: r.paras}})
	case "tc":
		t := r.tab
		if t == nil || t.cell == nil {
			return
		}
		// A row of a million cells is refused as it is read, not once
		// it has been held whole.
		if t.width += t.cell.span; r.size.cells+t.width > maxCells {
			r.err = errCells
			return
		}
		t.row = append(t.row, *t.cell)
		t.cell = nil
	case "tr":
		t := r.tab
		if t == nil {
			return
		}
		t.rows++
		width := t.before
		for _, c := range t.row {
			width += c.span
		}
		if r.err = r.size.add(1, width, 0); r.err != nil {
			return
		}
		cells := make([]string, t.before, width)
		merged := make([]bool, t.before, width)
		for _, c := range t.row {
			col := len(cells)
			text := strings.Join(c.paras, "\n")
			m := false
			switch c.vmerge {
			case "restart":
				t.above[col] = text
			case "continue":
				text, m = t.above[col], true
			default:
				delete(t.above, col)
			}
			// A merged cell's text counts in each row it continues into:
			// each is a copy once the cells are tidied.
			if r.err = r.size.add(0, 0, len(text)); r.err != nil {
				return
			}
			cells = append(cells, text)
			merged = append(merged, m)
			for range c.span - 1 {
				cells = append(cells, "")
				merged = append(merged, m)
			}
		}
		if t.parent == nil {
			r.d.lines = append(r.d.lines, Line{Cells: cells, Merged: merged, Table: t.no, Where: Where{Table: t.no, Row: t.rows}})
		} else {
			t.nested = append(t.nested, strings.Join(nonEmpty(cells), "; "))
		}
	case "tbl":
		t := r.tab
		if t == nil {
			return
		}
		r.tab = t.parent
		if r.tab != nil && r.tab.cell != nil {
			r.tab.cell.paras = append(r.tab.cell.paras, t.nested...)
		}
	}
}

// numbering is a document's list definitions, enough to give list items
// their letters, numbers and bullets.
type numbering struct {
	levels map[string]map[int]numLevel // numId -> level -> definition
	count  map[string][]int            // numId -> counter per level
}

type numLevel struct {
	format, text string
	start        int
}

func parseNumbering(data []byte) *numbering {
	var x struct {
		Abstract []struct {
			ID   string `xml:"abstractNumId,attr"`
			Lvls []struct {
				Ilvl  int `xml:"ilvl,attr"`
				Start struct {
					Val string `xml:"val,attr"`
				} `xml:"start"`
				NumFmt struct {
					Val string `xml:"val,attr"`
				} `xml:"numFmt"`
				LvlText struct {
					Val string `xml:"val,attr"`
				} `xml:"lvlText"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID  string `xml:"numId,attr"`
			Abs struct {
				Val string `xml:"val,attr"`
			} `xml:"abstractNumId"`
		} `xml:"num"`
	}
	n := &numbering{levels: map[string]map[int]numLevel{}, count: map[string][]int{}}
	if xml.Unmarshal(data, &x) != nil {
		return n
	}
	abs := map[string]map[int]numLevel{}
	for _, a := range x.Abstract {
		lv := map[int]numLevel{}
		for _, l := range a.Lvls {
			start := 1
			if l.Start.Val != "" {
				start = atoi(l.Start.Val)
			}
			lv[l.Ilvl] = numLevel{format: l.NumFmt.Val, text: l.LvlText.Val, start: start}
		}
		abs[a.ID] = lv
	}
	for _, num := range x.Nums {
		if lv, ok := abs[num.Abs.Val]; ok {
			n.levels[num.ID] = lv
		}
	}
	return n
}

// label returns the next list label of a list at a level: "a.", "2)", "•".
func (n *numbering) label(numID string, ilvl int) string {
	lv, ok := n.levels[numID]
	if !ok {
		return ""
	}
	def, ok := lv[ilvl]
	if !ok {
		return ""
	}
	c := n.count[numID]
	for len(c) <= ilvl {
		c = append(c, 0)
	}
	if c[ilvl] == 0 {
		c[ilvl] = def.start
	} else {
		c[ilvl]++
	}
	for i := ilvl + 1; i < len(c); i++ {
		c[i] = 0
	}
	n.count[numID] = c
	switch def.format {
	case "bullet":
		return "•"
	case "none":
		return ""
	}
	out := def.text
	for i := 0; i <= ilvl && i < 9; i++ {
		v := c[i]
		if v == 0 {
			v = 1
		}
		out = strings.ReplaceAll(out, "%"+strconv.Itoa(i+1), formatNumber(v, lv[i].format))
	}
	return out
}

func formatNumber(n int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		s := ""
		for n > 0 {
			n--
			s = string(rune('a'+n%26)) + s
			n /= 26
		}
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// coreProps reads the title and the last-saved date (YYYY-MM-DD) from
// docProps/core.xml.
func coreProps(data []byte) (title, saved string) {
	var x struct {
		Title    string `xml:"title"`
		Modified string `xml:"modified"`
		Created  string `xml:"created"`
	}
	if xml.Unmarshal(data, &x) != nil {
		return "", ""
	}
	for _, s := range []string{x.Modified, x.Created} {
		if len(s) >= 10 && reISO.MatchString(s[:10]) {
			return strings.TrimSpace(x.Title), s[:10]
		}
	}
	return strings.TrimSpace(x.Title), ""
}
