package diff

import (
	"strings"
	"unicode"
)

// Op says what a span of a word diff does.
type Op int

// Ops.
const (
	Equal  Op = iota // in both texts
	Delete           // only in the old text
	Insert           // only in the new text
)

func (o Op) String() string {
	switch o {
	case Delete:
		return "delete"
	case Insert:
		return "insert"
	}
	return "equal"
}

// Span is a run of words a word diff keeps, removes or adds, joined by single
// spaces.
type Span struct {
	Op   Op
	Text string
}

// maxEdits bounds the work of a word diff: texts more than this many word
// edits apart are shown as rewritten, one removal and one addition, which is
// what a reader would make of them anyway. It keeps memory at O(maxEdits²).
const maxEdits = 1000

// Words returns the word diff of two texts: words are separated by any white
// space, so a change of spacing or line breaks alone is no change. Within a
// change, removals come before additions. Short runs of common words between
// two changes ("the", "of our") are folded into the change around them, so a
// rewritten sentence reads as one removal and one addition rather than a
// confetti of single words.
func Words(old, new string) []Span {
	a, b := strings.Fields(old), strings.Fields(new)
	return spans(a, b, fold(editScript(a, b)))
}

// Similarity scores how alike two texts are, from 0 (no word in common) to
// 1 (the same words in the same order, ignoring case and punctuation at the
// ends of words): twice the longest common run of words over the total.
func Similarity(a, b string) float64 { return similarity(normalWords(a), normalWords(b)) }

// similarity is Similarity of texts already made normalWords.
func similarity(x, y []string) float64 { return similarityAtLeast(x, y, 0) }

// similarityAtLeast is similarity where it is at least t, and some lower
// score where it is not: a score of t allows no more than (1-t)(|x|+|y|)
// edits, so the edit script gives up past that many.
func similarityAtLeast(x, y []string, t float64) float64 {
	if len(x)+len(y) == 0 {
		return 1
	}
	limit := min(maxEdits, int((1-t)*float64(len(x)+len(y))+1e-9))
	common := 0
	for _, op := range editScriptWithin(x, y, limit) {
		if op == Equal {
			common++
		}
	}
	return 2 * float64(common) / float64(len(x)+len(y))
}

func normalWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		w = strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) })
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// editScript returns a shortest edit script turning a into b, one op per
// word: Equal takes a word from both, Delete one from a, Insert one from b.
// It is Myers' O(ND) algorithm after trimming the common ends; past maxEdits
// it gives up and deletes all of a, then inserts all of b.
func editScript(a, b []string) []Op { return editScriptWithin(a, b, maxEdits) }

// editScriptWithin is editScript giving up past limit edits.
func editScriptWithin(a, b []string, limit int) []Op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	mid, ok := myers(a[pre:len(a)-suf], b[pre:len(b)-suf], limit)
	if !ok {
		mid = nil
		for range len(a) - pre - suf {
			mid = append(mid, Delete)
		}
		for range len(b) - pre - suf {
			mid = append(mid, Insert)
		}
	}
	ops := make([]Op, 0, pre+len(mid)+suf)
	for range pre {
		ops = append(ops, Equal)
	}
	ops = append(ops, mid...)
	for range suf {
		ops = append(ops, Equal)
	}
	return ops
}

// myers finds a shortest edit script of at most limit edits. trace keeps,
// for each number of edits d, the furthest x reached on each diagonal k
// (window -d..d), so the path can be walked back.
func myers(a, b []string, limit int) ([]Op, bool) {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		ops := make([]Op, 0, n+m)
		for range n {
			ops = append(ops, Delete)
		}
		for range m {
			ops = append(ops, Insert)
		}
		return ops, true
	}
	if n+m > limit && n+m-2*common(a, b) > limit {
		return nil, false // too few words in common to be within the limit
	}
	maxD := min(n+m, limit)
	off := maxD + 1
	v := make([]int, 2*off+1)
	var trace [][]int32 // int32: half the memory, and a text of 2³¹ words is not read
	found := false
	for d := 0; d <= maxD && !found; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: insert b[y]
			} else {
				x = v[off+k-1] + 1 // right: delete a[x]
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = true
				break
			}
		}
		w := make([]int32, 2*d+1)
		for i, x := range v[off-d : off+d+1] {
			w[i] = int32(x)
		}
		trace = append(trace, w)
	}
	if !found {
		return nil, false
	}
	// Walk back from (n, m), collecting ops in reverse.
	var rev []Op
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		prev := trace[d-1] // V after d-1 edits; diagonal k at prev[k+d-1]
		k := x - y
		var pk int
		if k == -d || (k != d && prev[k-1+d-1] < prev[k+1+d-1]) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := int(prev[pk+d-1])
		py := px - pk
		// One edit leads from (px, py) onto diagonal k; common words follow.
		midX := px + 1
		if pk == k+1 {
			midX = px
		}
		for x > midX {
			rev = append(rev, Equal)
			x--
			y--
		}
		if pk == k+1 {
			rev = append(rev, Insert)
		} else {
			rev = append(rev, Delete)
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		rev = append(rev, Equal)
		x--
		y--
	}
	ops := make([]Op, len(rev))
	for i, op := range rev {
		ops[len(rev)-1-i] = op
	}
	return ops, true
}

