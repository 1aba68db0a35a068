// Package docx owns csa's Word document: Write renders a report as the
// Housing Ombudsman's self-assessment form in Word (landscape A4, one table
// per section with the form's own columns, its header row repeated on each
// page), with the summary, the action plan, the introduction and the
// governing body's response, for a board paper or to publish; Read reads a
// document Write produced back into an assessment, so that csa import gives
// the same assessment, edits made in Word included.
//
// It is a small writer over archive/zip and encoding/xml: the form needs
// paragraphs, tables, a header and a footer, and nothing a library would add
// is worth a dependency. The bytes are deterministic: parts in a fixed
// order, fixed zip times, no random ids.
//
// Text from the assessment is made safe by csa's one output policy
// (safetext.Text): control and bidirectional characters are shown as
// visible escapes, as in every document people read, so Word never reorders
// a line. Which field a paragraph of a cell holds is carried by its
// paragraph style (CsaEvidence, CsaCommentary, ...), which Word keeps as
// text is edited: that is how Read tells the 2022 form's evidence from its
// commentary in one column.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/internal/safetext"
)

// FormatVersion is the version of the document's layout, written in its
// custom properties beside the marker. Read refuses a later version.
const FormatVersion = 1

// Custom document properties: the marker by which Read knows csa's own
// document, and the code as the assessment names it.
const (
	PropWrittenBy = "Written by csa" // value: "Word format N"
	PropCode      = "csa code"
)

// Paragraph styles that say which field a paragraph holds.
const (
	styleProvision   = "CsaProvision"
	styleReqLandlord = "CsaRequirementLandlord"
	styleReqCode     = "CsaRequirementCode"
	styleReqSummary  = "CsaRequirementSummary"
	styleReq         = "CsaRequirement"
	styleComply      = "CsaComply"
	styleMissing     = "CsaNotInFile" // the comply cell of a provision the file does not answer
	styleEvidence    = "CsaEvidence"
	styleCommentary  = "CsaCommentary"
	styleAlternative = "CsaAlternative"
	styleReview      = "CsaReview"
	styleAction      = "CsaAction"
	styleOwner       = "CsaOwner"
	styleDue         = "CsaDue"
	styleStatus      = "CsaStatus"
	styleCell        = "CsaCell"
	styleHead        = "CsaHead"
	styleFactLabel   = "CsaFactLabel"
	styleFact        = "CsaFact"
	styleIntro       = "CsaIntroduction"
	styleResponseBy  = "CsaResponseBy"
	styleResponse    = "CsaResponse"
	styleDraft       = "CsaDraft"
	styleNote        = "CsaNote"
	styleLabel       = "CsaLabel" // a character style: "Alternative (reasonable endeavours): "
	// A group's: its entities in the facts (the registration number a
	// character style of its own), and an entity's own answer, evidence,
	// commentary and alternative, each labelled with the entity's name.
	styleEntity            = "CsaEntity"
	styleRegistration      = "CsaRegistration"
	styleEntityComply      = "CsaEntityComply"
	styleEntityEvidence    = "CsaEntityEvidence"
	styleEntityCommentary  = "CsaEntityCommentary"
	styleEntityAlternative = "CsaEntityAlternative"
	factEntities           = "Entities"
	labelAlternative       = "Alternative (reasonable endeavours): "
	labelReview            = "Awaiting review: "
	headingIntro           = "Introduction"
	headingSummary         = "Summary"
	headingActions         = "Action plan"
	headingResponse        = "Response of the governing body"
	factLandlord           = "Landlord"
	factPublished          = "Published"
	notYetApproved         = "not yet approved by the governing body"
	landscapeW             = 16838 // A4, in twentieths of a point
	landscapeH             = 11906
	margin                 = 720 // half an inch
	textWidth              = landscapeW - 2*margin
	summaryCountColumn     = 1150
)

// Column widths of the tables, in twentieths of a point: the same in every
// section, the landlord's evidence and commentary getting the room.
var (
	form2024Widths = []int{1000, 3700, 1150, 5400, textWidth - 1000 - 3700 - 1150 - 5400}
	form2022Widths = []int{1000, 4300, 1150, textWidth - 1000 - 4300 - 1150}
	actionWidths   = []int{1000, 6400, 3100, 1900, textWidth - 1000 - 6400 - 3100 - 1900}
	// a group's: the entity after the provision; its answer cell wider
	groupActionWidths = []int{1000, 2600, 4700, 2600, 1800, textWidth - 1000 - 2600 - 4700 - 2600 - 1800}
	group2024Widths   = []int{1000, 3300, 2100, 5000, textWidth - 1000 - 3300 - 2100 - 5000}
	group2022Widths   = []int{1000, 4000, 2100, textWidth - 1000 - 4000 - 2100}
)

