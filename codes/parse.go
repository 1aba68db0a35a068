package codes

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/schema"
)

// file mirrors the catalogue YAML; decoding is strict.
type file struct {
	Catalogue  string      `yaml:"catalogue"`
	Short      string      `yaml:"short"`
	Title      string      `yaml:"title"`
	Publisher  string      `yaml:"publisher"`
	InForce    string      `yaml:"in_force"`
	Supersedes string      `yaml:"supersedes"`
	Statutory  bool        `yaml:"statutory"`
	Note       string      `yaml:"note"`
	Sections   []Section   `yaml:"sections"`
	Provisions []provision `yaml:"provisions"`
}

type provision struct {
	ID           string        `yaml:"id"`
	Section      int           `yaml:"section"`
	Stage        string        `yaml:"stage"`
	Obligation   string        `yaml:"obligation"`
	OnForm       *bool         `yaml:"on_form"`
	Confirmed    *bool         `yaml:"confirmed"`
	Source       string        `yaml:"source"`
	Note         string        `yaml:"note"`
	Summary      string        `yaml:"summary"`
	Title        string        `yaml:"title"`
	Text         string        `yaml:"text"`
	Timescales   []Timescale   `yaml:"timescales"`
	Predecessors []Predecessor `yaml:"predecessors"`
}

// Parse reads a catalogue file, at most MaxFileSize bytes of it. source
// names it in messages. A file that is not a catalogue (no catalogue: key at
// the top) is named, never quoted: code: may name any file.
func Parse(r io.Reader, source string) (*Catalogue, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read catalogue %s", source)
	}
	if len(data) > MaxFileSize {
		return nil, tooBig(source)
	}
	return ParseBytes(data, source)
}

