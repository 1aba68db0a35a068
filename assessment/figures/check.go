package figures

import (
	"fmt"
	"math"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/rules"
	"github.com/csa-tool/csa/codes"
)

// This file checks a figures file: that its numbers agree with each other
// (a part no more than its whole, a percentage or a rate that agrees with
// its counts), then cross-checks it against the same period's assessment.

// The findings about a figures file are of the rules syntax, schema and
// unknown-code, which mean what they mean for an assessment, and of its
// own: rules.FiguresSum, FiguresPercent, FiguresAssessment and
// MissedTimescale, documented in package rules.

// CheckOptions are what checking a figures file needs.
type CheckOptions struct {
	// Threshold is the share of cases, in percent, above which a timescale
	// counts as missed for the cross-check (csa's default is
	// DefaultThreshold; 0 warns of any case missed).
	Threshold float64
	// Catalogues is where a catalogue file timescales: names may be read
	// from, as for an assessment's code:.
	Catalogues codes.Resolver
	// Assessment gives the assessment at path for the cross-check, as csa's
	// loader read it (csa check hands on the ones it has read already);
	// nil finds none.
	Assessment func(path string) Found
	// ReadDir lists the YAML files in a folder, for finding the assessment
	// beside the figures file.
	ReadDir func(string) ([]string, error)
}

// Found is a file the cross-check asked for, as the loader read it.
type Found struct {
	// Entry is the assessment and its catalogue; the Assessment is nil when
	// it could not be read (its own check says why), the Catalogue when its
	// code names none.
	assessment.Entry
	// Not says what the file is when it is not an assessment ("a figures
	// file", "a catalogue, not an assessment").
	Not string
	// Broken says the assessment was read with errors that keep a command
	// from using its answers (syntax, schema, an unknown code, a provision
	// answered twice): its own check lists them. The cross-check reads it
	// all the same; an annual report does not take it as its
	// self-assessment.
	Broken bool
	// Err is why the file could not be read (errors.Is fs.ErrNotExist when
	// there is none).
	Err error
}

// DefaultThreshold is the cross-check's threshold unless told otherwise.
const DefaultThreshold = 10.0

// Check reads, validates and cross-checks one figures file. Findings are
// sorted by position.
func Check(file string, data []byte, opts CheckOptions) []assessment.Finding {
	f, doc, out := Decode(file, data)
	if f != nil {
		out = append(out, Validate(f, doc)...)
		if f.Timescales != "" {
			if _, err := opts.Catalogues.Lookup(f.Timescales, dirOf(file)); err != nil {
				p := doc.Pos("timescales")
				out = append(out, assessment.Finding{Rule: rules.UnknownCode.Name, Severity: rules.UnknownCode.Severity, File: file,
					Line: p.Line, Col: p.Col, Message: codes.Reason(err)})
			}
		}
		out = append(out, CrossCheck(f, doc, opts)...)
	}
	assessment.SortFindings(out)
	return out
}

// Validate checks that a figures file's numbers agree with each other.
func Validate(f *Figures, doc *Doc) []assessment.Finding {
	v := &validator{doc: doc}
	if r := f.Rows; r != nil && r.Used+r.Outside+r.LeftOut != r.Read {
		v.add(rules.FiguresSum, "rows.read", "rows: used (%d), outside_period (%d) and left_out (%d) add up to %d, not read (%d)", r.Used, r.Outside, r.LeftOut, r.Used+r.Outside+r.LeftOut, r.Read)
	}
	v.block("", f.Homes, f.Stages, f.CH01, f.CH02)
	if f.Escalation != nil && f.Stages[0] != nil && f.Stages[1] != nil && f.Stages[0].Responded != nil && f.Stages[1].Received != nil {
		v.percent("escalation_rate", *f.Escalation, *f.Stages[1].Received, *f.Stages[0].Responded, 100,
			"escalation_rate %s does not agree with %d stage 2 received per %d stage 1 responses (%s)")
	}
	if len(f.Tenures) > 0 {
		var homes int
		var homesGiven bool
		for i, t := range f.Tenures {
			p := fmt.Sprintf("tenures[%d]", i)
			v.block(p, t.Homes, t.Stages, t.CH01, t.CH02)
			if t.Homes != nil {
				homes += *t.Homes
				homesGiven = true
			}
		}
		if homesGiven && f.Homes != nil && homes > *f.Homes {
			v.add(rules.FiguresSum, "homes", "the tenures' homes add up to %d, more than homes (%d)", homes, *f.Homes)
		}
		v.tenureSums(f)
	}
	v.months(f)
	return v.out
}