// zipTime is every part's time in the zip: fixed, so the same report gives
// the same bytes.
var zipTime = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// Write renders the report as a Word document.
func Write(w io.Writer, r *report.Report) error {
	d := &doc{r: r}
	d.body()
	return writeParts(w, []part{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", d.core()},
		{"docProps/app.xml", appProps},
		{"docProps/custom.xml", d.custom()},
		{"word/document.xml", d.b.String()},
		{"word/styles.xml", d.styles()},
		{"word/settings.xml", settingsXML},
		{"word/header1.xml", d.header()},
		{"word/footer1.xml", footerXML},
		{"word/_rels/document.xml.rels", documentRels},
	})
}

// part is one file of a Word document's zip.
type part struct{ name, data string }

// writeParts writes a Word document's parts as its zip, in order, each at
// zipTime, PNG pictures stored as they are (they are compressed already)
// and the rest deflated; whole or not at all.
func writeParts(w io.Writer, parts []part) error {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		method := zip.Deflate
		if strings.HasSuffix(p.name, ".png") {
			method = zip.Store
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, p.data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

type doc struct {
	r *report.Report
	b strings.Builder
}

// esc escapes text for XML character data and attribute values.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// safe is text from the assessment as a document shows it: control and
// direction characters as visible escapes, line ends as "\n".
func safe(s string) string { return safetext.Text(s) }

// run writes a run of text; tabs become w:tab and line breaks w:br. Text
// is kept exactly, spaces included.
func (d *doc) run(text string, props string) {
	d.b.WriteString("<w:r>")
	if props != "" {
		d.b.WriteString("<w:rPr>" + props + "</w:rPr>")
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			d.b.WriteString("<w:br/>")
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				d.b.WriteString("<w:tab/>")
			}
			if part != "" {
				d.b.WriteString(`<w:t xml:space="preserve">` + esc(part) + "</w:t>")
			}
		}
	}
	d.b.WriteString("</w:r>")
}

// para writes one paragraph in a style; label, when given, is a bold run
// (character style CsaLabel) before the text.
func (d *doc) para(style, label, text string) {
	d.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	if label != "" {
		d.run(label, `<w:rStyle w:val="`+styleLabel+`"/>`)
	}
	if text != "" {
		d.run(text, "")
	}
	d.b.WriteString("</w:p>")
}

// field writes a field's text as paragraphs in its style, one per line, so
// each line of the text is a paragraph of the cell; an empty field writes
// nothing.
func (d *doc) field(style, label, text string) int {
	if text == "" {
		return 0
	}
	lines := strings.Split(safe(text), "\n")
	for i, line := range lines {
		if i == 0 {
			d.para(style, label, line)
		} else {
			d.para(style, "", line)
		}
	}
	return len(lines)
}

func (d *doc) heading(level int, text string) {
	d.para(fmt.Sprintf("Heading%d", level), "", oneLine(text))
}

func oneLine(s string) string { return strings.Join(strings.Fields(safetext.Line(s)), " ") }

// table starts a table with fixed column widths and a header row repeated
// on every page.
func (d *doc) table(widths []int, header []string) {
	d.b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="CsaTable"/><w:tblW w:w="`)
	total := 0
	for _, w := range widths {
		total += w
	}
	fmt.Fprintf(&d.b, `%d" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`, total)
	for _, w := range widths {
		fmt.Fprintf(&d.b, `<w:gridCol w:w="%d"/>`, w)
	}
	d.b.WriteString("</w:tblGrid>")
	if header != nil {
		d.b.WriteString(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		for i, h := range header {
			d.cellStart(widths[i], "E7E6E6")
			d.para(styleHead, "", h)
			d.b.WriteString("</w:tc>")
		}
		d.b.WriteString("</w:tr>")
	}
}

func (d *doc) cellStart(width int, fill string) {
	fmt.Fprintf(&d.b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width)
	if fill != "" {
		d.b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + fill + `"/>`)
	}
	d.b.WriteString("</w:tcPr>")
}