// common counts the words a and b have in common, as many times as both
// use each: at least as many as a longest common run of them.
func common(a, b []string) int {
	count := make(map[string]int, len(a))
	for _, w := range a {
		count[w]++
	}
	n := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			n++
		}
	}
	return n
}

// run is a stretch of one op over several words.
type run struct {
	op    Op
	count int
}

// fold groups an edit script into runs, with each change's deletions before
// its insertions, then folds into a change any run of common words between
// two changes that is no longer than the change on either side of it. A
// fold only makes changes larger, and so other runs foldable, never fewer:
// folding in any order until none is left gives the same result. fold goes
// left to right once, keeping the runs so far on a stack in which no run of
// common words between two changes can fold; a change pushed may fold the
// common words before it, and the change then grown the ones before those.
func fold(ops []Op) []run {
	var out []run             // runs: common words, or a change as a deletion then an insertion
	size := func(i int) int { // the larger side of the change ending at out[i], or 0
		del, ins := 0, 0
		for ; i >= 0 && out[i].op != Equal; i-- {
			if out[i].op == Delete {
				del += out[i].count
			} else {
				ins += out[i].count
			}
		}
		return max(del, ins)
	}
	// change pops the change at the top of out: its deletions and insertions.
	change := func() (del, ins int) {
		for len(out) > 0 && out[len(out)-1].op != Equal {
			r := out[len(out)-1]
			out = out[:len(out)-1]
			if r.op == Delete {
				del += r.count
			} else {
				ins += r.count
			}
		}
		return del, ins
	}
	push := func(del, ins int) {
		if del > 0 {
			out = append(out, run{Delete, del})
		}
		if ins > 0 {
			out = append(out, run{Insert, ins})
		}
	}
	for _, r := range group(ops) {
		if r.op == Equal {
			out = append(out, r)
			continue
		}
		// A change: with the one before it, if only common words are
		// between and they are run together, and then as far back as it
		// folds.
		del, ins := change()
		if r.op == Delete {
			del += r.count
		} else {
			ins += r.count
		}
		for len(out) >= 2 && out[len(out)-1].op == Equal {
			eq := out[len(out)-1].count
			before := size(len(out) - 2)
			if before == 0 || eq > before || eq > max(del, ins) {
				break
			}
			out = out[:len(out)-1]
			d, i := change()
			del, ins = del+d+eq, ins+i+eq
		}
		push(del, ins)
	}
	return out
}

func group(ops []Op) []run {
	var runs []run
	for _, op := range ops {
		runs = append(runs, run{op, 1})
	}
	return regroup(runs)
}

// regroup merges neighbouring runs: common words together, and each stretch
// of changes into one deletion then one insertion.
func regroup(runs []run) []run {
	var out []run
	for i := 0; i < len(runs); {
		if runs[i].op == Equal {
			n := 0
			for ; i < len(runs) && runs[i].op == Equal; i++ {
				n += runs[i].count
			}
			out = append(out, run{Equal, n})
			continue
		}
		del, ins := 0, 0
		for ; i < len(runs) && runs[i].op != Equal; i++ {
			if runs[i].op == Delete {
				del += runs[i].count
			} else {
				ins += runs[i].count
			}
		}
		if del > 0 {
			out = append(out, run{Delete, del})
		}
		if ins > 0 {
			out = append(out, run{Insert, ins})
		}
	}
	return out
}

// spans turns runs back into text.
func spans(a, b []string, runs []run) []Span {
	var out []Span
	x, y := 0, 0
	for _, r := range runs {
		var words []string
		switch r.op {
		case Equal:
			words = a[x : x+r.count]
			x += r.count
			y += r.count
		case Delete:
			words = a[x : x+r.count]
			x += r.count
		case Insert:
			words = b[y : y+r.count]
			y += r.count
		}
		out = append(out, Span{r.op, strings.Join(words, " ")})
	}
	return out
}
