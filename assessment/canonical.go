package assessment

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/assessment/internal/fastyaml"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/schema"
)

// The canonical layout csa fmt writes, and init and import write:
//
//   - keys in the order they are declared (keys.go), which is the order the
//     README shows; a key csa does not know follows the known ones, as it
//     was, for csa check to name;
//   - provisions in Code order ("6.9" before "6.10"), each id in double
//     quotes; actions in the order written;
//   - a group's entities after the landlord, in the order written; a
//     provision's entities last, after the group's answer and actions,
//     the names in the order written, quoted where YAML would read one as
//     a number, and each name's keys in the order of the group's;
//   - text of several lines as a | block, ending in one line break; other
//     values plain where YAML reads them back the same, quoted where it
//     would not ("2024" as text, "yes: no"); text holding a character a
//     block cannot carry (U+2028, a control character) in double quotes,
//     escaped; a blank as nothing after the colon;
//   - lists and sets of keys in block style, indented two spaces;
//   - no blank lines, but inside | text and after a comment that opens the
//     file and is set apart from it by a blank line;
//   - comments kept with what they are written against (the line before a
//     key or an entry, the end of a value's line), moving with it when
//     keys or provisions are put in order; the comment that opens the file
//     stays at the top;
//   - aliases written out in full, anchors dropped (ordering could put an
//     alias before its anchor);
//   - LF line ends, UTF-8 without a byte order mark.
//
// It never changes what csa reads: Format reads its result back and refuses
// to return one that reads differently (the assessment, or the findings).

// FormatError is why a file cannot be formatted, at a place in it.
type FormatError struct {
	Line, Col int // 0 when the problem has no one place
	Msg       string
}

func (e *FormatError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

// Format returns an assessment file's data in the canonical layout. name
// names it in the findings compared. A file that is not valid YAML, holds
// more than one document, or is not a set of keys is refused with a
// FormatError; so, in case of a bug, is a result that would read
// differently from the file.
func Format(name string, data []byte) ([]byte, error) {
	// fastyaml reads the file once, comments kept, where it can, for
	// inForm, Parse and laying it out.
	doc, fast := fastyaml.ParseComments(data)
	if fast && inFormTree(data, doc) || !fast && inForm(data) {
		// In form already: the long way would give it back unchanged
		// (TestInFormIsFormat), so it reads the same.
		return data, nil
	}
	var before *Assessment
	var bf []Finding
	if fast {
		before, bf = parseTree(name, data, doc)
	} else {
		before, bf = Parse(name, data)
	}
	for _, f := range bf {
		if f.Rule == RuleSyntax {
			return nil, &FormatError{f.Line, f.Col, f.Message}
		}
	}
	if before == nil {
		msg := "not an assessment"
		if len(bf) > 0 {
			msg = bf[0].Message
		}
		return nil, &FormatError{Msg: msg}
	}
	var out []byte
	var err error
	if fast && tagDates(doc) {
		tidyTree(doc)
		out, err = write(doc, len(data))
	} else if out, err = formatSlow(data); err == nil {
		out, err = settle(out)
	}
	if err != nil {
		return nil, err
	}
	after, af := Parse(name, out)
	if why := differs(before, bf, after, af); why != "" {
		return nil, &FormatError{Msg: "csa cannot lay this file out without changing what it says (" + why + "); please report it"}
	}
	return out, nil
}

// format lays data out as Format does, without the checks: read by
// fastyaml where it can keep everything yaml.v3 would (fastTree), else by
// yaml.v3; written by emit where it is sure, else by yaml.v3.
// TestFastTreeIsV3, TestEmitIsEncode and FuzzFmt hold each fast half to
// yaml.v3's.
func format(data []byte) ([]byte, error) {
	doc, ok := fastTree(data)
	if !ok {
		return formatSlow(data)
	}
	tidyTree(doc)
	return write(doc, len(data))
}

// settle lays out again a result the in-form check does not recognise,
// until it comes back unchanged, so csa fmt run twice changes nothing the
// second time. yaml.v3 may read a comment written back where it attached
// it elsewhere (a key's foot comment written at the left margin is read
// again as the document's), moving it once more. csa's own route (fastyaml
// and emit) reads only comments it places where it found them, so needs
// no second look; FuzzFmt holds both routes to it.
func settle(out []byte) ([]byte, error) {
	for range 3 {
		if inForm(out) {
			return out, nil
		}
		again, err := formatSlow(out)
		if err != nil {
			return nil, err
		}
		if bytes.Equal(again, out) {
			return out, nil
		}
		out = again
	}
	return nil, &FormatError{Msg: "csa cannot settle on one layout for this file (its comments move each time it is laid out); please report it"}
}

// formatSlow is format with yaml.v3 reading the tree.
func formatSlow(data []byte) ([]byte, error) {
	doc, err := tidyDoc(data)
	if err != nil {
		return nil, err
	}
	return write(doc, len(data))
}

// write writes a tidied tree: emit where it is sure, else yaml.v3.
func write(doc *yaml.Node, size int) ([]byte, error) {
	if out, ok := emit(doc, size); ok {
		return out, nil
	}
	return encodeV3(doc)
}

// tidyDoc reads data with yaml.v3 and puts its tree in the canonical
// layout, for emit or yaml.v3 to write.
func tidyDoc(data []byte) (*yaml.Node, error) {
	doc, err := decodeV3(data)
	if err != nil {
		return nil, err
	}
	tidyTree(doc)
	return doc, nil
}

// decodeV3 reads data with yaml.v3: one document, a set of keys, its
// aliases within bounds.
func decodeV3(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, &FormatError{Msg: "not valid YAML"}
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return nil, &FormatError{Msg: "the file holds more than one YAML document; csa fmt formats one assessment per file"}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, &FormatError{Msg: "not an assessment: not a set of keys"}
	}
	if at, ok := aliasesWithinBounds(&doc); !ok {
		return nil, &FormatError{at.Line, at.Column, "the file's aliases repeat too much of it to write out"}
	}
	return &doc, nil
}

