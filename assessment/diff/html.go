package diff

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/internal/safetext"
)

// WriteHTML writes the diff as one web page for a board paper, with the
// report page's stylesheet and print rules (report.PageStyle), lang en-GB,
// a caption and header scopes on every table, each cell's direction
// isolated, no script and nothing fetched; html/template escapes every
// piece of text from the assessments. It says what the Markdown says, in the
// same order: the title and facts, the two assessments, the summary, a
// contents list, then the changes section by section, each provision under
// its own heading with its short title. Removed text is a <del> and added
// text an <ins>, each starting with a visually hidden "removed:" or
// "added:" for a screen reader (printed in black and white, the one is
// struck through and the other underlined); a text changed throughout is
// shown as it was and as it is, under the words Was and Now.
func WriteHTML(w io.Writer, d *Diff) error {
	return diffTemplate.Execute(w, d.htmlView())
}

type htmlDiff struct {
	Title     string
	CSS       template.CSS
	Facts     [][2]string
	Sides     [][3]string
	Note      string
	NoChanges bool
	Contents  []htmlLink
	Classes   htmlSummary
	Actions   htmlSummary
	Gaps      string
	Opened    []string
	Sections  []htmlSection
	SidesHead []string
}

type htmlLink struct{ ID, Text string }

type htmlSummary struct {
	Caption string
	Head    []string
	Rows    []summaryRow
}

type htmlSection struct {
	ID, Heading string
	Changes     []htmlChange
}

type htmlChange struct {
	ID          string
	Number      string
	Title       string
	Status      string
	Notes       []string
	Fields      []htmlField
	Requirement string
	Actions     []htmlAction
}

type htmlField struct {
	Name     string
	Text     string      // a new or retired provision's text
	Pieces   []htmlPiece // a changed text, inline
	Was, Now string      // a text changed throughout
	Whole    bool
}

type htmlAction struct {
	Head   string
	Strong bool
	Pieces []htmlPiece
	Facts  string
}

// htmlPiece is a run of text: kept ("same"), removed ("del") or added
// ("ins").
type htmlPiece struct {
	Kind, Text string
}

// line makes text from a file safe on one line of the page: csa's
// output-safety policy, white space folded.
func line(s string) string { return strings.Join(strings.Fields(safetext.Line(s)), " ") }

func (d *Diff) htmlView() htmlDiff {
	v := htmlDiff{Title: line(d.paperTitle()), Note: lineageNote(d), NoChanges: !d.Differs(),
		SidesHead: sidesHeader}
	v.CSS = template.CSS(report.PageStyle(v.Title) + diffCSS)
	for _, f := range d.paperFacts() {
		v.Facts = append(v.Facts, [2]string{f[0], line(f[1])})
	}
	for _, r := range d.sideRows() {
		v.Sides = append(v.Sides, [3]string{r[0], line(r[1]), line(r[2])})
	}
	if v.NoChanges {
		return v
	}
	clean := func(rows []summaryRow) []summaryRow {
		for i := range rows {
			for j := range rows[i].Items {
				rows[i].Items[j].Text = line(rows[i].Items[j].Text)
			}
		}
		return rows
	}
	v.Classes = htmlSummary{Caption: "Provisions, by how their answers changed", Head: []string{"Provisions", "Count", "Which"}, Rows: clean(d.classRows())}
	v.Actions = htmlSummary{Caption: "Actions, by what became of them", Head: []string{"Actions", "Count", "Which"}, Rows: clean(d.actionRows())}
	var opened []string
	v.Gaps, opened = d.gapsSentence()
	for _, o := range opened {
		v.Opened = append(v.Opened, line(o))
	}
	v.Contents = []htmlLink{{"summary", "Summary"}, {"changes", "Changes by section"}}
	d.eachShown(func(p *Provision) {
		v.Sections = append(v.Sections, htmlSection{ID: "section-" + strconv.Itoa(p.Section), Heading: line(sectionHeading(p))})
	}, func() {
		v.Sections = append(v.Sections, htmlSection{ID: "retired", Heading: line(fmt.Sprintf("Retired: %s provisions with no successor in %s", d.Old.Code, d.New.Code))})
	}, func(p *Provision) {
		s := &v.Sections[len(v.Sections)-1]
		s.Changes = append(s.Changes, d.htmlChange(p))
	})
	for _, s := range v.Sections {
		v.Contents = append(v.Contents, htmlLink{s.ID, s.Heading})
	}
	return v
}

