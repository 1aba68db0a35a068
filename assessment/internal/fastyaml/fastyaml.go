// Package fastyaml parses the block-style YAML that assessment files are
// written in, several times faster than yaml.v3, into the yaml.Node tree the
// assessment loader reads.
//
// It exists because csa check must read a thousand assessments in well under
// a second, and yaml.v3 alone takes about that long. It is deliberately
// narrow: it accepts only a strict subset (block mappings and sequences with
// simple keys; plain, quoted and literal | scalars on one line or as a block;
// comments; empty [] and {}; lines ending LF or CRLF) and declines everything
// else (anchors, tags, flow collections, folded > scalars, multi-line plain
// or quoted scalars, tabs, a lone CR, document markers, unusual characters).
// The caller then parses with yaml.v3, which is also what reports every
// syntax error: Parse never does.
//
// The contract: where Parse accepts a document, yaml.v3 accepts it too and
// agrees on everything the loader reads: each node's kind, its tag (null,
// bool, int and float resolved as yaml.v3 resolves them; other plain
// scalars, dates included, !!str, where yaml.v3 says !!timestamp), its value,
// its line and column, and whether a scalar is a | block. Comments, the
// exact style of a quoted scalar and anything else the loader ignores may
// differ. The tests hold the two to it over csa's own files, every
// assessment in the test scripts (LF and CRLF), and a fuzz target.
// ParseComments, for csa fmt, keeps comments too, where yaml.v3 would put
// them, in the few places it reads them, and declines a file with a
// comment elsewhere; the assessment package's TestFastTreeIsV3 and FuzzFmt
// hold it to yaml.v3's tree, comments and styles included.
package fastyaml

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Parse returns the document node for data, or ok=false when data is outside
// the subset (or is not valid YAML); the caller should then use yaml.v3.
func Parse(data []byte) (doc *yaml.Node, ok bool) {
	return parse(data, false)
}

// ParseComments is Parse keeping comments, as yaml.v3 keeps them, where
// they are written in the few places csa fmt meets: lines of comment right
// above a key or a list entry, at its indentation (its HeadComment), and a
// comment at the end of a one-line value (the value's LineComment). It
// declines a file with a comment anywhere else, or set apart by a blank
// line, or with a CR, as yaml.v3 places those otherwise (at the foot of
// what is above, on the document).
func ParseComments(data []byte) (doc *yaml.Node, ok bool) {
	if bytes.IndexByte(data, '\r') >= 0 {
		return nil, false
	}
	return parse(data, true)
}

func parse(data []byte, comments bool) (doc *yaml.Node, ok bool) {
	if !plainText(data) {
		return nil, false
	}
	p := parser{lines: splitLines(data), open: len(data) > 0 && data[len(data)-1] != '\n', comments: comments}
	p.skipBlank()
	if p.i >= len(p.lines) || p.indent() != 0 || p.isSeqItem() {
		return nil, false
	}
	top, ok := p.mapping(0)
	if !ok {
		return nil, false
	}
	p.skipBlank()
	if p.i < len(p.lines) || p.bad || p.pendTo > p.pendFrom {
		return nil, false
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Line: top.Line, Column: 1, Content: []*yaml.Node{top}}, true
}

// plainText reports whether data is valid UTF-8 made only of characters the
// subset allows: printable ones, and line breaks (LF, or CRLF: a CR only
// before an LF). U+2028 and U+2029 are line breaks to yaml.v3, so a file
// holding one is left to it.
func plainText(data []byte) bool {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && (c != '\r' || i+1 >= len(data) || data[i+1] != '\n')) || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError || r == 0xFEFF || (r >= 0x80 && r <= 0x9f) || r == 0xFFFE || r == 0xFFFF || r == 0x2028 || r == 0x2029 {
			return false
		}
		i += size
	}
	return true
}

// splitLines cuts data into lines, without their line breaks (LF or CRLF).
func splitLines(data []byte) [][]byte {
	lines := make([][]byte, 0, bytes.Count(data, []byte{'\n'})+1)
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			lines = append(lines, data)
			break
		}
		lines = append(lines, bytes.TrimSuffix(data[:i], []byte{'\r'}))
		data = data[i+1:]
	}
	return lines
}

