package importer

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// allocated is how many bytes f allocates: a measure of its work that,
// unlike time, does not depend on the machine.
func allocated(f func()) uint64 {
	var m [2]runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m[0])
	f()
	runtime.ReadMemStats(&m[1])
	return m[1].TotalAlloc - m[0].TotalAlloc
}

// growth is the shape of a document that once made import quadratic: n of
// something in one file.
type growth struct {
	name string
	n    int
	make func(t *testing.T, n int) (string, []byte)
	// check looks at what n of it imported to, so the work saved is not
	// what was read.
	check func(t *testing.T, n int, res *Result)
}

func textFile(name, src string) (string, []byte) {
	return name, []byte(strings.ReplaceAll(src, "|", "\t"))
}

var growths = []growth{
	{
		// Each repeat is kept in the first row's commentary, which was
		// joined string by string.
		name: "a provision row repeated (docx)", n: 1000,
		make: func(t *testing.T, n int) (string, []byte) {
			var b strings.Builder
			b.WriteString("table\nrow: Code provision | Code requirement | Comply | Evidence\n")
			for range n {
				b.WriteString("row: 1.2 | Define a complaint. | Yes | Policy section 2 says so.\n")
			}
			data, err := buildDocx(b.String())
			if err != nil {
				t.Fatal(err)
			}
			return "repeated.docx", data
		},
		check: func(t *testing.T, n int, res *Result) {
			ans, _ := res.Assessment.Answer("1.2")
			if got := strings.Count(ans.Commentary, "Also answered at"); got != n-1 {
				t.Errorf("%d repeats kept in the commentary, want %d", got, n-1)
			}
		},
	},
	{
		name: "rows continuing one provision (text)", n: 1000,
		make: func(t *testing.T, n int) (string, []byte) {
			var b strings.Builder
			b.WriteString(h24 + "1.2|Define|Yes|Policy|Note\n")
			for range n {
				b.WriteString("|more words|||and more\n")
			}
			return textFile("continued.txt", b.String())
		},
		check: func(t *testing.T, n int, res *Result) {
			ans, _ := res.Assessment.Answer("1.2")
			if got := strings.Count(ans.Requirement, "more words"); got != n {
				t.Errorf("%d continuations in the requirement, want %d", got, n)
			}
		},
	},
	{
		name: "rows without a number (text)", n: 1000,
		make: func(t *testing.T, n int) (string, []byte) {
			var b strings.Builder
			b.WriteString(h24 + "1.1|Define|Yes|Policy|\n")
			for i := range n {
				fmt.Fprintf(&b, "|Something else entirely %d|Yes|y|\n", i)
			}
			return textFile("lost.txt", b.String())
		},
		check: func(t *testing.T, n int, res *Result) {
			ans, _ := res.Assessment.Answer("1.1")
			if got := strings.Count(ans.Commentary, "Row without a provision number"); got != n {
				t.Errorf("%d rows kept in the commentary, want %d", got, n)
			}
		},
	},
	{
		name: "a row 100,000 cells wide (csv)", n: 5000,
		make: func(t *testing.T, n int) (string, []byte) {
			var b strings.Builder
			b.WriteString("Code provision,Code requirement,Comply,Evidence\n1.2,x,Yes,y")
			for range n {
				b.WriteString(",c")
			}
			return "wide.csv", []byte(b.String() + "\n")
		},
		check: func(t *testing.T, n int, res *Result) {
			ans, _ := res.Assessment.Answer("1.2")
			if got := strings.Count(ans.Commentary, ": c"); got != n {
				t.Errorf("%d cells kept in the commentary, want %d", got, n)
			}
		},
	},
	{
		name: "a stacked field of many lines (text)", n: 2000,
		make: func(t *testing.T, n int) (string, []byte) {
			var b strings.Builder
			b.WriteString("Code provision 1.2\nComply\nYes\nEvidence\n")
			for range n {
				b.WriteString("More evidence\n")
			}
			return "stacked.txt", []byte(b.String())
		},
		check: func(t *testing.T, n int, res *Result) {
			ans, _ := res.Assessment.Answer("1.2")
			if got := strings.Count(ans.Evidence, "More evidence"); got != n {
				t.Errorf("%d lines in the evidence, want %d", got, n)
			}
		},
	},
	{
		name: "tiny paragraphs (docx)", n: 10000,
		make: func(t *testing.T, n int) (string, []byte) {
			var b strings.Builder
			b.WriteString("table\nrow: Code provision | Code requirement | Comply | Evidence\nrow: 1.2 | x | Yes | y\n")
			for range n {
				b.WriteString("para: a\n")
			}
			data, err := buildDocx(b.String())
			if err != nil {
				t.Fatal(err)
			}
			return "paragraphs.docx", data
		},
	},
	{
		name: "distinct provision numbers (text)", n: 4000,
		make: func(t *testing.T, n int) (string, []byte) {
			var b strings.Builder
			b.WriteString(h24)
			for i := range n {
				fmt.Fprintf(&b, "%d.%d|x|Yes|y|\n", i/999+1, i%999+1)
			}
			return textFile("ids.txt", b.String())
		},
	},
}

