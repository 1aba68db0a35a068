package assessment

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

	"github.com/csa-tool/csa/assessment/internal/fastyaml"
	"github.com/csa-tool/csa/assessment/internal/yamlpos"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/schema"
)

// Parse reads an assessment from data. file names it in findings. The
// findings are the syntax and schema problems met while reading; the
// assessment holds everything that could be read, so later rules can still
// run on it. A file that is not YAML, is empty, or is not a set of keys gives
// a nil assessment.
func Parse(file string, data []byte) (*Assessment, []Finding) {
	l := loader{file: file, data: data}
	root := l.document(data)
	if root == nil {
		return nil, l.findings
	}
	a := &Assessment{File: file}
	l.assessment(root, a)
	return a, l.findings
}

// parseTree is Parse of data that fastyaml reads as doc (ParseComments,
// before anything changes it): it saves csa fmt reading the file twice.
func parseTree(file string, data []byte, doc *yaml.Node) (*Assessment, []Finding) {
	l := loader{file: file, data: data}
	a := &Assessment{File: file}
	l.assessment(resolve(doc.Content[0]), a)
	return a, l.findings
}

type loader struct {
	file     string
	data     []byte
	group    bool  // the file lists a group's entities
	lines    []int // offset of each line start, built on first use
	findings []Finding
	slow     bool // skip the fast path (tests compare the two)
}

