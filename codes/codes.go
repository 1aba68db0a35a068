// Package codes owns the catalogues of the Complaint Handling Code: the
// provisions of each version (chc-2022, chc-2024) embedded in the binary, and
// the loader for a catalogue file a landlord keeps of their own.
//
// Lookup resolves a code as an assessment or a command names it: an embedded
// id ("chc-2024"), its short form ("2024"), or a path to a catalogue file.
// The embedded catalogues carry the project's own one-sentence summaries,
// never the Code's wording; a user's catalogue may add that wording as text.
//
// This package is a leaf: it knows nothing of assessments.
package codes

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

//go:embed chc-*.yaml
var embedded embed.FS

// Catalogue is one version of the Code: its metadata and its provisions in
// order (section, then number).
type Catalogue struct {
	ID         string    // "chc-2024"
	Short      string    // "2024"
	Title      string    // "Complaint Handling Code 2024"
	Publisher  string    // "Housing Ombudsman Service"
	InForce    time.Time // first day the Code applied (UTC midnight)
	Supersedes string    // id of the catalogue this one replaced, if any
	Statutory  bool
	Note       string // what a reader should know about the catalogue as a whole
	Sections   []Section
	Provisions []Provision
	// Source is "embedded" or the path the catalogue was read from.
	Source string

	byID map[string]int
}

// Section is a numbered section of the Code.
type Section struct {
	Number int    `yaml:"number"`
	Title  string `yaml:"title"`
}

// Provision is one numbered requirement of the Code.
type Provision struct {
	ID           string // "6.10", always a string
	Section      int
	Stage        string // "stage 1", where the Code groups by stage
	Obligation   string // must | should | none
	OnForm       bool   // whether the self-assessment form asks for it
	Confirmed    bool   // false where no source confirms the entry: recalled, or in doubt (see Note)
	Source       string // where a confirmed entry was checked; "" if unconfirmed or not said
	Note         string // what is uncertain about the entry, or why it is unconfirmed
	Summary      string // one sentence, the project's own words
	Text         string // the Code's wording, only in a user's own catalogue
	Timescales   []Timescale
	Predecessors []Predecessor // provisions of the superseded Code this continues
}

// Timescale is a time limit a provision sets.
type Timescale struct {
	What   string `yaml:"what"`
	Within int    `yaml:"within"`
	Unit   string `yaml:"unit"` // working days | days | months
	From   string `yaml:"from"`
	// Measure is what a complaints log counts against this timescale (csa
	// figures): one of Measures, or "" for a timescale a log cannot show.
	Measure string `yaml:"measure"`
	// Starts is the event in the log the clock starts at: "receipt" (of the
	// complaint, or of the request to escalate), "acknowledgement", or, for
	// an extension, "due date" (the response date it extends).
	Starts string `yaml:"starts"`
}

// The measures a complaints log can be counted against, and the events a
// timescale's clock can start at.
var (
	Measures = []string{"stage 1 acknowledgement", "stage 1 response", "stage 1 extension",
		"stage 2 acknowledgement", "stage 2 response", "stage 2 extension"}
	Starts = []string{"receipt", "acknowledgement", "due date"}
)

// Timescale returns the timescale a catalogue sets for a measure ("stage 1
// response"), and the provision that sets it.
func (c *Catalogue) Timescale(measure string) (*Provision, *Timescale, bool) {
	for i := range c.Provisions {
		for j := range c.Provisions[i].Timescales {
			if c.Provisions[i].Timescales[j].Measure == measure {
				return &c.Provisions[i], &c.Provisions[i].Timescales[j], true
			}
		}
	}
	return nil, nil, false
}

// String renders a timescale the way a complaints manager would say it.
func (t Timescale) String() string {
	s := fmt.Sprintf("%s: within %d %s", t.What, t.Within, t.Unit)
	if t.From != "" {
		s += " of " + t.From
	}
	return s
}

// Predecessor links a provision to one it continues in the superseded Code.
type Predecessor struct {
	ID         string `yaml:"id"`
	Confidence string `yaml:"confidence"` // high | medium | low
	Note       string `yaml:"note"`
}

