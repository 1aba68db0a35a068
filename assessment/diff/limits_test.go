package diff

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/codes"
)

// allocated is how many bytes f allocates: a measure of its work that,
// unlike time, does not depend on the machine.
func allocated(f func()) uint64 {
	var m [2]runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m[0])
	f()
	runtime.ReadMemStats(&m[1])
	return m[1].TotalAlloc - m[0].TotalAlloc
}

// withActions is an assessment against chc-2024 with one action for each
// text, listed under the provision prov(i) says.
func withActions(texts []string, prov func(i int) string) *assessment.Assessment {
	a := &assessment.Assessment{Code: "chc-2024", Landlord: "Fictional Homes", Assessed: assessment.NewDate(2025, 5, 31)}
	at := map[string]int{}
	for i, text := range texts {
		id := prov(i)
		j, ok := at[id]
		if !ok {
			j = len(a.Answers)
			at[id] = j
			a.Answers = append(a.Answers, assessment.Answer{ID: id, Comply: assessment.Partial, Evidence: "Some."})
		}
		a.Answers[j].Actions = append(a.Answers[j].Actions, assessment.Action{Text: text, Owner: "Complaints Manager", Status: assessment.Open, Due: assessment.NewDate(2025, 9, 30)})
	}
	return a
}

// actionPlans are two years' action plans of n actions each, in shapes
// that made matching them quadratic: every action compared with every
// other, and each comparison a word diff.
var actionPlans = []struct {
	name     string
	old, new func(n int) *assessment.Assessment
}{
	{"reworded, all under one provision",
		func(n int) *assessment.Assessment {
			return withActions(texts(n, "Review complaint case %d with the team and report to the Board"), func(int) string { return "1.2" })
		},
		func(n int) *assessment.Assessment {
			return withActions(texts(n, "Review complaint case %d with the whole team and report to the Board"), func(int) string { return "1.2" })
		}},
	{"moved, each to another provision",
		func(n int) *assessment.Assessment {
			return withActions(texts(n, "Audit the handling of complaint case %d against the policy and report back to the Committee"), func(i int) string { return fmt.Sprintf("1.%d", 2+i%6) })
		},
		func(n int) *assessment.Assessment {
			return withActions(texts(n, "Audit the handling of complaint case %d against the policy and report back to the Committee now"), func(i int) string { return fmt.Sprintf("3.%d", 1+i%7) })
		}},
	{"the same words, many times",
		func(n int) *assessment.Assessment {
			return withActions(same(n, "Review the complaints policy."), func(i int) string { return fmt.Sprintf("1.%d", 2+i%2) })
		},
		func(n int) *assessment.Assessment {
			return withActions(same(n, "Review the complaints policy."), func(i int) string { return fmt.Sprintf("1.%d", 2+i%3) })
		}},
}

func texts(n int, format string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf(format, i)
	}
	return out
}

