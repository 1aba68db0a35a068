package report

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// WriteHTML writes the report as one self-contained web page a landlord can
// upload as it is: lang en-GB, a title, a caption and header scopes on every
// table, no script and nothing fetched from elsewhere, a layout that stacks
// tables on a phone, and a print stylesheet so printing to PDF gives a clean
// document. html/template escapes every piece of text from the assessment.
func WriteHTML(w io.Writer, r *Report) error {
	return pageTemplate.Execute(w, r.htmlView(""))
}

// WriteHTMLPart writes the report as a part of another page of csa's (the
// annual complaints report, which contains the self-assessment): the facts,
// the introduction, the summary, the form, the action plan and the
// response, each heading one level down (h3 under the page's h2) and every
// id but a provision's (#provision-6.10) starting with prefix, so it sits
// in the page without clashing with it. The page uses PageStyle.
func WriteHTMLPart(w io.Writer, r *Report, prefix string) error {
	return pageTemplate.ExecuteTemplate(w, "assessment", r.htmlView(prefix))
}

// PageStyle is the stylesheet of csa's web pages, the same for the
// self-assessment and the annual report: its printed pages carry running
// (the title) in their top margin.
func PageStyle(running string) string {
	return strings.Replace(pageCSS, "{{.Running}}", string(cssString(running)), 1)
}

type htmlView struct {
	Title         string
	Running       template.CSS // the running title in a printed page's margin, a CSS string
	Draft         string       // the draft banner; "" when final
	Facts         [][2]string
	Published     string
	PublishedLink bool
	Introduction  []string
	Note          string
	Summary       htmlTable
	GroupNote     string     // how a group's summary counts
	EntitySummary *htmlTable // a group's answers per entity
	Sections      []htmlSection
	ActionNote    string
	Actions       *htmlTable
	Response      *htmlResponse
	Contents      []htmlLink
	Should        bool // the 2022 form's columns
	Group         bool // a group's report
	Nested        bool // a part of another page: headings one level down
	Heads         htmlHeads
}

// htmlHeads are the headings of the report's parts.
type htmlHeads struct {
	Introduction, Summary, Actions, Response htmlHeading
}

// htmlHeading is a heading: h2 on the report's own page, h3 as a part of
// another.
type htmlHeading struct {
	Nested   bool
	ID, Text string
}

type htmlLink struct{ ID, Text string }

type htmlResponse struct {
	Heading string
	Paras   []string
}

type htmlSection struct {
	Head   htmlHeading
	Tables []htmlTable
}

type htmlTable struct {
	Caption       string
	CaptionHidden bool // the heading just above says the same
	Class         string
	Cols          []string // the colgroup's classes, one per column
	Header        []string
	Rows          []htmlRow
}

type htmlRow struct {
	ID    string // the row's anchor: provision-6.10
	Class string
	Head  htmlCell // the row's header cell
	Cells []htmlCell
}

type htmlCell struct {
	Label string // the column name, shown beside the value on a phone
	Class string
	Text  string      // a plain cell
	Title string      // a provision's short title, on a line of its own after Text
	Paras []Paragraph // a cell of labelled paragraphs, when Text is ""
}

func cell(label, class, text string) htmlCell {
	return htmlCell{Label: label, Class: class, Text: trimText(text)}
}

func paraCell(label string, ps []Paragraph) htmlCell {
	if len(ps) == 1 && ps[0].Label == "" {
		return cell(label, "", ps[0].Text)
	}
	return htmlCell{Label: label, Paras: ps}
}

// The colgroup classes of each table: the form's columns are the same
// width in every section, the landlord's evidence and commentary getting
// the room.
var (
	formCols2024 = []string{"c-id", "c-req", "c-comply", "c-evidence", "c-text"}
	formCols2022 = []string{"c-id", "c-req", "c-comply", "c-text"}
	actionCols   = []string{"c-id", "c-action", "c-owner", "c-date", "c-status"}
	// a group's action plan names the entity after the provision
	groupActionCols = []string{"c-id", "c-entity", "c-action", "c-owner", "c-date", "c-status"}
)

