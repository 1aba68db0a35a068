package importer

import (
	"bytes"
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
	return rawBook(t, `<sheetData>`+sheet.String()+`</sheetData>`, `<si><t>`+s+`</t></si>`)
}

// rawBook is a workbook of one sheet, "Assessment", whose XML is sheet
// (inside worksheet), and whose shared strings are sst (si elements),
// written by hand: excelize would tidy what a hostile file would not.
func rawBook(t *testing.T, sheet, sst string) []byte {
	t.Helper()
	data, err := zipParts([]struct{ name, body string }{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Assessment" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sheet + `</worksheet>`},
		{"xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`},
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

// docxOf is a Word document whose body is the XML given.
func docxOf(t *testing.T, body string) []byte {
	t.Helper()
	data, err := zipParts([]struct{ name, body string }{{"word/document.xml",
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`}})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestLimits: each limit is reached by a small file, which is refused in
// one line, naming the limit, having allocated under 100 MB. A 165 KB Word
// document of tiny paragraphs took 2.35 GB before there were limits.
func TestLimits(t *testing.T) {
	table := `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Code provision</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Comply</w:t></w:r></w:p></w:tc></w:tr>`
	for _, tc := range []struct {
		name, file string
		make       func(t *testing.T) []byte
		want       string
	}{
		{"tiny paragraphs", "paragraphs.docx", func(t *testing.T) []byte {
			return docxOf(t, table+`</w:tbl>`+strings.Repeat(`<w:p><w:r><w:t>a</w:t></w:r></w:p>`, 2*maxLines))
		}, "more than 50000 rows, paragraphs and lines"},
		{"a row of a million cells", "cells.docx", func(t *testing.T) []byte {
			return docxOf(t, table+`<w:tr>`+strings.Repeat(`<w:tc><w:p/></w:tc>`, 1_000_000)+`</w:tr></w:tbl>`)
		}, "its tables have more than 100000 cells"},
		{"cells spanning many columns", "spans.docx", func(t *testing.T) []byte {
			return docxOf(t, table+`<w:tr>`+strings.Repeat(`<w:tc><w:tcPr><w:gridSpan w:val="64"/></w:tcPr></w:tc>`, 5000)+`</w:tr></w:tbl>`)
		}, "its tables have more than 100000 cells"},
		{"a 1 MB cell merged down 100 rows", "merged.docx", func(t *testing.T) []byte {
			first := `<w:tr><w:tc><w:p><w:r><w:t>1.2</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>` +
				strings.Repeat("x", 1<<20) + `</w:t></w:r></w:p></w:tc></w:tr>`
			return docxOf(t, table+first+strings.Repeat(`<w:tr><w:tc><w:p/></w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr>`, 100)+`</w:tbl>`)
		}, "more than 16 MB of text"},
		{"a 1 MB cell in tables nested 40 deep", "nested.docx", func(t *testing.T) []byte {
			inner := `<w:p><w:r><w:t>` + strings.Repeat("x", 1<<20) + `</w:t></w:r></w:p>`
			for range 40 {
				inner = `<w:tbl><w:tr><w:tc>` + inner + `</w:tc></w:tr></w:tbl>`
			}
			return docxOf(t, table+`</w:tbl>`+inner)
		}, "more than 16 MB of text"},
		{"many lines of text", "lines.txt", func(t *testing.T) []byte {
			return []byte(strings.ReplaceAll(h24, "|", "\t") + strings.Repeat("\n", 2*maxLines))
		}, "more than 50000 rows, paragraphs and lines"},
		{"a million commas", "commas.csv", func(t *testing.T) []byte {
			return []byte("Code provision,Comply\n1.2,Yes" + strings.Repeat(",", 1_000_000))
		}, "more than 100000 cells (counting its commas)"},
		{"a million tabs", "tabs.txt", func(t *testing.T) []byte {
			return []byte("Code provision\tComply\n1.2\tYes" + strings.Repeat("\t", 1_000_000))
		}, "more than 100000 cells (counting its tabs and commas)"},
		{"merged ranges over each other", "merged.xlsx", func(t *testing.T) []byte {
			var b strings.Builder
			b.WriteString(`<sheetData>`)
			for r := 1; r <= 300; r++ {
				fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="s"><v>0</v></c></row>`, r, r)
			}
			b.WriteString(`</sheetData><mergeCells>` + strings.Repeat(`<mergeCell ref="A1:BL300"/>`, 1000) + `</mergeCells>`)
			return rawBook(t, b.String(), `<si><t>x</t></si>`)
		}, "its tables have more than 100000 cells"},
		{"a file over 64 MB", "big.txt", func(t *testing.T) []byte {
			return bytes.Repeat([]byte("a"), MaxFile+1)
		}, "it is over 64 MB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.make(t)
			var err error
			n := allocated(func() { _, err = Import(tc.file, data, details) })
			t.Logf("%d KB file: allocated %.1f MB: %v", len(data)>>10, float64(n)/(1<<20), err)
			if err == nil || !strings.HasPrefix(err.Error(), tc.file+": it is too large to read: ") || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("want one line saying %q, got %v", tc.want, err)
			}
			if n > 100<<20 {
				t.Errorf("allocated %d MB", n>>20)
			}
		})
	}
}
