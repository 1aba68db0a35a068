package report

import (
	"html/template"
	"io"
)

// writeHTML writes a gaps or actions board as one web page, made as the
// report's page is: its stylesheet and print rules (A4, the title in the
// margin, page numbers, rows never split, header rows repeated), lang
// en-GB, a caption and header scopes on every table, each cell's direction
// isolated, nothing fetched and no script; html/template escapes every piece
// of text from the files. On a phone each row stacks into a labelled card.
// A board of several assessments has a contents list linking each part.
func (b board) writeHTML(w io.Writer) error {
	return listTemplate.ExecuteTemplate(w, "list", b.htmlView())
}

type listView struct {
	Title    string
	Running  template.CSS
	Facts    [][2]string
	Count    string
	Note     string
	Contents []htmlLink
	Parts    []listPartView
}

type listPartView struct {
	ID, Heading string
	Facts       [][2]string
	Count       string
	Empty       string
	Table       *htmlTable
}

func (b board) htmlView() listView {
	v := listView{Title: b.Title, Running: cssString(b.Title), Facts: oneLineFacts(b.Facts), Count: b.Count, Note: b.Note}
	for _, p := range b.Parts {
		pv := listPartView{ID: p.ID, Heading: p.Heading, Facts: oneLineFacts(p.Facts), Count: p.Count, Empty: p.Empty}
		if b.Contents {
			v.Contents = append(v.Contents, htmlLink{p.ID, p.Heading})
		}
		if p.Empty == "" {
			caption := b.Caption
			if p.Heading != "" {
				caption += ": " + p.Heading
			}
			t := htmlTable{Caption: caption, CaptionHidden: true, Class: b.Class, Cols: b.Cols, Header: b.Header}
			for _, r := range p.Rows {
				hr := htmlRow{Class: r.Class, Head: htmlCell{Label: b.Header[0], Text: oneLine(r.ID), Title: oneLine(r.Title)}}
				for i, c := range r.Cells {
					hc := htmlCell{Label: b.Header[i+1], Class: c.Class, Text: c.Text, Paras: c.Paras}
					hr.Cells = append(hr.Cells, hc)
				}
				t.Rows = append(t.Rows, hr)
			}
			pv.Table = &t
		}
		v.Parts = append(v.Parts, pv)
	}
	return v
}

func oneLineFacts(facts [][2]string) [][2]string {
	out := make([][2]string, len(facts))
	for i, f := range facts {
		out[i] = [2]string{f[0], oneLine(f[1])}
	}
	return out
}

// listCSS adds to the report's stylesheet what the lists need: the
// provision's column, wide enough for its title, which sits under the
// number; the gaps table stacking into cards on a phone as the form does;
// a gap with no plan shaded as an overdue action is.
const listCSS = `
.ptitle { display: block; font-weight: 400; }
p.count { font-weight: 700; }
table.gaps { table-layout: fixed; }
col.c-prov { width: 13rem; }
tr.noplan th, tr.noplan td { background: #fdf2f3; }
@media screen and (max-width: 40em) {
  table.gaps { table-layout: auto; }
  table.gaps, table.gaps tbody, table.gaps tr, table.gaps th, table.gaps td { display: block; width: auto; }
  table.gaps thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.gaps tr { border: 1px solid #b1b4b6; margin: 0 0 1rem; }
  table.gaps th, table.gaps td { border: 0; border-bottom: 1px solid #e5e5e5; white-space: pre-line; }
  table.gaps [data-label]::before { content: attr(data-label); display: block; font-weight: 700; font-style: normal; color: #505a5f; font-size: .875rem; }
  table.gaps td:empty { display: none; }
}
@media print {
  col.c-prov { width: 10rem; }
  col.c-req { width: 30%; }
  tr.noplan th, tr.noplan td { background: none; }
}
`

var listTemplate = template.Must(template.Must(pageTemplate.Clone()).New("list").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="csa">
<title>{{.Title}}</title>
<style>` + pageCSS + listCSS + `</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<dl class="facts">
{{range .Facts}}<dt>{{index . 0}}</dt><dd dir="auto">{{index . 1}}</dd>
{{end}}</dl>
<p class="count">{{.Count}}</p>
{{with .Note}}<p class="note">{{.}}</p>
{{end}}{{with .Contents}}<nav class="contents" aria-labelledby="contents">
<h2 id="contents">Contents</h2>
<ol>
{{range .}}<li><a href="#{{.ID}}">{{.Text}}</a></li>
{{end}}</ol>
</nav>
{{end}}{{range .Parts}}{{if .Heading}}<section aria-labelledby="{{.ID}}">
<h2 id="{{.ID}}">{{.Heading}}</h2>
{{with .Facts}}<dl class="facts">
{{range .}}<dt>{{index . 0}}</dt><dd dir="auto">{{index . 1}}</dd>
{{end}}</dl>
{{end}}{{if .Empty}}<p>{{.Empty}}</p>
{{else}}{{with .Count}}<p>{{.}}</p>
{{end}}{{end}}{{with .Table}}{{template "table" .}}{{end}}</section>
{{else}}{{with .Table}}{{template "table" .}}{{end}}{{end}}{{end}}</main>
</body>
</html>
`))
