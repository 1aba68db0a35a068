package assessment

import (
	"fmt"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/codes"
)

// generated returns n assessments against chc-2024, every provision on the
// form answered, shaped like a real one: mostly yes with a few lines of
// evidence, some partial and no answers with actions.
func generated(tb testing.TB, n int) []Source {
	tb.Helper()
	cat, err := codes.Lookup("chc-2024", "")
	if err != nil {
		tb.Fatal(err)
	}
	srcs := make([]Source, n)
	for i := range srcs {
		var b strings.Builder
		fmt.Fprintf(&b, "code: chc-2024\nlandlord: Landlord %d\nassessed: 2025-05-31\nperiod: 2024/25\n", i)
		b.WriteString("approved:\n  by: Board\n  on: 2025-06-19\nprovisions:\n")
		for j, p := range cat.OnForm() {
			fmt.Fprintf(&b, "  - id: %q\n", p.ID)
			switch (i + j) % 9 {
			case 0:
				b.WriteString("    comply: partial\n")
			case 4:
				b.WriteString("    comply: no\n")
			default:
				b.WriteString("    comply: yes\n")
			}
			fmt.Fprintf(&b, "    evidence: |\n      Complaints Policy section %d.%d sets this out, and the quarterly audit of\n      twenty cases found it followed in every case; staff guidance was updated in\n      March and the Customer Services Committee reviewed the results.\n", i%9+1, j)
			if (i+j)%3 == 0 {
				b.WriteString("    commentary: Reviewed by the Head of Customer Experience each quarter.\n")
			}
			if (i+j)%9 == 0 || (i+j)%9 == 4 {
				b.WriteString("    actions:\n      - action: Update the procedure and train the team.\n        owner: Complaints Manager\n        due: 2025-09-30\n        status: open\n")
			}
		}
		srcs[i] = Source{Name: fmt.Sprintf("gen/%04d.yaml", i), Data: []byte(b.String())}
	}
	return srcs
}

func TestGeneratedAssessmentsAreClean(t *testing.T) {
	for _, r := range CheckAll(generated(t, 3), Options{AsOf: NewDate(2025, 7, 1)}) {
		if len(r.Findings) > 0 {
			t.Errorf("%s: %v", r.Name, r.Findings)
		}
	}
}

// BenchmarkCheck1000 checks 1,000 generated 72-provision assessments: the
// whole of csa check after the files are read.
func BenchmarkCheck1000(b *testing.B) {
	srcs := generated(b, 1000)
	opts := Options{AsOf: NewDate(2025, 7, 1)}
	b.ResetTimer()
	for b.Loop() {
		CheckAll(srcs, opts)
	}
}

// BenchmarkDecode1000 merely decodes the same files with yaml.v3, in
// parallel like CheckAll: the floor csa check is measured against.
func BenchmarkDecode1000(b *testing.B) {
	srcs := generated(b, 1000)
	b.ResetTimer()
	for b.Loop() {
		done := make(chan struct{})
		next := make(chan int)
		workers := workerCount(len(srcs))
		for range workers {
			go func() {
				for i := range next {
					var n yaml.Node
					if err := yaml.Unmarshal(srcs[i].Data, &n); err != nil {
						b.Error(err)
					}
				}
				done <- struct{}{}
			}()
		}
		for i := range srcs {
			next <- i
		}
		close(next)
		for range workers {
			<-done
		}
	}
}

// BenchmarkCheckOne checks one 72-provision assessment.
func BenchmarkCheckOne(b *testing.B) {
	src := generated(b, 1)[0]
	opts := Options{AsOf: NewDate(2025, 7, 1)}
	b.ResetTimer()
	for b.Loop() {
		Validate(src.Name, src.Data, opts)
	}
}
