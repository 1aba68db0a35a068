package annual

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/report"
)

const example = "../../examples/complaints/millbrook-annual-2024-25.yaml"

// loadReport reads an annual report file and lays it out, as csa annual
// does.
func loadReport(t testing.TB, file string, data []byte) *Report {
	t.Helper()
	if data == nil {
		var err error
		if data, err = os.ReadFile(file); err != nil {
			t.Fatal(err)
		}
	}
	p, fs := Load(file, data, fromDisk(today))
	if p == nil || assessment.HasErrors(fs) || len(p.Problems) > 0 {
		t.Fatalf("%s: %v %+v", file, fs, p)
	}
	var self *report.Report
	if p.Assessment != nil {
		self = report.New(p.Assessment, p.Catalogue, today)
	}
	return New(p, self, today)
}

func find(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// TestHTML: one self-contained page, the self-assessment's stylesheet,
// headings in order, ids once, every chart an image with a name and a
// description and its numbers in a table after it, every table captioned.
func TestHTML(t *testing.T) {
	r := loadReport(t, example, nil)
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if h := find(doc, "html"); attr(h[0], "lang") != "en-GB" {
		t.Error("lang")
	}
	for _, tag := range []string{"script", "link", "img", "iframe", "object", "embed", "form"} {
		if len(find(doc, tag)) > 0 {
			t.Errorf("the page has a <%s>", tag)
		}
	}
	css := text(find(doc, "style")[0])
	if !strings.HasPrefix(strings.TrimSpace(css), strings.TrimSpace(report.PageStyle(r.Title))[:200]) || !strings.Contains(css, "figure.chart") {
		t.Error("the page does not use the self-assessment's stylesheet, with the charts' rules after it")
	}
	// Headings never skip a level; ids are unique and every reference to
	// one finds it.
	ids := map[string]bool{}
	last := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if id := attr(n, "id"); id != "" {
				if ids[id] {
					t.Errorf("id %q twice", id)
				}
				ids[id] = true
			}
			if len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
				level := int(n.Data[1] - '0')
				if level > last+1 {
					t.Errorf("<%s>%s</%s> after an h%d", n.Data, text(n), n.Data, last)
				}
				last = level
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, a := range find(doc, "a") {
		if h := attr(a, "href"); strings.HasPrefix(h, "#") && !ids[h[1:]] {
			t.Errorf("a link to #%s, which is not on the page", h[1:])
		}
	}
	svgs := find(doc, "svg")
	if len(svgs) != 6 { // three charts, wide and narrow
		t.Errorf("%d drawings, want three charts drawn twice", len(svgs))
	}
	for _, svg := range svgs {
		names := strings.Fields(attr(svg, "aria-labelledby"))
		if attr(svg, "role") != "img" || len(names) != 2 || !ids[names[0]] || !ids[names[1]] {
			t.Errorf("a drawing without role img and a title and description: %v", svg.Attr)
		}
	}
	for _, fig := range find(doc, "figure") {
		next := fig.NextSibling
		for next != nil && next.Type != html.ElementNode {
			next = next.NextSibling
		}
		if next == nil || next.Data != "table" {
			t.Error("a chart not followed by the table of its numbers")
		}
	}
	for _, tb := range find(doc, "table") {
		if c := find(tb, "caption"); len(c) != 1 || strings.TrimSpace(text(c[0])) == "" {
			t.Error("a table without a caption")
		}
	}
	for _, want := range []string{
		`<h2 id="performance">Complaint handling performance</h2>`, `<h2 id="self-assessment">The self-assessment</h2>`,
		`<h3 id="self-assessment-summary">Summary</h3>`, `<tr id="provision-6.14">`, "343 of 353 (97.2%)", "288 of 322 (89.4%)",
		`<a href="https://www.housing-ombudsman.example/landlord-performance/millbrook-homes-2023-24">`,
		"pay the resident £600 in compensation", "complied with on 16 September 2024",
	} {
		if !strings.Contains(strings.ToLower(page), strings.ToLower(want)) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, "DRAFT") {
		t.Error("Millbrook's report is final, but the page says DRAFT")
	}
	var again bytes.Buffer
	WriteHTML(&again, r)
	if again.String() != page {
		t.Error("the same report gave different bytes")
	}
}

// hostile is the example with text that must not become markup.
func hostile(t *testing.T) []byte {
	data, err := os.ReadFile(example)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "analysis: |\n", "analysis: |\n  <script>alert(1)</script> | ** _x_ [a](javascript:alert(1)) \u202eevil\n\n", 1)
	s = strings.Replace(s, "published: https://www.millbrook-homes.example/complaints/annual-report-2024-25", "published: javascript:alert(1)", 1)
	s = strings.Replace(s, "    title: \"Landlord performance report 2023-24: Millbrook Homes\"\n    link: https://www.housing-ombudsman.example/landlord-performance/millbrook-homes-2023-24",
		"    title: <b>report</b>\n    link: javascript:alert(2)", 1)
	return []byte(s)
}

