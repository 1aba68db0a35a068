package assessment

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/assessment/internal/fastyaml"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/schema"
)

// inForm reports whether data is in the canonical layout already, so that
// Format would return it unchanged: the common case (a repository kept in
// form, csa fmt --check in CI), answered without yaml.v3's reading and
// writing, which take most of Format's time. It reads data with fastyaml
// and compares each line with the line the layout would write, from what
// the line holds; it says no whenever it is unsure (a comment somewhere
// other than above a key or an entry, or at the end of a value's line; a
// key csa does not know; a value that would need quotes), and Format then
// lays the file out the long way. TestInFormIsFormat and FuzzFmt hold it to
// that: where it says yes, formatting the long way gives the file back.
func inForm(data []byte) bool {
	doc, ok := fastyaml.Parse(data)
	return ok && inFormTree(data, doc)
}

// inFormTree is inForm of data that fastyaml reads as doc (Parse or
// ParseComments, which agree but for the comments, which it reads from
// the lines).
func inFormTree(data []byte, doc *yaml.Node) bool {
	if len(data) == 0 || data[len(data)-1] != '\n' || bytes.IndexByte(data, '\r') >= 0 ||
		bytes.IndexByte(data, '\t') >= 0 || bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		return false
	}
	if doc.Content[0].Kind != yaml.MappingNode || len(doc.Content[0].Content) == 0 {
		return false
	}
	c := formCheck{lines: bytes.Split(data[:len(data)-1], []byte{'\n'})}
	return c.header() && c.mapping(doc.Content[0], topKeys, 0, false, true) && c.i == len(c.lines)
}

// formCheck walks a file's lines against the layout.
type formCheck struct {
	lines [][]byte
	i     int // the next line
}

// header takes the comments that open the file: lines of comment, and at
// most one blank line among them, after which yaml.v3 keeps a blank line.
func (c *formCheck) header() bool {
	blank := false
	for ; c.i < len(c.lines); c.i++ {
		l := c.lines[c.i]
		switch {
		case len(l) == 0 && !blank && c.i > 0 && c.i+1 < len(c.lines) && isComment(c.lines[c.i-1], 0):
			blank = true
		case isComment(l, 0):
		default:
			return len(l) > 0
		}
	}
	return false
}

// isComment reports whether l is a comment line at column indent, as
// yaml.v3 writes one back: no space after it.
func isComment(l []byte, indent int) bool {
	return len(l) > indent && l[indent] == '#' && countSpaces(l) == indent && l[len(l)-1] != ' '
}

func countSpaces(l []byte) int {
	n := 0
	for n < len(l) && l[n] == ' ' {
		n++
	}
	return n
}

// comments takes the comment lines above a key or an entry at indent.
func (c *formCheck) comments(indent int) {
	for c.i < len(c.lines) && isComment(c.lines[c.i], indent) {
		c.i++
	}
}

// line takes the next line if it is want.
func (c *formCheck) line(want string) bool {
	if c.i < len(c.lines) && string(c.lines[c.i]) == want {
		c.i++
		return true
	}
	return false
}

// lineWithComment takes the next line if it is want, or want with a
// comment at its end, one space after it.
func (c *formCheck) lineWithComment(want string) bool {
	if c.i >= len(c.lines) {
		return false
	}
	l := c.lines[c.i]
	if string(l) == want || len(l) > len(want)+2 && string(l[:len(want)]) == want &&
		l[len(want)] == ' ' && l[len(want)+1] == '#' && l[len(l)-1] != ' ' {
		c.i++
		return true
	}
	return false
}

