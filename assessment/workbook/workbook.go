// Package workbook owns csa's XLSX workbook: Write renders an assessment as
// the sheets "Self-assessment", "Action plan" and "Summary" (and, for a
// group's, "Entities", with an Entity column on the first two), and Read reads
// back a workbook Write produced, so a landlord can edit the assessment in a
// spreadsheet and import it again. It and the importer (for other
// landlords' spreadsheets) are the only packages that import excelize.
//
// The sheet names, column headers and Summary labels below are a stable
// interface: csa import reads them. Read finds columns by header, not by
// position, so a user may reorder or hide columns; it recognises csa's
// workbook by the "Written by csa" row on the Summary sheet.
package workbook

import (
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/codes"
)

// FormatVersion is the version of the workbook layout, written beside the
// "Written by csa" marker. Read refuses a workbook of a later version.
const FormatVersion = 1

// Sheet names.
const (
	SheetForm    = "Self-assessment"
	SheetActions = "Action plan"
	SheetSummary = "Summary"
	// SheetEntities lists a group's entities (a group's workbook only).
	SheetEntities = "Entities"
)

// Columns a group's workbook adds: Entity after Code provision on the
// Self-assessment sheet (blank on the group's answer, an entity's name on a
// row of what that entity gives of its own, whose blank cells are the
// group's) and on the Action plan ("All entities" for the group's action),
// and the Entities sheet's columns.
const (
	ColEntity       = "Entity"
	ColRegistration = "Registration number"
	AllEntities     = assessment.AllEntities
)

// Column headers of the Self-assessment sheet, one row per answer (and one
// for each provision on the form the file does not answer).
const (
	ColProvision         = "Code provision"           // "6.10"
	ColSection           = "Section"                  // "6 Complaints stages" (written, not read)
	ColObligation        = "Obligation"               // must | should (written, not read)
	ColRequirement       = "Code requirement"         // the wording shown; see ColRequirementSource
	ColRequirementSource = "Requirement source"       // SourceLandlord, SourceCode or SourceSummary
	ColComply            = "Comply"                   // Yes, No, Partial, N/A or blank
	ColEvidence          = "Evidence"                 //
	ColCommentary        = "Commentary / explanation" //
	ColAlternative       = "Alternative"              // reasonable endeavours met another way
	ColReview            = "Review"                   // why the answer awaits review
)

// Column headers of the Action plan sheet, one row per action. Overdue and
// Days overdue are judged on the as-of date and not read back.
const (
	ColAction      = "Action"
	ColOwner       = "Owner"
	ColDue         = "Due"       // a date
	ColStatus      = "Status"    // Open or Done
	ColCompleted   = "Completed" // a date
	ColDraft       = "Draft"     // Yes, or blank
	ColOverdue     = "Overdue"   // Yes, or blank (written, not read)
	ColDaysOverdue = "Days overdue"
)

// Labels in column A of the Summary sheet, each with its value in column B.
const (
	KeyLandlord   = "Landlord"
	KeyCode       = "Code"       // as the assessment names it: chc-2024, 2024 or a catalogue path
	KeyCodeTitle  = "Code title" // written, not read
	KeyAssessed   = "Assessed"   // a date
	KeyPeriod     = "Period"
	KeyApprovedBy = "Approved by"
	KeyApprovedOn = "Approved on" // a date
	KeyPublished  = "Published"
	KeyStatus     = "Status" // Final, or Draft and why (written, not read)
	KeyIntro      = "Introduction"
	KeyResponseBy = "Response by"
	KeyResponseOn = "Response on" // a date
	KeyResponse   = "Response"
	KeyAsOf       = "Overdue as at"   // the day the overdue marks were judged on (not read)
	KeyMissing    = "Not in the file" // provisions on the form the file did not answer, comma-separated
	KeyWrittenBy  = "Written by csa"  // value: "workbook format N"
)

// Values of the Requirement source column: where the Code requirement cell's
// wording came from. Read keeps the cell as the answer's requirement only
// when it is the landlord's own (or was edited).
const (
	SourceLandlord = "Landlord's wording"
	SourceCode     = "Code text"
	SourceSummary  = "csa summary"
)

var formCols = []column{
	{ColProvision, 10}, {ColSection, 22}, {ColObligation, 11}, {ColRequirement, 50}, {ColRequirementSource, 14},
	{ColComply, 11}, {ColEvidence, 60}, {ColCommentary, 45}, {ColAlternative, 35}, {ColReview, 25},
}

