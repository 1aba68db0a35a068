package workbook

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/ooxml"
	"github.com/csa-tool/csa/codes"
)

// CellError is a problem with one cell of a workbook being read.
type CellError struct {
	Sheet string
	Cell  string // "D5"; "" when the problem is the sheet as a whole
	Msg   string
}

func (e *CellError) Error() string {
	if e.Cell == "" {
		return fmt.Sprintf("sheet %q: %s", e.Sheet, e.Msg)
	}
	return fmt.Sprintf("sheet %q, cell %s: %s", e.Sheet, e.Cell, e.Msg)
}

// maxRows is the last row Read reads of a sheet of csa's workbook.
const maxRows = 100000

// Read reads back a workbook that Write produced, perhaps edited since in a
// spreadsheet. ok is false, with no error, when the workbook is not csa's
// (its Summary sheet has no "Written by csa" row), so an importer can read
// it as a generic spreadsheet instead; err is set when the file is not a
// workbook at all, or is csa's but a cell cannot be read (the error names
// the sheet and cell).
//
// Read finds columns by their header, so columns may be moved. It takes the
// assessment's facts from the Summary sheet, one answer from each row of the
// Self-assessment sheet, and the actions from the Action plan, matched to
// answers by Code provision. The columns Write derives (Section, Obligation,
// Overdue, Days overdue, Code title, Overdue as at) are not read back. A row
// for a provision the file did not answer (listed under "Not in the file")
// is left out unless something has been written in it. The Code requirement
// cell becomes the answer's requirement only when its source is the
// landlord's wording, or when it differs from the catalogue's text and
// summary (it was edited); otherwise requirement is left empty, as it was.
// A column Read does not know is kept in the answer's commentary (or the
// action's text) as "Header: value" lines, so nothing typed is lost.
//
// A group's workbook has an Entities sheet, and an Entity column on the
// Self-assessment sheet (a row naming an entity holds what it gives of its
// own; its blank cells are the group's) and on the Action plan (blank or
// "All entities" for the group's action).
//
// For a workbook Write produced, Read(Write(a)) equals a apart from file
// positions, File, the order of the answers, which comes back in
// provision order (a provision answered twice keeps its file order), and
// the order of a provision's entities, which comes back in the group's.
func Read(r io.Reader) (a *assessment.Assessment, ok bool, err error) {
	data, err := io.ReadAll(io.LimitReader(r, ooxml.MaxFile+1))
	if err != nil {
		return nil, false, errors.New("the workbook cannot be read")
	}
	b, err := Open(data)
	if err != nil {
		if ooxml.IsLimit(err) {
			return nil, false, err
		}
		return nil, false, ErrNotWorkbook
	}
	return ReadBook(b)
}