// mapping checks a set of keys whose keys sit at column indent; onDash
// puts its first key on its list entry's "- " line. Keys must be known and
// in their order; top marks the top of the file, whose provisions must be
// in Code order.
func (c *formCheck) mapping(m *yaml.Node, keys *schema.Mapping, indent int, onDash, top bool) bool {
	last := 0
	for j := 0; j+1 < len(m.Content); j += 2 {
		k, v := m.Content[j], m.Content[j+1]
		at := keys.Index(k.Value)
		if k.Kind != yaml.ScalarNode || k.Style != 0 || at < last {
			return false
		}
		last = at
		lead := strings.Repeat(" ", indent)
		if j == 0 && onDash {
			lead = strings.Repeat(" ", indent-2) + "- "
		} else {
			c.comments(indent)
		}
		key := &keys.Keys[at]
		if !c.value(v, key, lead+k.Value+":", indent, top && k.Value == "provisions") {
			return false
		}
	}
	return true
}

// named checks a Named set of keys, its names at column indent, in the
// order written, each holding a set of keys.
func (c *formCheck) named(m *yaml.Node, keys *schema.Mapping, indent int) bool {
	lead := strings.Repeat(" ", indent)
	for j := 0; j+1 < len(m.Content); j += 2 {
		k, v := m.Content[j], m.Content[j+1]
		if k.Kind != yaml.ScalarNode || k.Style != 0 || !plainKey(k) || v.Kind != yaml.MappingNode || len(v.Content) == 0 {
			return false
		}
		c.comments(indent)
		if !c.line(lead+k.Value+":") || !c.mapping(v, keys, indent+2, false, false) {
			return false
		}
	}
	return true
}

// plainKey reports whether yaml.v3 writes the key k as it is, plain: text
// it can write plain that reads back as text, short enough to be a simple
// key (yaml.v3 writes a longer one after "? ").
func plainKey(k *yaml.Node) bool {
	s := k.Value
	return k.Tag == "!!str" && len(s) <= 128 && !strings.Contains(s, "\n") &&
		plainAllowed(s) && fastyaml.Resolve(s) == "!!str" && !fastyaml.MaybeTimestamp(s)
}

// value checks a key's value, written after head, for a key at indent.
func (c *formCheck) value(v *yaml.Node, k *schema.Key, head string, indent int, provisions bool) bool {
	switch v.Kind {
	case yaml.ScalarNode:
		text, block, ok := render(v, k)
		switch {
		case !ok:
			return false
		case block:
			if !c.line(head + " |") {
				return false
			}
			for line := range strings.SplitSeq(strings.TrimSuffix(text, "\n"), "\n") {
				if line != "" {
					line = strings.Repeat(" ", indent+2) + line
				}
				if !c.line(line) {
					return false
				}
			}
			return true
		case text == "":
			return c.line(head)
		}
		return c.lineWithComment(head + " " + text)
	case yaml.MappingNode:
		if len(v.Content) == 0 {
			return c.line(head + " {}")
		}
		switch k.Type {
		case schema.Map:
			return c.line(head) && c.mapping(v, k.Keys, indent+2, false, false)
		case schema.Named:
			return c.line(head) && c.named(v, k.Keys, indent+2)
		}
		return false
	case yaml.SequenceNode:
		if len(v.Content) == 0 {
			return c.line(head + " []")
		}
		if k.Type != schema.List || !c.line(head) {
			return false
		}
		prev := ""
		for n, item := range v.Content {
			if item.Kind != yaml.MappingNode || len(item.Content) == 0 {
				return false
			}
			if provisions {
				id := provisionSortID(item)
				if n > 0 && codes.CompareID(prev, id) > 0 {
					return false
				}
				prev = id
			}
			c.comments(indent + 2)
			if !c.mapping(item, k.Keys, indent+4, true, false) {
				return false
			}
		}
		return true
	}
	return false
}