var actionCols = []column{
	{ColProvision, 10}, {ColAction, 60}, {ColOwner, 28}, {ColDue, 13}, {ColStatus, 10},
	{ColCompleted, 13}, {ColDraft, 8}, {ColOverdue, 10}, {ColDaysOverdue, 10},
}

type column struct {
	name  string
	width float64
}

// maxCell is the most UTF-16 units a cell holds; excelize cuts longer text,
// so Write refuses the landlord's own text rather than lose its end, and
// shortens a catalogue's text only visibly (see fit).
const maxCell = 32767

// cutNote ends catalogue text cut to fit a cell: it says so, where the
// whole text is, and a check of the text kept, by which Read knows the cut
// text is the catalogue's and unedited, with or without the catalogue.
const cutNote = "… [cut to fit a spreadsheet cell: the whole %s is in the catalogue %s; check %08x]"

var reCut = regexp.MustCompile(`… \[cut to fit a spreadsheet cell: the whole (?:text|title) is in the catalogue .*; check ([0-9a-f]{8})\]$`)

// fit returns a catalogue's text (what: "text" or "title") as a cell can
// hold it: whole, or cut with cutNote at its end.
func fit(s, what, catalogue string) string {
	if units(escape(s)) <= maxCell {
		return s
	}
	if r := []rune(catalogue); len(r) > 200 {
		catalogue = string(r[:200]) + "…"
	}
	room := maxCell - units(escape(fmt.Sprintf(cutNote, what, catalogue, 0)))
	kept := s
	n := 0
	for i, r := range s {
		c := len(utf16.Encode([]rune{r}))
		if xmlInvalid(r) || r == '_' && looksEscaped(s[i:]) {
			c = 7 // written _xHHHH_
		}
		if n+c > room {
			kept = s[:i]
			break
		}
		n += c
	}
	return kept + fmt.Sprintf(cutNote, what, catalogue, crc32.ChecksumIEEE([]byte(kept)))
}

// wasCut reports whether a cell holds catalogue text fit cut, and whether
// it is as fit wrote it (its check holds).
func wasCut(cell string) (cut, intact bool) {
	m := reCut.FindStringSubmatchIndex(cell)
	if m == nil {
		return strings.Contains(cell, "[cut to fit a spreadsheet cell"), false
	}
	return true, cell[m[2]:m[3]] == fmt.Sprintf("%08x", crc32.ChecksumIEEE([]byte(cell[:m[0]])))
}

func units(s string) int { return len(utf16.Encode([]rune(s))) }