// ReadBook is Read for a workbook already opened.
func ReadBook(b *Book) (a *assessment.Assessment, ok bool, err error) {
	defer func() {
		// Whatever a hostile file does, the caller gets an error, never a
		// crash.
		if p := recover(); p != nil {
			a, ok, err = nil, false, errors.New("the workbook is damaged and cannot be read")
		}
	}()
	rd := &reader{b: b, date1904: b.date1904}

	summary, found, sumErr := rd.sheet(SheetSummary)
	if ooxml.IsLimit(sumErr) {
		return nil, false, sumErr
	}
	if !found || summary == nil && sumErr != nil {
		return nil, false, nil
	}
	facts := map[string]string{}
	factCell := map[string]string{}
	marker := false
	for i, row := range summary {
		if len(row) == 0 {
			continue
		}
		key := strings.TrimSpace(row[0])
		val := ""
		if len(row) > 1 {
			val = row[1]
		}
		if norm(key) == norm(KeyWrittenBy) {
			marker = true
			if err := checkVersion(val, cellName(2, i+1)); err != nil {
				return nil, true, err
			}
			continue
		}
		if _, dup := facts[norm(key)]; !dup && key != "" {
			facts[norm(key)], factCell[norm(key)] = val, cellName(2, i+1)
		}
	}
	if !marker {
		return nil, false, nil
	}
	if sumErr != nil {
		// csa's, with something beyond the columns read.
		return nil, true, sumErr
	}

	a = &assessment.Assessment{
		Code:      strings.TrimSpace(facts[norm(KeyCode)]),
		Landlord:  text(facts[norm(KeyLandlord)]),
		Period:    text(facts[norm(KeyPeriod)]),
		Published: text(facts[norm(KeyPublished)]),
	}
	if a.Code == "" {
		return nil, true, &CellError{Sheet: SheetSummary, Cell: factCell[norm(KeyCode)], Msg: "the Code is blank: name the Code assessed against, e.g. chc-2024"}
	}
	if a.Assessed, err = rd.date(facts[norm(KeyAssessed)], SheetSummary, factCell[norm(KeyAssessed)]); err != nil {
		return nil, true, err
	}
	by, onText := facts[norm(KeyApprovedBy)], facts[norm(KeyApprovedOn)]
	if strings.TrimSpace(by) != "" || strings.TrimSpace(onText) != "" {
		on, err := rd.date(onText, SheetSummary, factCell[norm(KeyApprovedOn)])
		if err != nil {
			return nil, true, err
		}
		a.Approved = &assessment.Approval{By: text(by), On: on}
	}
	a.Introduction = text(facts[norm(KeyIntro)])
	by, onText = facts[norm(KeyResponseBy)], facts[norm(KeyResponseOn)]
	if said := facts[norm(KeyResponse)]; strings.TrimSpace(by) != "" || strings.TrimSpace(onText) != "" || strings.TrimSpace(said) != "" {
		on, err := rd.date(onText, SheetSummary, factCell[norm(KeyResponseOn)])
		if err != nil {
			return nil, true, err
		}
		a.Response = &assessment.Response{By: text(by), On: on, Text: text(said)}
	}
	missing := map[string]bool{}
	for _, id := range strings.Split(facts[norm(KeyMissing)], ",") {
		if id = strings.TrimSpace(id); id != "" {
			missing[id] = true
		}
	}
	cat, _ := codes.Lookup(a.Code, "") // only to recognise unedited requirement cells

	if a.Entities, err = rd.entities(); err != nil {
		return nil, true, err
	}
	actions, err := rd.actions()
	if err != nil {
		return nil, true, err
	}
	if err := rd.form(a, cat, missing, actions); err != nil {
		return nil, true, err
	}
	return a, true, nil
}

// entities reads a group's Entities sheet, if there is one: each row an
// entity, its name and registration number.
func (rd *reader) entities() ([]assessment.Entity, error) {
	if !rd.b.HasSheet(SheetEntities) {
		return nil, nil
	}
	t, err := rd.table(SheetEntities, entityCols, ColEntity)
	if err != nil {
		return nil, err
	}
	var out []assessment.Entity
	for i := range t.rows {
		if t.blank(i) {
			continue
		}
		e := assessment.Entity{Name: strings.TrimSpace(t.val(i, ColEntity)), Registration: strings.TrimSpace(t.val(i, ColRegistration))}
		if e.Name == "" {
			return nil, t.errorf(t.cell(i, ColEntity), "this row has no entity's name: give the name of each entity of the group")
		}
		if extra := t.extras(i); len(extra) > 0 {
			return nil, t.errorf(t.cell(i, ColEntity), "the entity %s has cells under headers csa does not know (%s): an entity has a name and a registration number", clip(e.Name), clip(strings.Join(extra, "; ")))
		}
		out = append(out, e)
	}
	return out, nil
}

// entityOf reads an Entity cell: "" for the group's (blank, or "All
// entities").
func entityOf(v string) string {
	v = strings.TrimSpace(v)
	if norm(v) == norm(AllEntities) {
		return ""
	}
	return v
}

