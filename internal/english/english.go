// Package english holds the small pieces of English every output of csa
// shares, so that each is said one way: a count with its noun.
package english

import (
	"strconv"
	"strings"
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
func Or(choices []string) string {
	switch len(choices) {
	case 0:
		return ""
	case 1:
		return choices[0]
	}
	return strings.Join(choices[:len(choices)-1], ", ") + " or " + choices[len(choices)-1]
}
