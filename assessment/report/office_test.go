package report_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/assessment/workbook"
	"github.com/csa-tool/csa/codes"
)

// TestCSVInLibreOffice opens the report's CSV as a spreadsheet does: in
// LibreOffice, headless, as UTF-8 with the default column types, converted
// to a workbook whose cells are then read. No provision becomes a number
// (6.10 read as 6.1), the byte-order mark does not end up in the first
// header, Welsh names come through, and no cell is a formula. Skipped where
// LibreOffice is not installed.
//
// Headless conversion takes the character set from its filter options
// (44,34,76: comma, double quote, UTF-8); LibreOffice's import dialog and
// Excel both recognise the byte-order mark instead.
func TestCSVInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if soffice, err = exec.LookPath("libreoffice"); err != nil {
			t.Skip("LibreOffice is not installed")
		}
	}
	if testing.Short() {
		t.Skip("-short")
	}
	data, err := os.ReadFile("../../examples/millbrook-2024-25.yaml")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := assessment.Parse("m.yaml", data)
	a.Landlord = "Tŷ Glas Homes"
	a.Answers[0].Evidence = "=1+1 and Siân's note"
	cat, _ := codes.Lookup(a.Code, "")
	var csv bytes.Buffer
	if err := report.WriteCSV(&csv, report.New(a, cat, assessment.NewDate(2025, 7, 1)), report.TableForm); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "form.csv")
	if err := os.WriteFile(in, csv.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	book, err := os.ReadFile(filepath.Join(dir, "form.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := workbook.Open(book)
	if err != nil {
		t.Fatal(err)
	}
	s, err := b.ReadSheet(b.Sheets()[0])
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Rows[0].Cells[0]; got != "Code provision" {
		t.Errorf("the first header reads %q", got)
	}
	ids := 0
	for _, r := range s.Rows[1:] {
		id := r.Cells[0]
		if !strings.HasPrefix(id, "Provision ") {
			t.Errorf("row %d: the provision reads %q", r.Row, id)
		}
		if id == "Provision 6.10" {
			ids++
		}
		for _, c := range r.Cells {
			if strings.HasPrefix(c, "=") {
				t.Errorf("row %d: a cell reads as a formula: %q", r.Row, c)
			}
		}
	}
	if ids != 1 {
		t.Errorf("6.10 found %d times", ids)
	}
	if got := s.Rows[1].Cells[7]; got != "'=1+1 and Siân's note" {
		t.Errorf("the guarded evidence reads %q", got)
	}
}