// tidyTree puts a document's tree in the canonical layout.
func tidyTree(doc *yaml.Node) {
	expandAliases(doc)
	hoistLineComments(doc)
	top := doc.Content[0]
	header := ""
	if len(top.Content) > 0 {
		header = top.Content[0].HeadComment
	}
	tidyMapping(top, topKeys)
	sortProvisions(top)
	if header != "" && len(top.Content) > 0 && top.Content[0].HeadComment != header {
		// The comment that opens the file stays at the top, whichever key
		// comes first now.
		for i := 0; i < len(top.Content); i += 2 {
			if top.Content[i].HeadComment == header {
				top.Content[i].HeadComment = ""
				break
			}
		}
		top.Content[0].HeadComment = joinComments(header, top.Content[0].HeadComment)
	}
}

// encodeV3 writes a tidied tree with yaml.v3's Encoder.
func encodeV3(doc *yaml.Node) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil { // yaml.v3's encoder panics on what it cannot write
			out, err = nil, &FormatError{Msg: fmt.Sprintf("csa cannot write this file back (%v); please report it", r)}
		}
	}()
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, &FormatError{Msg: "csa cannot write this file back (" + err.Error() + "); please report it"}
	}
	if err := enc.Close(); err != nil {
		return nil, &FormatError{Msg: "csa cannot write this file back (" + err.Error() + "); please report it"}
	}
	return b.Bytes(), nil
}

func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n" + b
}

// hoistLineComments moves the comment yaml.v3 reads as a set of keys' or a
// list's own (at the end of one in flow style, {by: Board} # signed; or
// after a tagged first value, "0: ! # c") to where block style writes one:
// after the key it is the value of, or else after its first entry.
// yaml.v3 would drop it, writing the set in block style.
func hoistLineComments(n *yaml.Node) {
	for i, c := range n.Content {
		hoistLineComments(c)
		if c.LineComment == "" || len(c.Content) == 0 ||
			(c.Kind != yaml.MappingNode && c.Kind != yaml.SequenceNode) {
			continue
		}
		var to *yaml.Node
		switch {
		case n.Kind == yaml.MappingNode && i%2 == 1 && n.Content[i-1].LineComment == "":
			to = n.Content[i-1]
		case c.Content[0].Kind == yaml.ScalarNode && c.Content[0].LineComment == "":
			to = c.Content[0]
		default:
			continue
		}
		to.LineComment, c.LineComment = c.LineComment, ""
	}
}

// expandAliases replaces every alias with a copy of what it names, and
// drops the anchors. aliasesWithinBounds has bounded what that writes.
func expandAliases(n *yaml.Node) {
	n.Anchor = ""
	for i, c := range n.Content {
		if c.Kind == yaml.AliasNode && c.Alias != nil {
			cp := deepCopy(resolve(c), 0)
			// The alias's own comments stay where it stood.
			cp.HeadComment, cp.LineComment, cp.FootComment = c.HeadComment, c.LineComment, c.FootComment
			n.Content[i] = cp
			continue
		}
		expandAliases(c)
	}
}

