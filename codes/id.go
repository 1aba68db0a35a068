package codes

import "strings"

// SplitID splits a provision id "6.10" into its section (6) and number (10).
// It accepts only digits around a single dot, so "6.1a" or "6" are not ids.
func SplitID(id string) (section, number int, ok bool) {
	dot := -1
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c == '.' && dot < 0 && i > 0:
			dot = i
		case c >= '0' && c <= '9':
			if dot < 0 {
				section = section*10 + int(c-'0')
			} else {
				number = number*10 + int(c-'0')
			}
			if section > 999 || number > 999 {
				return 0, 0, false
			}
		default:
			return 0, 0, false
		}
	}
	if dot < 0 || dot == len(id)-1 {
		return 0, 0, false
	}
	return section, number, true
}

// CompareID orders provision ids by section then number, so "6.9" comes
// before "6.10". Strings that are not ids sort after all ids, by text.
func CompareID(a, b string) int {
	as, an, aok := SplitID(a)
	bs, bn, bok := SplitID(b)
	switch {
	case aok && !bok:
		return -1
	case !aok && bok:
		return 1
	case !aok && !bok:
		return strings.Compare(a, b)
	}
	if as != bs {
		return as - bs
	}
	if an != bn {
		return an - bn
	}
	return strings.Compare(a, b)
}
