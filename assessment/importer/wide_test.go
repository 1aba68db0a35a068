package importer

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// wideXLSX is a sheet with an assessment table in its first columns, an
// extra column in BL (the 64th, the last read) and one in BM, and text in
// column XFD (the last column of all) on rows 1 to n. It is written as a
// stream: excelize's cell model would widen every row to column XFD.
func wideXLSX(t testing.TB, n int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	table := [][]any{
		{"Code provision", "Code requirement", "Comply", "Evidence"},
		{"1.2", "Define a complaint.", "Yes", "Policy 2.1."},
		{"1.3", "Accept a complaint.", "No", "Not yet."},
	}
	row := make([]any, 16384)
	for r := 1; r <= max(n, len(table)); r++ {
		clear(row)
		if r <= len(table) {
			copy(row, table[r-1])
		}
		switch r {
		case 1:
			row[63], row[64] = "Reviewer", "Hidden"
		case 2:
			row[63], row[64] = "Ann Lee", "far right"
		}
		if r <= n {
			row[16383] = fmt.Sprintf("stray %d", r)
		}
		if err := sw.SetRow(fmt.Sprintf("A%d", r), row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImportWideSheet: a cell in column XFD once made excelize widen every
// row to 16,384 cells (a 35 KB file took 7 GB). Only the first 64 columns
// are read now, and a note names the cells beyond them that hold text.
func TestImportWideSheet(t *testing.T) {
	const rows = 2000
	data := wideXLSX(t, rows)
	opts := details
	opts.Code = "chc-2024"
	var (
		res *Result
		err error
		m   [2]runtime.MemStats
	)
	runtime.GC()
	runtime.ReadMemStats(&m[0])
	res, err = Import("wide.xlsx", data, opts)
	runtime.ReadMemStats(&m[1])
	if err != nil {
		t.Fatal(err)
	}
	n := m[1].TotalAlloc - m[0].TotalAlloc
	t.Logf("%d KB file, %d rows: allocated %.1f MB", len(data)>>10, rows, float64(n)/(1<<20))
	if n > 200<<20 {
		t.Errorf("importing %d rows with a cell in column XFD allocated %d MB", rows, n>>20)
	}
	if len(res.Assessment.Answers) != 2 {
		t.Fatalf("answers %+v", res.Assessment.Answers)
	}
	if ans, _ := res.Assessment.Answer("1.2"); !strings.Contains(ans.Commentary, "Ann Lee") || strings.Contains(ans.Commentary, "far right") {
		t.Errorf("column BL is read, BM is not: %q", ans.Commentary)
	}
	var notes []string
	for _, n := range res.Notes {
		notes = append(notes, n.Format("wide.xlsx"))
	}
	for _, want := range []string{
		`wide.xlsx: sheet "Sheet1", row 1: columns BM and XFD are beyond the first 64 columns: not read`,
		`wide.xlsx: sheet "Sheet1", row 2: columns BM and XFD are beyond the first 64 columns: not read`,
		`wide.xlsx: sheet "Sheet1", row 3: column XFD is beyond the first 64 columns: not read`,
		`wide.xlsx: sheet "Sheet1", row 10: column XFD is beyond the first 64 columns: not read`,
		fmt.Sprintf(`wide.xlsx: sheet "Sheet1" has %d more cells beyond the first 64 columns: not read`, rows-10),
	} {
		if !slices.Contains(notes, want) {
			t.Errorf("no note %s\nnotes:\n%s", want, strings.Join(notes, "\n"))
		}
	}
	if slices.ContainsFunc(notes, func(s string) bool { return strings.Contains(s, "row 11:") }) {
		t.Errorf("a note for each of %d rows:\n%s", rows, strings.Join(notes, "\n"))
	}
}
