package assessment

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/assessment/internal/fastyaml"
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

const whyFigures = "complaint figures (kind: figures), not an assessment"

const whyCatalogue = "a catalogue, not an assessment"

const whyAnnual = "an annual complaints report (kind: annual), not an assessment"

// LooksLikeAssessment reports whether data might be an assessment, and if
// not, why not. A folder walk skips only files proven not to be one: YAML
// that reads cleanly as a set of keys with none an assessment has (a CI
// workflow), or a catalogue by its keys. Anything else is checked, so that a
// file csa cannot read is a finding rather than a skip: "code :" with a
// syntax error, a quoted landlord whose next line starts "catalogue:", an
// assessment with a catalogue key added, an empty file, a byte order mark.
// A document that is text, not keys, is not one.
// A file with a line starting "code:" answers without being parsed, so a
// folder walk does not parse every assessment twice.
func LooksLikeAssessment(data []byte) (ok bool, why string) {
	const notAssessment = "not an assessment (no code: or provisions:)"
	for rest := data; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if bytes.HasPrefix(line, []byte("code:")) {
			return true, ""
		}
	}
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		return true, "" // UTF-16: the loader says what is wrong with it
	}
	top, ok := onlyDocument(data)
	if !ok {
		return true, "" // not YAML, or more than one document: the loader says what is wrong
	}
	switch top.Kind {
	case yaml.MappingNode:
		return keysSay(top)
	case yaml.SequenceNode:
		for _, item := range top.Content {
			if item.Kind == yaml.MappingNode {
				if ok, _ := keysSay(item); ok {
					return true, ""
				}
			}
		}
		return false, notAssessment
	case yaml.ScalarNode:
		if top.Tag != "!!null" {
			return false, notAssessment // text: a CSV file, say
		}
	}
	return true, "" // nothing in it, or an alias: the loader says what is wrong
}

// onlyDocument returns the top node of data's one document, or ok=false when
// data is not YAML, holds no document or more than one.
func onlyDocument(data []byte) (*yaml.Node, bool) {
	if doc, ok := fastyaml.Parse(data); ok {
		return doc.Content[0], true
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc, extra yaml.Node
	if dec.Decode(&doc) != nil || len(doc.Content) == 0 || !errors.Is(dec.Decode(&extra), io.EOF) {
		return nil, false
	}
	return doc.Content[0], true
}

// assessmentOnly are the top-level keys of an assessment that a catalogue
// does not have (both have provisions).
var assessmentOnly = []string{"code", "landlord", "assessed", "period", "approved", "published"}

// keysSay reads a mapping's keys: a catalogue has a catalogue key and none
// only an assessment has; anything with a key of an assessment (in any
// case) might be one; the rest is not.
func keysSay(m *yaml.Node) (ok bool, why string) {
	catalogue, assessment := false, false
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := strings.ToLower(strings.TrimSpace(m.Content[i].Value))
		// Another kind of csa file says so (kind: figures); an assessment has
		// no kind key.
		if v := m.Content[i+1]; key == "kind" && v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) == "figures" {
			return false, whyFigures
		}
		if v := m.Content[i+1]; key == "kind" && v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) == "annual" {
			return false, whyAnnual
		}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := strings.ToLower(strings.TrimSpace(m.Content[i].Value))
		switch {
		case key == "catalogue":
			catalogue = true
		case slices.Contains(assessmentOnly, key):
			return true, ""
		case key == "provisions":
			assessment = true
		}
	}
	switch {
	case catalogue:
		return false, whyCatalogue
	case assessment:
		return true, ""
	}
	return false, "not an assessment (no code: or provisions:)"
}
