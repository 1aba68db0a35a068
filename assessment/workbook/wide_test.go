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
	part, ok := sheetPart(open(t, data), sheet)
	if !ok {
		t.Fatalf("no sheet %q", sheet)
	}
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

func TestScanSetsAsideCellsBeyond(t *testing.T) {
	many := strings.Repeat(`<c><v>1</v></c>`, MaxColumns+2) // no r: columns A to BN
	xml := `<?xml version="1.0" encoding="UTF-8"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		`<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="BL1"><v>64</v></c><c r="BM1" t="s"><v>0</v></c><c r="XFC1" s="1"/><c r="XFD1" s="1"></c></row>` +
		`<row>` + many + `</row>` +
		`<row r="4"><c r="XFD4" t="inlineStr"><is><r><t>rich</t></r></is></c></row>` +
		`<row r="5"><c r="A5"><v>5</v></c><c r="BN5"><f>1+1</f></c><c r="BO5" t="inlineStr"><is><t></t></is></c></row>` +
		`</sheetData><mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells></worksheet>`
	s := &Sheet{}
	out, err := s.scan([]byte(xml))
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
	want := strings.NewReplacer(
		`<c r="BM1" t="s"><v>0</v></c><c r="XFC1" s="1"/><c r="XFD1" s="1"></c>`, "",
		many, strings.Repeat(`<c><v>1</v></c>`, MaxColumns),
		`<c r="XFD4" t="inlineStr"><is><r><t>rich</t></r></is></c>`, "",
		`<c r="BN5"><f>1+1</f></c><c r="BO5" t="inlineStr"><is><t></t></is></c>`, "",
	).Replace(xml)
	if string(out) != want {
		t.Errorf("kept\n%s\nwant\n%s", out, want)
	}
	// Nothing beyond: the XML as it was.
	if out, err := (&Sheet{}).scan([]byte(want)); err != nil || string(out) != want {
		t.Errorf("rewritten: %v\n%s", err, out)
	}
	if _, err := (&Sheet{}).scan([]byte(`<worksheet><sheetData><row><c r="XFD1"><v>1`)); err == nil {
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
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if s, err = ReadSheet(f, "Sheet1"); err != nil {
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