func deepCopy(n *yaml.Node, depth int) *yaml.Node {
	cp := *n
	cp.Anchor = ""
	cp.Alias = nil
	if n.Kind == yaml.AliasNode && n.Alias != nil && depth < 100 {
		return deepCopy(resolve(n), depth+1)
	}
	cp.Content = make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		cp.Content[i] = deepCopy(c, depth+1)
	}
	return &cp
}

// tidyMapping puts a set of keys in their declared order, unknown keys
// after the known ones as they were, and lays out each value by what its
// key holds.
func tidyMapping(m *yaml.Node, keys *schema.Mapping) {
	m.Style = 0
	type pair struct {
		k, v *yaml.Node
		at   int // the key's place in keys; past the end when unknown
	}
	pairs := make([]pair, 0, len(m.Content)/2)
	for i := 0; i+1 < len(m.Content); i += 2 {
		at := len(keys.Keys)
		if m.Content[i].Kind == yaml.ScalarNode {
			if j := keys.Index(m.Content[i].Value); j >= 0 {
				at = j
			}
		}
		pairs = append(pairs, pair{m.Content[i], m.Content[i+1], at})
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return a.at - b.at })
	for i, p := range pairs {
		m.Content[2*i], m.Content[2*i+1] = p.k, p.v
		tidyKey(p.k)
		if p.at < len(keys.Keys) {
			tidyValue(p.v, &keys.Keys[p.at])
		} else {
			tidyAny(p.v)
		}
	}
}

// tidyValue lays out the value of a declared key.
func tidyValue(v *yaml.Node, k *schema.Key) {
	switch {
	case v.Kind == yaml.MappingNode && k.Type == schema.Map:
		tidyMapping(v, k.Keys)
	case v.Kind == yaml.MappingNode && k.Type == schema.Named:
		// Names in the order written, each text (quoted where YAML would
		// read it as a number, as the loader reads it as text); each
		// name's keys in their declared order.
		v.Style = 0
		for i := 0; i+1 < len(v.Content); i += 2 {
			if name := v.Content[i]; name.Kind == yaml.ScalarNode {
				name.Tag, name.Style = "!!str", 0
			} else {
				tidyKey(name)
			}
			if val := v.Content[i+1]; val.Kind == yaml.MappingNode {
				tidyMapping(val, k.Keys)
			} else {
				tidyAny(val)
			}
		}
	case v.Kind == yaml.SequenceNode && k.Type == schema.List:
		v.Style = 0
		for _, item := range v.Content {
			if item.Kind == yaml.MappingNode {
				tidyMapping(item, k.Keys)
			} else {
				tidyAny(item)
			}
		}
	case v.Kind != yaml.ScalarNode:
		tidyAny(v)
	case k.Type == schema.Text:
		tidyText(v, k.Block)
	case k.Type == schema.ID && v.Tag != "!!null" && strings.TrimSpace(v.Value) != "":
		v.Tag, v.Style = "!!str", yaml.DoubleQuotedStyle
	case k.Type == schema.Date && isDate(v.Value):
		v.Tag, v.Style = "", 0 // a date, plain
	default:
		tidyScalar(v)
	}
}

func isDate(s string) bool {
	_, err := ParseDate(s)
	return err == nil
}

// tidyText lays out text as the loader reads it: its final line breaks
// are not part of it. block asks for a | block even for one line.
func tidyText(v *yaml.Node, block bool) {
	if v.Tag == "!!null" {
		tidyScalar(v)
		return
	}
	v.Value = strings.TrimRight(v.Value, "\n")
	v.Tag, v.Style = "!!str", 0
	switch {
	case hasEscape(v.Value):
		v.Style = yaml.DoubleQuotedStyle
	case strings.Contains(v.Value, "\n") || block && v.Value != "":
		v.Style, v.Value = yaml.LiteralStyle, v.Value+"\n"
	}
}

// tidyScalar lays out a scalar whatever it holds: plain where it reads
// back the same, several lines as a block, the rest quoted.
func tidyScalar(v *yaml.Node) {
	v.Style = 0
	switch {
	case v.Tag == "!!null":
		v.Value = ""
	case v.Tag != "!!str":
	case hasEscape(v.Value):
		v.Style = yaml.DoubleQuotedStyle
	case strings.Contains(v.Value, "\n"):
		v.Style = yaml.LiteralStyle
	}
}