// rowStart begins a body row that is never split across pages.
func (d *doc) rowStart() { d.b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`) }

// cell writes a cell of one plain text in a style.
func (d *doc) cell(width int, style, text string) {
	d.cellStart(width, "")
	if d.field(style, "", text) == 0 {
		d.para(style, "", "")
	}
	d.b.WriteString("</w:tc>")
}

func (d *doc) body() {
	d.b.WriteString(xml.Header)
	d.b.WriteString(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>`)
	d.assessment(0)
	d.sectPr(true)
	d.b.WriteString("</w:body></w:document>")
}

// sectPr ends the document's last section: A4, landscape or portrait, with
// the header and the footer.
func (d *doc) sectPr(landscape bool) {
	w, h, orient := landscapeW, landscapeH, ` w:orient="landscape"`
	if !landscape {
		w, h, orient = landscapeH, landscapeW, ""
	}
	fmt.Fprintf(&d.b, `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="360" w:footer="360" w:gutter="0"/></w:sectPr>`,
		w, h, orient, margin, margin, margin, margin)
}

// assessment writes the self-assessment: the title, the facts, the
// introduction, the summary, the form, the action plan and the response.
// shift puts every heading that many levels down: 0 for the form's own
// document, whose title is a Title; 1 inside another document, whose title
// is a first-level heading.
func (d *doc) assessment(shift int) {
	r := d.r
	if shift == 0 {
		d.para("Title", "", r.Title())
	} else {
		d.heading(shift, r.Title())
	}
	if note := r.DraftNote(); note != "" {
		d.para(styleDraft, "DRAFT. ", note)
	}

	// The facts, as a table of labels and values.
	facts := [][2]string{{factLandlord, r.Landlord}}
	facts = append(facts, r.Facts()...)
	if r.Published != "" {
		facts = append(facts, [2]string{factPublished, r.Published})
	}
	d.table([]int{2200, textWidth - 2200}, nil)
	for _, f := range facts {
		d.rowStart()
		d.cellStart(2200, "")
		d.para(styleFactLabel, "", f[0])
		d.b.WriteString("</w:tc>")
		d.cellStart(textWidth-2200, "")
		if f[0] == factEntities && r.Group() {
			// One paragraph per entity, its registration number apart.
			for _, e := range r.Entities {
				d.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleEntity + `"/></w:pPr>`)
				d.run(oneLine(e.Name), "")
				if e.Registration != "" {
					d.run(" (registration "+oneLine(e.Registration)+")", `<w:rStyle w:val="`+styleRegistration+`"/>`)
				}
				d.b.WriteString("</w:p>")
			}
		} else {
			d.para(styleFact, "", oneLine(f[1]))
		}
		d.b.WriteString("</w:tc></w:tr>")
	}
	d.b.WriteString("</w:tbl>")

	if ps := report.Paragraphs(r.Introduction); len(ps) > 0 {
		d.heading(1+shift, headingIntro)
		for _, p := range ps {
			d.para(styleIntro, "", p)
		}
	}

	d.heading(1+shift, headingSummary)
	if note := r.SummaryNote(); note != "" {
		d.para(styleNote, "", note)
	}
	header, rows := summaryRows(r)
	widths := make([]int, len(header))
	rest := textWidth - summaryCountColumn*(len(header)-1)
	widths[0] = rest
	for i := 1; i < len(header); i++ {
		widths[i] = summaryCountColumn
	}
	d.table(widths, header)
	for _, row := range rows {
		d.rowStart()
		for i, c := range row {
			style := styleCell
			if i > 0 && (i > 1 || !r.Should) {
				style = "CsaCount"
			}
			d.cell(widths[i], style, c)
		}
		d.b.WriteString("</w:tr>")
	}
	d.b.WriteString("</w:tbl>")
	if r.Group() {
		d.para(styleNote, "", r.SummaryNoteGroup())
		header, rows := r.EntitySummaryRows()
		d.countTable(header, rows)
	}

	for _, s := range r.Sections {
		d.heading(1+shift, s.Caption())
		if !r.Should {
			d.form(s.Rows)
			continue
		}
		for _, part := range []struct {
			title string
			rows  []report.Row
		}{{"Mandatory requirements (must)", s.MustRows()}, {"Good practice (should)", s.ShouldRows()}} {
			if len(part.rows) > 0 {
				d.heading(2+shift, part.title)
				d.form(part.rows)
			}
		}
	}

	d.heading(1+shift, headingActions)
	d.para(styleNote, "", r.ActionPlanNote())
	if len(r.Actions) > 0 {
		widths := actionWidths
		if r.Group() {
			widths = groupActionWidths
		}
		d.table(widths, r.ActionPlanHeader())
		for _, it := range r.Actions {
			d.rowStart()
			fill := ""
			if it.Overdue {
				fill = "FDF2F3"
			}
			cells := []struct{ style, text string }{
				{styleProvision, it.Provision}, {styleAction, it.Text}, {styleOwner, it.Owner},
				{styleDue, it.Due.Long()}, {styleStatus, report.StatusText(it)},
			}
			if r.Group() {
				cells = slices.Insert(cells, 1, struct{ style, text string }{styleEntity, report.ActionEntity(it)})
			}
			for i, c := range cells {
				d.cellStart(widths[i], fill)
				switch {
				case c.style == styleStatus && it.Overdue:
					d.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleStatus + `"/></w:pPr>`)
					d.run(c.text, "<w:b/>")
					d.b.WriteString("</w:p>")
				case d.field(c.style, "", c.text) == 0:
					d.para(c.style, "", "")
				}
				d.b.WriteString("</w:tc>")
			}
			d.b.WriteString("</w:tr>")
		}
		d.b.WriteString("</w:tbl>")
	}

	if rs := r.Response; rs != nil {
		d.heading(1+shift, headingResponse)
		d.para(styleResponseBy, "", r.ResponseHeading())
		for _, p := range report.Paragraphs(rs.Text) {
			d.para(styleResponse, "", p)
		}
	}
}

