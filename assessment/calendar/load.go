package calendar

import (
	"embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// This file reads calendar files: the embedded bank holidays, a landlord's
// replacement calendar (--calendar FILE) and a landlord's closure days
// (--closed FILE). One format serves all three:
//
//	calendar: england-and-wales     # a name (calendars only)
//	title: England and Wales
//	first_year: 2018                # the years whose bank holidays are all listed
//	last_year: 2028
//	holidays:                       # a date, then the name
//	  - 2020-05-08 Early May bank holiday (VE Day)
//	closed:                         # a date or a range, then an optional note
//	  - 2024-12-27 to 2024-12-31 office closed between Christmas and New Year

//go:embed data/*.yaml
var embedded embed.FS

// Default is the calendar csa counts working days with unless told otherwise.
const Default = "england-and-wales"

// Embedded returns the names of the calendars built into csa.
func Embedded() []string {
	entries, _ := embedded.ReadDir("data")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	sort.Strings(names)
	return names
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*Calendar{}
)

// Lookup returns the calendar a name gives: a built-in one
// ("england-and-wales", "scotland", "northern-ireland") or a path to a
// calendar file, relative to dir. Built-in calendars are read once.
func Lookup(name, dir string) (*Calendar, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	for _, n := range Embedded() {
		if key != n {
			continue
		}
		cacheMu.Lock()
		defer cacheMu.Unlock()
		if c, ok := cache[n]; ok {
			return c, nil
		}
		data, err := embedded.ReadFile("data/" + n + ".yaml")
		if err != nil {
			return nil, err
		}
		f, err := parse(data, n)
		if err == nil {
			var c *Calendar
			if c, err = f.calendar(n); err == nil {
				c.Source = "embedded"
				cache[n] = c
				return c, nil
			}
		}
		panic(fmt.Sprintf("calendar: embedded %s: %v", n, err)) // the embedded files are tested
	}
	if !strings.ContainsAny(name, `/\`) && !strings.HasSuffix(key, ".yaml") && !strings.HasSuffix(key, ".yml") {
		return nil, fmt.Errorf("unknown calendar %q: the built-in calendars are %s, or name a calendar file ending .yaml", name, strings.Join(Embedded(), ", "))
	}
	path := name
	if !filepath.IsAbs(path) && dir != "" {
		path = filepath.Join(dir, path)
	}
	data, err := readFile(path, "calendar")
	if err != nil {
		return nil, err
	}
	f, err := parse(data, path)
	if err != nil {
		return nil, err
	}
	return f.calendar(path)
}

// LoadClosed reads a file of the landlord's closure days and returns the
// calendar with them added.
func LoadClosed(c *Calendar, path string) (*Calendar, error) {
	data, err := readFile(path, "closure days")
	if err != nil {
		return nil, err
	}
	f, err := parse(data, path)
	if err != nil {
		return nil, err
	}
	if len(f.holidays) > 0 || f.name != "" {
		return nil, fmt.Errorf("%s is a calendar of bank holidays: name it with --calendar; --closed takes a list of closure days (closed:)", path)
	}
	if len(f.closed) == 0 {
		return nil, fmt.Errorf("%s lists no closure days: write them under closed:, one date or range a line", path)
	}
	for _, h := range f.closed {
		if !c.Covers(h.Day) {
			return nil, fmt.Errorf("%s:%d: %s is outside the years the calendar covers (%d to %d)", path, f.lines[h.Day], h.Day, c.FirstYear, c.LastYear)
		}
	}
	return c.WithClosed(f.closed)
}

func readFile(path, what string) ([]byte, error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%s file %s does not exist", what, path)
	case err != nil:
		return nil, fmt.Errorf("%s file %s cannot be read", what, path)
	}
	return data, nil
}

// file is a calendar file as read.
type file struct {
	source      string
	name, title string
	first, last int
	holidays    []Holiday
	closed      []Holiday
	lines       map[Day]int // where each day was listed
}

func parse(data []byte, source string) (*file, error) {
	f := &file{source: source, lines: map[Day]int{}}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s is not YAML csa can read: %s", source, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s is empty", source)
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: a calendar file is a mapping (calendar:, holidays:, closed:)", source, top.Line)
	}
	bad := func(n *yaml.Node, format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", source, n.Line, fmt.Sprintf(format, args...))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if seen[k.Value] {
			return nil, bad(k, "%s is given twice", k.Value)
		}
		seen[k.Value] = true
		switch k.Value {
		case "calendar", "title":
			if v.Kind != yaml.ScalarNode {
				return nil, bad(v, "%s should be text", k.Value)
			}
			if k.Value == "calendar" {
				f.name = strings.TrimSpace(v.Value)
			} else {
				f.title = strings.TrimSpace(v.Value)
			}
		case "first_year", "last_year":
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || n < 1900 || n > 2200 {
				return nil, bad(v, "%s should be a year, like 2024", k.Value)
			}
			if k.Value == "first_year" {
				f.first = n
			} else {
				f.last = n
			}
		case "holidays", "closed":
			if v.Kind != yaml.SequenceNode {
				return nil, bad(v, "%s should be a list, one date a line (- 2024-12-25 Christmas Day)", k.Value)
			}
			for _, item := range v.Content {
				days, err := entry(item, k.Value == "closed")
				if err != nil {
					return nil, bad(item, "%s", err)
				}
				for _, h := range days {
					if line, dup := f.lines[h.Day]; dup {
						return nil, bad(item, "%s is listed twice (also on line %d)", h.Day, line)
					}
					f.lines[h.Day] = item.Line
				}
				if k.Value == "closed" {
					f.closed = append(f.closed, days...)
				} else {
					f.holidays = append(f.holidays, days...)
				}
			}
		default:
			return nil, bad(k, "unknown key %q: a calendar file has calendar, title, first_year, last_year, holidays and closed", k.Value)
		}
	}
	return f, nil
}

// entry reads one line of a list: "2024-12-25 Christmas Day", or for
// closure days also "2024-12-27 to 2024-12-31 office closed".
func entry(n *yaml.Node, ranges bool) ([]Holiday, error) {
	if n.Kind != yaml.ScalarNode {
		return nil, errors.New("each entry should be a date and a name on one line, like 2024-12-25 Christmas Day")
	}
	s := strings.TrimSpace(n.Value)
	from, ok := ParseDay(s[:min(10, len(s))])
	if !ok {
		return nil, fmt.Errorf("%q does not start with a date written YYYY-MM-DD", s)
	}
	rest := strings.TrimSpace(s[10:])
	to := from
	if after, found := strings.CutPrefix(rest, "to "); found && ranges {
		after = strings.TrimSpace(after)
		if to, ok = ParseDay(after[:min(10, len(after))]); !ok {
			return nil, fmt.Errorf("%q: the range should end with a date written YYYY-MM-DD", s)
		}
		if to < from {
			return nil, fmt.Errorf("%q: the range ends before it starts", s)
		}
		if to-from > 366 {
			return nil, fmt.Errorf("%q: a range of more than a year is not closure days", s)
		}
		rest = strings.TrimSpace(after[10:])
	}
	var out []Holiday
	for d := from; d <= to; d++ {
		out = append(out, Holiday{Day: d, Name: rest})
	}
	return out, nil
}

// calendar checks a file read as a calendar and builds it.
func (f *file) calendar(source string) (*Calendar, error) {
	if f.name == "" {
		return nil, fmt.Errorf("%s: a calendar needs a name (calendar: scotland, say)", source)
	}
	if f.first == 0 || f.last == 0 {
		return nil, fmt.Errorf("%s: a calendar needs first_year and last_year: the years whose bank holidays it lists in full", source)
	}
	if f.last < f.first {
		return nil, fmt.Errorf("%s: last_year %d is before first_year %d", source, f.last, f.first)
	}
	years := map[int]bool{}
	for _, h := range f.holidays {
		y := h.Day.Year()
		if y < f.first || y > f.last {
			return nil, fmt.Errorf("%s:%d: %s is outside first_year to last_year (%d to %d)", source, f.lines[h.Day], h.Day, f.first, f.last)
		}
		if h.Day.IsWeekend() {
			return nil, fmt.Errorf("%s:%d: %s is a %s: a bank holiday that falls at a weekend moves to a weekday; list that day", source, f.lines[h.Day], h.Day, h.Day.Weekday())
		}
		if h.Name == "" {
			return nil, fmt.Errorf("%s:%d: %s has no name: write the date, then the holiday's name", source, f.lines[h.Day], h.Day)
		}
		years[y] = true
	}
	for y := f.first; y <= f.last; y++ {
		if !years[y] {
			return nil, fmt.Errorf("%s: no bank holidays listed for %d: list them, or make last_year earlier", source, y)
		}
	}
	title := f.title
	if title == "" {
		title = f.name
	}
	c, err := New(f.name, title, f.first, f.last, f.holidays)
	if err != nil {
		return nil, err
	}
	c.Source = source
	if len(f.closed) > 0 {
		return c.WithClosed(f.closed)
	}
	return c, nil
}