// TestHostile: text from the file is text in every format.
func TestHostile(t *testing.T) {
	r := loadReport(t, example, hostile(t))
	var h, m bytes.Buffer
	WriteHTML(&h, r)
	WriteMarkdown(&m, r)
	for _, bad := range []string{"<script>alert", `href="javascript`, "<b>report", "\u202e"} {
		if strings.Contains(h.String(), bad) {
			t.Errorf("the page holds %q", bad)
		}
	}
	for _, bad := range []string{"<script>", "[a](javascript", "<javascript", "<b>", "\u202e"} {
		if strings.Contains(m.String(), bad) {
			t.Errorf("the Markdown holds %q", bad)
		}
	}
	if !strings.Contains(m.String(), `\<script\>alert(1)\</script\> \| \*\* \_x\_ \[a\](javascript:alert(1))`) {
		t.Error("the analysis is not escaped as expected")
	}
	if !strings.Contains(h.String(), `\u202eevil`) || !strings.Contains(m.String(), `\\u202eevil`) && !strings.Contains(m.String(), `\u202eevil`) {
		t.Error("a direction control is not shown as its escape")
	}
}

// TestMarkdown: the same sections, each chart as its text alternative and
// numbers, the self-assessment a level down.
func TestMarkdown(t *testing.T) {
	r := loadReport(t, example, nil)
	var b bytes.Buffer
	if err := WriteMarkdown(&b, r); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	for _, want := range []string{
		"# Millbrook Homes: annual complaints performance and service improvement report 2024/25\n",
		"\n## Complaint handling performance\n", "**Chart: Complaints received each month of 2024/25, by stage.** Stage 1 complaints received each month ranged from 20 (December 2024) to 41 (October 2024)",
		"| October 2024 | 41 | 3 |", "\n## The self-assessment\n", "\n### Millbrook Homes: self-assessment against the Complaint Handling Code 2024\n",
		"\n#### Summary\n", "\n## The governing body's response\n\n**Response from Board, 26 June 2025**\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
}

// TestDOCX: the charts as pictures with their text alternatives, the
// self-assessment's form in it, the same bytes each time.
func TestDOCX(t *testing.T) {
	r := loadReport(t, example, nil)
	var b bytes.Buffer
	if err := WriteDOCX(&b, r); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	pictures, doc := 0, ""
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "word/media/") {
			pictures++
		}
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			doc = string(data)
		}
	}
	if pictures != 3 {
		t.Errorf("%d pictures, want the three charts", pictures)
	}
	for _, s := range r.Sections {
		for _, bl := range s.Blocks {
			if bl.Kind == ChartBlock && !strings.Contains(doc, `descr="`+strings.ReplaceAll(bl.Chart.Alt, "'", "&#39;")+`"`) {
				t.Errorf("the picture of %q lacks its text alternative", bl.Chart.Title)
			}
		}
	}
	if n := strings.Count(doc, `<w:pStyle w:val="CsaComply"/>`); n != 72 {
		t.Errorf("%d provisions in the self-assessment's form, want 72", n)
	}
	var again bytes.Buffer
	WriteDOCX(&again, r)
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("the same report gave different bytes")
	}
}

// TestDraft: a report with a part missing and no response says so, and
// why, in every format.
func TestDraft(t *testing.T) {
	data, _ := os.ReadFile(example)
	s := without(string(data), "response")
	s = without(s, "improvements")
	r := loadReport(t, example, []byte(s))
	note := r.DraftNote()
	if note != "Not for publication: it lacks the service improvements made from learning; the governing body has not yet responded." {
		t.Errorf("draft note: %q", note)
	}
	var h, m, d bytes.Buffer
	WriteHTML(&h, r)
	WriteMarkdown(&m, r)
	WriteDOCX(&d, r)
	if !strings.Contains(h.String(), "<title>DRAFT: ") || !strings.Contains(h.String(), `<div class="draft" role="note"><strong>DRAFT.</strong>`) {
		t.Error("the page is not marked a draft")
	}
	if !strings.Contains(m.String(), "> **DRAFT.** Not for publication") {
		t.Error("the Markdown is not marked a draft")
	}
	zr, _ := zip.NewReader(bytes.NewReader(d.Bytes()), int64(d.Len()))
	for _, f := range zr.File {
		if f.Name == "word/header1.xml" {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			if !strings.Contains(string(data), "DRAFT: Millbrook Homes") {
				t.Error("the Word document's header does not say DRAFT")
			}
		}
	}
}

// TestNoPrevious: without last year's files the figures stand alone and
// there is no year-on-year chart.
func TestNoPrevious(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"millbrook-annual-2024-25.yaml", "millbrook-figures-2024-25.yaml"} {
		data, _ := os.ReadFile(filepath.Join("../../examples/complaints", f))
		if f == "millbrook-annual-2024-25.yaml" {
			data = []byte(strings.Replace(string(data), "self_assessment: ../millbrook-2024-25.yaml\n", "", 1))
		}
		os.WriteFile(filepath.Join(dir, f), data, 0o644)
	}
	r := loadReport(t, filepath.Join(dir, "millbrook-annual-2024-25.yaml"), nil)
	if r.Pack.Previous != nil {
		t.Fatal("found last year's figures where there are none")
	}
	charts := 0
	for _, s := range r.Sections {
		for _, b := range s.Blocks {
			if b.Kind == ChartBlock {
				charts++
				if len(b.Table.Header) != len(b.Chart.Series)+1 {
					t.Errorf("%s: %d series, table %v", b.Chart.Title, len(b.Chart.Series), b.Table.Header)
				}
			}
		}
	}
	if charts != 2 {
		t.Errorf("%d charts, want months and timeliness", charts)
	}
	var m bytes.Buffer
	WriteMarkdown(&m, r)
	if !strings.Contains(m.String(), "*The report names no self-assessment (self\\_assessment:).*") {
		t.Error("no note where the self-assessment would be")
	}
}