type parser struct {
	lines [][]byte
	i     int         // current line, 0-based
	open  bool        // the last line has no newline
	nodes []yaml.Node // allocated nodes not yet handed out

	comments         bool // keep comments (ParseComments)
	pendFrom, pendTo int  // lines of comment not yet given to a key or an entry
	pendInd          int  // their indentation
	bad              bool // a comment ParseComments does not place
}

// node hands out a node, allocating them a chunk at a time: an assessment
// is some thousand nodes, which die together, and one allocation for many
// is much cheaper for the allocator and the collector than one for each.
func (p *parser) node(n yaml.Node) *yaml.Node {
	if len(p.nodes) == 0 {
		p.nodes = make([]yaml.Node, nodeChunk)
	}
	p.nodes[0] = n
	x := &p.nodes[0]
	p.nodes = p.nodes[1:]
	return x
}

// nodeChunk is how many nodes are allocated at once.
const nodeChunk = 128

func (p *parser) line() []byte { return p.lines[p.i] }

// indent counts the spaces that start the current line.
func (p *parser) indent() int { return countSpaces(p.line()) }

func countSpaces(b []byte) int {
	n := 0
	for n < len(b) && b[n] == ' ' {
		n++
	}
	return n
}

// skipBlank moves past empty lines and comment lines.
func (p *parser) skipBlank() {
	for p.i < len(p.lines) {
		l := p.line()
		s := countSpaces(l)
		if s < len(l) && l[s] != '#' {
			return
		}
		if p.comments {
			p.noteComment(l, s)
		}
		p.i++
	}
}

// noteComment notes the current line, blank or a comment at column ind,
// as part of the comment above what comes next.
func (p *parser) noteComment(l []byte, ind int) {
	switch {
	case ind == len(l): // blank
		if p.pendTo > p.pendFrom {
			p.bad = true // a comment set apart from what follows
		}
	case l[len(l)-1] == ' ':
		p.bad = true
	case p.pendTo == p.pendFrom:
		if p.i > 0 && countSpaces(p.lines[p.i-1]) == len(p.lines[p.i-1]) {
			p.bad = true // a comment set apart from what is above
		}
		p.pendFrom, p.pendTo, p.pendInd = p.i, p.i+1, ind
	case ind != p.pendInd:
		p.bad = true
	default:
		p.pendTo = p.i + 1
	}
}

// headComment takes the comment above a key or an entry at column ind.
func (p *parser) headComment(ind int) string {
	if p.pendTo == p.pendFrom {
		return ""
	}
	if p.pendInd != ind {
		p.bad = true
	}
	if p.bad {
		// The parse is declined; the lines noted may not be one group.
		p.pendFrom = p.pendTo
		return ""
	}
	var b strings.Builder
	for i := p.pendFrom; i < p.pendTo; i++ {
		if i > p.pendFrom {
			b.WriteByte('\n')
		}
		b.Write(p.lines[i][p.pendInd:])
	}
	p.pendFrom = p.pendTo
	return b.String()
}

// lineComment is the comment in what follows a value on its line, if any.
func (p *parser) lineComment(tail []byte) string {
	tail = tail[countSpaces(tail):]
	if !p.comments || len(tail) == 0 {
		return ""
	}
	if tail[len(tail)-1] == ' ' {
		p.bad = true
	}
	return string(tail)
}

// isSeqItem reports whether the current line is a "- " sequence entry.
func (p *parser) isSeqItem() bool {
	rest := p.line()[p.indent():]
	return len(rest) > 0 && rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ')
}

// docMarker reports a line the subset leaves to yaml.v3: a document marker
// or a directive.
func docMarker(l []byte) bool {
	return bytes.HasPrefix(l, []byte("---")) || bytes.HasPrefix(l, []byte("...")) || bytes.HasPrefix(l, []byte("%"))
}

