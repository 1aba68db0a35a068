package figures

import (
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// This file writes a figures file: plain block YAML, its keys always in the
// same order, nothing that changes from run to run (no time of writing), so
// the same log gives the same bytes and a diff shows what changed.

// Encode writes figures as a figures file.
func Encode(w io.Writer, f *Figures) error {
	e := &emitter{}
	e.comment(0, "Complaint handling figures for "+orNot(f.Period, "a period")+", counted by csa figures"+fromLog(f.Log)+".")
	e.comment(0, "stage_1 and stage_2 count the complaints received in the period (at stage 2, the")
	e.comment(0, "requests to escalate) and what became of them, as far as the log knew; ch02 counts")
	e.comment(0, "the responses sent in the period, as the regulator does. Within is within the")
	e.comment(0, "Code's timescale in working days, an extension within the Code's limit included.")
	e.comment(0, "csa check checks that the numbers agree with each other and with the assessment.")
	e.str(0, "kind", Kind, "")
	e.optStr(0, "landlord", f.Landlord)
	e.optStr(0, "period", f.Period)
	if f.From != 0 || f.To != 0 {
		e.line(0, "from", f.From.String(), "")
		e.line(0, "to", f.To.String(), "")
	}
	e.optStr(0, "timescales", f.Timescales)
	e.optStr(0, "assessment", f.Assessment)
	e.optStr(0, "calendar", f.Calendar)
	e.optInt(0, "closed", f.Closed, "closure days added to the calendar")
	e.optStr(0, "log", f.Log)
	if r := f.Rows; r != nil {
		e.key(0, "rows")
		e.line(1, "read", strconv.Itoa(r.Read), "")
		e.line(1, "used", strconv.Itoa(r.Used), "")
		e.line(1, "outside_period", strconv.Itoa(r.Outside), "no date in the period")
		e.line(1, "left_out", strconv.Itoa(r.LeftOut), "could not be used: csa figures lists them")
	}
	e.optInt(0, "homes", f.Homes, "")
	e.stages(0, f.Stages, true)
	if f.Escalation != nil {
		e.line(0, "escalation_rate", Number(*f.Escalation, true), "stage 2 received, per 100 stage 1 responses")
	}
	e.ch01(0, f.CH01, true)
	e.ch02(0, f.CH02, true)
	if len(f.Tenures) > 0 {
		e.key(0, "tenures")
		for _, t := range f.Tenures {
			e.item(1, "tenure", t.Name)
			e.optInt(2, "homes", t.Homes, "")
			e.stages(2, t.Stages, false)
			e.ch01(2, t.CH01, false)
			e.ch02(2, t.CH02, false)
		}
	}
	e.months(f.Months)
	_, err := io.WriteString(w, e.b.String())
	return err
}

func fromLog(log string) string {
	if log == "" {
		return ""
	}
	return " from " + log
}

// Stage keys in the order a figures file has them, and what each holds.
var stageKeys = []struct{ key, comment string }{
	{"received", "received in the period"},
	{"refused", "of those, refused"},
	{"acknowledged", "of the rest, acknowledged"},
	{"acknowledged_within", "of those, within the Code's timescale"},
	{"responded", "of the rest, responded to"},
	{"responded_within", "of those, within the Code's timescale"},
	{"within_by_extension", "of those, within only thanks to an extension"},
	{"extended", "responses with an extension recorded"},
	{"extension_beyond_limit", "of those, extended beyond the Code's limit"},
	{"median_days", "working days from receipt to response"},
	{"p90_days", ""},
	{"refusals", ""},
	{"outcomes", ""},
	{"categories", ""},
}

func (s *Stage) ints() []*int {
	return []*int{s.Received, s.Refused, s.Acknowledged, s.AcknowledgedWithin, s.Responded, s.RespondedWithin,
		s.WithinByExtension, s.Extended, s.ExtensionBeyondLimit}
}

func (e *emitter) stages(indent int, stages [2]*Stage, comments bool) {
	for i, s := range stages {
		if s == nil {
			continue
		}
		e.key(indent, stageKey[i])
		note := func(k int) string {
			if comments && i == 0 {
				return stageKeys[k].comment
			}
			return ""
		}
		for k, n := range s.ints() {
			e.optInt(indent+1, stageKeys[k].key, n, note(k))
		}
		if s.MedianDays != nil {
			e.line(indent+1, "median_days", Number(*s.MedianDays, false), note(9))
		}
		e.optInt(indent+1, "p90_days", s.P90Days, "")
		e.counts(indent+1, "refusals", s.Refusals)
		e.counts(indent+1, "outcomes", s.Outcomes)
		e.counts(indent+1, "categories", s.Categories)
	}
}

func (e *emitter) counts(indent int, key string, cs []Count) {
	if len(cs) == 0 {
		return
	}
	e.key(indent, key)
	for _, c := range cs {
		e.line(indent+1, scalar(c.Label), strconv.Itoa(c.N), "")
	}
}

func (e *emitter) ch01(indent int, ch [2]*float64, comments bool) {
	if ch[0] == nil && ch[1] == nil {
		return
	}
	e.key(indent, "ch01")
	for i, x := range ch {
		if x != nil {
			e.line(indent+1, stageKey[i], Number(*x, true), note(comments && i == 0, "received less refused, per 1,000 homes"))
		}
	}
}

func (e *emitter) ch02(indent int, ch [2]*Share, comments bool) {
	if ch[0] == nil && ch[1] == nil {
		return
	}
	e.key(indent, "ch02")
	for i, s := range ch {
		if s == nil {
			continue
		}
		e.key(indent+1, stageKey[i])
		e.optInt(indent+2, "responded", s.Responded, note(comments && i == 0, "responses sent in the period"))
		e.optInt(indent+2, "within", s.Within, "")
		if s.Percent != nil {
			e.line(indent+2, "percent", Number(*s.Percent, true), "")
		}
	}
}

// months writes the monthly breakdown, last in the file: a chart's data,
// not a figure people look up.
func (e *emitter) months(ms []*Month) {
	if len(ms) == 0 {
		return
	}
	e.comment(0, "Each calendar month, all homes: received counts the complaints received in it (at")
	e.comment(0, "stage 2, the requests to escalate), refused included; responded counts the responses")
	e.comment(0, "sent in it and within those within the Code's timescale, as ch02 does.")
	e.key(0, "months")
	for _, m := range ms {
		e.item(1, "month", m.Month)
		for i, s := range m.Stages {
			if s == nil {
				continue
			}
			e.key(2, stageKey[i])
			e.optInt(3, "received", s.Received, "")
			e.optInt(3, "refused", s.Refused, "")
			e.optInt(3, "responded", s.Responded, "")
			e.optInt(3, "within", s.Within, "")
		}
	}
}

func note(show bool, comment string) string {
	if show {
		return comment
	}
	return ""
}

// emitter writes block YAML line by line.
type emitter struct {
	b       strings.Builder
	pending string // "- " for the first key of a list item
}

func (e *emitter) indent(n int) {
	if e.pending != "" {
		e.b.WriteString(strings.Repeat("  ", n-1))
		e.b.WriteString(e.pending)
		e.pending = ""
		return
	}
	e.b.WriteString(strings.Repeat("  ", n))
}

func (e *emitter) comment(indent int, text string) {
	e.b.WriteString(strings.Repeat("  ", indent) + "# " + text + "\n")
}

func (e *emitter) key(indent int, key string) {
	e.indent(indent)
	e.b.WriteString(key + ":\n")
}

func (e *emitter) line(indent int, key, value, comment string) {
	e.indent(indent)
	e.b.WriteString(key + ": " + value)
	if comment != "" {
		e.b.WriteString(" # " + comment)
	}
	e.b.WriteString("\n")
}

func (e *emitter) str(indent int, key, value, comment string) {
	e.line(indent, key, scalar(value), comment)
}

func (e *emitter) optStr(indent int, key, value string) {
	if value != "" {
		e.str(indent, key, value, "")
	}
}

func (e *emitter) optInt(indent int, key string, n *int, comment string) {
	if n != nil {
		e.line(indent, key, strconv.Itoa(*n), comment)
	}
}

// item starts a list item with its first key.
func (e *emitter) item(indent int, key, value string) {
	e.pending = "- "
	e.str(indent+1, key, value, "")
}

// scalar writes text as a YAML scalar, quoted when it would otherwise read
// as something else (a number, yes, a comment).
func scalar(s string) string {
	out, err := yaml.Marshal(s)
	if err != nil {
		return strconv.Quote(s)
	}
	q := strings.TrimSuffix(string(out), "\n")
	if strings.Contains(q, "\n") {
		return strconv.Quote(s) // a label never holds a line break; be safe
	}
	return q
}
