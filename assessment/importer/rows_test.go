package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSheets: another reader (csa figures) gets a workbook's sheets in
// order, raw, one at a time, and stops when it has found its table.
func TestSheets(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "Read me first")
	f.NewSheet("Log")
	f.SetSheetRow("Log", "A2", &[]any{"Received", "Responded"})
	f.SetSheetRow("Log", "A3", &[]any{45383, "03/04/2024"})
	f.NewSheet("Never read")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	var seen []string
	err := Sheets(buf.Bytes(), func(s *Sheet) bool {
		seen = append(seen, s.Name)
		if s.Name != "Log" {
			return false
		}
		if len(s.Rows) != 2 || s.Rows[0].Row != 2 || s.Rows[1].Cells[0] != "45383" || s.Rows[1].Cells[1] != "03/04/2024" || s.Date1904 {
			t.Errorf("sheet Log read as %+v", s)
		}
		return true
	})
	if err != nil || strings.Join(seen, ",") != "Sheet1,Log" {
		t.Errorf("sheets seen %v, %v", seen, err)
	}
	for _, bad := range [][]byte{[]byte("PK\x03\x04 not a zip"), []byte("Reference,Received\n")} {
		err := Sheets(bad, func(*Sheet) bool { return true })
		if err == nil || !strings.Contains(err.Error(), "not an Excel workbook csa can read") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}