// ParseBytes is Parse for a file already read.
func ParseBytes(data []byte, source string) (*Catalogue, error) {
	if len(data) > MaxFileSize {
		return nil, tooBig(source)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("catalogue %s is not valid YAML: %s", source, syntaxMessage(err))
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("catalogue %s is empty", source)
	}
	switch top := root.Content[0]; {
	case hasKey(top, "catalogue"):
	case hasKey(top, "code"):
		return nil, fmt.Errorf("%s is an assessment, not a catalogue: name a Code (chc-2022, chc-2024) or a catalogue file", source)
	default:
		return nil, fmt.Errorf("%s is not a catalogue: a catalogue file needs a 'catalogue:' id at the top", source)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f file
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("catalogue %s: %s", source, yamlMessage(err))
	}
	bad := func(line int, format string, args ...any) error {
		return fmt.Errorf("catalogue %s:%d: %s", source, line, fmt.Sprintf(format, args...))
	}
	// yaml.v3 cuts 2.5 to 2 where a whole number belongs.
	if n, ok := wholeNumbers(root.Content[0], declaredKeys()); !ok {
		return nil, bad(n.Line, "%s is not a whole number", n.Value)
	}
	// The struct decode above is strict but cannot tell "6.10" from 6.10.
	idNodes := provisionIDNodes(&root)
	if strings.TrimSpace(f.Catalogue) == "" {
		return nil, fmt.Errorf("catalogue %s: needs a 'catalogue:' id at the top", source)
	}
	c := &Catalogue{
		ID: f.Catalogue, Short: f.Short, Title: f.Title, Publisher: f.Publisher,
		Supersedes: f.Supersedes, Statutory: f.Statutory, Note: strings.TrimSpace(f.Note), Sections: f.Sections,
		Source: source, byID: map[string]int{},
	}
	if c.Title == "" {
		c.Title = c.ID
	}
	if f.InForce != "" {
		t, err := time.Parse("2006-01-02", f.InForce)
		if err != nil {
			return nil, fmt.Errorf("catalogue %s: in_force %q is not a date like 2024-04-01", source, f.InForce)
		}
		c.InForce = t
	}
	measured := map[string]string{} // measure -> the provision that sets it
	for i, p := range f.Provisions {
		line := 0
		if i < len(idNodes) {
			line = idNodes[i].Line
			if idNodes[i].Tag != "!!str" {
				return nil, bad(line, "provision id %s must be quoted (write id: \"%s\")", idNodes[i].Value, idNodes[i].Value)
			}
		}
		if _, _, ok := SplitID(p.ID); !ok {
			return nil, bad(line, "provision id %q is not a section.number like \"6.10\"", p.ID)
		}
		if _, dup := c.byID[p.ID]; dup {
			return nil, bad(line, "provision %s is listed twice", p.ID)
		}
		switch {
		case p.Obligation == "":
			p.Obligation = "must"
		case !slices.Contains(Obligations, p.Obligation):
			return nil, bad(line, "provision %s: obligation %q should be %s", p.ID, p.Obligation, english.Or(Obligations))
		}
		for _, t := range p.Timescales {
			if err := checkMeasure(t); err != nil {
				return nil, bad(line, "provision %s: %s", p.ID, err)
			}
			if t.Measure != "" && measured[t.Measure] != "" {
				return nil, bad(line, "provision %s: measure %q is already set by provision %s", p.ID, t.Measure, measured[t.Measure])
			}
			if t.Measure != "" {
				measured[t.Measure] = p.ID
			}
		}
		prov := Provision{
			ID: p.ID, Section: p.Section, Stage: p.Stage, Obligation: p.Obligation,
			OnForm: p.OnForm == nil || *p.OnForm, Confirmed: p.Confirmed == nil || *p.Confirmed,
			Source: strings.TrimSpace(p.Source), Note: strings.TrimSpace(p.Note),
			Summary: strings.TrimSpace(p.Summary), Title: strings.Join(strings.Fields(p.Title), " "), Text: strings.TrimSpace(p.Text), Timescales: p.Timescales,
		}
		// A source says where a confirmed entry was checked; on an
		// unconfirmed one it would claim a check that was not made.
		if prov.Source != "" && !prov.Confirmed {
			return nil, bad(line, "provision %s names a source but says confirmed: false; a source is where a confirmed entry was checked", p.ID)
		}
		if sec, _, _ := SplitID(p.ID); prov.Section == 0 {
			prov.Section = sec
		}
		prov.Predecessors = p.Predecessors
		c.byID[p.ID] = len(c.Provisions)
		c.Provisions = append(c.Provisions, prov)
	}
	if len(c.Provisions) == 0 {
		return nil, fmt.Errorf("catalogue %s lists no provisions", source)
	}
	sort.SliceStable(c.Provisions, func(i, j int) bool { return CompareID(c.Provisions[i].ID, c.Provisions[j].ID) < 0 })
	for i, p := range c.Provisions {
		c.byID[p.ID] = i
	}
	return c, nil
}

// yamlMessage turns a yaml.v3 error into one sentence without the
// library's prefix or Go's type names: the first problem, and how many more.
func yamlMessage(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg := unknownField.ReplaceAllString(te.Errors[0], "unknown key $1")
		msg = wrongType.ReplaceAllStringFunc(msg, func(m string) string {
			kind := map[string]string{"seq": "a list", "map": "a mapping", "str": "text", "int": "a number", "float": "a number", "bool": "true or false"}[wrongType.FindStringSubmatch(m)[1]]
			if kind == "" {
				kind = "a value"
			}
			return kind + " where another kind of value belongs"
		})
		if n := len(te.Errors) - 1; n == 1 {
			msg += " (and 1 more problem)"
		} else if n > 1 {
			msg += fmt.Sprintf(" (and %d more problems)", n)
		}
		return msg
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

var (
	unknownField = regexp.MustCompile(`field (\S+) not found in type \S+`)
	wrongType    = regexp.MustCompile(`cannot unmarshal !!(\w+)(?: .*)? into \S+`)
)

// hasKey reports whether n is a set of keys with key among them.
func hasKey(n *yaml.Node, key string) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// syntaxMessage is yaml.v3's syntax error without its prefix. Its messages
// are its own words, except an unknown anchor's name, which is left out.
func syntaxMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, "unknown anchor '"); i >= 0 {
		msg = msg[:i] + "an alias (*name) to an anchor that is not there"
	}
	return msg
}

