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
	if titles := find(doc, "title"); len(titles) != 1 || text(titles[0]) != r.Title() {
		t.Errorf("title: want one <title>%s</title>", r.Title())
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
	for _, want := range []string{"@media print", "@media screen and (max-width", "thead { display: table-header-group; }"} {
		if !strings.Contains(css, want) {
			t.Errorf("stylesheet lacks %q", want)
		}
	}
	for _, bad := range []string{"url(", "@import"} {
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
		for _, tr := range find(tb, "tr") {
			if tr.Parent.Data == "tbody" {
				if c := firstElement(tr); c == nil || c.Data != "th" {
					t.Errorf("a body row of %q does not start with a row header", text(firstElement(tb)))
				}
			}
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