func (r *Report) htmlView(prefix string) htmlView {
	v := htmlView{Title: r.Title(), Draft: r.DraftNote(), Note: r.SummaryNote(), ActionNote: r.ActionPlanNote(),
		Introduction: Paragraphs(r.Introduction), Should: r.Should, Group: r.Group(), Nested: prefix != ""}
	head := func(id, text string) htmlHeading { return htmlHeading{Nested: v.Nested, ID: prefix + id, Text: text} }
	v.Heads = htmlHeads{Introduction: head("introduction", "Introduction"), Summary: head("summary", "Summary"),
		Actions: head("action-plan", "Action plan"), Response: head("response", "Response of the governing body")}
	running := v.Title
	if v.Draft != "" {
		running = "DRAFT: " + running
	}
	v.Running = cssString(running)
	for _, f := range r.Facts() {
		v.Facts = append(v.Facts, [2]string{f[0], oneLine(f[1])})
	}
	if r.Published != "" {
		v.Published = oneLine(r.Published)
		v.PublishedLink = plainURL.MatchString(v.Published)
	}
	if len(v.Introduction) > 0 {
		v.Contents = append(v.Contents, htmlLink{"introduction", "Introduction"})
	}
	v.Contents = append(v.Contents, htmlLink{"summary", "Summary"})

	header, rows := r.summaryRows()
	v.Summary = summaryTable("Answers by section", header, rows)
	if r.Group() {
		v.GroupNote = r.SummaryNoteGroup()
		header, rows := r.entityRows()
		t := summaryTable("Answers by entity", header, rows)
		v.EntitySummary = &t
	}

	formHeader := r.formHeader()
	anchors := map[string]bool{}
	for _, s := range r.Sections {
		hs := htmlSection{Head: head(sectionAnchor(s), s.Caption())}
		if !r.Should {
			hs.Tables = []htmlTable{r.htmlForm(s.Caption(), true, s.Rows, formHeader, anchors)}
		} else {
			if must := s.MustRows(); len(must) > 0 {
				hs.Tables = append(hs.Tables, r.htmlForm(s.Caption()+": mandatory requirements (must)", false, must, formHeader, anchors))
			}
			if should := s.ShouldRows(); len(should) > 0 {
				hs.Tables = append(hs.Tables, r.htmlForm(s.Caption()+": good practice (should)", false, should, formHeader, anchors))
			}
		}
		v.Sections = append(v.Sections, hs)
		v.Contents = append(v.Contents, htmlLink{hs.Head.ID, oneLine(s.Caption())})
	}
	v.Contents = append(v.Contents, htmlLink{"action-plan", "Action plan"})

	if len(r.Actions) > 0 {
		caption := "Action plan"
		if !r.AsOf.IsZero() {
			caption += " as at " + r.AsOf.Long()
		}
		t := htmlTable{Caption: caption, Class: "actions", Header: actionHeader, Cols: actionCols}
		if r.Group() {
			t.Header, t.Cols = r.ActionPlanHeader(), groupActionCols
		}
		h := t.Header[len(t.Header)-4:] // action, owner, due, status
		for _, it := range r.Actions {
			status := cell(h[3], "", StatusText(it))
			row := htmlRow{Head: cell(t.Header[0], "", it.Provision)}
			if it.Overdue {
				row.Class, status.Class = "overdue", "overdue"
			}
			if r.Group() {
				row.Cells = append(row.Cells, cell(ColEntity, "", actionEntity(it)))
			}
			row.Cells = append(row.Cells,
				cell(h[0], "", it.Text),
				cell(h[1], "", it.Owner),
				cell(h[2], "date", it.Due.Long()),
				status,
			)
			t.Rows = append(t.Rows, row)
		}
		v.Actions = &t
	}
	if r.Response != nil {
		v.Response = &htmlResponse{Heading: r.ResponseHeading(), Paras: Paragraphs(r.Response.Text)}
		v.Contents = append(v.Contents, htmlLink{"response", "Response of the governing body"})
	}
	return v
}

