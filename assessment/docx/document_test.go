package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/chart"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/codes"
)

// annualDoc writes a document as the annual report does: portrait pages of
// text, a table and a chart, then the self-assessment on landscape pages.
func annualDoc(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../../examples/millbrook-2024-25.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := assessment.Parse("a.yaml", data)
	cat, err := codes.Lookup(a.Code, "")
	if err != nil {
		t.Fatal(err)
	}
	c := &chart.Chart{ID: "m", Title: "Complaints each month", Alt: "Most in November & fewest in December.", Columns: true,
		Categories: []string{"Apr", "May"}, Series: []chart.Series{{Name: "Stage 1", Values: []float64{3, 4}}}}
	png, w, h, err := chart.PNG(c)
	if err != nil {
		t.Fatal(err)
	}
	D := NewDocument("Millbrook Homes: annual complaints report 2024/25", "Annual complaints performance and service improvement report", assessment.NewDate(2025, 6, 12), true)
	D.Title("Millbrook Homes: annual complaints report 2024/25")
	D.Draft("Not for publication: no response yet.")
	D.Facts([][2]string{{"Period", "2024/25"}, {"Homes", "4,180"}})
	D.Heading(1, "Our complaints")
	D.Text("First paragraph.\n\nSecond <paragraph> & more.")
	D.Caption(c.Title)
	D.Image(png, w, h, c.Alt)
	D.Table([]Column{{Header: "Figure", Width: 3}, {Header: "2024/25", Width: 1, Right: true}}, [][]string{{"Received", "367"}, {"=1+1", "14"}})
	D.Assessment(report.New(a, cat, assessment.NewDate(2025, 7, 1)))
	var b bytes.Buffer
	if err := D.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDocument: a well-formed package, the chart in it with its text
// alternative, portrait pages then landscape ones, the self-assessment's
// form whole, the same bytes each time, and not taken for csa's own form.
func TestDocument(t *testing.T) {
	data := annualDoc(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		parts[f.Name] = string(b)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			dec := xml.NewDecoder(bytes.NewReader(b))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
				}
			}
		}
	}
	doc := parts["word/document.xml"]
	for _, want := range []string{
		`descr="Most in November &amp; fewest in December."`, `r:embed="rIdImage1"`,
		`<w:pgSz w:w="11906" w:h="16838"/>`, `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`,
		`<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Millbrook Homes: self-assessment`,
		`<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Section 1: Definition of a complaint`,
		`Second &lt;paragraph&gt; &amp; more.`,
		`=1+1`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the document lacks %s", want)
		}
	}
	if strings.Index(doc, `w:h="16838"/>`) > strings.Index(doc, `w:orient="landscape"`) {
		t.Error("the landscape pages come before the portrait ones")
	}
	if n := strings.Count(doc, `<w:pStyle w:val="CsaComply"/>`); n != 72 {
		t.Errorf("%d provisions in the form, want the 72 on the 2024 form", n)
	}
	if !strings.HasPrefix(parts["word/media/chart1.png"], "\x89PNG") || !strings.Contains(parts["[Content_Types].xml"], `Extension="png" ContentType="image/png"`) ||
		!strings.Contains(parts["word/_rels/document.xml.rels"], `Target="media/chart1.png"`) {
		t.Error("the chart's picture is not in the package")
	}
	if !strings.Contains(parts["word/styles.xml"], `w:styleId="Heading3"`) || !strings.Contains(parts["word/header1.xml"], "DRAFT: Millbrook Homes") {
		t.Error("styles or header")
	}
	if !bytes.Equal(data, annualDoc(t)) {
		t.Error("the same document gave different bytes")
	}
	if _, ok, err := Read(data, lookup); ok || err != nil {
		t.Errorf("Read took it for csa's own form: ok %v, %v", ok, err)
	}
}
