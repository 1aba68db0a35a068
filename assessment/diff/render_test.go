package diff

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/safetext"
)

// TestRendersAreSafeAndStable renders a diff whose texts are full of
// Markdown and HTML, and checks that nothing escapes into the formatting, and
// that the same input gives the same bytes every time.
func TestRendersAreSafeAndStable(t *testing.T) {
	c24 := catalogue(t, "chc-2024")
	old := parse(t, "old.yaml", doc(
		"id: \"1.2\"\ncomply: partial\nevidence: \"Table | cell *bold* <b>tag</b>\"\nactions:\n  - action: \"Fix | this [link](x)\"\n    owner: \"Ann | Bob\"\n    due: 2025-09-30",
	))
	new := parse(t, "new.yaml", doc(
		"id: \"1.2\"\ncomply: yes\nevidence: \"Table | cell **bold** <i>tag</i>\"",
	))
	render := func(write func(*bytes.Buffer, *Diff) error) string {
		d, err := Compare(old, c24, new, c24, assessment.NewDate(2025, 7, 1))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := write(&b, d); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for name, write := range map[string]func(*bytes.Buffer, *Diff) error{
		"markdown": func(b *bytes.Buffer, d *Diff) error { return WriteMarkdown(b, d) },
		"html":     func(b *bytes.Buffer, d *Diff) error { return WriteHTML(b, d) },
		"text":     func(b *bytes.Buffer, d *Diff) error { return WriteText(b, d) },
		"json":     func(b *bytes.Buffer, d *Diff) error { return WriteJSON(b, d) },
	} {
		first := render(write)
		for range 5 {
			if again := render(write); again != first {
				t.Fatalf("%s: two renders differ", name)
			}
		}
		if name == "html" {
			for _, bad := range []string{"<b>", "<i>", "<a href=\"x", "<script"} {
				if strings.Contains(first, bad) {
					t.Errorf("html lets %q through", bad)
				}
			}
			for _, want := range []string{
				`<dd dir="auto">Table | cell <del><span class="visually-hidden">removed: </span>*bold* &lt;b&gt;tag&lt;/b&gt;</del> <ins><span class="visually-hidden">added: </span>**bold** &lt;i&gt;tag&lt;/i&gt;</ins></dd>`,
				`<li dir="auto"><strong>Action dropped</strong>: Fix | this [link](x) (Ann | Bob; was due 30 September 2025; open last year, not in this year&#39;s plan)</li>`,
			} {
				if !strings.Contains(first, want) {
					t.Errorf("html lacks %q:\n%s", want, first)
				}
			}
			continue
		}
		if name != "markdown" {
			continue
		}
		for _, bad := range []string{"<b>", "<i>", "[link](x)", "Ann | Bob", "Table | cell"} {
			if strings.Contains(first, bad) {
				t.Errorf("markdown lets %q through:\n%s", bad, first)
			}
		}
		for _, want := range []string{
			`Evidence: Table \| cell [removed: ~~\*bold\* \<b\>tag\</b\>~~] [added: <ins>\*\*bold\*\* \<i\>tag\</i\></ins>]`,
			`**Action dropped**: Fix \| this \[link\](x) (Ann \| Bob; was due 30 September 2025; open last year, not in this year's plan)`,
		} {
			if !strings.Contains(first, want) {
				t.Errorf("markdown lacks %q:\n%s", want, first)
			}
		}
	}
	// The JSON is valid and holds the texts as they were.
	var v struct {
		Provisions []struct {
			ID       string `json:"id"`
			Evidence struct {
				Old string `json:"old"`
			} `json:"evidence"`
		} `json:"provisions"`
	}
	if err := json.Unmarshal([]byte(render(func(b *bytes.Buffer, d *Diff) error { return WriteJSON(b, d) })), &v); err != nil {
		t.Fatal(err)
	}
	if v.Provisions[0].ID != "1.2" || v.Provisions[0].Evidence.Old != "Table | cell *bold* <b>tag</b>" {
		t.Errorf("json: %+v", v.Provisions[0])
	}
}

// TestTextIsPrintable: a YAML "\e" or a direction override in an
// assessment reaches the text report as a visible escape, never raw.
func TestTextIsPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain, with “quotes” and Tŷ Glas", "plain, with “quotes” and Tŷ Glas"},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"bell\a and C1 \u009b", `bell\a and C1 \u009b`},
		{"abc\u202edef", `abc\u202edef`},
		{"tab\tand\nline", "tab and line"},
	}
	for _, tt := range tests {
		if got := safetext.Line(tt.in); got != tt.want {
			t.Errorf("safetext.Line(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	c24 := catalogue(t, "chc-2024")
	old := parse(t, "old.yaml", doc("id: \"1.2\"\ncomply: yes\nevidence: Fine."))
	new := parse(t, "new.yaml", doc("id: \"1.2\"\ncomply: yes\nevidence: \"\\e[2J\\u202eFine.\""))
	d, err := Compare(old, c24, new, c24, assessment.Date{})
	if err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func(*bytes.Buffer, *Diff) error{
		"text":     func(b *bytes.Buffer, d *Diff) error { return WriteText(b, d) },
		"markdown": func(b *bytes.Buffer, d *Diff) error { return WriteMarkdown(b, d) },
		"html":     func(b *bytes.Buffer, d *Diff) error { return WriteHTML(b, d) },
	} {
		var b bytes.Buffer
		if err := write(&b, d); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(b.String(), "\x1b\u202e") {
			t.Errorf("%s lets a control character through:\n%q", name, b.String())
		}
	}
}
