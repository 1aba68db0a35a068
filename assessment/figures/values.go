package figures

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/csa-tool/csa/assessment/calendar"
	"github.com/csa-tool/csa/assessment/importer"
)

// This file reads the values of a log's cells: dates in the shapes CRMs
// export them, stages, yes and no, extensions and tenures. A value it cannot
// read is reported, never guessed.

// noDay marks a date cell left blank.
const noDay calendar.Day = math.MinInt32

// cellText makes a cell's text safe to keep: valid UTF-8 (a CSV saved by
// Excel on Windows is Windows-1252), no control characters, single spaces.
func cellText(s string) string {
	if !utf8.ValidString(s) {
		s = importer.DecodeText([]byte(s))
	}
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c >= 0x80 || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
	}), " ")
}

// label is a value kept as a label (an outcome, a category, a refusal
// reason): tidied. A longer value is likely free text, which may say who
// complained and about what: it is counted under longText, never kept.
func label(s string) string {
	s = cellText(s)
	if utf8.RuneCountInString(s) > maxLabel || strings.Count(s, " ") >= maxWords {
		return longText
	}
	return s
}

const (
	maxLabel = 50
	maxWords = 7
	longText = "(longer text, not shown)"
)

// quoted is a cell's value as a message may show it: only when it holds no
// more than digits, separators and the words a date or a stage is written
// with. Anything else may be a name in the wrong column, and is not shown.
func quoted(s string) string {
	s = cellText(s)
	if len(s) > 30 {
		return "(not shown)"
	}
	for _, w := range words(s) {
		if _, month := months[w]; month || safeWords[w] {
			continue
		}
		if _, isNum := number(w, 1, 8); isNum {
			continue
		}
		return "(not shown)"
	}
	return strconv.Quote(s)
}

var safeWords = map[string]bool{
	"stage": true, "informal": true, "formal": true, "yes": true, "no": true, "y": true, "n": true, "tbc": true,
	"tba": true, "na": true, "n/a": true, "a": true, "pending": true, "open": true, "closed": true, "unknown": true,
	"working": true, "days": true, "day": true, "wd": true, "maybe": true, "one": true, "two": true, "three": true,
	"zero": true, "s": true, "t": true, "z": true, "am": true, "pm": true, "st": true, "nd": true, "rd": true, "th": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"service": true, "request": true, "complaint": true, "level": true, "escalated": true, "extended": true,
	"none": true, "true": true, "false": true, "ombudsman": true, "first": true, "second": true, "third": true,
}

// words lower-cases text into its words: "Stage 1 - Formal" is
// ["stage", "1", "formal"].
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

// parseDate reads a date cell: 2024-04-03, 03/04/2024 (always day first,
// as UK systems write it), 3/4/24, 03-04-2024, 03.04.2024, 3 April 2024,
// 03-Apr-2024, each with or without a time after it; in a workbook, a date
// cell's serial number. A blank cell is noDay, ok.
func parseDate(s string, serial bool, date1904 bool) (calendar.Day, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return noDay, true
	}
	if serial {
		if d, ok := serialDate(s, date1904); ok {
			return d, true
		}
	}
	if d, ok := dayFirst(s); ok {
		return d, true // the common case, without allocating
	}
	// A time after the date: "2024-04-03 14:22", "2024-04-03T14:22:05Z",
	// "03/04/2024 14:22:05".
	if i := strings.IndexAny(s, "T "); i >= 8 && i <= 10 && looksLikeTime(s[i+1:]) {
		s = s[:i]
	}
	if d, ok := calendar.ParseDay(s); ok {
		return d, true
	}
	// Numbers separated by / - or .: day, month, year.
	for _, sep := range []string{"/", "-", "."} {
		parts := strings.Split(s, sep)
		if len(parts) != 3 {
			continue
		}
		if len(parts[0]) == 4 { // 2024/04/03
			parts[0], parts[2] = parts[2], parts[0]
		}
		d, okd := number(parts[0], 1, 2)
		y, oky := number(parts[2], 2, 4)
		if !okd || !oky || len(parts[2]) == 3 {
			continue
		}
		if len(parts[2]) == 2 {
			y += 2000
		}
		m, okm := number(parts[1], 1, 2)
		if !okm {
			mm, found := months[strings.ToLower(parts[1])]
			if !found {
				continue
			}
			m = int(mm)
		}
		if calendar.Valid(y, m, d) {
			return calendar.DayOf(y, time.Month(m), d), true
		}
		return 0, false
	}
	// 3 April 2024, 3 Apr 2024, Wednesday 3 April 2024, 3rd April 2024.
	f := strings.Fields(strings.ReplaceAll(s, ",", " "))
	if len(f) == 4 {
		f = f[1:] // a weekday first
	}
	if len(f) == 3 {
		dd := strings.TrimRight(strings.ToLower(f[0]), "stndrh")
		d, okd := number(dd, 1, 2)
		m, okm := months[strings.ToLower(f[1])]
		y, oky := number(f[2], 4, 4)
		if okd && okm && oky && calendar.Valid(y, int(m), d) {
			return calendar.DayOf(y, m, d), true
		}
	}
	return 0, false
}

