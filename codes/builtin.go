package codes

import (
	"slices"
	"strings"
)

//go:generate go run ./internal/gencat

// builtins are the built-in catalogues, oldest first, set by
// builtin_gen.go from the YAML files in this folder; see internal/gencat.
var builtins []*Catalogue

// builtinDigests are the SHA-256 of each built-in catalogue's YAML file, by
// id, set by builtin_gen.go.
var builtinDigests map[string]string

// Embedded returns the ids of the built-in catalogues, oldest first.
func Embedded() []string {
	ids := make([]string, len(builtins))
	for i, c := range builtins {
		ids[i] = c.ID
	}
	return ids
}

// builtinID returns the id of the built-in catalogue name names, by its id
// or its short form, in any case.
func builtinID(name string) (string, bool) {
	n := strings.ToLower(name)
	if !strings.HasPrefix(n, "chc-") {
		n = "chc-" + n
	}
	if slices.Contains(Embedded(), n) {
		return n, true
	}
	return "", false
}

// builtin returns the built-in catalogue id.
func builtin(id string) *Catalogue {
	for _, c := range builtins {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Successor returns the built-in catalogue that replaced c, if any: the one
// whose supersedes names c.
func Successor(c *Catalogue) (*Catalogue, bool) {
	for _, next := range builtins {
		if next.Supersedes != "" && strings.EqualFold(next.Supersedes, c.ID) {
			return next, true
		}
	}
	return nil, false
}