func (l *loader) add(rule string, n *yaml.Node, id, format string, args ...any) {
	f := Finding{Rule: rule, Severity: Error, File: l.file, Provision: id,
		Message: fmt.Sprintf(format, args...)}
	if n != nil {
		f.Line, f.Col = n.Line, n.Column
	}
	if f.Line == 0 {
		f.Line, f.Col = 1, 1
	}
	l.findings = append(l.findings, f)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// document parses the YAML and returns the top mapping, or nil when there is
// none: the file is not valid YAML, is empty, or holds something else.
func (l *loader) document(data []byte) *yaml.Node {
	if !utf8.Valid(data) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(data, []byte{0xFF, 0xFE}) {
		// yaml.v3 would say "invalid trailing UTF-8 octet".
		bad := 0
		for bad < len(data) {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		line := 1 + bytes.Count(data[:bad], []byte{'\n'})
		col := 1 + utf8.RuneCount(data[bytes.LastIndexByte(data[:bad], '\n')+1:bad])
		l.add(RuleSyntax, &yaml.Node{Line: line, Column: col}, "", "the file is not UTF-8 text (or not text at all): save it as UTF-8")
		return nil
	}
	if doc, ok := fastyaml.Parse(data); ok && !l.slow {
		return resolve(doc.Content[0])
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			l.add(RuleSchema, nil, "", "the file is empty: an assessment needs code, landlord, assessed and provisions")
			return nil
		}
		l.syntax(err)
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		l.add(RuleSchema, &extra, "", "the file holds more than one YAML document (a second ---); keep one assessment per file")
	} else if !errors.Is(err, io.EOF) {
		l.syntax(err)
		return nil
	}
	if len(doc.Content) == 0 {
		l.add(RuleSchema, nil, "", "the file is empty: an assessment needs code, landlord, assessed and provisions")
		return nil
	}
	if at, ok := aliasesWithinBounds(&doc); !ok {
		l.add(RuleSchema, at, "", "the file's aliases (*%s) repeat so much of it that it would read as more than %d times what it holds: csa refuses it; write the values out instead of aliasing them",
			clip(at.Value), maxExpansion)
		return nil
	}
	top := resolve(doc.Content[0])
	if top.Kind != yaml.MappingNode {
		// Not Describe: a finding does not quote a file that is no assessment.
		what := "a list"
		if top.Kind != yaml.SequenceNode {
			what = "text"
		}
		l.add(RuleSchema, top, "", "an assessment must be a set of keys (code:, landlord:, provisions: ...), not %s", what)
		return nil
	}
	return top
}

func (l *loader) syntax(err error) {
	l.findings = append(l.findings, SyntaxFinding(l.file, l.data, err))
}

// SyntaxFinding is the syntax finding for yaml.v3's err about a file's
// data, as csa says it for every YAML file it reads strictly (an
// assessment, an annual report): at the line and column (asked of yaml v4
// when yaml.v3 gives only a line, or the wrong one), with a hint for the
// usual slips.
func SyntaxFinding(file string, data []byte, err error) Finding {
	msg := err.Error()
	line, col := 1, 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if parserError(msg) {
			line++ // yaml.v3 counts a parser error's line from 0
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if p, ok := yamlpos.Locate(data, msg); ok {
		line, col = p.Line, p.Col
	}
	hint := ""
	switch {
	case strings.Contains(msg, "found character that cannot start any token") && charAt(data, line, col) == '\t',
		strings.Contains(msg, "tab character"):
		hint = " (a tab in the indentation? YAML indents with spaces)"
	case strings.Contains(msg, "found character that cannot start any token"):
		hint = " (text starting with @ or ` needs quotes)"
	case strings.Contains(msg, "mapping values are not allowed"):
		hint = " (text containing \": \" needs quotes or a | block)"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-' indicator"):
		hint = " (check the indentation of this line and the one before)"
	case strings.Contains(msg, "did not find expected ',' or ']'"):
		hint = " (a [ that is not closed with ]?)"
	case strings.Contains(msg, "did not find expected ',' or '}'"):
		hint = " (a { that is not closed with }?)"
	case strings.Contains(msg, "found unexpected end of stream"):
		hint = " (a quote that is not closed?)"
	case strings.HasPrefix(msg, "unknown anchor"):
		msg = "unknown anchor " + clip(strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor "), " referenced")) + " referenced"
	}
	return Finding{Rule: RuleSyntax, Severity: Error, File: file, Line: line, Col: col, Message: "not valid YAML: " + msg + hint}
}

// parserError reports a yaml.v3 message from its parser (as against its
// scanner), whose line yaml.v3 gives counted from 0.
func parserError(msg string) bool {
	return strings.HasPrefix(msg, "did not find expected") || strings.HasPrefix(msg, "found duplicate %") ||
		msg == "found incompatible YAML document" || msg == "found undefined tag handle"
}

// charAt returns the character at line and column (1-based) of data, or 0
// when there is none.
func charAt(data []byte, line, col int) rune {
	rest := data
	for ; line > 1; line-- {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return 0
		}
		rest = rest[i+1:]
	}
	for ; len(rest) > 0; col-- {
		r, size := utf8.DecodeRune(rest)
		if r == '\n' {
			return 0
		}
		if col == 1 {
			return r
		}
		rest = rest[size:]
	}
	return 0
}

// maxExpansion bounds what aliases may add: a document read with every alias
// followed may have at most this many times the nodes it is written with
// (and always minExpansion), and this many times its bytes of text (and
// always minExpansionBytes). yaml.v3 counts aliases against the document
// when it decodes into Go values, but not in the node tree the loader walks,
// where one provision aliased N times, each with N aliased actions, made N²
// actions of a file of size N: 13 GB from 54 KB. The bytes count too: a
// provision with a 100 KB id, aliased 1,000 times, is few nodes but 100 MB
// of text, each copy quoted in its findings.
const (
	maxExpansion      = 10
	minExpansion      = 10000
	minExpansionBytes = 1 << 20
)

// aliasesWithinBounds reports whether doc, read with its aliases followed,
// stays within maxExpansion times its own nodes; if not, at is the alias
// being followed (or last followed) when it went over, or the alias inside
// its own anchor. The
// count stops there, so the work is bounded by the limit, whatever the
// aliases, and it keeps its own stack, so no chain of them can exhaust Go's.
func aliasesWithinBounds(doc *yaml.Node) (at *yaml.Node, ok bool) {
	written, writtenBytes := 0, 0
	var count func(n *yaml.Node)
	count = func(n *yaml.Node) { // yaml.v3 limits how deep a document nests
		written++
		writtenBytes += len(n.Value)
		for _, c := range n.Content {
			count(c)
		}
	}
	count(doc)
	limit := max(maxExpansion*written, minExpansion)
	limitBytes := max(maxExpansion*writtenBytes, minExpansionBytes)
	readBytes := 0
	type frame struct {
		n, via *yaml.Node // via: the outermost alias being followed
		leave  bool       // n's anchored value has been read
	}
	stack := []frame{{n: doc}}
	following := map[*yaml.Node]bool{} // anchored values being read
	var last *yaml.Node                // the last alias followed
	for read := 0; len(stack) > 0; {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case f.leave:
			delete(following, f.n)
			continue
		case (read >= limit || readBytes > limitBytes) && f.via != nil:
			return f.via, false
		case read >= limit || readBytes > limitBytes:
			return last, false // only an alias adds to what was written
		}
		read++
		if f.n.Kind != yaml.AliasNode {
			readBytes += len(f.n.Value)
		}
		if f.n.Kind == yaml.AliasNode && f.n.Alias != nil {
			if following[f.n.Alias] {
				return f.n, false // an anchor inside itself
			}
			if f.via == nil {
				f.via = f.n
			}
			last = f.via
			following[f.n.Alias] = true
			stack = append(stack, frame{n: f.n.Alias, leave: true}, frame{n: f.n.Alias, via: f.via})
			continue
		}
		for i := len(f.n.Content) - 1; i >= 0; i-- {
			stack = append(stack, frame{n: f.n.Content[i], via: f.via})
		}
	}
	return nil, true
}

// resolve follows aliases, so *anchor reads as the anchored value.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// Describe says what a YAML value is, for a message saying it is not what
// was expected: "a set of keys", "a list", "empty", or the value quoted
// (cut short). csa's other strict readers (an annual report) say it so too.
func Describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of keys"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("the value %q", clip(n.Value))
	}
	return "something else"
}

