package assessment

import (
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/assessment/internal/fastyaml"
)

// emit writes a tidied tree as yaml.v3's Encoder would (block style,
// indented two spaces), several times faster; ok is false, and formatSlow
// then uses yaml.v3, for anything it is unsure of: a comment anywhere but
// above a key or an entry or at the end of a value's line, a tag yaml.v3
// would write, a key it would write after "? ", a character it would
// judge otherwise. size is about how long the result will be (the file's
// length): its buffer is sized once. TestEmitIsEncode and FuzzFmt hold it to yaml.v3's bytes
// wherever it says ok.
func emit(doc *yaml.Node, size int) (out []byte, ok bool) {
	if doc.Kind != yaml.DocumentNode || doc.HeadComment != "" || doc.LineComment != "" || doc.FootComment != "" ||
		doc.Anchor != "" || len(doc.Content) != 1 {
		return nil, false
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode || len(top.Content) == 0 || !plainCollection(top) {
		return nil, false
	}
	e := emitter{b: make([]byte, 0, size+size/8+64)}
	if !e.mapping(top, 0, false) {
		return nil, false
	}
	return e.b, true
}

type emitter struct{ b []byte }

func (e *emitter) indent(n int) {
	for n > len(spaces) {
		e.b = append(e.b, spaces...)
		n -= len(spaces)
	}
	e.b = append(e.b, spaces[:n]...)
}

const spaces = "                                "

// plainCollection reports whether a set of keys or a list carries nothing
// yaml.v3 would write besides its entries: no tag, anchor or comment.
func plainCollection(n *yaml.Node) bool {
	tag := "!!map"
	if n.Kind == yaml.SequenceNode {
		tag = "!!seq"
	}
	return (n.Tag == "" || n.Tag == tag) && n.Anchor == "" && n.Style == 0 &&
		n.HeadComment == "" && n.LineComment == "" && n.FootComment == ""
}

// comment writes a head comment's lines at column ind: lines that each
// start with #, as yaml.v3 writes them.
func (e *emitter) comment(c string, ind int) bool {
	if c == "" {
		return true
	}
	for line := range strings.SplitSeq(c, "\n") {
		if !commentLine(line) {
			return false
		}
		e.indent(ind)
		e.b = append(e.b, line...)
		e.b = append(e.b, '\n')
	}
	return true
}

// commentLine is a line of comment yaml.v3 writes as it is.
func commentLine(l string) bool {
	return l != "" && l[0] == '#' && !strings.ContainsAny(l, "\r\u0085\u2028\u2029")
}

// mapping writes a set of keys at column ind; onDash puts its first key on
// its list entry's "- ", already written.
func (e *emitter) mapping(m *yaml.Node, ind int, onDash bool) bool {
	for j := 0; j+1 < len(m.Content); j += 2 {
		k, v := m.Content[j], m.Content[j+1]
		if k.Kind != yaml.ScalarNode || k.Anchor != "" || k.FootComment != "" || k.Style != 0 {
			return false
		}
		if j == 0 && onDash {
			if k.HeadComment != "" {
				return false
			}
		} else {
			if !e.comment(k.HeadComment, ind) {
				return false
			}
			e.indent(ind)
		}
		if !e.key(k) {
			return false
		}
		if v.Anchor != "" || v.HeadComment != "" || v.FootComment != "" {
			return false
		}
		switch v.Kind {
		case yaml.ScalarNode:
			if k.LineComment != "" || !e.scalar(v, ind) {
				return false
			}
		case yaml.MappingNode, yaml.SequenceNode:
			if !plainCollection(v) {
				return false
			}
			if len(v.Content) == 0 {
				if k.LineComment != "" {
					return false
				}
				if v.Kind == yaml.MappingNode {
					e.b = append(e.b, " {}\n"...)
				} else {
					e.b = append(e.b, " []\n"...)
				}
				continue
			}
			if k.LineComment != "" {
				if !commentLine(k.LineComment) || strings.Contains(k.LineComment, "\n") {
					return false
				}
				e.b = append(e.b, ' ')
				e.b = append(e.b, k.LineComment...)
			}
			e.b = append(e.b, '\n')
			var ok bool
			if v.Kind == yaml.MappingNode {
				ok = e.mapping(v, ind+2, false)
			} else {
				ok = e.sequence(v, ind+2)
			}
			if !ok {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// sequence writes a list whose dashes sit at column ind.
func (e *emitter) sequence(s *yaml.Node, ind int) bool {
	for _, item := range s.Content {
		if item.Anchor != "" || item.FootComment != "" || !e.comment(item.HeadComment, ind) {
			return false
		}
		e.indent(ind)
		e.b = append(e.b, '-')
		switch item.Kind {
		case yaml.MappingNode:
			it := *item
			it.HeadComment = ""
			if len(item.Content) == 0 || !plainCollection(&it) {
				return false
			}
			e.b = append(e.b, ' ')
			if !e.mapping(item, ind+2, true) {
				return false
			}
		case yaml.ScalarNode:
			if item.Tag == "!!null" || item.Value == "" || !e.scalar(item, ind) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// key writes a key and its colon, after its line's indentation: plain,
// or in double quotes where yaml.v3 would read it as other than text. It
// is false for a key yaml.v3 would write otherwise (after "? ", tagged).
func (e *emitter) key(k *yaml.Node) bool {
	s := k.Value
	if len(s) >= 100 || !printable(s) || strings.Contains(s, "\n") || fastyaml.MaybeTimestamp(s) || s == "<<" {
		return false
	}
	switch r := fastyaml.Resolve(s); {
	case r == k.Tag && plainAllowed(s):
		e.b = append(e.b, s...)
	case k.Tag == "!!str" && r != "!!str":
		e.doubleQuoted(s)
	default:
		return false
	}
	e.b = append(e.b, ':')
	return true
}

// scalar writes a value after its key's colon or its entry's dash, and
// its line comment, for an owner at column ind.
func (e *emitter) scalar(v *yaml.Node, ind int) bool {
	s := v.Value
	if !utf8.ValidString(s) {
		return false
	}
	switch {
	case v.Style == yaml.DoubleQuotedStyle && v.Tag == "!!str":
		e.b = append(e.b, ' ')
		e.doubleQuoted(s)
	case v.Style == yaml.LiteralStyle && v.Tag == "!!str":
		if v.LineComment != "" {
			return false
		}
		return e.literal(s, ind)
	case v.Style != 0:
		return false
	case v.Tag == "!!null":
		if s != "" || v.LineComment != "" {
			return false
		}
		e.b = append(e.b, '\n')
		return true
	case strings.ContainsAny(s, "\n\t"):
		return false
	case v.Tag == "":
		// A date, tagged to be written plain.
		if !exactDate(s) {
			return false
		}
		e.b = append(e.b, ' ')
		e.b = append(e.b, s...)
	case v.Tag == "!!str":
		switch {
		case fastyaml.MaybeTimestamp(s):
			return false
		case fastyaml.Resolve(s) != "!!str":
			e.b = append(e.b, ' ')
			e.doubleQuoted(s)
		case plainAllowed(s):
			e.b = append(e.b, ' ')
			e.b = append(e.b, s...)
		case printable(s):
			e.b = append(e.b, " '"...)
			e.b = append(e.b, strings.ReplaceAll(s, "'", "''")...)
			e.b = append(e.b, '\'')
		default:
			return false
		}
	case v.Tag == "!!timestamp" && exactDate(s),
		(v.Tag == "!!int" || v.Tag == "!!bool" || v.Tag == "!!float") && fastyaml.Resolve(s) == v.Tag && plainAllowed(s):
		e.b = append(e.b, ' ')
		e.b = append(e.b, s...)
	default:
		return false
	}
	if v.LineComment != "" {
		if !commentLine(v.LineComment) || strings.Contains(v.LineComment, "\n") {
			return false
		}
		e.b = append(e.b, ' ')
		e.b = append(e.b, v.LineComment...)
	}
	e.b = append(e.b, '\n')
	return true
}

// exactDate reports a date written yyyy-mm-dd, which yaml.v3 reads as a
// timestamp and writes plain.
func exactDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// literal writes text as a | block for an owner at column ind, with the
// chomping yaml.v3 gives it.
func (e *emitter) literal(s string, ind int) bool {
	body := strings.TrimRight(s, "\n")
	if !blockAllowed(body) {
		return false
	}
	switch len(s) - len(body) {
	case 0:
		e.b = append(e.b, " |-\n"...)
	case 1:
		e.b = append(e.b, " |\n"...)
	default:
		e.b = append(e.b, " |+\n"...)
	}
	for line := range strings.SplitSeq(s[:len(s)-min(1, len(s)-len(body))], "\n") {
		if line != "" {
			e.indent(ind + 2)
			e.b = append(e.b, line...)
		}
		e.b = append(e.b, '\n')
	}
	return true
}

// doubleQuoted writes s in double quotes, escaped as yaml.v3 escapes it.
func (e *emitter) doubleQuoted(s string) {
	e.b = append(e.b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			e.b = append(e.b, '\\', byte(r))
		case r >= 0x20 && r <= 0x7e,
			r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd && r != 0xfeff:
			if r == 0x2028 || r == 0x2029 {
				e.b = append(e.b, '\\', "LP"[r-0x2028])
				continue
			}
			e.b = utf8.AppendRune(e.b, r)
		default:
			if c, ok := dqEscapes[r]; ok {
				e.b = append(e.b, '\\', c)
				continue
			}
			const hex = "0123456789ABCDEF"
			w := 8
			switch {
			case r <= 0xff:
				e.b, w = append(e.b, '\\', 'x'), 2
			case r <= 0xffff:
				e.b, w = append(e.b, '\\', 'u'), 4
			default:
				e.b = append(e.b, '\\', 'U')
			}
			for k := (w - 1) * 4; k >= 0; k -= 4 {
				e.b = append(e.b, hex[(r>>k)&0xf])
			}
		}
	}
	e.b = append(e.b, '"')
}

// dqEscapes are the escapes yaml.v3 writes by name.
var dqEscapes = map[rune]byte{
	0: '0', 7: 'a', 8: 'b', 9: 't', 0xa: 'n', 0xb: 'v', 0xc: 'f', 0xd: 'r', 0x1b: 'e', 0x85: 'N',
}
