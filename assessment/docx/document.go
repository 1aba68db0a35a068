package docx

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/report"
)

// This file is the Word writer for csa's other documents (the annual
// complaints report): headings, text, tables, pictures and the
// self-assessment itself, with the form's styles, page, header and footer.
// The document opens in portrait, for reading; Landscape starts the form's
// landscape pages, where the self-assessment goes.

// Document is a Word document being written. It carries no "Written by
// csa" marker: csa import reads it as any Word document, not as csa's own
// form.
type Document struct {
	d         doc
	title     string // in the page header
	subject   string
	date      assessment.Date
	draft     bool
	landscape bool // the section being written is landscape
	images    [][]byte
}

// Column is a column of a Document's table: its header, its share of the
// page's width (weights, in any unit), and whether it holds numbers
// (aligned right).
type Column struct {
	Header string
	Width  int
	Right  bool
}

// NewDocument starts a document: title goes in every page's header
// ("DRAFT: " before it for a draft), subject and date in its properties.
func NewDocument(title, subject string, date assessment.Date, draft bool) *Document {
	D := &Document{title: title, subject: subject, date: date, draft: draft}
	D.d.b.WriteString(xml.Header)
	D.d.b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>`)
	return D
}

// width is the text width of the section being written, in twentieths of a
// point.
func (D *Document) width() int {
	if D.landscape {
		return textWidth
	}
	return landscapeH - 2*margin
}

// Title writes the document's title.
func (D *Document) Title(text string) { D.d.para("Title", "", oneLine(text)) }

// Draft writes the draft box: "DRAFT." and why.
func (D *Document) Draft(note string) { D.d.para(styleDraft, "DRAFT. ", oneLine(note)) }

// Heading writes a heading, level 1 to 3.
func (D *Document) Heading(level int, text string) { D.d.heading(max(1, min(level, 3)), text) }

// Text writes text as paragraphs, split at blank lines; a line break
// inside a paragraph is kept.
func (D *Document) Text(text string) {
	for _, p := range report.Paragraphs(text) {
		D.d.para(styleText, "", p)
	}
}

// Labelled writes one paragraph, a bold label before its text.
func (D *Document) Labelled(label, text string) {
	D.d.para(styleText, oneLine(label)+": ", safe(text))
}

// Note writes a paragraph in italics: a note on what follows.
func (D *Document) Note(text string) { D.d.para(styleNote, "", oneLine(text)) }

// Caption writes a table's or a picture's title, kept with it.
func (D *Document) Caption(text string) { D.d.para(styleCaption, "", oneLine(text)) }

// Facts writes labels and their values as a table of two columns.
func (D *Document) Facts(facts [][2]string) {
	labelW := 2600
	valueW := D.width() - labelW
	D.d.table([]int{labelW, valueW}, nil)
	for _, f := range facts {
		D.d.rowStart()
		D.d.cellStart(labelW, "")
		D.d.para(styleFactLabel, "", f[0])
		D.d.b.WriteString("</w:tc>")
		D.d.cellStart(valueW, "")
		D.d.para(styleFact, "", oneLine(f[1]))
		D.d.b.WriteString("</w:tc></w:tr>")
	}
	D.d.b.WriteString("</w:tbl>")
	D.d.para("CsaGap", "", "")
}

// Table writes a table across the page: its header row repeated on each
// page, rows kept whole, each cell's text made safe. A cell's line breaks
// are kept.
func (D *Document) Table(cols []Column, rows [][]string) {
	total := 0
	for _, c := range cols {
		total += max(1, c.Width)
	}
	widths := make([]int, len(cols))
	header := make([]string, len(cols))
	used := 0
	for i, c := range cols {
		widths[i] = D.width() * max(1, c.Width) / total
		used += widths[i]
		header[i] = c.Header
	}
	widths[len(widths)-1] += D.width() - used
	D.d.table(widths, header)
	for _, row := range rows {
		D.d.rowStart()
		for i := range cols {
			text := ""
			if i < len(row) {
				text = row[i]
			}
			style := styleCell
			if cols[i].Right {
				style = "CsaCount"
			}
			D.d.cell(widths[i], style, text)
		}
		D.d.b.WriteString("</w:tr>")
	}
	D.d.b.WriteString("</w:tbl>")
	D.d.para("CsaGap", "", "")
}

// emuPerPixel is the size of a pixel at 96 dots an inch, in the English
// Metric Units a drawing is measured in.
const emuPerPixel = 9525

// Image writes a PNG picture, width by height pixels at 96 dots an inch,
// shrunk to the page's width if it is wider, with alt as its text
// alternative (Word's alt text, read by a screen reader).
func (D *Document) Image(png []byte, width, height int, alt string) {
	D.images = append(D.images, png)
	n := len(D.images)
	cx := int64(width) * emuPerPixel
	if most := int64(D.width()) * 635; cx > most { // 635 EMU a twentieth of a point
		cx = most
	}
	cy := cx * int64(height) / int64(max(1, width))
	alt = esc(oneLine(alt))
	fmt.Fprintf(&D.d.b, `<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="Chart %d" descr="%s"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="%d" name="chart%d.png" descr="%s"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImage%d"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
		styleFigure, cx, cy, n, n, alt, n, n, alt, n, cx, cy)
}