// render is how the layout writes a scalar value of key k (tidyValue, then
// yaml.v3's choice of style): the text after "key: ", or the content of a
// | block; ok is false where it is unsure.
func render(v *yaml.Node, k *schema.Key) (text string, block, ok bool) {
	if v.Tag == "!!null" {
		return "", false, v.Kind == yaml.ScalarNode
	}
	switch {
	case k.Type == schema.Text:
		s := strings.TrimRight(v.Value, "\n")
		if strings.Contains(s, "\n") || k.Block && s != "" {
			return s + "\n", true, blockAllowed(s)
		}
		return s, false, plainAllowed(s) && fastyaml.Resolve(s) == "!!str" && !fastyaml.MaybeTimestamp(s)
	case k.Type == schema.ID && strings.TrimSpace(v.Value) != "":
		for _, r := range v.Value {
			if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.' || r == '-' || r == '_' || r == ' ') {
				return "", false, false
			}
		}
		return `"` + v.Value + `"`, false, true
	case k.Type == schema.Date && isDate(v.Value):
		return v.Value, false, true
	}
	// tidyScalar: written as it is, plain, where YAML reads it back the same.
	s := v.Value
	if v.Tag == "!!str" && (fastyaml.Resolve(s) != "!!str" || fastyaml.MaybeTimestamp(s)) || strings.Contains(s, "\n") {
		return "", false, false
	}
	return s, false, plainAllowed(s) && fastyaml.Resolve(s) == v.Tag
}

// plainAllowed is yaml.v3's judgement (yaml_emitter_analyze_scalar) of
// whether s can be written plain as a value in block style, for the
// characters the fast path lets through (no tabs, no line breaks).
func plainAllowed(s string) bool {
	if s == "" || strings.HasPrefix(s, "---") || strings.HasPrefix(s, "...") || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	blankAfter := func(i int) bool { return i+1 >= len(s) || s[i+1] == ' ' }
	switch s[0] {
	case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	case '?', ':', '-':
		if blankAfter(0) {
			return false
		}
	}
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == ':' && blankAfter(i), s[i] == '#' && s[i-1] == ' ':
			return false
		}
	}
	return printable(s)
}

// blockAllowed is yaml.v3's judgement of whether s (without its final line
// break) can be written as a | block with no indentation hint: nothing
// unprintable, no space before a line break or at the end, and not
// starting with a space or a line break.
func blockAllowed(s string) bool {
	return s != "" && s[0] != ' ' && s[0] != '\n' && s[len(s)-1] != ' ' && !strings.Contains(s, " \n") && printable(s)
}

// printable is yaml.v3's is_printable over s, less what the fast path
// never meets (tabs) and what YAML reads as line breaks (U+0085, U+2028,
// U+2029): characters written as they are.
func printable(s string) bool {
	for _, r := range s {
		switch {
		case r == '\n':
		case r < 0x20 || r == 0x7f:
			return false
		case r < 0x80:
		case r < 0xa0, r == 0x2028, r == 0x2029, r >= 0xd800 && r <= 0xdfff, r == 0xfeff, r == 0xfffe, r == 0xffff, r > 0xffff:
			return false
		}
	}
	return true
}

// provisionSortID is the id an entry under provisions is put in order by.
func provisionSortID(item *yaml.Node) string {
	if item.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(item.Content); i += 2 {
			if item.Content[i].Value == "id" && item.Content[i+1].Kind == yaml.ScalarNode {
				return strings.TrimSpace(item.Content[i+1].Value)
			}
		}
	}
	return "\uffff" // after every id and every text
}

// fastTree reads data with fastyaml, comments kept, into the tree yaml.v3
// would read: its dates tagged !!timestamp, as yaml.v3 tags them (tidying
// writes a text that looks like a date in quotes, and a date plain). It
// says no to anything fastyaml declines, and to a value that only looks
// like a date ("2025-13-01", a time), which yaml.v3 may tag either way.
func fastTree(data []byte) (*yaml.Node, bool) {
	doc, ok := fastyaml.ParseComments(data)
	if !ok || !tagDates(doc) {
		return nil, false
	}
	return doc, true
}

// tagDates tags as yaml.v3 does the plain scalars under n that are dates,
// and is false if one might be a timestamp otherwise written.
func tagDates(n *yaml.Node) bool {
	if n.Kind == yaml.ScalarNode && n.Style == 0 && n.Tag == "!!str" && fastyaml.MaybeTimestamp(n.Value) {
		if !exactDate(n.Value) {
			return false
		}
		n.Tag = "!!timestamp"
	}
	for _, c := range n.Content {
		if !tagDates(c) {
			return false
		}
	}
	return true
}