func (r *Report) htmlForm(caption string, hidden bool, rows []Row, header []string, anchors map[string]bool) htmlTable {
	t := htmlTable{Caption: caption, CaptionHidden: hidden, Class: "form", Header: header, Cols: formCols2024}
	if r.Should {
		t.Cols = formCols2022
	}
	for _, row := range rows {
		comply := cell(header[2], "comply "+complyClass(row.Answer()), row.ComplyLabel())
		if ps := row.ComplyCell(); ps != nil {
			comply = paraCell(header[2], ps)
			comply.Class = "comply entities"
		}
		hr := htmlRow{ID: provisionAnchor(row.ID, anchors), Head: cell(header[0], "", row.ID),
			Cells: []htmlCell{cell(header[1], "", row.Requirement), comply}}
		if r.Should {
			hr.Cells = append(hr.Cells, paraCell(header[3], row.EvidenceCell()))
		} else {
			hr.Cells = append(hr.Cells, paraCell(header[3], row.EvidenceParas()), paraCell(header[4], row.CommentaryCell()))
		}
		t.Rows = append(t.Rows, hr)
	}
	return t
}

// summaryTable is a table of counts: a row's header cell, then its counts.
func summaryTable(caption string, header []string, rows [][]string) htmlTable {
	t := htmlTable{Caption: caption, Class: "summary", Header: header}
	for _, row := range rows {
		hr := htmlRow{Head: cell(header[0], "", row[0])}
		if strings.HasPrefix(row[0], "All sections") {
			hr.Class = "total"
		}
		for i, c := range row[1:] {
			class := "num"
			if header[i+1] == colSummaryOblig {
				class = "oblig"
			}
			hr.Cells = append(hr.Cells, cell(header[i+1], class, c))
		}
		t.Rows = append(t.Rows, hr)
	}
	return t
}

func complyClass(c assessment.Comply) string {
	switch c {
	case assessment.Yes:
		return "yes"
	case assessment.No:
		return "no gap"
	case assessment.Partial:
		return "partial gap"
	case assessment.NA:
		return "na"
	}
	return "unanswered gap"
}

// cssString quotes s as a CSS string: every character but letters, digits,
// spaces and plain punctuation as a hex escape, so no text can end the
// string, the rule or the style element.
func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', strings.ContainsRune(" ,.:;!?()/-", c):
			b.WriteRune(c)
		default:
			fmt.Fprintf(&b, "\\%06x", c)
		}
	}
	b.WriteByte('"')
	return template.CSS(b.String())
}