// months checks the monthly breakdown: each month's parts no more than its
// whole, and the months adding up to the period's figures: received to the
// stage's received, refused to its refused, responded and within to CH02's.
func (v *validator) months(f *Figures) {
	if len(f.Months) == 0 {
		return
	}
	type total struct {
		n     int
		whole bool // every month gives it
	}
	var sums [2][4]total
	for s := range 2 {
		for k := range 4 {
			sums[s][k].whole = true
		}
	}
	for i, m := range f.Months {
		for s, ms := range m.Stages {
			if ms == nil {
				for k := range 4 {
					sums[s][k].whole = false
				}
				continue
			}
			p := fmt.Sprintf("months[%d].%s", i, stageKey[s])
			name := m.Month + " " + stageKey[s]
			v.le(join(p, "refused"), ms.Refused, name+" refused", ms.Received, "received")
			v.le(join(p, "within"), ms.Within, name+" within", ms.Responded, "responded")
			for k, n := range []*int{ms.Received, ms.Refused, ms.Responded, ms.Within} {
				if n == nil {
					sums[s][k].whole = false
				} else {
					sums[s][k].n += *n
				}
			}
		}
	}
	for s := range 2 {
		var wholes [4]*int
		var paths [4]string
		if st := f.Stages[s]; st != nil {
			wholes[0], wholes[1] = st.Received, st.Refused
			paths[0], paths[1] = join(stageKey[s], "received"), join(stageKey[s], "refused")
		}
		if sh := f.CH02[s]; sh != nil {
			wholes[2], wholes[3] = sh.Responded, sh.Within
			paths[2], paths[3] = "ch02 "+stageKey[s]+" responded", "ch02 "+stageKey[s]+" within"
		}
		for k, key := range monthStageKeys {
			if !sums[s][k].whole || wholes[k] == nil || sums[s][k].n == *wholes[k] {
				continue
			}
			v.add(rules.FiguresSum, "months", "the months' %s %s add up to %d, not %s (%d)", stageKey[s], key, sums[s][k].n, paths[k], *wholes[k])
		}
	}
}

type validator struct {
	doc *Doc
	out []assessment.Finding
}

func (v *validator) add(rule *rules.Rule, path, format string, args ...any) {
	p := v.doc.Pos(path)
	v.out = append(v.out, assessment.Finding{Rule: rule.Name, Severity: rule.Severity, File: v.doc.File,
		Line: p.Line, Col: p.Col, Message: fmt.Sprintf(format, args...)})
}

// le checks part <= whole, when both are given.
func (v *validator) le(path string, part *int, partName string, whole *int, wholeName string) {
	if part != nil && whole != nil && *part > *whole {
		v.add(rules.FiguresSum, path, "%s (%d) is more than %s (%d)", partName, *part, wholeName, *whole)
	}
}

// block checks one group of homes: all, or a tenure.
func (v *validator) block(prefix string, homes *int, stages [2]*Stage, ch01 [2]*float64, ch02 [2]*Share) {
	name := func(s int, key string) string { return join(join(prefix, stageKey[s]), key) }
	for s, st := range stages {
		if st == nil {
			continue
		}
		n := func(key string) string { return join(stageKey[s], key) }
		v.le(name(s, "refused"), st.Refused, n("refused"), st.Received, "received")
		accepted := st.Received
		if st.Received != nil && st.Refused != nil && *st.Refused <= *st.Received {
			accepted = intp(*st.Received - *st.Refused)
		}
		whole := "received"
		if st.Refused != nil {
			whole = "received less refused"
		}
		v.le(name(s, "acknowledged"), st.Acknowledged, n("acknowledged"), accepted, whole)
		v.le(name(s, "responded"), st.Responded, n("responded"), accepted, whole)
		v.le(name(s, "acknowledged_within"), st.AcknowledgedWithin, n("acknowledged_within"), st.Acknowledged, "acknowledged")
		v.le(name(s, "responded_within"), st.RespondedWithin, n("responded_within"), st.Responded, "responded")
		v.le(name(s, "within_by_extension"), st.WithinByExtension, n("within_by_extension"), st.RespondedWithin, "responded_within")
		v.le(name(s, "extended"), st.Extended, n("extended"), st.Responded, "responded")
		v.le(name(s, "within_by_extension"), st.WithinByExtension, n("within_by_extension"), st.Extended, "extended")
		v.le(name(s, "extension_beyond_limit"), st.ExtensionBeyondLimit, n("extension_beyond_limit"), st.Extended, "extended")
		if st.MedianDays != nil && st.P90Days != nil && *st.MedianDays > float64(*st.P90Days) {
			v.add(rules.FiguresPercent, name(s, "median_days"), "%s (%s) is more than p90_days (%d): half the responses cannot take longer than nine in ten",
				n("median_days"), Number(*st.MedianDays, false), *st.P90Days)
		}
		v.sum(name(s, "refusals"), st.Refusals, n("refusals"), st.Refused, "refused")
		v.sum(name(s, "outcomes"), st.Outcomes, n("outcomes"), accepted, whole)
		v.sum(name(s, "categories"), st.Categories, n("categories"), st.Received, "received")
		if homes != nil && *homes > 0 && ch01[s] != nil && st.Received != nil {
			refused := 0
			if st.Refused != nil {
				refused = *st.Refused
			}
			v.percent(join(join(prefix, "ch01"), stageKey[s]), *ch01[s], *st.Received-refused, *homes, 1000,
				"ch01 "+stageKey[s]+" %s does not agree with %d complaints per %d homes (%s per 1,000)")
		}
	}
	for s, sh := range ch02 {
		if sh == nil {
			continue
		}
		p := join(join(prefix, "ch02"), stageKey[s])
		v.le(join(p, "within"), sh.Within, "ch02 "+stageKey[s]+" within", sh.Responded, "responded")
		if sh.Percent != nil && sh.Within != nil && sh.Responded != nil {
			if *sh.Responded == 0 {
				if *sh.Percent != 0 {
					v.add(rules.FiguresPercent, join(p, "percent"), "ch02 %s percent is %s with no responses", stageKey[s], Number(*sh.Percent, false))
				}
				continue
			}
			v.percent(join(p, "percent"), *sh.Percent, *sh.Within, *sh.Responded, 100,
				"ch02 "+stageKey[s]+" percent %s does not agree with %d within of %d responded (%s)")
		}
	}
	if homes != nil && *homes == 0 && (ch01[0] != nil || ch01[1] != nil) {
		v.add(rules.FiguresPercent, join(prefix, "homes"), "homes is 0, so there is no rate per 1,000 homes")
	}
}

