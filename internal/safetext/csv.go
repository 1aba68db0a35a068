package safetext

import (
	"strings"
	"unicode"
)

// StartsFormula reports whether a spreadsheet could read cell s as a
// formula: it starts with a tab or a carriage return, or its first character
// after any white space and line breaks is = + - or @ ("\n=1+1" is one, as a
// spreadsheet may drop the line break).
func StartsFormula(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '\t' || s[0] == '\r' {
		return true
	}
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	return t != "" && strings.IndexByte("=+-@", t[0]) >= 0
}

// FormulaGuard is the CSV policy: a cell that could start a formula gets a
// single quote before it, the usual guard against formula injection.
// Anything else is unchanged.
func FormulaGuard(s string) string {
	if StartsFormula(s) {
		return "'" + s
	}
	return s
}

// Unguard undoes FormulaGuard on a cell read back: '=SUM stays =SUM.
func Unguard(s string) string {
	if len(s) > 1 && s[0] == '\'' && StartsFormula(s[1:]) {
		return s[1:]
	}
	return s
}