// clip shortens text quoted in a message to 40 characters.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	i := 0
	for range 37 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i] + "..."
}

// maxKeys bounds the keys of one declared set of keys (keys.go), so that a
// set's values fit in a fixed array.
const maxKeys = 16

// values are the value nodes of a set's keys, by their place in its
// declaration; nil where the key is not there.
type values [maxKeys]*yaml.Node

// fields walks a mapping, reporting unknown and repeated keys, and calls
// visit for each known key with its value. It returns each known key's
// value, for required.
func (l *loader) fields(m *yaml.Node, what, id string, keys *schema.Mapping, visit func(key string, k, v *yaml.Node)) (vals values) {
	known := keys.Names()
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], resolve(m.Content[i+1])
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			l.add(RuleSchema, k, id, "%s has a key that is not a plain word", what)
			continue
		}
		at := slices.Index(known, key)
		if at < 0 {
			shown := known
			if !l.group && slices.Contains(known, groupKey) {
				// A group's key is named only to a group: the keys one
				// landlord's file is written with are the rest.
				shown = slices.DeleteFunc(slices.Clone(known), func(k string) bool { return k == groupKey })
			}
			l.add(RuleSchema, k, id, "unknown key %q in %s%s; the keys are %s", clip(key), what, english.DidYouMean(key, known), strings.Join(shown, ", "))
			continue
		}
		if vals[at] != nil {
			l.add(RuleSchema, k, id, "%q appears twice in %s", key, what)
			continue
		}
		vals[at] = v
		visit(key, k, v)
	}
	return vals
}

// required reports each required key of keys that vals lacks or holds
// blank, with the key's message (its {id} the provision's): at missing for
// a key that is not there, and for one that is blank at its value when
// blankAtValue is set, else at missing too. A value the reader has already
// reported (a list where a date belongs, a date that is not one) is not
// blank; text that is not text is.
func (l *loader) required(keys *schema.Mapping, vals *values, id string, missing *yaml.Node, blankAtValue bool) {
	msg := func(s string) string { return strings.ReplaceAll(s, "{id}", id) }
	for i := range keys.Keys {
		k := &keys.Keys[i]
		if !k.Required {
			continue
		}
		v := vals[i]
		switch {
		case v == nil:
			l.add(RuleSchema, missing, id, "%s", msg(k.Missing))
		case blank(k, v):
			at, text := missing, k.Missing
			if blankAtValue {
				at = v
			}
			if k.Blank != "" {
				text = k.Blank
			}
			l.add(RuleSchema, at, id, "%s", msg(text))
		}
	}
}