// tidyKey lays out a key: plain where it can be. An empty key is text,
// as YAML reads it back ("":), whatever it was written as (&a:).
func tidyKey(k *yaml.Node) {
	if k.Kind != yaml.ScalarNode {
		tidyAny(k)
		return
	}
	k.Style = 0
	if k.Tag == "!!null" && k.Value == "" {
		k.Tag = "!!str"
	}
}

// tidyAny lays out what no declared key describes: block style throughout,
// scalars by what they hold.
func tidyAny(n *yaml.Node) {
	switch n.Kind {
	case yaml.ScalarNode:
		tidyScalar(n)
	case yaml.SequenceNode:
		n.Style = 0
		for _, c := range n.Content {
			tidyAny(c)
		}
	case yaml.MappingNode:
		n.Style = 0
		for i, c := range n.Content {
			if i%2 == 0 {
				tidyKey(c)
			} else {
				tidyAny(c)
			}
		}
	}
}

// sortProvisions puts the answers in Code order, by their ids; an entry
// without an id stays after them.
func sortProvisions(top *yaml.Node) {
	var list *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value == "provisions" && top.Content[i+1].Kind == yaml.SequenceNode {
			list = top.Content[i+1]
			break
		}
	}
	if list == nil {
		return
	}
	slices.SortStableFunc(list.Content, func(a, b *yaml.Node) int { return codes.CompareID(provisionSortID(a), provisionSortID(b)) })
}

// differs says how what was read from the formatted file differs from what
// was read from the file, or "" when they are the same: the assessment,
// its answers in Code order, positions aside; and the findings, positions
// aside, but for an unquoted id's, which formatting cures.
func differs(a *Assessment, af []Finding, b *Assessment, bf []Finding) string {
	switch {
	case b == nil:
		return "it would no longer read as an assessment"
	case !reflect.DeepEqual(meaning(a), meaning(b)):
		return "the answers would read differently"
	case !slices.Equal(findingKeys(af, true), findingKeys(bf, false)):
		return "csa check would find other problems in it"
	}
	return ""
}

// meaning is an assessment without its positions, its answers in Code
// order: what formatting must keep.
func meaning(a *Assessment) *Assessment {
	c := *a
	c.File = ""
	c.CodePos, c.LandlordPos, c.AssessedPos, c.ProvisionsPos, c.EntitiesPos = Pos{}, Pos{}, Pos{}, Pos{}, Pos{}
	c.Entities = slices.Clone(a.Entities)
	for i := range c.Entities {
		c.Entities[i].Pos = Pos{}
	}
	if a.Approved != nil {
		ap := *a.Approved
		ap.Pos = Pos{}
		c.Approved = &ap
	}
	if a.Response != nil {
		rs := *a.Response
		rs.Pos = Pos{}
		c.Response = &rs
	}
	c.Answers = make([]Answer, len(a.Answers))
	for i, ans := range a.Answers {
		ans.Pos, ans.ComplyPos, ans.ReviewPos = Pos{}, Pos{}, Pos{}
		ans.EvidencePos, ans.CommentaryPos = TextPos{}, TextPos{}
		ans.Actions = clearActions(ans.Actions)
		ans.Entities = slices.Clone(ans.Entities)
		for j := range ans.Entities {
			e := &ans.Entities[j]
			e.Pos, e.ComplyPos = Pos{}, Pos{}
			e.EvidencePos, e.CommentaryPos = TextPos{}, TextPos{}
			e.Actions = clearActions(e.Actions)
		}
		c.Answers[i] = ans
	}
	slices.SortStableFunc(c.Answers, func(x, y Answer) int { return codes.CompareID(x.ID, y.ID) })
	return &c
}

// clearActions is a copy of actions without their positions.
func clearActions(actions []Action) []Action {
	actions = slices.Clone(actions)
	for j := range actions {
		actions[j].Pos, actions[j].DuePos = Pos{}, Pos{}
	}
	return actions
}

// findingKeys are findings without their positions, sorted; cured leaves
// out an unquoted id's.
func findingKeys(fs []Finding, cured bool) []string {
	var out []string
	for _, f := range fs {
		if cured && strings.Contains(f.Message, "must be quoted") {
			continue
		}
		// A message may name another line ("first at line 4"), which the
		// layout moves as it moves the finding's own.
		msg := lineRef.ReplaceAllString(f.Message, "${1}N")
		out = append(out, f.Rule+"\x00"+f.Provision+"\x00"+msg)
	}
	slices.Sort(out)
	return out
}

var lineRef = regexp.MustCompile(`(\blines? )[0-9]+`)