// mapping parses a block mapping whose keys sit at column ind (0-based).
func (p *parser) mapping(ind int) (*yaml.Node, bool) {
	m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.i + 1, Column: ind + 1})
	for {
		p.skipBlank()
		if p.i >= len(p.lines) {
			return m, true
		}
		in := p.indent()
		if in < ind {
			return m, true
		}
		if in > ind || docMarker(p.line()) || p.isSeqItem() {
			return nil, false
		}
		head := p.headComment(ind)
		if !p.entry(m, ind, ind) {
			return nil, false
		}
		m.Content[len(m.Content)-2].HeadComment = head
	}
}

// entry parses "key: value" starting at column col of the current line, for
// a mapping whose keys sit at column ind, and appends key and value to m.
func (p *parser) entry(m *yaml.Node, ind, col int) bool {
	l := p.line()
	k := keyEnd(l, col)
	if k < 0 {
		return false
	}
	name, known := keys[string(l[col:k])]
	if !known {
		name = string(l[col:k])
	}
	key := p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: resolvePlain(name), Value: name, Line: p.i + 1, Column: col + 1})
	v, ok := p.value(ind, k+1)
	if !ok {
		return false
	}
	m.Content = append(m.Content, key, v)
	return true
}

// keys are the keys of csa's files, which every file repeats: each is one
// string, not a new one each time it is read.
var keys = func() map[string]string {
	m := map[string]string{}
	for _, k := range []string{"code", "landlord", "assessed", "period", "approved", "by", "on", "published",
		"provisions", "id", "comply", "evidence", "commentary", "requirement", "alternative", "review", "actions",
		"action", "owner", "due", "status", "completed", "draft"} {
		m[k] = k
	}
	return m
}()

// maxKey bounds the keys read here. yaml.v3 refuses a plain key of more
// than 1024 characters; no assessment key is near that, so a long one is
// left to yaml.v3 to judge.
const maxKey = 128

func isKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// keyEnd returns where the plain key starting at col of l ends (its colon),
// or -1 when l does not start a key there the subset reads: a word of
// isKeyByte bytes, or a name (a group's entity, "Tŷ Glas Homes (North)")
// that starts with a letter or digit and goes on with letters, digits,
// single spaces and plain punctuation, never ending in a space; then a
// colon followed by a space or the end of the line.
func keyEnd(l []byte, col int) int {
	k, word := col, true
scan:
	for ; k < len(l); k++ {
		switch c := l[k]; {
		case isKeyByte(c):
		case c >= utf8.RuneSelf || k > col && nameByte(c) && !(c == ' ' && l[k-1] == ' '):
			word = false
		default:
			break scan
		}
	}
	if k == col || k-col > maxKey || k >= len(l) || l[k] != ':' || (k+1 < len(l) && l[k+1] != ' ') {
		return -1
	}
	if !word && (l[k-1] == ' ' || l[col] == '-' || l[col] == '_') {
		return -1
	}
	return k
}

// nameByte is punctuation a plain key may hold after its first character
// with yaml.v3 reading it as the same text: none of it starts a comment,
// ends the key or means anything inside a plain scalar.
func nameByte(c byte) bool { return strings.IndexByte(" .'&()/", c) >= 0 }

// value parses what follows a key's colon at byte after on the current line,
// for a mapping (or sequence entry) at column ind, and moves past it.
func (p *parser) value(ind, after int) (*yaml.Node, bool) {
	l := p.line()
	start := after
	for start < len(l) && l[start] == ' ' {
		start++
	}
	rest := l[start:]
	// Columns count characters, as yaml.v3's do: an entity's name before
	// the value may hold letters of more than one byte ("Tŷ Glas: yes").
	line, col := p.i+1, utf8.RuneCount(l[:start])+1
	if len(rest) == 0 || rest[0] == '#' {
		if len(rest) > 0 && (start == after || p.comments) {
			return nil, false // "key:#" is not a comment; "key: # c" is not kept
		}
		// The value is on the lines below, or there is none.
		p.i++
		p.skipBlank()
		if p.i < len(p.lines) && !docMarker(p.line()) {
			in := p.indent()
			switch {
			case in > ind && p.isSeqItem():
				return p.sequence(in)
			case in > ind:
				return p.mapping(in)
			case in == ind && p.isSeqItem():
				return p.sequence(in) // a sequence may sit at its key's indent
			}
		}
		return p.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: line, Column: utf8.RuneCount(l[:after]) + 1}), true
	}
	return p.scalar(rest, line, col, ind)
}

