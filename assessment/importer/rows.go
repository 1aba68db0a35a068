package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/csa-tool/csa/assessment/workbook"
)

// This file lends the workbook reading to readers of other tables than an
// assessment (csa figures reads a complaints log with it), so that excelize
// stays in this package and package workbook.

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
// out. A sheet is read only when its turn comes. Errors are one line for the
// person who gave the file.
func Sheets(data []byte, each func(*Sheet) bool) (err error) {
	defer func() {
		// excelize is a large third-party parser: a file it chokes on is a
		// damaged file to the person who gave it, never a crash.
		if recover() != nil {
			err = &Error{"it is not an Excel workbook csa can read: it may be damaged"}
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: maxUnzipXML})
	if err != nil {
		switch msg := strings.ToLower(err.Error()); {
		case strings.Contains(msg, "size"):
			return &Error{"the workbook is too large to read"}
		case strings.Contains(msg, "encrypt"), strings.Contains(msg, "password"):
			return &Error{"the workbook is password-protected: save a copy without the password"}
		}
		return &Error{"it is not an Excel workbook csa can read: it may be damaged"}
	}
	defer f.Close()
	date1904 := false
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		date1904 = *p.Date1904
	}
	for _, name := range f.GetSheetList() {
		s, err := workbook.ReadSheet(f, name)
		if errors.Is(err, workbook.ErrSheetTooLarge) {
			return &Error{fmt.Sprintf("its sheet %q is too large to read", name)}
		}
		if err != nil {
			return &Error{fmt.Sprintf("its sheet %q cannot be read: it may be damaged", name)}
		}
		if each(&Sheet{Name: name, Rows: s.Rows, Date1904: date1904, Beyond: s.BeyondCount}) {
			return nil
		}
	}
	return nil
}

// DecodeText turns the bytes of a text file into UTF-8, as import reads
// them: a byte order mark is dropped, UTF-16 is decoded, and bytes that are
// not UTF-8 are read as Windows-1252 (what Excel on Windows saves as CSV).
func DecodeText(data []byte) string { return decodeText(data) }
