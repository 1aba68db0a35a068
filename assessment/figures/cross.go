package figures

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/rules"
	"github.com/csa-tool/csa/codes"
)

// This file cross-checks figures against the same period's self-assessment.
// The assessment is the one the figures file names (assessment:, relative
// to the figures file), else the one beside it (same folder) for the same
// period and, when the figures name one, the same landlord. For each
// timescale the catalogue marks with a measure, a provision answered yes
// while the figures show the timescale missed in more than the threshold
// share of cases is a warning on the figures file naming both.

func dirOf(file string) string {
	if file == "" || file == "-" || strings.HasPrefix(file, "<") {
		return "."
	}
	return filepath.Dir(file)
}

// CrossCheck finds the figures' assessment and compares them.
func CrossCheck(f *Figures, doc *Doc, opts CheckOptions) []assessment.Finding {
	if opts.Assessment == nil {
		opts.Assessment = func(string) Found { return Found{Err: fs.ErrNotExist} }
	}
	if opts.ReadDir == nil {
		opts.ReadDir = YAMLFiles
	}
	e, out := findAssessment(f, doc, opts)
	a, cat := e.Assessment, e.Catalogue
	if a == nil || cat == nil {
		return out // the assessment's own check says why there is no catalogue
	}
	for _, m := range codes.Measures {
		p, _, ok := cat.Timescale(m)
		if !ok {
			continue
		}
		ans, ok := a.Answer(p.ID)
		if !ok || ans.Comply != assessment.Yes {
			continue
		}
		missed, of, path, what := missedShare(f, m)
		if of == 0 || float64(missed)*100 <= opts.Threshold*float64(of) {
			continue
		}
		pos := doc.Pos(path)
		out = append(out, assessment.Finding{Rule: rules.MissedTimescale.Name, Severity: rules.MissedTimescale.Severity, File: doc.File,
			Line: pos.Line, Col: pos.Col, Provision: p.ID,
			Message: fmt.Sprintf("provision %s is answered yes in %s (line %d), but %d of %d %s (%s%%) %s, more than %s%%: is it met?",
				p.ID, a.File, ans.ComplyPos.Line, missed, of, what, Number(Percent(missed, of), true), missedVerb(m), Number(opts.Threshold, false))})
	}
	return out
}

func missedVerb(measure string) string {
	if strings.HasSuffix(measure, "extension") {
		return "went beyond the Code's limit"
	}
	return "were outside the Code's timescale"
}

// missedShare is how many cases of a measure the figures show missed, of
// how many, where in the file, and what the cases are.
func missedShare(f *Figures, measure string) (missed, of int, path, what string) {
	s := 0
	if strings.HasPrefix(measure, "stage 2") {
		s = 1
	}
	st := f.Stages[s]
	sub := func(a, b *int) (int, int, bool) {
		if a == nil || b == nil || *b > *a {
			return 0, 0, false
		}
		return *a - *b, *a, true
	}
	switch {
	case strings.HasSuffix(measure, "acknowledgement"):
		what = stageName[s] + " acknowledgements"
		if st != nil {
			if m, o, ok := sub(st.Acknowledged, st.AcknowledgedWithin); ok {
				return m, o, join(stageKey[s], "acknowledged_within"), what
			}
		}
	case strings.HasSuffix(measure, "response"):
		what = stageName[s] + " responses"
		if st != nil {
			if m, o, ok := sub(st.Responded, st.RespondedWithin); ok {
				return m, o, join(stageKey[s], "responded_within"), what
			}
		}
		if sh := f.CH02[s]; sh != nil {
			if m, o, ok := sub(sh.Responded, sh.Within); ok {
				return m, o, join(join("ch02", stageKey[s]), "within"), what
			}
		}
	case strings.HasSuffix(measure, "extension"):
		what = stageName[s] + " extensions"
		if st != nil && st.ExtensionBeyondLimit != nil && st.Extended != nil && *st.ExtensionBeyondLimit <= *st.Extended {
			return *st.ExtensionBeyondLimit, *st.Extended, join(stageKey[s], "extension_beyond_limit"), what
		}
	}
	return 0, 0, "", what
}

// findAssessment returns the assessment to cross-check, or none with the
// reason as a finding when one was named and cannot be used.
func findAssessment(f *Figures, doc *Doc, opts CheckOptions) (assessment.Entry, []assessment.Finding) {
	dir := dirOf(doc.File)
	finding := func(sev assessment.Severity, format string, args ...any) []assessment.Finding {
		p := doc.Pos("assessment")
		return []assessment.Finding{{Rule: rules.FiguresAssessment.Name, Severity: sev, File: doc.File, Line: p.Line, Col: p.Col,
			Message: fmt.Sprintf(format, args...)}}
	}
	if f.Assessment != "" {
		path := f.Assessment
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		found := opts.Assessment(path)
		switch {
		case errors.Is(found.Err, fs.ErrNotExist):
			return assessment.Entry{}, finding(assessment.Error, "assessment %s does not exist (it is taken from the figures file's folder)", path)
		case found.Err != nil:
			return assessment.Entry{}, finding(assessment.Error, "assessment %s cannot be read", path)
		case found.Not != "":
			return assessment.Entry{}, finding(assessment.Error, "%s is %s: assessment: names the self-assessment to cross-check", path, found.Not)
		}
		return found.Entry, nil // no assessment when broken: its own check says why
	}
	if f.Period == "" || strings.HasPrefix(doc.File, "<") {
		return assessment.Entry{}, nil
	}
	names, err := opts.ReadDir(dir)
	if err != nil {
		return assessment.Entry{}, nil
	}
	var matches []assessment.Entry
	for _, name := range names {
		path := filepath.Join(dir, name)
		if sameFile(path, doc.File) {
			continue
		}
		found := opts.Assessment(path)
		a := found.Assessment
		if found.Err != nil || found.Not != "" || a == nil || strings.TrimSpace(a.Period) != f.Period {
			continue
		}
		if f.Landlord != "" && !strings.EqualFold(strings.TrimSpace(a.Landlord), f.Landlord) {
			continue
		}
		matches = append(matches, found.Entry)
	}
	switch len(matches) {
	case 0:
		return assessment.Entry{}, nil
	case 1:
		return matches[0], nil
	}
	var files []string
	for _, e := range matches {
		files = append(files, e.Assessment.File)
	}
	return assessment.Entry{}, finding(assessment.Warning, "%d assessments for %s are beside it (%s): name the one to cross-check with assessment:", len(matches), f.Period, strings.Join(files, ", "))
}

func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}

// YAMLFiles lists the names of the *.yaml and *.yml files in a folder (not
// hidden ones, not folders or pipes), sorted: where a figures file's
// assessment, or an annual report's last year, is looked for.
func YAMLFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if strings.HasPrefix(name, ".") || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		if !e.Type().IsRegular() {
			info, err := os.Stat(filepath.Join(dir, name))
			if err != nil || !info.Mode().IsRegular() {
				continue
			}
		}
		out = append(out, name)
	}
	sort.Strings(out)
	return out, nil
}
