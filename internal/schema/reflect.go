package schema

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// FromStruct declares the keys of a file a loader decodes into Go structs
// (strictly, by their yaml tags): the keys and their types come from the
// struct t, in field order, so they are the loader's own; docs adds what a
// struct cannot say, by the key's path ("provisions.obligation"): its Doc,
// whether it is Required, the Enum a Word allows, a Pattern, Suggest. A
// string field is Text unless docs makes it a Word, a Date or an ID; an int
// or a bool may be blank, and a bool may be written as YAML 1.1's yes or no,
// as yaml.v3 reads them.
//
// problems lists each key docs does not describe and each entry of docs
// that names no key, so a test can hold the two together.
func FromStruct(t reflect.Type, doc string, docs map[string]Key) (m *Mapping, problems []string) {
	used := map[string]bool{}
	m = fromStruct(t, "", docs, used, &problems)
	m.Doc = doc
	for path := range docs {
		if !used[path] {
			problems = append(problems, path+": described, but the struct has no such key")
		}
	}
	sort.Strings(problems)
	return m, problems
}

func fromStruct(t reflect.Type, prefix string, docs map[string]Key, used map[string]bool, problems *[]string) *Mapping {
	m := NewMapping("")
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		path := prefix + name
		d, ok := docs[path]
		used[path] = ok
		if !ok || d.Doc == "" {
			*problems = append(*problems, path+": no description")
		}
		k := d
		k.Name = name
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch ft.Kind() {
		case reflect.String:
			if k.Type != Word && k.Type != Date && k.Type != ID {
				k.Type = Text
			}
		case reflect.Int:
			k.Type, k.Nullable = Int, true
		case reflect.Bool:
			k.Type, k.Nullable, k.YAML11 = Bool, true, true
		case reflect.Slice:
			if ft.Elem().Kind() != reflect.Struct {
				panic(fmt.Sprintf("schema: %s is a list of %s, not of sets of keys", path, ft.Elem()))
			}
			k.Type = List
			k.Keys = fromStruct(ft.Elem(), path+".", docs, used, problems)
		case reflect.Struct:
			k.Type = Map
			k.Keys = fromStruct(ft, path+".", docs, used, problems)
		default:
			panic(fmt.Sprintf("schema: %s has Go type %s, which a schema cannot say", path, ft))
		}
		m.Add(k)
	}
	return m
}
