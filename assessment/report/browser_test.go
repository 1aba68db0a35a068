package report_test

import (
	"bytes"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/diff"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/codes"
)

// TestPagesFitInChromium lays out every kind of page csa writes (the
// report, the gaps and actions lists, the diff) in headless Chromium at
// tablet and desktop widths and finds any table cell whose text does not
// fit it: a date that runs into the next column ("30 September 2025" in a
// column too narrow for it), a word that will not wrap. Skipped where
// Chromium is not installed.
func TestPagesFitInChromium(t *testing.T) {
	chromium := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		t.Skip("Chromium is not installed")
	}
	if testing.Short() {
		t.Skip("-short")
	}
	var entries []assessment.Entry
	for _, f := range []string{"../../examples/millbrook-2023-24.yaml", "../../examples/millbrook-2024-25.yaml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, fs := assessment.Parse(f, data)
		cat, err := codes.Lookup(a.Code, "")
		if assessment.HasErrors(fs) || err != nil {
			t.Fatal(fs, err)
		}
		entries = append(entries, assessment.Entry{Assessment: a, Catalogue: cat})
	}
	// 1 October 2025: actions due on 30 September are overdue, the longest
	// month in the date column.
	asOf := assessment.NewDate(2025, 10, 1)
	gaps, _ := report.GapsFormats.Named("html")
	actions, _ := report.ActionsFormats.Named("html")
	d, err := diff.Compare(entries[0].Assessment, entries[0].Catalogue, entries[1].Assessment, entries[1].Catalogue, asOf)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]func(*bytes.Buffer) error{
		"report": func(b *bytes.Buffer) error {
			return report.WriteHTML(b, report.New(entries[1].Assessment, entries[1].Catalogue, asOf))
		},
		"gaps": func(b *bytes.Buffer) error {
			return gaps.Write(b, report.Gaps{Gaps: assessment.Gaps(entries), Entries: entries, AsOf: asOf})
		},
		"actions": func(b *bytes.Buffer) error {
			return actions.Write(b, report.Actions{Items: assessment.Actions(entries, assessment.ActionFilter{AsOf: asOf}), Entries: entries, AsOf: asOf})
		},
		"diff": func(b *bytes.Buffer) error { return diff.WriteHTML(b, d) },
	}
	dir := t.TempDir()
	for name, write := range pages {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(err)
		}
		// The page with a script that lists, on the body, the cells whose
		// text is wider than they are.
		page := strings.Replace(b.String(), "</body>", `<script>document.body.setAttribute("data-overflow",
[...document.querySelectorAll("tbody td, tbody th")].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.trim().slice(0, 40)).join(" | "));</script>
</body>`, 1)
		path := filepath.Join(dir, name+".html")
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, width := range []string{"768", "1280"} {
			cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir="+filepath.Join(dir, "profile-"+name+width), "--window-size="+width+",900", "--dump-dom", "file://"+path)
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%s at %s px: chromium: %v", name, width, err)
			}
			m := overflow.FindSubmatch(out)
			if m == nil {
				t.Fatalf("%s at %s px: the page's script did not run", name, width)
			}
			if cells := html.UnescapeString(string(m[1])); cells != "" {
				t.Errorf("%s at %s px: cells too narrow for their text: %s", name, width, cells)
			}
		}
	}
}

var overflow = regexp.MustCompile(`<body data-overflow="([^"]*)"`)