// sum checks that a breakdown adds up to no more than its whole.
func (v *validator) sum(path string, cs []Count, name string, whole *int, wholeName string) {
	if whole == nil || len(cs) == 0 {
		return
	}
	total := 0
	for _, c := range cs {
		total += c.N
	}
	if total > *whole {
		v.add(rules.FiguresSum, path, "%s add up to %d, more than %s (%d)", name, total, wholeName, *whole)
	}
}

// percent checks a rate written in the file against n/d*scale: it agrees
// when it is the exact value rounded to the decimal places it is written
// with (79 and 79.0 both agree with 78.96; 79.1 does not).
func (v *validator) percent(path string, written float64, n, d int, scale float64, format string) {
	if d == 0 {
		return
	}
	exact := float64(n) * scale / float64(d)
	places := 0
	if t := v.doc.Text(path); t != "" {
		if i := strings.IndexByte(t, '.'); i >= 0 {
			places = len(t) - i - 1
		}
	} else {
		places = 1
	}
	tolerance := 0.5*math.Pow(10, -float64(places)) + 1e-9
	if math.Abs(written-exact) > tolerance {
		v.add(rules.FiguresPercent, path, format, orNot(v.doc.Text(path), Number(written, false)), n, d, Number(round1(exact), true))
	}
}

// tenureSums checks that no tenure's counts add up to more than the totals.
func (v *validator) tenureSums(f *Figures) {
	for s := range 2 {
		if f.Stages[s] != nil {
			get := []func(*Stage) *int{
				func(x *Stage) *int { return x.Received },
				func(x *Stage) *int { return x.Refused },
				func(x *Stage) *int { return x.Responded },
			}
			for k, g := range get {
				key := []string{"received", "refused", "responded"}[k]
				total, given := 0, false
				for _, t := range f.Tenures {
					if t.Stages[s] != nil && g(t.Stages[s]) != nil {
						total += *g(t.Stages[s])
						given = true
					}
				}
				if all := g(f.Stages[s]); given && all != nil && total > *all {
					v.add(rules.FiguresSum, join(stageKey[s], key), "the tenures' %s %s add up to %d, more than %s %s (%d)", stageKey[s], key, total, stageKey[s], key, *all)
				}
			}
		}
		if f.CH02[s] != nil && f.CH02[s].Responded != nil {
			total, given := 0, false
			for _, t := range f.Tenures {
				if t.CH02[s] != nil && t.CH02[s].Responded != nil {
					total += *t.CH02[s].Responded
					given = true
				}
			}
			if given && total > *f.CH02[s].Responded {
				v.add(rules.FiguresSum, join(join("ch02", stageKey[s]), "responded"), "the tenures' ch02 %s responded add up to %d, more than ch02 %s responded (%d)", stageKey[s], total, stageKey[s], *f.CH02[s].Responded)
			}
		}
	}
}
