package workbook

// The one test that drives every format csa writes (this package sees them
// all: it imports report, and excelize to read the workbook back): hostile
// text in every field a landlord writes must come out inert, and Welsh names
// intact.

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/codes"
)

var payloads = []string{
	`=HYPERLINK("http://x","y")`,
	`+44 20`,
	`-1`,
	`@SUM(A1)`,
	`<script>alert(1)</script>`,
	`a | b`,
	`Siân`,
	`Tŷ Glas`,
	"\t=1+1",
	"\r=1+1",
}

// hostile is an assessment with p as the landlord's name and in the
// evidence, commentary, alternative, action text and owner.
func hostile(t *testing.T, p string) (*assessment.Assessment, *codes.Catalogue) {
	t.Helper()
	cat, err := codes.Lookup("chc-2024", "")
	if err != nil {
		t.Fatal(err)
	}
	a := &assessment.Assessment{Code: "chc-2024", Landlord: p, Assessed: assessment.NewDate(2025, 5, 31), Period: p,
		Approved: &assessment.Approval{By: p, On: assessment.NewDate(2025, 6, 19)}}
	for _, q := range cat.OnForm()[:3] {
		a.Answers = append(a.Answers, assessment.Answer{ID: q.ID, Comply: assessment.No, Evidence: p, Commentary: p,
			Alternative: p, Review: p, Requirement: p,
			Actions: []assessment.Action{{Text: p, Owner: p, Due: assessment.NewDate(2025, 6, 1), Status: assessment.Open}}})
	}
	return a, cat
}

// hostileGroup is hostile as a group's assessment: p names an entity,
// which gives its own answer, evidence, commentary, alternative and action,
// all p.
func hostileGroup(t *testing.T, p string) (*assessment.Assessment, *codes.Catalogue) {
	a, cat := hostile(t, p)
	a.Entities = []assessment.Entity{{Name: p, Registration: p}, {Name: "Other"}}
	for i := range a.Answers {
		a.Answers[i].Entities = []assessment.EntityAnswer{{Name: p, Comply: assessment.Partial, Evidence: p, Commentary: p, Alternative: p,
			Actions: []assessment.Action{{Text: p, Owner: p, Due: assessment.NewDate(2025, 6, 1), Status: assessment.Open}}}}
	}
	return a, cat
}

func TestEveryFormatIsInert(t *testing.T) {
	for _, group := range []bool{false, true} {
		for _, p := range payloads {
			name := p
			if group {
				name = "group " + p
			}
			t.Run(name, func(t *testing.T) { inert(t, p, group) })
		}
	}
}

func inert(t *testing.T, p string, group bool) {
	{
		{
			a, cat := hostile(t, p)
			if group {
				a, cat = hostileGroup(t, p)
			}
			r := report.New(a, cat, asOf)
			entries := []assessment.Entry{{Assessment: a, Catalogue: cat}}
			twoLandlords := append(entries, assessment.Entry{Assessment: &assessment.Assessment{Landlord: "Other"}, Catalogue: cat})
			gaps := report.GapsListing(assessment.Gaps(entries), report.ColumnsFor(twoLandlords), asOf)
			actions := report.ActionsListing(assessment.Actions(entries, assessment.ActionFilter{AsOf: asOf}), report.ColumnsFor(twoLandlords))

			var buf bytes.Buffer
			// CSV: the form, the action plan, and the gaps and actions listings.
			for name, render := range map[string]func() error{
				"form":    func() error { return report.WriteCSV(&buf, r, report.TableForm) },
				"actions": func() error { return report.WriteCSV(&buf, r, report.TableActions) },
				"gaps":    func() error { return gaps.WriteCSV(&buf) },
				"listing": func() error { return actions.WriteCSV(&buf) },
			} {
				buf.Reset()
				if err := render(); err != nil {
					t.Fatal(err)
				}
				checkCSV(t, name, buf.Bytes(), p)
			}

			// XLSX: text stays text.
			buf.Reset()
			if err := Write(&buf, a, cat, asOf); err != nil {
				t.Fatal(err)
			}
			cells := 3 + 3*7 // landlord, period, approved by; and per answer evidence, commentary, alternative, review, requirement, action and owner
			if group {
				// The entity's name and registration, its row of counts on the
				// Summary; per answer its row (name, evidence, commentary,
				// alternative) and its action (name, text, owner).
				cells += 3 + 3*4 + 3*3
			}
			checkXLSX(t, buf.Bytes(), p, cells)

			// HTML: escaped; no element the page did not make.
			buf.Reset()
			if err := report.WriteHTML(&buf, r); err != nil {
				t.Fatal(err)
			}
			checkHTML(t, buf.Bytes(), p)

			// The listings' board formats, Markdown and HTML, over two
			// landlords: a part for each.
			g := report.Gaps{Gaps: assessment.Gaps(entries), Entries: twoLandlords, AsOf: asOf}
			acts := report.Actions{Items: assessment.Actions(entries, assessment.ActionFilter{AsOf: asOf}), Entries: twoLandlords,
				Filter: assessment.ActionFilter{AsOf: asOf, Owner: p}, AsOf: asOf}
			board := func(format string) map[string]func() error {
				gf, _ := report.GapsFormats.Named(format)
				af, _ := report.ActionsFormats.Named(format)
				return map[string]func() error{
					"gaps":    func() error { return gf.Write(&buf, g) },
					"actions": func() error { return af.Write(&buf, acts) },
				}
			}
			for name, render := range board("html") {
				buf.Reset()
				if err := render(); err != nil {
					t.Fatal(err)
				}
				checkHTML(t, buf.Bytes(), p)
				if !bytes.Contains(buf.Bytes(), []byte(`<html lang="en-GB">`)) {
					t.Errorf("html %s: not a page", name)
				}
			}

			// Markdown: the report and both listings.
			md := board("markdown")
			md["report"] = func() error { return report.WriteMarkdown(&buf, r) }
			for name, render := range md {
				buf.Reset()
				if err := render(); err != nil {
					t.Fatal(err)
				}
				checkMarkdown(t, name, buf.String(), p)
			}

			// JSON: valid, with the text intact.
			for name, render := range map[string]func() error{
				"report": func() error { return report.WriteJSON(&buf, r) },
				"gaps":   func() error { return report.WriteGapsJSON(&buf, assessment.Gaps(entries), asOf) },
				"actions": func() error {
					return report.WriteActionsJSON(&buf, assessment.Actions(entries, assessment.ActionFilter{}), asOf)
				},
			} {
				buf.Reset()
				if err := render(); err != nil {
					t.Fatal(err)
				}
				checkJSON(t, name, buf.Bytes(), p)
			}
		}
	}
}