// provisionAnchor is a provision row's id, "provision-6.10": the id's
// letters, digits, dots and dashes (a provision the catalogue does not have
// may be any text), made unique within the page.
func provisionAnchor(id string, seen map[string]bool) string {
	var b strings.Builder
	b.WriteString("provision-")
	for _, c := range id {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '.', c == '-':
			b.WriteRune(c)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	a := strings.TrimSuffix(b.String(), "-")
	for n := 2; seen[a]; n++ {
		a = strings.TrimSuffix(b.String(), "-") + "-" + strconv.Itoa(n)
	}
	seen[a] = true
	return a
}

func sectionAnchor(s Section) string {
	if s.Number == 0 {
		return "not-in-code"
	}
	return "section-" + strconv.Itoa(s.Number)
}

// The stylesheet. Screen: words wrap at word boundaries (only a token
// longer than its column breaks: overflow-wrap break-word, never anywhere);
// the form's columns are fixed by a colgroup, the same in every section,
// the landlord's evidence and commentary sharing equally what the
// provision, the requirement and the answer leave (in print, where
// commentary is often empty, the evidence gets more); under 40em every table stacks into
// labelled cards. Print: A4 with page numbers and the title in the margin,
// a denser type, headings kept with their tables, rows never split, header
// rows repeated on each page. Cells keep the line breaks of the text
// (white-space: pre-line), so no <br> is needed.
const pageCSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 80rem; padding: 1rem 1.25rem 3rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: #0b0c0c; background: #fff; overflow-wrap: break-word; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0; }
h2 { font-size: 1.375rem; margin: 2.5rem 0 .75rem; }
a { color: #1d4f91; }
.draft { border: 3px solid #a4000f; background: #fdf2f3; padding: .75rem 1rem; margin: 0 0 1.5rem; }
.draft strong { color: #a4000f; letter-spacing: .05em; }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .25rem 1rem; margin: 0 0 1.5rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; }
nav.contents { margin: 0 0 1.5rem; }
nav.contents h2 { font-size: 1.125rem; margin: 0 0 .25rem; }
nav.contents ol { margin: 0; padding-left: 1.5rem; }
@media screen and (min-width: 60em) { nav.contents ol { columns: 2; column-gap: 3rem; } }
.note { font-style: italic; }
.prose p { max-width: 48rem; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; }
table.form, table.actions { table-layout: fixed; }
col.c-id { width: 6.75rem; }
col.c-comply { width: 6.5rem; }
col.c-req { width: 24%; }
col.c-owner { width: 20%; }
col.c-date { width: 11rem; }
col.c-status { width: 17%; }
caption { caption-side: top; text-align: left; font-weight: 700; padding: .25rem 0 .5rem; }
caption.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
th, td { border: 1px solid #b1b4b6; padding: .4rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f3f2f1; }
tbody th { font-weight: 700; }
td, th { white-space: pre-line; }
td p, th p { margin: 0 0 .6rem; }
td p:last-child, th p:last-child { margin-bottom: 0; }
table.summary th[scope=col], td.num, td.oblig { white-space: nowrap; }
td.num, table.summary th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid #0b0c0c; }
td.gap { font-weight: 700; }
td.date { white-space: nowrap; }
td.unanswered { font-style: italic; }
tr.overdue th, tr.overdue td { background: #fdf2f3; }
td.overdue { color: #a4000f; font-weight: 700; }
tr:target th, tr:target td { outline: 2px solid #1d4f91; }
@media screen and (max-width: 40em) {
  body { padding: .75rem; }
  h1 { font-size: 1.4rem; }
  dl.facts { grid-template-columns: minmax(0, 1fr); }
  dl.facts dd { margin-bottom: .5rem; }
  table.form, table.actions, table.summary { table-layout: auto; }
  table.form, table.actions, table.summary, table.form tbody, table.actions tbody, table.summary tbody,
  table.form tr, table.actions tr, table.summary tr, table.form th, table.actions th, table.summary th,
  table.form td, table.actions td { display: block; width: auto; }
  table.form thead, table.actions thead, table.summary thead, table colgroup { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.form tr, table.actions tr, table.summary tr { border: 1px solid #b1b4b6; margin: 0 0 1rem; }
  table.form th, table.actions th, table.form td, table.actions td, table.summary th { border: 0; border-bottom: 1px solid #e5e5e5; white-space: pre-line; }
  table.form [data-label]::before, table.actions [data-label]::before { content: attr(data-label); display: block; font-weight: 700; font-style: normal; color: #505a5f; font-size: .875rem; }
  table.form td:empty, table.actions td:empty { display: none; }
  table.summary tr { padding: 0 0 .25rem; }
  table.summary td { display: inline-block; border: 0; padding: .25rem .5rem; white-space: nowrap; text-align: left; }
  table.summary td::before { content: attr(data-label) " "; color: #505a5f; font-weight: 400; }
  table.summary td.oblig::before { content: ""; }
  table.form caption, table.actions caption, table.summary caption { display: block; }
}
@page { size: A4 landscape; margin: 10mm 10mm 12mm; @top-left { content: {{.Running}}; font-family: system-ui, Arial, sans-serif; font-size: 8pt; color: #505a5f; } @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: system-ui, Arial, sans-serif; font-size: 8pt; color: #505a5f; } }
@media print {
  body { max-width: none; padding: 0; font-size: 8pt; line-height: 1.2; }
  h1 { font-size: 15pt; margin: 0 0 .5rem; }
  h2 { font-size: 11.5pt; margin: 1rem 0 .35rem; break-after: avoid; page-break-after: avoid; }
  nav.contents { display: none; }
  .draft { border-width: 2px; padding: .4rem .6rem; }
  caption { break-after: avoid; padding: .1rem 0 .25rem; }
  h2 + p { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  table { margin-bottom: .75rem; }
  thead { display: table-header-group; break-after: avoid; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  tbody tr:first-child { break-before: avoid; page-break-before: avoid; }
  th, td { padding: .2rem .35rem; border-color: #777; }
  thead th { background: none; border-bottom: 2px solid #000; }
  td p, th p { margin-bottom: .3rem; }
  col.c-id { width: 4.6rem; }
  col.c-comply { width: 4.6rem; }
  col.c-date { width: 7.5rem; }
  col.c-req { width: 28%; }
  col.c-evidence { width: 42%; }
  tr.overdue th, tr.overdue td { background: none; }
  td.overdue { color: #000; }
  section.keep { break-inside: avoid; }
}
`

// groupCSS is added for a group's report: the action plan's entity
// column, and a group's answer cell of one line per entity, wide enough
// for a member's name to break between its words ("Moorside Housing
// Association: Partial" broke inside "Association" at 6.5rem).
const groupCSS = `col.c-entity { width: 14%; }
td.entities p { margin: 0; }
col.c-comply { width: 11rem; }
@media print { col.c-comply { width: 7.5rem; } }
`

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="csa">
<title>{{if .Draft}}DRAFT: {{end}}{{.Title}}</title>
<style>` + pageCSS + `{{if .Group}}` + groupCSS + `{{end}}</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
{{with .Draft}}<div class="draft" role="note"><strong>DRAFT.</strong> <span dir="auto">{{.}}</span></div>
{{end}}{{template "facts" .}}<nav class="contents" aria-labelledby="contents">
<h2 id="contents">Contents</h2>
<ol>
{{range .Contents}}<li><a href="#{{.ID}}">{{.Text}}</a></li>
{{end}}</ol>
</nav>
{{template "assessment" .}}</main>
</body>
</html>
{{define "assessment"}}{{if .Nested}}{{with .Draft}}<div class="draft" role="note"><strong>DRAFT.</strong> <span dir="auto">{{.}}</span></div>
{{end}}{{template "facts" .}}{{end}}{{if .Introduction}}<section class="prose" aria-labelledby="{{.Heads.Introduction.ID}}">
{{template "h" .Heads.Introduction}}
{{range .Introduction}}<p dir="auto">{{.}}</p>
{{end}}</section>
{{end}}<section aria-labelledby="{{.Heads.Summary.ID}}">
{{template "h" .Heads.Summary}}
{{with .Note}}<p class="note">{{.}}</p>
{{end}}{{template "table" .Summary}}{{with .GroupNote}}<p class="note">{{.}}</p>
{{end}}{{with .EntitySummary}}{{template "table" .}}{{end}}</section>
{{range .Sections}}<section aria-labelledby="{{.Head.ID}}">
{{template "h" .Head}}
{{range .Tables}}{{template "table" .}}{{end}}</section>
{{end}}<section aria-labelledby="{{.Heads.Actions.ID}}">
{{template "h" .Heads.Actions}}
<p>{{.ActionNote}}</p>
{{with .Actions}}{{template "table" .}}{{end}}</section>
{{if .Response}}<section class="prose keep" aria-labelledby="{{.Heads.Response.ID}}">
{{template "h" .Heads.Response}}
<p><strong>{{.Response.Heading}}</strong></p>
{{range .Response.Paras}}<p dir="auto">{{.}}</p>
{{end}}</section>
{{end}}{{end}}{{define "h"}}{{if .Nested}}<h3 id="{{.ID}}">{{.Text}}</h3>{{else}}<h2 id="{{.ID}}">{{.Text}}</h2>{{end}}{{end}}{{define "facts"}}<dl class="facts">
{{range .Facts}}<dt>{{index . 0}}</dt><dd dir="auto">{{index . 1}}</dd>
{{end}}{{if .Published}}<dt>Published</dt><dd>{{if .PublishedLink}}<a href="{{.Published}}">{{.Published}}</a>{{else}}{{.Published}}{{end}}</dd>
{{end}}</dl>
{{end}}{{define "table"}}<table class="{{.Class}}">
<caption{{if .CaptionHidden}} class="visually-hidden"{{end}}>{{.Caption}}</caption>
{{with .Cols}}<colgroup>{{range .}}<col class="{{.}}">{{end}}</colgroup>
{{end}}<thead>
<tr>{{range .Header}}<th scope="col">{{.}}</th>{{end}}</tr>
</thead>
<tbody>
{{range .Rows}}<tr{{with .ID}} id="{{.}}"{{end}}{{with .Class}} class="{{.}}"{{end}}>{{with .Head}}<th scope="row" data-label="{{.Label}}" dir="auto">{{template "cell" .}}</th>{{end}}{{range .Cells}}<td data-label="{{.Label}}"{{with .Class}} class="{{.}}"{{end}} dir="auto">{{template "cell" .}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{define "cell"}}{{if .Paras}}{{range .Paras}}<p>{{with .Label}}<strong>{{.}}:</strong> {{end}}{{.Text}}</p>{{end}}{{else}}{{.Text}}{{with .Title}} <span class="ptitle">{{.}}</span>{{end}}{{end}}{{end}}`))