// scalar parses a value written on the current line from rest (at line and
// col), including a | block that continues below. ind is the column of the
// owning mapping's keys or sequence's dashes.
func (p *parser) scalar(rest []byte, line, col, ind int) (*yaml.Node, bool) {
	n := p.node(yaml.Node{Kind: yaml.ScalarNode, Line: line, Column: col})
	switch rest[0] {
	case '|':
		return p.literal(rest, n, ind)
	case '"':
		v, tail, ok := doubleQuoted(rest)
		if !ok || !onlyComment(tail) {
			return nil, false
		}
		n.Tag, n.Value, n.Style = "!!str", v, yaml.DoubleQuotedStyle
		n.LineComment = p.lineComment(tail)
	case '\'':
		v, tail, ok := singleQuoted(rest)
		if !ok || !onlyComment(tail) {
			return nil, false
		}
		n.Tag, n.Value, n.Style = "!!str", v, yaml.SingleQuotedStyle
		n.LineComment = p.lineComment(tail)
	case '[', '{':
		closing := byte(']')
		n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
		if rest[0] == '{' {
			closing, n.Kind, n.Tag = '}', yaml.MappingNode, "!!map"
		}
		if len(rest) < 2 || rest[1] != closing || !onlyComment(rest[2:]) || p.comments && countSpaces(rest[2:]) < len(rest)-2 {
			return nil, false
		}
		n.Style = yaml.FlowStyle
	case '>', '&', '*', '!', '%', '@', '`', ',', ']', '}':
		return nil, false
	case '-', '?', ':':
		if len(rest) == 1 || rest[1] == ' ' {
			return nil, false
		}
		fallthrough
	default:
		v, ok := plainScalar(rest)
		if !ok {
			return nil, false
		}
		n.Tag, n.Value = resolvePlain(v), v
		n.LineComment = p.lineComment(rest[len(v):])
	}
	p.i++
	// A more-indented line below a one-line value would continue it (a
	// multi-line plain scalar) or be an error; both are yaml.v3's to judge.
	p.skipBlank()
	if p.i < len(p.lines) && p.indent() > ind {
		return nil, false
	}
	return n, true
}

// onlyComment reports whether tail holds nothing but spaces and a comment.
func onlyComment(tail []byte) bool {
	s := countSpaces(tail)
	if s == len(tail) {
		return true
	}
	return s > 0 && tail[s] == '#'
}

// plainScalar reads a one-line plain scalar: up to a comment, right-trimmed.
// It declines text that YAML would read as something else.
func plainScalar(rest []byte) (string, bool) {
	end := len(rest)
	for i := 1; i < len(rest); i++ {
		if rest[i] == '#' && rest[i-1] == ' ' {
			end = i
			break
		}
	}
	v := bytes.TrimRight(rest[:end], " ")
	if bytes.Contains(v, []byte(": ")) || (len(v) > 0 && v[len(v)-1] == ':') {
		return "", false
	}
	return string(v), true
}

