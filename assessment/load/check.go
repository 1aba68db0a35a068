package load

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/figures"
	"github.com/csa-tool/csa/assessment/rules"
	"github.com/csa-tool/csa/codes"
)

// Options are what checking needs besides the files.
type Options struct {
	AsOf assessment.Date // "today"; the zero Date skips the date rules
	// Threshold is the figures cross-check's --missed-threshold, in percent.
	Threshold float64
}

// Check reads an assessment for csa check and applies every rule. A file
// found in a folder that is proven not to be an assessment is skipped
// (Skipped says why); a catalogue named on the command line is one finding
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

// Result is what csa check keeps of a file: its name and findings, or why
// it was skipped.
type Result struct {
	Name     string
	Findings []assessment.Finding
	Skipped  string // why a file found in a folder is not an assessment; "" when checked
}

// CheckAll checks n files, the i-th as read gives it, and returns what the
// output needs of each, in the files' order whatever order the work
// finished in. Files are read, checked and dropped one per core at a time,
// so memory holds the findings, not the files: ten thousand files are
// checked in the memory of a few. Complaint figures files (kind: figures)
// are checked last, with package figures: their cross-check reads the
// period's assessment beside them, which CheckAll keeps, cut down to what
// the cross-check reads, for every assessment it checks.
//
// When read fails, CheckAll stops and returns the error of the first file
// (in order) that could not be read, as a check of the files read whole
// first would.
func CheckAll(n int, read func(i int) (Input, error), opts Options) ([]Result, error) {
	out := make([]Result, n)
	seen := &checked{byPath: map[string]*brief{}}
	var (
		mu      sync.Mutex
		next    int
		failed  = n // the first file that could not be read
		readErr error
		figs    = map[int]Input{} // small, and few: kept for the second pass
	)
	var wg sync.WaitGroup
	for range workerCount(n) {
		wg.Go(func() {
			for {
				mu.Lock()
				if next >= n || next > failed {
					mu.Unlock()
					return
				}
				i := next
				next++
				mu.Unlock()
				in, err := read(i)
				if err != nil {
					mu.Lock()
					if i < failed {
						failed, readErr = i, err
					}
					mu.Unlock()
					continue
				}
				if figures.IsFigures(in.Data) {
					mu.Lock()
					figs[i] = in
					mu.Unlock()
					seen.add(in.Name, figuresBrief)
					continue
				}
				f := Check(in, opts)
				out[i] = Result{Name: f.Name, Findings: f.Findings, Skipped: f.Skipped}
				seen.add(in.Name, briefOf(f))
			}
		})
	}
	wg.Wait()
	if readErr != nil {
		return nil, readErr
	}
	for i, in := range figs {
		out[i] = Result{Name: in.Name, Findings: figures.Check(in.Name, in.Data, figures.CheckOptions{
			Threshold:  opts.Threshold,
			Catalogues: in.Catalogues,
			Assessment: func(path string) figures.Found { return seen.find(path, in.Catalogues) },
		})}
	}
	return out, nil
}

// workerCount is how many files are checked at once: one per core.
func workerCount(files int) int { return max(1, min(runtime.GOMAXPROCS(0), files)) }

// checked are the files CheckAll has read, by path, as the figures
// cross-check asks for them: each cut down to a brief.
type checked struct {
	mu     sync.Mutex
	byPath map[string]*brief
}

func (c *checked) add(name string, b *brief) {
	c.mu.Lock()
	c.byPath[filepath.Clean(name)] = b
	c.mu.Unlock()
}

// find returns the file at path: as CheckAll read it, or, when it was not
// among the files checked, read from the disk now.
func (c *checked) find(path string, catalogues codes.Resolver) figures.Found {
	c.mu.Lock()
	b, ok := c.byPath[filepath.Clean(path)]
	c.mu.Unlock()
	if ok {
		return b.found()
	}
	data, err := readFile(path)
	if err != nil {
		return figures.Found{Err: err}
	}
	if figures.IsFigures(data) {
		return figures.Found{Not: "a figures file"}
	}
	return briefOf(Read(Input{Name: path, Data: data, Catalogues: catalogues})).found()
}

// brief is what the figures cross-check reads of a file: whether it is an
// assessment; its landlord, period and catalogue; and its answers to the
// provisions that set a timescale a complaints log is counted against. CheckAll
// keeps one for each file it checks, so it is small.
type brief struct {
	not                    string // what the file is, when not an assessment
	file, landlord, period string
	read                   bool // the assessment could be read
	cat                    *codes.Catalogue
	answers                []briefAnswer
}

type briefAnswer struct {
	id             string
	comply         assessment.Comply
	pos, complyPos assessment.Pos
}

var figuresBrief = &brief{not: "a figures file"}

func briefOf(f *File) *brief {
	if f.Kind != assessment.MaybeAssessment {
		return &brief{not: f.Kind.Why()}
	}
	a, cat := f.Assessment, f.Catalogue
	if a == nil {
		return &brief{}
	}
	b := &brief{file: a.File, landlord: a.Landlord, period: a.Period, read: true, cat: cat}
	if cat == nil {
		return b
	}
	n := 0
	for _, ans := range a.Answers {
		if p, ok := cat.Provision(ans.ID); ok && measured(p) {
			n++
		}
	}
	b.answers = make([]briefAnswer, 0, n)
	for _, ans := range a.Answers {
		if p, ok := cat.Provision(ans.ID); ok && measured(p) {
			b.answers = append(b.answers, briefAnswer{ans.ID, ans.Comply, ans.Pos, ans.ComplyPos})
		}
	}
	return b
}

// found is the brief as the cross-check takes it.
func (b *brief) found() figures.Found {
	if b.not != "" || !b.read {
		return figures.Found{Not: b.not}
	}
	a := &assessment.Assessment{File: b.file, Landlord: b.landlord, Period: b.period}
	for _, x := range b.answers {
		a.Answers = append(a.Answers, assessment.Answer{ID: x.id, Comply: x.comply, Pos: x.pos, ComplyPos: x.complyPos})
	}
	return figures.Found{Entry: assessment.Entry{Assessment: a, Catalogue: b.cat}}
}

// measured reports whether a provision sets a timescale a complaints log
// is counted against.
func measured(p *codes.Provision) bool {
	for _, t := range p.Timescales {
		if t.Measure != "" {
			return true
		}
	}
	return false
}

// maxFile bounds a file the cross-check reads that csa check was not given:
// as csa reads an assessment named on the command line.
const maxFile = 32 << 20

// readFile reads a regular file of at most maxFile bytes: the assessment a
// figures file names may be a device (assessment: /dev/zero) or a pipe. A
// file that is not there keeps os.Stat's error (fs.ErrNotExist).
func readFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, err
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("%s is not a regular file", path)
	case info.Size() > maxFile:
		return nil, fmt.Errorf("%s is larger than %d MB", path, maxFile>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFile+1))
	if err == nil && len(data) > maxFile {
		err = errors.New("too large")
	}
	return data, err
}