// dayFirst reads dd/mm/yyyy exactly, the shape most UK exports use.
func dayFirst(s string) (calendar.Day, bool) {
	if len(s) != 10 || s[2] != '/' || s[5] != '/' {
		return 0, false
	}
	d, ok1 := number(s[0:2], 2, 2)
	m, ok2 := number(s[3:5], 2, 2)
	y, ok3 := number(s[6:10], 4, 4)
	if !ok1 || !ok2 || !ok3 || !calendar.Valid(y, m, d) {
		return 0, false
	}
	return calendar.DayOf(y, time.Month(m), d), true
}

// looksLikeTime reports whether s is a time of day: 14:22, 14:22:05,
// 14:22:05.000Z, 2:22 PM.
func looksLikeTime(s string) bool {
	if len(s) < 4 || s[0] < '0' || s[0] > '9' {
		return false
	}
	colon := strings.IndexByte(s, ':')
	return colon == 1 || colon == 2
}

// serialDate reads a spreadsheet date's serial number, with any fraction (the
// time of day) dropped. 1900 system: day 1 is 1 January 1900, and 60 the
// 29 February 1900 Excel believes in; 1904 system: day 0 is 1 January 1904.
func serialDate(s string, date1904 bool) (calendar.Day, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f > 2958465 || f != f {
		return 0, false
	}
	n := int(f)
	if date1904 {
		return calendar.DayOf(1904, 1, 1) + calendar.Day(n), true
	}
	if n < 61 {
		return 0, false // before March 1900: not a complaint's date
	}
	return calendar.DayOf(1899, 12, 30) + calendar.Day(n), true
}

// number reads a string of between min and max digits.
func number(s string, min, max int) (int, bool) {
	if len(s) < min || len(s) > max {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// parseStage reads a stage cell: "1", "Stage 1", "stage one", "S2",
// "Stage 2 - Review". It returns 0 when the cell names no stage it knows
// (a stage 0, "Informal", a service request).
func parseStage(s string) int {
	for _, w := range words(s) {
		switch w {
		case "stage", "complaint", "formal", "level":
			continue
		case "1", "one", "first", "1st", "s1", "stage1", "i":
			return 1
		case "2", "two", "second", "2nd", "s2", "stage2", "ii":
			return 2
		case "3", "three", "third", "3rd", "s3", "stage3", "iii":
			return 3
		}
		return 0
	}
	return 0
}

// parseYes reads a yes or no cell (refused?). ok is false for anything
// else.
func parseYes(s string) (yes, ok bool) {
	switch s {
	case "":
		return false, true
	case "Yes":
		return true, true
	case "No":
		return false, true
	}
	switch strings.Join(words(s), " ") {
	case "yes", "y", "true", "1", "x", "refused", "declined", "not accepted", "rejected", "excluded":
		return true, true
	case "", "no", "n", "false", "0", "accepted", "not refused":
		return false, true
	}
	if strings.TrimSpace(s) == "✓" || strings.TrimSpace(s) == "✔" {
		return true, true
	}
	return false, false
}

// extension is what a log says about an extension of the response time.
type extension struct {
	given bool
	days  int          // working days, when the cell gave a number
	dated bool         // until is set
	until calendar.Day // the new due date, from an extended due date column
}

// parseExtension reads an extension cell: blank or no (none), yes (given,
// for as long as the Code allows), a number of working days ("10", "10
// days", "10 working days"), or a date (given, the day it was agreed: how
// long for, only an extended due date column says).
func parseExtension(s string, serial, date1904 bool) (extension, bool) {
	if s == "" {
		return extension{}, true
	}
	w := words(s)
	switch strings.Join(w, " ") {
	case "", "no", "n", "none", "false", "0", "not extended", "no extension", "n a", "na":
		return extension{}, true
	case "yes", "y", "true", "agreed", "extended", "extension agreed", "given", "granted":
		return extension{given: true}, true
	}
	if strings.TrimSpace(s) == "-" {
		return extension{}, true
	}
	if len(w) >= 1 && len(w) <= 3 {
		rest := strings.Join(w[1:], " ")
		if n, ok := number(w[0], 1, 3); ok && n > 0 && (rest == "" || rest == "days" || rest == "working days" || rest == "wd" || rest == "day" || rest == "working day") {
			return extension{given: true, days: n}, true
		}
	}
	if d, ok := parseDate(s, serial, date1904); ok && d != noDay {
		return extension{given: true}, true
	}
	return extension{}, false
}

// parseTenure reads a tenure cell: TenureRental, TenureOwnership, or "" for
// a blank cell or a tenure that is neither (a leaseholder, a market rent).
func parseTenure(s string) string {
	k := " " + strings.Join(words(s), " ") + " "
	switch {
	case strings.Contains(k, " lcho "), strings.Contains(k, "home ownership"), strings.Contains(k, "shared owner"):
		return TenureOwnership
	case strings.Contains(k, " market rent"), strings.Contains(k, " leasehold"), strings.Contains(k, " freehold"),
		strings.Contains(k, " commercial "):
		return ""
	case strings.Contains(k, " lcra "), strings.Contains(k, " low cost rent"), strings.Contains(k, " social rent"),
		strings.Contains(k, " affordable rent"), strings.Contains(k, " general needs "), strings.Contains(k, " supported"),
		strings.Contains(k, " older people"), strings.Contains(k, " sheltered "), strings.Contains(k, " rental "),
		strings.Contains(k, " rented "), strings.Contains(k, " rent "), strings.Contains(k, " tenant "),
		strings.Contains(k, " tenancy "), strings.Contains(k, " intermediate rent"):
		return TenureRental
	}
	return ""
}
