package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// examples loads the shipped example assessments with their catalogues.
func examples(t testing.TB) map[string]*Report {
	t.Helper()
	files, err := filepath.Glob("../../examples/*.yaml")
	if err != nil || len(files) < 2 {
		t.Fatalf("examples: %v %v", files, err)
	}
	out := map[string]*Report{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, fs := assessment.Parse(f, data)
		cat, err := codes.Lookup(a.Code, filepath.Dir(f))
		if assessment.HasErrors(fs) || err != nil {
			t.Fatalf("%s: %v %v", f, fs, err)
		}
		out[filepath.Base(f)] = New(a, cat, assessment.NewDate(2025, 7, 1))
	}
	return out
}

func TestHTMLStructure(t *testing.T) {
	reports := examples(t)
	reports["small"] = New(parse(t, smallAssessment), smallCat(t), assessment.NewDate(2025, 7, 1))
	for name, r := range reports {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteHTML(&buf, r); err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(&buf)
			if err != nil {
				t.Fatal(err)
			}
			checkPage(t, doc, r)
		})
	}
}

// checkPage holds a page to what a landlord can upload as it is.
func checkPage(t *testing.T, doc *html.Node, r *Report) {
	t.Helper()
	root := find(doc, "html")
	if len(root) != 1 || attr(root[0], "lang") != "en-GB" {
		t.Errorf("the page needs <html lang=\"en-GB\">")
	}
	wantTitle := r.Title()
	if r.Draft() {
		wantTitle = "DRAFT: " + wantTitle
	}
	if titles := find(doc, "title"); len(titles) != 1 || text(titles[0]) != wantTitle {
		t.Errorf("title: want one <title>%s</title>", wantTitle)
	}
	if h1 := find(doc, "h1"); len(h1) != 1 || text(h1[0]) != r.Title() {
		t.Errorf("want one h1 with the title")
	}
	viewport := false
	for _, m := range find(doc, "meta") {
		viewport = viewport || attr(m, "name") == "viewport"
	}
	if !viewport {
		t.Error("no viewport meta: the page will not fit a phone")
	}
	for _, tag := range []string{"script", "link", "img", "iframe", "object", "embed", "base", "form"} {
		if n := find(doc, tag); len(n) > 0 {
			t.Errorf("the page has a <%s>: it must be self-contained with no scripts", tag)
		}
	}
	walk(doc, func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "src" || strings.HasPrefix(a.Key, "on") || a.Key == "style" {
				t.Errorf("<%s %s=%q>: no external assets, handlers or inline styles", n.Data, a.Key, a.Val)
			}
		}
	})
	styles := find(doc, "style")
	if len(styles) != 1 {
		t.Fatalf("want one stylesheet, got %d", len(styles))
	}
	css := text(styles[0])
	for _, want := range []string{"@media print", "@media screen and (max-width", "thead { display: table-header-group;", "break-inside: avoid", "@page", "counter(page)"} {
		if !strings.Contains(css, want) {
			t.Errorf("stylesheet lacks %q", want)
		}
	}
	// Words wrap at word boundaries: only a token longer than its column
	// may break ("Y e s" is what anywhere and break-all give).
	for _, bad := range []string{"url(", "@import", "overflow-wrap: anywhere", "word-break"} {
		if strings.Contains(css, bad) {
			t.Errorf("stylesheet fetches something: %q", bad)
		}
	}

	tables := find(doc, "table")
	want := 1 + len(r.Sections) // the summary and a form per section
	if r.Should {
		want = 1
		for _, s := range r.Sections {
			want += min(1, len(s.MustRows())) + min(1, len(s.ShouldRows()))
		}
	}
	if len(r.Actions) > 0 {
		want++
	}
	if len(tables) != want {
		t.Errorf("got %d tables, want %d", len(tables), want)
	}
	for _, tb := range tables {
		first := firstElement(tb)
		if first == nil || first.Data != "caption" || strings.TrimSpace(text(first)) == "" {
			t.Errorf("a table without a caption as its first child")
		}
		for _, th := range find(tb, "th") {
			scope := attr(th, "scope")
			inHead := th.Parent != nil && th.Parent.Parent != nil && th.Parent.Parent.Data == "thead"
			if (inHead && scope != "col") || (!inHead && scope != "row") {
				t.Errorf("<th>%s</th> in %s has scope %q", text(th), th.Parent.Parent.Data, scope)
			}
		}
		if class := attr(tb, "class"); class == "form" || class == "actions" {
			// The same widths in every section: a colgroup per the layout.
			var cols []string
			for _, c := range find(tb, "col") {
				cols = append(cols, attr(c, "class"))
			}
			want := strings.Join(actionCols, " ")
			if class == "form" {
				want = strings.Join(map[bool][]string{false: formCols2024, true: formCols2022}[r.Should], " ")
			}
			if got := strings.Join(cols, " "); got != want {
				t.Errorf("a %s table's columns are %q, want %q", class, got, want)
			}
		}
		for _, tr := range find(tb, "tr") {
			if tr.Parent.Data == "tbody" {
				if c := firstElement(tr); c == nil || c.Data != "th" {
					t.Errorf("a body row of %q does not start with a row header", text(firstElement(tb)))
				}
			}
		}
	}

	// An anchor on every provision, and contents that link to what is there.
	ids := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if id := attr(n, "id"); id != "" {
			if ids[id] {
				t.Errorf("id %q twice", id)
			}
			ids[id] = true
		}
	})
	for _, s := range r.Sections {
		for _, row := range s.Rows {
			if row.InCatalogue && !ids["provision-"+row.ID] {
				t.Errorf("no anchor provision-%s", row.ID)
			}
		}
	}
	navs := find(doc, "nav")
	if len(navs) != 1 {
		t.Fatalf("want one contents list, got %d", len(navs))
	}
	links := find(navs[0], "a")
	if len(links) < len(r.Sections)+2 {
		t.Errorf("the contents list %d links, want at least the summary, each section and the action plan", len(links))
	}
	for _, a := range links {
		if href := attr(a, "href"); !strings.HasPrefix(href, "#") || !ids[href[1:]] {
			t.Errorf("contents link %q goes nowhere", href)
		}
	}
	// The draft banner, exactly when the assessment is a draft.
	banner := 0
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && attr(n, "class") == "draft" {
			banner++
			if !strings.Contains(text(n), "DRAFT") {
				t.Errorf("the draft banner does not say DRAFT: %q", text(n))
			}
		}
	})
	if want := map[bool]int{true: 1, false: 0}[r.Draft()]; banner != want {
		t.Errorf("%d draft banners; the assessment is a draft: %v (%q)", banner, r.Draft(), r.DraftReasons())
	}
	// Text direction isolated in every cell.
	for _, c := range append(find(doc, "td"), find(doc, "th")...) {
		if c.Parent.Parent.Data == "tbody" && attr(c, "dir") != "auto" {
			t.Errorf("a cell without dir=auto: %q", text(c))
		}
	}
}

