package figures

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/calendar"
	"github.com/csa-tool/csa/internal/english"
)

// This file reads a figures file, as csa figures wrote it or as a landlord
// typed it, keeping where each value is so that a finding names its line
// and column. Reading is strict: an unknown key, a number that is not a
// whole number, a date not written YYYY-MM-DD are findings.

// Doc is where a figures file's values are.
type Doc struct {
	File string
	pos  assessment.Positions // path ("stage_1.responded") -> the value
	text map[string]string    // path -> the value as written
}

// Pos is where the value at path is, or the nearest enclosing value that
// was written (1:1 when none was).
func (d *Doc) Pos(path string) assessment.Pos { return d.pos.Of(path) }

// Text is the value at path as written ("79.0"), or "".
func (d *Doc) Text(path string) string { return d.text[path] }

// IsFigures reports whether YAML is a figures file: kind: figures at the
// top (or, with no kind:, the keys only a figures file has, so that a
// forgotten kind: is named rather than the file skipped).
func IsFigures(data []byte) bool {
	for line := range bytes.Lines(data) {
		line = bytes.TrimRight(line, " \t\r\n")
		switch {
		case bytes.HasPrefix(line, []byte("kind:")):
			v := strings.TrimSpace(string(line[len("kind:"):]))
			if i := strings.Index(v, " #"); i >= 0 {
				v = strings.TrimSpace(v[:i])
			}
			return strings.EqualFold(strings.Trim(v, `"'`), Kind)
		case bytes.HasPrefix(line, []byte("code:")), bytes.HasPrefix(line, []byte("provisions:")),
			bytes.HasPrefix(line, []byte("catalogue:")):
			return false
		case bytes.HasPrefix(line, []byte("ch01:")), bytes.HasPrefix(line, []byte("ch02:")),
			bytes.HasPrefix(line, []byte("stage_1:")), bytes.HasPrefix(line, []byte("stage_2:")):
			return !bytes.Contains(data, []byte("\nkind:"))
		}
	}
	return false
}

// Decode reads a figures file. It returns the figures as far as they could
// be read (nil when the YAML is broken), where each value is, and the
// findings: syntax and schema errors.
func Decode(file string, data []byte) (*Figures, *Doc, []assessment.Finding) {
	d := &decoder{doc: &Doc{File: file, pos: assessment.Positions{}, text: map[string]string{}}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		line := 1
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		msg := yamlLine.ReplaceAllString(strings.TrimPrefix(err.Error(), "yaml: "), "")
		d.add(assessment.RuleSyntax, assessment.Pos{Line: line, Col: 1}, "the file is not valid YAML: %s", msg)
		return nil, d.doc, d.out
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		d.add(assessment.RuleSchema, assessment.Pos{Line: 1, Col: 1}, "a figures file is a mapping of keys (kind: figures, period:, stage_1: ...)")
		return nil, d.doc, d.out
	}
	f := &Figures{}
	top := root.Content[0]
	kindSeen := false
	d.mapping(top, "", topKeys, func(k string, v *yaml.Node, path string) {
		switch k {
		case "kind":
			kindSeen = true
			if s := d.str(v, path); s != Kind {
				d.add(assessment.RuleSchema, d.doc.Pos(path), "kind %q: a figures file says kind: figures", s)
			}
		case "landlord":
			f.Landlord = d.str(v, path)
		case "period":
			f.Period = d.str(v, path)
			if _, _, ok := PeriodDays(f.Period); !ok && f.Period != "" {
				d.add(assessment.RuleSchema, d.doc.Pos(path), "period %q is not a financial year like 2024/25", f.Period)
			}
		case "from":
			f.From = d.date(v, path)
		case "to":
			f.To = d.date(v, path)
		case "timescales":
			f.Timescales = d.str(v, path)
		case "assessment":
			f.Assessment = d.str(v, path)
		case "calendar":
			f.Calendar = d.str(v, path)
		case "closed":
			f.Closed = d.int(v, path)
		case "log":
			f.Log = d.str(v, path)
		case "rows":
			f.Rows = &Rows{}
			d.mapping(v, path, rowKeys, func(k string, v *yaml.Node, path string) {
				n := d.int(v, path)
				if n == nil {
					return
				}
				switch k {
				case "read":
					f.Rows.Read = *n
				case "used":
					f.Rows.Used = *n
				case "outside_period":
					f.Rows.Outside = *n
				case "left_out":
					f.Rows.LeftOut = *n
				}
			})
		case "homes":
			f.Homes = d.int(v, path)
		case "stage_1", "stage_2":
			f.Stages[stageIndex(k)] = d.stage(v, path)
		case "escalation_rate":
			f.Escalation = d.number(v, path)
		case "ch01":
			f.CH01 = d.ch01(v, path)
		case "ch02":
			f.CH02 = d.ch02(v, path)
		case "tenures":
			f.Tenures = d.tenures(v, path)
		case "months":
			f.Months = d.months(v, path)
		}
	})
	if !kindSeen {
		d.add(assessment.RuleSchema, assessment.Pos{Line: 1, Col: 1}, "no kind: add kind: figures at the top, so csa knows the file")
	}
	if f.Timescales == "" {
		d.add(assessment.RuleSchema, assessment.Pos{Line: 1, Col: 1}, "no timescales: name the Code whose timescales within counts against (timescales: chc-2024)")
	}
	d.period(f)
	d.monthsInPeriod(f)
	return f, d.doc, d.out
}

