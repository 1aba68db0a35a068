package diff

import (
	"strings"
)

// PieceKind says how a piece of a changed text is shown.
type PieceKind int

// Piece kinds.
const (
	Same      PieceKind = iota // the same in both texts
	Edited                     // a small edit, shown word by word
	Rewritten                  // most of it changed: shown whole, before and after
)

// A Piece is part of a changed text as a reader of a board paper is shown
// it: sentences kept, a sentence with a small edit (its words), or a
// passage rewritten, shown whole as it was and as it is (Old or New is ""
// for a passage only removed or only added).
type Piece struct {
	Kind     PieceKind
	Text     string // Same
	Words    []Span // Edited
	Old, New string // Rewritten
}

// Pieces splits the change from old to new into pieces, sentence by
// sentence: sentences are lined up as words are (a shortest edit script);
// a sentence changed in place is shown word by word when at most half its
// words changed (MostlyChanged), else whole, old then new; sentences added
// or removed, or a run of them changed unevenly, are one passage judged
// the same way. Rewritten passages next to each other are one. Spacing and
// line breaks are no change, as in Words.
func Pieces(old, new string) []Piece {
	a, b := sentences(old), sentences(new)
	ops := editScript(a, b)
	var out []Piece
	x, y := 0, 0
	for i := 0; i < len(ops); {
		if ops[i] == Equal {
			out = appendPiece(out, Piece{Kind: Same, Text: a[x]})
			x, y, i = x+1, y+1, i+1
			continue
		}
		var dels, ins []string
		for ; i < len(ops) && ops[i] != Equal; i++ {
			if ops[i] == Delete {
				dels = append(dels, a[x])
				x++
			} else {
				ins = append(ins, b[y])
				y++
			}
		}
		if len(dels) == len(ins) {
			for k := range dels {
				out = appendPiece(out, change(dels[k], ins[k]))
			}
			continue
		}
		out = appendPiece(out, change(strings.Join(dels, " "), strings.Join(ins, " ")))
	}
	return out
}

// Whole reports whether pieces are one passage rewritten: the whole text
// changed, shown as it was and as it is.
func Whole(pieces []Piece) bool { return len(pieces) == 1 && pieces[0].Kind == Rewritten }

func change(old, new string) Piece {
	if MostlyChanged(old, new) {
		return Piece{Kind: Rewritten, Old: old, New: new}
	}
	return Piece{Kind: Edited, Words: Words(old, new)}
}

// MostlyChanged reports whether more than half the words of two texts
// (counting both) are not common to them: 3 of 5 words replaced is 6 of 10
// changed, and a rewrite; 2 of 5 is 4 of 10, and an edit. Text only added
// or only removed is changed throughout.
func MostlyChanged(old, new string) bool {
	a, b := strings.Fields(old), strings.Fields(new)
	if len(a) == 0 || len(b) == 0 {
		return len(a)+len(b) > 0
	}
	changed := 0
	for _, op := range editScript(a, b) {
		if op != Equal {
			changed++
		}
	}
	return 2*changed > len(a)+len(b)
}

// appendPiece adds p, joining it to the piece before when both are kept
// text or both rewritten.
func appendPiece(out []Piece, p Piece) []Piece {
	if n := len(out); n > 0 && out[n-1].Kind == p.Kind && p.Kind != Edited {
		last := &out[n-1]
		last.Text = joinText(last.Text, p.Text)
		last.Old = joinText(last.Old, p.Old)
		last.New = joinText(last.New, p.New)
		return out
	}
	return append(out, p)
}

func joinText(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// sentences splits text into its sentences, each its words joined by single
// spaces: a sentence ends at a word ending in . ! or ? (after any closing
// quote or bracket; not "e.g." or "i.e."), and at a paragraph break.
func sentences(s string) []string {
	var out, cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		words := strings.Fields(line)
		if len(words) == 0 {
			flush() // a blank line ends a paragraph
			continue
		}
		for _, w := range words {
			cur = append(cur, w)
			if endsSentence(w) {
				flush()
			}
		}
	}
	flush()
	return out
}

func endsSentence(w string) bool {
	switch strings.ToLower(w) {
	case "e.g.", "i.e.", "(e.g.", "(i.e.":
		return false
	}
	w = strings.TrimRight(w, `"')]}’”»`)
	return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?")
}
