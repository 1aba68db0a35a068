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
func Similarity(a, b string) float64 {
	x, y := normalWords(a), normalWords(b)
	if len(x)+len(y) == 0 {
		return 1
	}
	common := 0
	for _, op := range editScript(x, y) {
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
func editScript(a, b []string) []Op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	mid, ok := myers(a[pre:len(a)-suf], b[pre:len(b)-suf], maxEdits)
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
	maxD := min(n+m, limit)
	off := maxD + 1
	v := make([]int, 2*off+1)
	var trace [][]int
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
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
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
		px := prev[pk+d-1]
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

// run is a stretch of one op over several words.
type run struct {
	op    Op
	count int
}

// fold groups an edit script into runs, with each change's deletions before
// its insertions, then folds into a change any run of common words between
// two changes that is no longer than the change on either side of it.
func fold(ops []Op) []run {
	runs := group(ops)
	for {
		folded := false
		for i := 1; i < len(runs)-1; i++ {
			if runs[i].op != Equal {
				continue
			}
			before, after := changeSize(runs, i, -1), changeSize(runs, i, +1)
			if before > 0 && after > 0 && runs[i].count <= before && runs[i].count <= after {
				n := runs[i].count
				runs = append(runs[:i], append([]run{{Delete, n}, {Insert, n}}, runs[i+1:]...)...)
				runs = regroup(runs)
				folded = true
				break
			}
		}
		if !folded {
			return runs
		}
	}
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

// changeSize is the larger of the deletion and insertion next to runs[i] on
// the side dir (-1 before, +1 after); 0 when common words are next.
func changeSize(runs []run, i, dir int) int {
	size := 0
	for j := i + dir; j >= 0 && j < len(runs) && runs[j].op != Equal; j += dir {
		size = max(size, runs[j].count)
	}
	return size
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