var yamlLine = regexp.MustCompile(`line (\d+): `)

var (
	topKeys = []string{"kind", "landlord", "period", "from", "to", "timescales", "assessment", "calendar", "closed",
		"log", "rows", "homes", "stage_1", "stage_2", "escalation_rate", "ch01", "ch02", "tenures", "months"}
	rowKeys     = []string{"read", "used", "outside_period", "left_out"}
	stageFields = func() []string {
		var out []string
		for _, k := range stageKeys {
			out = append(out, k.key)
		}
		return out
	}()
	chKeys         = []string{"stage_1", "stage_2"}
	shareKeys      = []string{"responded", "within", "percent"}
	tenureKeys     = []string{"tenure", "homes", "stage_1", "stage_2", "ch01", "ch02"}
	monthKeys      = []string{"month", "stage_1", "stage_2"}
	monthStageKeys = []string{"received", "refused", "responded", "within"}
)

func stageIndex(key string) int {
	if key == "stage_2" {
		return 1
	}
	return 0
}

type decoder struct {
	doc *Doc
	out []assessment.Finding
}

func (d *decoder) add(rule string, p assessment.Pos, format string, args ...any) {
	sev := assessment.Error
	d.out = append(d.out, assessment.Finding{Rule: rule, Severity: sev, File: d.doc.File, Line: p.Line, Col: p.Col,
		Message: fmt.Sprintf(format, args...)})
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func pos(n *yaml.Node) assessment.Pos { return assessment.Pos{Line: n.Line, Col: n.Column} }

// mapping walks a mapping's keys, reporting duplicates and keys it does not
// know (with the nearest it does).
func (d *decoder) mapping(n *yaml.Node, path string, known []string, each func(key string, v *yaml.Node, path string)) {
	if n.Kind != yaml.MappingNode {
		d.add(assessment.RuleSchema, pos(n), "%s should hold keys (%s), not a single value or a list", orNot(path, "the file"), strings.Join(known[:min(3, len(known))], ", ")+", ...")
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		p := join(path, k.Value)
		if seen[k.Value] {
			d.add(assessment.RuleSchema, pos(k), "%s is given twice", p)
			continue
		}
		seen[k.Value] = true
		if known != nil && !contains(known, k.Value) {
			msg := fmt.Sprintf("unknown key %q", k.Value)
			if s := suggest(k.Value, known); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			}
			d.add(assessment.RuleSchema, pos(k), "%s", msg)
			continue
		}
		d.doc.pos[p] = pos(v)
		if v.Kind == yaml.ScalarNode {
			d.doc.text[p] = v.Value
		}
		each(k.Value, v, p)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (d *decoder) scalar(v *yaml.Node, path, want string) bool {
	if v.Kind != yaml.ScalarNode {
		d.add(assessment.RuleSchema, pos(v), "%s should be %s", path, want)
		return false
	}
	return true
}

func (d *decoder) str(v *yaml.Node, path string) string {
	if !d.scalar(v, path, "text") {
		return ""
	}
	return strings.TrimSpace(v.Value)
}

func (d *decoder) date(v *yaml.Node, path string) calendar.Day {
	if !d.scalar(v, path, "a date") {
		return 0
	}
	day, ok := calendar.ParseDay(v.Value)
	if !ok {
		d.add(assessment.RuleSchema, pos(v), "%s %q is not a date written YYYY-MM-DD", path, v.Value)
	}
	return day
}

// int reads a count: a whole number, not negative.
func (d *decoder) int(v *yaml.Node, path string) *int {
	if !d.scalar(v, path, "a whole number") {
		return nil
	}
	n, err := strconv.Atoi(v.Value)
	if err != nil || v.Tag == "!!str" || n < 0 {
		d.add(assessment.RuleSchema, pos(v), "%s %q should be a whole number, 0 or more", path, v.Value)
		return nil
	}
	return &n
}

// number reads a rate or a percentage: a number, not negative.
func (d *decoder) number(v *yaml.Node, path string) *float64 {
	if !d.scalar(v, path, "a number") {
		return nil
	}
	x, err := strconv.ParseFloat(strings.TrimSuffix(v.Value, "%"), 64)
	if err != nil || v.Tag == "!!str" && !strings.HasSuffix(v.Value, "%") || x < 0 || x != x || x > 1e9 {
		d.add(assessment.RuleSchema, pos(v), "%s %q should be a number, 0 or more", path, v.Value)
		return nil
	}
	d.doc.text[path] = strings.TrimSuffix(v.Value, "%")
	return &x
}

func (d *decoder) stage(n *yaml.Node, path string) *Stage {
	s := &Stage{}
	ints := map[string]**int{
		"received": &s.Received, "refused": &s.Refused, "acknowledged": &s.Acknowledged,
		"acknowledged_within": &s.AcknowledgedWithin, "responded": &s.Responded, "responded_within": &s.RespondedWithin,
		"within_by_extension": &s.WithinByExtension, "extended": &s.Extended,
		"extension_beyond_limit": &s.ExtensionBeyondLimit, "p90_days": &s.P90Days,
	}
	d.mapping(n, path, stageFields, func(k string, v *yaml.Node, path string) {
		switch k {
		case "median_days":
			s.MedianDays = d.number(v, path)
		case "refusals":
			s.Refusals = d.counts(v, path)
		case "outcomes":
			s.Outcomes = d.counts(v, path)
		case "categories":
			s.Categories = d.counts(v, path)
		default:
			*ints[k] = d.int(v, path)
		}
	})
	return s
}

// counts reads a breakdown: each label and its count.
func (d *decoder) counts(n *yaml.Node, path string) []Count {
	var out []Count
	d.mapping(n, path, nil, func(k string, v *yaml.Node, p string) {
		if c := d.int(v, p); c != nil {
			out = append(out, Count{Label: k, N: *c})
		}
	})
	return out
}

func (d *decoder) ch01(n *yaml.Node, path string) [2]*float64 {
	var out [2]*float64
	d.mapping(n, path, chKeys, func(k string, v *yaml.Node, p string) {
		out[stageIndex(k)] = d.number(v, p)
	})
	return out
}

func (d *decoder) ch02(n *yaml.Node, path string) [2]*Share {
	var out [2]*Share
	d.mapping(n, path, chKeys, func(k string, v *yaml.Node, p string) {
		s := &Share{}
		d.mapping(v, p, shareKeys, func(k string, v *yaml.Node, p string) {
			switch k {
			case "responded":
				s.Responded = d.int(v, p)
			case "within":
				s.Within = d.int(v, p)
			case "percent":
				s.Percent = d.number(v, p)
			}
		})
		out[stageIndex(k)] = s
	})
	return out
}

func (d *decoder) tenures(n *yaml.Node, path string) []*Tenure {
	if n.Kind != yaml.SequenceNode {
		d.add(assessment.RuleSchema, pos(n), "tenures should be a list, each item starting - tenure: low-cost rental")
		return nil
	}
	var out []*Tenure
	seen := map[string]bool{}
	for i, item := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.doc.pos[p] = pos(item)
		t := &Tenure{}
		d.mapping(item, p, tenureKeys, func(k string, v *yaml.Node, p string) {
			switch k {
			case "tenure":
				t.Name = d.str(v, p)
				if !contains(Tenures, t.Name) {
					d.add(assessment.RuleSchema, pos(v), "tenure %q should be %s", t.Name, strings.Join(Tenures, " or "))
				} else if seen[t.Name] {
					d.add(assessment.RuleSchema, pos(v), "tenure %q is listed twice", t.Name)
				}
				seen[t.Name] = true
			case "homes":
				t.Homes = d.int(v, p)
			case "stage_1", "stage_2":
				t.Stages[stageIndex(k)] = d.stage(v, p)
			case "ch01":
				t.CH01 = d.ch01(v, p)
			case "ch02":
				t.CH02 = d.ch02(v, p)
			}
		})
		if t.Name == "" && item.Kind == yaml.MappingNode {
			d.add(assessment.RuleSchema, pos(item), "a tenure needs tenure: (%s)", strings.Join(Tenures, " or "))
		}
		out = append(out, t)
	}
	return out
}

// months reads the monthly breakdown: a list of months, each written
// YYYY-MM, once each, in order.
func (d *decoder) months(n *yaml.Node, path string) []*Month {
	if n.Kind != yaml.SequenceNode {
		d.add(assessment.RuleSchema, pos(n), "months should be a list, each item starting - month: 2024-04")
		return nil
	}
	var out []*Month
	last := ""
	for i, item := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.doc.pos[p] = pos(item)
		m := &Month{}
		d.mapping(item, p, monthKeys, func(k string, v *yaml.Node, p string) {
			switch k {
			case "month":
				m.Month = d.str(v, p)
				switch {
				case !monthPattern.MatchString(m.Month):
					d.add(assessment.RuleSchema, pos(v), "month %q should be written YYYY-MM, like 2024-04", m.Month)
				case m.Month <= last:
					d.add(assessment.RuleSchema, pos(v), "month %s comes after %s: list each month once, in order", m.Month, last)
				default:
					last = m.Month
				}
			case "stage_1", "stage_2":
				ms := &MonthStage{}
				d.mapping(v, p, monthStageKeys, func(k string, v *yaml.Node, p string) {
					n := d.int(v, p)
					switch k {
					case "received":
						ms.Received = n
					case "refused":
						ms.Refused = n
					case "responded":
						ms.Responded = n
					case "within":
						ms.Within = n
					}
				})
				m.Stages[stageIndex(k)] = ms
			}
		})
		if m.Month == "" && item.Kind == yaml.MappingNode {
			d.add(assessment.RuleSchema, pos(item), "a month needs month: (YYYY-MM, like 2024-04)")
		}
		out = append(out, m)
	}
	return out
}

