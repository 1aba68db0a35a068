package load

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/generate"
)

// generated returns n generated 72-provision assessments (see
// generate.Assessments) as inputs.
func generated(tb testing.TB, n int) []Input {
	tb.Helper()
	names, files := generate.Assessments(n)
	ins := make([]Input, n)
	for i := range ins {
		ins[i] = Input{Name: names[i], Data: files[i]}
	}
	return ins
}

// checkAll is CheckAll over inputs already read.
func checkAll(tb testing.TB, ins []Input, opts Options) []Result {
	res, err := CheckAll(len(ins), func(i int) (Input, error) { return ins[i], nil }, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}
func TestGeneratedAssessmentsAreClean(t *testing.T) {
	for _, r := range checkAll(t, generated(t, 3), Options{AsOf: assessment.NewDate(2025, 7, 1)}) {
		if len(r.Findings) > 0 {
			t.Errorf("%s: %v", r.Name, r.Findings)
		}
	}
}

// BenchmarkCheck1000 checks 1,000 generated 72-provision assessments: the
// whole of csa check after the files are read.
func BenchmarkCheck1000(b *testing.B) {
	srcs := generated(b, 1000)
	opts := Options{AsOf: assessment.NewDate(2025, 7, 1)}
	b.ResetTimer()
	for b.Loop() {
		checkAll(b, srcs, opts)
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
	opts := Options{AsOf: assessment.NewDate(2025, 7, 1)}
	b.ResetTimer()
	for b.Loop() {
		Check(src, opts)
	}
}
