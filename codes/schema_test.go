package codes

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/csa-tool/csa/internal/schema"
	"github.com/csa-tool/csa/internal/schema/schematest"
)

// TestCatalogueKeysDescribed holds the description table to the structs
// the loader decodes into: every key described, nothing described that is
// not a key.
func TestCatalogueKeysDescribed(t *testing.T) {
	if _, problems := catalogueKeys(); len(problems) > 0 {
		t.Errorf("keyDocs and the catalogue structs disagree:\n%s", strings.Join(problems, "\n"))
	}
}

// schemaCanTell are the catalogue errors about one value or one key: the
// ones a schema can express. The rest relate keys to one another (a measure
// set twice, a source on an unconfirmed entry).
var schemaCanTell = []string{"unknown key", "where another kind of value belongs", "must be quoted",
	"is not a section.number", "obligation", "is not a date like", "needs a 'catalogue:' id", "lists no provisions"}

// catalogueCorpus is the built-in catalogues and every catalogue in the
// test scripts.
func catalogueCorpus(t *testing.T) map[string][]byte {
	out := map[string][]byte{}
	files, _ := filepath.Glob("chc-*.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = data
	}
	scripts, _ := filepath.Glob("../testdata/script/*.txtar")
	for _, f := range scripts {
		a, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range a.Files {
			if ext := filepath.Ext(file.Name); (ext == ".yaml" || ext == ".yml") && regexp.MustCompile(`(?m)^catalogue:`).Match(file.Data) {
				out[filepath.Base(f)+":"+file.Name] = file.Data
			}
		}
	}
	if len(files) < 2 || len(out) < 10 {
		t.Fatalf("%d catalogues: the corpus is missing", len(out))
	}
	return out
}

// TestCatalogueSchemaAgrees validates the built-in catalogues and every
// catalogue file of the test scripts: one the loader reads is valid, and one
// it refuses for a reason a schema can tell is not.
func TestCatalogueSchemaAgrees(t *testing.T) {
	sch := schematest.Compile(t, "catalogue.schema.json", Schema())
	valid, invalid := 0, 0
	for name, data := range catalogueCorpus(t) {
		inst, err := schematest.Instance(data)
		if err != nil {
			continue
		}
		_, perr := ParseBytes(data, name)
		verr := sch.Validate(inst)
		switch {
		case perr == nil && verr != nil:
			t.Errorf("%s: the loader reads it, but the schema says:\n%v", name, verr)
		case perr != nil && verr == nil && slices.ContainsFunc(schemaCanTell, func(s string) bool { return strings.Contains(perr.Error(), s) }):
			t.Errorf("%s: the loader says %q, but the schema passes it", name, perr)
		case verr == nil:
			valid++
		default:
			invalid++
		}
	}
	if valid < 10 || invalid < 1 {
		t.Errorf("%d valid and %d invalid catalogues: the corpus should hold more", valid, invalid)
	}
	t.Logf("%d valid, %d invalid", valid, invalid)
}

// TestCatalogueSchemaRejects: malformed catalogues fail both the loader
// and the schema.
func TestCatalogueSchemaRejects(t *testing.T) {
	sch := schematest.Compile(t, "catalogue.schema.json", Schema())
	tests := []struct{ name, yaml, keyword string }{
		{"unknown key", tiny + "    sumary: x\n", "additionalProperties"},
		{"unknown top key", "catalog: x\n" + tiny, "additionalProperties"},
		{"text for a number", tiny + "    section: one\n", "type"},
		{"list for text", tiny + "    note: [a]\n", "type"},
		{"unquoted id", "catalogue: x\nprovisions:\n  - id: 6.10\n", "type"},
		{"not an id", "catalogue: x\nprovisions:\n  - id: \"6.1a\"\n", "pattern"},
		{"bad obligation", tiny + "    obligation: may\n", "anyOf"},
		{"bad measure", tiny + "    timescales:\n      - what: x\n        within: 5\n        unit: days\n        measure: stage 3 response\n        starts: receipt\n", "anyOf"},
		{"bad date", "in_force: 1 April 2024\n" + tiny, "anyOf"},
		{"no provisions", "catalogue: x\nprovisions: []\n", "minItems"},
		{"blank catalogue", "catalogue: \"\"\nprovisions:\n  - id: \"1.1\"\n", "anyOf"},
		{"missing id", "catalogue: x\nprovisions:\n  - summary: x\n", "required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseBytes([]byte(tt.yaml), "c.yaml"); err == nil {
				t.Fatal("the loader reads it: not a malformed catalogue")
			}
			inst, err := schematest.Instance([]byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			err = sch.Validate(inst)
			schematest.FailsAt(t, err, tt.keyword)
		})
	}
}