func checkVersion(val, cell string) error {
	v, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(val), "workbook format")))
	switch {
	case err != nil || v < 1:
		return &CellError{Sheet: SheetSummary, Cell: cell, Msg: fmt.Sprintf("%q is not a workbook format csa knows; it should read \"workbook format %d\"", clip(val), FormatVersion)}
	case v > FormatVersion:
		return &CellError{Sheet: SheetSummary, Cell: cell, Msg: fmt.Sprintf("the workbook was written by a newer csa (workbook format %d; this csa reads format %d): update csa", v, FormatVersion)}
	}
	return nil
}

type reader struct {
	b        *Book
	date1904 bool
}

// sheet returns a sheet's cells as text (dates as their serial numbers),
// row i of the result being row i+1 of the sheet, and whether the sheet
// exists. A cell beyond the first MaxColumns columns that holds something
// is an error naming it, returned with the rows, so nothing typed there is
// lost without a word.
func (rd *reader) sheet(name string) ([][]string, bool, error) {
	if !rd.b.HasSheet(name) {
		return nil, false, nil
	}
	s, err := rd.b.ReadSheet(name)
	if err != nil {
		return nil, true, err
	}
	var out [][]string
	if len(s.Rows) > 0 {
		last := 0
		for _, r := range s.Rows {
			last = max(last, r.Row)
		}
		if last > maxRows {
			return nil, true, &CellError{Sheet: name, Msg: fmt.Sprintf("the sheet has more than %d rows", maxRows)}
		}
		out = make([][]string, last)
		for _, r := range s.Rows {
			out[r.Row-1] = r.Cells
		}
	}
	if len(s.Beyond) > 0 {
		c := s.Beyond[0]
		return out, true, &CellError{Sheet: name, Cell: c.String(), Msg: fmt.Sprintf("csa reads only the first %d columns (A to %s), and this cell is beyond them: move what it holds into a column csa reads, or clear it", MaxColumns, lastColumn)}
	}
	return out, true, nil
}

// MaxColumns is how many columns of a sheet ReadSheet reads: far more than
// any assessment table has. A sheet's rows are never widened to a cell far
// to the right, so a stray cell in column XFD (the last) costs nothing.
const MaxColumns = 64

var lastColumn, _ = excelize.ColumnNumberToName(MaxColumns)

// maxBeyond is how many of the cells beyond MaxColumns ReadSheet lists.
const maxBeyond = 100

// Sheet is a sheet as ReadSheet reads it.
type Sheet struct {
	// Rows are the rows with something in their first MaxColumns cells,
	// in order; the rows between them are empty.
	Rows []SheetRow
	// Merged are the sheet's merged ranges, as "A2:A5".
	Merged []string
	// Beyond lists the first cells (up to 100) beyond the first MaxColumns
	// columns that hold something, in the sheet's order; BeyondCount is
	// how many there are in all. Their text is not read.
	Beyond      []CellRef
	BeyondCount int
}

// SheetRow is one row of a sheet: its number (1-based) and its cells'
// values, raw (a date is its serial number), from column A up to the last
// that holds something, at most MaxColumns.
type SheetRow struct {
	Row   int
	Cells []string
}

// CellRef is a cell's place: its column and row, 1-based.
type CellRef struct{ Col, Row int }

// String is the cell's name, "XFD5".
func (c CellRef) String() string { return cellName(c.Col, c.Row) }

// table is a sheet read by its header row.
type table struct {
	sheet   string
	rows    [][]string
	col     map[string]int // normalised header -> column index
	unknown []int          // columns with a header Read does not know
	header  []string
}

