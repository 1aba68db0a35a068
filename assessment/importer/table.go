package importer

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/csa-tool/csa/codes"
)

// This file is the table model every reader produces, and the one pass that
// turns its lines into provision records: it finds header rows (and ignores
// repeated ones), separator rows and section titles, tells must tables from
// should tables, joins rows a page break split, and unpicks a row whose
// cells were extracted line by line around its number.

// Where is a place in the source document, for messages.
type Where struct {
	Line  int    // text and CSV: the line
	Sheet string // XLSX: the sheet
	Table int    // Word: the table (1-based); 0 outside tables
	Row   int    // Word and XLSX: the row in its table or sheet (1-based)
	Para  int    // Word and web pages: the paragraph outside tables (1-based)
	File  string // set when several files make one assessment
	seq   int    // the line's place in the document, to sort notes
}

func (w Where) String() string {
	switch {
	case w.Line > 0:
		return fmt.Sprint(w.Line)
	case w.Sheet != "":
		return fmt.Sprintf("sheet %q, row %d", w.Sheet, w.Row)
	case w.Table > 0:
		return fmt.Sprintf("table %d, row %d", w.Table, w.Row)
	case w.Para > 0:
		return fmt.Sprintf("paragraph %d", w.Para)
	}
	return ""
}

// Line is one line of a document as a reader saw it: a table row's cells,
// or a paragraph outside any table (Para, one cell), or an empty line of
// extracted text (Blank: often where a page broke).
type Line struct {
	Cells []string // raw text; may hold HTML fragments and line breaks
	// Merged marks cells that continue a vertical merge from the row above
	// (Word's vMerge, a merged range in a sheet); the cell's text is the
	// merged cell's text.
	Merged []bool
	Para   bool
	Blank  bool
	// Heading marks a paragraph that is a heading (a web page's h1 to h6,
	// an accordion's summary, a paragraph in bold): it ends the provision
	// before it in the stacked layout unless it starts one or is a label.
	Heading bool
	// Inferred marks a header row csa made up from the columns' content,
	// for a table that has none.
	Inferred bool
	// Found are a header row's columns found from the rows under it,
	// whatever the header calls them (a column of provision numbers under
	// "Ref no"), by index.
	Found map[int]column
	Table int // the source table or sheet (1-based); 0 for text and CSV
	Where Where
	// Said is what the reader had to say about the line: a guess it made
	// in reading it, reported as a note at the line's place.
	Said []string
	// Footer marks a line after the end of a page's content ("Was this
	// page helpful?"): read for details, not reported as text left out.
	Footer bool
}

// doc is what a reader hands over: its lines and the document's own details.
type doc struct {
	lines []Line
	title string          // a title from the file's properties, if any
	saved string          // the file's last-saved date, if it has one (YYYY-MM-DD)
	notes []Note          // what the reader itself had to say
	stack bool            // the lines are a stacked "label / value" layout
	paged bool            // text extracted from pages: a row without a number is a page break
	meta  map[string]Meta // details read from "Label: value" lines
	// preamble is the paragraphs before the first table: titles.
	preamble []string
	// A web page's own details: its first heading, the site's name, and
	// every line of the page, chrome included, where a footer may say when
	// the page was last reviewed.
	heading   Meta
	sites     []string // a web page's names for its site: metadata, the logo's alt text
	pageLines []Line
	web       bool
	seq0      int    // where its lines start in the order of notes (several files)
	name      string // the file's name, when several files are read
}

// Meta is a document detail and where it was read.
type Meta struct {
	Value string
	Where Where
}

// record is one provision's row (or rows) of a table.
type record struct {
	id     string
	idRest string // text after the id in its cell ("5.16 the c")
	lost   bool   // the row has no provision number
	hdr    *header
	cells  []string // cell text by column of hdr, actions excluded
	acts   []actionCells
	extra  []string // cells beyond the header, "Column N: text"
	where  Where
	ctx    context
	// more holds the text later rows add to a cell (by column; -1 for
	// idRest), put together once the table is read (settle): joining row
	// by row made a long run of rows quadratic.
	more map[int][]string
}

