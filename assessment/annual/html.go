package annual

import (
	"bytes"
	"html/template"
	"io"
	"regexp"
	"strings"

	"github.com/csa-tool/csa/assessment/chart"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/internal/safetext"
)

// WriteHTML writes the annual report as one web page to upload as it is,
// looking like the self-assessment's page (the same stylesheet, the same
// print layout): the facts, a contents list, each section, every chart as
// inline SVG (a narrower one on a phone) with a text alternative and its
// numbers in a table, and the self-assessment as csa report lays it out.
// No script, nothing fetched; html/template escapes every piece of text
// from the files.
func WriteHTML(w io.Writer, r *Report) error {
	v := htmlView{Title: r.Title, Draft: r.DraftNote(), Facts: r.Facts}
	running := v.Title
	if v.Draft != "" {
		running = "DRAFT: " + running
	}
	v.Style = template.CSS(report.PageStyle(running) + annualCSS)
	if r.Published != "" {
		v.Published = oneLine(r.Published)
		v.PublishedLink = webAddress.MatchString(v.Published)
	}
	for _, s := range r.Sections {
		hs := htmlSection{ID: s.ID, Title: s.Title}
		for _, b := range s.Blocks {
			hb, err := htmlBlock(b)
			if err != nil {
				return err
			}
			hs.Blocks = append(hs.Blocks, hb)
		}
		v.Sections = append(v.Sections, hs)
	}
	v.SelfNote = r.SelfNote()
	if r.Self != nil {
		var b bytes.Buffer
		if err := report.WriteHTMLPart(&b, r.Self, "self-assessment-"); err != nil {
			return err
		}
		v.Self = template.HTML(b.String()) // html/template's own output
		v.SelfTitle = r.Self.Title()
	}
	return annualTemplate.Execute(w, v)
}

// webAddress is a plain http(s) address: the only kind made a link.
var webAddress = regexp.MustCompile(`^https?://[^\s<>"'\\` + "`" + `]+$`)

type htmlView struct {
	Title, Draft  string
	Style         template.CSS
	Facts         [][2]string
	Published     string
	PublishedLink bool
	Sections      []htmlSection
	Self          template.HTML
	SelfTitle     string
	SelfNote      string
}

type htmlSection struct {
	ID, Title string
	Blocks    []htmlBlockView
}

type htmlBlockView struct {
	Block
	K            string        // the kind, by name
	Wide, Narrow template.HTML // a chart's two SVGs
	Links        []htmlLink
	T            *htmlTable
}

type htmlTable struct {
	Caption string
	Cards   bool
	Header  []string
	Rows    [][]htmlCell
}

type htmlCell struct {
	Label, Class string
	Head         bool     // the row's header
	Paras        []string // one, or the cell's paragraphs
}

func newHTMLTable(t *Table) *htmlTable {
	ht := &htmlTable{Caption: t.Caption, Cards: t.Cards, Header: t.Header}
	for _, row := range t.Rows {
		var cells []htmlCell
		for i, c := range row {
			hc := htmlCell{Head: i == 0, Paras: strings.Split(strings.TrimSpace(safetext.Text(c)), "\n\n")}
			if i < len(t.Header) {
				hc.Label = t.Header[i]
			}
			switch {
			case i < len(t.Right) && t.Right[i]:
				hc.Class = "num"
			case i < len(t.Dates) && t.Dates[i]:
				hc.Class = "date"
			}
			cells = append(cells, hc)
		}
		ht.Rows = append(ht.Rows, cells)
	}
	return ht
}

var kindNames = map[BlockKind]string{Prose: "prose", Para: "para", Note: "note", Subheading: "subheading",
	TableBlock: "table", ChartBlock: "chart", Links: "links", Lead: "lead"}

type htmlLink struct {
	Title, URL string
	Link       bool
}

func htmlBlock(b Block) (htmlBlockView, error) {
	v := htmlBlockView{Block: b, K: kindNames[b.Kind]}
	if b.Table != nil {
		v.T = newHTMLTable(b.Table)
	}
	if b.Kind == ChartBlock {
		var wide, narrow bytes.Buffer
		if err := chart.WriteSVG(&wide, b.Chart, chart.Wide, "chart-wide"); err != nil {
			return v, err
		}
		if err := chart.WriteSVG(&narrow, b.Chart, chart.Narrow, "chart-narrow"); err != nil {
			return v, err
		}
		// chart escapes every piece of text it writes.
		v.Wide, v.Narrow = template.HTML(wide.String()), template.HTML(narrow.String())
	}
	for _, l := range b.Links {
		u := oneLine(l.URL)
		v.Links = append(v.Links, htmlLink{Title: oneLine(l.Title), URL: u, Link: webAddress.MatchString(u)})
	}
	return v, nil
}

