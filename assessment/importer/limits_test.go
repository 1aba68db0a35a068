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
