package annual

import (
	"io"
	"strings"

	"github.com/csa-tool/csa/assessment/chart"
	"github.com/csa-tool/csa/assessment/docx"
)

// WriteDOCX writes the annual report as a Word document with csa's Word
// writer (package docx): the report on portrait pages, each chart as a
// picture csa draws (a PNG, with its text alternative as the picture's alt
// text) followed by its numbers, then the self-assessment on the form's
// landscape pages, as csa report -f docx lays it out. The same report gives
// the same bytes.
func WriteDOCX(w io.Writer, r *Report) error {
	note := r.DraftNote()
	a := r.Pack.Annual
	D := docx.NewDocument(r.Title, "Annual complaints performance and service improvement report", a.Dated, note != "")
	D.Title(r.Title)
	if note != "" {
		D.Draft(note)
	}
	facts := r.Facts
	if r.Published != "" {
		facts = append(facts[:len(facts):len(facts)], [2]string{"Published", r.Published})
	}
	D.Facts(facts)
	for _, s := range r.Sections {
		D.Heading(1, s.Title)
		for _, b := range s.Blocks {
			if err := docxBlock(D, b); err != nil {
				return err
			}
		}
	}
	D.Heading(1, headSelf)
	if r.Self == nil {
		D.Note(r.SelfNote())
	} else {
		D.Text("Our self-assessment against the Complaint Handling Code follows, as it is published on its own.")
		D.Assessment(r.Self)
	}
	return D.Write(w)
}

func docxBlock(D *docx.Document, b Block) error {
	switch b.Kind {
	case Prose:
		D.Text(strings.Join(b.Paras, "\n\n"))
	case Para:
		D.Text(b.Text)
	case Note:
		D.Note(b.Text)
	case Lead:
		D.Caption(b.Text)
	case Subheading:
		D.Heading(2, b.Text)
	case TableBlock:
		docxTable(D, b.Table)
	case ChartBlock:
		png, w, h, err := chart.PNG(b.Chart)
		if err != nil {
			return err
		}
		D.Caption(b.Chart.Title)
		D.Image(png, w, h, b.Chart.Alt)
		docxTable(D, b.Table)
	case Links:
		for _, l := range b.Links {
			D.Labelled(oneLine(l.Title), oneLine(l.URL))
		}
	}
	return nil
}

func docxTable(D *docx.Document, t *Table) {
	cols := make([]docx.Column, len(t.Header))
	for i, h := range t.Header {
		cols[i] = docx.Column{Header: h, Width: columnWeight(t, i)}
		if i < len(t.Right) {
			cols[i].Right = t.Right[i]
		}
	}
	D.Caption(t.Caption)
	D.Table(cols, t.Rows)
}

// columnWeight shares a table's width out by what its columns hold, in
// characters: at least the longest word of the column (a case reference, a
// month) and a little room, at most 30, so long text wraps in a wide column
// and a date or a number keeps its line.
func columnWeight(t *Table, col int) int {
	word, cell := 0, 0
	measure := func(s string, header bool) {
		for _, w := range strings.Fields(s) {
			word = max(word, len([]rune(w)))
		}
		if !header {
			cell = max(cell, len([]rune(s)))
		}
	}
	measure(t.Header[col], true)
	for _, r := range t.Rows {
		if col < len(r) {
			measure(r[col], false)
		}
	}
	if col < len(t.Dates) && t.Dates[col] {
		word = max(word, cell)
	}
	return max(word*3/2+4, min(cell, 30)) // digits and bold letters are wider than the average one
}
