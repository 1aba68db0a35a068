package assessment

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/csa-tool/csa/internal/schema"
	"github.com/csa-tool/csa/internal/schema/schematest"
)

// schemaCannotTell are the loader's schema findings that a JSON Schema cannot
// express: a rule across two keys, and what only the YAML shows (a complex
// key, aliases, a second document, a file that is not a set of keys).
var schemaCannotTell = []string{
	"has a completed date but its status is not done",
	"has a key that is not a plain word",
	"appears twice in",
	"is listed twice (first at line", // a group's entity: the same name, whatever else differs
	"an entity cannot be called",     // "All entities" in any case and spacing: not yet in the schema
	"the file's aliases",
	"more than one YAML document",
}

// schemaFindings are the loader's findings about what a file holds, the
// schema's business: its schema findings that a schema can tell.
func schemaFindings(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Rule != RuleSchema || slices.ContainsFunc(schemaCannotTell, func(s string) bool { return strings.Contains(f.Message, s) }) {
			continue
		}
		out = append(out, fmt.Sprintf("%d:%d: %s", f.Line, f.Col, f.Message))
	}
	return out
}

// TestSchemaAgreesOnTheCorpus validates every example and every assessment
// in the test scripts (and their CRLF copies) against the schema csa schema
// prints: a file the loader reads without a schema finding is valid, and a
// file it finds a schema problem in (of the kinds a schema can tell) is not.
func TestSchemaAgreesOnTheCorpus(t *testing.T) {
	sch := schematest.Compile(t, "assessment.schema.json", Schema())
	valid, invalid := 0, 0
	for name, data := range everything(t) {
		if KindOf(data) != MaybeAssessment {
			continue
		}
		inst, err := schematest.Instance(data)
		if err != nil {
			continue // not YAML to yaml.v3: syntax, the loader's to report
		}
		if _, ok := inst.(map[string]any); !ok {
			continue
		}
		_, fs := Parse(name, data)
		loader := schemaFindings(fs)
		err = sch.Validate(inst)
		switch {
		case len(loader) == 0 && err != nil:
			t.Errorf("%s: the loader reads it cleanly, but the schema says:\n%v", name, err)
		case len(loader) > 0 && err == nil:
			t.Errorf("%s: the loader finds %q, but the schema passes it", name, loader)
		case err == nil:
			valid++
		default:
			invalid++
		}
	}
	// Enough of each that the test means something.
	if valid < 100 || invalid < 10 {
		t.Errorf("%d valid and %d invalid files: the corpus should hold more of each", valid, invalid)
	}
	t.Logf("%d valid, %d invalid", valid, invalid)
}

