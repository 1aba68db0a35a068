package load

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// shapes are files built to make csa check do more than linear work: each
// function returns an assessment of about n provisions, keys or lines, and
// the catalogue it names (written to dir), if any.
var shapes = map[string]func(dir string, n int) []byte{
	// Unknown ids against a big catalogue of the landlord's: each was told
	// the ids of its section, found by walking the whole catalogue.
	"unknown ids, big catalogue": func(dir string, n int) []byte {
		return bigCatalogue(dir, n, "yes\n    evidence: x")
	},
	"unknown keys": func(_ string, n int) []byte {
		var a strings.Builder
		a.WriteString("code: chc-2024\nlandlord: L\nassessed: 2025-05-31\nprovisions:\n  - id: \"1.2\"\n    comply: yes\n    evidence: x\n")
		for i := range n {
			fmt.Fprintf(&a, "    evidnce%d: x\n", i)
		}
		return []byte(a.String())
	},
	"answered many times": func(_ string, n int) []byte {
		var a strings.Builder
		a.WriteString("code: chc-2024\nlandlord: L\nassessed: 2025-05-31\nprovisions:\n")
		for range n {
			a.WriteString("  - id: \"1.2\"\n    comply: no\n")
		}
		return []byte(a.String())
	},
	"overdue actions": func(_ string, n int) []byte {
		var a strings.Builder
		a.WriteString("code: chc-2024\nlandlord: L\nassessed: 2025-05-31\nprovisions:\n  - id: \"1.2\"\n    comply: no\n    actions:\n")
		for range n {
			a.WriteString("      - action: Train staff.\n        owner: O\n        due: 2025-01-01\n")
		}
		return []byte(a.String())
	},
	"one long sentence": func(_ string, n int) []byte {
		return []byte("code: chc-2024\nlandlord: L\nassessed: 2025-05-31\nprovisions:\n  - id: \"1.2\"\n    comply: yes\n    evidence: " +
			strings.Repeat("we do always meet the time ", n) + "\n")
	},
	"many lines of evidence": func(_ string, n int) []byte {
		return []byte("code: chc-2024\nlandlord: L\nassessed: 2025-05-31\nprovisions:\n  - id: \"1.2\"\n    comply: yes\n    evidence: |\n" +
			strings.Repeat("      we do always meet\n      the timescales <p> &amp; (yes)\n", n) + "      we are not consistently meeting this\n")
	},
	"many aliases within bounds": func(_ string, n int) []byte {
		var a strings.Builder
		a.WriteString("code: chc-2024\nlandlord: &l L\nassessed: 2025-05-31\nprovisions:\n")
		for i := range n {
			fmt.Fprintf(&a, "  - id: \"9.%d\"\n    comply: yes\n    evidence: *l\n", i)
		}
		return []byte(a.String())
	},
	"syntax error at the end": func(_ string, n int) []byte {
		return []byte("code: chc-2024\nlandlord: L\nassessed: 2025-05-31\nprovisions:\n" +
			strings.Repeat("  - id: \"1.2\"\n    comply: yes\n", n) + "  - id: [\n")
	},
}

// bigCatalogue writes a catalogue of n provisions, 500 to a section, and
// returns an assessment answering as many provisions it does not have, each
// answered comply.
func bigCatalogue(dir string, n int, comply string) []byte {
	name := filepath.Join(dir, fmt.Sprintf("big%d.yaml", n))
	var cat, a strings.Builder
	cat.WriteString("catalogue: big\nprovisions:\n")
	a.WriteString("code: " + filepath.ToSlash(name) + "\nlandlord: L\nassessed: 2025-05-31\nprovisions:\n")
	for i := range n {
		fmt.Fprintf(&cat, "  - id: \"%d.%d\"\n    on_form: false\n", i/500+1, i%500+1)
		fmt.Fprintf(&a, "  - id: \"%d.%d\"\n    comply: %s\n", i/499+1, 501+i%499, comply)
	}
	if err := os.WriteFile(name, []byte(cat.String()), 0o644); err != nil {
		panic(err)
	}
	return []byte(a.String())
}

// TestCheckGrowsWithTheFile: for each shape, checking a file eight times
// bigger allocates at most about eight times more (n log n allows a little
// over; quadratic work would be 64 times). Bytes allocated, not time, so the
// test is the same on any machine.
func TestCheckGrowsWithTheFile(t *testing.T) {
	dir := t.TempDir()
	opts := Options{AsOf: assessment.NewDate(2025, 7, 1)}
	check := func(data []byte) { Check(Input{Name: "a.yaml", Data: data, Catalogues: codes.Within(dir)}, opts) }
	for name, shape := range shapes {
		t.Run(name, func(t *testing.T) {
			const n = 500
			small, big := shape(dir, n), shape(dir, 8*n)
			a := allocated(func() { check(small) })
			b := allocated(func() { check(big) })
			if ratio := float64(b) / float64(a); ratio > 12 {
				t.Errorf("8 times the file (%d KB) allocated %.1f times as much (%d KB, then %d KB)", len(big)>>10, ratio, a>>10, b>>10)
			}
		})
	}
}

// BenchmarkUnknownIDsBigCatalogue checks 20,000 answers to provisions a
// 20,000-provision catalogue does not have: the hint naming each section's
// ids walked the whole catalogue for each.
func BenchmarkUnknownIDsBigCatalogue(b *testing.B) {
	dir := b.TempDir()
	data := bigCatalogue(dir, 20000, "yes\n    evidence: x")
	in := Input{Name: "a.yaml", Data: data, Catalogues: codes.Within(dir)}
	opts := Options{AsOf: assessment.NewDate(2025, 7, 1)}
	b.ReportAllocs()
	for b.Loop() {
		Check(in, opts)
	}
}
