package assessment

import (
	"bytes"
	"runtime"
	"sync"

	"go.yaml.in/yaml/v3"
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
	Assessment *Assessment // nil when the YAML is broken or the file was skipped
	Findings   []Finding
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
	if ok, why := LooksLikeAssessment(src.Data); !ok {
		if src.Found {
			return Result{Name: src.Name, Skipped: why}
		}
		// Named on the command line, a catalogue gets one finding saying what
		// it is, not one for each of its hundreds of keys. Anything else is
		// checked, so that a mistyped key at the top is named.
		if why == whyCatalogue {
			return Result{Name: src.Name, Findings: []Finding{{Rule: RuleSchema, Severity: Error,
				File: src.Name, Line: 1, Col: 1, Message: "this file is " + why + ": csa check reads assessments"}}}
		}
	}
	a, fs := Validate(src.Name, src.Data, opts)
	return Result{Name: src.Name, Assessment: a, Findings: fs}
}

const whyCatalogue = "a catalogue, not an assessment"

// LooksLikeAssessment reports whether YAML has a top-level code or provisions
// key and no catalogue key, and if not, why not. Folders also hold CI
// workflows and catalogues, which check skips. Most files answer from their
// lines (code: at the start of one), so a folder walk does not parse every
// file twice; the rest are parsed, so that "code :", a quoted "code" or a
// byte order mark cannot make an assessment pass unchecked.
func LooksLikeAssessment(data []byte) (ok bool, why string) {
	const notAssessment = "not an assessment (no code: or provisions:)"
	for rest := data; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		switch {
		case bytes.HasPrefix(line, []byte("catalogue:")):
			return false, whyCatalogue
		case bytes.HasPrefix(line, []byte("code:")), bytes.HasPrefix(line, []byte("provisions:")):
			return true, ""
		}
	}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return true, "" // UTF-16: the loader says what is wrong with it
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return false, notAssessment
	}
	top := doc.Content[0].Content
	found := false
	for i := 0; i+1 < len(top); i += 2 {
		switch top[i].Value {
		case "catalogue":
			return false, whyCatalogue
		case "code", "provisions":
			found = true
		}
	}
	if !found {
		return false, notAssessment
	}
	return true, ""
}