// TestSchemaRejects checks that malformed assessments fail the schema where
// a schema can tell, each for the reason the loader gives.
func TestSchemaRejects(t *testing.T) {
	sch := schematest.Compile(t, "assessment.schema.json", Schema())
	// Without format assertion (2020-12's default, and some editors'),
	// a date's pattern still catches what is not YYYY-MM-DD.
	lax := schematest.CompileLax(t, "assessment.schema.json", Schema())
	head := "code: chc-2024\nlandlord: X\nassessed: 2025-05-31\n"
	item := head + "provisions:\n  - id: \"1.2\"\n"
	group := head + "entities:\n  - name: A\n  - name: B\nprovisions:\n  - id: \"1.2\"\n    comply: yes\n    entities:\n"
	tests := []struct {
		name, yaml string
		keyword    string // in the schema error's keyword location
		lax        bool   // validated without format assertion
	}{
		{"unknown key", item + "    evidnce: x\n", "additionalProperties", false},
		{"unknown top key", head + "aproved:\n  by: Board\nprovisions: []\n", "additionalProperties", false},
		{"list for text", item + "    evidence: [a, b]\n", "type", false},
		{"map for text", item + "    commentary: {a: b}\n", "type", false},
		{"unquoted id", head + "provisions:\n  - id: 6.10\n", "type", false},
		{"not a list", head + "provisions: all\n", "type", false},
		{"bad answer", item + "    comply: maybe\n", "anyOf", false},
		{"number answer", item + "    comply: 1\n", "anyOf", false},
		{"bad status", item + "    actions:\n      - action: x\n        status: started\n", "anyOf", false},
		{"bad draft", item + "    actions:\n      - action: x\n        draft: maybe\n", "type", false},
		{"date pattern", "code: chc-2024\nlandlord: X\nassessed: 31/05/2025\nprovisions: []\n", "pattern", true},
		{"date format", "code: chc-2024\nlandlord: X\nassessed: 31/05/2025\nprovisions: []\n", "format", false},
		{"due pattern", item + "    actions:\n      - action: x\n        due: 2025-9-30\n", "pattern", true},
		{"impossible date", "code: chc-2024\nlandlord: X\nassessed: 2025-02-30\nprovisions: []\n", "format", false},
		{"bad due", item + "    actions:\n      - action: x\n        due: next week\n", "anyOf", false},
		{"missing code", "landlord: X\nassessed: 2025-05-31\nprovisions: []\n", "required", false},
		{"missing provisions", head, "required", false},
		{"missing id", head + "provisions:\n  - comply: yes\n", "required", false},
		{"missing action", item + "    actions:\n      - owner: x\n", "required", false},
		{"approved without on", head + "approved:\n  by: Board\nprovisions: []\n", "required", false},
		{"blank landlord", "code: chc-2024\nlandlord: \" \"\nassessed: 2025-05-31\nprovisions: []\n", "anyOf", false},
		{"blank assessed", "code: chc-2024\nlandlord: X\nassessed:\nprovisions: []\n", "type", false},
		{"blank response text", head + "response:\n  by: Board\n  on: 2025-06-01\n  text: \"\"\nprovisions: []\n", "anyOf", false},
		// A group's entities, and what one of them answers differently.
		{"entities not a list", head + "entities:\n  A: x\nprovisions: []\n", "type", false},
		{"entity as text", head + "entities:\n  - Calder Vale Homes\nprovisions: []\n", "type", false},
		{"entity without a name", head + "entities:\n  - registration: L1\nprovisions: []\n", "required", false},
		{"entity with a blank name", head + "entities:\n  - name: \" \"\nprovisions: []\n", "anyOf", false},
		{"entity key typo", head + "entities:\n  - name: A\n    registation: L1\nprovisions: []\n", "additionalProperties", false},
		{"provision's entities a list", group + "      - A\n", "type", false},
		{"entity gives nothing", group + "      A:\n", "type", false},
		{"entity gives {}", group + "      A: {}\n", "minProperties", false},
		{"entity gives text", group + "      A: partial\n", "type", false},
		{"entity's blank name", group + "      \" \":\n        comply: no\n", "pattern", false},
		{"entity key typo in a provision", group + "      A:\n        evidnce: x\n", "additionalProperties", false},
		{"the group's key for an entity", group + "      A:\n        requirement: x\n", "additionalProperties", false},
		{"entity's blank comply", group + "      A:\n        comply:\n", "anyOf", false},
		{"entity's comply of spaces", group + "      A:\n        comply: \" \"\n", "anyOf", false},
		{"entity's bad comply", group + "      A:\n        comply: maybe\n", "anyOf", false},
		{"entity's blank evidence", group + "      A:\n        evidence: \" \"\n", "anyOf", false},
		{"entity's empty commentary", group + "      A:\n        commentary:\n", "anyOf", false},
		{"entity's actions not a list", group + "      A:\n        actions: soon\n", "type", false},
		{"entity's bad due", group + "      A:\n        actions:\n          - action: x\n            due: soon\n", "anyOf", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := Parse("a.yaml", []byte(tt.yaml))
			if len(schemaFindings(fs)) == 0 {
				t.Fatalf("the loader finds nothing in it: not a malformed file")
			}
			inst, err := schematest.Instance([]byte(tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if tt.lax {
				err = lax.Validate(inst)
			} else {
				err = sch.Validate(inst)
			}
			schematest.FailsAt(t, err, tt.keyword)
		})
	}
}

// TestKeysAgree holds the loader to the declarations the schema is made
// from: for every declared key, a value of every kind is put in an
// otherwise clean assessment, and the loader finds a schema problem in it
// exactly when the schema rejects it. A key declared but not read, read
// but not declared, or read as another type than declared, fails here.
func TestKeysAgree(t *testing.T) {
	sch := schematest.Compile(t, "assessment.schema.json", Schema())
	values := []string{`x`, `" "`, `""`, `~`, `3`, `2.5`, `true`, `[a]`, `{a: b}`, `2025-05-31`, `"2025-05-31"`,
		`2025-02-30`, `31/05/2025`, `"6.10"`, `6.10`, `yes`, `" No "`, `N/A`, `maybe`, `open`, `DONE`, `started`, `must`}
	checked := 0
	for _, path := range keyPaths(topKeys, "") {
		for _, v := range values {
			doc := cleanWith(path, v)
			_, fs := Parse("a.yaml", []byte(doc))
			loader := schemaFindings(fs)
			inst, err := schematest.Instance([]byte(doc))
			if err != nil {
				t.Fatalf("%s: %v\n%s", path, err, doc)
			}
			err = sch.Validate(inst)
			if (len(loader) == 0) != (err == nil) {
				t.Errorf("%s: %s: loader %q, schema %v\n%s", path, v, loader, err, doc)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Errorf("only %d cases", checked)
	}
}

// keyPaths lists every declared key as a path of names: "provisions.actions.due".
func keyPaths(m *schema.Mapping, prefix string) []string {
	var out []string
	for _, k := range m.Keys {
		out = append(out, prefix+k.Name)
		if k.Keys != nil {
			out = append(out, keyPaths(k.Keys, prefix+k.Name+".")...)
		}
	}
	sort.Strings(out)
	return out
}

// cleanWith is a clean assessment, every key of it set, with the key at
// path set to value instead.
func cleanWith(path, value string) string {
	set := map[string]string{
		"code": "chc-2024", "landlord": "Example Homes", "assessed": "2025-05-31", "period": "2024/25",
		"approved": "", "approved.by": "Board", "approved.on": "2025-06-19",
		"published": "https://example.org/sa", "introduction": "Opening words.",
		"response": "", "response.by": "Board", "response.on": "2025-06-26", "response.text": "Accepted.",
		"provisions": "", "provisions.id": `"1.2"`, "provisions.comply": "partial", "provisions.evidence": "Policy 2.1.",
		"provisions.commentary": "Noted.", "provisions.requirement": "Words.", "provisions.alternative": "Another way.",
		"provisions.review": "carried", "provisions.actions": "",
		"provisions.actions.action": "Do it.", "provisions.actions.owner": "Manager", "provisions.actions.due": "2025-09-30",
		"provisions.actions.status": "done", "provisions.actions.completed": "2025-08-01", "provisions.actions.draft": "false",
		"entities": "", "entities.name": "Example Homes North", "entities.registration": `"L0001"`,
		"provisions.entities": "", "provisions.entities.comply": "no", "provisions.entities.evidence": "Its own policy.",
		"provisions.entities.commentary": "Its own note.", "provisions.entities.alternative": "Its own way.",
		"provisions.entities.actions": "", "provisions.entities.actions.action": "Do it there.",
		"provisions.entities.actions.owner": "Its manager", "provisions.entities.actions.due": "2025-10-31",
		"provisions.entities.actions.status": "open", "provisions.entities.actions.completed": "~",
		"provisions.entities.actions.draft": "true",
	}
	var b strings.Builder
	var write func(m *schema.Mapping, prefix, indent, first string)
	write = func(m *schema.Mapping, prefix, indent, first string) {
		for i, k := range m.Keys {
			p := prefix + k.Name
			lead := indent
			if i == 0 {
				lead = first
			}
			if p == path {
				fmt.Fprintf(&b, "%s%s: %s\n", lead, k.Name, value)
				continue
			}
			switch k.Type {
			case schema.Map:
				fmt.Fprintf(&b, "%s%s:\n", lead, k.Name)
				write(k.Keys, p+".", indent+"  ", indent+"  ")
			case schema.List:
				fmt.Fprintf(&b, "%s%s:\n", lead, k.Name)
				write(k.Keys, p+".", indent+"    ", indent+"  - ")
			case schema.Named:
				fmt.Fprintf(&b, "%s%s:\n%s  %s:\n", lead, k.Name, indent, set["entities.name"])
				write(k.Keys, p+".", indent+"    ", indent+"    ")
			default:
				v, ok := set[p]
				if !ok {
					panic("cleanWith has no value for " + p)
				}
				fmt.Fprintf(&b, "%s%s: %s\n", lead, k.Name, v)
			}
		}
	}
	write(topKeys, "", "", "")
	return b.String()
}

func TestCleanWithIsClean(t *testing.T) {
	doc := cleanWith("", "")
	_, fs := Parse("a.yaml", []byte(doc))
	if len(fs) != 0 {
		t.Fatalf("%v\n%s", fs, doc)
	}
	inst, err := schematest.Instance([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := schematest.Compile(t, "a.json", Schema()).Validate(inst); err != nil {
		t.Fatal(err)
	}
}

func TestKeysFit(t *testing.T) {
	var check func(m *schema.Mapping)
	check = func(m *schema.Mapping) {
		if len(m.Keys) > maxKeys {
			t.Errorf("a set of %d keys: the loader holds at most %d", len(m.Keys), maxKeys)
		}
		for _, k := range m.Keys {
			if k.Doc == "" {
				t.Errorf("%s has no description", k.Name)
			}
			if k.Required && k.Missing == "" && k.Type != schema.List {
				t.Errorf("%s is required but has no message for when it is missing", k.Name)
			}
			if k.Keys != nil {
				check(k.Keys)
			}
		}
	}
	check(topKeys)
}