// actionCells are the action-plan cells of one action.
type actionCells struct {
	text, owner, due, status, completed string
	where                               Where
	more                                [5][]string // text later rows add to each field, for settle
}

func (a actionCells) empty() bool {
	return a.text == "" && a.owner == "" && a.due == "" && a.status == "" && a.completed == ""
}

// context is where a table sits in the document.
type context struct {
	section    int
	stage      string // "stage 1"
	table      int    // the table's number in the document
	obligation string // must | should | "" (not said)
	second     bool   // a second table in its section or stage with no title: the should table
}

func (r *record) cell(c column) string {
	if i := r.hdr.index(c); i >= 0 && i < len(r.cells) {
		if more, ok := r.more[i]; ok {
			// Asked for before the table is read to the end: join its
			// pieces now, once.
			r.cells[i] = joinAll(r.cells[i], more)
			delete(r.more, i)
		}
		return r.cells[i]
	}
	return ""
}

// add puts text a later row brings into column i (-1: idRest): the first
// piece in place, so a cell's emptiness is known at once, the others kept
// for settle.
func (r *record) add(i int, t string) {
	at := &r.idRest
	if i >= 0 {
		at = &r.cells[i]
	}
	if *at == "" && len(r.more[i]) == 0 {
		*at = t
		return
	}
	if r.more == nil {
		r.more = map[int][]string{}
	}
	r.more[i] = append(r.more[i], t)
}

// settle joins the text later rows brought to each cell and action.
func (r *record) settle() {
	for i, more := range r.more {
		if i < 0 {
			r.idRest = joinAll(r.idRest, more)
		} else {
			r.cells[i] = joinAll(r.cells[i], more)
		}
	}
	r.more = nil
	for k := range r.acts {
		a := &r.acts[k]
		for j, f := range []*string{&a.text, &a.owner, &a.due, &a.status, &a.completed} {
			*f = joinAll(*f, a.more[j])
			a.more[j] = nil
		}
	}
}

// addAction puts a later row's action cells to the action before.
func (a *actionCells) add(b actionCells) {
	for j, f := range []struct {
		at *string
		t  string
	}{{&a.text, b.text}, {&a.owner, b.owner}, {&a.due, b.due}, {&a.status, b.status}, {&a.completed, b.completed}} {
		switch {
		case f.t == "":
		case *f.at == "" && len(a.more[j]) == 0:
			*f.at = f.t
		default:
			a.more[j] = append(a.more[j], f.t)
		}
	}
}

var reID = regexp.MustCompile(`^(?i:(?:code\s+)?(?:provision|section|para(?:graph)?|clause|ref(?:erence)?|no)\.?\s*)?(\d{1,2})\.(\d{1,3})(?:$|[^\w.]|\.$|\.\s|\.[^\d])`)

// parseID reads a provision id at the start of a provision cell: "6.10",
// "Provision 6.10", "5.16 the c" (id 5.16, rest "the c"). A clause number
// such as 3.4.1 is not an id.
func parseID(cell string) (id, rest string, ok bool) {
	t := strings.TrimSpace(cellText(cell))
	m := reID.FindStringSubmatchIndex(t)
	if m == nil {
		return "", "", false
	}
	sec, num := t[m[2]:m[3]], t[m[4]:m[5]]
	sec = strings.TrimLeft(sec, "0")
	num = strings.TrimLeft(num, "0")
	if sec == "" || num == "" {
		return "", "", false
	}
	rest = strings.TrimSpace(strings.TrimLeft(t[m[5]:], ".:;-–— \t"))
	return sec + "." + num, rest, true
}

var (
	reSection = regexp.MustCompile(`^(?i:section)\s+(\d{1,2})(?:\s*$|\s*[:–—-]|\s+\p{Lu})`)
	reStage   = regexp.MustCompile(`^(?i:stage)\s+(?i:(\d|one|two|three))(?:\s*$|\s*[:–—-]|\s+(?i:complaints?)\s*$)`)
	reMust    = regexp.MustCompile(`(?i)\bmandatory\b|["“”']must["“”']|\bmust requirements\b`)
	reShould  = regexp.MustCompile(`(?i)\bbest practice\b|\bgood practice\b|["“”']should["“”']|\bshould requirements\b`)
	reDashes  = regexp.MustCompile(`^[-–—_=~.\s]+$`)
)