// TestIDPatternIsSplitID: the schema's pattern for a provision id accepts
// exactly what SplitID does.
func TestIDPatternIsSplitID(t *testing.T) {
	m, _ := catalogueKeys()
	re := regexp.MustCompile(m.Key("provisions").Keys.Key("id").Pattern)
	for _, id := range []string{"1.1", "6.10", "999.999", "1000.1", "1.1000", "01.2", "0001.2", "6", "6.", ".6", "6.1a", "6..1", "a.1", "", " 6.1", "6.1.2", "-1.2"} {
		_, _, ok := SplitID(id)
		if got := re.MatchString(id); got != ok {
			t.Errorf("%q: pattern says %v, SplitID %v", id, got, ok)
		}
	}
}

// TestCatalogueKeysAgree holds the loader to the schema key by key: each
// declared key of a clean catalogue is given a value of every kind, and the
// loader refuses it (for a reason a schema can tell) exactly when the schema
// does. Refusals for how keys relate (a measure without starts) are left out.
func TestCatalogueKeysAgree(t *testing.T) {
	sch := schematest.Compile(t, "catalogue.schema.json", Schema())
	values := []string{`x`, `" "`, `""`, `~`, `3`, `-2`, `2.5`, `true`, `no`, `[a]`, `{a: b}`, `2024-04-01`, `2024-02-30`,
		`1 April 2024`, `"6.10"`, `6.10`, `must`, `stage 1 response`, `receipt`, `working days`, `high`}
	clean := map[string]string{
		"catalogue": "mine", "short": `"m"`, "title": "Mine", "publisher": "Us", "in_force": "2024-04-01",
		"supersedes": "chc-2022", "statutory": "true", "note": "A note.",
		"sections.number": "6", "sections.title": "Stages",
		"provisions.id": `"6.1"`, "provisions.section": "6", "provisions.stage": "stage 1", "provisions.obligation": "must",
		"provisions.on_form": "true", "provisions.confirmed": "true", "provisions.source": "a check", "provisions.note": "n",
		"provisions.summary": "s", "provisions.text": "t",
		"provisions.timescales.what": "respond", "provisions.timescales.within": "10", "provisions.timescales.unit": "working days",
		"provisions.timescales.from": "receipt", "provisions.timescales.measure": "stage 1 response", "provisions.timescales.starts": "receipt",
		"provisions.predecessors.id": `"5.1"`, "provisions.predecessors.confidence": "high", "provisions.predecessors.note": "n",
	}
	m, _ := catalogueKeys()
	checked := 0
	for path := range clean {
		for _, v := range values {
			var b strings.Builder
			var write func(keys []schemaKey, prefix, indent, first string)
			write = func(keys []schemaKey, prefix, indent, first string) {
				for i, k := range keys {
					p, lead := prefix+k.name, indent
					if i == 0 {
						lead = first
					}
					switch {
					case k.list != nil:
						b.WriteString(lead + k.name + ":\n")
						write(k.list, p+".", indent+"    ", indent+"  - ")
					case p == path:
						b.WriteString(lead + k.name + ": " + v + "\n")
					default:
						b.WriteString(lead + k.name + ": " + clean[p] + "\n")
					}
				}
			}
			write(keysOf(m), "", "", "")
			doc := b.String()
			_, perr := ParseBytes([]byte(doc), "c.yaml")
			if perr != nil && !slices.ContainsFunc(schemaCanTell, func(s string) bool { return strings.Contains(perr.Error(), s) }) {
				continue
			}
			inst, err := schematest.Instance([]byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			verr := sch.Validate(inst)
			if (perr == nil) != (verr == nil) {
				t.Errorf("%s: %s: loader %v, schema %v", path, v, perr, verr)
			}
			checked++
		}
	}
	if checked < 400 {
		t.Errorf("only %d cases", checked)
	}
}

type schemaKey struct {
	name string
	list []schemaKey
}

func keysOf(m *schema.Mapping) []schemaKey {
	var out []schemaKey
	for _, k := range m.Keys {
		sk := schemaKey{name: k.Name}
		if k.Keys != nil {
			sk.list = keysOf(k.Keys)
		}
		out = append(out, sk)
	}
	return out
}