func checkCSV(t *testing.T, name string, data []byte, p string) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("csv %s: %v", name, err)
	}
	// A line break is written CRLF, and read back as LF.
	want := strings.ReplaceAll(report.Neutralise(p), "\r", "\n")
	found := 0
	for _, row := range rows {
		for _, c := range row {
			if c != "" && strings.IndexByte("=+-@\t\r", c[0]) >= 0 {
				t.Errorf("csv %s: cell %q starts a formula", name, c)
			}
			if c == want {
				found++
			}
		}
	}
	if found == 0 {
		t.Errorf("csv %s: %q not found as %q", name, p, want)
	}
	if strings.IndexByte("=+-@\t\r", p[0]) >= 0 && report.Neutralise(p) != "'"+p {
		t.Errorf("%q should be neutralised with a quote, got %q", p, want)
	}
}

func checkXLSX(t *testing.T, data []byte, p string, want int) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, v := range row {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("xlsx %s!%s holds the formula %q", sheet, cell, formula)
				}
				if v != p {
					continue
				}
				found++
				if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeSharedString {
					t.Errorf("xlsx %s!%s holding %q is %v, not a string", sheet, cell, p, typ)
				}
			}
		}
	}
	if found != want {
		t.Errorf("xlsx: %q found in %d cells, want %d", p, found, want)
	}
}

func checkHTML(t *testing.T, data []byte, p string) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	var count func(*html.Node)
	texts := 0
	count = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" {
			t.Errorf("html: a <script> element")
		}
		if n.Type == html.TextNode && strings.Contains(n.Data, strings.TrimSpace(p)) {
			texts++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			count(c)
		}
	}
	count(doc)
	if texts == 0 {
		t.Errorf("html: %q is not in the page's text", p)
	}

	if strings.Contains(p, "<") && bytes.Contains(data, []byte(p)) {
		t.Errorf("html: %q appears unescaped", p)
	}
}

func checkMarkdown(t *testing.T, name, md string, p string) {
	t.Helper()
	if strings.Contains(md, "<script>") {
		t.Errorf("markdown %s: raw <script>", name)
	}
	if strings.ContainsRune(md, '\r') {
		t.Errorf("markdown %s: a carriage return, which would end a table row", name)
	}
	// Every table row has as many unescaped pipes as its header.
	var want int
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			want = 0
			continue
		}
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		if want == 0 {
			want = n
		} else if n != want {
			t.Errorf("markdown %s: a row with %d cell borders, want %d: %s", name, n, want, line)
		}
	}
	if strings.Contains(p, "|") && !strings.Contains(md, strings.ReplaceAll(p, "|", `\|`)) {
		t.Errorf("markdown %s: %q not escaped", name, p)
	}
	// Space at either end of a cell is trimmed (a tab or CR would break the
	// row); the rest stays.
	if !strings.ContainsAny(p, "|<>") && !strings.Contains(md, strings.TrimSpace(p)) {
		t.Errorf("markdown %s: %q lost", name, p)
	}
}

func checkJSON(t *testing.T, name string, data []byte, p string) {
	t.Helper()
	if !json.Valid(data) {
		t.Fatalf("json %s: not valid", name)
	}
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	found := 0
	var walk func(any)
	walk = func(x any) {
		switch x := x.(type) {
		case string:
			if x == p {
				found++
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	if found == 0 {
		t.Errorf("json %s: %q not found intact", name, p)
	}
}
