package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/ooxml"
)

// The fuzz targets feed each reader arbitrary bytes: an import may refuse
// a file, but must never panic, hang or exhaust memory. Seed corpora are in
// testdata/fuzz/. Run one with
//
//	go test -run "^$" -fuzz "^FuzzDocx$" -fuzztime 5m -fuzzminimizetime 20x ./assessment/importer
//
// (a mutated zip often finds new coverage; minimising each one for the
// default minute leaves little time to fuzz: make fuzz caps it).
//
// A mutated zip mostly fails its checksum, so the Word and Excel targets
// also fuzz one part's XML alone, put into a valid file (stored, not
// compressed: the wrapping costs next to nothing). Inputs over maxFuzz are
// passed over: the limits make a huge input cheap to refuse, and the
// fuzzer's time is better spent on many small ones.

const maxFuzz = 256 << 10

// stored zips parts without compressing them.
func stored(parts ...[2]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p[0], Method: zip.Store})
		if err != nil {
			panic(err)
		}
		if _, err := w.Write([]byte(p[1])); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// workbookOf is a workbook of one sheet, "Assessment", whose XML is sheet
// (inside worksheet) and whose shared strings are sst (si elements).
func workbookOf(sheet, sst string) []byte {
	return stored(
		[2]string{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		[2]string{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		[2]string{"xl/workbook.xml", `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Assessment" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		[2]string{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		[2]string{"xl/worksheets/sheet1.xml", `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sheet + `</worksheet>`},
		[2]string{"xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst + `</sst>`},
	)
}

// The parts FuzzXLSX fuzzes one at a time, each with the other: an
// assessment table with shared and inline strings, a number, a date, a
// formula and a merged range.
const (
	seedSheet = `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>` +
		`<row r="2"><c r="A2"><v>6.1</v></c><c r="B2" t="inlineStr"><is><t>Define a complaint.</t></is></c><c r="C2" t="s"><v>5</v></c><c r="D2" t="s"><v>6</v></c><c r="E2" s="1"><v>45808</v></c></row>` +
		`<row r="3"><c r="B3" t="str"><f>"x"</f><v>and more</v></c><c r="C3" t="b"><v>1</v></c></row>` +
		`<row r="5"><c r="A5" t="inlineStr"><is><r><t>6.</t></r><r><t>10</t></r></is></c><c r="C5" t="s"><v>7</v></c><c r="BM5"><v>1</v></c></row></sheetData>` +
		`<mergeCells count="1"><mergeCell ref="D2:D3"/></mergeCells>`
	seedSST = `<si><t>Code provision</t></si><si><t>Code requirement</t></si><si><t>Comply</t></si><si><t>Evidence</t></si><si><t>Due</t></si>` +
		`<si><t>Yes</t></si><si><r><t>Policy </t></r><r><rPr><b/></rPr><t>2.1</t></r><rPh><t>x</t></rPh></si><si><t xml:space="preserve"> Partial_x000D_ </t></si>`
)

func fuzzImport(t *testing.T, name string, data []byte) {
	res, err := Import(name, data, details)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("an error that is not an importer.Error: %v", err)
		}
		if strings.Contains(err.Error(), "runtime error") || strings.Contains(err.Error(), "%!") {
			t.Fatalf("an error not worded for people: %v", err)
		}
		return
	}
	if res.Assessment == nil || res.Catalogue == nil {
		t.Fatal("no error and no assessment")
	}
	for _, ans := range res.Assessment.Answers {
		if ans.ID == "" {
			t.Fatal("an answer with no id")
		}
	}
	// What import writes, csa loads: no syntax or schema finding.
	var out bytes.Buffer
	if err := assessment.Encode(&out, res.Assessment, assessment.EncodeOptions{}); err != nil {
		t.Fatalf("the import cannot be written: %v", err)
	}
	_, fs := assessment.Parse("out.yaml", out.Bytes())
	for _, f := range fs {
		if f.Rule == "syntax" || f.Rule == "schema" {
			t.Fatalf("the import does not load: %s: %s\n%s", f.Rule, f.Message, out.String())
		}
	}
}

// FuzzDocx fuzzes whole files (xml false) and, since a mutated zip mostly
// fails its checksum, the document's XML alone, wrapped in a valid .docx
// (xml true).
func FuzzDocx(f *testing.F) {
	data, err := os.ReadFile(filepath.Join(fixtureDir, "brackenford-2025.docx"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data, false)
	for _, src := range []string{
		"table\nrow: Code provision | Code requirement | Comply | Evidence\nrow: 1.2 | Define. | Yes | Done.\n",
		"para: Section 6\ntable\nrow: Code provision | Code requirement | Comply | Evidence | Owner\nrow: {vmerge}6.1 | {span=2}x | Yes | {vmerge}A\nrow: {^} | y | | {^}\n",
	} {
		data, err := buildDocx(src)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, false)
		if xml, ok := docxPart(data, "word/document.xml"); ok {
			f.Add(xml, true)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, xml bool) {
		if len(data) > maxFuzz {
			return
		}
		if xml {
			data = stored([2]string{"word/document.xml", string(data)})
		}
		fuzzImport(t, "f.docx", data)
	})
}

// docxPart returns one part of a .docx.
func docxPart(data []byte, name string) ([]byte, bool) {
	p, err := ooxml.Open(data)
	if err != nil {
		return nil, false
	}
	b, ok, err := p.ReadAll(name, ooxml.MaxStream)
	return b, ok && err == nil
}

// FuzzXLSX fuzzes whole files (part 0) and, since a mutated zip mostly
// fails its checksum, one part alone in a valid workbook: the sheet's XML
// (part 1, with seedSST) or the shared strings (part 2, with seedSheet).
func FuzzXLSX(f *testing.F) {
	data, err := buildXLSX("sheet: S\nrow: Code provision | Code requirement | Comply | Evidence\nrow: {n}6.1 | x | Yes | y\nmerge: A2:A3\n")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data, uint8(0))
	f.Add(workbookOf(seedSheet, seedSST), uint8(0))
	f.Add([]byte(seedSheet), uint8(1))
	f.Add([]byte(seedSST), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, part uint8) {
		if len(data) > maxFuzz {
			return
		}
		switch part % 3 {
		case 1:
			data = workbookOf(string(data), seedSST)
		case 2:
			data = workbookOf(seedSheet, string(data))
		}
		fuzzImport(t, "f.xlsx", data)
	})
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("Provision,Requirement,Compliance,Evidence,Commentary\n6.1,\"Line one\nline two\",Yes,Done.,\n,continued,,,\n"))
	f.Add([]byte("Code provision;Code requirement;Comply;Evidence\n1.2;x;Yes;y\n"))
	f.Add([]byte("Code provision,6.1\nComply,Yes\nEvidence,\"It is done\"\n"))
	f.Add([]byte("\"unclosed,quote\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) <= maxFuzz {
			fuzzImport(t, "f.csv", data)
		}
	})
}

