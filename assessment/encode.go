package assessment

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/csa-tool/csa/internal/english"
	"go.yaml.in/yaml/v3"
)

// EncodeOptions shape the YAML Encode writes.
type EncodeOptions struct {
	// Modeline starts the file with the yaml-language-server line naming
	// the schema beside it (SchemaFile), so that an editor checks the file
	// as the officer types.
	Modeline bool
	// Header is a comment written above the first key, one line per line.
	Header string
	// Comment returns the comment written above a provision's answer (its
	// summary, for a new assessment); "" writes none.
	Comment func(id string) string
	// IntroductionComment is a comment written above introduction (carried
	// from last year, say).
	IntroductionComment string
	// Blanks writes empty comply, evidence and commentary keys on unanswered
	// provisions, so a new assessment shows where to write.
	Blanks bool
}

// Encode writes a as assessment YAML in the canonical layout csa fmt
// writes (Format): keys in the documented order, provisions in Code order,
// ids quoted, prose and multi-line text as | blocks.
func Encode(w io.Writer, a *Assessment, opts EncodeOptions) error {
	var b bytes.Buffer
	if err := encode(&b, a, opts); err != nil {
		return err
	}
	out, err := Format(a.File, b.Bytes())
	if err != nil {
		// Only a bug in Format can bring this here (its tests read back
		// what it writes); the tree as written is valid YAML all the same.
		out = b.Bytes()
	}
	_, err = w.Write(out)
	return err
}

// encode writes a as assessment YAML, in the order of the model.
func encode(w io.Writer, a *Assessment, opts EncodeOptions) error {
	header := opts.Header
	if opts.Modeline {
		header = strings.TrimSuffix(Modeline+"\n"+header, "\n")
	}
	top := &yaml.Node{Kind: yaml.MappingNode, HeadComment: header}
	put := func(m *yaml.Node, key string, v *yaml.Node) {
		m.Content = append(m.Content, str(key), v)
	}
	putText := func(m *yaml.Node, key, val string) {
		if val != "" {
			put(m, key, text(val))
		}
	}
	put(top, "code", str(a.Code))
	put(top, "landlord", str(a.Landlord))
	if len(a.Entities) > 0 {
		list := &yaml.Node{Kind: yaml.SequenceNode}
		for _, e := range a.Entities {
			m := &yaml.Node{Kind: yaml.MappingNode}
			put(m, "name", text(e.Name))
			putText(m, "registration", e.Registration)
			list.Content = append(list.Content, m)
		}
		put(top, "entities", list)
	}
	if !a.Assessed.IsZero() {
		put(top, "assessed", str(a.Assessed.String()))
	} else {
		put(top, "assessed", null())
	}
	putText(top, "period", a.Period)
	if a.Approved != nil {
		ap := &yaml.Node{Kind: yaml.MappingNode}
		put(ap, "by", str(a.Approved.By))
		put(ap, "on", str(a.Approved.On.String()))
		put(top, "approved", ap)
	}
	putText(top, "published", a.Published)
	if a.Introduction != "" {
		n := text(a.Introduction)
		key := str("introduction")
		key.HeadComment = opts.IntroductionComment
		top.Content = append(top.Content, key, n)
	}
	if rs := a.Response; rs != nil {
		m := &yaml.Node{Kind: yaml.MappingNode}
		put(m, "by", str(rs.By))
		put(m, "on", str(rs.On.String()))
		put(m, "text", text(rs.Text))
		put(top, "response", m)
	}
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for _, ans := range a.Answers {
		m := &yaml.Node{Kind: yaml.MappingNode}
		if opts.Comment != nil {
			m.HeadComment = english.Wrap(opts.Comment(ans.ID), 86)
		}
		put(m, "id", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: ans.ID, Style: yaml.DoubleQuotedStyle})
		blank := opts.Blanks && ans.Comply == Unanswered
		if ans.Comply != Unanswered || blank {
			if blank {
				put(m, "comply", null())
			} else {
				put(m, "comply", str(string(ans.Comply)))
			}
		}
		if blank && ans.Evidence == "" {
			put(m, "evidence", null())
		} else {
			putText(m, "evidence", ans.Evidence)
		}
		if blank && ans.Commentary == "" {
			put(m, "commentary", null())
		} else {
			putText(m, "commentary", ans.Commentary)
		}
		putText(m, "requirement", ans.Requirement)
		putText(m, "alternative", ans.Alternative)
		putText(m, "review", ans.Review)
		if len(ans.Actions) > 0 {
			put(m, "actions", actionsNode(ans.Actions))
		}
		if len(ans.Entities) > 0 {
			ents := &yaml.Node{Kind: yaml.MappingNode}
			for _, e := range ans.Entities {
				em := &yaml.Node{Kind: yaml.MappingNode}
				if e.Comply != Unanswered {
					put(em, "comply", str(string(e.Comply)))
				}
				putText(em, "evidence", e.Evidence)
				putText(em, "commentary", e.Commentary)
				putText(em, "alternative", e.Alternative)
				if len(e.Actions) > 0 {
					put(em, "actions", actionsNode(e.Actions))
				}
				ents.Content = append(ents.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: e.Name}, em)
			}
			put(m, "entities", ents)
		}
		list.Content = append(list.Content, m)
	}
	put(top, "provisions", list)
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{top}}); err != nil {
		return err
	}
	return enc.Close()
}

// actionsNode is a list of actions as the loader reads them.
func actionsNode(actions []Action) *yaml.Node {
	acts := &yaml.Node{Kind: yaml.SequenceNode}
	for _, act := range actions {
		am := &yaml.Node{Kind: yaml.MappingNode}
		am.Content = append(am.Content, str("action"), text(act.Text))
		if act.Owner != "" {
			am.Content = append(am.Content, str("owner"), text(act.Owner))
		}
		if !act.Due.IsZero() {
			am.Content = append(am.Content, str("due"), str(act.Due.String()))
		}
		status := act.Status
		if status == "" {
			status = Open
		}
		am.Content = append(am.Content, str("status"), str(string(status)))
		if !act.Completed.IsZero() {
			am.Content = append(am.Content, str("completed"), str(act.Completed.String()))
		}
		if act.Draft {
			am.Content = append(am.Content, str("draft"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
		}
		acts.Content = append(acts.Content, am)
	}
	return acts
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

func null() *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"} }

// text is a string value; several lines become a | block. Text holding a
// character a block or a plain or single-quoted scalar cannot carry as it is
// goes in double quotes, where yaml.v3 writes it as an escape.
func text(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	switch {
	case hasEscape(s):
		n.Style = yaml.DoubleQuotedStyle
	case strings.Contains(s, "\n"):
		// Load drops the block's final newline; adding it back gives | not |-.
		n.Style, n.Value = yaml.LiteralStyle, s+"\n"
	}
	return n
}

// hasEscape reports whether s holds a character needsEscape says yes to,
// stepping over ASCII, most of any text, a byte at a time.
func hasEscape(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if needsEscape(r) {
			return true
		}
		i += size
	}
	return false
}

// needsEscape reports a character that must be escaped to survive a round
// trip: YAML reads U+0085, U+2028 and U+2029 (and CR) as line breaks, so
// written raw they come back with the next line's indentation added; a tab
// alone on a block's line is not valid YAML; and control characters, a byte
// order mark and the non-characters cannot be written raw at all.
func needsEscape(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	}
	return r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff
}