func same(n int, s string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// TestActionMatchingGrowsLinearly: four times the actions costs about four
// times the work, not sixteen. 4,000 actions a side took 280 seconds when
// every action was compared with every other.
func TestActionMatchingGrowsLinearly(t *testing.T) {
	cat := catalogue(t, "chc-2024")
	asOf := assessment.NewDate(2025, 7, 1)
	for _, p := range actionPlans {
		t.Run(p.name, func(t *testing.T) {
			var work [3]uint64
			for i, n := range []int{250, 1000, 4000} {
				if i == 2 && t.Failed() {
					break // not 4,000 until the growth is linear
				}
				old, new := p.old(n), p.new(n)
				var d *Diff
				var err error
				work[i] = allocated(func() { d, err = Compare(old, cat, new, cat, asOf) })
				if err != nil {
					t.Fatal(err)
				}
				// Every action is matched, as one with the same or
				// nearly the same words was when each was compared with each.
				if s := d.Summary.Actions; s[Added] != 0 || s[Dropped] != 0 {
					t.Errorf("%d a side: %v", n, s)
				}
				if i == 1 {
					ratio := float64(work[1]) / float64(work[0])
					t.Logf("250 a side: %.1f MB; 1000 a side: %.1f MB (x%.1f)", float64(work[0])/(1<<20), float64(work[1])/(1<<20), ratio)
					if ratio > 6 {
						t.Errorf("four times the actions cost %.1f times the work: worse than linear", ratio)
					}
				}
			}
			t.Logf("4000 a side: %.1f MB", float64(work[2])/(1<<20))
			if work[2] > 100<<20 {
				t.Errorf("4000 actions a side: allocated %d MB", work[2]>>20)
			}
		})
	}
}

// actionsPairwise is the matching as it was, every action scored against
// every other: the reference the indexed matching must agree with.
func (c *comparison) actionsPairwise() {
	olds, news := actionsOf(c.old, c.oldAns), actionsOf(c.new, c.newAns)
	byProv := map[string][]*act{}
	for _, o := range olds {
		byProv[o.prov] = append(byProv[o.prov], o)
	}
	var pairs []pair
	for _, n := range news {
		for _, l := range c.links(n.prov) {
			for _, o := range byProv[l.From] {
				if s := Similarity(o.a.Text, n.a.Text); s >= matchWithin {
					pairs = append(pairs, pair{o, n, s, l.Confidence})
				}
			}
		}
	}
	c.match(pairs, false)
	pairs = pairs[:0]
	for _, n := range news {
		if n.matched {
			continue
		}
		for _, o := range olds {
			if !o.matched {
				if s := Similarity(o.a.Text, n.a.Text); s >= matchAnywhere {
					pairs = append(pairs, pair{o, n, s, 0})
				}
			}
		}
	}
	c.match(pairs, true)
	for _, n := range news {
		if !n.matched {
			c.record(nil, n, false)
		}
	}
	for _, o := range olds {
		if !o.matched && o.a.IsOpen() {
			c.record(o, nil, false)
		}
	}
	for i := range c.out {
		slices.SortStableFunc(c.out[i].Actions, func(x, y Action) int { return cmp.Compare(x.order, y.order) })
	}
}

// TestActionMatchingAsPairwise: on random action plans small enough for no
// action to have more than maxCandidates candidates, the indexed matching
// gives exactly what scoring every pair gave, within a Code and across.
func TestActionMatchingAsPairwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 10))
	words := strings.Fields("review the policy train staff on complaints and report to board audit cases publish annual self-assessment")
	text := func() string {
		w := make([]string, 2+rng.IntN(7))
		for i := range w {
			w[i] = words[rng.IntN(len(words))]
		}
		return strings.Join(w, " ")
	}
	edit := func(s string) string {
		w := strings.Fields(s)
		switch rng.IntN(4) {
		case 0:
			return s
		case 1:
			w[rng.IntN(len(w))] = words[rng.IntN(len(words))]
		case 2:
			w = append(w, words[rng.IntN(len(words))])
		default:
			return strings.ToUpper(s[:1]) + s[1:] + "."
		}
		return strings.Join(w, " ")
	}
	plan := func(cat *codes.Catalogue, texts []string) *assessment.Assessment {
		ids := cat.OnForm()
		a := &assessment.Assessment{Code: cat.ID, Landlord: "X", Assessed: assessment.NewDate(2025, 5, 31)}
		at := map[string]int{}
		for _, tx := range texts {
			id := ids[rng.IntN(min(len(ids), 12))].ID
			j, ok := at[id]
			if !ok {
				j, at[id] = len(a.Answers), len(a.Answers)
				a.Answers = append(a.Answers, assessment.Answer{ID: id, Comply: assessment.Partial})
			}
			st := assessment.Open
			if rng.IntN(4) == 0 {
				st = assessment.Done
			}
			a.Answers[j].Actions = append(a.Answers[j].Actions, assessment.Action{Text: tx, Owner: "O", Status: st,
				Due: assessment.NewDate(2025, time.Month(1+rng.IntN(12)), 1)})
		}
		return a
	}
	asOf := assessment.NewDate(2025, 7, 1)
	for _, ids := range [][2]string{{"chc-2024", "chc-2024"}, {"chc-2022", "chc-2024"}} {
		oldCat, newCat := catalogue(t, ids[0]), catalogue(t, ids[1])
		m, err := lineage.Between(oldCat, newCat)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 150 {
			var olds, news []string
			for range rng.IntN(30) {
				olds = append(olds, text())
			}
			for _, o := range olds {
				if rng.IntN(3) > 0 {
					news = append(news, edit(o))
				}
			}
			for range rng.IntN(8) {
				news = append(news, text())
			}
			rng.Shuffle(len(news), func(i, j int) { news[i], news[j] = news[j], news[i] })
			old, new := plan(oldCat, olds), plan(newCat, news)
			var got [2][]Provision
			for k := range got {
				c := &comparison{m: m, old: old, new: new, asOf: asOf, oldAns: index(old), newAns: index(new), rowOf: map[string]int{}, titles: map[*codes.Catalogue]map[int]string{}}
				c.rows()
				if k == 0 {
					c.actions()
				} else {
					c.actionsPairwise()
				}
				got[k] = c.out
			}
			if !reflect.DeepEqual(got[0], got[1]) {
				t.Fatalf("%s to %s, plan %d: the indexed matching differs from the pairwise\nold %q\nnew %q", ids[0], ids[1], i, olds, news)
			}
		}
	}
}

// TestFinderFindsEveryPair: when the limit does not stop it, a finder's
// candidates include every action of its pool that scores the threshold:
// the prefix filter loses nothing.
func TestFinderFindsEveryPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 400)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%d", i)
	}
	text := func() []string {
		w := make([]string, 3+rng.IntN(10))
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return w
	}
	var olds, news []*act
	for range 200 {
		o := text()
		olds = append(olds, &act{words: o})
		n := slices.Clone(o)
		for range rng.IntN(3) {
			n[rng.IntN(len(n))] = vocab[rng.IntN(len(vocab))]
		}
		if rng.IntN(2) == 0 {
			n = append(n, vocab[rng.IntN(len(vocab))])
		}
		news = append(news, &act{words: n})
	}
	rankTokens(olds, news)
	for _, th := range []float64{matchWithin, matchAnywhere} {
		f := newFinder(olds, th)
		if f.index == nil {
			t.Fatal("the pool is not indexed")
		}
		complete, found := 0, 0
		for _, n := range news {
			cands, more := f.candidates(n, nil, map[*act]bool{})
			if !more {
				continue
			}
			complete++
			for _, o := range olds {
				if similarity(o.words, n.words) >= th {
					found++
					if !slices.Contains(cands, o) {
						t.Fatalf("t=%.2f: %q scores %.2f with %q but is not a candidate", th, o.words, similarity(o.words, n.words), n.words)
					}
				}
			}
		}
		t.Logf("t=%.2f: %d of %d searches complete, %d pairs found", th, complete, len(news), found)
		if complete < len(news)*9/10 || found < complete/2 {
			t.Errorf("t=%.2f: too few complete searches to test (%d of %d, %d pairs)", th, complete, len(news), found)
		}
	}
}
