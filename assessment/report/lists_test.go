package report

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

func TestProvisionLabel(t *testing.T) {
	tests := []struct{ id, title, want string }{
		{"6.3", "Stage 1 response within 10 working days", "6.3 Stage 1 response within 10 working days"},
		{"6.10", "", "6.10"},
		{"1.2", "  Two\n  lines ", "1.2 Two lines"},
		{"1.2", "\u202eevil\x1b[2J", `1.2 \u202eevil\x1b[2J`},
	}
	for _, tt := range tests {
		if got := ProvisionLabel(tt.id, tt.title); got != tt.want {
			t.Errorf("ProvisionLabel(%q, %q) = %q, want %q", tt.id, tt.title, got, tt.want)
		}
	}
}

func TestDescribeFilter(t *testing.T) {
	asOf := assessment.NewDate(2025, 10, 1)
	tests := []struct {
		name string
		f    assessment.ActionFilter
		want string
	}{
		{"every action", assessment.ActionFilter{AsOf: asOf}, ""},
		{"overdue", assessment.ActionFilter{AsOf: asOf, Overdue: true}, "open actions overdue as at 1 October 2025"},
		{"open", assessment.ActionFilter{AsOf: asOf, Status: assessment.Open}, "open actions"},
		{"done", assessment.ActionFilter{AsOf: asOf, Status: assessment.Done}, "done actions"},
		{"owner", assessment.ActionFilter{AsOf: asOf, Owner: " siân "}, "actions whose owner contains “siân”"},
		{"due within", assessment.ActionFilter{AsOf: asOf, DueBy: asOf.AddDate(0, 0, 28), Owner: "complaints"},
			"open actions due by 29 October 2025 (overdue ones included), whose owner contains “complaints”"},
		{"overdue and owner", assessment.ActionFilter{AsOf: asOf, Overdue: true, Owner: "Head"},
			"open actions overdue as at 1 October 2025, whose owner contains “Head”"},
		{"hostile owner", assessment.ActionFilter{Owner: "\u202e<b>"}, `actions whose owner contains “\u202e<b>”`},
	}
	for _, tt := range tests {
		if got := describeFilter(tt.f); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// listEntriesOf reads assessments for a listing, each with its catalogue.
func listEntriesOf(t *testing.T, srcs ...string) []assessment.Entry {
	t.Helper()
	cat, err := codes.Lookup("chc-2024", "")
	if err != nil {
		t.Fatal(err)
	}
	var out []assessment.Entry
	for i, src := range srcs {
		a, fs := assessment.Parse(string(rune('a'+i))+".yaml", []byte(src))
		if assessment.HasErrors(fs) {
			t.Fatal(fs)
		}
		out = append(out, assessment.Entry{Assessment: a, Catalogue: cat})
	}
	return out
}

// TestBoardHeadings: a board's title says whose and how many assessments
// it lists, and its facts the Code, the period and the as-at date for one
// assessment, the landlords for several.
func TestBoardHeadings(t *testing.T) {
	one := "code: chc-2024\nlandlord: Tŷ Glas Homes\nassessed: 2025-05-31\nperiod: 2024/25\nprovisions:\n  - id: \"6.3\"\n    comply: partial\n    actions:\n      - {action: Hire, owner: Head, due: 2025-09-30}\n"
	earlier := "code: chc-2024\nlandlord: Tŷ Glas Homes\nassessed: 2024-05-31\nperiod: 2023/24\nprovisions:\n  - id: \"6.3\"\n    comply: yes\n"
	other := "code: chc-2024\nlandlord: Millbrook Homes\nassessed: 2025-05-30\nprovisions:\n  - id: \"6.3\"\n    comply: yes\n"
	nobody := "code: chc-2024\nlandlord: Nobody\nassessed: 2025-05-30\nprovisions:\n  - id: \"6.3\"\n    comply: no\n"
	asOf := assessment.NewDate(2025, 10, 1)
	tests := []struct {
		name      string
		srcs      []string
		gaps      string
		actions   string
		facts     []string
		headings  []string
		gapsCount string
	}{
		{"one", []string{one}, "Tŷ Glas Homes: gaps against the Complaint Handling Code 2024",
			"Tŷ Glas Homes: action plan for the Complaint Handling Code 2024",
			[]string{"Code: Complaint Handling Code 2024 (chc-2024)", "Period: 2024/25", "Assessed: 31 May 2025", "As at: 1 October 2025"},
			[]string{""}, "72 gaps, 71 without a plan."},
		{"two years", []string{one, earlier}, "Tŷ Glas Homes: gaps in 2 self-assessments",
			"Tŷ Glas Homes: action plans of 2 self-assessments",
			[]string{"As at: 1 October 2025"},
			[]string{"2023/24 self-assessment against the Complaint Handling Code 2024", "2024/25 self-assessment against the Complaint Handling Code 2024"},
			"143 gaps in 2 self-assessments, 142 without a plan."},
		{"two landlords", []string{one, other}, "Gaps in 2 self-assessments of 2 landlords",
			"Action plans of 2 self-assessments of 2 landlords",
			[]string{"Landlords: Millbrook Homes; Tŷ Glas Homes", "As at: 1 October 2025"},
			[]string{"Millbrook Homes: self-assessment of 30 May 2025 against the Complaint Handling Code 2024", "Tŷ Glas Homes: 2024/25 self-assessment against the Complaint Handling Code 2024"},
			"143 gaps in 2 self-assessments, 142 without a plan."},
		{"no landlord", []string{nobody}, "Gaps against the Complaint Handling Code 2024",
			"Action plan for the Complaint Handling Code 2024",
			[]string{"Code: Complaint Handling Code 2024 (chc-2024)", "Assessed: 30 May 2025", "As at: 1 October 2025"},
			[]string{""}, "72 gaps, 72 without a plan."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries := listEntriesOf(t, tt.srcs...)
			if tt.name == "no landlord" { // check refuses such a file; the board copes
				entries[0].Assessment.Landlord = ""
			}
			g := Gaps{Gaps: assessment.Gaps(entries), Entries: entries, AsOf: asOf}.board()
			a := Actions{Items: assessment.Actions(entries, assessment.ActionFilter{AsOf: asOf}), Entries: entries, AsOf: asOf}.board()
			if g.Title != tt.gaps || a.Title != tt.actions {
				t.Errorf("titles %q and %q, want %q and %q", g.Title, a.Title, tt.gaps, tt.actions)
			}
			var facts []string
			for _, f := range g.Facts {
				facts = append(facts, f[0]+": "+f[1])
			}
			if !slices.Equal(facts, tt.facts) {
				t.Errorf("facts %q, want %q", facts, tt.facts)
			}
			var headings []string
			for _, p := range g.Parts {
				headings = append(headings, p.Heading)
			}
			if !slices.Equal(headings, tt.headings) {
				t.Errorf("parts %q, want %q", headings, tt.headings)
			}
			if g.Count != tt.gapsCount {
				t.Errorf("count %q, want %q", g.Count, tt.gapsCount)
			}
		})
	}
}

// TestListPages holds the gaps and actions pages of the examples to the
// report page's bar: one self-contained page, lang, title and h1, the
// report's stylesheet with its print rules, a caption and header scopes on
// every table, each cell's direction isolated, contents links that go
// somewhere, and each provision with its short title.
func TestListPages(t *testing.T) {
	var entries []assessment.Entry
	files, _ := filepath.Glob("../../examples/*.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if assessment.KindOf(data) != assessment.MaybeAssessment {
			continue
		}
		a, fs := assessment.Parse(f, data)
		cat, err := codes.Lookup(a.Code, filepath.Dir(f))
		if assessment.HasErrors(fs) || err != nil {
			t.Fatalf("%s: %v %v", f, fs, err)
		}
		entries = append(entries, assessment.Entry{Assessment: a, Catalogue: cat})
	}
	if len(entries) != 2 {
		t.Fatalf("%d example assessments, want 2", len(entries))
	}
	asOf := assessment.NewDate(2025, 10, 1)
	for name, es := range map[string][]assessment.Entry{"2024-25": entries[1:], "both": entries} {
		for kind, b := range map[string]board{
			"gaps":    Gaps{Gaps: assessment.Gaps(es), Entries: es, AsOf: asOf}.board(),
			"actions": Actions{Items: assessment.Actions(es, assessment.ActionFilter{AsOf: asOf}), Entries: es, AsOf: asOf}.board(),
		} {
			t.Run(name+" "+kind, func(t *testing.T) {
				var buf bytes.Buffer
				if err := b.writeHTML(&buf); err != nil {
					t.Fatal(err)
				}
				page := buf.String()
				doc, err := html.Parse(&buf)
				if err != nil {
					t.Fatal(err)
				}
				checkListPage(t, doc, b)
				if !strings.Contains(page, `6.3 <span class="ptitle">Stage 1 response within 10 working days</span>`) {
					t.Error("6.3 is not shown with its title")
				}
				if strings.Contains(page, "2025-09-30") || !strings.Contains(page, "30 September 2025") {
					t.Error("dates are not written as the report writes them")
				}
			})
		}
	}
}

