package load

import (
	"runtime"
	"sync"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/rules"
)

// Options are what checking needs besides the files.
type Options struct {
	AsOf assessment.Date // "today"; the zero Date skips the date rules
}

// Check reads an assessment for csa check and applies every rule. A file
// found in a folder that is proven not to be an assessment is skipped (its
// Kind says why); a catalogue named on the command line is one finding
// saying what it is, not one for each of its hundreds of keys. Anything
// else is read as an assessment, so that a mistyped key at the top is
// named.
func Check(in Input, opts Options) *File {
	f := &File{Name: in.Name, Data: in.Data, Kind: assessment.KindOf(in.Data)}
	switch {
	case f.Kind == assessment.MaybeAssessment:
	case in.Found:
		f.Skipped = f.Kind.Why()
		return f
	case f.Kind == assessment.CatalogueFile:
		f.Findings = []assessment.Finding{{Rule: rules.Schema.Name, Severity: rules.Schema.Severity,
			File: in.Name, Line: 1, Col: 1, Message: "this file is " + f.Kind.Why() + ": csa check reads assessments"}}
		return f
	}
	f.parse(in)
	if f.Assessment != nil {
		f.Findings = append(f.Findings, rules.Check(f.Assessment, f.Catalogue, f.catErr, rules.Options{AsOf: opts.AsOf})...)
	}
	assessment.SortFindings(f.Findings)
	return f
}

// Source is one file handed to CheckAll.
type Source = Input

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
				f := Check(srcs[i], opts)
				out[i] = Result{Name: f.Name, Assessment: f.Assessment, Findings: f.Findings, Skipped: f.Skipped}
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
