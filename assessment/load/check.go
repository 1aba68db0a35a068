package load

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/annual"
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
// checked in the memory of a few. The files that read assessments are
// checked last: complaint figures files (kind: figures) with package
// figures, whose cross-check reads the period's assessment beside them,
// and annual complaints reports (kind: annual) with package annual, which
// reads the self-assessment they name. Either asks CheckAll for the
// assessment, which it keeps, cut down to what they read, for every
// assessment it checks.
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
		later   = map[int]Input{} // figures files and annual reports: small, and few, kept for the second pass
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
				if b, ok := laterBriefs[laterKind(in.Data)]; ok {
					mu.Lock()
					later[i] = in
					mu.Unlock()
					seen.add(in.Name, b)
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
	for i, in := range later {
		out[i] = Result{Name: in.Name, Findings: checkLater(in, opts, seen)}
	}
	return out, nil
}

// laterKind is the kind of a file checked after the assessments, since it
// reads them: a figures file or an annual report; MaybeAssessment for any
// other.
func laterKind(data []byte) assessment.Kind {
	switch {
	case figures.IsFigures(data):
		return assessment.FiguresFile
	case annual.IsAnnual(data):
		return assessment.AnnualFile
	}
	return assessment.MaybeAssessment
}

// laterBriefs say what a file checked later is, should a figures file or
// an annual report name it as its assessment.
var laterBriefs = map[assessment.Kind]*brief{
	assessment.FiguresFile: {not: "a figures file"},
	assessment.AnnualFile:  {not: "an annual complaints report"},
}

// checkLater checks a figures file or an annual report, handing it the
// assessments it names or finds as CheckAll read them.
func checkLater(in Input, opts Options, seen *checked) []assessment.Finding {
	find := func(path string) figures.Found { return seen.find(path, in.Catalogues) }
	if laterKind(in.Data) == assessment.AnnualFile {
		return annual.Check(in.Name, in.Data, annual.Options{AsOf: opts.AsOf, Assessment: find, ReadFile: ReadFile})
	}
	return figures.Check(in.Name, in.Data, figures.CheckOptions{Threshold: opts.Threshold, Catalogues: in.Catalogues, Assessment: find})
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
// among the files checked, read from the disk now (Find).
func (c *checked) find(path string, catalogues codes.Resolver) figures.Found {
	c.mu.Lock()
	b, ok := c.byPath[filepath.Clean(path)]
	c.mu.Unlock()
	if ok {
		return b.found()
	}
	return Find(path, catalogues)
}

// Find reads the assessment at path for a figures file's cross-check or an
// annual report, through Read: a file that is not there, not a regular
// file or too large (ReadFile), another kind of file, or an assessment that
// cannot be read faithfully is said so.
func Find(path string, catalogues codes.Resolver) figures.Found {
	data, err := ReadFile(path)
	if err != nil {
		return figures.Found{Err: err}
	}
	if b, ok := laterBriefs[laterKind(data)]; ok {
		return b.found()
	}
	f := Read(Input{Name: path, Data: data, Catalogues: catalogues})
	if f.Kind != assessment.MaybeAssessment {
		return figures.Found{Not: f.Kind.Why()}
	}
	return figures.Found{Entry: f.Entry, Broken: f.Assessment == nil || f.Faithful() != nil}
}

// brief is what the figures cross-check reads of a file: whether it is an
// assessment; its landlord, period and catalogue; and its answers to the
// provisions that set a timescale a complaints log is counted against. CheckAll
// keeps one for each file it checks, so it is small.
type brief struct {
	not                    string // what the file is, when not an assessment
	file, landlord, period string
	read                   bool // the assessment could be read
	broken                 bool // with errors a command using its answers refuses (Found.Broken)
	cat                    *codes.Catalogue
	answers                []briefAnswer
}

type briefAnswer struct {
	id             string
	comply         assessment.Comply
	pos, complyPos assessment.Pos
}

func briefOf(f *File) *brief {
	if f.Kind != assessment.MaybeAssessment {
		return &brief{not: f.Kind.Why()}
	}
	a, cat := f.Assessment, f.Catalogue
	if a == nil {
		return &brief{}
	}
	b := &brief{file: a.File, landlord: a.Landlord, period: a.Period, read: true, cat: cat, broken: unfaithful(f.Findings)}
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
	return figures.Found{Entry: assessment.Entry{Assessment: a, Catalogue: b.cat}, Broken: b.broken}
}

// unfaithful reports whether csa check's findings of an assessment hold an
// error that keeps a command from using its answers, as Faithful refuses
// one: the loader's (syntax, schema), an unknown code, a provision answered
// twice.
func unfaithful(fs []assessment.Finding) bool {
	for _, x := range fs {
		switch x.Rule {
		case rules.Syntax.Name, rules.Schema.Name, rules.UnknownCode.Name, rules.DuplicateProvision.Name:
			if x.Severity == assessment.Error {
				return true
			}
		}
	}
	return false
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

// MaxFile bounds a file a figures file or an annual report names, which
// csa check was not given: as csa reads an assessment named on the command
// line.
const MaxFile = 32 << 20

// ReadFile reads a regular file of at most MaxFile bytes, for a file
// another names: the assessment a figures file names may be a device
// (assessment: /dev/zero) or a pipe. A file that is not there keeps
// os.Stat's error (fs.ErrNotExist); the others are *fs.PathError, their
// Err saying why.
func ReadFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, err
	case !info.Mode().IsRegular():
		return nil, &fs.PathError{Op: "read", Path: path, Err: errors.New("not a regular file")}
	case info.Size() > MaxFile:
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("larger than %d MB", MaxFile>>20)}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFile+1))
	if err == nil && len(data) > MaxFile {
		err = &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("larger than %d MB", MaxFile>>20)}
	}
	return data, err
}
