package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/csa-tool/csa/assessment/internal/ooxml"
)

// A cell in column XFD, the last, once made excelize widen every row to
// 16,384 cells: a 35 KB file took gigabytes. Only the first MaxColumns
// columns are read now, and what lies beyond is named, not read.

// allocated is how many bytes f allocates (not a timing: the same on any
// machine). The tests measuring it are not parallel, so nothing else runs.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

const maxAlloc = 200 << 20

// withXFD puts text in column XFD on rows 1 to n of a sheet, or, blank,
// an empty cell with a style. It edits the sheet's XML: excelize itself
// would widen every row to the cell, and take gigabytes to write it.
func withXFD(t testing.TB, data []byte, sheet string, n int, blank bool) []byte {
	t.Helper()
	cell := func(r int) string {
		if blank {
			return fmt.Sprintf(`<c r="XFD%d" s="1"/>`, r)
		}
		return fmt.Sprintf(`<c r="XFD%d" t="inlineStr"><is><t>stray</t></is></c>`, r)
	}
	b, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	bs, ok := b.sheet(sheet)
	if !ok {
		t.Fatalf("no sheet %q", sheet)
	}
	part := bs.part
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == part {
			last := 0
			xml := reRow.ReplaceAllStringFunc(string(body), func(row string) string {
				last, _ = strconv.Atoi(reRow.FindStringSubmatch(row)[1])
				if last > n {
					return row
				}
				return strings.TrimSuffix(row, "</row>") + cell(last) + "</row>"
			})
			var more strings.Builder
			for r := last + 1; r <= n; r++ {
				fmt.Fprintf(&more, `<row r="%d">%s</row>`, r, cell(r))
			}
			if !strings.Contains(xml, "</sheetData>") {
				t.Fatalf("%s: no sheetData", part)
			}
			body = []byte(strings.Replace(xml, "</sheetData>", more.String()+"</sheetData>", 1))
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var reRow = regexp.MustCompile(`(?s)<row r="(\d+)"[^>/]*>.*?</row>`)

// bookOf is a workbook of one sheet, Sheet1, whose XML is sheet (inside
// worksheet) and whose shared strings are sst (si elements), as bytes.
func bookOf(t testing.TB, sheet, sst string) []byte {
	t.Helper()
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sheet + `</worksheet>`},
		{"xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, p.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readSheet1(t testing.TB, data []byte) (*Sheet, error) {
	t.Helper()
	b, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	return b.ReadSheet("Sheet1")
}

func TestReadSheetBeyond(t *testing.T) {
	many := strings.Repeat(`<c><v>1</v></c>`, MaxColumns+2) // no r: columns A to BN
	xml := `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="BL1"><v>64</v></c><c r="BM1" t="s"><v>0</v></c><c r="XFC1" s="1"/><c r="XFD1" s="1"></c></row>` +
		`<row>` + many + `</row>` +
		`<row r="4"><c r="XFD4" t="inlineStr"><is><r><t>rich</t></r></is></c></row>` +
		`<row r="5"><c r="A5"><v>5</v></c><c r="BN5"><f>1+1</f></c><c r="BO5" t="inlineStr"><is><t></t></is></c></row>` +
		`</sheetData><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>`
	s, err := readSheet1(t, bookOf(t, xml, `<si><t>zero</t></si>`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range s.Beyond {
		got = append(got, c.String())
	}
	if want := []string{"BM1", "BM2", "BN2", "XFD4", "BN5"}; !reflect.DeepEqual(got, want) || s.BeyondCount != len(want) {
		t.Errorf("beyond %v (%d), want %v", got, s.BeyondCount, want)
	}
	if !reflect.DeepEqual(s.Merged, []string{"A1:A2"}) {
		t.Errorf("merged %v", s.Merged)
	}
	row1 := append(append([]string{"a"}, make([]string, MaxColumns-2)...), "64")
	want := []SheetRow{{1, row1}, {2, strings.Split(strings.Repeat("1", MaxColumns), "")}, {5, []string{"5"}}}
	if !reflect.DeepEqual(s.Rows, want) {
		t.Errorf("rows\n%v\nwant\n%v", s.Rows, want)
	}
	if _, err := readSheet1(t, bookOf(t, `<sheetData><row><c r="XFD1"><v>1`, "")); err == nil {
		t.Error("cut XML read")
	}
}

func TestReadSheetWide(t *testing.T) {
	const rows = 2000
	f := excelize.NewFile()
	set(t, f, "Sheet1", "A1", "first")
	set(t, f, "Sheet1", "BL1", "last read")
	set(t, f, "Sheet1", "BM1", "first not read")
	if err := f.MergeCell("Sheet1", "A2", "A3"); err != nil {
		t.Fatal(err)
	}
	data := withXFD(t, save(t, f), "Sheet1", rows, false)

	var s *Sheet
	n := allocated(func() {
		var err error
		if s, err = readSheet1(t, data); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("allocated %.1f MB", float64(n)/(1<<20))
	if n > maxAlloc {
		t.Errorf("reading %d rows with a cell in column XFD allocated %d MB", rows, n>>20)
	}
	if len(s.Rows) != 1 || s.Rows[0].Row != 1 || len(s.Rows[0].Cells) != MaxColumns ||
		s.Rows[0].Cells[0] != "first" || s.Rows[0].Cells[MaxColumns-1] != "last read" {
		t.Errorf("rows %d %+v", len(s.Rows), s.Rows)
	}
	if s.BeyondCount != rows+1 || len(s.Beyond) != maxBeyond || s.Beyond[0] != (CellRef{Col: 65, Row: 1}) || s.Beyond[1] != (CellRef{Col: 16384, Row: 1}) {
		t.Errorf("beyond %d %v", s.BeyondCount, s.Beyond[:2])
	}
	if !reflect.DeepEqual(s.Merged, []string{"A2:A3"}) {
		t.Errorf("merged %v", s.Merged)
	}
}

// TestReadWideWorkbook: csa's workbook with text beyond the columns read is
// an error naming the cell, not text lost; an empty formatted cell there is
// nothing.
func TestReadWideWorkbook(t *testing.T) {
	a, cat := load(t, fixtures(t)[0])
	data := write(t, a, cat, asOf)
	want, ok, err := Read(bytes.NewReader(data))
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	for _, sheet := range []string{SheetForm, SheetActions, SheetSummary} {
		wide := withXFD(t, data, sheet, 2000, false)
		var (
			ok  bool
			err error
		)
		n := allocated(func() { _, ok, err = Read(bytes.NewReader(wide)) })
		t.Logf("%s: allocated %.1f MB", sheet, float64(n)/(1<<20))
		if n > maxAlloc {
			t.Errorf("%s: reading 2000 rows with a cell in column XFD allocated %d MB", sheet, n>>20)
		}
		var ce *CellError
		if !ok || !errors.As(err, &ce) || ce.Sheet != sheet || ce.Cell != "XFD1" || !strings.Contains(ce.Msg, "first 64 columns (A to BL)") {
			t.Errorf("%s: %v %v", sheet, ok, err)
		}
	}
	// Empty cells with a style: nothing to read, nothing to say.
	got, ok, err := Read(bytes.NewReader(withXFD(t, data, SheetForm, 2000, true)))
	if err != nil || !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("formatted empty cells in column XFD: %v %v", ok, err)
	}
}

// wideWorkbook is csa's workbook with text in column XFD, for the fuzzer.
func wideWorkbook(t testing.TB) []byte {
	a, cat := load(t, fixtures(t)[0])
	return withXFD(t, write(t, a, cat, asOf), SheetForm, 3, false)
}

// TestSharedStringBudget: a shared string is decoded once, and each cell
// that uses it counts it against MaxText, so a small file cannot expand
// into gigabytes of cells.
func TestSharedStringBudget(t *testing.T) {
	var rows strings.Builder
	for r := 1; r <= 2000; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>`, r, r)
	}
	for _, size := range []int{1 << 20, 60 << 20} {
		data := bookOf(t, "<sheetData>"+rows.String()+"</sheetData>", "<si><t>"+strings.Repeat("x", size)+"</t></si>")
		var err error
		n := allocated(func() { _, err = readSheet1(t, data) })
		t.Logf("%d MB string, %d KB file: allocated %.1f MB: %v", size>>20, len(data)>>10, float64(n)/(1<<20), err)
		if !ooxml.IsLimit(err) {
			t.Errorf("%d MB string in 2000 cells: %v", size>>20, err)
		}
		if n > 100<<20 {
			t.Errorf("%d MB string in 2000 cells: allocated %d MB", size>>20, n>>20)
		}
	}
	s, err := readSheet1(t, bookOf(t, "<sheetData>"+rows.String()+"</sheetData>", "<si><r><t>a_x0041_</t></r><rPh><t>not this</t></rPh><r><t>_x005F_x0042_</t></r></si>"))
	if err != nil || len(s.Rows) != 2000 || s.Rows[1999].Cells[0] != "aA_x0042_" {
		t.Fatalf("%v %v", err, s.Rows[:1])
	}
}