func FuzzText(f *testing.F) {
	f.Add([]byte(strings.ReplaceAll(head+"1.5|efforts to|Yes|<p>x</p>|y|z|Complete\n\n|address it.|||a|b|Complete\n--|--|--\n", "|", "\t")))
	f.Add([]byte(strings.ReplaceAll("Stage 3\n"+h22+"5.18|x|Yes|y\n\nWhere no extension|Yes|z\n", "|", "\t")))
	f.Add([]byte(strings.ReplaceAll(h22+"5.6|x|No|y\n\n|a||\n|b||c\n5.8|d|No|e\n|f||g\n", "|", "\t")))
	f.Add([]byte("Code provision 1.2\nCode requirement\nDefine it.\nComply\nYes\nEvidence\n3.4 Complaints will be logged.\n"))
	// Chrome's copy of a table of paragraphs, header and numbers too; an
	// answer merged down; a key to the marks before the header.
	f.Add([]byte(strings.ReplaceAll("Code provision\n\n|\n\nComply\n\n|\n\nEvidence\n\n\n6.13\n\n|\n\n\u00a0\n\n|\n\nWe do.\n\n\n", "|", "\t")))
	f.Add([]byte(strings.ReplaceAll("Symbol|Meaning\n✓|Compliant\n\nCode requirement|Compliant?|Evidence\n6.12 Ask.|✓|We do.\n4.3 Clause.\n6.13 Review.|Done.\n6.14 Time.|No|Late.\n", "|", "\t")))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) <= maxFuzz {
			fuzzImport(t, "f.txt", data)
		}
	})
}

func TestZipBomb(t *testing.T) {
	// A document.xml that unpacks to more than the limit is refused from
	// its header, before anything is unpacked.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, Modified: time.Unix(0, 0)})
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range ooxml.MaxStream>>20 + 1 {
		_, _ = w.Write(chunk)
	}
	_ = zw.Close()
	_, err := Import("bomb.docx", buf.Bytes(), details)
	if err == nil || !strings.Contains(err.Error(), "too large to read") {
		t.Errorf("bomb: %v", err)
	}
}

func TestDeepXML(t *testing.T) {
	deep := strings.Repeat("<w:p>", 100000) + strings.Repeat("</w:p>", 100000)
	data, err := zipParts([]struct{ name, body string }{{"word/document.xml", `<w:document xmlns:w="w"><w:body>` + deep + `</w:body></w:document>`}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import("deep.docx", data, details); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("deep: %v", err)
	}
}

func TestHugeCell(t *testing.T) {
	big := strings.Repeat("The policy will be reviewed by March 2026 and a. one b. two. ", 20000) // ~1.2 MB
	res, err := importText(h24+"6.20|"+big+"|No|"+big+"|\n", Options{Landlord: "X", Assessed: details.Assessed, ActionsFromProse: true})
	if err != nil {
		t.Fatal(err)
	}
	if ans, _ := res.Assessment.Answer("6.20"); len(ans.Evidence) < len(big)-100 {
		t.Errorf("the cell was cut: %d bytes", len(ans.Evidence))
	}
}
