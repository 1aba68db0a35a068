package main

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
)

// endless is a reader that never ends, as /dev/zero.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestReadAtMostStops: an input that never ends is refused after the limit,
// with memory in proportion to the limit, not to the input.
func TestReadAtMostStops(t *testing.T) {
	const limit = 4 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := readAtMost(endless{}, limit)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, errTooLarge) {
		t.Fatalf("err = %v, want errTooLarge", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 4*limit {
		t.Errorf("allocated %d bytes reading past a %d-byte limit", got, limit)
	}
}

func TestReadAtMost(t *testing.T) {
	tests := []struct {
		in    string
		limit int64
		err   error
	}{
		{"", 4, nil},
		{"abcd", 4, nil},
		{"abcde", 4, errTooLarge},
	}
	for _, tt := range tests {
		got, err := readAtMost(io.Reader(strings.NewReader(tt.in)), tt.limit)
		if !errors.Is(err, tt.err) {
			t.Errorf("%q, limit %d: err %v, want %v", tt.in, tt.limit, err, tt.err)
		}
		if err == nil && string(got) != tt.in {
			t.Errorf("%q: read %q", tt.in, got)
		}
	}
}