// Landscape ends the portrait pages: what follows is on landscape pages,
// as the self-assessment form is.
func (D *Document) Landscape() {
	if D.landscape {
		return
	}
	D.d.b.WriteString(`<w:p><w:pPr>`)
	D.d.sectPr(false)
	D.d.b.WriteString(`</w:pPr></w:p>`)
	D.landscape = true
}

// Assessment writes the self-assessment as csa report -f docx lays it out
// (the facts, the introduction, the summary, the form, the action plan and
// the response), its title a first-level heading and the rest below it, on
// landscape pages.
func (D *Document) Assessment(r *report.Report) {
	D.Landscape()
	D.d.r = r
	D.d.assessment(1)
	D.d.r = nil
}

// Write finishes the document and writes it: the same content gives the
// same bytes.
func (D *Document) Write(w io.Writer) error {
	D.d.sectPr(D.landscape)
	D.d.b.WriteString("</w:body></w:document>")
	title := oneLine(D.title)
	if D.draft {
		title = "DRAFT: " + title
	}
	header := xml.Header + `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">` + esc(title) + `</w:t></w:r></w:p></w:hdr>`
	rels := strings.TrimSuffix(documentRels, "</Relationships>")
	for i := range D.images {
		rels += fmt.Sprintf(`<Relationship Id="rIdImage%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart%d.png"/>`, i+1, i+1)
	}
	rels += "</Relationships>"
	custom := xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="csa document"><vt:lpwstr>` + esc(oneLine(D.subject)) + `</vt:lpwstr></property></Properties>`
	parts := []part{
		{"[Content_Types].xml", strings.Replace(contentTypes, `<Default Extension="xml"`, `<Default Extension="png" ContentType="image/png"/><Default Extension="xml"`, 1)},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreXML(D.title, D.subject, D.date)},
		{"docProps/app.xml", appProps},
		{"docProps/custom.xml", custom},
		{"word/document.xml", D.d.b.String()},
		{"word/styles.xml", styles(true)},
		{"word/settings.xml", settingsXML},
		{"word/header1.xml", header},
		{"word/footer1.xml", footerXML},
		{"word/_rels/document.xml.rels", rels},
	}
	for i, img := range D.images {
		parts = append(parts, part{fmt.Sprintf("word/media/chart%d.png", i+1), string(img)})
	}
	return writeParts(w, parts)
}

// Styles of csa's other documents.
const (
	styleText    = "CsaText"
	styleCaption = "CsaCaption"
	styleFigure  = "CsaFigure"
)

const moreStyles = `<w:style w:type="paragraph" w:customStyle="1" w:styleId="CsaText"><w:name w:val="csa text"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="CsaCaption"><w:name w:val="csa caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="80"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:customStyle="1" w:styleId="CsaFigure"><w:name w:val="csa figure"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:after="120"/></w:pPr></w:style>`