func (d *Diff) htmlChange(p *Provision) htmlChange {
	c := htmlChange{ID: anchor(p), Number: line(p.ID), Title: line(d.Title(p.Class == Retired, p.ID)), Status: line(status(p))}
	if p.LowConfidence() {
		c.Notes = append(c.Notes, "Low-confidence match.")
	}
	if about := newOrRetired(d, p); about != "" {
		c.Notes = append(c.Notes, line(about))
	}
	if d.Direction != lineage.SameCode && len(p.Matches) > 0 {
		c.Notes = append(c.Notes, line(d.continues(p)))
	}
	for _, f := range d.fields(p) {
		hf := htmlField{Name: line(f.Name)}
		switch {
		case f.Pieces == nil:
			hf.Text = line(f.Text)
		case Whole(f.Pieces):
			hf.Name, hf.Whole = line(wholeName(f)), true
			hf.Was, hf.Now = line(f.Pieces[0].Old), line(f.Pieces[0].New)
		default:
			hf.Pieces = htmlPieces(f.Pieces)
		}
		c.Fields = append(c.Fields, hf)
	}
	if p.RequirementChanged {
		c.Requirement = strings.ToUpper(requirementNote[:1]) + requirementNote[1:] + "."
	}
	for _, a := range p.Actions {
		c.Actions = append(c.Actions, htmlAction{Head: actionHead(a), Strong: a.Kind == Dropped || a.Kind == Slipped || a.NewlyOverdue,
			Pieces: htmlPieces(actionPieces(a)), Facts: line(strings.Join(actionFacts(d, p, a, assessment.Date.Long), "; "))})
	}
	return c
}

// htmlPieces flattens pieces into runs kept, removed and added.
func htmlPieces(pieces []Piece) []htmlPiece {
	var out []htmlPiece
	add := func(kind, text string) {
		if t := line(text); t != "" {
			out = append(out, htmlPiece{kind, t})
		}
	}
	for _, p := range pieces {
		switch p.Kind {
		case Same:
			add("same", p.Text)
		case Edited:
			for _, s := range p.Words {
				add(map[Op]string{Equal: "same", Delete: "del", Insert: "ins"}[s.Op], s.Text)
			}
		case Rewritten:
			add("del", p.Old)
			add("ins", p.New)
		}
	}
	return out
}

// diffCSS adds to the report's stylesheet what a diff needs: removed and
// added text (struck through and underlined, so that a black-and-white
// printout tells them apart; tinted on screen), a text changed throughout
// as two blocks, a heading per provision, and the small tables stacking
// into cards on a phone.
const diffCSS = `
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
del { text-decoration: line-through; background: #fbe9ea; }
ins { text-decoration: underline; text-decoration-thickness: 2px; background: #e3f1e6; }
.rewrite p { margin: .25rem 0; padding: .25rem .5rem; border-left: 4px solid #b1b4b6; }
.rewrite del, .rewrite ins { text-decoration: none; background: none; }
.rewrite .was { border-left-color: #a4000f; background: #fdf2f3; }
.rewrite .now { border-left-color: #00703c; background: #eef7f0; }
.tag { font-weight: 700; }
h3 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
h4 { font-size: 1.05rem; margin: 0 0 .25rem; }
.change { border-top: 1px solid #b1b4b6; padding: .75rem 0 .25rem; }
.change > p { margin: 0 0 .5rem; }
dl.fields { margin: 0 0 .5rem; }
dl.fields dt { font-weight: 700; }
dl.fields dd { margin: 0 0 .5rem; }
ul.ids { margin: 0; padding-left: 1.1rem; }
ul.plan { margin: 0 0 .5rem; padding-left: 1.25rem; }
table.stack td.num { width: 5rem; }
table.tally { table-layout: fixed; }
table.tally th[scope=col]:first-child { width: 30%; }
table.tally th[scope=col]:nth-child(2) { width: 5rem; }
@media screen and (max-width: 40em) {
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: auto; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stack tr { border: 1px solid #b1b4b6; margin: 0 0 1rem; }
  table.stack th, table.stack td { border: 0; border-bottom: 1px solid #e5e5e5; text-align: left; }
  table.stack td[data-label]::before { content: attr(data-label); display: block; font-weight: 700; color: #505a5f; font-size: .875rem; }
  table.stack td:empty { display: none; }
  table.stack td.num { width: auto; }
  table.stack caption { display: block; }
}
@media print {
  del, ins, .rewrite .was, .rewrite .now { background: none; }
  h3 { font-size: 10.5pt; margin: .9rem 0 .3rem; }
  h4 { font-size: 9.5pt; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  .change { padding-top: .35rem; }
}
`