// assembler walks a document's lines and builds its records.
type assembler struct {
	d        *doc
	records  []*record
	notes    []Note
	text     []string // paragraphs outside tables: titles and anything else
	preamble []string // the paragraphs before the first table
	hdr      *header
	headers  []*header
	ctx      context
	pending  string // must | should, from a title not yet followed by its table
	tables   int    // tables started in the current section or stage
	srcTab   int    // the source table of the current header (Word, XLSX)
	block    []Line // data rows since the last blank line, title or header
	seenHdr  bool
	outside  int // paragraphs after the first table that are not imported
}

// maxOutsideNotes is how many paragraphs outside the tables are named one
// by one; the rest are counted in one note, so a document of thousands of
// stray paragraphs does not bury the notes that matter.
const maxOutsideNotes = 50

func (a *assembler) note(w Where, id, format string, args ...any) {
	a.notes = append(a.notes, Note{Where: w, Provision: id, Message: fmt.Sprintf(format, args...)})
}

// assemble turns lines into records.
func assemble(d *doc) *assembler {
	a := &assembler{d: d}
	for i, l := range d.lines {
		l.Where.seq = d.seq0 + i + 1
		a.line(l)
	}
	a.flush()
	for _, r := range a.records {
		r.settle()
	}
	if more := a.outside - maxOutsideNotes; more > 0 {
		a.note(Where{seq: len(d.lines) + 1}, "", "%s outside the tables %s not imported either (the first %d are listed above)",
			plural(more, "more paragraph"), map[bool]string{true: "was", false: "were"}[more == 1], maxOutsideNotes)
	}
	return a
}

func (a *assembler) line(l Line) {
	for _, s := range l.Said {
		a.note(l.Where, "", "%s", s)
	}
	switch {
	case l.Blank:
		a.flush()
		return
	case l.Para:
		a.flush()
		a.paragraph(l)
		return
	}
	if isSeparator(l.Cells) {
		a.flush()
		return
	}
	if h, ok := parseHeader(l.Cells); ok {
		a.flush()
		h.inferred = l.Inferred
		for i, c := range l.Found {
			if i < len(h.cols) {
				h.use(i, c)
			}
		}
		a.header(h, l)
		return
	}
	if t, ok := detailRow(l.Cells); ok {
		// "Landlord" | "Example Homes": a detail, in a table of its own or
		// a spreadsheet's cells.
		a.flush()
		a.paragraph(Line{Cells: []string{t}, Para: true, Where: l.Where})
		return
	}
	if a.hdr == nil {
		// A row before any header: a title in a cell, or a table csa cannot read.
		if t := strings.TrimSpace(strings.Join(nonEmpty(l.Cells), " ")); t != "" {
			a.paragraph(Line{Cells: []string{t}, Para: true, Where: l.Where})
		}
		return
	}
	if only, i := singleCell(l.Cells); only != "" && (a.hdr.cols[safe(i, len(a.hdr.cols))] == colID || i == 0) {
		if _, _, ok := parseID(only); !ok && looksLikeTitle(only) {
			a.flush()
			a.paragraph(Line{Cells: []string{only}, Para: true, Where: l.Where})
			return
		}
	}
	if l.Table != a.srcTab && l.Table != 0 {
		// A new Word table or sheet with no header of its own continues the last.
		a.srcTab = l.Table
	}
	a.block = append(a.block, l)
}

func safe(i, n int) int {
	if i < n {
		return i
	}
	return 0
}

// looksLikeTitle is true for a lone cell that is a section, stage or
// must/should title, or a document detail.
func looksLikeTitle(s string) bool {
	t := strings.TrimSpace(cellText(s))
	if _, _, ok := parseMeta(t); ok {
		return true
	}
	if _, _, ok := parseApproval(t); ok {
		return true
	}
	return reSection.MatchString(t) || (reStage.MatchString(t) && len(t) < 40) ||
		((reMust.MatchString(t) || reShould.MatchString(t)) && len(t) < 80) || sectionTitle(t) >= 0
}

