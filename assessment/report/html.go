package report

import (
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
	return pageTemplate.Execute(w, r.htmlView())
}

type htmlView struct {
	Title         string
	Facts         [][2]string
	Published     string
	PublishedLink bool
	Note          string
	Summary       htmlTable
	Sections      []htmlSection
	ActionNote    string
	Actions       *htmlTable
}

type htmlSection struct {
	ID, Heading string
	Tables      []htmlTable
}

type htmlTable struct {
	Caption       string
	CaptionHidden bool // the heading just above says the same
	Class         string
	Header        []string
	Rows          []htmlRow
}

type htmlRow struct {
	Class string
	Head  htmlCell // the row's header cell
	Cells []htmlCell
}

type htmlCell struct {
	Label string // the column name, shown beside the value on a phone
	Class string
	Text  string      // a plain cell
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

func (r *Report) htmlView() htmlView {
	v := htmlView{Title: r.Title(), Note: r.SummaryNote(), ActionNote: r.ActionPlanNote()}
	for _, f := range r.Facts() {
		v.Facts = append(v.Facts, [2]string{f[0], oneLine(f[1])})
	}
	if r.Published != "" {
		v.Published = oneLine(r.Published)
		v.PublishedLink = plainURL.MatchString(v.Published)
	}

	header, rows := r.summaryRows()
	v.Summary = htmlTable{Caption: "Answers by section", Class: "summary", Header: header}
	for _, row := range rows {
		hr := htmlRow{Head: cell(header[0], "", row[0])}
		if strings.HasPrefix(row[0], "All sections") {
			hr.Class = "total"
		}
		for i, c := range row[1:] {
			class := "num"
			if header[i+1] == colSummaryOblig {
				class = ""
			}
			hr.Cells = append(hr.Cells, cell(header[i+1], class, c))
		}
		v.Summary.Rows = append(v.Summary.Rows, hr)
	}

	formHeader := r.formHeader()
	for _, s := range r.Sections {
		hs := htmlSection{ID: sectionAnchor(s), Heading: s.Caption()}
		if !r.Should {
			hs.Tables = []htmlTable{r.htmlForm(s.Caption(), true, s.Rows, formHeader)}
		} else {
			if must := s.MustRows(); len(must) > 0 {
				hs.Tables = append(hs.Tables, r.htmlForm(s.Caption()+": mandatory requirements (must)", false, must, formHeader))
			}
			if should := s.ShouldRows(); len(should) > 0 {
				hs.Tables = append(hs.Tables, r.htmlForm(s.Caption()+": good practice (should)", false, should, formHeader))
			}
		}
		v.Sections = append(v.Sections, hs)
	}

	if len(r.Actions) > 0 {
		caption := "Action plan"
		if !r.AsOf.IsZero() {
			caption += " as at " + r.AsOf.Long()
		}
		t := htmlTable{Caption: caption, Class: "actions", Header: actionHeader}
		for _, it := range r.Actions {
			status := cell(actionHeader[4], "", StatusText(it))
			row := htmlRow{Head: cell(actionHeader[0], "", it.Provision)}
			if it.Overdue {
				row.Class, status.Class = "overdue", "overdue"
			}
			row.Cells = []htmlCell{
				cell(actionHeader[1], "", it.Text),
				cell(actionHeader[2], "", it.Owner),
				cell(actionHeader[3], "date", it.Due.Long()),
				status,
			}
			t.Rows = append(t.Rows, row)
		}
		v.Actions = &t
	}
	return v
}

func (r *Report) htmlForm(caption string, hidden bool, rows []Row, header []string) htmlTable {
	t := htmlTable{Caption: caption, CaptionHidden: hidden, Class: "form", Header: header}
	for _, row := range rows {
		comply := cell(header[2], "comply "+complyClass(row.Comply), row.ComplyLabel())
		hr := htmlRow{Head: cell(header[0], "", row.ID), Cells: []htmlCell{cell(header[1], "", row.Requirement), comply}}
		if r.Should {
			hr.Cells = append(hr.Cells, paraCell(header[3], row.EvidenceCell()))
		} else {
			hr.Cells = append(hr.Cells, cell(header[3], "", row.Evidence), paraCell(header[4], row.CommentaryCell()))
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

func sectionAnchor(s Section) string {
	if s.Number == 0 {
		return "not-in-code"
	}
	return "section-" + strconv.Itoa(s.Number)
}

// The stylesheet: readable on a phone (tables stack into labelled rows
// under 40em), and a print style for "print to PDF": no page colour, header
// rows repeated on each page, rows kept whole. Cells keep the line breaks
// of the text (white-space: pre-line), so no <br> is needed.
const pageCSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 80rem; padding: 1rem 1.25rem 3rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: #0b0c0c; background: #fff; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1rem 0; }
h2 { font-size: 1.375rem; margin: 2.5rem 0 .75rem; }
a { color: #1d4f91; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1.5rem; }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.note { font-style: italic; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; }
caption { caption-side: top; text-align: left; font-weight: 700; padding: .25rem 0 .5rem; }
caption.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
th, td { border: 1px solid #b1b4b6; padding: .4rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #f3f2f1; }
tbody th { font-weight: 700; }
table.form tbody th, table.actions tbody th { white-space: nowrap; }
td, th { white-space: pre-line; }
td p, th p { margin: 0 0 .6rem; }
td p:last-child, th p:last-child { margin-bottom: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid #0b0c0c; }
td.comply { white-space: nowrap; }
td.gap { font-weight: 700; }
td.unanswered { font-style: italic; }
tr.overdue th, tr.overdue td { background: #fdf2f3; }
td.overdue { color: #a4000f; font-weight: 700; }
table.form th[scope=col]:nth-child(2) { min-width: 14rem; }
@media screen and (max-width: 40em) {
  body { padding: .75rem; }
  h1 { font-size: 1.4rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .5rem; }
  table.form, table.actions, table.form tbody, table.actions tbody, table.form tr, table.actions tr,
  table.form th, table.actions th, table.form td, table.actions td { display: block; width: auto; }
  table.form thead, table.actions thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.form tr, table.actions tr { border: 1px solid #b1b4b6; margin: 0 0 1rem; }
  table.form th, table.actions th, table.form td, table.actions td { border: 0; border-bottom: 1px solid #e5e5e5; white-space: pre-line; }
  table.form [data-label]::before, table.actions [data-label]::before { content: attr(data-label); display: block; font-weight: 700; font-style: normal; color: #505a5f; font-size: .875rem; }
  table.form td:empty, table.actions td:empty { display: none; }
}
@media print {
  @page { margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.35; }
  h1 { font-size: 16pt; }
  h2 { font-size: 13pt; margin-top: 1.25rem; break-after: avoid; }
  caption { break-after: avoid; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; }
  thead th { background: none; border-bottom: 2px solid #000; }
  th, td { border-color: #777; }
  tr.overdue th, tr.overdue td { background: none; }
  td.overdue { color: #000; }
}
`

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="csa">
<title>{{.Title}}</title>
<style>` + pageCSS + `</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<dl class="facts">
{{range .Facts}}<dt>{{index . 0}}</dt><dd>{{index . 1}}</dd>
{{end}}{{if .Published}}<dt>Published</dt><dd>{{if .PublishedLink}}<a href="{{.Published}}">{{.Published}}</a>{{else}}{{.Published}}{{end}}</dd>
{{end}}</dl>
<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
{{with .Note}}<p class="note">{{.}}</p>
{{end}}<div class="scroll">
{{template "table" .Summary}}</div>
</section>
{{range .Sections}}<section aria-labelledby="{{.ID}}">
<h2 id="{{.ID}}">{{.Heading}}</h2>
{{range .Tables}}{{template "table" .}}{{end}}</section>
{{end}}<section aria-labelledby="action-plan">
<h2 id="action-plan">Action plan</h2>
<p>{{.ActionNote}}</p>
{{with .Actions}}{{template "table" .}}{{end}}</section>
</main>
</body>
</html>
{{define "table"}}<table class="{{.Class}}">
<caption{{if .CaptionHidden}} class="visually-hidden"{{end}}>{{.Caption}}</caption>
<thead>
<tr>{{range .Header}}<th scope="col">{{.}}</th>{{end}}</tr>
</thead>
<tbody>
{{range .Rows}}<tr{{with .Class}} class="{{.}}"{{end}}>{{with .Head}}<th scope="row" data-label="{{.Label}}">{{template "cell" .}}</th>{{end}}{{range .Cells}}<td data-label="{{.Label}}"{{with .Class}} class="{{.}}"{{end}}>{{template "cell" .}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{define "cell"}}{{if .Paras}}{{range .Paras}}<p>{{with .Label}}<strong>{{.}}:</strong> {{end}}{{.Text}}</p>{{end}}{{else}}{{.Text}}{{end}}{{end}}`))
