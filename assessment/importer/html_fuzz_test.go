package importer

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/csa-tool/csa/codes"
)

// FuzzHTML feeds the web page reader arbitrary pages: an import may refuse
// one, but never panic, hang or exhaust memory. Its seed corpus is in
// testdata/fuzz/FuzzHTML (the end-to-end scripts' pages, written by
// TestFuzzCorpus). Run it with
//
//	go test -run "^$" -fuzz "^FuzzHTML$" -fuzztime 5m ./assessment/importer
func FuzzHTML(f *testing.F) {
	f.Add([]byte(page("Self-assessment | Fictional Homes", `<h2>Section 6</h2><table><thead><tr><th>Code provision</th><th>Comply</th><th>Evidence</th></tr></thead>
<tr><td rowspan="2">6.13</td><td colspan="2"><p>Yes</p><ul><li>a</li></ul></td></tr><tr><td>No</td><td>x<br>y</td></tr></table>`)))
	f.Add([]byte(page("T", `<details><summary>1.2 - Definition</summary><p>Compliance: YES</p><p>Landlord A: YES, Landlord B: NO</p></details><dl><dt>Provision</dt><dd>6.20</dd><dt>Compliant?</dt><dd>Met</dd></dl>`)))
	f.Add([]byte(`<html><head><meta charset="windows-1252"></head><body><table><tr><td>1.2</td><td>x` + "\x92\x96" + `</td><td>Yes</td></tr><tr><td>1.3</td><td>y</td><td>No</td></tr></table></body></html>`))
	f.Add([]byte("<table><tr><td><table><tr><td><table>" + strings.Repeat("<tr><td>6.1</td>", 20) + "</table>"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "f.html", data) })
}

// bigPage is a saved web page of about size bytes, shaped like a real one:
// the site's chrome (scripts, styles, a mega menu, an inline SVG logo and
// a footer) around a table per section answering every provision of the
// 2024 form, its cells holding paragraphs and lists.
func bigPage(tb testing.TB, size int) []byte {
	cat, err := codes.Lookup("chc-2024", "")
	if err != nil {
		tb.Fatal(err)
	}
	var content strings.Builder
	content.WriteString("<h1>Complaint handling self-assessment</h1><p>Last updated 12 June 2025</p>")
	section := 0
	for i, p := range cat.OnForm() {
		if p.Section != section {
			if section > 0 {
				content.WriteString("</tbody></table><p><a href=\"#top\">Back to top</a></p>")
			}
			section = p.Section
			fmt.Fprintf(&content, "<h2>Section %d: %s</h2><table class=\"table\"><thead><tr><th>Code provision</th><th>Code requirement</th><th>Comply: Yes / No</th><th>Evidence</th><th>Commentary / explanation</th></tr></thead><tbody>", section, cat.SectionTitle(section))
		}
		answer := []string{"Yes", "No", "Partial"}[i%3]
		fmt.Fprintf(&content, "<tr><td>%s</td><td><p>%s</p></td><td>%s</td><td><p>Our Complaints Policy section 3.%d covers this.</p><ul><li>Staff are trained on joining.</li><li>The team checks a sample each month.</li></ul></td><td>&nbsp;</td></tr>",
			p.ID, p.Summary, answer, i)
	}
	content.WriteString("</tbody></table>")
	var chrome bytes.Buffer
	chrome.WriteString(`<script>` + strings.Repeat("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());", 40) + `</script>`)
	chrome.WriteString(`<style>` + strings.Repeat(".lgd-header__nav a{color:#fff;padding:.5rem 1rem}", 60) + `</style>`)
	var menu bytes.Buffer
	for menu.Len() < size-len(content.String())-chrome.Len()-2000 {
		fmt.Fprintf(&menu, `<li class="menu-item"><a href="/services/%d">Service page %d</a><ul class="sub-menu"><li><a href="/s/%d/a">Apply</a></li><li><a href="/s/%d/b">Report</a></li></ul></li>`, menu.Len(), menu.Len(), menu.Len(), menu.Len())
	}
	return []byte(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Complaint handling self-assessment | Bench District Council</title>` + chrome.String() +
		`</head><body><div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div><header><svg viewBox="0 0 10 10"><path d="M0 0h10v10z"/></svg><nav class="mega-menu"><ul>` + menu.String() +
		`</ul></nav></header><main id="main-content">` + content.String() + `</main><footer><p>&copy; Bench District Council 2025</p></footer></body></html>`)
}

func TestBigPage(t *testing.T) {
	data := bigPage(t, 1<<20)
	res, err := Import("page.html", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Assessment.Answers); n != 72 || res.Catalogue.ID != "chc-2024" || res.Assessment.Landlord != "Bench District Council" {
		t.Errorf("%d answers against %s for %q", n, res.Catalogue.ID, res.Assessment.Landlord)
	}
}

// BenchmarkImportHTML imports a 1 MB saved web page (target: under 100 ms).
func BenchmarkImportHTML(b *testing.B) {
	data := bigPage(b, 1<<20)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Import("page.html", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
