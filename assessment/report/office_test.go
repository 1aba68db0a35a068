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
	// 6.10 a gap with an action, so that the listings have it too.
	for i := range a.Answers {
		if a.Answers[i].ID == "6.10" {
			a.Answers[i].Comply = assessment.Partial
			a.Answers[i].Actions = append(a.Answers[i].Actions, assessment.Action{Text: "Escalate.", Owner: "Siân", Due: assessment.NewDate(2025, 9, 30), Status: assessment.Open})
		}
	}
	cat, _ := codes.Lookup(a.Code, "")
	asOf := assessment.NewDate(2025, 7, 1)
	entries := []assessment.Entry{{Assessment: a, Catalogue: cat}}
	// The gaps and actions listings over two landlords, so that a Landlord
	// column (Tŷ Glas) comes first.
	other := *a
	other.Landlord = "Millbrook Homes"
	two := append(entries, assessment.Entry{Assessment: &other, Catalogue: cat})
	gaps, _ := report.GapsFormats.Named("csv")
	actions, _ := report.ActionsFormats.Named("csv")
	tests := []struct {
		name    string
		write   func(*bytes.Buffer) error
		header  string // the first header cell
		idCol   int    // the column of the provision ids
		want610 int    // rows for 6.10
	}{
		{"form", func(b *bytes.Buffer) error { return report.WriteCSV(b, report.New(a, cat, asOf), report.TableForm) }, "Code provision", 0, 1},
		{"gaps", func(b *bytes.Buffer) error {
			return gaps.Write(b, report.Gaps{Gaps: assessment.Gaps(two), Columns: report.ColumnsFor(two), Entries: two, AsOf: asOf})
		}, "Landlord", 1, 2},
		{"actions", func(b *bytes.Buffer) error {
			return actions.Write(b, report.Actions{Items: assessment.Actions(two, assessment.ActionFilter{AsOf: asOf}), Columns: report.ColumnsFor(two), Entries: two, AsOf: asOf})
		}, "Landlord", 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var csv bytes.Buffer
			if err := tt.write(&csv); err != nil {
				t.Fatal(err)
			}
			s := convertCSV(t, soffice, csv.Bytes())
			if got := s.Rows[0].Cells[0]; got != tt.header {
				t.Errorf("the first header reads %q", got)
			}
			ids, welsh := 0, 0
			for _, r := range s.Rows[1:] {
				id := r.Cells[tt.idCol]
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
					if strings.Contains(c, "Tŷ Glas") || strings.Contains(c, "Siân") {
						welsh++
					}
				}
			}
			if ids != tt.want610 {
				t.Errorf("6.10 found %d times, want %d", ids, tt.want610)
			}
			if welsh == 0 {
				t.Error("no Welsh name came through whole")
			}
			if tt.name == "form" {
				if got := s.Rows[1].Cells[7]; got != "'=1+1 and Siân's note" {
					t.Errorf("the guarded evidence reads %q", got)
				}
			}
		})
	}
}

// convertCSV opens a CSV file in LibreOffice, headless, and reads back the
// first sheet of the workbook it makes.
func convertCSV(t *testing.T, soffice string, data []byte) *workbook.Sheet {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, out)
	}
	book, err := os.ReadFile(filepath.Join(dir, "list.xlsx"))
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
	return s
}