// countTable writes a table of counts: a row's caption (and obligation),
// then its numbers.
func (d *doc) countTable(header []string, rows [][]string) {
	widths := make([]int, len(header))
	widths[0] = textWidth - summaryCountColumn*(len(header)-1)
	for i := 1; i < len(header); i++ {
		widths[i] = summaryCountColumn
	}
	d.table(widths, header)
	for _, row := range rows {
		d.rowStart()
		for i, c := range row {
			style := styleCell
			if i > 0 && (i > 1 || !d.r.Should) {
				style = "CsaCount"
			}
			d.cell(widths[i], style, c)
		}
		d.b.WriteString("</w:tr>")
	}
	d.b.WriteString("</w:tbl>")
}

// paras writes a cell's paragraphs of one field: the group's in style, an
// entity's own in ownStyle, each labelled as the report labels it.
func (d *doc) paras(ps []report.Paragraph, style, ownStyle string) int {
	n := 0
	for _, p := range ps {
		st, label := style, ""
		if p.Own {
			st = ownStyle
		}
		if p.Label != "" {
			label = p.Label + ": "
		}
		n += d.field(st, label, p.Text)
	}
	return n
}

// groupCells writes a group's answer, evidence and commentary cells (the
// 2022 form's evidence and commentary in one), from the answer cell on.
func (d *doc) groupCells(row report.Row, widths []int) {
	d.cellStart(widths[2], "")
	if ps := row.ComplyCell(); ps != nil {
		for _, p := range ps {
			style := styleComply
			if p.Own {
				style = styleEntityComply
			}
			c, _ := assessment.ParseComply(p.Text)
			bold := ""
			if c.IsGap() || c == assessment.Unanswered {
				bold = "<w:b/>"
			}
			d.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
			d.run(oneLine(p.Label)+": ", `<w:rStyle w:val="`+styleLabel+`"/>`)
			d.run(p.Text, bold)
			d.b.WriteString("</w:p>")
		}
	} else {
		comply := styleComply
		if !row.InFile {
			comply = styleMissing
		}
		bold := ""
		if row.Answer().IsGap() || row.Answer() == assessment.Unanswered {
			bold = "<w:b/>"
		}
		d.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + comply + `"/></w:pPr>`)
		d.run(row.ComplyLabel(), bold)
		d.b.WriteString("</w:p>")
	}
	d.b.WriteString("</w:tc>")
	evidence := d.r.Should
	if !evidence {
		d.cellStart(widths[3], "")
		if d.paras(row.Paras(report.FieldEvidence), styleEvidence, styleEntityEvidence) == 0 {
			d.para(styleEvidence, "", "")
		}
		d.b.WriteString("</w:tc>")
	}
	d.cellStart(widths[len(widths)-1], "")
	n := 0
	if evidence {
		n += d.paras(row.Paras(report.FieldEvidence), styleEvidence, styleEntityEvidence)
	}
	n += d.paras(row.Paras(report.FieldCommentary), styleCommentary, styleEntityCommentary)
	n += d.paras(row.Paras(report.FieldAlternative), styleAlternative, styleEntityAlternative)
	n += d.field(styleReview, labelReview, row.Review)
	if n == 0 {
		d.para(styleCommentary, "", "")
	}
	d.b.WriteString("</w:tc>")
}