func (a *assembler) paragraph(l Line) {
	t := strings.TrimSpace(cellText(strings.Join(l.Cells, " ")))
	if t == "" {
		return
	}
	a.text = append(a.text, t)
	if !a.seenHdr {
		a.preamble = append(a.preamble, t)
	}
	first := strings.SplitN(t, "\n", 2)[0]
	switch {
	case reSection.MatchString(first):
		m := reSection.FindStringSubmatch(first)
		a.ctx.section, a.ctx.stage, a.pending, a.tables = atoi(m[1]), "", "", 0
	case sectionTitle(first) >= 0:
		// "2. Exclusions", "Putting things right": a section's title
		// without the word Section.
		a.ctx.section, a.ctx.stage, a.pending, a.tables = sectionTitle(first), "", "", 0
	case reStage.MatchString(first) && len(first) < 40:
		m := reStage.FindStringSubmatch(first)
		n := map[string]string{"one": "1", "two": "2", "three": "3"}[strings.ToLower(m[1])]
		if n == "" {
			n = m[1]
		}
		a.ctx.stage, a.pending, a.tables = "stage "+n, "", 0
	case reShould.MatchString(first) && len(first) < 80:
		a.pending = "should"
	case reMust.MatchString(first) && len(first) < 80:
		a.pending = "must"
	default:
		if by, on, ok := parseApproval(first); ok {
			a.meta("approved by", by, l.Where)
			a.meta("approved on", on, l.Where)
			return
		}
		if kind, val, ok := parseMeta(first); ok {
			a.meta(kind, val, l.Where)
			return
		}
		if _, _, ok := pageDateLabel(first); ok {
			return // "Last updated 12 June 2025": a detail, read by details
		}
		if a.seenHdr && !l.Footer {
			if a.outside++; a.outside <= maxOutsideNotes {
				a.note(l.Where, "", "text outside the tables was not imported: %q", clip(t, 70))
			}
		}
	}
}

// meta keeps the first value of a document detail.
func (a *assembler) meta(kind, val string, w Where) {
	if a.d.meta == nil {
		a.d.meta = map[string]Meta{}
	}
	if _, seen := a.d.meta[kind]; !seen {
		a.d.meta[kind] = Meta{Value: val, Where: w}
	}
}

func (a *assembler) header(h *header, l Line) {
	h.where = l.Where
	if a.hdr != nil && l.Table != 0 && l.Table == a.srcTab && sameHeader(a.hdr, h) && a.pending == "" && a.tables > 0 {
		return // a header row repeated inside one Word table or sheet
	}
	a.hdr, a.seenHdr, a.srcTab = h, true, l.Table
	a.headers = append(a.headers, h)
	a.ctx.table++
	a.ctx.obligation, a.ctx.second = a.pending, false
	if a.pending == "" && a.tables > 0 {
		a.ctx.obligation, a.ctx.second = "should", true
	}
	a.pending = ""
	a.tables++
}

func sameHeader(x, y *header) bool {
	if len(x.labels) != len(y.labels) {
		return false
	}
	for i := range x.labels {
		if !strings.EqualFold(x.labels[i], y.labels[i]) {
			return false
		}
	}
	return true
}

func sameColumns(x, y *header) bool {
	if x == y {
		return true
	}
	if len(x.cols) != len(y.cols) {
		return false
	}
	for i := range x.cols {
		if x.cols[i] != y.cols[i] {
			return false
		}
	}
	return true
}

func isSeparator(cells []string) bool {
	any := false
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if !reDashes.MatchString(c) {
			return false
		}
		any = true
	}
	return any
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			out = append(out, strings.TrimSpace(c))
		}
	}
	return out
}

// singleCell returns the only non-empty cell of a row and its index.
func singleCell(cells []string) (string, int) {
	only, at := "", -1
	for i, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		if at >= 0 {
			return "", -1
		}
		only, at = c, i
	}
	return only, at
}

// flush turns the rows gathered since the last break into records.
func (a *assembler) flush() {
	rows := a.block
	a.block = nil
	if len(rows) == 0 {
		return
	}
	rows = a.aligned(rows)
	rows = a.mergedAnswers(rows)
	if a.interleaved(rows) {
		a.interleave(rows)
		return
	}
	for _, r := range rows {
		a.row(r)
	}
}

