package importer

import (
	"github.com/csa-tool/csa/assessment/workbook"
)

// This file lends the workbook reading to readers of other tables than an
// assessment (csa figures reads a complaints log with it), within the same
// limits as import.

// Sheet is one sheet of a workbook as Sheets reads it: its rows, each with
// its row number and its first workbook.MaxColumns cells, raw (a date cell
// is its serial number).
type Sheet struct {
	Name string
	Rows []workbook.SheetRow
	// Date1904 is true when the workbook counts date serial numbers from
	// 1904 (old Mac Excel), not 1900.
	Date1904 bool
	// Beyond is how many cells beyond the first workbook.MaxColumns columns
	// hold something: they are not read.
	Beyond int
}

// Sheets reads a workbook's sheets in order and hands each to each, until
// each returns true (the caller found what it looks for) or the sheets run
// out. A sheet is read only when its turn comes, within the workbook's
// limits. Errors are one line for the person who gave the file.
func Sheets(data []byte, each func(*Sheet) bool) error {
	book, err := workbook.Open(data)
	if err != nil {
		return xlsxError(err, "", false)
	}
	names := book.Sheets()
	for _, name := range names {
		s, err := book.ReadSheet(name)
		if err != nil {
			return xlsxError(err, name, len(names) > 1)
		}
		if each(&Sheet{Name: name, Rows: s.Rows, Date1904: book.Date1904(), Beyond: s.BeyondCount}) {
			return nil
		}
	}
	return nil
}

// DecodeText turns the bytes of a text file into UTF-8, as import reads
// them: a byte order mark is dropped, UTF-16 is decoded, and bytes that are
// not UTF-8 are read as Windows-1252 (what Excel on Windows saves as CSV).
func DecodeText(data []byte) string { return decodeText(data) }