// annualCSS adds to the self-assessment's stylesheet what the annual report
// has more of: charts, which show their wide drawing on a screen and in
// print and their narrow one on a phone; lists of reports; and tables of
// many columns, which a phone shows as a card a row, as the form's are.
const annualCSS = `
figure.chart { margin: 1rem 0 .5rem; }
figure.chart figcaption { font-weight: 700; margin: 0 0 .5rem; }
figure.chart svg { display: block; width: 100%; height: auto; }
figure.chart svg.chart-wide { max-width: 45rem; }
figure.chart svg.chart-narrow { display: none; max-width: 22rem; }
figure.chart + table { max-width: 45rem; }
ul.links li { margin: 0 0 .25rem; }
table.data:not(.cards) { width: auto; min-width: min(100%, 30rem); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
@media screen and (max-width: 40em) {
  figure.chart svg.chart-wide { display: none; }
  figure.chart svg.chart-narrow { display: block; }
  table.cards, table.cards tbody, table.cards tr, table.cards th, table.cards td { display: block; width: auto; }
  table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.cards tr { border: 1px solid #b1b4b6; margin: 0 0 1rem; }
  table.cards th, table.cards td { border: 0; border-bottom: 1px solid #e5e5e5; }
  table.cards [data-label]::before { content: attr(data-label); display: block; font-weight: 700; color: #505a5f; font-size: .875rem; }
  table.cards td:empty { display: none; }
  table.cards td.num { text-align: left; white-space: normal; }
  table.cards caption { display: block; }
}
@media print {
  figure.chart { break-inside: avoid; page-break-inside: avoid; }
  figure.chart svg.chart-wide { max-width: 170mm; }
  section.self-assessment { break-before: page; page-break-before: always; }
  ul.links a::after { content: " (" attr(href) ")"; }
  h3 { font-size: 10.5pt; margin: .8rem 0 .3rem; break-after: avoid; page-break-after: avoid; }
  h3 + p, h3 + dl { break-after: avoid; page-break-after: avoid; }
}
`

var annualTemplate = template.Must(template.New("annual").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="csa">
<title>{{if .Draft}}DRAFT: {{end}}{{.Title}}</title>
<style>{{.Style}}</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
{{with .Draft}}<div class="draft" role="note"><strong>DRAFT.</strong> <span dir="auto">{{.}}</span></div>
{{end}}<dl class="facts">
{{range .Facts}}<dt>{{index . 0}}</dt><dd dir="auto">{{index . 1}}</dd>
{{end}}{{if .Published}}<dt>Published</dt><dd>{{if .PublishedLink}}<a href="{{.Published}}">{{.Published}}</a>{{else}}{{.Published}}{{end}}</dd>
{{end}}</dl>
<nav class="contents" aria-labelledby="contents">
<h2 id="contents">Contents</h2>
<ol>
{{range .Sections}}<li><a href="#{{.ID}}">{{.Title}}</a></li>
{{end}}<li><a href="#self-assessment">The self-assessment</a></li>
</ol>
</nav>
{{range .Sections}}<section aria-labelledby="{{.ID}}">
<h2 id="{{.ID}}">{{.Title}}</h2>
{{range .Blocks}}{{template "block" .}}{{end}}</section>
{{end}}<section class="self-assessment" aria-labelledby="self-assessment">
<h2 id="self-assessment">The self-assessment</h2>
{{if .Self}}<p>Our self-assessment against the Complaint Handling Code follows, as it is published on its own.</p>
{{.Self}}{{else}}<p class="note">{{.SelfNote}}</p>
{{end}}</section>
</main>
</body>
</html>
{{define "block"}}{{if eq .K "prose"}}<div class="prose">
{{range .Paras}}<p dir="auto">{{.}}</p>
{{end}}</div>
{{else if eq .K "para"}}<p>{{.Text}}</p>
{{else if eq .K "note"}}<p class="note">{{.Text}}</p>
{{else if eq .K "subheading"}}<h3>{{.Text}}</h3>
{{else if eq .K "table"}}{{template "table" .T}}{{else if eq .K "chart"}}<figure class="chart" aria-labelledby="{{.Chart.ID}}-caption">
<figcaption id="{{.Chart.ID}}-caption">{{.Chart.Title}}</figcaption>
{{.Wide}}
{{.Narrow}}
</figure>
{{template "table" .T}}{{else if eq .K "links"}}<ul class="links">
{{range .Links}}<li dir="auto">{{if .Link}}<a href="{{.URL}}">{{.Title}}</a>{{else}}{{.Title}}{{with .URL}} ({{.}}){{end}}{{end}}</li>
{{end}}</ul>
{{else if eq .K "lead"}}<p><strong>{{.Text}}</strong></p>
{{end}}{{end}}{{define "table"}}<table class="data{{if .Cards}} cards{{end}}">
<caption>{{.Caption}}</caption>
<thead>
<tr>{{range .Header}}<th scope="col">{{.}}</th>{{end}}</tr>
</thead>
<tbody>
{{range .Rows}}<tr>{{range .}}{{if .Head}}<th scope="row" data-label="{{.Label}}" dir="auto">{{template "cell" .}}</th>{{else}}<td data-label="{{.Label}}"{{with .Class}} class="{{.}}"{{end}} dir="auto">{{template "cell" .}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{define "cell"}}{{if eq (len .Paras) 1}}{{index .Paras 0}}{{else}}{{range .Paras}}<p>{{.}}</p>{{end}}{{end}}{{end}}`))
