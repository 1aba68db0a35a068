// Package schema declares the keys of csa's YAML files once, as data: for
// each set of keys, its keys in their order, each with its type, whether it
// is required, the words it allows and what it holds. The loaders read a
// file against these declarations (unknown keys, suggestions, required keys,
// the answer words) and JSON writes them as a JSON Schema (2020-12) for
// editors, so the schema an editor checks with is the loader's own.
//
// This package knows no file format: the assessment's declarations are
// package assessment's, the catalogue's package codes'.
package schema

import (
	"slices"
	"strings"
)

// Type is what a key's value is, as the loader reads it.
type Type int

// The types of value. Every scalar type but Bool and Int also accepts a
// blank (an empty value, or ~), which the loader reads as no value; a
// required key may not be blank.
const (
	// Text is a line or a block of text. Any scalar is text as written: a
	// number is its digits, true is the word.
	Text Type = iota
	// Date is a calendar day written YYYY-MM-DD.
	Date
	// Word is one of Enum; with Fold, in any case and with spaces around.
	Word
	// Bool is true or false.
	Bool
	// Int is a whole number.
	Int
	// Map is a set of keys, Keys.
	Map
	// List is a list of sets of keys, each Keys.
	List
	// Named is a set of keys whose names the writer chooses (a group's
	// entities, under a provision): each name holds a set of keys, Keys,
	// giving at least one of them.
	Named
	// ID is a provision id, a section and a number such as "6.10": text
	// that YAML must not read as a number, so always quoted.
	ID
)

// Key is one key of a set of keys.
type Key struct {
	Name string
	Type Type
	// Required keys must be present and, for text, dates and words, not
	// blank. A required list may be empty.
	Required bool
	// Enum are the words a Word allows; Fold allows them in any case, with
	// spaces around, and allows a blank.
	Enum []string
	Fold bool
	// NoBlank refuses a blank for a Text or a Word that may be left out:
	// written, it must say something (an entity's own answer, which left
	// out is the group's).
	NoBlank bool
	// Suggest are values an editor offers for Text, not enforced.
	Suggest []string
	// Doc says what the key holds, in a sentence or two: an editor shows
	// it when the pointer rests on the key.
	Doc string
	// Keys are a Map's keys, the keys of each item of a List, or of each
	// name of a Named.
	Keys *Mapping
	// Missing is the loader's message when a required key is missing or
	// blank; Blank, if set, is its message when the key is there but blank.
	Missing, Blank string
	// YAML11 allows, for a Bool, the YAML 1.1 words yaml.v3 also reads as
	// true or false (yes, no, on, off...).
	YAML11 bool
	// Nullable allows a blank for a Bool or an Int.
	Nullable bool
	// Pattern is the regular expression an ID matches (default: any text
	// that is not blank).
	Pattern string
	// MinItems is the fewest items a required List may have.
	MinItems int
	// Block lays out Text that is not blank as a | block even on one line:
	// prose (evidence, commentary), which never needs quotes that way.
	Block bool
}

// Mapping is a set of keys: the top of a file, or a set nested in it.
type Mapping struct {
	Doc   string
	Keys  []Key
	names []string
}

// NewMapping declares a set of keys in their order.
func NewMapping(doc string, keys ...Key) *Mapping {
	m := &Mapping{Doc: doc, Keys: keys}
	for _, k := range keys {
		m.names = append(m.names, k.Name)
	}
	return m
}

// Names are the keys' names, in order. The slice is shared: do not change it.
func (m *Mapping) Names() []string { return m.names }

// Index returns the position of the key called name, or -1.
func (m *Mapping) Index(name string) int { return slices.Index(m.names, name) }

// Key returns the key called name; it panics if there is none, since the
// declarations are the program's own.
func (m *Mapping) Key(name string) *Key {
	i := m.Index(name)
	if i < 0 {
		panic("schema: no key " + name)
	}
	return &m.Keys[i]
}

// Add appends keys to the set, for a set declared in parts.
func (m *Mapping) Add(keys ...Key) {
	for _, k := range keys {
		m.Keys = append(m.Keys, k)
		m.names = append(m.names, k.Name)
	}
}

// Allows reports whether s is one of a Word's words, as the loader reads
// it: with Fold, in any case, with spaces around, or blank unless NoBlank.
func (k *Key) Allows(s string) bool {
	if k.Fold {
		s = strings.ToLower(strings.TrimSpace(s))
		if s == "" {
			return !k.NoBlank
		}
	}
	return slices.Contains(k.Enum, s)
}
