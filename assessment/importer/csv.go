package importer

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/internal/safetext"
)

// This file reads comma-separated values, as a spreadsheet saves them:
// quoted cells may hold line breaks; the separator may be a comma, a
// semicolon (European Excel) or a tab.

// readCSV reads CSV into lines, one per record. A quote inside a cell that
// is not quoted ("a 5" pipe") is read as it stands; a quoted cell that is
// never closed is an error with its line, not the rest of the file read
// into one cell.
func readCSV(data []byte) (*doc, error) {
	text := decodeText(data)
	d, err := parseCSV(text, false)
	var pe *csv.ParseError
	if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote) {
		d, err = parseCSV(text, true)
	}
	return d, err
}

func parseCSV(text string, lazy bool) (*doc, error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = sniffSeparator(text)
	if err := sizeOfText(strings.Count(text, "\n")+1, strings.Count(text, string(r.Comma)), map[rune]string{',': "commas", ';': "semicolons", '\t': "tabs"}[r.Comma]); err != nil {
		return nil, err
	}
	r.FieldsPerRecord = -1
	r.LazyQuotes = lazy
	d := &doc{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if errors.Is(pe.Err, csv.ErrBareQuote) {
					return nil, err
				}
				return nil, &Error{fmt.Sprintf("line %d: the CSV cannot be read there (a quote that is not closed?)", pe.StartLine)}
			}
			return nil, &Error{"the CSV cannot be read"}
		}
		line, _ := r.FieldPos(0)
		w := Where{Line: line}
		for i, c := range rec {
			rec[i] = unguard(c)
		}
		switch cells := nonEmpty(rec); {
		case len(cells) == 0:
			d.lines = append(d.lines, Line{Blank: true, Where: w})
		case len(cells) == 1 && strings.TrimSpace(rec[0]) != "" && looksLikeTitle(rec[0]):
			d.lines = append(d.lines, Line{Cells: []string{rec[0]}, Para: true, Where: w})
		default:
			d.lines = append(d.lines, Line{Cells: rec, Where: w})
		}
	}
	if !hasHeader(d.lines) {
		// A CSV of "label,value" pairs is the stacked layout in two columns.
		var flat []Line
		for _, l := range d.lines {
			if !l.Blank {
				l = Line{Cells: []string{strings.Join(nonEmpty(l.Cells), ": ")}, Para: true, Where: l.Where}
			}
			flat = append(flat, l)
		}
		if lines, ok := unstack(flat); ok {
			d.lines, d.stack = lines, true
		}
	}
	return d, nil
}

// sniffSeparator picks the separator that makes a header row csa knows,
// trying comma, semicolon and tab; comma when none does.
func sniffSeparator(text string) rune {
	head := text[:min(len(text), 64<<10)]
	for _, sep := range []rune{',', ';', '\t'} {
		r := csv.NewReader(strings.NewReader(head))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
		for range 50 {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if _, ok := parseHeader(rec); ok {
				return sep
			}
		}
	}
	return ','
}

// unguard undoes the quote csa (and careful spreadsheets) put before text
// that would otherwise start a formula: '=SUM stays =SUM.
func unguard(c string) string { return safetext.Unguard(c) }