func (rd *reader) table(sheet string, known []column, required ...string) (*table, error) {
	rows, found, err := rd.sheet(sheet)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, &CellError{Sheet: sheet, Msg: "the sheet is missing: csa's workbook has sheets \"" + SheetForm + "\", \"" + SheetActions + "\" and \"" + SheetSummary + "\""}
	}
	t := &table{sheet: sheet, col: map[string]int{}}
	if len(rows) == 0 {
		rows = [][]string{{}}
	}
	t.header, t.rows = rows[0], rows[1:]
	names := map[string]bool{}
	for _, c := range known {
		names[norm(c.name)] = true
	}
	for i, h := range t.header {
		n := norm(h)
		if n == "" {
			continue
		}
		if _, dup := t.col[n]; dup {
			return nil, &CellError{Sheet: sheet, Cell: cellName(i+1, 1), Msg: fmt.Sprintf("the header %q appears twice", clip(h))}
		}
		t.col[n] = i
		if !names[n] {
			t.unknown = append(t.unknown, i)
		}
	}
	for _, name := range required {
		if _, ok := t.col[norm(name)]; !ok {
			return nil, &CellError{Sheet: sheet, Cell: "A1", Msg: fmt.Sprintf("no column headed %q in the first row", name)}
		}
	}
	return t, nil
}

// val returns the value under the header name in row i (0 = the first row
// under the header); "" when there is no such column.
func (t *table) val(i int, name string) string {
	c, ok := t.col[norm(name)]
	if !ok || c >= len(t.rows[i]) {
		return ""
	}
	return t.rows[i][c]
}

// cell names the cell under the header name in row i, for messages.
func (t *table) cell(i int, name string) string {
	c, ok := t.col[norm(name)]
	if !ok {
		return cellName(1, i+2)
	}
	return cellName(c+1, i+2)
}

