package annual

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/figures"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/safetext"
)

// This file reads the pack an annual report names: the self-assessment,
// the year's figures, and last year's figures (through last year's annual
// report or figures file, named by previous: or found beside this year's
// by its period). A file that cannot be used is a Problem, never quoted:
// the message says what it is, not what it holds.

// Options are what reading a pack needs. csa's loader (package load)
// gives the files, as it gives the figures cross-check its assessment.
type Options struct {
	// AsOf is today, for the deadline and the dates' plausibility.
	AsOf assessment.Date
	// Assessment gives the self-assessment at path as csa's loader read it
	// (csa check hands on the one it has checked already); nil finds none.
	Assessment func(path string) figures.Found
	// ReadFile reads a figures file or last year's report the report
	// names: in csa, a regular file within its size limit (a device or a
	// pipe is refused); nil finds none.
	ReadFile func(path string) ([]byte, error)
	// ReadDir lists the names of the YAML files in a folder, for finding
	// last year's files; nil lists them from the disk (figures.YAMLFiles).
	ReadDir func(dir string) ([]string, error)
}

func (o *Options) defaults() {
	if o.Assessment == nil {
		o.Assessment = func(string) figures.Found { return figures.Found{Err: fs.ErrNotExist} }
	}
	if o.ReadFile == nil {
		o.ReadFile = func(string) ([]byte, error) { return nil, fs.ErrNotExist }
	}
	if o.ReadDir == nil {
		o.ReadDir = figures.YAMLFiles
	}
}

// Pack is an annual report with the files it names, read.
type Pack struct {
	Annual *Annual
	Doc    *Doc
	Dir    string // the folder the report's paths are relative to

	Assessment     *assessment.Assessment // nil when not named or not usable
	Catalogue      *codes.Catalogue       // the catalogue its code names
	AssessmentFile string
	Figures        *figures.Figures
	FiguresFile    string
	// Previous is last year's figures, and where they came from.
	Previous       *figures.Figures
	PreviousFile   string
	PreviousAnnual string // last year's annual report, when they came through it

	Problems []Problem // files named that cannot be used
}

// Problem is a file the report names that cannot be used.
type Problem struct {
	Key     string // self_assessment, figures or previous
	File    string
	Message string // "does not exist", "is not an assessment", ...
}

// Load reads an annual report file and the pack it names. The findings are
// the report file's syntax and schema errors; a nil pack means the file
// could not be read as a report at all.
func Load(file string, data []byte, opts Options) (*Pack, []assessment.Finding) {
	opts.defaults()
	a, doc, fs := Parse(file, data)
	if a == nil {
		return nil, fs
	}
	p := &Pack{Annual: a, Doc: doc, Dir: dirOf(file)}
	if a.SelfAssessment != "" {
		p.AssessmentFile = p.path(a.SelfAssessment)
		p.readAssessment(opts, "self_assessment", p.AssessmentFile)
	}
	if a.Figures != "" {
		p.FiguresFile = p.path(a.Figures)
		p.Figures = p.readFigures(opts, "figures", p.FiguresFile)
	}
	p.previous(opts)
	return p, fs
}

func dirOf(file string) string {
	if file == "" || file == "-" || strings.HasPrefix(file, "<") {
		return "."
	}
	return filepath.Dir(file)
}

// path is a file the report names, relative to the report's folder.
func (p *Pack) path(ref string) string {
	if filepath.IsAbs(ref) {
		return filepath.Clean(ref)
	}
	return filepath.Join(p.Dir, filepath.FromSlash(ref))
}

func (p *Pack) problem(key, file, format string, args ...any) {
	p.Problems = append(p.Problems, Problem{Key: key, File: file, Message: fmt.Sprintf(format, args...)})
}

// read reads a named file, or says why it cannot.
func (p *Pack) read(opts Options, key, file string) ([]byte, bool) {
	data, err := opts.ReadFile(file)
	switch {
	case err == nil:
		return data, true
	case errors.Is(err, fs.ErrNotExist):
		p.problem(key, file, "does not exist (paths are taken from the annual report's folder)")
	default:
		p.problem(key, file, "cannot be read: %s", reason(err))
	}
	return nil, false
}

func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return safetext.Line(err.Error())
}

// readAssessment takes the self-assessment from csa's loader, or says why
// it cannot be used.
func (p *Pack) readAssessment(opts Options, key, file string) {
	found := opts.Assessment(file)
	switch {
	case errors.Is(found.Err, fs.ErrNotExist):
		p.problem(key, file, "does not exist (paths are taken from the annual report's folder)")
	case found.Err != nil:
		p.problem(key, file, "cannot be read: %s", reason(found.Err))
	case found.Not != "":
		p.problem(key, file, "is %s", found.Not)
	case found.Assessment == nil || found.Broken:
		p.problem(key, file, "is not a valid assessment: csa check %s lists its errors", file)
	default:
		p.Assessment, p.Catalogue = found.Assessment, found.Catalogue
	}
}