// form writes one table of the Ombudsman's form.
func (d *doc) form(rows []report.Row) {
	r := d.r
	widths := form2024Widths
	if r.Should {
		widths = form2022Widths
	}
	if r.Group() {
		widths = group2024Widths
		if r.Should {
			widths = group2022Widths
		}
	}
	d.table(widths, r.FormHeader())
	for _, row := range rows {
		d.rowStart()
		d.cell(widths[0], styleProvision, row.ID)
		req := styleReq
		switch row.RequirementFrom {
		case assessment.FromLandlord:
			req = styleReqLandlord
		case assessment.FromCode:
			req = styleReqCode
		case assessment.FromSummary:
			req = styleReqSummary
		}
		d.cell(widths[1], req, row.Requirement)
		if r.Group() {
			d.groupCells(row, widths)
			d.b.WriteString("</w:tr>")
			continue
		}
		comply := styleComply
		if !row.InFile {
			comply = styleMissing
		}
		// A gap, or no answer, in bold, as the other formats show it.
		d.cellStart(widths[2], "")
		d.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + comply + `"/></w:pPr>`)
		bold := ""
		if row.Comply.IsGap() || row.Comply == assessment.Unanswered {
			bold = "<w:b/>"
		}
		d.run(row.ComplyLabel(), bold)
		d.b.WriteString("</w:p></w:tc>")
		if r.Should {
			d.cellStart(widths[3], "")
			n := d.field(styleEvidence, "", row.Evidence)
			n += d.field(styleCommentary, "", row.Commentary)
			n += d.extras(row)
			if n == 0 {
				d.para(styleEvidence, "", "")
			}
			d.b.WriteString("</w:tc>")
		} else {
			d.cell(widths[3], styleEvidence, row.Evidence)
			d.cellStart(widths[4], "")
			n := d.field(styleCommentary, "", row.Commentary)
			n += d.extras(row)
			if n == 0 {
				d.para(styleCommentary, "", "")
			}
			d.b.WriteString("</w:tc>")
		}
		d.b.WriteString("</w:tr>")
	}
	d.b.WriteString("</w:tbl>")
	// Word needs a paragraph between two tables, or it joins them.
	d.para("CsaGap", "", "")
}

func (d *doc) extras(row report.Row) int {
	return d.field(styleAlternative, labelAlternative, row.Alternative) + d.field(styleReview, labelReview, row.Review)
}

// summaryRows are the report's counts per section as text.
func summaryRows(r *report.Report) ([]string, [][]string) { return r.SummaryRows() }

func (d *doc) core() string { return coreXML(d.r.Title(), d.r.Code.Title, d.r.Assessed) }

// coreXML is the document's core properties: its title, subject and
// language, and its date (the day it was finished, never the day it was
// written out, so the bytes do not change from run to run).
func coreXML(title, subject string, date assessment.Date) string {
	when := ""
	if !date.IsZero() {
		when = date.Time().Format("2006-01-02T15:04:05Z")
	}
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	b.WriteString("<dc:title>" + esc(oneLine(title)) + "</dc:title>")
	b.WriteString("<dc:subject>" + esc(oneLine(subject)) + "</dc:subject>")
	b.WriteString("<dc:creator>csa</dc:creator><dc:language>en-GB</dc:language>")
	if when != "" {
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + when + `</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + when + `</dcterms:modified>`)
	}
	b.WriteString("</cp:coreProperties>")
	return b.String()
}

func (d *doc) custom() string {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">`)
	for i, p := range [][2]string{{PropWrittenBy, fmt.Sprintf("Word format %d", FormatVersion)}, {PropCode, d.r.Code.Written}} {
		fmt.Fprintf(&b, `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="%d" name="%s"><vt:lpwstr>%s</vt:lpwstr></property>`, i+2, esc(p[0]), esc(safetext.Line(p[1])))
	}
	b.WriteString("</Properties>")
	return b.String()
}

func (d *doc) header() string {
	title := oneLine(d.r.Title())
	if d.r.Draft() {
		title = "DRAFT: " + title
	}
	return xml.Header + `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">` + esc(title) + `</w:t></w:r></w:p></w:hdr>`
}

const footerXML = xml.Header + `<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> of </w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>`

const rootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`

const documentRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`

