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
			bytes := allocated(func() { a, fs = Parse("bomb.yaml", tt.data) })
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
