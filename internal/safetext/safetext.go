// Package safetext is csa's one output-safety policy for text that came from
// a file (an assessment's answers, a catalogue's wording, a file's name) on
// its way to a terminal, a CI log or a document: such text can never move
// the cursor, recolour the terminal, reorder a line, or start a new line of
// a log where the format does not allow one.
//
// The policy, the same for every text format:
//   - line breaks (CR, LF, CRLF, VT, FF, NEL, U+2028, U+2029) are white
//     space: a space on one line (Line), a "\n" where the format has lines
//     (Text);
//   - every other control character (C0, DEL, C1) and every bidirectional
//     control (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) is
//     shown as a visible Go escape: \x1b, \a, \u202e;
//   - a byte that is not UTF-8 is shown as \xff;
//   - everything else, Welsh and other non-ASCII text included, is kept.
//
// Formats for programs keep text exact under their own escaping: JSON
// (encoding/json), CSV (RFC 4180 quoting and the formula guard, see
// FormulaGuard) and XLSX.
package safetext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Line makes s safe as part of one line of a terminal or a CI log: line
// breaks and tabs become spaces, other control and direction characters are
// shown as escapes.
func Line(s string) string { return clean(s, false) }

// Text makes s safe for a format with lines (a terminal table, a Markdown or
// HTML document): line breaks become "\n" (CRLF one "\n"), tabs stay, other
// control and direction characters are shown as escapes.
func Text(s string) string { return clean(s, true) }

func clean(s string, lines bool) string {
	if fast(s, lines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			const hex = "0123456789abcdef"
			b.WriteString(`\x`)
			b.WriteByte(hex[s[i]>>4])
			b.WriteByte(hex[s[i]&0xf])
		case r == '\r' && lines && strings.HasPrefix(s[i+1:], "\n"):
			// CRLF is one line break; the LF is written next time round.
		case isBreak(r):
			if lines {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		case r == '\t':
			if lines {
				b.WriteByte('\t')
			} else {
				b.WriteByte(' ')
			}
		case Unsafe(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// fast reports whether s needs no change: true for plain printable ASCII,
// the common case, without allocating.
func fast(s string, lines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x7f || (c < 0x20 && !(lines && (c == '\n' || c == '\t'))) {
			return fastUnicode(s[i:], lines)
		}
	}
	return true
}

func fastUnicode(s string, lines bool) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
		}
		if lines && (r == '\n' || r == '\t') {
			continue
		}
		if r == '\t' || isBreak(r) || Unsafe(r) {
			return false
		}
	}
	return true
}

// isBreak reports whether r ends a line.
func isBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// Unsafe reports whether r is shown as an escape: a control character
// (other than a line break or a tab, which are white space) or a
// bidirectional control.
func Unsafe(r rune) bool {
	switch {
	case r == '\t' || isBreak(r):
		return false
	case r < 0x20 || (r >= 0x7f && r < 0xa0):
		return true
	}
	return IsBidi(r)
}

// IsBidi reports whether r is a bidirectional control: an embedding,
// override or isolate (U+202A–U+202E, U+2066–U+2069) or a mark (U+200E,
// U+200F, U+061C), which can make text display in another order than it is
// read.
func IsBidi(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}