func (t *table) blank(i int) bool {
	for _, v := range t.rows[i] {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// extras are the row's cells under headers Read does not know.
func (t *table) extras(i int) []string {
	var out []string
	for _, c := range t.unknown {
		if c < len(t.rows[i]) && strings.TrimSpace(t.rows[i][c]) != "" {
			out = append(out, strings.TrimSpace(t.header[c])+": "+strings.TrimSpace(t.rows[i][c]))
		}
	}
	return out
}

func (t *table) errorf(cell, format string, args ...any) error {
	return &CellError{Sheet: t.sheet, Cell: cell, Msg: fmt.Sprintf(format, args...)}
}

type readAction struct {
	id, entity string
	act        assessment.Action
	row        int
}

func (rd *reader) actions() ([]readAction, error) {
	t, err := rd.table(SheetActions, withEntity(actionCols), ColProvision, ColAction)
	if err != nil {
		return nil, err
	}
	var out []readAction
	for i := range t.rows {
		if t.blank(i) {
			continue
		}
		id := strings.TrimSpace(t.val(i, ColProvision))
		if id == "" {
			return nil, t.errorf(t.cell(i, ColProvision), "this action has no Code provision: say which provision it belongs to")
		}
		act := assessment.Action{Status: assessment.Open, Text: text(t.val(i, ColAction)), Owner: text(t.val(i, ColOwner))}
		if extra := t.extras(i); len(extra) > 0 {
			act.Text = strings.TrimSpace(act.Text + "\n" + strings.Join(extra, "\n"))
		}
		if strings.TrimSpace(act.Text) == "" {
			return nil, t.errorf(t.cell(i, ColAction), "the action for provision %s is blank: say what will be done", clip(id))
		}
		if act.Due, err = rd.date(t.val(i, ColDue), t.sheet, t.cell(i, ColDue)); err != nil {
			return nil, err
		}
		if act.Completed, err = rd.date(t.val(i, ColCompleted), t.sheet, t.cell(i, ColCompleted)); err != nil {
			return nil, err
		}
		switch v := t.val(i, ColStatus); strings.ToLower(strings.TrimSpace(v)) {
		case "", "open":
		case "done":
			act.Status = assessment.Done
		default:
			return nil, t.errorf(t.cell(i, ColStatus), "status %q should be Open or Done", clip(v))
		}
		switch v := t.val(i, ColDraft); strings.ToLower(strings.TrimSpace(v)) {
		case "", "no", "false", "0":
		case "yes", "true", "1":
			act.Draft = true
		default:
			return nil, t.errorf(t.cell(i, ColDraft), "draft %q should be Yes or blank", clip(v))
		}
		out = append(out, readAction{id: id, entity: entityOf(t.val(i, ColEntity)), act: act, row: i + 2})
	}
	return out, nil
}

func (rd *reader) form(a *assessment.Assessment, cat *codes.Catalogue, missing map[string]bool, actions []readAction) error {
	t, err := rd.table(SheetForm, withEntity(formCols), ColProvision, ColComply)
	if err != nil {
		return err
	}
	hasActions := map[string]bool{}
	for _, ra := range actions {
		hasActions[ra.id] = true
	}
	a.Answers = []assessment.Answer{}
	first := map[string]int{} // provision -> index of its first answer
	type own struct {
		id string
		e  assessment.EntityAnswer
	}
	var owns []own
	for i := range t.rows {
		if t.blank(i) {
			continue
		}
		id := strings.TrimSpace(t.val(i, ColProvision))
		if id == "" {
			return t.errorf(t.cell(i, ColProvision), "this row has no Code provision: give the provision's number, e.g. 6.10")
		}
		v := t.val(i, ColComply)
		c, ok := assessment.ParseComply(v)
		if !ok && !strings.EqualFold(strings.TrimSpace(v), "not answered") {
			return t.errorf(t.cell(i, ColComply), "comply %q for provision %s is not an answer: choose Yes, No, Partial or N/A", clip(v), clip(id))
		}
		if name := entityOf(t.val(i, ColEntity)); name != "" {
			// What an entity gives of its own: its blank cells are the
			// group's. The requirement and the review are the group's.
			for _, col := range []string{ColRequirement, ColReview} {
				if strings.TrimSpace(t.val(i, col)) != "" {
					return t.errorf(t.cell(i, col), "the %s of provision %s is the group's, not %s's: write it on the group's row (the row with no entity)", strings.ToLower(col), clip(id), clip(name))
				}
			}
			e := assessment.EntityAnswer{Name: name, Comply: c, Evidence: text(t.val(i, ColEvidence)),
				Commentary: text(t.val(i, ColCommentary)), Alternative: text(t.val(i, ColAlternative))}
			if extra := t.extras(i); len(extra) > 0 {
				e.Commentary = strings.TrimSpace(e.Commentary + "\n" + strings.Join(extra, "\n"))
			}
			if e.Differs() {
				owns = append(owns, own{id, e})
			}
			continue
		}
		req, ok := requirement(text(t.val(i, ColRequirement)), t.val(i, ColRequirementSource), cat, id)
		if !ok {
			return t.errorf(t.cell(i, ColRequirement), "the Code requirement of provision %s was cut to fit the cell (its end says so) and has been edited since: csa cannot tell your wording from the catalogue's; clear the cell to use the catalogue's text, or write your own wording in place of all of it", clip(id))
		}
		ans := assessment.Answer{
			ID: id, Comply: c,
			Evidence:    text(t.val(i, ColEvidence)),
			Commentary:  text(t.val(i, ColCommentary)),
			Alternative: text(t.val(i, ColAlternative)),
			Review:      text(t.val(i, ColReview)),
			Requirement: req,
		}
		if extra := t.extras(i); len(extra) > 0 {
			ans.Commentary = strings.TrimSpace(ans.Commentary + "\n" + strings.Join(extra, "\n"))
		}
		if missing[id] && !hasActions[id] && ans.Comply == assessment.Unanswered && ans.Evidence == "" &&
			ans.Commentary == "" && ans.Alternative == "" && ans.Review == "" && ans.Requirement == "" {
			continue // the row Write added for a provision the file did not answer, untouched
		}
		if _, dup := first[id]; !dup {
			first[id] = len(a.Answers)
		}
		a.Answers = append(a.Answers, ans)
	}
	for _, o := range owns {
		j, ok := first[o.id]
		if !ok { // an entity's own answer with no row for the group's
			first[o.id] = len(a.Answers)
			j = len(a.Answers)
			a.Answers = append(a.Answers, assessment.Answer{ID: o.id})
		}
		a.Answers[j].Entities = append(a.Answers[j].Entities, o.e)
	}
	for _, ra := range actions {
		j, ok := first[ra.id]
		if !ok {
			cell := cellName(1, ra.row)
			if c, found := t.col[norm(ColProvision)]; found {
				cell = cellName(c+1, ra.row)
			}
			return &CellError{Sheet: SheetActions, Cell: cell, Msg: fmt.Sprintf("provision %s has an action but no row on the %q sheet", clip(ra.id), SheetForm)}
		}
		ans := &a.Answers[j]
		if ra.entity == "" {
			ans.Actions = append(ans.Actions, ra.act)
			continue
		}
		k := slices.IndexFunc(ans.Entities, func(e assessment.EntityAnswer) bool { return e.Name == ra.entity })
		if k < 0 {
			k = len(ans.Entities)
			ans.Entities = append(ans.Entities, assessment.EntityAnswer{Name: ra.entity})
		}
		ans.Entities[k].Actions = append(ans.Entities[k].Actions, ra.act)
	}
	for j := range a.Answers {
		if len(a.Answers[j].Entities) > 0 {
			a.Answers[j].Entities = inGroupOrder(a, a.Answers[j].Entities)
		}
	}
	return nil
}

// requirement decides whether the Code requirement cell is the answer's own
// wording: yes when its source says so; no when it is the catalogue's text
// or summary (or, with no catalogue to compare, when its source says it
// came from there); never when it is the catalogue's text that Write cut
// to fit the cell (fit), whatever its source says. ok is false when that
// cut text has been edited: it is neither the catalogue's nor plainly the
// landlord's.
func requirement(cell, source string, cat *codes.Catalogue, id string) (req string, ok bool) {
	if cut, intact := wasCut(cell); cut {
		if p, found := catProvision(cat, id); intact || found && (cell == p.Text || cell == p.Summary) {
			return "", true
		}
		return "", false
	}
	return requirementOf(cell, source, cat, id), true
}

func catProvision(cat *codes.Catalogue, id string) (*codes.Provision, bool) {
	if cat == nil {
		return nil, false
	}
	return cat.Provision(id)
}

func requirementOf(cell, source string, cat *codes.Catalogue, id string) string {
	if cell == "" || norm(source) == norm(SourceLandlord) {
		return cell
	}
	fromCatalogue := norm(source) == norm(SourceCode) || norm(source) == norm(SourceSummary)
	if cat != nil {
		if p, ok := cat.Provision(id); ok {
			if cell == p.Text || cell == p.Summary {
				return ""
			}
			return cell // edited: the landlord's wording now
		}
	}
	if fromCatalogue {
		return ""
	}
	return cell
}

// date reads a date cell: an Excel date (a serial number), or text written
// as YYYY-MM-DD or "31 May 2025". Blank is no date.
func (rd *reader) date(v, sheet, cell string) (assessment.Date, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return assessment.Date{}, nil
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil {
		if n < 1 || n > 2958465 || math.IsNaN(n) { // 1 January 1900 to 31 December 9999
			return assessment.Date{}, &CellError{Sheet: sheet, Cell: cell, Msg: fmt.Sprintf("%s is not a date a workbook can hold", clip(v))}
		}
		t, err := excelize.ExcelDateToTime(math.Floor(n), rd.date1904)
		if err != nil {
			return assessment.Date{}, &CellError{Sheet: sheet, Cell: cell, Msg: fmt.Sprintf("%s is not a date", clip(v))}
		}
		return assessment.DateOf(t), nil
	}
	if d, err := assessment.ParseDate(v); err == nil {
		return d, nil
	}
	for _, layout := range []string{"2 January 2006", "2 Jan 2006"} {
		if t, err := time.Parse(layout, v); err == nil {
			return assessment.DateOf(t), nil
		}
	}
	return assessment.Date{}, &CellError{Sheet: sheet, Cell: cell, Msg: fmt.Sprintf("%q is not a date: enter a date such as 2025-09-30", clip(v))}
}

// text is a cell's text as the YAML loader would hold it: no final newline.
func text(s string) string { return strings.TrimRight(s, "\n") }

// norm compares headers and labels loosely: case, spacing and line breaks
// do not matter.
func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}
