package annual

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/assessment"

	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/safetext"
)

// This file reads an annual report file, keeping where each value is so
// that a finding names its line and column. Reading is strict: an unknown
// key (with the key it was probably meant to be), a value of the wrong
// type, a date not written YYYY-MM-DD, a word that is not one of the
// answers allowed are all findings. Anchors and aliases are refused: a
// short file has no need of them, and they could make it expand.

// Doc is where an annual report file's values are.
type Doc struct {
	File string
	pos  assessment.Positions      // path ("response.on") -> the value
	keys map[string]assessment.Pos // path -> the key
}

// Pos is where the value at path is, or the nearest enclosing value that
// was written (1:1 when none was).
func (d *Doc) Pos(path string) assessment.Pos { return d.pos.Of(path) }

// KeyPos is where the key of path is written, or Pos(path) when it is not.
func (d *Doc) KeyPos(path string) assessment.Pos {
	if pos, ok := d.keys[path]; ok {
		return pos
	}
	return d.Pos(path)
}

// IsAnnual reports whether YAML is an annual report file: kind: annual at
// the top, found without parsing the file.
func IsAnnual(data []byte) bool {
	for rest := data; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if !bytes.HasPrefix(line, []byte("kind:")) {
			continue
		}
		v := strings.TrimSpace(string(bytes.TrimRight(line[len("kind:"):], " \t\r")))
		if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		return strings.EqualFold(strings.Trim(v, `"'`), Kind)
	}
	return false
}

// The keys of each part of the file, in the order the skeleton writes them.
var (
	topKeys = []string{"kind", "landlord", "period", "year_end", "homes", "dated", "self_assessment", "figures", "previous",
		"member_responsible", "analysis", "refusals", "improvements", "ombudsman", "response", "published", "submitted"}
	memberKeys        = []string{"name", "role"}
	improvementKeys   = []string{"learned", "changed", "when"}
	ombudsmanKeys     = []string{"determinations", "annual_report", "other_reports"}
	determinationKeys = []string{"case", "date", "about", "finding", "non_compliance", "orders"}
	orderKeys         = []string{"order", "due", "complied", "on"}
	linkKeys          = []string{"title", "link"}
	responseKeys      = []string{"by", "on", "text", "published"}
	submissionKeys    = []string{"on", "form", "what"}
)

// Parse reads an annual report file. It returns the report as far as it
// could be read (nil when the YAML is broken or is not a set of keys),
// where each value is, and the findings: syntax and schema errors.
func Parse(file string, data []byte) (*Annual, *Doc, []assessment.Finding) {
	d := &decoder{doc: &Doc{File: file, pos: assessment.Positions{}, keys: map[string]assessment.Pos{}}, data: data}
	top := d.document()
	if top == nil {
		return nil, d.doc, d.out
	}
	a := &Annual{File: file, given: map[string]bool{}}
	kind := ""
	d.mapping(top, "", "the annual report", topKeys, func(k string, v *yaml.Node, path string) {
		a.given[k] = !(v.Kind == yaml.ScalarNode && v.Tag == "!!null")
		switch k {
		case "kind":
			kind = d.text(v, path)
			if kind != Kind {
				d.add(v, "kind %q: an annual report file says kind: annual", clip(kind))
			}
		case "landlord":
			a.Landlord = d.text(v, path)
		case "period":
			a.Period = d.text(v, path)
		case "year_end":
			a.YearEnd = d.date(v, path)
		case "homes":
			a.Homes = d.count(v, path)
		case "dated":
			a.Dated = d.date(v, path)
		case "self_assessment":
			a.SelfAssessment = d.text(v, path)
		case "figures":
			a.Figures = d.text(v, path)
		case "previous":
			a.Previous = d.text(v, path)
		case "member_responsible":
			a.Member = d.member(v, path)
		case "analysis":
			a.Analysis = d.text(v, path)
		case "refusals":
			a.Refusals = d.text(v, path)
		case "improvements":
			a.Improvements = d.improvements(v, path)
		case "ombudsman":
			a.Ombudsman = d.ombudsman(v, path)
		case "response":
			a.Response = d.response(v, path)
		case "published":
			a.Published = d.text(v, path)
		case "submitted":
			a.Submitted = d.submissions(v, path)
		}
	})
	at := &yaml.Node{Line: 1, Column: 1}
	if !a.given["kind"] && kind == "" {
		d.add(at, "kind is missing: put kind: annual at the top, so csa knows the file")
	}
	for _, req := range []struct{ key, what string }{
		{"landlord", "landlord is missing: give the landlord's name, e.g. landlord: Example Homes"},
		{"period", "period is missing: give the reporting year, e.g. period: 2024/25"},
		{"year_end", "year_end is missing: give the last day of the financial year, e.g. year_end: 2025-03-31 (the submission deadline runs from it)"},
		{"homes", "homes is missing: give the number of homes owned (the submission deadline depends on it)"},
		{"dated", "dated is missing: give the day the report was finished, e.g. dated: 2025-06-12"},
	} {
		p, written := d.doc.pos[req.key]
		if !a.given[req.key] && !(written && d.reported(p)) {
			d.add(nodeAt(d.doc.Pos(req.key), at), "%s", req.what)
		}
	}
	return a, d.doc, d.out
}