// aligned moves a row's cells right when the provision cell is missing
// altogether (the extraction dropped it), so the answer sits under the
// answer header: "requirement<TAB>Yes<TAB>evidence" under four headers.
func (a *assembler) aligned(rows []Line) []Line {
	ci := a.hdr.index(colComply)
	if ci <= 0 {
		return rows
	}
	for k, r := range rows {
		width := 0 // cells up to the last one with text
		for i, c := range r.Cells {
			if strings.TrimSpace(c) != "" {
				width = i + 1
			}
		}
		if width >= len(a.hdr.cols) || (ci < len(r.Cells) && answerCell(r.Cells[ci])) {
			continue
		}
		for j := ci - 1; j >= 0 && j < len(r.Cells); j-- {
			if !answerCell(r.Cells[j]) {
				continue
			}
			shift := ci - j
			if width+shift > len(a.hdr.cols) {
				break
			}
			if _, _, isID := parseID(r.Cells[0]); isID {
				break
			}
			cells := append(make([]string, shift, width+shift), r.Cells[:width]...)
			rows[k].Cells = cells
			if r.Merged != nil {
				rows[k].Merged = append(make([]bool, shift), r.Merged[:min(width, len(r.Merged))]...)
			}
			a.note(r.Where, "", "the row has %s fewer than its header: its cells were moved %s so the answer %q sits under %q",
				plural(shift, "cell"), map[bool]string{true: "one column right", false: fmt.Sprintf("%d columns right", shift)}[shift == 1],
				answerKey(r.Cells[j]), a.hdr.labels[ci])
			break
		}
	}
	return rows
}

// mergedAnswers gives an answer cell back to a copied row that lost it: a
// table whose answer is merged down over several rows (rowspan, Word's
// merged cells) is copied as text with no cell at all in the rows below,
// so such a row is one cell short and its evidence sits under the answer
// header. A numbered row one cell short, whose cell under that header is
// not an answer, below a row that has one, takes that answer, marked as
// merged, as the page shows it. Plain text only: pages, Word and sheets
// keep their merged cells.
func (a *assembler) mergedAnswers(rows []Line) []Line {
	ci := a.hdr.index(colComply)
	if ci < 0 || ci+1 >= len(a.hdr.cols) {
		return rows
	}
	above := ""
	if prev := a.last(); prev != nil && sameColumns(prev.hdr, a.hdr) && answerCell(prev.cell(colComply)) {
		above = prev.cell(colComply)
	}
	for k, r := range rows {
		if r.Table != 0 {
			return rows
		}
		if a.rowID(r) == "" {
			continue
		}
		if len(r.Cells) != len(a.hdr.cols)-1 || ci >= len(r.Cells) || r.Merged != nil {
			above = ""
			if ci < len(r.Cells) && answerCell(r.Cells[ci]) {
				above = r.Cells[ci]
			}
			continue
		}
		t := strings.TrimSpace(cellText(r.Cells[ci]))
		if _, _, ok := parseAnswer(t); ok || t == "" || above == "" {
			above = ""
			continue
		}
		cells := append(append(append(make([]string, 0, len(r.Cells)+1), r.Cells[:ci]...), above), r.Cells[ci:]...)
		merged := make([]bool, len(cells))
		merged[ci] = true
		rows[k].Cells, rows[k].Merged = cells, merged
		id := a.rowID(rows[k])
		a.note(r.Where, id, "%s has no cell under %q, as when the answer %q above is merged down over it: it takes that answer, and %q is read as its %s",
			id, a.hdr.labels[ci], clip(cellText(above), 30), clip(t, 40), a.hdr.labels[ci+1])
	}
	return rows
}

// answerCell reports whether a cell holds just an answer.
func answerCell(s string) bool {
	c, exact, ok := parseAnswer(s)
	return ok && exact && c != ""
}