func checkListPage(t *testing.T, doc *html.Node, b board) {
	t.Helper()
	if root := find(doc, "html"); len(root) != 1 || attr(root[0], "lang") != "en-GB" {
		t.Errorf("the page needs <html lang=\"en-GB\">")
	}
	if titles := find(doc, "title"); len(titles) != 1 || text(titles[0]) != b.Title {
		t.Errorf("title: want one <title>%s</title>", b.Title)
	}
	if h1 := find(doc, "h1"); len(h1) != 1 || text(h1[0]) != b.Title {
		t.Errorf("want one h1 with the title")
	}
	for _, tag := range []string{"script", "link", "img", "iframe", "object", "embed", "base", "form"} {
		if n := find(doc, tag); len(n) > 0 {
			t.Errorf("the page has a <%s>", tag)
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
	if len(styles) != 1 || !strings.HasPrefix(text(styles[0]), strings.Split(pageCSS, "{{")[0]) {
		t.Fatalf("the page does not have the report's stylesheet")
	}
	tables := find(doc, "table")
	want := 0
	for _, p := range b.Parts {
		if p.Empty == "" {
			want++
		}
	}
	if len(tables) != want {
		t.Errorf("%d tables, want %d", len(tables), want)
	}
	for _, tb := range tables {
		if first := firstElement(tb); first == nil || first.Data != "caption" || strings.TrimSpace(text(first)) == "" {
			t.Errorf("a table without a caption as its first child")
		}
		for _, th := range find(tb, "th") {
			inHead := th.Parent.Parent.Data == "thead"
			if scope := attr(th, "scope"); (inHead && scope != "col") || (!inHead && scope != "row") {
				t.Errorf("<th>%s</th> has scope %q", text(th), scope)
			}
		}
		for _, c := range append(find(tb, "td"), find(tb, "th")...) {
			if c.Parent.Parent.Data == "tbody" && (attr(c, "dir") != "auto" || attr(c, "data-label") == "") {
				t.Errorf("a cell without dir=auto and its label: %q", text(c))
			}
		}
	}
	ids := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if id := attr(n, "id"); id != "" {
			if ids[id] {
				t.Errorf("id %q twice", id)
			}
			ids[id] = true
		}
	})
	navs := find(doc, "nav")
	if want := map[bool]int{true: 1, false: 0}[len(b.Parts) > 1]; len(navs) != want {
		t.Fatalf("%d contents lists, want %d", len(navs), want)
	}
	for _, nav := range navs {
		links := find(nav, "a")
		if len(links) != len(b.Parts) {
			t.Errorf("%d contents links, want one per part (%d)", len(links), len(b.Parts))
		}
		for _, a := range links {
			if href := attr(a, "href"); !strings.HasPrefix(href, "#") || !ids[href[1:]] {
				t.Errorf("contents link %q goes nowhere", href)
			}
		}
	}
}
