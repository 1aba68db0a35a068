package diff

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// foldRestarting is fold as it was: after each fold, look again from the
// start. It took time and memory growing with the square of the runs.
func foldRestarting(ops []Op) []run {
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

// changeSize is the larger of the deletion and insertion next to runs[i] on
// the side dir (-1 before, +1 after); 0 when common words are next.
func changeSize(runs []run, i, dir int) int {
	size := 0
	for j := i + dir; j >= 0 && j < len(runs) && runs[j].op != Equal; j += dir {
		size = max(size, runs[j].count)
	}
	return size
}

// TestFoldAsBefore: fold in one pass gives what folding and looking again
// from the start gave, on random edit scripts.
func TestFoldAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 20000 {
		ops := make([]Op, rng.IntN(40))
		for j := range ops {
			ops[j] = Op(rng.IntN(3))
			if rng.IntN(3) == 0 { // runs of common words
				ops[j] = Equal
			}
		}
		if got, want := fold(ops), foldRestarting(ops); !reflect.DeepEqual(got, want) {
			t.Fatalf("script %d %v: fold %v, want %v", i, ops, got, want)
		}
	}
}

// TestWordsWork: a long text with an edit every other word allocated 32 MB
// for one word diff, folding its changes one at a time; now its work is
// bounded by the edit limit.
func TestWordsWork(t *testing.T) {
	var a, b []string
	for i := range 1000 {
		w := "w" + strings.Repeat("a", i%9)
		a = append(a, w)
		if i%2 == 0 {
			b = append(b, w)
		} else {
			b = append(b, "x"+strings.Repeat("b", i%7))
		}
	}
	x, y := strings.Join(a, " "), strings.Join(b, " ")
	n := allocated(func() { Words(x, y) })
	t.Logf("allocated %.1f MB", float64(n)/(1<<20))
	if n > 5<<20 {
		t.Errorf("one word diff of 1,000 words allocated %d MB", n>>20)
	}
}
