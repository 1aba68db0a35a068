package workbook

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/csa-tool/csa/assessment"
)

// TestWorkbookCells reads the 2024 example's workbook back with excelize and
// compares it cell by cell with the assessment: values, types (text is
// always a string, never a formula), dates, styles, drop-downs, the frozen
// header row and the overdue marks.
func TestWorkbookCells(t *testing.T) {
	a, cat := load(t, "../../examples/millbrook-2024-25.yaml")
	day := assessment.NewDate(2025, 10, 1) // three actions due 30 September are overdue
	f := open(t, write(t, a, cat, day))

	if got, want := f.GetSheetList(), []string{SheetForm, SheetActions, SheetSummary}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}

	// Self-assessment: one row per answer, in provision order.
	want := [][]string{names(formCols)}
	for _, ans := range sortedAnswers(a) {
		p, _ := cat.Provision(ans.ID)
		want = append(want, []string{ans.ID, fmt.Sprintf("%d %s", p.Section, cat.SectionTitle(p.Section)), p.Obligation,
			p.Summary, SourceSummary, ans.Comply.Label(), ans.Evidence, ans.Commentary, ans.Alternative, ans.Review})
	}
	compareSheet(t, f, SheetForm, want)

	// Action plan: one row per action, in provision order, dates as dates.
	want = [][]string{names(actionCols)}
	type mark struct {
		row  int
		days string
	}
	var overdue []mark
	for _, ans := range sortedAnswers(a) {
		for _, act := range ans.Actions {
			status, over, days := "Open", "", ""
			if act.Status == assessment.Done {
				status = "Done"
			}
			if d, ok := act.OverdueOn(day); ok {
				over, days = "Yes", strconv.Itoa(d)
				overdue = append(overdue, mark{len(want) + 1, days})
			}
			want = append(want, []string{ans.ID, act.Text, act.Owner, serial(act.Due), status, serial(act.Completed), "", over, days})
		}
	}
	compareSheet(t, f, SheetActions, want)
	if len(overdue) != 3 {
		t.Fatalf("want 3 overdue actions on %s, got %d", day, len(overdue))
	}

	// Dates are numbers shown as dates.
	for _, cell := range []string{"D2", "F5"} {
		if typ, _ := f.GetCellType(SheetActions, cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s is %v, want a number (a date)", cell, typ)
		}
		if st := style(t, f, SheetActions, cell); st.CustomNumFmt == nil || *st.CustomNumFmt != "d mmm yyyy" {
			t.Errorf("%s has no date format", cell)
		}
	}
	if v, _ := f.GetCellValue(SheetActions, "D2"); v != "31 Mar 2026" {
		t.Errorf("D2 shows %q, want 31 Mar 2026", v)
	}

	// Overdue rows are filled; the others are not.
	for row := 2; row <= len(want); row++ {
		isOverdue := false
		for _, m := range overdue {
			isOverdue = isOverdue || m.row == row
		}
		for _, col := range []string{"A", "B", "D", "I"} {
			fill := style(t, f, SheetActions, col+strconv.Itoa(row)).Fill
			filled := len(fill.Color) > 0 && fill.Color[0] == "F8D7DA"
			if filled != isOverdue {
				t.Errorf("%s%d: filled %v, overdue %v", col, row, filled, isOverdue)
			}
		}
	}

	checkLayout(t, f, len(a.Answers), len(want)-1)

	// A blank Comply is highlighted, whenever it is blank.
	cfs, err := f.GetConditionalFormats(SheetForm)
	if err != nil {
		t.Fatal(err)
	}
	ref := fmt.Sprintf("F2:F%d", len(a.Answers)+1)
	if len(cfs) != 1 || len(cfs[ref]) != 1 || cfs[ref][0].Type != "blanks" {
		t.Errorf("conditional formats %+v, want blanks on %s", cfs, ref)
	}

	// Summary: the facts, the marker, then the counts.
	compareSheet(t, f, SheetSummary, [][]string{
		{KeyLandlord, "Millbrook Homes"},
		{KeyCode, "chc-2024"},
		{KeyCodeTitle, "Complaint Handling Code 2024"},
		{KeyAssessed, serial(a.Assessed)},
		{KeyPeriod, "2024/25"},
		{KeyApprovedBy, "Board"},
		{KeyApprovedOn, serial(a.Approved.On)},
		{KeyPublished, a.Published},
		{KeyStatus, "Final"},
		{KeyIntro, a.Introduction},
		{KeyResponseBy, "Board"},
		{KeyResponseOn, serial(a.Response.On)},
		{KeyResponse, a.Response.Text},
		{KeyAsOf, serial(day)},
		{KeyMissing, ""},
		{KeyWrittenBy, "workbook format 1"},
		nil,
		{"Section", "Yes", "Partial", "No", "N/A", "Not answered", "Total"},
		{"Section 1: Definition of a complaint", "4", "1", "0", "0", "0", "5"},
		{"Section 2: Exclusions", "4", "0", "1", "0", "0", "5"},
		{"Section 3: Accessibility and awareness", "7", "0", "0", "0", "0", "7"},
		{"Section 4: Complaint handling staff", "3", "0", "0", "0", "0", "3"},
		{"Section 5: The complaint handling process", "13", "1", "1", "0", "0", "15"},
		{"Section 6: Complaints stages", "18", "1", "1", "0", "0", "20"},
		{"Section 7: Putting things right", "4", "0", "0", "0", "0", "4"},
		{"Section 8: Self-assessment, reporting and compliance", "4", "1", "0", "0", "0", "5"},
		{"Section 9: Scrutiny and oversight: continuous learning and improvement", "7", "1", "0", "0", "0", "8"},
		{"All sections", "64", "5", "3", "0", "0", "72"},
	})
}

