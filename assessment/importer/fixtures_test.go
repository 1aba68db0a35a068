package importer

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/xuri/excelize/v2"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/workbook"
	"github.com/csa-tool/csa/codes"
)

// The binary fixtures under testdata/import (top level) are built from the
// readable sources beside them (NAME.docx.txt, NAME.xlsx.txt), so a reviewer
// sees what each holds. Rebuild them with
//
//	CSA_UPDATE_FIXTURES=1 go test ./assessment/importer -run TestFixtures
//
// Without the variable the test checks that each fixture is what its source
// builds.

const fixtureDir = "../../testdata/import"

func TestFixtures(t *testing.T) {
	srcs, err := filepath.Glob(filepath.Join(fixtureDir, "*.txt"))
	if err != nil || len(srcs) == 0 {
		t.Fatalf("no fixture sources in %s", fixtureDir)
	}
	update := os.Getenv("CSA_UPDATE_FIXTURES") != ""
	for _, src := range srcs {
		out := strings.TrimSuffix(src, ".txt")
		text, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		var data []byte
		switch filepath.Ext(out) {
		case ".docx":
			data, err = buildDocx(string(text))
		case ".xlsx":
			data, err = buildXLSX(string(text))
		default:
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if update {
			if err := os.WriteFile(out, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		have, err := os.ReadFile(out)
		if err != nil || !bytes.Equal(have, data) {
			t.Errorf("%s is not what %s builds: run CSA_UPDATE_FIXTURES=1 go test ./assessment/importer -run TestFixtures", out, src)
		}
	}
}

// fixedTime stamps every zip entry, so a fixture is the same bytes each build.
var fixedTime = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// buildDocx makes a Word document from a source of lines:
//
//	title: TEXT          the document's title (docProps/core.xml)
//	saved: YYYY-MM-DD    its last-saved date
//	para: TEXT           a paragraph outside tables
//	heading: TEXT        a paragraph in the Heading 3 style
//	table                starts a table (a para or another table ends it)
//	row: A | B | C       a row; in a cell, \n is a line break (w:br), \p a
//	                     new paragraph, {a} or {•} before a paragraph makes it
//	                     an item of a lettered or bulleted list, and a cell
//	                     starting {span=N} spans N columns (w:gridSpan),
//	                     {vmerge} starts a vertical merge and {^} continues it;
//	                     in a para or a cell, {tick} and {box} are a ticked
//	                     and an empty box in the Wingdings font (w:sym)
func buildDocx(src string) ([]byte, error) {
	var body strings.Builder
	title, saved := "", "2025-01-01"
	lists := 0 // w:num entries made, one per list
	inTable := false
	closeTable := func() {
		if inTable {
			body.WriteString("</w:tbl>")
			inTable = false
		}
	}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		key, val, _ := strings.Cut(line, ":")
		val = strings.TrimPrefix(val, " ")
		switch {
		case strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
		case key == "title":
			title = val
		case key == "saved":
			saved = val
		case key == "para":
			closeTable()
			body.WriteString(fixturePara(val, "", 0))
		case key == "heading":
			closeTable()
			body.WriteString(fixturePara(val, "Heading3", 0))
		case line == "table":
			closeTable()
			body.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>`)
			inTable = true
		case key == "row":
			if !inTable {
				return nil, fmt.Errorf("line %d: row outside a table", n+1)
			}
			body.WriteString("<w:tr>")
			for cell := range strings.SplitSeq(val, " | ") {
				body.WriteString(fixtureCell(cell, &lists))
			}
			body.WriteString("</w:tr>")
		default:
			return nil, fmt.Errorf("line %d: cannot read %q", n+1, line)
		}
	}
	closeTable()
	var numbering strings.Builder
	numbering.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="` + "\uf0b7" + `"/></w:lvl></w:abstractNum>`)
	for i := 1; i <= lists; i++ {
		// Odd lists are lettered, even ones bulleted (see docxCell).
		fmt.Fprintf(&numbering, `<w:num w:numId="%d"><w:abstractNumId w:val="%d"/></w:num>`, i, 2-i%2)
	}
	numbering.WriteString(`</w:numbering>`)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
			`</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
			`</Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
			`</Relationships>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
			`<w:body>` + body.String() + `<w:sectPr/></w:body></w:document>`},
		{"word/numbering.xml", numbering.String()},
		{"docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
			`<dc:title>` + esc(title) + `</dc:title>` +
			`<dcterms:created xsi:type="dcterms:W3CDTF">` + saved + `T09:00:00Z</dcterms:created>` +
			`<dcterms:modified xsi:type="dcterms:W3CDTF">` + saved + `T09:00:00Z</dcterms:modified>` +
			`</cp:coreProperties>`},
	}
	return zipParts(parts)
}

func zipParts(parts []struct{ name, body string }) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// fixtureCell writes one w:tc from a fixture cell.
func fixtureCell(cell string, lists *int) string {
	var props strings.Builder
	for {
		switch {
		case strings.HasPrefix(cell, "{span="):
			end := strings.Index(cell, "}")
			fmt.Fprintf(&props, `<w:gridSpan w:val="%s"/>`, cell[6:end])
			cell = cell[end+1:]
			continue
		case strings.HasPrefix(cell, "{vmerge}"):
			props.WriteString(`<w:vMerge w:val="restart"/>`)
			cell = cell[len("{vmerge}"):]
			continue
		case strings.HasPrefix(cell, "{^}"):
			props.WriteString(`<w:vMerge/>`)
			cell = ""
		}
		break
	}
	var b strings.Builder
	b.WriteString("<w:tc><w:tcPr>" + props.String() + "</w:tcPr>")
	letters, bulleted := 0, 0
	for para := range strings.SplitSeq(cell, `\p`) {
		numID := 0
		switch {
		case strings.HasPrefix(para, "{a}"):
			if letters == 0 {
				*lists += 1 + *lists%2 // the next odd number: a lettered list
				letters = *lists
			}
			numID, para = letters, para[3:]
		case strings.HasPrefix(para, "{•}"):
			if bulleted == 0 {
				*lists += 2 - *lists%2 // the next even number: a bulleted list
				bulleted = *lists
			}
			numID, para = bulleted, para[len("{•}"):]
		}
		b.WriteString(fixturePara(para, "", numID))
	}
	b.WriteString("</w:tc>")
	return b.String()
}

// fixturePara writes a w:p; \n in text is a w:br.
func fixturePara(text, style string, numID int) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if numID > 0 || style != "" {
		b.WriteString("<w:pPr>")
		if style != "" {
			b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
		}
		if numID > 0 {
			fmt.Fprintf(&b, `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>`, numID)
		}
		b.WriteString(`<w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>`)
	}
	for i, part := range strings.Split(text, `\n`) {
		if i > 0 {
			b.WriteString("<w:r><w:br/></w:r>")
		}
		// {tick} and {box} are a ticked and an empty box in Wingdings (w:sym).
		for part != "" {
			at := strings.IndexByte(part, '{')
			sym := ""
			switch {
			case at >= 0 && strings.HasPrefix(part[at:], "{tick}"):
				sym = "F0FE"
			case at >= 0 && strings.HasPrefix(part[at:], "{box}"):
				sym = "F0A8"
			default:
				at = len(part)
			}
			if at > 0 {
				b.WriteString(`<w:r><w:t xml:space="preserve">` + esc(part[:at]) + `</w:t></w:r>`)
			}
			if sym == "" {
				break
			}
			b.WriteString(`<w:r><w:sym w:font="Wingdings" w:char="` + sym + `"/></w:r>`)
			part = part[at+strings.IndexByte(part[at:], '}')+1:]
		}
	}
	b.WriteString("</w:p>")
	return b.String()
}

// buildXLSX makes a workbook from a source of lines:
//
//	title: TEXT, saved: YYYY-MM-DD   document properties
//	sheet: NAME                      starts a sheet
//	row: A | B | C                   the next row; an empty "row:" skips one.
//	                                 {n}6.1 is a number, {date}2025-09-30 a
//	                                 date cell; \n is a line break
//	merge: A5:A6                     merges a range (its first cell keeps the value)
func buildXLSX(src string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return nil, err
	}
	sheet, row := "", 0
	props := &excelize.DocProperties{Created: "2025-01-01T09:00:00Z", Modified: "2025-01-01T09:00:00Z"}
	for n, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, "\r")
		key, val, _ := strings.Cut(line, ":")
		val = strings.TrimPrefix(val, " ")
		switch {
		case strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
		case key == "title":
			props.Title = val
		case key == "saved":
			props.Modified = val + "T09:00:00Z"
		case key == "sheet":
			if sheet == "" {
				if err := f.SetSheetName("Sheet1", val); err != nil {
					return nil, err
				}
			} else if _, err := f.NewSheet(val); err != nil {
				return nil, err
			}
			sheet, row = val, 0
		case key == "row":
			row++
			if val == "" {
				continue
			}
			for i, cell := range strings.Split(val, " | ") {
				ref, _ := excelize.CoordinatesToCellName(i+1, row)
				cell = strings.ReplaceAll(cell, `\n`, "\n")
				switch {
				case strings.HasPrefix(cell, "{n}"):
					v, err := strconv.ParseFloat(cell[3:], 64)
					if err != nil {
						return nil, fmt.Errorf("line %d: %v", n+1, err)
					}
					err = f.SetCellFloat(sheet, ref, v, -1, 64)
					if err != nil {
						return nil, err
					}
				case strings.HasPrefix(cell, "{date}"):
					d, err := time.Parse("2006-01-02", cell[6:])
					if err != nil {
						return nil, fmt.Errorf("line %d: %v", n+1, err)
					}
					if err := f.SetCellValue(sheet, ref, d); err != nil {
						return nil, err
					}
					if err := f.SetCellStyle(sheet, ref, ref, dateStyle); err != nil {
						return nil, err
					}
				case cell != "":
					if err := f.SetCellStr(sheet, ref, cell); err != nil {
						return nil, err
					}
				}
			}
		case key == "merge":
			a, b, _ := strings.Cut(val, ":")
			if err := f.MergeCell(sheet, a, b); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("line %d: cannot read %q", n+1, line)
		}
	}
	if err := f.SetDocProps(props); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// TestFuzzCorpus writes the committed seed corpora of the fuzz targets
// (testdata/fuzz/FuzzDocx, ...) from the fixtures and the end-to-end
// scripts' documents, with CSA_UPDATE_FIXTURES=1; otherwise it checks that
// each target has a corpus.
func TestFuzzCorpus(t *testing.T) {
	// Each input is its corpus file's lines of values after the header.
	inputs := map[string][]string{}
	quote := func(data []byte) string { return "[]byte(" + strconv.Quote(string(data)) + ")" }
	for _, name := range []string{"brackenford-2025.docx", "ashgrove-2025.docx"} {
		docx, err := os.ReadFile(filepath.Join(fixtureDir, name))
		if err != nil {
			t.Fatal(err)
		}
		inputs["FuzzDocx"] = append(inputs["FuzzDocx"], quote(docx)+"\nbool(false)")
		if xml, ok := docxPart(docx, "word/document.xml"); ok {
			inputs["FuzzDocx"] = append(inputs["FuzzDocx"], quote(xml)+"\nbool(true)")
		}
	}
	for _, name := range []string{"kestrel-vale-2023.xlsx", "larkfield-2025.xlsx"} {
		xlsx, err := os.ReadFile(filepath.Join(fixtureDir, name))
		if err != nil {
			t.Fatal(err)
		}
		inputs["FuzzXLSX"] = append(inputs["FuzzXLSX"], quote(xlsx)+"\nuint8(0)")
	}
	// One part at a time in a valid workbook (see FuzzXLSX).
	inputs["FuzzXLSX"] = append(inputs["FuzzXLSX"], quote([]byte(seedSheet))+"\nuint8(1)", quote([]byte(seedSST))+"\nuint8(2)")
	// csa's own report workbook, which import reads back.
	data, err := os.ReadFile("../../examples/millbrook-2024-25.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := assessment.Parse("millbrook-2024-25.yaml", data)
	cat, err := codes.Lookup(a.Code, "")
	if err != nil {
		t.Fatal(err)
	}
	var book bytes.Buffer
	if err := workbook.Write(&book, a, cat, assessment.NewDate(2025, 7, 1)); err != nil {
		t.Fatal(err)
	}
	inputs["FuzzXLSX"] = append(inputs["FuzzXLSX"], quote(book.Bytes())+"\nuint8(0)")
	for _, script := range []string{"import_text", "import_stacked", "import_csv", "import_errors", "import_prose",
		"import_web_tables", "import_web_headings", "import_web_mixed", "import_web_pages", "import_web_refusals"} {
		ar, err := txtar.ParseFile(filepath.Join("../../testdata/script", script+".txtar"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Files {
			switch filepath.Ext(f.Name) {
			case ".txt":
				inputs["FuzzText"] = append(inputs["FuzzText"], quote(f.Data))
			case ".csv":
				inputs["FuzzCSV"] = append(inputs["FuzzCSV"], quote(f.Data))
			case ".html":
				inputs["FuzzHTML"] = append(inputs["FuzzHTML"], quote(f.Data))
			}
		}
	}
	if os.Getenv("CSA_UPDATE_FIXTURES") == "" {
		for target := range inputs {
			if m, _ := filepath.Glob(filepath.Join("testdata/fuzz", target, "*")); len(m) == 0 {
				t.Errorf("%s has no seed corpus: run CSA_UPDATE_FIXTURES=1 go test ./assessment/importer -run TestFuzzCorpus", target)
			}
		}
		return
	}
	for target, list := range inputs {
		dir := filepath.Join("testdata/fuzz", target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, values := range list {
			sum := sha256.Sum256([]byte(values))
			body := "go test fuzz v1\n" + values + "\n"
			if err := os.WriteFile(filepath.Join(dir, hex.EncodeToString(sum[:8])), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
