package importer

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
)

// page wraps content in a site's chrome: what every landlord's page has
// around its assessment.
func page(title, content string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `</title>
<script>var x = "<table><tr><td>9.9</td><td>Yes</td></tr></table>";</script><style>td{color:red}</style></head>
<body><a class="skip-link" href="#main">Skip to main content</a>
<div class="cookie-banner"><p>We use cookies. 1.2 Accept all cookies</p><button>Accept</button></div>
<header><nav><ul><li>1.3 Home</li><li>Housing</li></ul></nav></header>
<nav class="breadcrumb"><a href="/">Home</a></nav>
<main id="main">` + content + `</main>
<aside><h2>Related</h2><p>1.4 Our policy</p></aside>
<form class="feedback"><h2>Was this page helpful?</h2><button>Yes</button><button>No</button></form>
<footer><p>6.1 Contact us</p><p>&copy; Fictional Homes 2025</p></footer></body></html>`
}

// htmlRows reads a page and returns its lines as text: "P: " a paragraph,
// "H: " a heading, cells joined by " | ".
func htmlRows(t *testing.T, src string) []string {
	t.Helper()
	d, err := readHTML([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range d.lines {
		switch {
		case l.Heading:
			out = append(out, "H: "+l.Cells[0])
		case l.Para:
			out = append(out, "P: "+l.Cells[0])
		default:
			out = append(out, strings.Join(l.Cells, " | "))
		}
	}
	return out
}

func TestHTMLContent(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          []string
	}{
		{"chrome left out, table kept", `<h1>Self-assessment</h1><table><thead><tr><th>Code provision</th><th>Comply</th></tr></thead>
<tbody><tr><td>1.2</td><td>Yes</td></tr></tbody></table><p><a href="#main">Back to top</a></p>`,
			[]string{"H: Self-assessment", "Code provision | Comply", "1.2 | Yes"}},
		{"cells: paragraphs, lists and line breaks are lines of one cell", `<table><tr><td>1.2</td><td><p>One.</p><p>Two.</p></td>
<td><ul><li>A</li><li>B</li></ul></td><td>X<br>Y&nbsp;Z</td></tr></table>`,
			[]string{"1.2 | One.\nTwo. | • A\n• B | X\nY Z"}},
		{"lettered lists keep their letters", `<ol type="a"><li>first</li><li>second</li></ol><ol style="list-style-type: lower-roman" start="3"><li>third</li></ol>`,
			[]string{"P: a. first", "P: b. second", "P: iii. third"}},
		{"colspan pads, rowspan repeats", `<table><tr><td colspan="2">Section 1</td><td>x</td></tr>
<tr><td rowspan="2">1.2</td><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`,
			[]string{"Section 1 |  | x", "1.2 | a | b", "1.2 | c | d"}},
		{"a table inside a cell is lines of the cell", `<table><tr><td>1.2</td><td><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></td></tr></table>`,
			[]string{"1.2 | a; b\nc"}},
		{"a layout table is not data", `<table role="presentation"><tr><td><h2>Section 1</h2><p>Text.</p></td></tr></table>`,
			[]string{"H: Section 1", "P: Text."}},
		{"a few rows around another table lay out the page", `<table><tr><td><p>Intro.</p><table><tr><td>1.2</td><td>Yes</td></tr><tr><td>1.3</td><td>No</td></tr></table></td></tr></table>`,
			[]string{"P: Intro.", "1.2 | Yes", "1.3 | No"}},
		{"hidden text and toggles left out, collapsed panels read", `<h2><button aria-expanded="false">Section 1<span class="govuk-accordion__section-toggle">Show</span></button></h2>
<p style="display: none">Hidden.</p><span aria-hidden="true">Icon</span>
<div hidden="until-found"><table><tr><td>1.2</td><td>Yes</td></tr></table></div>`,
			[]string{"H: Section 1", "1.2 | Yes"}},
		{"screen-reader text and icons answer a cell", `<table><tr><td>1.2</td><td><i class="fa fa-check" aria-hidden="true"></i></td><td><span class="sr-only">No</span></td><td><img src="t.png" alt="Partial"></td></tr></table>`,
			[]string{"1.2 | ✓ | No | Partial"}},
		{"definition lists: labels join their values, other terms are headings", `<dl><dt>Provision</dt><dd>1.2</dd><dt>Compliant?</dt><dd>Yes</dd><dt>Evidence</dt><dd><p>A.</p><p>B.</p></dd></dl>
<dl><dt>1.3 Definition</dt><dd>Compliance: No</dd></dl>`,
			[]string{"P: Provision: 1.2", "P: Compliant?: Yes", "P: Evidence: A.", "P: B.", "H: 1.3 Definition", "P: Compliance: No"}},
		{"a table of divs with ARIA roles", `<div role="table"><div role="rowgroup"><div role="row"><span role="columnheader">Code provision</span><span role="columnheader">Comply</span></div></div>
<div role="row"><div role="cell">1.2</div><div role="cell"><p>Yes</p></div></div></div>`,
			[]string{"Code provision | Comply", "1.2 | Yes"}},
		{"a responsive table's repeated labels", `<table><tr><td><b class="tablesaw-cell-label">Code provision</b> 1.2</td><td><span class="tablesaw-cell-label">Comply</span> Yes</td></tr></table>`,
			[]string{"1.2 | Yes"}},
		{"details and summary", `<details><summary>1.2 - Definition</summary><p>Compliance: YES</p></details>`,
			[]string{"H: 1.2 - Definition", "P: Compliance: YES"}},
		{"a paragraph in bold is a heading, an answer in bold is not", `<p><strong>1.2 Definition</strong></p><p><b>Fully met</b></p><p><strong>Compliance:</strong> Yes</p>`,
			[]string{"H: 1.2 Definition", "P: Fully met", "P: Compliance: Yes"}},
	} {
		got := htmlRows(t, page("T", tc.content))
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestHTMLPagedTable(t *testing.T) {
	d, err := readHTML([]byte(page("T", `<div class="dataTables_length"><label>Show <select><option>10</option></select> entries</label></div>
<table><tr><th>Code provision</th><th>Comply</th></tr><tr><td>1.2</td><td>Yes</td></tr></table>
<div class="dataTables_info">Showing 1 to 10 of 72 entries</div><div class="dataTables_paginate"><a>Previous</a><a>1</a><a>2</a><a>Next</a></div>`)))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.notes) != 1 || !strings.Contains(d.notes[0].Message, "the page says it shows 1 to 10 of 72 rows") {
		t.Errorf("notes %v", d.notes)
	}
	for _, l := range d.lines {
		if strings.Contains(strings.Join(l.Cells, " "), "Previous") || strings.Contains(strings.Join(l.Cells, " "), "entries") {
			t.Errorf("the table's controls were read: %q", l.Cells)
		}
	}
}

func TestHTMLMainContent(t *testing.T) {
	// Without <main>, a container named for the content; a page that keeps
	// its table outside <main> is read whole.
	got := htmlRows(t, `<html><body><div id="header"><p>1.2 Menu</p></div><div id="content"><table><tr><td>1.3</td><td>Yes</td></tr></table></div><div id="footer">x</div></body></html>`)
	if fmt.Sprint(got) != fmt.Sprint([]string{"1.3 | Yes"}) {
		t.Errorf("#content: %q", got)
	}
	got = htmlRows(t, `<html><body><main><h1>Title</h1></main><div class="content"><table><tr><td>1.3</td><td>Yes</td></tr><tr><td>1.4</td><td>No</td></tr></table></div></body></html>`)
	if fmt.Sprint(got) != fmt.Sprint([]string{"H: Title", "1.3 | Yes", "1.4 | No"}) {
		t.Errorf("table outside <main>: %q", got)
	}
	// A page built as one ASP.NET form is read; a small form is chrome.
	got = htmlRows(t, `<html><body><form id="aspnetForm"><div id="content"><table><tr><td>1.3</td><td>Yes</td></tr></table></div></form><form><p>Rate this page</p></form></body></html>`)
	if fmt.Sprint(got) != fmt.Sprint([]string{"1.3 | Yes"}) {
		t.Errorf("form page: %q", got)
	}
}

func TestHTMLCharsets(t *testing.T) {
	body := "<table><tr><th>Code provision</th><th>Code requirement</th><th>Comply</th><th>Evidence</th><th>Commentary</th></tr>" +
		"<tr><td>6.13</td><td>A different person \x96 not the stage 1 handler \x96 reviews stage 2.</td><td>Yes</td><td>The director\x92s review.</td><td></td></tr></table>"
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"meta charset windows-1252", []byte(`<html><head><meta charset="windows-1252"><title>T</title></head><body><main>` + body + `</main></body></html>`)},
		{"http-equiv iso-8859-1", []byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><main>` + body + `</main></body></html>`)},
		{"no charset, not UTF-8", []byte(`<html><body><main>` + body + `</main></body></html>`)},
	} {
		res, err := Import("page.html", tc.data, details)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		ans, _ := res.Assessment.Answer("6.13")
		if ans.Requirement != "A different person – not the stage 1 handler – reviews stage 2." || ans.Evidence != "The director’s review." {
			t.Errorf("%s: %q %q", tc.name, ans.Requirement, ans.Evidence)
		}
	}
}

func TestMHTML(t *testing.T) {
	// A page saved as one file: a MIME message, the page quoted-printable.
	src := "From: <Saved by Blink>\r\nSubject: Self-assessment\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n" +
		"------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
		"<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\"><title>Self-assessment | Fictio=\r\nnal Homes</title></head><body><main><p>Last updated 1 June 2025</p>" +
		"<table><tr><th>Code provision</th><th>Comply</th><th>Evidence</th><th>Commentary</th></tr><tr><td>6.13</td><td>Yes</td><td>A director=E2=80=99s review.</td><td></td></tr>" +
		"<tr><td>9.6</td><td>No</td><td>Not yet.</td><td></td></tr></table></main></body></html>\r\n" +
		"------MultipartBoundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n" +
		"------MultipartBoundary--abc------\r\n"
	for _, name := range []string{"page.mhtml", "page.mht", "page.txt"} {
		res, err := Import(name, []byte(src), Options{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		a := res.Assessment
		ans, _ := a.Answer("6.13")
		if a.Landlord != "Fictional Homes" || a.Assessed.String() != "2025-06-01" || ans.Evidence != "A director’s review." || len(a.Answers) != 2 {
			t.Errorf("%s: %q %s %+v", name, a.Landlord, a.Assessed, a.Answers)
		}
	}
	if _, err := Import("broken.mht", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\nContent-Type: image/png\r\n\r\nxx\r\n--x--\r\n"), details); err == nil || !strings.Contains(err.Error(), "saved web page (.mht) with no page in it") {
		t.Errorf("an .mht with no page: %v", err)
	}
}

func TestHTMLDeepNesting(t *testing.T) {
	// Deeper than the parser goes: a plain refusal.
	over := strings.Repeat("<div>", 600) + strings.Repeat("</div>", 600)
	if _, err := Import("deep.html", []byte(page("T", over)), details); err == nil || err.Error() != "deep.html: the page nests its elements more than 512 deep, which csa cannot read" {
		t.Errorf("600 deep: %v", err)
	}
	// Deeper than csa reads: the rest is read, and the note says what was not.
	deep := strings.Repeat("<div>", 400) + "<table><tr><td>1.2</td></tr></table>" + strings.Repeat("</div>", 400)
	d, err := readHTML([]byte(page("T", deep+`<table><tr><th>Code provision</th><th>Comply</th></tr><tr><td>6.13</td><td>Yes</td></tr></table>`)))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.notes) == 0 || !strings.Contains(d.notes[0].Message, "more than 256 deep") {
		t.Errorf("no note about what was too deep: %v", d.notes)
	}
}

func TestHTMLTooLarge(t *testing.T) {
	if _, err := Import("big.html", bytes.Repeat([]byte("<p>x</p>"), maxHTML/8+1), details); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("a page over the cap: %v", err)
	}
}

func TestLooksHTML(t *testing.T) {
	for src, want := range map[string]bool{
		"<!DOCTYPE html><html>":              true,
		"\ufeff  <html lang=en>":             true,
		"<!-- saved from url -->\n<html>":    true,
		"<?xml version=\"1.0\"?><html>":      true,
		"Code provision\t<p>Requirement</p>": false,
		"<p>1.2</p>\tYes":                    false,
	} {
		if got := looksHTML([]byte(src)); got != want {
			t.Errorf("looksHTML(%q) = %v", src, got)
		}
	}
}

func TestChromeLine(t *testing.T) {
	for s, want := range map[string]bool{
		"Back to top": true, "↑ Back to top": true, "Was this page helpful?": true, "Show all sections": true,
		"© Fictional Homes 2025": true, "Accept all cookies": true, "Home": true,
		"Yes": false, "Back to top of the policy was changed in 2024.": false, "Evidence": false,
		"Previous: Section 8 – Self-assessment": true, "Next page": true, "« Previous": true, "Other formats": true,
		"Next steps": false, "Next: we will audit ten cases.": false, "Previous complaints were logged by hand.": false,
	} {
		if got := chromeLine(s); got != want {
			t.Errorf("chromeLine(%q) = %v", s, got)
		}
	}
}

// TestHTMLAnswers imports a page in each layout the issue names and checks
// every answer.
func TestHTMLAnswers(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          map[string]assessment.Comply
	}{
		{"heading per provision", `<h2>Section 6: Complaints stages</h2>
<h3>6.13 - Stage 2 reviewer</h3><p>Compliance: YES</p><p>Evidence: a director.</p><p><a href="#">Back to top</a></p>
<h3>6.20 - Final response</h3><p>Compliant: No</p><p>The letter does not say so.</p>
<h3>9.6 Reports</h3><p>Do we comply? Partially met</p>`,
			map[string]assessment.Comply{"6.13": assessment.Yes, "6.20": assessment.No, "9.6": assessment.Partial}},
		{"answers in headings", `<h3>6.13 Stage 2 reviewer: Met</h3><p>A director.</p><h3>6.20 Final response – Not met</h3><p>Not yet.</p>`,
			map[string]assessment.Comply{"6.13": assessment.Yes, "6.20": assessment.No}},
		{"per-entity answers", `<table><tr><th>Code provision</th><th>Compliance</th><th>Evidence</th><th>Commentary</th></tr>
<tr><td>6.13</td><td>Landlord A: YES, Landlord B: YES</td><td>x</td><td></td></tr>
<tr><td>6.20</td><td>Landlord A: YES<br>Landlord B: PARTIAL</td><td>y</td><td></td></tr></table>`,
			map[string]assessment.Comply{"6.13": assessment.Yes, "6.20": assessment.Unanswered}},
		{"tick columns", `<table><tr><th>Code provision</th><th>Yes</th><th>No</th><th>Partial</th><th>Evidence</th><th>Commentary</th></tr>
<tr><td>6.13</td><td>&#10004;</td><td></td><td></td><td>x</td><td></td></tr>
<tr><td>6.20</td><td></td><td>X</td><td></td><td>y</td><td></td></tr>
<tr><td>9.6</td><td></td><td></td><td>✓</td><td>z</td><td></td></tr></table>`,
			map[string]assessment.Comply{"6.13": assessment.Yes, "6.20": assessment.No, "9.6": assessment.Partial}},
		{"an answer column under a header csa does not know", `<table><tr><th>Ref</th><th>The Code says</th><th>Our position</th><th>How we meet this</th></tr>
<tr><td>6.13</td><td>A different person.</td><td>Compliant</td><td>x</td></tr><tr><td>6.20</td><td>Final.</td><td>Not compliant</td><td>y</td></tr></table>`,
			map[string]assessment.Comply{"6.13": assessment.Yes, "6.20": assessment.No}},
		{"no provision column: the number starts the requirement", `<table><tr><th>Code requirement</th><th>Comply</th><th>Evidence</th></tr>
<tr><td>6.13 A different person reviews stage 2.</td><td>Yes</td><td>x</td></tr><tr><td>6.20 The final response.</td><td>No</td><td>y</td></tr></table>`,
			map[string]assessment.Comply{"6.13": assessment.Yes, "6.20": assessment.No}},
	} {
		res, err := Import("page.html", []byte(page("Self-assessment | Fictional Homes", tc.content)), details)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		got := map[string]assessment.Comply{}
		for _, a := range res.Assessment.Answers {
			got[a.ID] = a.Comply
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
		for _, a := range res.Assessment.Answers {
			if strings.Contains(a.Evidence+a.Requirement+a.Commentary, "Back to top") {
				t.Errorf("%s: %s holds a Back to top link", tc.name, a.ID)
			}
		}
	}
}

// TestHTMLGrowsLinearly: four times the page costs no more than about
// four times the allocations (a quadratic path would cost sixteen).
func TestHTMLGrowsLinearly(t *testing.T) {
	gen := func(n int, f string) []byte {
		var b strings.Builder
		b.WriteString("<html><head><title>Self-assessment | Fictional Homes</title></head><body><main><p>Last updated 1 June 2025</p>")
		for i := range n {
			fmt.Fprintf(&b, f, 1+i/9, 1+i%9)
		}
		return []byte(b.String())
	}
	for _, f := range []string{
		"<dl><dt>Provision</dt><dd>%d.%d</dd><dt>Compliant?</dt><dd>Yes</dd><dt>Evidence</dt><dd>We do.</dd></dl>",
		"<h3>%d.%d Title</h3><p>Compliance: Yes</p><p>Our evidence.</p>",
		"<table><tr><th>Code provision</th><th>Comply</th><th>Evidence</th></tr><tr><td>%d.%d</td><td>Yes</td><td><p>a</p><ul><li>b</li></ul></td></tr></table>",
	} {
		small, large := gen(500, f), gen(2000, f)
		a := testing.AllocsPerRun(2, func() { _, _ = Import("p.html", small, details) })
		b := testing.AllocsPerRun(2, func() { _, _ = Import("p.html", large, details) })
		if b > 5*a {
			t.Errorf("%.40q: %v allocations for 500 provisions, %v for 2000", f, a, b)
		}
	}
}

// TestHTMLUnclosedFormatting: formatting tags left open are reopened by
// the parser in every block after them; hundreds of them before thousands
// of paragraphs must not make hundreds of elements per paragraph.
func TestHTMLUnclosedFormatting(t *testing.T) {
	var b strings.Builder
	b.WriteString("<p>")
	for i := range 400 {
		fmt.Fprintf(&b, "<b a=%d>", i)
	}
	b.WriteString("</p>" + strings.Repeat("<p>x</p>", 5000))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, _ = Import("f.html", []byte(b.String()), details)
	runtime.ReadMemStats(&after)
	if used := after.TotalAlloc - before.TotalAlloc; used > 64<<20 {
		t.Errorf("a 43 kB page allocated %d MB", used>>20)
	}
	for src, want := range map[string]int{
		"<b>x</b><i>y</i>":                       1,
		"<p><b><i>x</p><p>y</p>":                 2,
		"<script>var s = '<b><b><b>';</script>x": 0,
		"<!-- <b><b> -->x":                       0,
		"<B>x</B><font size=2><FONT>":            2,
		"<br><body><bdo>":                        0,
	} {
		if got := unclosedFormatting(src); got != want {
			t.Errorf("unclosedFormatting(%q) = %d, want %d", src, got, want)
		}
	}
}