// Write renders the assessment as a workbook: the Self-assessment sheet (one
// row per answer, with a row for each provision on the form the file does
// not answer, in provision order), the Action plan (one row per action, in
// provision order and file order within a provision) and the Summary (the
// assessment's facts, the format marker, and counts per section). Each
// table has a bold frozen header row, wrapped text, sensible widths, an
// autofilter and drop-down lists on Comply (Yes, No, Partial, N/A), Status
// (Open, Done) and Draft (Yes, No) that reach SpareRows below the last row;
// dates are real dates; open actions due before asOf are marked overdue in
// a column and with a fill. Every piece of text is stored as a string, never
// a formula. The same assessment and asOf give the same bytes.
func Write(w io.Writer, a *assessment.Assessment, cat *codes.Catalogue, asOf assessment.Date) error {
	if err := checkText(a); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	wr := &writer{f: f, formCols: formCols, actionCols: actionCols}
	if a.IsGroup() {
		wr.formCols, wr.actionCols = withEntity(formCols), withEntity(actionCols)
	}
	if err := wr.styles(); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetForm); err != nil {
		return err
	}
	sheets := []string{SheetActions, SheetSummary}
	if a.IsGroup() {
		sheets = append(sheets, SheetEntities)
	}
	for _, s := range sheets {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	rep := report.New(a, cat, asOf)
	wr.running = headerText(rep.Title())
	if rep.Draft() {
		wr.running = "DRAFT: " + wr.running
	}
	wr.form(a, cat)
	wr.actions(a, asOf)
	wr.summary(a, rep, asOf)
	if a.IsGroup() {
		wr.entities(a)
	}
	wr.heights()
	if wr.err != nil {
		return wr.err
	}
	title := rep.Title()
	props := &excelize.DocProperties{Creator: "csa", Title: title, Subject: cat.Title, Language: "en-GB"}
	if !a.Assessed.IsZero() {
		props.Created = a.Assessed.Time().Format(time.RFC3339)
		props.Modified = props.Created
	}
	if err := f.SetDocProps(props); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// checkText refuses text longer than a cell holds, rather than lose its end.
func checkText(a *assessment.Assessment) error {
	check := func(where, what, s string) error {
		if n := units(escape(s)); n > maxCell {
			return fmt.Errorf("%s: its %s is %d characters long, more than a spreadsheet cell holds (32,767); shorten it or write the report in another format", where, what, n)
		}
		return nil
	}
	fields := [][2]string{{"landlord", a.Landlord}, {"code", a.Code}, {"period", a.Period}, {"published", a.Published}}
	if a.Approved != nil {
		fields = append(fields, [2]string{"approved by", a.Approved.By})
	}
	fields = append(fields, [2]string{"introduction", a.Introduction})
	if a.Response != nil {
		fields = append(fields, [2]string{"response by", a.Response.By}, [2]string{"response text", a.Response.Text})
	}
	for _, fl := range fields {
		if err := check("the assessment", fl[0], fl[1]); err != nil {
			return err
		}
	}
	for _, e := range a.Entities {
		for _, fl := range [][2]string{{"entity's name", e.Name}, {"entity's registration", e.Registration}} {
			if err := check("the assessment", fl[0], fl[1]); err != nil {
				return err
			}
		}
	}
	actions := func(where string, acts []assessment.Action) error {
		for _, act := range acts {
			for _, fl := range [][2]string{{"action", act.Text}, {"action owner", act.Owner}} {
				if err := check(where, fl[0], fl[1]); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, ans := range a.Answers {
		where := "provision " + ans.ID
		for _, fl := range [][2]string{{"id", ans.ID}, {"evidence", ans.Evidence}, {"commentary", ans.Commentary},
			{"requirement", ans.Requirement}, {"alternative", ans.Alternative}, {"review", ans.Review}} {
			if err := check(where, fl[0], fl[1]); err != nil {
				return err
			}
		}
		if err := actions(where, ans.Actions); err != nil {
			return err
		}
		for _, e := range ans.Entities {
			where := "provision " + ans.ID + " for " + e.Name
			for _, fl := range [][2]string{{"entity's name", e.Name}, {"evidence", e.Evidence}, {"commentary", e.Commentary}, {"alternative", e.Alternative}} {
				if err := check(where, fl[0], fl[1]); err != nil {
					return err
				}
			}
			if err := actions(where, e.Actions); err != nil {
				return err
			}
		}
	}
	return nil
}

// withEntity is a table's columns with Entity after the provision.
func withEntity(cols []column) []column {
	return slices.Insert(slices.Clone(cols), 1, column{ColEntity, 28})
}

// writer carries the workbook, its styles and the first error met, so the
// sheet builders read as a list of cells.
type writer struct {
	f   *excelize.File
	err error

	formCols, actionCols []column // a group's have an Entity column

	header, text, date, number, label, value, valueDate       int
	overdueText, overdueDate, overdueNumber, unansweredFormat int
	count, countBold, textBold, draft                         int

	// lines holds, per sheet and row, the most lines a cell of the row
	// wraps to, for its height.
	lines map[string]map[int]float64
	// header and footer of every printed page: the title, DRAFT, page numbers
	running string
}

// The workbook's fonts: named and sized, so every spreadsheet shows the
// same type rather than its own default.
const (
	fontName   = "Arial"
	fontSize   = 10 // points
	headerSize = 10
	lineHeight = 12.75 // points per line of 10-point text
)

func (wr *writer) styles() error {
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	left := &excelize.Alignment{Vertical: "top", Horizontal: "left", WrapText: true}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F8D7DA"}}
	dateFmt := "d mmm yyyy"
	var err error
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = wr.f.NewStyle(s)
		return id
	}
	font := &excelize.Font{Family: fontName, Size: fontSize}
	bold := &excelize.Font{Family: fontName, Size: fontSize, Bold: true}
	grid := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	wr.header = add(&excelize.Style{
		Font:      &excelize.Font{Family: fontName, Size: headerSize, Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
		Alignment: top,
		Border: []excelize.Border{
			{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
			{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "000000", Style: 2},
		},
	})
	wr.text = add(&excelize.Style{Font: font, Alignment: top, Border: grid})
	wr.date = add(&excelize.Style{Font: font, Alignment: left, CustomNumFmt: &dateFmt, Border: grid})
	wr.number = add(&excelize.Style{Font: font, Alignment: left, Border: grid})
	wr.overdueText = add(&excelize.Style{Font: font, Alignment: top, Fill: fill, Border: grid})
	wr.overdueDate = add(&excelize.Style{Font: font, Alignment: left, CustomNumFmt: &dateFmt, Fill: fill, Border: grid})
	wr.overdueNumber = add(&excelize.Style{Alignment: left, Fill: fill, Font: bold, Border: grid})
	wr.label = add(&excelize.Style{Font: bold, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	wr.value = add(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left", WrapText: true}})
	wr.valueDate = add(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, CustomNumFmt: &dateFmt})
	wr.count = add(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}, Border: grid})
	wr.countBold = add(&excelize.Style{Font: bold, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}, Border: grid})
	wr.textBold = add(&excelize.Style{Font: bold, Alignment: top, Border: grid})
	wr.draft = add(&excelize.Style{Font: &excelize.Font{Family: fontName, Size: fontSize, Bold: true, Color: "A4000F"},
		Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left", WrapText: true}})
	if err == nil {
		err = wr.f.SetDefaultFont(fontName)
	}
	if err != nil {
		return err
	}
	wr.unansweredFormat, err = wr.f.NewConditionalStyle(&excelize.Style{
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
	})
	return err
}

// escape writes text in the form a workbook stores it: a character XML
// cannot carry (a control character) as _xHHHH_, and text that already looks
// like such an escape with its underscore escaped (_x005F_), as the Office
// format specifies. excelize decodes both when reading but does not encode
// them for shared strings, so without this "_x0041_" would read back as "A"
// and a control character as U+FFFD.
func escape(s string) string {
	if !strings.Contains(s, "_x") && !strings.ContainsFunc(s, xmlInvalid) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case xmlInvalid(r):
			fmt.Fprintf(&b, "_x%04X_", r)
		case r == '_' && looksEscaped(s[i:]):
			b.WriteString("_x005F_")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func xmlInvalid(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF
}

// looksEscaped reports whether s starts with _xHHHH_.
func looksEscaped(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range s[2:6] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// str writes text as a string cell: never a formula, whatever it starts with.
func (wr *writer) str(sheet string, col, row int, s string, style int) {
	if wr.err != nil {
		return
	}
	c := cellName(col, row)
	if s != "" {
		wr.err = wr.f.SetCellStr(sheet, c, escape(s))
		wr.fits(sheet, col, row, s)
	}
	if wr.err == nil {
		wr.err = wr.f.SetCellStyle(sheet, c, c, style)
	}
}

// fits notes how many lines text wraps to in its cell, so its row can be
// made tall enough (spreadsheets do not grow a row for wrapped text on
// opening a file that gives no height, and cut it off in print).
func (wr *writer) fits(sheet string, col, row int, s string) {
	w := 10.0
	if ws := wr.colWidths(sheet); col-1 < len(ws) {
		w = ws[col-1]
	}
	n := wrapLines(s, w)
	if wr.lines == nil {
		wr.lines = map[string]map[int]float64{}
	}
	if wr.lines[sheet] == nil {
		wr.lines[sheet] = map[int]float64{}
	}
	wr.lines[sheet][row] = max(wr.lines[sheet][row], n)
}

// wrapLines is how many lines text wraps to in a column width characters
// wide. A width counts the widest digit of the default font; ten-point
// Arial text fits about 1.1 characters of ordinary prose per unit, less the
// cell's margins. Every line break starts a line.
func wrapLines(s string, width float64) float64 {
	per := max(width*1.1-1, 1)
	n := 0.0
	for _, line := range strings.Split(s, "\n") {
		n += max(1, math.Ceil(float64(utf8.RuneCountInString(line))/per))
	}
	return n
}

func (wr *writer) colWidths(sheet string) []float64 {
	var cols []column
	switch sheet {
	case SheetForm:
		cols = wr.formCols
	case SheetActions:
		cols = wr.actionCols
	case SheetEntities:
		cols = entityCols
	default:
		return summaryWidths
	}
	ws := make([]float64, len(cols))
	for i, c := range cols {
		ws[i] = c.width
	}
	return ws
}

// heights sets every written row's height to fit its text, within the
// 409 points a row can have.
func (wr *writer) heights() {
	for _, sheet := range []string{SheetForm, SheetActions, SheetSummary, SheetEntities} {
		rows := wr.lines[sheet]
		keys := make([]int, 0, len(rows))
		for r := range rows {
			keys = append(keys, r)
		}
		slices.Sort(keys)
		for _, r := range keys {
			if wr.err != nil {
				return
			}
			h := min(409, rows[r]*lineHeight+3)
			wr.err = wr.f.SetRowHeight(sheet, r, h)
		}
	}
}

// day writes a date as an Excel date with the given date style; a date
// before 1900 (which Excel cannot show) is written as YYYY-MM-DD text.
func (wr *writer) day(sheet string, col, row int, d assessment.Date, style, textStyle int) {
	if wr.err != nil {
		return
	}
	if d.IsZero() || d.Time().Year() < 1900 || (d.Time().Year() == 1900 && d.Time().Month() < time.March) {
		wr.str(sheet, col, row, d.String(), textStyle)
		return
	}
	c := cellName(col, row)
	wr.err = wr.f.SetCellValue(sheet, c, d.Time())
	if wr.err == nil {
		wr.err = wr.f.SetCellStyle(sheet, c, c, style)
	}
}

func (wr *writer) num(sheet string, col, row, n, style int) {
	if wr.err != nil {
		return
	}
	c := cellName(col, row)
	wr.err = wr.f.SetCellInt(sheet, c, int64(n))
	if wr.err == nil {
		wr.err = wr.f.SetCellStyle(sheet, c, c, style)
	}
}

// table writes a header row and sets widths, the frozen row, the autofilter
// and the print layout (landscape, one page wide, header repeated).
func (wr *writer) table(sheet string, cols []column, rows int) {
	for i, c := range cols {
		wr.str(sheet, i+1, 1, c.name, wr.header)
		if wr.err == nil {
			col, _ := excelize.ColumnNumberToName(i + 1)
			wr.err = wr.f.SetColWidth(sheet, col, col, c.width)
		}
	}
	if wr.err != nil {
		return
	}
	last := cellName(len(cols), max(rows+1, 2))
	steps := []func() error{
		func() error {
			return wr.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
				Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
		},
		func() error { return wr.f.AutoFilter(sheet, "A1:"+last, nil) },
		func() error { return wr.page(sheet, "landscape") },
		func() error {
			return wr.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet})
		},
	}
	for _, step := range steps {
		if wr.err = step(); wr.err != nil {
			return
		}
	}
}

// page sets a sheet's print layout: A4 in the orientation given, one page
// wide and as many tall as it takes, sensible margins, and the title (DRAFT
// first for a draft) and page numbers in the header and footer.
func (wr *writer) page(sheet, orientation string) error {
	a4, wide, tall := 9, 1, 0
	if err := wr.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := wr.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	side, topBottom, edge := 0.5, 0.6, 0.3 // inches
	if err := wr.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &topBottom, Bottom: &topBottom,
		Header: &edge, Footer: &edge}); err != nil {
		return err
	}
	return wr.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L&\"" + fontName + ",Regular\"&8 " + wr.running,
		OddFooter: "&L&\"" + fontName + ",Regular\"&8 " + sheet + "&R&\"" + fontName + ",Regular\"&8 Page &P of &N",
	})
}

// headerText makes text safe for a page header, where & starts a code.
func headerText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "…"
	}
	return strings.ReplaceAll(s, "&", "&&")
}