// TestWorkbook2022 checks the must and should counts and a missing
// provision's row on the 2022 example.
func TestWorkbook2022(t *testing.T) {
	a, cat := load(t, "../../examples/millbrook-2023-24.yaml")
	a.Answers = a.Answers[1:] // leave out 1.2
	f := open(t, write(t, a, cat, asOf))

	// Every cell of the Self-assessment sheet: the answers, and a row for
	// the missing 1.2 in its place, must and should marked.
	p, _ := cat.Provision("1.2")
	want := [][]string{names(formCols), {"1.2", "1 Definition of a complaint", "must", p.Summary, SourceSummary}}
	for _, ans := range sortedAnswers(a) {
		p, _ := cat.Provision(ans.ID)
		want = append(want, []string{ans.ID, fmt.Sprintf("%d %s", p.Section, cat.SectionTitle(p.Section)), p.Obligation,
			p.Summary, SourceSummary, ans.Comply.Label(), ans.Evidence, ans.Commentary, ans.Alternative, ans.Review})
	}
	compareSheet(t, f, SheetForm, want)
	var obligations []string
	for _, row := range want[1:] {
		obligations = append(obligations, row[2])
	}
	if !slices.Contains(obligations, "should") || !slices.Contains(obligations, "must") {
		t.Errorf("the 2022 form marks must and should: %q", obligations)
	}
	actions := 0
	for _, ans := range a.Answers {
		actions += len(ans.Actions)
	}
	checkLayout(t, f, len(want)-1, actions)
	summary, _ := f.GetRows(SheetSummary)
	if summary[14][0] != KeyMissing || summary[14][1] != "1.2" {
		t.Errorf("the Summary should list 1.2 as not in the file: %q", summary[14])
	}
	if summary[8][0] != KeyStatus || !strings.HasPrefix(summary[8][1], "Draft. Not for publication: 1 provision not answered (1.2)") {
		t.Errorf("the Summary should say the assessment is a draft: %q", summary[8])
	}
	if want := []string{"Section", "Obligation", "Yes", "Partial", "No", "N/A", "Not answered", "Total"}; !reflect.DeepEqual(summary[17], want) {
		t.Errorf("2022 counts header %q", summary[17])
	}
	if want := []string{"Section 1: Definition of a complaint", "must", "4", "1", "0", "0", "1", "6"}; !reflect.DeepEqual(summary[18], want) {
		t.Errorf("2022 section 1 must counts %q", summary[18])
	}
	last := summary[len(summary)-1]
	if want := []string{"All sections", "all", "58", "4", "8", "1", "1", "72"}; !reflect.DeepEqual(last, want) {
		t.Errorf("2022 totals %q", last)
	}
}