func (p *Pack) readFigures(opts Options, key, file string) *figures.Figures {
	data, ok := p.read(opts, key, file)
	if !ok {
		return nil
	}
	if !figures.IsFigures(data) {
		p.problem(key, file, "is not a figures file (kind: figures): csa figures writes one from the complaints log")
		return nil
	}
	f, _, fs := figures.Decode(file, data)
	if f == nil || assessment.HasErrors(fs) {
		p.problem(key, file, "is not a valid figures file: csa check %s lists its errors", file)
		return nil
	}
	return f
}

// previous finds last year's figures: through previous: when it names a
// file (last year's annual report, or its figures file), else beside this
// year's files, by last year's period and the same landlord.
func (p *Pack) previous(opts Options) {
	a := p.Annual
	if a.Previous != "" {
		file := p.path(a.Previous)
		data, ok := p.read(opts, "previous", file)
		if !ok {
			return
		}
		switch {
		case IsAnnual(data):
			last, _, fs := Parse(file, data)
			if last == nil || assessment.HasErrors(fs) {
				p.problem("previous", file, "is not a valid annual report: csa check %s lists its errors", file)
				return
			}
			if last.Figures == "" {
				p.problem("previous", file, "names no figures file (figures:), so last year's figures cannot be shown")
				return
			}
			p.PreviousAnnual = file
			p.PreviousFile = filepath.Join(dirOf(file), filepath.FromSlash(last.Figures))
			if filepath.IsAbs(last.Figures) {
				p.PreviousFile = last.Figures
			}
			if p.sameFile(p.PreviousFile, p.FiguresFile) {
				p.problem("previous", file, "names this year's figures file (%s) as last year's", last.Figures)
				p.PreviousFile, p.PreviousAnnual = "", ""
				return
			}
			p.Previous = p.readFigures(opts, "previous", p.PreviousFile)
		case figures.IsFigures(data):
			if p.sameFile(file, p.FiguresFile) {
				p.problem("previous", file, "is this year's figures file, not last year's")
				return
			}
			p.PreviousFile = file
			p.Previous = p.readFigures(opts, "previous", file)
		default:
			p.problem("previous", file, "is neither an annual report (kind: annual) nor a figures file (kind: figures)")
		}
		return
	}
	last, ok := PeriodBefore(a.Period)
	if !ok {
		return
	}
	// Last year's annual report beside this one, then last year's figures
	// beside this year's.
	for _, f := range p.candidates(opts, p.Dir) {
		data, err := opts.ReadFile(f)
		if err != nil || !IsAnnual(data) {
			continue
		}
		prev, _, fs := Parse(f, data)
		if prev == nil || assessment.HasErrors(fs) || NormalPeriod(prev.Period) != last || !sameLandlord(prev.Landlord, a.Landlord) || prev.Figures == "" {
			continue
		}
		file := filepath.Join(dirOf(f), filepath.FromSlash(prev.Figures))
		if p.sameFile(file, p.FiguresFile) {
			continue // last year's report names this year's figures: not last year's
		}
		if fig := p.quietFigures(opts, file); fig != nil && NormalPeriod(fig.Period) == last {
			p.Previous, p.PreviousFile, p.PreviousAnnual = fig, file, f
			return
		}
	}
	if p.FiguresFile == "" {
		return
	}
	for _, f := range p.candidates(opts, filepath.Dir(p.FiguresFile)) {
		if p.sameFile(f, p.FiguresFile) {
			continue
		}
		fig := p.quietFigures(opts, f)
		if fig != nil && NormalPeriod(fig.Period) == last && sameLandlord(fig.Landlord, a.Landlord) {
			p.Previous, p.PreviousFile = fig, f
			return
		}
	}
}

// sameFile says whether two of the pack's paths name one file (the
// names cleaned; "" is no file).
func (p *Pack) sameFile(a, b string) bool {
	return a != "" && b != "" && filepath.Clean(a) == filepath.Clean(b)
}

// candidates are the YAML files of a folder, in name order.
func (p *Pack) candidates(opts Options, dir string) []string {
	names, err := opts.ReadDir(dir)
	if err != nil {
		return nil
	}
	sort.Strings(names)
	files := make([]string, len(names))
	for i, name := range names {
		files[i] = filepath.Join(dir, name)
	}
	return files
}

// quietFigures reads a figures file found, not named: one that cannot be
// used is passed over.
func (p *Pack) quietFigures(opts Options, file string) *figures.Figures {
	data, err := opts.ReadFile(file)
	if err != nil || !figures.IsFigures(data) {
		return nil
	}
	f, _, fs := figures.Decode(file, data)
	if f == nil || assessment.HasErrors(fs) {
		return nil
	}
	return f
}

// sameLandlord: names that agree, or one not given.
func sameLandlord(a, b string) bool {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	return a == "" || b == "" || strings.EqualFold(a, b)
}

// PeriodBefore is the reporting year before a financial year written
// 2024/25 (or 2024-25): 2023/24.
func PeriodBefore(period string) (string, bool) {
	p := NormalPeriod(period)
	if len(p) != 7 || p[4] != '/' {
		return "", false
	}
	y, err1 := strconv.Atoi(p[:4])
	yy, err2 := strconv.Atoi(p[5:])
	if err1 != nil || err2 != nil || (y+1)%100 != yy {
		return "", false
	}
	return fmt.Sprintf("%d/%02d", y-1, y%100), true
}
