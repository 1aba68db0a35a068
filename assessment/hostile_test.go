package assessment

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/csa-tool/csa/codes"
)

// aliasBomb is one provision with n aliased actions, itself aliased n times:
// a file of size n that reads as n² actions.
func aliasBomb(n int) []byte {
	var b strings.Builder
	b.WriteString("code: chc-2024\nlandlord: Example Homes\nassessed: 2025-05-31\nprovisions:\n")
	b.WriteString("  - &p\n    id: \"1.2\"\n    comply: no\n    actions:\n")
	b.WriteString("      - &a\n        action: Train the staff.\n        owner: Complaints Manager\n        due: 2025-01-01\n")
	for range n {
		b.WriteString("      - *a\n")
	}
	for range n {
		b.WriteString("  - *p\n")
	}
	return []byte(b.String())
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestAliasesAreCountedAgainstTheFile: aliases may not make a file read as
// much more than it holds. The alias bomb is one schema finding, at the
// alias it cannot follow, in a bounded amount of memory, not N² actions (an 18 KB file
// took 690 MB, a 54 KB one 13 GB).
func TestAliasesAreCountedAgainstTheFile(t *testing.T) {
	self := "code: chc-2024\nlandlord: L\nassessed: 2025-05-31\nprovisions: &p\n  - *p\n"
	// The aliases come close to the limit; the plain keys after them cross it.
	late := "list: &l [" + strings.Repeat("a, ", 49) + "a]\n"
	for i := range 187 { // 9,965 nodes read: just under the floor of 10,000
		late += fmt.Sprintf("x%d: *l\n", i)
	}
	for i := range 50 {
		late += fmt.Sprintf("y%d: v\n", i)
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"18 KB bomb", aliasBomb(1000)},
		{"54 KB bomb", aliasBomb(3000)},
		{"list inside itself", []byte(self)},
		{"crossing after the aliases", []byte(late)},
		{"a long id aliased", []byte("code: chc-2024\nlandlord: L\nassessed: 2025-05-31\nprovisions:\n  - &p\n    id: \"" +
			strings.Repeat("6", 100000) + "\"\n    comply: yes\n" + strings.Repeat("  - *p\n", 1000))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a *Assessment
			var fs []Finding
			bytes := allocated(func() { a, fs = Validate("bomb.yaml", tt.data, Options{AsOf: NewDate(2025, 7, 1)}) })
			if bytes > 100<<20 {
				t.Errorf("%d KB of YAML took %d MB", len(tt.data)>>10, bytes>>20)
			}
			if a != nil || len(fs) != 1 || fs[0].Rule != RuleSchema || !strings.Contains(fs[0].Message, "alias") {
				t.Fatalf("want one schema finding about aliases, got %d findings, first %v", len(fs), first(fs))
			}
			if line := strings.Split(string(tt.data), "\n")[fs[0].Line-1]; !strings.HasPrefix(line[fs[0].Col-1:], "*") {
				t.Errorf("the finding is at %d:%d, not at an alias: %q", fs[0].Line, fs[0].Col, line)
			}
		})
	}
}

func first(fs []Finding) string {
	if len(fs) == 0 {
		return "none"
	}
	return fmt.Sprintf("%d:%d %s %s", fs[0].Line, fs[0].Col, fs[0].Rule, fs[0].Message)
}

// TestModestAliasesStillRead: an owner or an action written once and
// aliased a few times is read as written out.
func TestModestAliasesStillRead(t *testing.T) {
	a, fs := Parse("a.yaml", aliasBomb(8))
	if len(fs) != 0 || len(a.Answers) != 9 || len(a.Answers[8].Actions) != 9 || a.Answers[8].Actions[8].Owner != "Complaints Manager" {
		t.Fatalf("findings %v; answers %d", fs, len(a.Answers))
	}
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
	opts := Options{AsOf: NewDate(2025, 7, 1), Catalogues: codes.Within(dir)}
	for name, shape := range shapes {
		t.Run(name, func(t *testing.T) {
			const n = 500
			small, big := shape(dir, n), shape(dir, 8*n)
			a := allocated(func() { Validate("a.yaml", small, opts) })
			b := allocated(func() { Validate("a.yaml", big, opts) })
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
	opts := Options{AsOf: NewDate(2025, 7, 1), Catalogues: codes.Within(dir)}
	b.ReportAllocs()
	for b.Loop() {
		Validate("a.yaml", data, opts)
	}
}

// BenchmarkGapsBigCatalogue lists the gaps of 20,000 answers against a
// 20,000-provision catalogue: each provision looked for its answer by
// walking every answer.
func BenchmarkGapsBigCatalogue(b *testing.B) {
	dir := b.TempDir()
	var cat, a strings.Builder
	cat.WriteString("catalogue: big\nprovisions:\n")
	a.WriteString("code: big.yaml\nlandlord: L\nassessed: 2025-05-31\nprovisions:\n")
	for i := range 20000 {
		fmt.Fprintf(&cat, "  - id: \"%d.%d\"\n", i/500+1, i%500+1)
		fmt.Fprintf(&a, "  - id: \"%d.%d\"\n    comply: no\n", i/500+1, i%500+1)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.yaml"), []byte(cat.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	c, err := codes.Lookup("big.yaml", dir)
	if err != nil {
		b.Fatal(err)
	}
	as, fs := Parse("a.yaml", []byte(a.String()))
	if len(fs) > 0 {
		b.Fatal(fs)
	}
	entries := []Entry{{Assessment: as, Catalogue: c}}
	b.ReportAllocs()
	for b.Loop() {
		if gaps := Gaps(entries); len(gaps) != 20000 {
			b.Fatalf("%d gaps", len(gaps))
		}
	}
}