var monthPattern = regexp.MustCompile(`^(19|20)[0-9][0-9]-(0[1-9]|1[0-2])$`)

// period checks that the period is given, and that from and to agree with it.
func (d *decoder) period(f *Figures) {
	from, to, ok := PeriodDays(f.Period)
	switch {
	case ok:
		if f.From != 0 && f.From != from {
			d.add(assessment.RuleSchema, d.doc.Pos("from"), "from %s is not the first day of %s (%s)", f.From, f.Period, from)
		}
		if f.To != 0 && f.To != to {
			d.add(assessment.RuleSchema, d.doc.Pos("to"), "to %s is not the last day of %s (%s)", f.To, f.Period, to)
		}
		f.From, f.To = from, to
	case f.Period == "" && (f.From == 0 || f.To == 0):
		d.add(assessment.RuleSchema, assessment.Pos{Line: 1, Col: 1}, "no period: give period: 2024/25, or from: and to:")
	case f.Period == "" && f.To < f.From:
		d.add(assessment.RuleSchema, d.doc.Pos("to"), "to %s is before from %s", f.To, f.From)
	}
}

// monthsInPeriod checks that each month listed is in the period.
func (d *decoder) monthsInPeriod(f *Figures) {
	if f.From == 0 || f.To == 0 || f.To < f.From {
		return
	}
	first, last := monthOf(f.From), monthOf(f.To)
	for i, m := range f.Months {
		if monthPattern.MatchString(m.Month) && (m.Month < first || m.Month > last) {
			d.add(assessment.RuleSchema, d.doc.Pos(fmt.Sprintf("months[%d].month", i)), "month %s is outside the period (%s to %s)", m.Month, first, last)
		}
	}
}

// monthOf is the month a day is in, written YYYY-MM.
func monthOf(day calendar.Day) string { return day.String()[:7] }

// suggest returns the known key nearest a mistyped one, if it is near.
func suggest(k string, known []string) string {
	best, bestD := "", 3
	for _, c := range known {
		if dd := english.Distance(k, c); dd < bestD {
			best, bestD = c, dd
		}
	}
	return best
}