// blank reports whether v is a blank value of key k, as the loader reads it.
func blank(k *schema.Key, v *yaml.Node) bool {
	switch k.Type {
	case schema.Text:
		return v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == ""
	case schema.Date:
		return v.Kind == yaml.ScalarNode && (v.Tag == "!!null" || v.Value == "")
	}
	return false
}

// text reads a scalar as text. Any scalar will do (a number is its digits as
// written); a list or a set of keys is a schema finding.
func (l *loader) text(v *yaml.Node, key, id string) string {
	if v.Kind != yaml.ScalarNode {
		l.add(RuleSchema, v, id, "%s should be text, not %s%s", key, Describe(v), provisionSuffix(id))
		return ""
	}
	if v.Tag == "!!null" {
		return ""
	}
	return strings.TrimRight(v.Value, "\n")
}

func provisionSuffix(id string) string {
	if id == "" {
		return ""
	}
	return " (provision " + id + ")"
}

func (l *loader) date(v *yaml.Node, key, id string) Date {
	if v.Kind != yaml.ScalarNode {
		l.add(RuleSchema, v, id, "%s should be a date like 2025-05-31, not %s%s", key, Describe(v), provisionSuffix(id))
		return Date{}
	}
	if v.Tag == "!!null" || v.Value == "" {
		return Date{}
	}
	d, err := ParseDate(v.Value)
	if err != nil {
		l.add(RuleSchema, v, id, "%s %q is not a date: write it as YYYY-MM-DD, e.g. 2025-05-31%s", key, clip(v.Value), provisionSuffix(id))
		return Date{}
	}
	return d
}

func pos(n *yaml.Node) Pos { return Pos{n.Line, n.Column} }

func (l *loader) textPos(v *yaml.Node) TextPos {
	tp := TextPos{Pos: pos(v), Block: v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0}
	if tp.Block {
		tp.Indent = l.indent(v.Line + 1)
	}
	return tp
}

// indent counts the spaces that start line n (1-based) of the file.
func (l *loader) indent(n int) int {
	if l.lines == nil {
		l.lines = make([]int, 1, bytes.Count(l.data, []byte{'\n'})+1)
		for i, b := range l.data {
			if b == '\n' {
				l.lines = append(l.lines, i+1)
			}
		}
	}
	if n < 1 || n > len(l.lines) {
		return 0
	}
	i := 0
	for off := l.lines[n-1]; off+i < len(l.data) && l.data[off+i] == ' '; i++ {
	}
	return i
}

// groupKey is the key of a group's entities, at the top and in a
// provision.
const groupKey = "entities"

func (l *loader) assessment(m *yaml.Node, a *Assessment) {
	for i := 0; i < len(m.Content); i += 2 {
		l.group = l.group || m.Content[i].Value == groupKey
	}
	var provisions *yaml.Node
	vals := l.fields(m, "the assessment", "", topKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "code":
			a.Code, a.CodePos = l.text(v, key, ""), pos(v)
		case "landlord":
			a.Landlord, a.LandlordPos = l.text(v, key, ""), pos(v)
		case "entities":
			a.Entities, a.EntitiesPos = l.entities(v), pos(k)
		case "assessed":
			a.Assessed, a.AssessedPos = l.date(v, key, ""), pos(v)
		case "period":
			a.Period = l.text(v, key, "")
		case "published":
			a.Published = l.text(v, key, "")
		case "approved":
			a.Approved = l.approval(k, v)
		case "introduction":
			a.Introduction = l.text(v, key, "")
		case "response":
			a.Response = l.response(k, v)
		case "provisions":
			a.ProvisionsPos = pos(k)
			provisions = v
		}
	})
	l.required(topKeys, &vals, "", &yaml.Node{Line: 1, Column: 1}, true)
	if provisions == nil {
		return
	}
	switch {
	case provisions.Kind == yaml.ScalarNode && provisions.Tag == "!!null":
		return // an empty list; missing-provision names each one
	case provisions.Kind != yaml.SequenceNode:
		l.add(RuleSchema, provisions, "", "provisions should be a list of answers (each starting \"- id:\"), not %s", Describe(provisions))
		return
	}
	a.Answers = make([]Answer, 0, len(provisions.Content))
	for _, item := range provisions.Content {
		if ans, ok := l.answer(resolve(item)); ok {
			a.Answers = append(a.Answers, ans)
		}
	}
}