// SectionTitle returns the title of section n, or "" if the catalogue has none.
func (c *Catalogue) SectionTitle(n int) string {
	for _, s := range c.Sections {
		if s.Number == n {
			return s.Title
		}
	}
	return ""
}

// Provision returns the provision with the given id.
func (c *Catalogue) Provision(id string) (*Provision, bool) {
	i, ok := c.byID[id]
	if !ok {
		return nil, false
	}
	return &c.Provisions[i], true
}

// OnForm returns the provisions the self-assessment form asks for, in order.
func (c *Catalogue) OnForm() []Provision {
	var out []Provision
	for _, p := range c.Provisions {
		if p.OnForm {
			out = append(out, p)
		}
	}
	return out
}

// Name is how the catalogue is shown to people: its id, or the file it came from.
func (c *Catalogue) Name() string { return c.ID }

// Successors returns, for each provision id of the catalogue c supersedes,
// the provisions of c that continue it, with the link's confidence.
func (c *Catalogue) Successors() map[string][]Link {
	out := map[string][]Link{}
	for _, p := range c.Provisions {
		for _, pre := range p.Predecessors {
			out[pre.ID] = append(out[pre.ID], Link{ID: p.ID, Confidence: pre.Confidence, Note: pre.Note})
		}
	}
	return out
}

// Link is one edge of the lineage between two Code versions.
type Link struct {
	ID         string
	Confidence string
	Note       string
}

// ErrUnknown matches (errors.Is) every error Lookup returns when a code
// names no catalogue it can load.
var ErrUnknown = errors.New("unknown code")

// unknownError is such an error, with a message fit for a person.
type unknownError string

func (e unknownError) Error() string        { return string(e) }
func (e unknownError) Is(target error) bool { return target == ErrUnknown }

func unknownf(format string, args ...any) error { return unknownError(fmt.Sprintf(format, args...)) }