// provisionIDNodes returns the id value node of each entry under provisions.
func provisionIDNodes(root *yaml.Node) []*yaml.Node {
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil
	}
	top := root.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value != "provisions" {
			continue
		}
		var ids []*yaml.Node
		for _, item := range top.Content[i+1].Content {
			var id *yaml.Node
			for j := 0; j+1 < len(item.Content); j += 2 {
				if item.Content[j].Value == "id" {
					id = item.Content[j+1]
				}
			}
			if id == nil {
				id = &yaml.Node{Tag: "!!str", Line: item.Line}
			}
			ids = append(ids, id)
		}
		return ids
	}
	return nil
}

// checkMeasure checks a timescale's measure and starts: both or neither, each
// a known word, an extension starting at the due date, in working days or days.
func checkMeasure(t Timescale) error {
	switch {
	case t.Measure == "" && t.Starts == "":
		return nil
	case t.Measure == "":
		return fmt.Errorf("starts %q needs a measure (one of %s)", t.Starts, strings.Join(Measures, ", "))
	case !slices.Contains(Measures, t.Measure):
		return fmt.Errorf("measure %q should be one of %s", t.Measure, strings.Join(Measures, ", "))
	case !slices.Contains(Starts, t.Starts):
		return fmt.Errorf("measure %q needs starts: one of %s", t.Measure, strings.Join(Starts, ", "))
	case strings.HasSuffix(t.Measure, " extension") != (t.Starts == "due date"):
		return fmt.Errorf("measure %q: an extension, and only an extension, starts at the due date", t.Measure)
	case t.Unit != "working days" && t.Unit != "days":
		return fmt.Errorf("measure %q needs a timescale in working days or days, not %q", t.Measure, t.Unit)
	case t.Within <= 0:
		return fmt.Errorf("measure %q needs a timescale of at least 1 %s", t.Measure, t.Unit)
	}
	return nil
}

// declaredKeys are the catalogue's keys (keys.go), declared once.
var declaredKeys = sync.OnceValue(func() *schema.Mapping {
	m, _ := catalogueKeys()
	return m
})

// wholeNumbers checks that every key of m declared a whole number holds
// one in n, a set of keys, and in the sets of keys listed under it; if not,
// it returns a node of key and value, "within 2.5", at the value.
func wholeNumbers(n *yaml.Node, m *schema.Mapping) (*yaml.Node, bool) {
	n = follow(n)
	if n.Kind != yaml.MappingNode {
		return nil, true
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		at := m.Index(n.Content[i].Value)
		if at < 0 {
			continue
		}
		k, v := &m.Keys[at], follow(n.Content[i+1])
		switch {
		case k.Type == schema.Int && v.Kind == yaml.ScalarNode && v.Tag == "!!float":
			f, err := strconv.ParseFloat(strings.ReplaceAll(v.Value, "_", ""), 64)
			if err != nil || f != math.Trunc(f) || math.IsInf(f, 0) {
				return &yaml.Node{Line: v.Line, Value: k.Name + " " + v.Value}, false
			}
		case k.Type == schema.List && v.Kind == yaml.SequenceNode:
			for _, item := range v.Content {
				if bad, ok := wholeNumbers(item, k.Keys); !ok {
					return bad, false
				}
			}
		}
	}
	return nil, true
}

// follow reads an alias as what it names. yaml.v3 has decoded the file
// already, refusing aliases that expand too far.
func follow(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 8; i++ {
		n = n.Alias
	}
	return n
}