// interleaved reports whether a run of rows is one row whose cells were
// extracted line by line, its number on a middle line: unnumbered lines, one
// numbered line, unnumbered lines, with no answer before the number while
// the row before is complete. Plain text only: Word and sheets keep cells.
func (a *assembler) interleaved(rows []Line) bool {
	if len(rows) < 3 || rows[0].Table != 0 {
		return false
	}
	at := -1
	for i, r := range rows {
		if a.rowID(r) != "" {
			if at >= 0 {
				return false
			}
			at = i
		}
	}
	if at <= 0 || at == len(rows)-1 {
		return false
	}
	ci := a.hdr.index(colComply)
	for _, r := range rows[:at] {
		if ci >= 0 && ci < len(r.Cells) && strings.TrimSpace(r.Cells[ci]) != "" {
			return false
		}
	}
	prev := a.last()
	return prev != nil && (ci < 0 || prev.cell(colComply) != "")
}

func (a *assembler) interleave(rows []Line) {
	idx := a.idCol()
	rec := &record{hdr: a.hdr, cells: make([]string, len(a.hdr.cols)), where: rows[0].Where, ctx: a.ctx}
	for _, r := range rows {
		if id := a.rowID(r); id != "" {
			_, rest, _ := parseIDCell(r.Cells[idx])
			rec.id = id
			r.Cells = append([]string(nil), r.Cells...)
			r.Cells[idx] = rest
		}
		a.appendCells(rec, r, false)
	}
	a.records = append(a.records, rec)
	a.note(rows[0].Where, rec.id, "the row of %s was extracted line by line around its number (lines %d to %d): its lines were joined",
		rec.id, rows[0].Where.Line, rows[len(rows)-1].Where.Line)
}

// rowID is the provision id in a row's provision cell, or "".
// idCol is the column that holds a row's provision number: the provision
// column, or with none the requirement ("1.2 A complaint must be...").
func (a *assembler) idCol() int {
	if i := a.hdr.index(colID); i >= 0 {
		return i
	}
	return a.hdr.index(colRequirement)
}

func (a *assembler) rowID(r Line) string {
	i := a.idCol()
	if i < 0 || i >= len(r.Cells) || (r.Merged != nil && i < len(r.Merged) && r.Merged[i]) {
		return ""
	}
	id, _, _ := parseIDCell(r.Cells[i])
	return id
}

var reIDPrefix = regexp.MustCompile(`^\s*(?:<[^>]{0,40}>\s*)?[A-Z]{2,5}[\s:\-–]*(\d)`)

// parseIDCell reads the provision column's cell: a provision number, also
// after a short code of the landlord's own ("CHC 1.2", "HOS-1.2").
func parseIDCell(cell string) (id, rest string, ok bool) {
	if id, rest, ok = parseID(cell); ok {
		return id, rest, ok
	}
	if m := reIDPrefix.FindStringSubmatchIndex(cell); m != nil {
		return parseID(cell[m[2]:])
	}
	return "", "", false
}

func (a *assembler) last() *record {
	if len(a.records) == 0 {
		return nil
	}
	return a.records[len(a.records)-1]
}

// row places one data row: a new provision, a provision whose number was
// lost, or the continuation of the row before.
func (a *assembler) row(r Line) {
	if len(nonEmpty(r.Cells)) == 0 {
		return
	}
	if a.rowID(r) != "" {
		a.newRecord(r)
		return
	}
	prev := a.last()
	ci := a.hdr.index(colComply)
	answer := ci >= 0 && ci < len(r.Cells) && strings.TrimSpace(r.Cells[ci]) != "" && !(r.Merged != nil && ci < len(r.Merged) && r.Merged[ci])
	mergedID := r.Merged != nil && a.hdr.index(colID) >= 0 && a.hdr.index(colID) < len(r.Merged) && r.Merged[a.hdr.index(colID)]
	switch {
	case prev == nil || !sameColumns(prev.hdr, a.hdr) || (answer && prev.cell(colComply) != "" && !mergedID) || (!a.hdr.has(colID) && answer):
		rec := a.newRecord(r)
		rec.lost = true
	default:
		a.appendCells(prev, r, true)
		what := "the row above"
		if prev.id != "" {
			what = prev.id
		}
		why := "the row was split in two"
		if a.d.paged {
			why = "a page break split it"
		}
		a.note(r.Where, prev.id, "a row without a provision number continues %s (%s): joined to it", what, why)
	}
}