// checkLayout checks what every workbook has, whatever the assessment: the
// three sheets in order; on the Self-assessment and Action plan sheets the
// header row in order, bold, frozen and filtered, repeated when printed,
// wrapped text and widths; and the drop-down lists on Comply, Status and
// Draft, reaching SpareRows below the last row. forms and actions are the
// number of rows under each header.
func checkLayout(t *testing.T, f *excelize.File, forms, actions int) {
	t.Helper()
	if got, want := f.GetSheetList(), []string{SheetForm, SheetActions, SheetSummary}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	headers := map[string][]string{
		SheetForm: {"Code provision", "Section", "Obligation", "Code requirement", "Requirement source",
			"Comply", "Evidence", "Commentary / explanation", "Alternative", "Review"},
		SheetActions: {"Code provision", "Action", "Owner", "Due", "Status", "Completed", "Draft", "Overdue", "Days overdue"},
	}
	for sheet, want := range headers {
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) == 0 || !reflect.DeepEqual(rows[0], want) {
			t.Errorf("%s: header row %q, want %q (the headers are a stable interface)", sheet, rows, want)
		}
		for i := range want {
			cell, _ := excelize.CoordinatesToCellName(i+1, 1)
			if !style(t, f, sheet, cell).Font.Bold {
				t.Errorf("%s!%s: header not bold", sheet, cell)
			}
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: header row not frozen: %+v %v", sheet, panes, err)
		}
		if w, _ := f.GetColWidth(sheet, "B"); w < 20 {
			t.Errorf("%s: column B is %v wide", sheet, w)
		}
	}
	// Named fonts, borders, rows as tall as their text, and every sheet
	// (the Summary too) set up to print on A4 with the title and page
	// numbers.
	for _, c := range [][2]string{{SheetForm, "A1"}, {SheetActions, "A1"}, {SheetForm, "G2"}, {SheetSummary, "A1"}} {
		st := style(t, f, c[0], c[1])
		if st.Font == nil || st.Font.Family != fontName || st.Font.Size != fontSize {
			t.Errorf("%s!%s: font %+v, want %s %d", c[0], c[1], st.Font, fontName, fontSize)
		}
	}
	if forms > 0 && len(style(t, f, SheetForm, "G2").Border) != 4 {
		t.Errorf("%s: body cells have no borders", SheetForm)
	}
	if forms > 0 {
		if h, _ := f.GetRowHeight(SheetForm, 2); h < 2*lineHeight {
			t.Errorf("%s row 2 is %v points tall: its wrapped text would be cut", SheetForm, h)
		}
	}
	for _, sheet := range []string{SheetForm, SheetActions, SheetSummary} {
		pl, err := f.GetPageLayout(sheet)
		if err != nil || pl.Size == nil || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v %v, want A4 (9), one page wide", sheet, pl, err)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || !strings.Contains(hf.OddFooter, "Page &P of &N") || !strings.Contains(hf.OddHeader, "self-assessment against") {
			t.Errorf("%s: header and footer %+v %v", sheet, hf, err)
		}
	}
	if forms > 0 && !style(t, f, SheetForm, "D2").Alignment.WrapText {
		t.Errorf("%s: text not wrapped", SheetForm)
	}
	if actions > 0 && !style(t, f, SheetActions, "B2").Alignment.WrapText {
		t.Errorf("%s: text not wrapped", SheetActions)
	}
	var filters, titles []string
	for _, dn := range f.GetDefinedName() {
		switch dn.Name {
		case "_xlnm._FilterDatabase":
			filters = append(filters, dn.RefersTo)
		case "_xlnm.Print_Titles":
			titles = append(titles, dn.RefersTo)
		}
	}
	wantFilters := []string{fmt.Sprintf("'%s'!$A$1:$J$%d", SheetForm, max(forms+1, 2)), fmt.Sprintf("'%s'!$A$1:$I$%d", SheetActions, max(actions+1, 2))}
	if !reflect.DeepEqual(filters, wantFilters) {
		t.Errorf("autofilters %q, want %q", filters, wantFilters)
	}
	if want := []string{"'" + SheetForm + "'!$1:$1", "'" + SheetActions + "'!$1:$1"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("print titles %q, want %q", titles, want)
	}

	dvs := validations(t, f, SheetForm)
	wantDV := map[string]string{fmt.Sprintf("F2:F%d", forms+1+SpareRows): `"Yes,No,Partial,N/A"`}
	if !reflect.DeepEqual(dvs, wantDV) {
		t.Errorf("Comply drop-down %v, want %v", dvs, wantDV)
	}
	dvs = validations(t, f, SheetActions)
	last := actions + 1 + SpareRows
	wantDV = map[string]string{fmt.Sprintf("E2:E%d", last): `"Open,Done"`, fmt.Sprintf("G2:G%d", last): `"Yes,No"`}
	if !reflect.DeepEqual(dvs, wantDV) {
		t.Errorf("Status and Draft drop-downs %v, want %v", dvs, wantDV)
	}
}

