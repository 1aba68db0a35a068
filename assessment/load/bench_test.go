package load

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/fastyaml"
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

// groups returns n generated group assessments (see generate.Groups).
func groups(tb testing.TB, n int) []Input {
	tb.Helper()
	names, files := generate.Groups(n)
	ins := make([]Input, n)
	for i := range ins {
		ins[i] = Input{Name: names[i], Data: files[i]}
	}
	return ins
}

func TestGeneratedAssessmentsAreClean(t *testing.T) {
	ins := append(generated(t, 3), groups(t, 24)...)
	for _, r := range checkAll(t, ins, Options{AsOf: assessment.NewDate(2025, 7, 1)}) {
		if len(r.Findings) > 0 {
			t.Errorf("%s: %v", r.Name, r.Findings)
		}
	}
}

// TestGeneratedGroupsDiffer: the group benchmark reads what it means to:
// every file takes the fast path and has entities answering differently.
func TestGeneratedGroupsDiffer(t *testing.T) {
	for _, in := range groups(t, 3) {
		a, fs := assessment.Parse(in.Name, in.Data)
		if len(fs) > 0 || len(a.Entities) != 3 {
			t.Fatalf("%s: %v", in.Name, fs)
		}
		own := 0
		for _, ans := range a.Answers {
			own += len(ans.Entities)
		}
		if own < 6 {
			t.Errorf("%s: only %d answers of an entity's own", in.Name, own)
		}
		if _, ok := fastyaml.Parse(in.Data); !ok {
			t.Errorf("%s does not take the fast path", in.Name)
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

// BenchmarkCheckGroups1000 checks 1,000 generated group assessments, three
// entities each, with about one provision in eight answered differently by
// one entity: to be measured against BenchmarkCheck1000 (within 1.2 times).
func BenchmarkCheckGroups1000(b *testing.B) {
	srcs := groups(b, 1000)
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