func (l *loader) approval(k, v *yaml.Node) *Approval {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		l.add(RuleSchema, v, "", "approved should hold by: and on:, e.g. by: Board and on: 2025-06-19")
		return nil
	}
	ap := &Approval{Pos: pos(k)}
	vals := l.fields(v, "approved", "", approvedKeys, func(key string, _, v *yaml.Node) {
		switch key {
		case "by":
			ap.By = l.text(v, "approved by", "")
		case "on":
			ap.On = l.date(v, "approved on", "")
		}
	})
	l.required(approvedKeys, &vals, "", k, false)
	return ap
}

func (l *loader) response(k, v *yaml.Node) *Response {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		l.add(RuleSchema, v, "", "response should hold by:, on: and text:, e.g. by: Board, on: 2025-06-26 and text: with what the board said")
		return nil
	}
	rs := &Response{Pos: pos(k)}
	vals := l.fields(v, "response", "", responseKeys, func(key string, _, v *yaml.Node) {
		switch key {
		case "by":
			rs.By = l.text(v, "response by", "")
		case "on":
			rs.On = l.date(v, "response on", "")
		case "text":
			rs.Text = l.text(v, "response text", "")
		}
	})
	l.required(responseKeys, &vals, "", k, false)
	return rs
}

func (l *loader) answer(m *yaml.Node) (Answer, bool) {
	if m.Kind != yaml.MappingNode {
		l.add(RuleSchema, m, "", "each entry under provisions should be a set of keys starting \"- id:\", not %s", Describe(m))
		return Answer{}, false
	}
	// The id first, so every other finding can name the provision.
	ans := Answer{Pos: pos(m)}
	var idNode *yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "id" {
			idNode = resolve(m.Content[i+1])
			break
		}
	}
	if idNode == nil {
		l.add(RuleSchema, m, "", "%s", answerKeys.Key("id").Missing)
		return Answer{}, false
	}
	if !l.provisionID(idNode, &ans) {
		return Answer{}, false
	}
	id := ans.ID
	var actions *yaml.Node
	l.fields(m, "provision "+id, id, answerKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "comply":
			ans.Comply, ans.ComplyPos = l.comply(v, id, id), pos(v)
		case "evidence":
			ans.Evidence, ans.EvidencePos = l.text(v, key, id), l.textPos(v)
		case "commentary":
			ans.Commentary, ans.CommentaryPos = l.text(v, key, id), l.textPos(v)
		case "requirement":
			ans.Requirement = l.text(v, key, id)
		case "alternative":
			ans.Alternative = l.text(v, key, id)
		case "review":
			ans.Review, ans.ReviewPos = l.text(v, key, id), pos(v)
		case "actions":
			actions = v
		case "entities":
			ans.Entities = l.entityAnswers(v, id)
		}
	})
	if actions != nil {
		ans.Actions = l.actions(actions, id, id)
	}
	return ans, true
}

// comply reads an answer word; what names the provision (and entity) in
// messages.
func (l *loader) comply(v *yaml.Node, id, what string) Comply {
	if v.Kind != yaml.ScalarNode {
		l.add(RuleSchema, v, id, "comply for provision %s should be %s, not %s", what, answerWords, Describe(v))
		return Invalid
	}
	val := v.Value
	if v.Tag == "!!null" {
		val = ""
	}
	c, ok := ParseComply(val)
	if !ok {
		l.add(RuleSchema, v, id, "comply %q for provision %s is not an answer: write %s", clip(val), what, answerWords)
		return Invalid
	}
	return c
}

// actions reads a list of actions; what names the provision (and entity)
// in messages.
func (l *loader) actions(v *yaml.Node, id, what string) []Action {
	var out []Action
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
	case v.Kind != yaml.SequenceNode:
		l.add(RuleSchema, v, id, "actions for provision %s should be a list (each starting \"- action:\"), not %s", what, Describe(v))
	default:
		for _, item := range v.Content {
			if act, ok := l.action(resolve(item), id); ok {
				out = append(out, act)
			}
		}
	}
	return out
}