type decoder struct {
	doc  *Doc
	data []byte
	out  []assessment.Finding
}

func (d *decoder) addRule(rule string, n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil && n.Line > 0 {
		line, col = n.Line, n.Column
	}
	d.out = append(d.out, assessment.Finding{Rule: rule, Severity: assessment.Error, File: d.doc.File,
		Line: line, Col: col, Message: fmt.Sprintf(format, args...)})
}

func (d *decoder) add(n *yaml.Node, format string, args ...any) {
	d.addRule(assessment.RuleSchema, n, format, args...)
}

// reported reports whether a finding already sits at p.
func (d *decoder) reported(p assessment.Pos) bool {
	for _, f := range d.out {
		if f.Line == p.Line && f.Col == p.Col {
			return true
		}
	}
	return false
}

func nodeAt(p assessment.Pos, fallback *yaml.Node) *yaml.Node {
	if p.Line <= 1 && p.Col <= 1 {
		return fallback
	}
	return &yaml.Node{Line: p.Line, Column: p.Col}
}

// document parses the file and returns its top mapping, or nil with a
// finding.
func (d *decoder) document() *yaml.Node {
	if !utf8.Valid(d.data) {
		d.addRule(assessment.RuleSyntax, nil, "the file is not UTF-8 text (or not text at all): save it as UTF-8")
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(d.data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.add(nil, "the file is empty: an annual report file starts with kind: annual")
			return nil
		}
		d.out = append(d.out, assessment.SyntaxFinding(d.doc.File, d.data, err))
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.add(&extra, "the file holds more than one YAML document (a second ---); keep one report per file")
		return nil
	} else if !errors.Is(err, io.EOF) {
		d.out = append(d.out, assessment.SyntaxFinding(d.doc.File, d.data, err))
		return nil
	}
	if len(doc.Content) == 0 {
		d.add(nil, "the file is empty: an annual report file starts with kind: annual")
		return nil
	}
	if n := firstAlias(&doc); n != nil {
		d.add(n, "an anchor or alias (& or *): an annual report file is read without them; write the value out")
		return nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		d.add(top, "an annual report file is a set of keys (kind: annual, landlord:, period: ...)")
		return nil
	}
	return top
}

// firstAlias is the first anchor or alias in a document, or nil.
func firstAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n
	}
	for _, c := range n.Content {
		if a := firstAlias(c); a != nil {
			return a
		}
	}
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func pos(n *yaml.Node) assessment.Pos { return assessment.Pos{Line: n.Line, Col: n.Column} }

// mapping walks a mapping's keys, reporting repeated keys and keys it does
// not know (with the nearest it does), and calls each for the others.
func (d *decoder) mapping(n *yaml.Node, path, what string, known []string, each func(key string, v *yaml.Node, path string)) bool {
	if n.Kind != yaml.MappingNode {
		d.add(n, "%s should hold keys (%s), not %s", what, strings.Join(known, ", "), assessment.Describe(n))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		p := join(path, k.Value)
		if seen[k.Value] {
			d.add(k, "%q appears twice in %s", clip(k.Value), what)
			continue
		}
		seen[k.Value] = true
		if !slices.Contains(known, k.Value) {
			d.add(k, "unknown key %q in %s%s; the keys are %s", clip(k.Value), what, english.DidYouMean(k.Value, known), strings.Join(known, ", "))
			continue
		}
		d.doc.pos[p] = pos(v)
		d.doc.keys[p] = pos(k)
		each(k.Value, v, p)
	}
	return true
}

// clip shortens text quoted in a message to 40 characters, on one line.
func clip(s string) string {
	s = safetext.Line(s)
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return string(r[:37]) + "..."
}

// text reads a scalar as text: any scalar will do (a number is its digits
// as written); a list or a set of keys is a finding.
func (d *decoder) text(v *yaml.Node, path string) string {
	if v.Kind != yaml.ScalarNode {
		d.add(v, "%s should be text, not %s", path, assessment.Describe(v))
		return ""
	}
	if v.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(v.Value)
}