func (a *assembler) newRecord(r Line) *record {
	rec := &record{hdr: a.hdr, cells: make([]string, len(a.hdr.cols)), where: r.Where, ctx: a.ctx}
	if i := a.hdr.index(colID); i >= 0 && i < len(r.Cells) {
		var ok bool
		rec.id, rec.idRest, ok = parseIDCell(r.Cells[i])
		if t := cellText(r.Cells[i]); !ok && t != "" {
			// "5.19a", "New": not a number csa reads, kept as written.
			rec.extra = append(rec.extra, a.hdr.labels[i]+": "+t)
			a.note(r.Where, "", "%q in the %s column is not a provision number: kept in the commentary", clip(t, 30), a.hdr.labels[i])
		}
		r.Cells = append([]string(nil), r.Cells...)
		r.Cells[i] = ""
	} else if i := a.hdr.index(colRequirement); i >= 0 && i < len(r.Cells) && a.hdr.index(colID) < 0 {
		// No provision column: the number starts the requirement.
		if id, rest, ok := parseID(r.Cells[i]); ok {
			rec.id = id
			r.Cells = append([]string(nil), r.Cells...)
			r.Cells[i] = rest
		}
	}
	a.appendCells(rec, r, false)
	a.records = append(a.records, rec)
	return rec
}

// appendCells adds a row's cells to a record, column by column. Action
// cells of a continuation that bring their own owner or date, where the
// action before already has one, are a second action, not more of the first.
func (a *assembler) appendCells(rec *record, r Line, continuation bool) {
	var act actionCells
	act.where = r.Where
	beyond := 0
	for i, raw := range r.Cells {
		merged := r.Merged != nil && i < len(r.Merged) && r.Merged[i]
		if merged && continuation {
			continue // the same cell as the row above, already read
		}
		t := cellText(raw)
		if t == "" {
			continue
		}
		if i >= len(rec.hdr.cols) {
			rec.extra = append(rec.extra, fmt.Sprintf("Column %d: %s", i+1, t))
			beyond++
			continue
		}
		switch rec.hdr.cols[i] {
		case colAction:
			act.text = t
		case colOwner:
			act.owner = t
		case colDue:
			act.due = t
		case colStatus:
			act.status = t
		case colCompleted:
			act.completed = t
		case colID:
			if continuation {
				rec.extra = append(rec.extra, rec.hdr.labels[i]+": "+t)
			} else {
				rec.add(-1, t)
			}
		default:
			rec.add(i, t)
		}
	}
	switch {
	case beyond == 1:
		a.note(r.Where, rec.id, "a cell beyond the table's %d columns was kept in the commentary", len(rec.hdr.cols))
	case beyond > 1:
		a.note(r.Where, rec.id, "%d cells beyond the table's %d columns were kept in the commentary", beyond, len(rec.hdr.cols))
	}
	if act.empty() {
		return
	}
	if len(rec.acts) == 0 {
		rec.acts = append(rec.acts, act)
		return
	}
	last := &rec.acts[len(rec.acts)-1]
	if continuation && act.text != "" && (act.owner != "" && last.owner != "" || act.due != "" && last.due != "") {
		rec.acts = append(rec.acts, act)
		return
	}
	last.add(act)
}

func plural(n int, word string) string {
	if n == 1 {
		return "one " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// clip shortens text for a message.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimRight(string(r[:n]), " ,.;:") + "…"
}

// sectionTitle reads a line that is a section's title in either Code,
// with or without its number ("2. Exclusions", "Complaint stages"): the
// number it gives, 0 when it gives none, or -1 when it is not a title.
func sectionTitle(line string) int {
	if len(line) > 100 {
		return -1
	}
	m := reSectionLine.FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		return -1
	}
	if _, ok := sectionKeys()[sectionKey(m[2])]; !ok {
		return -1
	}
	return atoi(m[1])
}

// sectionKeys are the section titles of both built-in Codes, as keys.
var sectionKeys = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, id := range []string{"chc-2022", "chc-2024"} {
		if cat, err := codes.Lookup(id, ""); err == nil {
			for n := 1; n <= 12; n++ {
				if t := cat.SectionTitle(n); t != "" {
					out[sectionKey(t)] = true
				}
			}
		}
	}
	return out
})
