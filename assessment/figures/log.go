package figures

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/assessment/calendar"
	"github.com/csa-tool/csa/assessment/importer"
)

// This file reads a complaints log: CSV (comma, semicolon or tab; streamed,
// so a log of any length is read in the memory of a few rows) or an Excel
// workbook (through package importer), finds its header row, and turns each
// row into the records of its stages. Only the columns columns.go
// recognises are read.

// Error is a log that cannot be read at all: one line for the person who
// gave it.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func errorf(format string, args ...any) error { return &Error{fmt.Sprintf(format, args...)} }

// Where is a row's place in the log: the line a CSV row starts on, or the
// sheet and row of a workbook.
type Where struct {
	Line  int
	Sheet string
	Row   int
}

func (w Where) String() string {
	if w.Sheet != "" {
		return fmt.Sprintf("sheet %q, row %d", w.Sheet, w.Row)
	}
	return fmt.Sprint(w.Line)
}

// Problem is a row left out of the figures, and why.
type Problem struct {
	Where   Where
	Ref     string // the row's reference, when the log has one
	Message string
}

// headerSearch is how many rows a header row may come after (titles, an
// export's filter settings).
const headerSearch = 30

// record is one stage of one complaint, as a row gives it.
type record struct {
	stage    int          // 1, 2; 0 for a stage not recognised, 3 for a third stage
	stageRaw string       // the stage cell, for the message when not recognised
	start    calendar.Day // receipt of the stage: the complaint, or the request to escalate
	ack      calendar.Day // noDay when blank
	resp     calendar.Day
	ext      extension
	refused  bool
	reason   string
	outcome  string
	category string
	tenure   string
}

// rowReader hands the log's rows to a function, in order.
type rowReader func(each func(w Where, cells []string, serial, date1904 bool) error) error

// csvRows streams a CSV log.
func csvRows(r io.Reader) rowReader {
	return func(each func(Where, []string, bool, bool) error) error {
		br := bufio.NewReaderSize(r, 64<<10)
		head, _ := br.Peek(64 << 10)
		var src io.Reader = br
		switch {
		case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
			br.Discard(3)
			head = head[3:]
		case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
			// UTF-16 (Excel's "Unicode text"): decoded whole, being rare.
			all, err := io.ReadAll(br)
			if err != nil {
				return errorf("it cannot be read")
			}
			text := importer.DecodeText(all)
			src, head = strings.NewReader(text), []byte(text[:min(len(text), 64<<10)])
		}
		cr := csv.NewReader(src)
		cr.Comma = sniffSeparator(head)
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = true
		for {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return nil
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if errors.Is(pe.Err, csv.ErrBareQuote) {
					// The row is lost, the rest of the log is not.
					if err := each(Where{Line: pe.StartLine}, nil, false, false); err != nil {
						return err
					}
					continue
				}
				return errorf("line %d: the CSV cannot be read from there (a quote that is not closed?)", pe.StartLine)
			}
			if err != nil {
				return errorf("it cannot be read")
			}
			line, _ := cr.FieldPos(0)
			if err := each(Where{Line: line}, rec, false, false); err != nil {
				return err
			}
		}
	}
}