// TestImportGrowsLinearly: four times the rows (cells, paragraphs) costs
// about four times the work, not sixteen. Work is counted in bytes
// allocated, which grew with the square of these shapes: 8 KB of repeated
// Word rows took 11 seconds, a 1.5 MB spreadsheet 213.
func TestImportGrowsLinearly(t *testing.T) {
	opts := Options{Code: "chc-2024", Landlord: "Fictional Homes", Assessed: details.Assessed}
	for _, g := range growths {
		t.Run(g.name, func(t *testing.T) {
			var work [2]uint64
			for i, n := range []int{g.n, 4 * g.n} {
				name, data := g.make(t, n)
				var res *Result
				var err error
				work[i] = allocated(func() { res, err = Import(name, data, opts) })
				if err != nil {
					t.Fatalf("n=%d: %v", n, err)
				}
				if g.check != nil {
					g.check(t, n, res)
				}
			}
			ratio := float64(work[1]) / float64(work[0])
			t.Logf("n=%d: %.1f MB; n=%d: %.1f MB (x%.1f)", g.n, float64(work[0])/(1<<20), 4*g.n, float64(work[1])/(1<<20), ratio)
			if ratio > 6 {
				t.Errorf("four times the input cost %.1f times the work: worse than linear", ratio)
			}
		})
	}
}

// sharedStringBook is a workbook whose one sheet is an assessment table of
// rows provisions, every Evidence cell the one shared string s: a small
// file that, expanded cell by cell, is rows × len(s) bytes of text.
func sharedStringBook(t *testing.T, s string, rows int) []byte {
	t.Helper()
	inline := func(ref, text string) string {
		return `<c r="` + ref + `" t="inlineStr"><is><t>` + text + `</t></is></c>`
	}
	var sheet strings.Builder
	sheet.WriteString(`<row r="1">` + inline("A1", "Code provision") + inline("B1", "Code requirement") + inline("C1", "Comply") + inline("D1", "Evidence") + `</row>`)
	for r := 2; r <= rows+1; r++ {
		fmt.Fprintf(&sheet, `<row r="%d">%s%s<c r="D%d" t="s"><v>0</v></c></row>`, r, inline(fmt.Sprintf("A%d", r), fmt.Sprintf("%d.%d", r/99+1, r%99+1)), inline(fmt.Sprintf("C%d", r), "Yes"), r)
	}
	data, err := zipParts([]struct{ name, body string }{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Assessment" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheet.String() + `</sheetData></worksheet>`},
		{"xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>` + s + `</t></si></sst>`},
	})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSharedStringBomb: an 84 KB workbook whose one 60 MB shared string
// fills 2,000 cells was 120 GB of text once each cell had its copy, and
// the kernel killed csa at 24 GB. A string a cell can use, used by every
// cell, is the same bomb in a smaller string. Both are refused in one line
// having allocated under 100 MB.
func TestSharedStringBomb(t *testing.T) {
	for _, tc := range []struct {
		name string
		size int
	}{
		{"one 60 MB string", 60 << 20},
		{"one 1 MB string", 1 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := sharedStringBook(t, strings.Repeat("x", tc.size), 2000)
			var err error
			n := allocated(func() { _, err = Import("bomb.xlsx", data, details) })
			t.Logf("%d KB file: allocated %.1f MB: %v", len(data)>>10, float64(n)/(1<<20), err)
			if err == nil || !strings.Contains(err.Error(), "bomb.xlsx: it is too large to read: ") || strings.Contains(err.Error(), "\n") {
				t.Errorf("want one line saying it is too large, got %v", err)
			}
			if n > 100<<20 {
				t.Errorf("allocated %d MB", n>>20)
			}
		})
	}
	// Within the limits, the same workbook imports whole.
	data := sharedStringBook(t, "Policy 2.1 says so.", 50)
	res, err := Import("fine.xlsx", data, Options{Code: "chc-2024", Landlord: "Fictional Homes", Assessed: details.Assessed})
	if err != nil {
		t.Fatal(err)
	}
	if ans, _ := res.Assessment.Answer("1.3"); ans.Evidence != "Policy 2.1 says so." {
		t.Errorf("evidence %q", ans.Evidence)
	}
}