func (d *decoder) date(v *yaml.Node, path string) assessment.Date {
	if v.Kind != yaml.ScalarNode {
		d.add(v, "%s should be a date like 2025-05-31, not %s", path, assessment.Describe(v))
		return assessment.Date{}
	}
	if v.Tag == "!!null" || v.Value == "" {
		return assessment.Date{}
	}
	day, err := assessment.ParseDate(v.Value)
	if err != nil {
		d.add(v, "%s %q is not a date: write it as YYYY-MM-DD, e.g. 2025-05-31", path, clip(v.Value))
		return assessment.Date{}
	}
	return day
}

// count reads a whole number, 0 or more.
func (d *decoder) count(v *yaml.Node, path string) *int {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil // blank: Parse says it is missing
	}
	if v.Kind != yaml.ScalarNode {
		d.add(v, "%s should be a whole number, not %s", path, assessment.Describe(v))
		return nil
	}
	n, err := strconv.Atoi(strings.ReplaceAll(v.Value, "_", ""))
	if err != nil || v.Tag == "!!str" || n < 0 {
		d.add(v, "%s %q should be a whole number, 0 or more (write 4180, not 4,180)", path, clip(v.Value))
		return nil
	}
	return &n
}

// yesNo reads yes or no (true or false, in any case).
func (d *decoder) yesNo(v *yaml.Node, path string) bool {
	if v.Kind == yaml.ScalarNode {
		switch strings.ToLower(strings.TrimSpace(v.Value)) {
		case "yes", "true":
			return true
		case "no", "false":
			return false
		}
	}
	d.add(v, "%s should be yes or no, not %s", path, assessment.Describe(v))
	return false
}

// list checks that a value is a list (an empty value is an empty list)
// and returns its items.
func (d *decoder) list(v *yaml.Node, path, item string) []*yaml.Node {
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return nil
	case v.Kind != yaml.SequenceNode:
		d.add(v, "%s should be a list, each item starting - %s, not %s", path, item, assessment.Describe(v))
		return nil
	}
	return v.Content
}

func (d *decoder) member(v *yaml.Node, path string) *Member {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	m := &Member{}
	if !d.mapping(v, path, "member_responsible", memberKeys, func(k string, v *yaml.Node, p string) {
		switch k {
		case "name":
			m.Name = d.text(v, p)
		case "role":
			m.Role = d.text(v, p)
		}
	}) {
		return nil
	}
	if m.Name == "" {
		d.add(v, "member_responsible needs name: the member of the governing body responsible for complaints")
	}
	return m
}

func (d *decoder) improvements(v *yaml.Node, path string) []Improvement {
	var out []Improvement
	for i, item := range d.list(v, path, "learned:") {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.doc.pos[p] = pos(item)
		im := Improvement{Pos: pos(item)}
		if !d.mapping(item, p, "an improvement", improvementKeys, func(k string, v *yaml.Node, p string) {
			switch k {
			case "learned":
				im.Learned = d.text(v, p)
			case "changed":
				im.Changed = d.text(v, p)
			case "when":
				im.When = d.date(v, p)
			}
		}) {
			continue
		}
		if im.Changed == "" {
			d.add(item, "an improvement needs changed: what was changed")
		}
		out = append(out, im)
	}
	return out
}

func (d *decoder) ombudsman(v *yaml.Node, path string) *Ombudsman {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	o := &Ombudsman{Pos: pos(v), given: map[string]bool{}}
	if !d.mapping(v, path, "ombudsman", ombudsmanKeys, func(k string, v *yaml.Node, p string) {
		o.given[k] = !(v.Kind == yaml.ScalarNode && v.Tag == "!!null")
		switch k {
		case "determinations":
			o.Determinations = d.determinations(v, p)
		case "annual_report":
			if v.Kind == yaml.ScalarNode && strings.EqualFold(strings.TrimSpace(v.Value), "none") {
				o.NoAnnualReport = true
				return
			}
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				return
			}
			o.AnnualReport = d.link(v, p)
		case "other_reports":
			for i, item := range d.list(v, p, "title:") {
				ip := fmt.Sprintf("%s[%d]", p, i)
				d.doc.pos[ip] = pos(item)
				if l := d.link(item, ip); l != nil {
					o.OtherReports = append(o.OtherReports, *l)
				}
			}
		}
	}) {
		return nil
	}
	return o
}

func (d *decoder) link(v *yaml.Node, path string) *Link {
	l := &Link{Pos: pos(v)}
	if v.Kind != yaml.MappingNode {
		d.add(v, "%s should hold title: and link:, or be none", path)
		return nil
	}
	d.mapping(v, path, path, linkKeys, func(k string, v *yaml.Node, p string) {
		switch k {
		case "title":
			l.Title = d.text(v, p)
		case "link":
			l.URL = d.text(v, p)
		}
	})
	if l.Title == "" && l.URL == "" {
		d.add(v, "%s needs a title: and a link:", path)
	}
	return l
}