var diffTemplate = template.Must(template.New("diff").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="csa">
<title>{{.Title}}</title>
<style>{{.CSS}}</style>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<dl class="facts">
{{range .Facts}}<dt>{{index . 0}}</dt><dd dir="auto">{{index . 1}}</dd>
{{end}}</dl>
<table class="stack sides">
<caption>The two assessments</caption>
<thead>
<tr>{{range .SidesHead}}<th scope="col">{{.}}</th>{{end}}</tr>
</thead>
<tbody>
{{range .Sides}}<tr><th scope="row" dir="auto">{{index . 0}}</th><td data-label="Last year" dir="auto">{{index . 1}}</td><td data-label="This year" dir="auto">{{index . 2}}</td></tr>
{{end}}</tbody>
</table>
{{with .Note}}<p>{{.}}</p>
{{end}}{{if .NoChanges}}<p>No changes: the two assessments say the same.</p>
{{else}}<nav class="contents" aria-labelledby="contents">
<h2 id="contents">Contents</h2>
<ol>
{{range .Contents}}<li><a href="#{{.ID}}">{{.Text}}</a></li>
{{end}}</ol>
</nav>
<section aria-labelledby="summary">
<h2 id="summary">Summary</h2>
{{template "summary" .Classes}}<p>{{.Gaps}}</p>
{{with .Opened}}<p>Not a gap last year:</p>
<ul>
{{range .}}<li dir="auto">{{.}}</li>
{{end}}</ul>
{{end}}{{template "summary" .Actions}}</section>
<section aria-labelledby="changes">
<h2 id="changes">Changes by section</h2>
{{range .Sections}}<section aria-labelledby="{{.ID}}">
<h3 id="{{.ID}}">{{.Heading}}</h3>
{{range .Changes}}<div class="change">
<h4 id="{{.ID}}" dir="auto">{{.Number}} {{.Title}}</h4>
<p>{{.Status}}.</p>
{{range .Notes}}<p dir="auto">{{.}}</p>
{{end}}{{with .Fields}}<dl class="fields">
{{range .}}<dt>{{.Name}}</dt>{{if .Whole}}<dd class="rewrite">{{with .Was}}<p class="was" dir="auto"><span class="tag">Was:</span> <del>{{.}}</del></p>{{end}}{{with .Now}}<p class="now" dir="auto"><span class="tag">Now:</span> <ins>{{.}}</ins></p>{{end}}</dd>
{{else if .Pieces}}<dd dir="auto">{{template "pieces" .Pieces}}</dd>
{{else}}<dd dir="auto">{{.Text}}</dd>
{{end}}{{end}}</dl>
{{end}}{{with .Requirement}}<p>{{.}}</p>
{{end}}{{with .Actions}}<ul class="plan">
{{range .}}<li dir="auto">{{if .Strong}}<strong>{{.Head}}</strong>{{else}}{{.Head}}{{end}}: {{template "pieces" .Pieces}} ({{.Facts}})</li>
{{end}}</ul>
{{end}}</div>
{{end}}</section>
{{end}}</section>
{{end}}</main>
</body>
</html>
{{define "summary"}}<table class="stack tally">
<caption>{{.Caption}}</caption>
<thead>
<tr>{{range .Head}}<th scope="col">{{.}}</th>{{end}}</tr>
</thead>
<tbody>
{{range .Rows}}<tr><th scope="row" dir="auto">{{.Caption}}</th><td class="num" data-label="Count" dir="auto">{{.Count}}</td><td data-label="Which" dir="auto">{{with .Items}}<ul class="ids">{{range .}}<li>{{if .Anchor}}<a href="#{{.Anchor}}">{{end}}{{if .Strong}}<strong>{{.Text}}</strong>{{else}}{{.Text}}{{end}}{{if .Anchor}}</a>{{end}}</li>{{end}}</ul>{{end}}</td></tr>
{{end}}</tbody>
</table>
{{end}}{{define "pieces"}}{{range $i, $p := .}}{{if $i}} {{end}}{{if eq $p.Kind "del"}}<del><span class="visually-hidden">removed: </span>{{$p.Text}}</del>{{else if eq $p.Kind "ins"}}<ins><span class="visually-hidden">added: </span>{{$p.Text}}</ins>{{else}}{{$p.Text}}{{end}}{{end}}{{end}}`))
