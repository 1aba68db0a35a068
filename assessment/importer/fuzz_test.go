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
//	go test -run "^$" -fuzz "^FuzzDocx$" -fuzztime 5m -fuzzminimizetime 10s ./assessment/importer
//
// (a mutated zip often finds new coverage; minimising each one for the
// default minute leaves little time to fuzz).

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
		if xml {
			var err error
			data, err = zipParts([]struct{ name, body string }{{"word/document.xml", string(data)}})
			if err != nil {
				t.Fatal(err)
			}
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

func FuzzXLSX(f *testing.F) {
	addFile(f, filepath.Join(fixtureDir, "kestrel-vale-2023.xlsx"))
	data, err := buildXLSX("sheet: S\nrow: Code provision | Code requirement | Comply | Evidence\nrow: {n}6.1 | x | Yes | y\nmerge: A2:A3\n")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(wideXLSX(f, 5)) // text beyond the 64 columns read
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "f.xlsx", data) })
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("Provision,Requirement,Compliance,Evidence,Commentary\n6.1,\"Line one\nline two\",Yes,Done.,\n,continued,,,\n"))
	f.Add([]byte("Code provision;Code requirement;Comply;Evidence\n1.2;x;Yes;y\n"))
	f.Add([]byte("Code provision,6.1\nComply,Yes\nEvidence,\"It is done\"\n"))
	f.Add([]byte("\"unclosed,quote\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "f.csv", data) })
}

func FuzzText(f *testing.F) {
	f.Add([]byte(strings.ReplaceAll(head+"1.5|efforts to|Yes|<p>x</p>|y|z|Complete\n\n|address it.|||a|b|Complete\n--|--|--\n", "|", "\t")))
	f.Add([]byte(strings.ReplaceAll("Stage 3\n"+h22+"5.18|x|Yes|y\n\nWhere no extension|Yes|z\n", "|", "\t")))
	f.Add([]byte(strings.ReplaceAll(h22+"5.6|x|No|y\n\n|a||\n|b||c\n5.8|d|No|e\n|f||g\n", "|", "\t")))
	f.Add([]byte("Code provision 1.2\nCode requirement\nDefine it.\nComply\nYes\nEvidence\n3.4 Complaints will be logged.\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzImport(t, "f.txt", data) })
}

func addFile(f *testing.F, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
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
