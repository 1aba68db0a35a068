package diff

import (
	"cmp"
	"math"
	"slices"
)

// This file finds, for one of this year's actions, the few of last year's
// that its wording might score a threshold with, without scoring every
// pair. Similarity is twice the longest run of common words over the words
// of both, which is at most the Dice score of their words taken as sets (a
// word's second use a token of its own). Two sets that score at least t
// share a token among the first few of each, taken rarest first (prefix
// filtering, from the literature on similarity joins), so an index of
// those first tokens gives every pair that can score enough. Where hostile
// or templated text makes that more than maxCandidates, an action keeps
// the candidates its rarest tokens gave before the limit.

// maxCandidates bounds the actions one action's wording is scored against,
// beyond those with the same words, so that matching stays near linear in
// the number of actions: comparing each with each took minutes.
const maxCandidates = 64

// token is a word and which use of it in its text (0 the first).
type token struct {
	word string
	use  int
}

// rankTokens gives each action its tokens, rarest first across all the
// actions given.
func rankTokens(groups ...[]*act) {
	freq := map[token]int{}
	for _, g := range groups {
		for _, a := range g {
			seen := map[string]int{}
			a.toks = make([]token, len(a.words))
			for i, w := range a.words {
				a.toks[i] = token{w, seen[w]}
				seen[w]++
				freq[a.toks[i]]++
			}
		}
	}
	for _, g := range groups {
		for _, a := range g {
			slices.SortFunc(a.toks, func(x, y token) int {
				return cmp.Or(cmp.Compare(freq[x], freq[y]), cmp.Compare(x.word, y.word), cmp.Compare(x.use, y.use))
			})
		}
	}
}

// prefix is how many of a set's rarest tokens include one of any set that
// scores at least t with it: all but the overlap that score needs, plus one.
func prefix(n int, t float64) int {
	need := int(math.Ceil(t*float64(n)/(2-t) - 1e-9))
	return min(max(n-need+1, 0), n)
}

// finder finds candidates among a pool of last year's actions.
type finder struct {
	t     float64
	pool  []*act
	index map[token][]*act // first tokens -> actions, once the pool is large
}

func newFinder(pool []*act, t float64) *finder {
	f := &finder{t: t, pool: pool}
	if len(pool) > maxCandidates {
		f.index = map[token][]*act{}
		for _, o := range pool {
			for _, tk := range o.toks[:prefix(len(o.toks), t)] {
				f.index[tk] = append(f.index[tk], o)
			}
		}
	}
	return f
}

// candidates adds to cands the unmatched actions of the pool that n might
// score f.t with, up to maxCandidates in all; seen marks those already in
// cands. It reports false once the limit stopped it.
func (f *finder) candidates(n *act, cands []*act, seen map[*act]bool) ([]*act, bool) {
	// A token's actions are taken all or none; a token so common that it
	// lists more than a few times the limit is not looked through.
	add := func(list []*act) bool {
		if len(list) > 4*maxCandidates {
			return false
		}
		n := 0
		for _, o := range list {
			if !o.matched && !seen[o] {
				n++
			}
		}
		if len(cands)+n > maxCandidates {
			return false
		}
		for _, o := range list {
			if !o.matched && !seen[o] {
				seen[o] = true
				cands = append(cands, o)
			}
		}
		return true
	}
	if f.index == nil {
		return cands, add(f.pool)
	}
	for _, tk := range n.toks[:prefix(len(n.toks), f.t)] {
		if !add(f.index[tk]) {
			return cands, false
		}
	}
	return cands, true
}

// nearlySame returns the pairs of unmatched actions, anywhere in the two
// assessments, scoring at least matchAnywhere.
func nearlySame(olds, news []*act) []pair {
	var pool []*act
	for _, o := range olds {
		if !o.matched {
			pool = append(pool, o)
		}
	}
	f := newFinder(pool, matchAnywhere)
	var pairs []pair
	for _, n := range news {
		if n.matched {
			continue
		}
		cands, _ := f.candidates(n, nil, map[*act]bool{})
		for _, o := range cands {
			x, y := len(o.words), len(n.words)
			if 2*float64(min(x, y)) < matchAnywhere*float64(x+y) {
				continue // too different in length to score enough
			}
			if s := similarityAtLeast(o.words, n.words, matchAnywhere); s >= matchAnywhere {
				pairs = append(pairs, pair{o, n, s, 0})
			}
		}
	}
	return pairs
}
