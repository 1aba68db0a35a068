package load

import (
	"runtime"
	"sync"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/rules"
)

// Source is one file handed to CheckAll.
type Source struct {
	Name string
	Data []byte
	// Found is true when the file was found by walking a folder rather than
	// named; such a file is skipped if it is not an assessment.
	Found bool
}

// Result is the outcome of checking one Source.
type Result struct {
	Name       string
	Assessment *assessment.Assessment // nil when the YAML is broken or the file was skipped
	Findings   []assessment.Finding
	Skipped    string // why a file found in a folder is not an assessment; "" when checked
}

// CheckAll validates many files in parallel. Results come back in the order
// of srcs, whatever order the work finished in.
func CheckAll(srcs []Source, opts Options) []Result {
	out := make([]Result, len(srcs))
	workers := workerCount(len(srcs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = checkOne(srcs[i], opts)
			}
		}()
	}
	for i := range srcs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// workerCount is how many files are checked at once: one per core.
func workerCount(files int) int { return max(1, min(runtime.GOMAXPROCS(0), files)) }

func checkOne(src Source, opts Options) Result {
	if kind := assessment.KindOf(src.Data); kind != assessment.MaybeAssessment {
		if src.Found {
			return Result{Name: src.Name, Skipped: kind.Why()}
		}
		// Named on the command line, a catalogue gets one finding saying what
		// it is, not one for each of its hundreds of keys. Anything else is
		// checked, so that a mistyped key at the top is named.
		if kind == assessment.CatalogueFile {
			return Result{Name: src.Name, Findings: []assessment.Finding{{Rule: rules.Schema.Name, Severity: rules.Schema.Severity,
				File: src.Name, Line: 1, Col: 1, Message: "this file is " + kind.Why() + ": csa check reads assessments"}}}
		}
	}
	a, fs := Validate(src.Name, src.Data, opts)
	return Result{Name: src.Name, Assessment: a, Findings: fs}
}