// entities reads the group's list of entities: each a name, unique, and
// an optional registration number.
func (l *loader) entities(v *yaml.Node) []Entity {
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return nil
	case v.Kind != yaml.SequenceNode:
		l.add(RuleSchema, v, "", "entities should be a list of the group's landlords (each starting \"- name:\"), not %s", Describe(v))
		return nil
	}
	out := make([]Entity, 0, len(v.Content))
	for _, item := range v.Content {
		item = resolve(item)
		if item.Kind != yaml.MappingNode {
			hint := ""
			if item.Kind == yaml.ScalarNode && item.Tag != "!!null" {
				hint = fmt.Sprintf(": write - name: %s", clip(item.Value))
			}
			l.add(RuleSchema, item, "", "each entry under entities should be a set of keys starting \"- name:\", not %s%s", Describe(item), hint)
			continue
		}
		e := Entity{Pos: pos(item)}
		vals := l.fields(item, "an entity", "", entityKeys, func(key string, _, v *yaml.Node) {
			switch key {
			case "name":
				e.Name, e.Pos = strings.TrimSpace(l.text(v, "an entity's name", "")), pos(v)
			case "registration":
				e.Registration = strings.TrimSpace(l.text(v, "an entity's registration", ""))
			}
		})
		l.required(entityKeys, &vals, "", item, false)
		if e.Name == "" {
			continue
		}
		at := &yaml.Node{Line: e.Pos.Line, Column: e.Pos.Col}
		if SameEntity(e.Name, AllEntities) {
			l.add(RuleSchema, at, "", "an entity cannot be called %q: csa's lists and workbook say %q for what the whole group gives; give the entity's own name", clip(e.Name), AllEntities)
			continue
		}
		// Names that differ only in case or spacing are one entity to
		// a reader and to --entity.
		if i := slices.IndexFunc(out, func(x Entity) bool { return SameEntity(x.Name, e.Name) }); i >= 0 {
			as := ""
			if out[i].Name != e.Name {
				as = fmt.Sprintf(", as %q", clip(out[i].Name))
			}
			l.add(RuleSchema, at, "", "the entity %q is listed twice (first at line %d%s): list each entity once", clip(e.Name), out[i].Pos.Line, as)
			continue
		}
		out = append(out, e)
	}
	return out
}

// entityAnswers reads a provision's entities: a set of keys, one per entity
// that answers differently, each holding what differs. Whether each name is
// one of the group's entities is the unknown-entity rule's to say.
func (l *loader) entityAnswers(v *yaml.Node, id string) []EntityAnswer {
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return nil
	case v.Kind != yaml.MappingNode:
		l.add(RuleSchema, v, id, "entities for provision %s should be a set of keys, one per entity that answers differently (its name, then what differs: comply, evidence, commentary, alternative, actions), not %s", id, Describe(v))
		return nil
	}
	var out []EntityAnswer
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, m := v.Content[i], resolve(v.Content[i+1])
		name := strings.TrimSpace(k.Value)
		if k.Kind != yaml.ScalarNode || name == "" {
			l.add(RuleSchema, k, id, "an entity under provision %s has a name that is not text", id)
			continue
		}
		if j := slices.IndexFunc(out, func(e EntityAnswer) bool { return e.Name == name }); j >= 0 {
			l.add(RuleSchema, k, id, "the entity %q appears twice under provision %s (first at line %d): give its answer once", clip(name), id, out[j].Pos.Line)
			continue
		}
		what := id + " for " + clip(name)
		e := EntityAnswer{Name: name, Pos: pos(k)}
		if m.Kind != yaml.MappingNode {
			if m.Kind == yaml.ScalarNode && m.Tag == "!!null" {
				l.add(RuleSchema, k, id, "provision %s gives nothing: give what differs from the group's answer (comply, evidence, commentary, alternative or actions), or delete the entity", what)
			} else {
				l.add(RuleSchema, m, id, "provision %s should hold what differs from the group's answer (comply, evidence, commentary, alternative or actions), not %s", what, Describe(m))
			}
			continue
		}
		blankKey := func(n *yaml.Node, key string) {
			if !l.reported(pos(n)) {
				l.add(RuleSchema, n, id, "%s for provision %s is blank: leave it out to keep the group's %s, or write the entity's own", key, what, key)
			}
		}
		l.fields(m, "provision "+what, id, entityAnswerKeys, func(key string, _, v *yaml.Node) {
			switch key {
			case "comply":
				e.Comply, e.ComplyPos = l.comply(v, id, what), pos(v)
				if e.Comply == Unanswered {
					blankKey(v, "comply")
				}
			case "evidence":
				e.Evidence, e.EvidencePos = l.text(v, key, id), l.textPos(v)
				if strings.TrimSpace(e.Evidence) == "" {
					e.Evidence = ""
					blankKey(v, key)
				}
			case "commentary":
				e.Commentary, e.CommentaryPos = l.text(v, key, id), l.textPos(v)
				if strings.TrimSpace(e.Commentary) == "" {
					e.Commentary = ""
					blankKey(v, key)
				}
			case "alternative":
				e.Alternative = l.text(v, key, id)
				if strings.TrimSpace(e.Alternative) == "" {
					e.Alternative = ""
					blankKey(v, key)
				}
			case "actions":
				e.Actions = l.actions(v, id, what)
			}
		})
		if len(m.Content) == 0 { // {}: an unknown key is a finding of its own
			l.add(RuleSchema, k, id, "provision %s gives nothing: give what differs from the group's answer (comply, evidence, commentary, alternative or actions), or delete the entity", what)
		}
		out = append(out, e)
	}
	return out
}