const appProps = xml.Header + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>csa</Application></Properties>`

const settingsXML = xml.Header + `<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// styles is the document's styles: a group's has its own.
func (d *doc) styles() string {
	if !d.r.Group() {
		return stylesXML
	}
	var b strings.Builder
	for _, id := range []string{styleEntity, styleEntityComply, styleEntityEvidence, styleEntityCommentary, styleEntityAlternative} {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="csa %s"/><w:basedOn w:val="CsaCell"/><w:next w:val="%s"/></w:style>`,
			id, strings.ToLower(strings.Replace(id[3:], "Entity", "entity ", 1)), id)
	}
	b.WriteString(`<w:style w:type="character" w:customStyle="1" w:styleId="` + styleRegistration + `"><w:name w:val="csa registration"/><w:rPr><w:color w:val="505A5F"/></w:rPr></w:style>`)
	return strings.Replace(stylesXML, "</w:styles>", b.String()+"</w:styles>", 1)
}

// stylesXML: Arial throughout; 9-point text in the tables, so the form is
// dense enough to print; headings kept with what follows them.
var stylesXML = styles(false)

// styles is the document's styles; more adds those of csa's other
// documents (a third heading level, body text, captions and figures).
func styles(more bool) string {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="252" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	b.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="160"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>`)
	sizes := []int{28, 24}
	if more {
		sizes = append(sizes, 21)
	}
	for i, size := range sizes {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:styleId="Heading%d"><w:name w:val="heading %d"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="100"/><w:outlineLvl w:val="%d"/></w:pPr><w:rPr><w:b/><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr></w:style>`, i+1, i+1, i, size, size)
	}
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="505A5F"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="505A5F"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="CsaDraft"><w:name w:val="csa draft"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:top w:val="single" w:sz="12" w:space="4" w:color="A4000F"/><w:left w:val="single" w:sz="12" w:space="4" w:color="A4000F"/><w:bottom w:val="single" w:sz="12" w:space="4" w:color="A4000F"/><w:right w:val="single" w:sz="12" w:space="4" w:color="A4000F"/></w:pBdr><w:spacing w:before="120" w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="A4000F"/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="CsaNote"><w:name w:val="csa note"/><w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr></w:style>`)
	for _, s := range []string{styleIntro, styleResponse} {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="csa %s"/><w:basedOn w:val="Normal"/></w:style>`, s, strings.ToLower(s[3:]))
	}
	b.WriteString(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="CsaResponseBy"><w:name w:val="csa response by"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="CsaGap"><w:name w:val="csa gap"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0" w:line="120" w:lineRule="exact"/></w:pPr><w:rPr><w:sz w:val="4"/></w:rPr></w:style>`)
	// Table cell text: 9 point, tight spacing.
	b.WriteString(`<w:style w:type="paragraph" w:customStyle="1" w:styleId="CsaCell"><w:name w:val="csa cell"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>`)
	cells := []struct {
		id, props string
	}{
		{styleHead, `<w:rPr><w:b/></w:rPr>`}, {styleFactLabel, `<w:rPr><w:b/></w:rPr>`}, {styleFact, ""},
		{styleProvision, `<w:rPr><w:b/></w:rPr>`}, {styleReqLandlord, ""}, {styleReqCode, ""}, {styleReqSummary, ""}, {styleReq, ""},
		{styleComply, ""}, {styleMissing, `<w:rPr><w:i/></w:rPr>`}, {styleEvidence, ""}, {styleCommentary, ""},
		{styleAlternative, ""}, {styleReview, ""}, {styleAction, ""}, {styleOwner, ""}, {styleDue, ""}, {styleStatus, ""},
		{"CsaCount", `<w:pPr><w:jc w:val="right"/></w:pPr>`},
	}
	for _, c := range cells {
		fmt.Fprintf(&b, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="csa %s"/><w:basedOn w:val="CsaCell"/><w:next w:val="%s"/>%s</w:style>`, c.id, strings.ToLower(c.id[3:]), c.id, c.props)
	}
	b.WriteString(`<w:style w:type="character" w:customStyle="1" w:styleId="CsaLabel"><w:name w:val="csa label"/><w:rPr><w:b/></w:rPr></w:style>`)
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	b.WriteString(`<w:style w:type="table" w:customStyle="1" w:styleId="CsaTable"><w:name w:val="csa table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	if more {
		b.WriteString(moreStyles)
	}
	b.WriteString(`</w:styles>`)
	return b.String()
}
