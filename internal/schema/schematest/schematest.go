// Package schematest checks YAML files against csa's JSON Schemas in
// tests, with a well-kept validator (santhosh-tekuri/jsonschema), reading
// YAML as an editor's YAML extension does: keys as text, dates as text.
// Only tests import it, so the validator never reaches the csa binary.
package schematest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// Compile compiles a JSON Schema for 2020-12, checking formats (a date of 31
// June fails format: date), as strict editors do.
func Compile(t testing.TB, name string, data []byte) *jsonschema.Schema {
	t.Helper()
	return compile(t, name, data, true)
}

// CompileLax compiles a JSON Schema for 2020-12 with formats as notes only,
// as the 2020-12 dialect has it by default: what patterns alone catch.
func CompileLax(t testing.TB, name string, data []byte) *jsonschema.Schema {
	t.Helper()
	return compile(t, name, data, false)
}

func compile(t testing.TB, name string, data []byte, formats bool) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s is not JSON: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if formats {
		c.AssertFormat()
	}
	if err := c.AddResource(name, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(name)
	if err != nil {
		t.Fatalf("%s does not compile: %v", name, err)
	}
	return sch
}

// Instance reads YAML into what a validator checks: the JSON value it
// stands for, as an editor's YAML extension (YAML 1.2) reads it: a
// timestamp is text, a key that is not text is its text, .inf and .nan are
// numbers, an alias is what it names. It fails where yaml.v3 fails (a
// syntax error) and on a key given twice, which JSON cannot hold.
func Instance(data []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	v, err := jsonValue(doc.Content[0], 0)
	if err != nil {
		return nil, err
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(b))
}

func jsonValue(n *yaml.Node, depth int) (any, error) {
	if depth > 100 {
		return nil, fmt.Errorf("nested too deep")
	}
	switch n.Kind {
	case yaml.AliasNode:
		return jsonValue(n.Alias, depth+1)
	case yaml.MappingNode:
		out := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if _, dup := out[k]; dup {
				return nil, fmt.Errorf("key %q twice", k)
			}
			v, err := jsonValue(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			out[k] = v
		}
		return out, nil
	case yaml.SequenceNode:
		out := []any{}
		for _, c := range n.Content {
			v, err := jsonValue(c, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	switch n.Tag {
	case "!!null":
		return nil, nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true"), nil
	case "!!int", "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
				return i, nil
			}
			return json.Number("0"), nil // .inf, .nan, 0o17: a number all the same
		}
		return f, nil
	}
	return n.Value, nil
}

// FailsAt checks that err is the schema's refusal, made (by it or one of
// its causes) at keyword: the schema tells the fault where the loader does.
func FailsAt(t testing.TB, err error, keyword string) {
	t.Helper()
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("the schema passes it (%v)", err)
	}
	if locs := keywords(ve); !slices.ContainsFunc(locs, func(l string) bool { return strings.HasSuffix(l, "/"+keyword) }) {
		t.Errorf("failed at %v, want a failure at %s: %v", locs, keyword, err)
	}
}

// keywords are the keyword locations of a validation error and its causes.
func keywords(ve *jsonschema.ValidationError) []string {
	out := []string{"/" + strings.Join(ve.ErrorKind.KeywordPath(), "/")}
	for _, c := range ve.Causes {
		out = append(out, keywords(c)...)
	}
	return out
}