// Embedded returns the ids of the built-in catalogues, oldest first.
func Embedded() []string {
	entries, _ := embedded.ReadDir(".")
	var ids []string
	for _, e := range entries {
		ids = append(ids, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(ids)
	return ids
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*Catalogue{}
)

// Lookup returns the catalogue a code names. name is an embedded id
// ("chc-2024", any case), its short form ("2024"), or a path to a catalogue
// file; a relative path is taken from dir. Catalogues are cached, so lookups
// from many files in parallel load each one once. Callers must not modify the
// returned catalogue.
//
// Lookup reads a catalogue file wherever it is: it is for a code a person
// typed (csa init --code). A code named inside a file, which may come from
// anyone (an assessment in a pull request), goes through Folders.Lookup.
func Lookup(name, dir string) (*Catalogue, error) { return lookup(name, dir, nil) }

// Folders are where a catalogue file named inside a file (an assessment's
// code:, a workbook's code) may be read from: the working folder and the
// folders given, with links resolved, so that code: cannot make csa read
// /proc/self/environ or /etc/shadow on a CI runner and print it. The zero
// Folders is the working folder alone.
type Folders struct {
	dirs []string // absolute, links resolved where they resolve
}

// Within returns the working folder and dirs as Folders. A folder that does
// not exist allows nothing.
func Within(dirs ...string) Folders {
	var f Folders
	for _, d := range dirs {
		if abs, err := filepath.Abs(d); err == nil {
			f.dirs = append(f.dirs, realPath(abs))
		}
	}
	return f
}

// Lookup is Lookup for a code named inside a file: a catalogue file must be
// inside the working folder or one of f (the built-in codes are anywhere).
func (f Folders) Lookup(name, dir string) (*Catalogue, error) { return lookup(name, dir, &f) }

// allows reports whether path, with its links resolved, is in the working
// folder or one of f. A file that does not exist is judged by its name.
func (f Folders) allows(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	real := realPath(abs)
	roots := f.dirs
	if wd, err := os.Getwd(); err == nil {
		roots = append([]string{realPath(wd)}, roots...)
	}
	for _, root := range roots {
		if inside(real, root) {
			return true
		}
	}
	return false
}

// realPath is path with its links resolved, or path itself when it cannot
// be resolved (it does not exist).
func realPath(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}

// inside reports whether path is root or below it.
func inside(path, root string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && !filepath.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// MaxFileSize bounds a catalogue file: the 2024 Code, every provision with
// its full wording, is some 100 KB.
const MaxFileSize = 4 << 20

func lookup(name, dir string, within *Folders) (*Catalogue, error) {
	name = strings.TrimSpace(name)
	if id, ok := embeddedID(name); ok {
		return cached(id, func() (*Catalogue, error) {
			data, err := embedded.ReadFile(id + ".yaml")
			if err != nil {
				return nil, err
			}
			c, err := Parse(bytes.NewReader(data), "embedded")
			if err != nil {
				// The embedded files are tested; this is a build defect.
				panic(fmt.Sprintf("codes: embedded %s: %v", id, err))
			}
			return c, nil
		})
	}
	if !looksLikePath(name) {
		return nil, unknownf("unknown code %q: the built-in codes are %s (or 2022, 2024), or name a catalogue file ending .yaml", name, strings.Join(Embedded(), ", "))
	}
	path := name
	if !filepath.IsAbs(path) && dir != "" {
		path = filepath.Join(dir, path)
	}
	if within != nil && !within.allows(path) {
		return nil, unknownf("catalogue file %s is outside the working folder and the folders being read: csa reads a catalogue named in a file only from there (--catalogues-from FOLDER allows another)", path)
	}
	return cached(path, func() (*Catalogue, error) { return readFile(path) })
}

// readFile reads a catalogue file: a regular file, not a device or a pipe
// (/dev/zero would never end, a pipe would wait for ever), of at most
// MaxFileSize bytes.
func readFile(path string) (*Catalogue, error) {
	notRegular := unknownf("catalogue file %s is not a regular file (a folder, a device or a pipe): name a catalogue file", path)
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, unknownf("catalogue file %s does not exist", path)
	case err != nil:
		return nil, unknownf("catalogue file %s cannot be read", path)
	case !info.Mode().IsRegular():
		return nil, notRegular
	case info.Size() > MaxFileSize:
		return nil, tooBig(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unknownf("catalogue file %s cannot be read", path)
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, notRegular // replaced since it was looked at
	}
	return Parse(f, path)
}

func tooBig(source string) error {
	return unknownf("catalogue file %s is larger than %d MB, more than any catalogue: name a catalogue file", source, MaxFileSize>>20)
}

func cached(key string, load func() (*Catalogue, error)) (*Catalogue, error) {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if c, ok := cache[key]; ok {
		return c, nil
	}
	c, err := load()
	if err != nil {
		return nil, err
	}
	cache[key] = c
	return c, nil
}

func embeddedID(name string) (string, bool) {
	n := strings.ToLower(name)
	if !strings.HasPrefix(n, "chc-") {
		n = "chc-" + n
	}
	for _, id := range Embedded() {
		if id == n {
			return id, true
		}
	}
	return "", false
}

func looksLikePath(name string) bool {
	return strings.ContainsAny(name, `/\`) || strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

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
	// The struct decode above is strict but cannot tell "6.10" from 6.10.
	idNodes := provisionIDNodes(&root)
	if f.Catalogue == "" {
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
		switch p.Obligation {
		case "must", "should", "none":
		case "":
			p.Obligation = "must"
		default:
			return nil, bad(line, "provision %s: obligation %q should be must, should or none", p.ID, p.Obligation)
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
			Summary: strings.TrimSpace(p.Summary), Text: strings.TrimSpace(p.Text), Timescales: p.Timescales,
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

// Successor returns the built-in catalogue that replaced c, if any: the one
// whose supersedes names c.
func Successor(c *Catalogue) (*Catalogue, bool) {
	for _, id := range Embedded() {
		next, err := Lookup(id, "")
		if err == nil && next.Supersedes != "" && strings.EqualFold(next.Supersedes, c.ID) {
			return next, true
		}
	}
	return nil, false
}

// Replaced returns the built-in catalogue c replaced, if any.
func Replaced(c *Catalogue) (*Catalogue, bool) {
	if c.Supersedes == "" {
		return nil, false
	}
	prev, err := Lookup(c.Supersedes, "")
	return prev, err == nil
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