// SpareRows is how far below the last row of a sheet the drop-down lists
// reach, so that an action (or an answer) added in the spreadsheet has them
// too: the action plan is worked on all year.
const SpareRows = 200

// dropDown adds a list validation to column col of rows 2..rows+1, and the
// spare rows below them.
func (wr *writer) dropDown(sheet string, col, rows int, title string, values []string) {
	if wr.err != nil {
		return
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cellName(col, 2) + ":" + cellName(col, rows+1+SpareRows)
	if wr.err = dv.SetDropList(values); wr.err != nil {
		return
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, title, "Choose "+orList(values)+" from the list.")
	wr.err = wr.f.AddDataValidation(sheet, dv)
}

func orList(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}

// ComplyValues and StatusValues are the drop-down lists.
var (
	ComplyValues = []string{"Yes", "No", "Partial", "N/A"}
	StatusValues = []string{"Open", "Done"}
	DraftValues  = []string{"Yes", "No"}
)

// formRow is one line of the Self-assessment sheet.
type formRow struct {
	id  string
	ans *assessment.Answer // nil: a provision on the form the file does not answer
	p   *codes.Provision   // nil: not in the catalogue
}

// formRows lists the answers and a row for each provision on the form the
// file does not answer, in provision order ("6.9" before "6.10"), as every
// csa output is. A provision answered twice keeps its file order, so the
// first answer (the one csa check counts) stays first when read back.
func formRows(a *assessment.Assessment, cat *codes.Catalogue) []formRow {
	var rows []formRow
	answered := map[string]bool{}
	for i := range a.Answers {
		ans := &a.Answers[i]
		answered[ans.ID] = true
		p, _ := cat.Provision(ans.ID)
		rows = append(rows, formRow{id: ans.ID, ans: ans, p: p})
	}
	for _, p := range cat.OnForm() {
		if !answered[p.ID] {
			rows = append(rows, formRow{id: p.ID, p: &p})
		}
	}
	slices.SortStableFunc(rows, func(x, y formRow) int { return codes.CompareID(x.id, y.id) })
	return rows
}

// sortedAnswers returns the answers in provision order, a provision answered
// twice in file order.
func sortedAnswers(a *assessment.Assessment) []*assessment.Answer {
	out := make([]*assessment.Answer, len(a.Answers))
	for i := range a.Answers {
		out[i] = &a.Answers[i]
	}
	slices.SortStableFunc(out, func(x, y *assessment.Answer) int { return codes.CompareID(x.ID, y.ID) })
	return out
}

func sourceLabel(s assessment.RequirementSource) string {
	switch s {
	case assessment.FromLandlord:
		return SourceLandlord
	case assessment.FromCode:
		return SourceCode
	case assessment.FromSummary:
		return SourceSummary
	}
	return ""
}

func (wr *writer) form(a *assessment.Assessment, cat *codes.Catalogue) {
	const sheet = SheetForm
	rows := formRows(a, cat)
	lines := len(rows)
	for _, r := range rows {
		lines += len(ownRows(a, r.ans))
	}
	wr.table(sheet, wr.formCols, lines)
	titles := map[int]string{}
	for _, s := range cat.Sections {
		if _, dup := titles[s.Number]; !dup {
			titles[s.Number] = s.Title
		}
	}
	put := func(n int, vals map[string]string) {
		for j, c := range wr.formCols {
			wr.str(sheet, j+1, n, vals[c.name], wr.text)
		}
	}
	n := 2
	var groupRows []int // rows of the group's answers, whose blank Comply is highlighted
	for _, r := range rows {
		var section, obligation string
		if r.p != nil {
			section = strconv.Itoa(r.p.Section)
			if t := titles[r.p.Section]; t != "" {
				section = fit(section+" "+t, "title", a.Code)
			}
			obligation = r.p.Obligation
		}
		req, from := assessment.Requirement(r.ans, r.p)
		if from != assessment.FromLandlord {
			req = fit(req, "text", a.Code) // the landlord's own is never cut: checkText
		}
		var ans assessment.Answer
		if r.ans != nil {
			ans = *r.ans
		}
		put(n, map[string]string{ColProvision: r.id, ColSection: section, ColObligation: obligation, ColRequirement: req,
			ColRequirementSource: sourceLabel(from), ColComply: ans.Comply.Label(), ColEvidence: ans.Evidence,
			ColCommentary: ans.Commentary, ColAlternative: ans.Alternative, ColReview: ans.Review})
		groupRows = append(groupRows, n)
		n++
		for _, e := range ownRows(a, r.ans) {
			put(n, map[string]string{ColProvision: r.id, ColEntity: e.Name, ColSection: section, ColObligation: obligation,
				ColComply: e.Comply.Label(), ColEvidence: e.Evidence, ColCommentary: e.Commentary, ColAlternative: e.Alternative})
			n++
		}
	}
	comply := indexOf(wr.formCols, ColComply) + 1
	wr.dropDown(sheet, comply, lines, ColComply, ComplyValues)
	if wr.err == nil && len(groupRows) > 0 {
		// Contiguous runs of the group's rows: an entity's blank Comply is
		// the group's answer, not a missing one.
		var refs []string
		for i := 0; i < len(groupRows); {
			j := i
			for j+1 < len(groupRows) && groupRows[j+1] == groupRows[j]+1 {
				j++
			}
			refs = append(refs, cellName(comply, groupRows[i])+":"+cellName(comply, groupRows[j]))
			i = j + 1
		}
		wr.err = wr.f.SetConditionalFormat(sheet, strings.Join(refs, " "), []excelize.ConditionalFormatOptions{{Type: "blanks", Format: &wr.unansweredFormat}})
	}
}

// ownRows are the entities' own answers to ans, each a row after the
// group's, in the group's order (any the group does not list after them):
// those that give their own answer, evidence, commentary or alternative.
// An entity that gives only actions has its actions on the Action plan.
func ownRows(a *assessment.Assessment, ans *assessment.Answer) []assessment.EntityAnswer {
	if ans == nil || len(ans.Entities) == 0 {
		return nil
	}
	var out []assessment.EntityAnswer
	for _, e := range inGroupOrder(a, ans.Entities) {
		if e.Differs() {
			out = append(out, e)
		}
	}
	return out
}

// inGroupOrder sorts entities' answers in the order the group lists the
// entities, names it does not list last, in file order.
func inGroupOrder(a *assessment.Assessment, es []assessment.EntityAnswer) []assessment.EntityAnswer {
	out := slices.Clone(es)
	rank := func(name string) int {
		if i := a.Entity(name); i >= 0 {
			return i
		}
		return len(a.Entities)
	}
	slices.SortStableFunc(out, func(x, y assessment.EntityAnswer) int { return rank(x.Name) - rank(y.Name) })
	return out
}

// entityCols are the Entities sheet's columns.
var entityCols = []column{{ColEntity, 40}, {ColRegistration, 22}}

// entities writes a group's Entities sheet: each entity, in order.
func (wr *writer) entities(a *assessment.Assessment) {
	const sheet = SheetEntities
	wr.table(sheet, entityCols, len(a.Entities))
	for i, e := range a.Entities {
		wr.str(sheet, 1, i+2, e.Name, wr.text)
		wr.str(sheet, 2, i+2, e.Registration, wr.text)
	}
}

func indexOf(cols []column, name string) int {
	for i, c := range cols {
		if c.name == name {
			return i
		}
	}
	return -1
}

func (wr *writer) actions(a *assessment.Assessment, asOf assessment.Date) {
	const sheet = SheetActions
	answers := sortedAnswers(a)
	type listed struct {
		id, entity string
		act        assessment.Action
	}
	var list []listed
	for _, ans := range answers {
		for _, act := range ans.Actions {
			list = append(list, listed{ans.ID, "", act})
		}
		for _, e := range inGroupOrder(a, ans.Entities) {
			for _, act := range e.Actions {
				list = append(list, listed{ans.ID, e.Name, act})
			}
		}
	}
	wr.table(sheet, wr.actionCols, len(list))
	col := func(name string) int { return indexOf(wr.actionCols, name) + 1 }
	for i, l := range list {
		row, act := i+2, l.act
		text, date, number := wr.text, wr.date, wr.number
		days, overdue := act.OverdueOn(asOf)
		if overdue {
			text, date, number = wr.overdueText, wr.overdueDate, wr.overdueNumber
		}
		status, draft := "Open", ""
		if !act.IsOpen() {
			status = "Done"
		}
		if act.Draft {
			draft = "Yes"
		}
		wr.str(sheet, col(ColProvision), row, l.id, text)
		if a.IsGroup() {
			entity := l.entity
			if entity == "" {
				entity = AllEntities
			}
			wr.str(sheet, col(ColEntity), row, entity, text)
		}
		wr.str(sheet, col(ColAction), row, act.Text, text)
		wr.str(sheet, col(ColOwner), row, act.Owner, text)
		wr.day(sheet, col(ColDue), row, act.Due, date, text)
		wr.str(sheet, col(ColStatus), row, status, text)
		wr.day(sheet, col(ColCompleted), row, act.Completed, date, text)
		wr.str(sheet, col(ColDraft), row, draft, text)
		if overdue {
			wr.str(sheet, col(ColOverdue), row, "Yes", number)
			wr.num(sheet, col(ColDaysOverdue), row, days, number)
		} else {
			wr.str(sheet, col(ColOverdue), row, "", text)
			wr.str(sheet, col(ColDaysOverdue), row, "", text)
		}
	}
	wr.dropDown(sheet, col(ColStatus), len(list), ColStatus, StatusValues)
	wr.dropDown(sheet, col(ColDraft), len(list), ColDraft, DraftValues)
}

func (wr *writer) summary(a *assessment.Assessment, rep *report.Report, asOf assessment.Date) {
	const sheet = SheetSummary
	row := 1
	put := func(key, val string) {
		wr.str(sheet, 1, row, key, wr.label)
		wr.str(sheet, 2, row, val, wr.value)
		wr.merge(sheet, row)
		row++
	}
	putDate := func(key string, d assessment.Date) {
		wr.str(sheet, 1, row, key, wr.label)
		wr.day(sheet, 2, row, d, wr.valueDate, wr.value)
		row++
	}
	put(KeyLandlord, a.Landlord)
	put(KeyCode, a.Code)
	put(KeyCodeTitle, fit(rep.Code.Title, "title", a.Code))
	putDate(KeyAssessed, a.Assessed)
	put(KeyPeriod, a.Period)
	var by string
	var on assessment.Date
	if a.Approved != nil {
		by, on = a.Approved.By, a.Approved.On
	}
	put(KeyApprovedBy, by)
	putDate(KeyApprovedOn, on)
	put(KeyPublished, a.Published)
	status := "Final"
	if note := rep.DraftNote(); note != "" {
		status = "Draft. " + note
	}
	wr.str(sheet, 1, row, KeyStatus, wr.label)
	wr.str(sheet, 2, row, status, map[bool]int{true: wr.draft, false: wr.value}[rep.Draft()])
	wr.merge(sheet, row)
	row++
	put(KeyIntro, a.Introduction)
	var rs assessment.Response
	if a.Response != nil {
		rs = *a.Response
	}
	put(KeyResponseBy, rs.By)
	putDate(KeyResponseOn, rs.On)
	put(KeyResponse, rs.Text)
	putDate(KeyAsOf, asOf)
	missing := strings.Join(rep.Missing, ", ")
	if units(missing) > maxCell && wr.err == nil {
		// Read needs the whole list to leave those rows out: cut, they
		// would come back as answers.
		wr.err = fmt.Errorf("the catalogue has more provisions the file does not answer than one spreadsheet cell can list (%d); write the report in another format", len(rep.Missing))
	}
	put(KeyMissing, missing)
	put(KeyWrittenBy, fmt.Sprintf("workbook format %d", FormatVersion))

	// The counts per section, as the report's summary shows them.
	row++
	header := []string{"Section"}
	if rep.Should {
		header = append(header, "Obligation")
	}
	header = append(header, "Yes", "Partial", "No", "N/A", "Not answered", "Total")
	if rep.Group() {
		header = slices.Insert(header, len(header)-1, colDiffers)
	}
	for i, h := range header {
		wr.str(sheet, i+1, row, h, wr.header)
	}
	row++
	differs := rep.Group()
	line := func(caption, obligation string, c report.Counts) {
		col := 1
		text, count := wr.text, wr.count
		if strings.HasPrefix(caption, "All sections") {
			text, count = wr.textBold, wr.countBold
		}
		wr.str(sheet, col, row, fit(caption, "title", a.Code), text)
		if rep.Should {
			col++
			wr.str(sheet, col, row, obligation, text)
		}
		counts := []int{c.Yes, c.Partial, c.No, c.NA, c.Unanswered, c.Total()}
		if differs {
			counts = slices.Insert(counts, len(counts)-1, c.Differs)
		}
		for _, v := range counts {
			col++
			wr.num(sheet, col, row, v, count)
		}
		row++
	}
	for _, s := range rep.Sections {
		switch {
		case !rep.Should:
			line(s.Caption(), "", s.Tally.All)
		default:
			if s.Tally.Must.Total() > 0 {
				line(s.Caption(), "must", s.Tally.Must)
			}
			if s.Tally.Should.Total() > 0 {
				line(s.Caption(), "should", s.Tally.Should)
			}
		}
	}
	if rep.Should {
		line("All sections", "must", rep.Totals.Must)
		line("All sections", "should", rep.Totals.Should)
		line("All sections", "all", rep.Totals.All)
	} else {
		line("All sections", "", rep.Totals.All)
	}
	if rep.Group() {
		// Each entity's answers, as it gives them.
		row++
		header[0] = ColEntity
		header = slices.Delete(header, len(header)-2, len(header)-1)
		for i, h := range header {
			wr.str(sheet, i+1, row, h, wr.header)
		}
		row++
		differs = false
		for _, e := range rep.Entities {
			if rep.Should {
				line(e.Name, "must", e.Tally.Must)
				line(e.Name, "should", e.Tally.Should)
				line(e.Name, "all", e.Tally.All)
			} else {
				line(e.Name, "", e.Tally.All)
			}
		}
	}
	for i, w := range summaryWidths {
		if wr.err == nil {
			col, _ := excelize.ColumnNumberToName(i + 1)
			wr.err = wr.f.SetColWidth(sheet, col, col, w)
		}
	}
	if wr.err == nil {
		wr.err = wr.page(sheet, "portrait")
	}
}

// colDiffers heads a group's count of provisions its entities answer
// differently, on the Summary.
const colDiffers = "Entities differ"

// summaryWidths are the Summary sheet's columns: the labels and section
// titles, then the counts; a fact's value spans B to H (merge).
var summaryWidths = []float64{44, 12, 12, 12, 12, 12, 14, 12}

// merge spans a fact's value across the Summary's count columns, so a long
// value (an introduction, a response) wraps in a wide cell.
func (wr *writer) merge(sheet string, row int) {
	if wr.err != nil {
		return
	}
	wr.err = wr.f.MergeCell(sheet, cellName(2, row), cellName(len(summaryWidths), row))
	if wr.err == nil {
		// Measured again on the merged width.
		var v string
		v, wr.err = wr.f.GetCellValue(sheet, cellName(2, row), excelize.Options{RawCellValue: true})
		w := 0.0
		for _, cw := range summaryWidths[1:] {
			w += cw
		}
		wr.lines[sheet][row] = max(wrapLines(v, w), wrapLines(KeyWrittenBy, summaryWidths[0]))
	}
}
