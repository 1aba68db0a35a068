package assessment

import "testing"

func TestComplyRank(t *testing.T) {
	tests := []struct {
		c      Comply
		rank   int
		ranked bool
	}{
		{No, 1, true},
		{Partial, 2, true},
		{Yes, 3, true},
		{NA, 0, false},
		{Unanswered, 0, false},
	}
	for _, tt := range tests {
		r, ok := tt.c.Rank()
		if r != tt.rank || ok != tt.ranked {
			t.Errorf("%q.Rank() = %d, %v; want %d, %v", tt.c, r, ok, tt.rank, tt.ranked)
		}
	}
}