// sniffSeparator picks the separator that makes a header row csa knows:
// comma, semicolon or tab; comma when none does.
func sniffSeparator(head []byte) rune {
	for _, sep := range []rune{',', ';', '\t'} {
		r := csv.NewReader(bytes.NewReader(head))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
		for range headerSearch {
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

// xlsxRows reads the first sheet with a header row csa recognises, or the
// sheet named.
func xlsxRows(data []byte, sheet string, notes *[]string) rowReader {
	return func(each func(Where, []string, bool, bool) error) error {
		var found *importer.Sheet
		var names []string
		err := importer.Sheets(data, func(s *importer.Sheet) bool {
			names = append(names, s.Name)
			if sheet != "" {
				if s.Name == sheet {
					found = s
				}
				return found != nil
			}
			for i, r := range s.Rows {
				if i >= headerSearch {
					break
				}
				if _, ok := parseHeader(r.Cells); ok {
					found = s
					return true
				}
			}
			return false
		})
		if err != nil {
			return errorf("%s", err.Error())
		}
		switch {
		case found == nil && sheet != "":
			return errorf("it has no sheet %q: its sheets are %s", sheet, quoteList(names))
		case found == nil:
			return errorf("no sheet has a header row csa recognises in its first %d rows: the log needs a Received column (Received, Date received, Date raised) and at least one more", headerSearch)
		}
		if len(names) > 1 || sheet != "" {
			*notes = append(*notes, fmt.Sprintf("reading sheet %q", found.Name))
		}
		if found.Beyond > 0 {
			*notes = append(*notes, fmt.Sprintf("sheet %q has %d cells beyond column BL: csa reads the first 64 columns only", found.Name, found.Beyond))
		}
		for _, r := range found.Rows {
			if err := each(Where{Sheet: found.Name, Row: r.Row}, r.Cells, true, found.Date1904); err != nil {
				return err
			}
		}
		return nil
	}
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// IsWorkbook reports whether data is an Excel workbook (a zip file), not CSV.
func IsWorkbook(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// cell returns column i of a row, or "".
func cell(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return cells[i]
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// build turns a row into the records of its stages: one, or two for a log
// of one row per complaint whose stage 2 columns are filled in.
func (l *layout) build(cells []string, serial, date1904 bool) ([]record, string, error) {
	get := func(s int, f field) string { return cell(cells, l.cols[s][f]) }
	ref := label(get(0, fieldRef))
	date := func(s int, f field) (calendar.Day, error) {
		v := get(s, f)
		d, ok := parseDate(v, serial, date1904)
		if !ok {
			return 0, fmt.Errorf("%s %s is not a date csa can read (write 2024-04-03 or 03/04/2024)", l.header(s, f), quoted(v))
		}
		return d, nil
	}
	one := func(s int) (record, error) {
		var r record
		var err error
		if r.ack, err = date(s, fieldAck); err != nil {
			return r, err
		}
		if r.resp, err = date(s, fieldResp); err != nil {
			return r, err
		}
		ext, ok := parseExtension(get(s, fieldExt), serial, date1904)
		if !ok {
			return r, fmt.Errorf("%s %s is not yes, no, a number of working days or a date", l.header(s, fieldExt), quoted(get(s, fieldExt)))
		}
		due, err := date(s, fieldExtDue)
		if err != nil {
			return r, err
		}
		if due != noDay {
			ext.given, ext.dated, ext.until = true, true, due
		}
		r.ext = ext
		refused, ok := parseYes(get(s, fieldRefused))
		if !ok {
			return r, fmt.Errorf("%s %s is not yes or no", l.header(s, fieldRefused), quoted(get(s, fieldRefused)))
		}
		r.reason = label(get(s, fieldReason))
		r.refused = refused || r.reason != ""
		r.outcome = label(get(s, fieldOutcome))
		r.category = label(get(0, fieldCategory))
		r.tenure = l.memo(get(0, fieldTenure), parseTenure)
		return r, nil
	}
	first, err := one(0)
	if err != nil {
		return nil, ref, err
	}
	received, err := date(0, fieldReceived)
	if err != nil {
		return nil, ref, err
	}
	escalated, err := date(0, fieldEscalated)
	if err != nil {
		return nil, ref, err
	}
	switch {
	case l.perStage:
		raw := cellText(get(0, fieldStage))
		first.stage, first.stageRaw = parseStage(raw), raw // raw is short: cheap
		first.start = received
		if first.stage == 2 && escalated != noDay {
			first.start = escalated // the stage 2 clock runs from the request
		}
		if first.start == noDay {
			return nil, ref, fmt.Errorf("%s is blank", l.header(0, fieldReceived))
		}
		return []record{first}, ref, nil
	case !l.perCase:
		first.stage, first.start = 1, received
		if received == noDay {
			return nil, ref, fmt.Errorf("%s is blank", l.header(0, fieldReceived))
		}
		return []record{first}, ref, nil
	}
	// One row per complaint: stage 1, and stage 2 when escalated.
	first.stage, first.start = 1, received
	if received == noDay {
		return nil, ref, fmt.Errorf("%s is blank", l.header(0, fieldReceived))
	}
	out := []record{first}
	filled := escalated != noDay
	for f := fieldAck; f < fieldCount; f++ {
		if l.cols[1][f] >= 0 && strings.TrimSpace(get(1, f)) != "" {
			filled = true
		}
	}
	if !filled {
		return out, ref, nil
	}
	second, err := one(1)
	if err != nil {
		return nil, ref, err
	}
	if escalated == noDay {
		return nil, ref, fmt.Errorf("stage 2 dates, but %s is blank", l.header(0, fieldEscalated))
	}
	second.stage, second.start = 2, escalated
	return append(out, second), ref, nil
}

// header names a column as the log's header row does, for messages.
func (l *layout) header(s int, f field) string {
	if i := l.cols[s][f]; i >= 0 && i < len(l.headers) {
		return l.headers[i]
	}
	return f.String()
}

// memo reads a cell with read, remembering the answers for the values a
// column repeats (a tenure column has a handful), up to a bound.
func (l *layout) memo(v string, read func(string) string) string {
	if got, ok := l.seen[v]; ok {
		return got
	}
	got := read(v)
	if l.seen == nil {
		l.seen = map[string]string{}
	}
	if len(l.seen) < 256 {
		l.seen[v] = got
	}
	return got
}