func find(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	walk(n, func(c *html.Node) {
		if c.Type == html.ElementNode && c.Data == tag {
			out = append(out, c)
		}
	})
	return out
}

func walk(n *html.Node, visit func(*html.Node)) {
	visit(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
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
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// TestHTMLPart: the self-assessment inside another page has its headings a
// level down, ids of its own but the provisions', and no page around it.
func TestHTMLPart(t *testing.T) {
	r := examples(t)["millbrook-2024-25.yaml"]
	var part, page bytes.Buffer
	if err := WriteHTMLPart(&part, r, "sa-"); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&page, r); err != nil {
		t.Fatal(err)
	}
	got := part.String()
	for _, bad := range []string{"<html", "<body", "<main", "<style", "<h2", `id="summary"`, `id="section-1"`} {
		if strings.Contains(got, bad) {
			t.Errorf("the part holds %s", bad)
		}
	}
	for _, want := range []string{`<h3 id="sa-summary">Summary</h3>`, `<h3 id="sa-section-6">Section 6: Complaints stages</h3>`,
		`<section aria-labelledby="sa-action-plan">`, `<tr id="provision-6.10">`, `<dt>Assessed</dt>`, `<h3 id="sa-response">`} {
		if !strings.Contains(got, want) {
			t.Errorf("the part lacks %s", want)
		}
	}
	// Every form row of the page is in the part.
	if a, b := strings.Count(page.String(), "<tr id=\"provision-"), strings.Count(got, "<tr id=\"provision-"); a != b || a == 0 {
		t.Errorf("the page has %d provision rows, the part %d", a, b)
	}
	// A draft says so in the part too.
	draft := New(parse(t, smallAssessment), smallCat(t), assessment.NewDate(2025, 7, 1))
	part.Reset()
	WriteHTMLPart(&part, draft, "sa-")
	if draft.Draft() != strings.Contains(part.String(), `<div class="draft" role="note">`) {
		t.Errorf("draft %v, banner in the part %v", draft.Draft(), strings.Contains(part.String(), "DRAFT"))
	}
	if css := PageStyle(`Title "x" </style>`); !strings.Contains(css, "@page") || strings.Contains(css, "</style>") || strings.Contains(css, "{{") {
		t.Errorf("PageStyle: %s", css)
	}
}

// TestMarkdownPart: the same report, its headings from level 2 down.
func TestMarkdownPart(t *testing.T) {
	r := examples(t)["millbrook-2023-24.yaml"]
	var whole, part bytes.Buffer
	WriteMarkdown(&whole, r)
	WriteMarkdownPart(&part, r, 2)
	shifted := strings.NewReplacer("\n# ", "\n## ", "\n## ", "\n### ", "\n### ", "\n#### ").Replace("\n" + whole.String())
	if "\n"+part.String() != shifted {
		t.Error("the part is not the report with every heading a level down")
	}
	if !strings.HasPrefix(part.String(), "## Millbrook Homes: self-assessment") || !strings.Contains(part.String(), "\n#### Mandatory requirements (must)\n") {
		t.Errorf("the part starts:\n%.200s", part.String())
	}
}
