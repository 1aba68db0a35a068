// Package english holds the small pieces of English every output of csa
// shares, so that each is said one way: a count with its noun, a list of
// choices or of items, how far a typing slip is from the word meant and
// which word that was, text wrapped to a width.
package english

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Count is n with its noun: "1 day", "3 days", "0 days". The plural adds an
// s unless many gives it ("1 open action was", "2 open actions were").
func Count(n int, one string, many ...string) string {
	if n == 1 {
		return "1 " + one
	}
	if len(many) > 0 {
		return strconv.Itoa(n) + " " + many[0]
	}
	return strconv.Itoa(n) + " " + one + "s"
}

// Or lists choices: "a", "a or b", "a, b or c".
func Or(choices []string) string { return list(choices, " or ") }

// And lists items: "a", "a and b", "a, b and c".
func And(items []string) string { return list(items, " and ") }

func list(items []string, last string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + last + items[len(items)-1]
}

// DidYouMean names the known word a typing slip was probably meant to be,
// as " (did you mean "analysis"?)" to put after the slip: the first known
// word that is the slip in other letter case, that starts it or starts with
// it (a slip of more than three letters), or that is at most two letters
// from it. "" when none is.
func DidYouMean(slip string, known []string) string {
	ls := strings.ToLower(slip)
	for _, k := range known {
		if ls == k || (len(ls) > 3 && (strings.HasPrefix(k, ls) || strings.HasPrefix(ls, k))) || Distance(ls, k) <= 2 {
			return " (did you mean " + strconv.Quote(k) + "?)"
		}
	}
	return ""
}

// Distance is the edit distance between two short words, for "did you
// mean" (the number of letters to add, drop or change to make one the
// other); words of more than 40 bytes are far from everything (99).
func Distance(a, b string) int {
	if len(a) > 40 || len(b) > 40 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Wrap breaks text into lines of at most width characters, at spaces (a
// word longer than width is a line of its own); runs of white space, line
// breaks included, are one space.
func Wrap(text string, width int) string {
	var b strings.Builder
	col := 0
	for _, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		switch {
		case col == 0:
		case col+1+n > width:
			b.WriteByte('\n')
			col = 0
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}