func (d *decoder) determinations(v *yaml.Node, path string) []Determination {
	var out []Determination
	for i, item := range d.list(v, path, "case:") {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.doc.pos[p] = pos(item)
		det := Determination{Pos: pos(item)}
		if !d.mapping(item, p, "a determination", determinationKeys, func(k string, v *yaml.Node, p string) {
			switch k {
			case "case":
				det.Case = d.text(v, p)
			case "date":
				det.Date = d.date(v, p)
			case "about":
				det.About = d.text(v, p)
			case "finding":
				det.Finding = d.text(v, p)
			case "non_compliance":
				det.NonCompliance = d.yesNo(v, p)
			case "orders":
				det.Orders = d.orders(v, p)
			}
		}) {
			continue
		}
		if det.Case == "" {
			d.add(item, "a determination needs case: the Ombudsman's case reference")
		}
		if det.Finding == "" {
			d.add(item, "determination %s needs finding: what the Ombudsman found", clip(det.Case))
		}
		out = append(out, det)
	}
	return out
}

func (d *decoder) orders(v *yaml.Node, path string) []Order {
	var out []Order
	for i, item := range d.list(v, path, "order:") {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.doc.pos[p] = pos(item)
		o := Order{Pos: pos(item), StatPos: pos(item)}
		if !d.mapping(item, p, "an order", orderKeys, func(k string, v *yaml.Node, p string) {
			switch k {
			case "order":
				o.Order = d.text(v, p)
			case "due":
				o.Due = d.date(v, p)
			case "on":
				o.On = d.date(v, p)
			case "complied":
				o.StatPos = pos(v)
				if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
					if v.Kind != yaml.ScalarNode {
						d.add(v, "complied should be yes, no or pending, not %s", assessment.Describe(v))
					}
					return
				}
				switch strings.ToLower(strings.TrimSpace(v.Value)) {
				case "yes", "true":
					o.Status = Complied
				case "no", "false":
					o.Status = Missed
				case "pending":
					o.Status = Pending
				case "":
				default:
					d.add(v, "complied %q should be yes, no or pending (not yet due)", clip(v.Value))
					o.Status = Unreadable
				}
			}
		}) {
			continue
		}
		if o.Order == "" {
			d.add(item, "an order needs order: what the Ombudsman ordered")
		}
		if !o.On.IsZero() && o.Status != Complied && o.Status != NoStatus {
			d.add(nodeAt(d.doc.Pos(p+".on"), item), "an order has on: (the day it was complied with) but complied is not yes")
		}
		out = append(out, o)
	}
	return out
}

func (d *decoder) response(v *yaml.Node, path string) *Response {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	r := &Response{Pos: d.doc.keys[path]}
	if !d.mapping(v, path, "response", responseKeys, func(k string, v *yaml.Node, p string) {
		switch k {
		case "by":
			r.By = d.text(v, p)
		case "on":
			r.On = d.date(v, p)
		case "text":
			r.Text = d.text(v, p)
		case "published":
			r.Published = d.text(v, p)
		}
	}) {
		return nil
	}
	at := nodeAt(r.Pos, v)
	if r.By == "" {
		d.add(at, "response needs by: naming who responded, e.g. by: Board")
	}
	if r.On.IsZero() && !d.reported(d.doc.Pos(path+".on")) {
		d.add(at, "response needs on: with the date of the response, e.g. on: 2025-06-26")
	}
	if r.Text == "" {
		d.add(at, "response needs text: with what the governing body said")
	}
	return r
}

var formYear = regexp.MustCompile(`^20[0-9][0-9]-[0-9][0-9]$`)

func (d *decoder) submissions(v *yaml.Node, path string) []Submission {
	var out []Submission
	for i, item := range d.list(v, path, "on:") {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.doc.pos[p] = pos(item)
		s := Submission{Pos: pos(item)}
		if !d.mapping(item, p, "a submission", submissionKeys, func(k string, v *yaml.Node, p string) {
			switch k {
			case "on":
				s.On = d.date(v, p)
			case "form":
				s.Form = d.text(v, p)
				if s.Form != "" && !formYear.MatchString(s.Form) {
					d.add(v, "form %q should be the form's year, like 2025-26", clip(s.Form))
				}
			case "what":
				s.What = d.text(v, p)
			}
		}) {
			continue
		}
		if s.On.IsZero() && !d.reported(d.doc.Pos(p+".on")) {
			d.add(item, "a submission needs on: the day it was made")
		}
		if s.What == "" {
			d.add(item, "a submission needs what: what was submitted (the annual report, the response and the self-assessment; an updated self-assessment after a merger)")
		}
		out = append(out, s)
	}
	return out
}
