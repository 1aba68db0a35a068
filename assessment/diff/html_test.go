package diff

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/csa-tool/csa/assessment"
)

// TestHTMLPage holds the diff of the two example years to the report
// page's bar: one self-contained page with lang, one title and h1, the
// report's stylesheet, a caption and header scopes on every table, every
// link going somewhere on the page, each provision under its own heading
// with its short title, and every removal and addition marked in words
// for a screen reader.
func TestHTMLPage(t *testing.T) {
	read := func(name string) *assessment.Assessment {
		data, err := os.ReadFile("../../examples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return parse(t, name, string(data))
	}
	d, err := Compare(read("millbrook-2023-24.yaml"), catalogue(t, "chc-2022"), read("millbrook-2024-25.yaml"), catalogue(t, "chc-2024"), assessment.NewDate(2025, 7, 1))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, d); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var elements []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			elements = append(elements, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	attr := func(n *html.Node, key string) string {
		for _, a := range n.Attr {
			if a.Key == key {
				return a.Val
			}
		}
		return ""
	}
	var text func(*html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(text(c))
		}
		return b.String()
	}
	count := map[string]int{}
	ids := map[string]bool{}
	for _, n := range elements {
		count[n.Data]++
		if id := attr(n, "id"); id != "" {
			if ids[id] {
				t.Errorf("id %q twice", id)
			}
			ids[id] = true
		}
		for _, a := range n.Attr {
			if a.Key == "src" || a.Key == "style" || strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s>: no external assets, inline styles or handlers", n.Data, a.Key)
			}
		}
	}
	for _, tag := range []string{"script", "link", "img", "iframe", "form"} {
		if count[tag] > 0 {
			t.Errorf("the page has a <%s>", tag)
		}
	}
	if count["title"] != 1 || count["h1"] != 1 || count["style"] != 1 || count["nav"] != 1 {
		t.Errorf("want one title, h1, style and nav: %v", count)
	}
	if !strings.Contains(page, `<html lang="en-GB">`) || !strings.Contains(page, "<title>Millbrook Homes: what changed, 2023/24 to 2024/25</title>") {
		t.Error("no lang or title")
	}
	if !strings.Contains(page, "@media print") || !strings.Contains(page, "counter(pages)") {
		t.Error("the page lacks the report's print rules")
	}
	for _, n := range elements {
		switch n.Data {
		case "table":
			first := n.FirstChild
			for first != nil && first.Type != html.ElementNode {
				first = first.NextSibling
			}
			if first == nil || first.Data != "caption" {
				t.Error("a table without a caption first")
			}
		case "th":
			inHead := n.Parent.Parent.Data == "thead"
			if scope := attr(n, "scope"); (inHead && scope != "col") || (!inHead && scope != "row") {
				t.Errorf("<th>%s</th> has scope %q", text(n), scope)
			}
		case "a":
			if href := attr(n, "href"); !strings.HasPrefix(href, "#") || !ids[href[1:]] {
				t.Errorf("link %q goes nowhere", href)
			}
		case "del", "ins":
			words := map[string]string{"del": "removed: ", "ins": "added: "}[n.Data]
			inWhole := n.Parent != nil && (attr(n.Parent, "class") == "was" || attr(n.Parent, "class") == "now")
			if !inWhole && !strings.HasPrefix(text(n), words) {
				t.Errorf("<%s>%s</%s> does not say %q", n.Data, text(n), n.Data, words)
			}
		}
	}
	for _, want := range []string{
		`<h4 id="provision-6.3" dir="auto">6.3 Stage 1 response within 10 working days</h4>`,
		`<li><a href="#provision-6.3">6.3 Stage 1 response within 10 working days</a></li>`,
		`<li><a href="#retired-4.16">4.16 Feedback on complaint handling (chc-2022)</a></li>`,
		`<dt>As at</dt><dd dir="auto">1 July 2025</dd>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(page, "2026-03-31") {
		t.Error("a date is written as YYYY-MM-DD")
	}
}

// TestPaperTitle names the landlord and the two periods, once when a draft
// is compared with the same year's final version.
func TestPaperTitle(t *testing.T) {
	for _, c := range []struct {
		old, new Side
		want     string
	}{
		{Side{Landlord: "L", Period: "2023/24"}, Side{Landlord: "L", Period: "2024/25"}, "L: what changed, 2023/24 to 2024/25"},
		{Side{Landlord: "L", Period: "2024/25"}, Side{Landlord: "L", Period: "2024/25"}, "L: what changed, 2024/25"},
		{Side{Landlord: "L"}, Side{Landlord: "L", Period: "2024/25"}, "L: what changed, - to 2024/25"},
		{Side{Landlord: "L"}, Side{Landlord: "L"}, "L: what changed"},
		{Side{}, Side{}, "Self-assessment: what changed"},
	} {
		d := &Diff{Old: c.old, New: c.new}
		if got := d.paperTitle(); got != c.want {
			t.Errorf("%+v to %+v: %q, want %q", c.old, c.new, got, c.want)
		}
	}
}