func names(cols []column) []string {
	var out []string
	for _, c := range cols {
		out = append(out, c.name)
	}
	return out
}

// serial is a date as a workbook stores it, read raw: days since 30
// December 1899 (Excel's epoch, counting its phantom 29 February 1900).
func serial(d assessment.Date) string {
	if d.IsZero() {
		return ""
	}
	days := d.Time().Sub(assessment.NewDate(1899, 12, 30).Time()).Hours() / 24
	return strconv.Itoa(int(days))
}

// compareSheet compares every cell's raw value with want, and checks that
// no cell holds a formula and every text cell is a string.
func compareSheet(t *testing.T, f *excelize.File, sheet string, want [][]string) {
	t.Helper()
	got, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d rows, want %d", sheet, len(got), len(want))
	}
	for i := range min(len(got), len(want)) {
		g, w := trimRight(got[i]), trimRight(want[i])
		for j := range max(len(g), len(w)) {
			var gv, wv string
			if j < len(g) {
				gv = g[j]
			}
			if j < len(w) {
				wv = w[j]
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if gv != wv {
				t.Errorf("%s!%s = %q, want %q", sheet, cell, gv, wv)
			}
			if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
				t.Errorf("%s!%s holds a formula %q", sheet, cell, formula)
			}
			if _, isNum := strconv.Atoi(wv); isNum != nil && wv != "" {
				if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeSharedString {
					t.Errorf("%s!%s is %v, want a string", sheet, cell, typ)
				}
			}
		}
	}
}

func trimRight(r []string) []string {
	for len(r) > 0 && r[len(r)-1] == "" {
		r = r[:len(r)-1]
	}
	return r
}

func style(t *testing.T, f *excelize.File, sheet, cell string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.Font == nil {
		st.Font = &excelize.Font{}
	}
	if st.Alignment == nil {
		st.Alignment = &excelize.Alignment{}
	}
	return st
}

// validations maps each list drop-down's range to its list.
func validations(t *testing.T, f *excelize.File, sheet string) map[string]string {
	t.Helper()
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, dv := range dvs {
		if dv.Type != "list" {
			t.Errorf("%s: a %s validation, want list", sheet, dv.Type)
		}
		out[dv.Sqref] = dv.Formula1
	}
	return out
}

// TestWorkbookOrder: rows come in provision order ("6.9" before "6.10"),
// whatever the file's order, with the provisions the file leaves out in
// their places; a provision answered twice keeps its file order, and so do
// the actions of one provision.
func TestWorkbookOrder(t *testing.T) {
	a, cat := load(t, "testdata/every-field.yaml")
	f := open(t, write(t, a, cat, asOf))
	column := func(sheet string, col int) []string {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows[1:] {
			v := ""
			if col < len(r) {
				v = r[col]
			}
			out = append(out, v)
		}
		return out
	}
	var want []string
	for _, p := range cat.OnForm() {
		want = append(want, p.ID)
		if p.ID == "2.1" {
			want = append(want, "2.1") // answered twice
		}
	}
	want = append([]string{"1.1"}, want...) // off the form, but answered
	want = append(want, "9.99")             // unknown to the Code: last
	if got := column(SheetForm, 0); !reflect.DeepEqual(got, want) {
		t.Errorf("Self-assessment rows %q,\nwant %q", got, want)
	}
	evidence := column(SheetForm, 6)
	i := slices.Index(want, "2.1")
	if evidence[i] != "First answer to 2.1." || evidence[i+1] != "Second answer to 2.1." {
		t.Errorf("the two answers to 2.1 are out of file order: %q", evidence[i:i+2])
	}
	if got, want := column(SheetActions, 0), []string{"1.3", "2.1", "6.10", "6.10", "6.10", "6.10", "9.99"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Action plan rows %q, want %q", got, want)
	}
	if got, want := column(SheetActions, 1)[2:6], []string{"<script>alert(1)</script>", "Undated, unowned, draft.", "Done one.", "Done with no date."}; !reflect.DeepEqual(got, want) {
		t.Errorf("6.10's actions %q, want them in file order %q", got, want)
	}
}