// provisionID reads the id, which must be a quoted string: YAML reads an
// unquoted 6.10 as the number 6.1.
func (l *loader) provisionID(v *yaml.Node, ans *Answer) bool {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
		l.add(RuleSchema, v, "", "%s", answerKeys.Key("id").Blank)
		return false
	}
	ans.ID = strings.TrimSpace(v.Value)
	if v.Tag == "!!float" || v.Tag == "!!int" || v.Tag == "!!bool" {
		l.add(RuleSchema, v, ans.ID, "provision id %s must be quoted: write id: \"%s\" (unquoted, YAML reads 6.10 as the number 6.1)", v.Value, v.Value)
	}
	return true
}

func (l *loader) action(m *yaml.Node, id string) (Action, bool) {
	if m.Kind != yaml.MappingNode {
		l.add(RuleSchema, m, id, "each action for provision %s should be a set of keys starting \"- action:\", not %s", id, Describe(m))
		return Action{}, false
	}
	act := Action{Pos: pos(m), Status: Open}
	var completedNode *yaml.Node
	vals := l.fields(m, "an action of provision "+id, id, actionKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "action":
			act.Text = l.text(v, key, id)
		case "owner":
			act.Owner = l.text(v, key, id)
		case "due":
			act.Due, act.DuePos = l.date(v, "due", id), pos(v)
		case "completed":
			act.Completed, completedNode = l.date(v, "completed", id), v
		case "status":
			s := l.text(v, key, id)
			switch status := actionKeys.Key("status"); {
			case !status.Allows(s):
				l.add(RuleSchema, v, id, "status %q of an action for provision %s should be %s", clip(v.Value), id, english.Or(status.Enum))
			case strings.EqualFold(strings.TrimSpace(s), string(Done)):
				act.Status = Done
			}
		case "draft":
			switch {
			case v.Kind == yaml.ScalarNode && v.Tag == "!!bool":
				act.Draft = strings.EqualFold(v.Value, "true")
			default:
				l.add(RuleSchema, v, id, "draft for provision %s should be true or false", id)
			}
		}
	})
	l.required(actionKeys, &vals, id, m, false)
	if completedNode != nil && !act.Completed.IsZero() && act.Status != Done {
		l.add(RuleSchema, completedNode, id, "an action for provision %s has a completed date but its status is not done", id)
	}
	return act, true
}

// reported reports whether a finding already sits at p, so a bad value is
// not reported twice.
func (l *loader) reported(p Pos) bool {
	for _, f := range l.findings {
		if f.Line == p.Line && f.Col == p.Col {
			return true
		}
	}
	return false
}

// answerWords are the answers comply allows, for a message: "yes, no,
// partial or n/a".
var answerWords = english.Or(answerKeys.Key("comply").Enum)