// doubleQuoted reads a "..." scalar closed on the same line, with YAML's
// escapes; an escaped tab or line break is declined.
func doubleQuoted(rest []byte) (val string, tail []byte, ok bool) {
	var b strings.Builder
	for i := 1; i < len(rest); i++ {
		c := rest[i]
		switch c {
		case '"':
			return b.String(), rest[i+1:], true
		case '\\':
			if i+1 >= len(rest) {
				return "", nil, false
			}
			i++
			if r, ok := escapes[rest[i]]; ok {
				b.WriteRune(r)
				continue
			}
			switch rest[i] {
			case 'x', 'u', 'U':
				size := 2
				if rest[i] == 'u' {
					size = 4
				} else if rest[i] == 'U' {
					size = 8
				}
				if i+size >= len(rest) {
					return "", nil, false
				}
				code, err := strconv.ParseUint(string(rest[i+1:i+1+size]), 16, 32)
				if err != nil || !utf8.ValidRune(rune(code)) {
					return "", nil, false
				}
				b.WriteRune(rune(code))
				i += size
			default:
				return "", nil, false
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", nil, false
}

// escapes are YAML's one-letter escapes in double quotes, all of which
// yaml.v3 reads (and writes: \L for U+2028, \N for U+0085...).
var escapes = map[byte]rune{
	'0': 0, 'a': 7, 'b': 8, 't': 9, 'n': 10, 'v': 11, 'f': 12, 'r': 13, 'e': 0x1b,
	' ': ' ', '"': '"', '\'': '\'', '\\': '\\',
	'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029,
}

// singleQuoted reads a '...' scalar closed on the same line; ” is a quote.
func singleQuoted(rest []byte) (val string, tail []byte, ok bool) {
	var b strings.Builder
	for i := 1; i < len(rest); i++ {
		if rest[i] != '\'' {
			b.WriteByte(rest[i])
			continue
		}
		if i+1 < len(rest) && rest[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		return b.String(), rest[i+1:], true
	}
	return "", nil, false
}

// literal reads a | block scalar whose header is rest, for an owner at
// column ind.
func (p *parser) literal(rest []byte, n *yaml.Node, ind int) (*yaml.Node, bool) {
	chomp := byte(0)
	h := 1
	if h < len(rest) && (rest[h] == '-' || rest[h] == '+') {
		chomp = rest[h]
		h++
	}
	if !onlyComment(rest[h:]) || p.comments && countSpaces(rest[h:]) < len(rest)-h {
		return nil, false // an indentation indicator, or junk; a comment ParseComments does not keep
	}
	n.Tag, n.Style = "!!str", yaml.LiteralStyle
	p.i++
	// The first line of content sets the indentation.
	if p.i < len(p.lines) && countSpaces(p.line()) == len(p.line()) {
		return nil, false // leading blank lines: rare, and subtle
	}
	if p.i >= len(p.lines) || p.indent() <= ind {
		n.Value = ""
		return n, true
	}
	m := p.indent()
	var b strings.Builder
	b.Grow(p.blockSize(m))
	blanks := 0 // blank lines seen since the last content line
	last := p.i // the last content line
	for ; p.i < len(p.lines); p.i++ {
		l := p.line()
		s := countSpaces(l)
		if s == len(l) {
			if s > m {
				return nil, false // spaces as content: subtle, leave to yaml.v3
			}
			blanks++
			continue
		}
		if s < m {
			break
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		for ; blanks > 0; blanks-- {
			b.WriteByte('\n')
		}
		b.Write(l[m:])
		last = p.i
	}
	switch {
	case chomp == '-':
	case p.open && last == len(p.lines)-1:
		// The text ends the file without a line break: nothing to chomp.
	case chomp == '+':
		b.WriteByte('\n')
		if p.open && p.i == len(p.lines) && blanks > 0 {
			blanks-- // the file's last line, blank, ends with no line break to keep
		}
		for ; blanks > 0; blanks-- {
			b.WriteByte('\n')
		}
	default:
		b.WriteByte('\n')
	}
	n.Value = b.String()
	if p.i < len(p.lines) && docMarker(p.line()) {
		return nil, false
	}
	return n, true
}

// blockSize is about how many bytes the block starting at the current line,
// its text at column m, holds: the builder is sized once.
func (p *parser) blockSize(m int) int {
	n := 2 // the final line break, and one to spare
	for i := p.i; i < len(p.lines); i++ {
		l := p.lines[i]
		s := countSpaces(l)
		if s < m && s < len(l) {
			break
		}
		n += max(0, len(l)-m) + 1
	}
	return n
}

// sequence parses a block sequence whose dashes sit at column ind.
func (p *parser) sequence(ind int) (*yaml.Node, bool) {
	s := p.node(yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: p.i + 1, Column: ind + 1})
	for {
		p.skipBlank()
		if p.i >= len(p.lines) || p.indent() < ind || docMarker(p.line()) {
			return s, true
		}
		if p.indent() > ind || !p.isSeqItem() {
			if p.indent() == ind {
				return s, true // the owning mapping's next key
			}
			return nil, false
		}
		head := p.headComment(ind)
		item, ok := p.item(ind)
		if !ok {
			return nil, false
		}
		item.HeadComment = head
		s.Content = append(s.Content, item)
	}
}

// item parses one "- ..." entry of a sequence at column ind.
func (p *parser) item(ind int) (*yaml.Node, bool) {
	l := p.line()
	start := ind + 1
	for start < len(l) && l[start] == ' ' {
		start++
	}
	rest := l[start:]
	if len(rest) == 0 || rest[0] == '#' {
		return nil, false // the item's value on the next lines: rare in the subset
	}
	if rest[0] == '-' && (len(rest) == 1 || rest[1] == ' ') {
		return nil, false // a sequence in a sequence
	}
	if looksLikeKey(rest) {
		// A mapping whose first key follows the dash; its keys sit at start.
		m := p.node(yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: p.i + 1, Column: start + 1})
		if !p.entry(m, start, start) {
			return nil, false
		}
		for {
			p.skipBlank()
			if p.i >= len(p.lines) || p.indent() != start || docMarker(p.line()) {
				break
			}
			if p.isSeqItem() {
				return nil, false
			}
			head := p.headComment(start)
			if !p.entry(m, start, start) {
				return nil, false
			}
			m.Content[len(m.Content)-2].HeadComment = head
		}
		if p.i < len(p.lines) && p.indent() > start {
			return nil, false
		}
		return m, true
	}
	return p.scalar(rest, p.i+1, start+1, ind)
}

// looksLikeKey reports whether text starts "key:" followed by a space or the
// end of the line.
func looksLikeKey(rest []byte) bool { return keyEnd(rest, 0) > 0 }

var yamlFloat = regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)

// resolvePlain gives a plain scalar the tag yaml.v3 would, for the tags the
// loader tells apart; everything else is !!str.
func resolvePlain(v string) string {
	switch v {
	case "", "~", "null", "Null", "NULL":
		return "!!null"
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return "!!bool"
	case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
		return "!!float"
	case "<<":
		return "!!merge"
	}
	c := v[0]
	if !(c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.') {
		return "!!str"
	}
	if c == '.' {
		// yaml.v3 reads a plain scalar starting "." as a float only if
		// strconv takes it whole, underscores included.
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			return "!!float"
		}
		return "!!str"
	}
	if isTimestamp(v) {
		return "!!str" // yaml.v3 says !!timestamp; the loader reads dates from the text
	}
	plain := strings.ReplaceAll(v, "_", "")
	if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
		return "!!int"
	}
	if _, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return "!!int"
	}
	if yamlFloat.MatchString(plain) {
		if _, err := strconv.ParseFloat(plain, 64); err == nil {
			return "!!float"
		}
	}
	for _, prefix := range []struct {
		p    string
		base int
	}{{"0b", 2}, {"-0b", 2}, {"0o", 8}, {"-0o", 8}} {
		if digits, ok := strings.CutPrefix(plain, prefix.p); ok {
			if prefix.p[0] == '-' {
				digits = "-" + digits
			}
			if _, err := strconv.ParseInt(digits, prefix.base, 64); err == nil {
				return "!!int"
			}
			if _, err := strconv.ParseUint(digits, prefix.base, 64); err == nil && prefix.p[0] != '-' {
				return "!!int"
			}
		}
	}
	return "!!str"
}

// isTimestamp matches the dates yaml.v3 would read as timestamps, so that
// they are not mistaken for numbers: four digits, a dash, then a date.
func isTimestamp(v string) bool {
	if len(v) < 8 || v[4] != '-' {
		return false
	}
	for i := range 4 {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// Resolve is the tag yaml.v3 gives v written as a plain scalar, for the
// tags the loader tells apart (null, bool, int, float, merge); a date, and
// anything else, is !!str. MaybeTimestamp says which !!str values yaml.v3
// might read as a timestamp instead.
func Resolve(v string) string { return resolvePlain(v) }

// MaybeTimestamp reports whether yaml.v3 might read v, plain, as a
// timestamp: it starts like a date. It errs on the side of yes.
func MaybeTimestamp(v string) bool { return isTimestamp(v) }
