package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Version is the JSON Schema dialect JSON writes.
const Version = "https://json-schema.org/draft/2020-12/schema"

// DatePattern is the shape of a date the loaders read: YYYY-MM-DD. The
// schema also says format: date, which rules out a 31 June.
const DatePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`

// yaml11Bools are the words yaml.v3 reads as true or false into a Go bool,
// besides true and false themselves.
var yaml11Bools = []string{"y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
	"n", "N", "no", "No", "NO", "off", "Off", "OFF"}

// JSON writes the JSON Schema of a file whose top is root, indented, with
// keys in the order the declarations give them: the same declarations give
// the same bytes.
func JSON(title string, root *Mapping) []byte {
	top := object{{"$schema", Version}, {"title", title}}
	top = append(top, mapping(root, root.Doc, true)...)
	var b bytes.Buffer
	write(&b, top, "")
	b.WriteByte('\n')
	return b.Bytes()
}

// object is a JSON object whose members keep their order.
type object []member

type member struct {
	key   string
	value any // string, bool, int, []string, object or []object
}

// mapping is a set of keys as a JSON Schema object, described by doc.
func mapping(m *Mapping, doc string, required bool) object {
	o := object{}
	if doc != "" {
		o = append(o, member{"description", doc})
	}
	if required {
		o = append(o, member{"type", "object"})
	} else {
		o = append(o, member{"type", []string{"object", "null"}})
	}
	props := object{}
	var req []string
	for i := range m.Keys {
		k := &m.Keys[i]
		props = append(props, member{k.Name, k.schema()})
		if k.Required {
			req = append(req, k.Name)
		}
	}
	o = append(o, member{"properties", props})
	if len(req) > 0 {
		o = append(o, member{"required", req})
	}
	return append(o, member{"additionalProperties", false})
}

var (
	nullType = object{{"type", "null"}}
	empty    = object{{"const", ""}}
)

// schema is a key's value as JSON Schema.
func (k *Key) schema() object {
	var o object
	if k.Doc != "" {
		o = append(o, member{"description", k.Doc})
	}
	// blank are the branches a key that is not required adds: YAML's
	// empty value and ~ read as null, "" as the empty string (which a
	// folded Word's pattern allows already).
	blank := func(alts []object) []object {
		switch {
		case k.Required, k.NoBlank:
			return alts
		case k.Type == Word && k.Fold:
			return append(alts, nullType)
		}
		return append(alts, empty, nullType)
	}
	switch k.Type {
	case Text:
		if k.Required || k.NoBlank {
			o = append(o, member{"anyOf", []object{
				{{"type", "string"}, {"pattern", `\S`}},
				{{"type", []string{"number", "boolean"}}},
			}})
		} else {
			o = append(o, member{"type", []string{"string", "number", "boolean", "null"}})
		}
		if len(k.Suggest) > 0 {
			o = append(o, member{"examples", k.Suggest})
		}
	case ID:
		o = append(o, member{"type", "string"}, member{"pattern", k.pattern()})
	case Date:
		date := object{{"type", "string"}, {"pattern", DatePattern}, {"format", "date"}}
		if k.Required {
			o = append(o, date...)
		} else {
			o = append(o, member{"anyOf", blank([]object{date})})
		}
	case Word:
		alts := []object{{{"enum", k.Enum}}}
		if k.Fold {
			alts = append(alts, object{{"type", "string"}, {"pattern", foldPattern(k.Enum, !k.NoBlank)}})
		}
		alts = blank(alts)
		if len(alts) == 1 {
			o = append(o, alts[0]...)
		} else {
			o = append(o, member{"anyOf", alts})
		}
	case Bool:
		alts := []object{{{"type", "boolean"}}}
		if k.YAML11 {
			alts = append(alts, object{{"enum", yaml11Bools}})
		}
		if k.Nullable {
			alts = append(alts, nullType)
		}
		if len(alts) == 1 {
			o = append(o, alts[0]...)
		} else {
			o = append(o, member{"anyOf", alts})
		}
	case Int:
		if k.Nullable {
			o = append(o, member{"type", []string{"integer", "null"}})
		} else {
			o = append(o, member{"type", "integer"})
		}
	case Map:
		o = append(o, mapping(k.Keys, "", false)...)
	case List:
		o = append(o, member{"type", []string{"array", "null"}})
		if k.MinItems > 0 {
			o = append(o, member{"minItems", k.MinItems})
		}
		o = append(o, member{"items", mapping(k.Keys, k.Keys.Doc, true)})
	case Named:
		// Each name holds a set of keys giving at least one of them.
		each := mapping(k.Keys, k.Keys.Doc, true)
		at := slices.IndexFunc(each, func(m member) bool { return m.key == "type" }) + 1
		each = slices.Insert(each, at, member{"minProperties", 1})
		o = append(o, member{"type", []string{"object", "null"}},
			member{"propertyNames", object{{"pattern", `\S`}}},
			member{"additionalProperties", each})
	}
	return o
}

// pattern is an ID's shape: Pattern if declared, else any text that is
// not blank.
func (k *Key) pattern() string {
	if k.Pattern != "" {
		return k.Pattern
	}
	return `\S`
}

// foldPattern matches any of words in any case, with spaces around, or,
// with blank, a blank: "Yes", " N/A ".
func foldPattern(words []string, blank bool) string {
	var alts []string
	for _, w := range words {
		var b strings.Builder
		for _, r := range w {
			lo, up := unicode.ToLower(r), unicode.ToUpper(r)
			if lo != up {
				fmt.Fprintf(&b, "[%c%c]", lo, up)
			} else {
				b.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
		alts = append(alts, b.String())
	}
	opt := ""
	if blank {
		opt = "?"
	}
	return `^\s*(` + strings.Join(alts, "|") + `)` + opt + `\s*$`
}

// write writes v as indented JSON, without escaping <, > and & (a schema is
// not HTML).
func write(b *bytes.Buffer, v any, indent string) {
	inner := indent + "  "
	switch v := v.(type) {
	case object:
		if len(v) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, m := range v {
			b.WriteString(inner)
			str(b, m.key)
			b.WriteString(": ")
			write(b, m.value, inner)
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case []object:
		b.WriteString("[\n")
		for i, o := range v {
			b.WriteString(inner)
			write(b, o, inner)
			if i < len(v)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	case []string:
		b.WriteByte('[')
		for i, s := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			str(b, s)
		}
		b.WriteByte(']')
	case string:
		str(b, v)
	case bool:
		fmt.Fprint(b, v)
	case int:
		fmt.Fprint(b, v)
	default:
		panic(fmt.Sprintf("schema: cannot write %T", v))
	}
}

func str(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)           // a string always encodes
	b.Truncate(b.Len() - 1) // Encode's newline
}
