package assessment

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment/internal/fastyaml"
	"github.com/csa-tool/csa/assessment/internal/generate"
	"github.com/rogpeppe/go-internal/txtar"
)

const full = `code: chc-2024
landlord: Tŷ Glas Homes
assessed: 2025-05-31
period: 2024/25
approved:
  by: Board
  on: 2025-06-19
published: https://example.org/sa
provisions:
  - id: "1.3"
    comply: Partial
    evidence: |
      Policy section 2.2.
      Training records.
    commentary: Third parties need written authority.
    requirement: The Code's words.
    alternative: Another way.
    review: carried from chc-2022 1.3
    actions:
      - action: Train mobile staff.
        owner: Siân Evans
        due: 2025-09-30
      - action: Update the leaflet.
        owner: Comms
        due: 2025-03-31
        status: done
        completed: 2025-03-12
        draft: true
  - id: "6.10"
    comply: N/A
    commentary: ""
`

func TestLoadReadsEveryField(t *testing.T) {
	a, fs := Parse("a.yaml", []byte(full))
	if len(fs) != 0 {
		t.Fatalf("findings: %v", fs)
	}
	want := &Assessment{
		File: "a.yaml", Code: "chc-2024", Landlord: "Tŷ Glas Homes", Assessed: NewDate(2025, 5, 31),
		Period: "2024/25", Approved: &Approval{By: "Board", On: NewDate(2025, 6, 19), Pos: Pos{5, 1}},
		Published: "https://example.org/sa",
		CodePos:   Pos{1, 7}, LandlordPos: Pos{2, 11}, AssessedPos: Pos{3, 11}, ProvisionsPos: Pos{9, 1},
		Answers: []Answer{{
			ID: "1.3", Comply: Partial, Evidence: "Policy section 2.2.\nTraining records.",
			Commentary: "Third parties need written authority.", Requirement: "The Code's words.",
			Alternative: "Another way.", Review: "carried from chc-2022 1.3",
			Actions: []Action{
				{Text: "Train mobile staff.", Owner: "Siân Evans", Due: NewDate(2025, 9, 30), Status: Open, Pos: Pos{20, 9}, DuePos: Pos{22, 14}},
				{Text: "Update the leaflet.", Owner: "Comms", Due: NewDate(2025, 3, 31), Status: Done, Completed: NewDate(2025, 3, 12), Draft: true, Pos: Pos{23, 9}, DuePos: Pos{25, 14}},
			},
			Pos: Pos{10, 5}, ComplyPos: Pos{11, 13}, ReviewPos: Pos{18, 13},
			EvidencePos:   TextPos{Pos: Pos{12, 15}, Block: true, Indent: 6},
			CommentaryPos: TextPos{Pos: Pos{15, 17}},
		}, {
			ID: "6.10", Comply: NA, Pos: Pos{29, 5}, ComplyPos: Pos{30, 13}, CommentaryPos: TextPos{Pos: Pos{31, 17}},
		}},
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("got  %+v\nwant %+v", a, want)
	}
}

// group is a group's assessment: three entities, one answering 1.3
// differently, one with an action of its own.
const group = `code: chc-2024
landlord: Calder Vale Housing Group
entities:
  - name: Calder Vale Homes
    registration: "4721"
  - name: Calder Vale Living
  - name: Moorside Housing Association
    registration: LH0412
assessed: 2025-05-31
provisions:
  - id: "1.3"
    comply: yes
    evidence: Group policy 2.2.
    actions:
      - action: Train staff.
        owner: Group Complaints Lead
        due: 2025-09-30
    entities:
      Moorside Housing Association:
        comply: partial
        evidence: |
          Moorside's own policy.
          Its training log.
        commentary: Joined the group in January.
        alternative: Another way.
        actions:
          - action: Adopt the group policy.
            owner: Moorside Director
            due: 2025-12-31
      Calder Vale Living:
        commentary: Supported housing.
`

func TestLoadReadsAGroup(t *testing.T) {
	a, fs := Parse("g.yaml", []byte(group))
	if len(fs) != 0 {
		t.Fatalf("findings: %v", fs)
	}
	wantEntities := []Entity{
		{Name: "Calder Vale Homes", Registration: "4721", Pos: Pos{4, 11}},
		{Name: "Calder Vale Living", Pos: Pos{6, 11}},
		{Name: "Moorside Housing Association", Registration: "LH0412", Pos: Pos{7, 11}},
	}
	if !reflect.DeepEqual(a.Entities, wantEntities) || a.EntitiesPos != (Pos{3, 1}) {
		t.Errorf("entities %+v at %v", a.Entities, a.EntitiesPos)
	}
	groupAction := Action{Text: "Train staff.", Owner: "Group Complaints Lead", Due: NewDate(2025, 9, 30), Status: Open, Pos: Pos{15, 9}, DuePos: Pos{17, 14}}
	own := Action{Text: "Adopt the group policy.", Owner: "Moorside Director", Due: NewDate(2025, 12, 31), Status: Open, Pos: Pos{27, 13}, DuePos: Pos{29, 18}}
	ans := a.Answers[0]
	want := []EntityAnswer{{
		Name: "Moorside Housing Association", Comply: Partial, Evidence: "Moorside's own policy.\nIts training log.",
		Commentary: "Joined the group in January.", Alternative: "Another way.", Actions: []Action{own},
		Pos: Pos{19, 7}, ComplyPos: Pos{20, 17},
		EvidencePos: TextPos{Pos: Pos{21, 19}, Block: true, Indent: 10}, CommentaryPos: TextPos{Pos: Pos{24, 21}},
	}, {
		Name: "Calder Vale Living", Commentary: "Supported housing.", Pos: Pos{30, 7}, CommentaryPos: TextPos{Pos: Pos{31, 21}},
	}}
	if !reflect.DeepEqual(ans.Entities, want) {
		t.Errorf("got  %+v\nwant %+v", ans.Entities, want)
	}

	// What each entity gives: the group's answer, with its own in place.
	for _, tt := range []struct {
		entity  string
		comply  Comply
		ev, com string
		actions []Action
		at      Pos
	}{
		{"Calder Vale Homes", Yes, "Group policy 2.2.", "", []Action{groupAction}, Pos{12, 13}},
		{"Calder Vale Living", Yes, "Group policy 2.2.", "Supported housing.", []Action{groupAction}, Pos{12, 13}},
		{"Moorside Housing Association", Partial, "Moorside's own policy.\nIts training log.", "Joined the group in January.", []Action{groupAction, own}, Pos{20, 17}},
		{"Not an entity", Yes, "Group policy 2.2.", "", []Action{groupAction}, Pos{12, 13}},
	} {
		got := ans.For(tt.entity)
		if got.Comply != tt.comply || got.Evidence != tt.ev || got.Commentary != tt.com || !reflect.DeepEqual(got.Actions, tt.actions) ||
			got.ComplyPos != tt.at || got.Entities != nil || got.ID != "1.3" {
			t.Errorf("For(%q) = %+v", tt.entity, got)
		}
	}
	if len(ans.Actions) != 1 {
		t.Errorf("For changed the group's actions: %+v", ans.Actions)
	}
	if !a.IsGroup() || a.Entity("Calder Vale Living") != 1 || a.Entity("calder vale living") != -1 {
		t.Error("IsGroup or Entity is wrong")
	}
}

func TestLoadGroupFindings(t *testing.T) {
	head := "code: chc-2024\nlandlord: G\nentities:\n  - name: A\n  - name: B\nassessed: 2025-05-31\nprovisions:\n  - id: \"1.2\"\n    comply: yes\n    entities:\n"
	top := "code: chc-2024\nlandlord: G\nassessed: 2025-05-31\nprovisions: []\nentities:\n"
	tests := []struct {
		name, yaml string
		line       int
		want       string
	}{
		{"entities not a list", top + "  A: x\n", 6, `entities should be a list of the group's landlords (each starting "- name:"), not a set of keys`},
		{"entity as text", top + "  - Calder Vale Homes\n", 6, `not the value "Calder Vale Homes": write - name: Calder Vale Homes`},
		{"entity without a name", top + "  - registration: \"1\"\n", 6, `an entity has no name`},
		{"entity key typo", top + "  - name: A\n    registation: \"1\"\n", 7, `unknown key "registation" in an entity (did you mean "registration"?)`},
		{"entity twice", top + "  - name: A\n  - name: A\n", 7, `the entity "A" is listed twice (first at line 6)`},
		{"entity twice, in another case", top + "  - name: Calder Vale Homes\n  - name: calder vale homes\n", 7, `the entity "calder vale homes" is listed twice (first at line 6, as "Calder Vale Homes")`},
		{"entity twice, spaced apart", top + "  - name: Calder Vale Homes\n  - name: \"Calder  Vale\\tHomes\"\n", 7, `the entity "Calder  Vale\tHomes" is listed twice (first at line 6, as "Calder Vale Homes")`},
		{"entity named as the group's rows", top + "  - name: A\n  - name: All  entities\n", 7, `an entity cannot be called "All  entities": csa's lists and workbook say "All entities" for what the whole group gives; give the entity's own name`},
		{"answers not a map", head + "      - A\n", 11, `entities for provision 1.2 should be a set of keys, one per entity`},
		{"entity gives nothing", head + "      A:\n", 11, `provision 1.2 for A gives nothing`},
		{"entity gives text", head + "      A: partial\n", 11, `provision 1.2 for A should hold what differs from the group's answer`},
		{"entity key typo in a provision", head + "      A:\n        comply: no\n        evidnce: x\n", 13, `unknown key "evidnce" in provision 1.2 for A (did you mean "evidence"?)`},
		{"entity answers twice", head + "      A:\n        comply: no\n      A:\n        comply: partial\n", 13, `the entity "A" appears twice under provision 1.2 (first at line 11)`},
		{"blank comply", head + "      A:\n        comply:\n", 12, `comply for provision 1.2 for A is blank: leave it out to keep the group's comply`},
		{"bad comply", head + "      A:\n        comply: maybe\n", 12, `comply "maybe" for provision 1.2 for A is not an answer`},
		{"blank evidence", head + "      A:\n        evidence: \" \"\n", 12, `evidence for provision 1.2 for A is blank`},
		{"actions not a list", head + "      A:\n        actions: soon\n", 12, `actions for provision 1.2 for A should be a list`},
		{"bad due", head + "      A:\n        actions:\n          - action: x\n            due: soon\n", 14, `due "soon" is not a date`},
		{"a group is told of entities", head + "      A:\n        comply: no\n    evidnce: x\n", 13, `unknown key "evidnce" in provision 1.2 (did you mean "evidence"?); the keys are id, comply, evidence, commentary, requirement, alternative, review, actions, entities`},
		{"an entity's keys", head + "      A:\n        requirement: x\n", 12, `unknown key "requirement" in provision 1.2 for A; the keys are comply, evidence, commentary, alternative, actions`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := Parse("a.yaml", []byte(tt.yaml))
			if len(fs) != 1 {
				t.Fatalf("want one finding, got %d: %v", len(fs), fs)
			}
			f := fs[0]
			if f.Line != tt.line || !strings.Contains(f.Message, tt.want) || f.Severity != Error || f.Rule != RuleSchema {
				t.Errorf("got %s:%d %s %q; want line %d with %q", f.File, f.Line, f.Rule, f.Message, tt.line, tt.want)
			}
		})
	}
}

func TestLoadFindings(t *testing.T) {
	head := "code: chc-2024\nlandlord: X\nassessed: 2025-05-31\nprovisions:\n"
	tests := []struct {
		name, yaml string
		line       int
		want       string // in the message of the only finding
	}{
		{"unquoted id", head + "  - id: 6.10\n    comply: yes\n", 5, `provision id 6.10 must be quoted: write id: "6.10"`},
		{"unquoted integer id", head + "  - id: 6\n    comply: yes\n", 5, `provision id 6 must be quoted`},
		{"blank id", head + "  - id:\n    comply: yes\n", 5, `a provision id is blank`},
		{"no id", head + "  - comply: yes\n", 5, `has no id`},
		{"typo key", head + "  - id: \"1.2\"\n    comply: yes\n    evidnce: x\n", 7, `unknown key "evidnce" in provision 1.2 (did you mean "evidence"?); the keys are id, comply, evidence, commentary, requirement, alternative, review, actions`},
		{"typo key, top", "code: chc-2024\nlandlord: X\nentites: x\nassessed: 2025-05-31\nprovisions: []\n", 3, `unknown key "entites" in the assessment (did you mean "entities"?); the keys are code, landlord, assessed, period, approved, published, introduction, response, provisions`},
		{"repeated key", head + "  - id: \"1.2\"\n    comply: yes\n    comply: no\n", 7, `"comply" appears twice in provision 1.2`},
		{"bad comply", head + "  - id: \"1.2\"\n    comply: maybe\n", 6, `comply "maybe" for provision 1.2 is not an answer`},
		{"bool comply", head + "  - id: \"1.2\"\n    comply: true\n", 6, `comply "true" for provision 1.2 is not an answer`},
		{"list comply", head + "  - id: \"1.2\"\n    comply: [yes]\n", 6, `comply for provision 1.2 should be yes, no, partial or n/a, not a list`},
		{"evidence mapping", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: {a: b}\n", 7, `evidence should be text, not a set of keys (provision 1.2)`},
		{"bad due", head + "  - id: \"1.2\"\n    comply: no\n    actions:\n      - action: x\n        owner: y\n        due: 30/09/2025\n", 10, `due "30/09/2025" is not a date`},
		{"impossible date", head + "  - id: \"1.2\"\n    comply: no\n    actions:\n      - action: x\n        owner: y\n        due: 2025-02-30\n", 10, `due "2025-02-30" is not a date`},
		{"actions not list", head + "  - id: \"1.2\"\n    comply: no\n    actions: soon\n", 7, `actions for provision 1.2 should be a list`},
		{"action not map", head + "  - id: \"1.2\"\n    comply: no\n    actions:\n      - soon\n", 8, `each action for provision 1.2 should be a set of keys`},
		{"provisions not list", "code: chc-2024\nlandlord: X\nassessed: 2025-05-31\nprovisions: all\n", 4, `provisions should be a list`},
		{"entry not map", head + "  - \"1.2\"\n", 5, `each entry under provisions should be a set of keys`},
		{"approved scalar", "code: chc-2024\nlandlord: X\nassessed: 2025-05-31\napproved: yes\nprovisions: []\n", 4, `approved should hold by: and on:`},
		{"approved no date", "code: chc-2024\nlandlord: X\nassessed: 2025-05-31\napproved:\n  by: Board\nprovisions: []\n", 4, `approved needs on:`},
		{"blank assessed", "code: chc-2024\nlandlord: X\nassessed:\nprovisions: []\n", 3, `assessed is blank`},
		{"blank code", "code: \" \"\nlandlord: X\nassessed: 2025-05-31\nprovisions: []\n", 1, `code is missing`},
		{"blank landlord", "code: chc-2024\nlandlord: \" \"\nassessed: 2025-05-31\nprovisions: []\n", 2, `landlord is missing`},
		{"alias", "code: &c chc-2024\nlandlord: *c\nassessed: 2025-05-31\nprovisions:\n  - id: \"1.2\"\n    comply: yes\n    evidence: x\n    dup: y\n", 8, `unknown key "dup"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := Parse("a.yaml", []byte(tt.yaml))
			if len(fs) != 1 {
				t.Fatalf("want one finding, got %d: %v", len(fs), fs)
			}
			f := fs[0]
			if f.Line != tt.line || !strings.Contains(f.Message, tt.want) || f.Severity != Error || f.File != "a.yaml" {
				t.Errorf("got %s:%d %s %q; want line %d with %q", f.File, f.Line, f.Rule, f.Message, tt.line, tt.want)
			}
		})
	}
}

func TestBlankAnswerIsNeverYes(t *testing.T) {
	for _, blank := range []string{"", " ''", " ~", " null"} {
		a, _ := Parse("a.yaml", []byte("code: x\nlandlord: X\nassessed: 2025-05-31\nprovisions:\n  - id: \"1.2\"\n    comply:"+blank+"\n"))
		if a.Answers[0].Comply != Unanswered {
			t.Errorf("comply:%s read as %q", blank, a.Answers[0].Comply)
		}
	}
}

// parseSlow is Parse without the fast path: yaml.v3 all the way.
func parseSlow(file string, data []byte) (*Assessment, []Finding) {
	l := loader{file: file, data: data, slow: true}
	root := l.document(data)
	if root == nil {
		return nil, l.findings
	}
	a := &Assessment{File: file}
	l.assessment(root, a)
	return a, l.findings
}

// corpus is every assessment-shaped YAML the repository holds.
func corpus(t testing.TB) map[string][]byte {
	out := map[string][]byte{"full": []byte(full), "group": []byte(group)}
	files, _ := filepath.Glob("../examples/*.yaml")
	groups, _ := filepath.Glob("../examples/calder-vale/*.yaml")
	files = append(files, groups...)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = data
	}
	names, gen := generate.Assessments(2)
	for i, name := range names {
		out[name] = gen[i]
	}
	return out
}

// everything is the corpus, the YAML fixtures of the packages below, every
// YAML file of the test scripts, and each of those with CRLF line ends:
// what the fast path must read as yaml.v3 does, broken or not.
func everything(t testing.TB) map[string][]byte {
	out := corpus(t)
	fixtures, _ := filepath.Glob("*/testdata/*.yaml") // the docx and workbook tests' files
	if len(fixtures) == 0 {
		t.Fatal("no fixtures under */testdata")
	}
	for _, f := range fixtures {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = data
	}
	scripts, _ := filepath.Glob("../testdata/script/*.txtar")
	if len(scripts) == 0 {
		t.Fatal("no test scripts")
	}
	for _, f := range scripts {
		a, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range a.Files {
			if ext := filepath.Ext(file.Name); ext == ".yaml" || ext == ".yml" {
				out[filepath.Base(f)+":"+file.Name] = file.Data
			}
		}
	}
	crlf := map[string][]byte{} // not added to out while ranging over it
	for name, data := range out {
		crlf[name+" (CRLF)"] = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
	}
	maps.Copy(out, crlf)
	return out
}

func TestFastPathReadsAsYAMLv3Does(t *testing.T) {
	for name, data := range everything(t) {
		fa, ff := Parse(name, data)
		sa, sf := parseSlow(name, data)
		if !reflect.DeepEqual(fa, sa) || !reflect.DeepEqual(ff, sf) {
			t.Errorf("%s: the fast path reads it differently:\nfast %+v %v\nslow %+v %v", name, fa, ff, sa, sf)
		}
	}
}

// withoutPositions blanks what Encode cannot reproduce, for comparing.
func withoutPositions(a *Assessment) *Assessment {
	c := *a
	c.File = ""
	c.CodePos, c.LandlordPos, c.AssessedPos, c.ProvisionsPos, c.EntitiesPos = Pos{}, Pos{}, Pos{}, Pos{}, Pos{}
	if a.Entities != nil {
		c.Entities = make([]Entity, len(a.Entities))
		for i, e := range a.Entities {
			e.Pos = Pos{}
			c.Entities[i] = e
		}
	}
	if c.Approved != nil {
		ap := *c.Approved
		ap.Pos = Pos{}
		c.Approved = &ap
	}
	if c.Response != nil {
		rs := *c.Response
		rs.Pos = Pos{}
		c.Response = &rs
	}
	c.Answers = make([]Answer, len(a.Answers))
	for i, ans := range a.Answers {
		ans.Pos, ans.ComplyPos, ans.ReviewPos = Pos{}, Pos{}, Pos{}
		ans.EvidencePos, ans.CommentaryPos = TextPos{}, TextPos{}
		acts := make([]Action, len(ans.Actions))
		for j, act := range ans.Actions {
			act.Pos, act.DuePos = Pos{}, Pos{}
			acts[j] = act
		}
		if len(acts) == 0 {
			acts = nil
		}
		ans.Actions = acts
		if ans.Entities != nil {
			ents := make([]EntityAnswer, len(ans.Entities))
			for j, e := range ans.Entities {
				e.Pos, e.ComplyPos, e.EvidencePos, e.CommentaryPos = Pos{}, Pos{}, TextPos{}, TextPos{}
				eacts := make([]Action, len(e.Actions))
				for k, act := range e.Actions {
					act.Pos, act.DuePos = Pos{}, Pos{}
					eacts[k] = act
				}
				if len(eacts) == 0 {
					eacts = nil
				}
				e.Actions = eacts
				ents[j] = e
			}
			ans.Entities = ents
		}
		c.Answers[i] = ans
	}
	return &c
}

func TestEncodeRoundTrip(t *testing.T) {
	for name, data := range corpus(t) {
		a, fs := Parse(name, data)
		if HasErrors(fs) {
			t.Fatalf("%s: %v", name, fs)
		}
		var buf bytes.Buffer
		if err := Encode(&buf, a, EncodeOptions{Header: "written by a test", Comment: func(id string) string { return "about " + id }}); err != nil {
			t.Fatal(err)
		}
		if _, ok := fastyaml.Parse(buf.Bytes()); !ok {
			t.Errorf("%s: what Encode writes does not take the fast path", name)
		}
		if _, ok := fastyaml.Parse(data); !ok {
			t.Errorf("%s does not take the fast path", name)
		}
		b, fs := Parse(name, buf.Bytes())
		if len(fs) != 0 {
			t.Fatalf("%s: re-reading what Encode wrote: %v\n%s", name, fs, buf.String())
		}
		if !reflect.DeepEqual(withoutPositions(a), withoutPositions(b)) {
			t.Errorf("%s: changed in a round trip:\nbefore %+v\nafter  %+v", name, withoutPositions(a), withoutPositions(b))
		}
	}
}

// FuzzLoad: any bytes give findings, never a panic; a finding always has a
// line; the fast path reads as yaml.v3 does; a folder walk skips none of it
// that has a code or a syntax error; and whatever loads cleanly survives
// Encode and Load unchanged, but for its provisions' order.
func FuzzLoad(f *testing.F) {
	for _, data := range everything(f) {
		f.Add(data)
	}
	f.Add([]byte("code: x\nprovisions:\n  - id: 6.10\n    comply: Y\n"))
	f.Add([]byte("code: chc-2024\nlandlord: X\nassessed: 2025-05-31\nprovisions:\n  - id: \"1.2\"\n    comply: yes\n    evidence: \"a: b\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, fs := Parse("f.yaml", data)
		for _, x := range fs {
			if x.Line < 1 || x.Col < 1 || x.Message == "" || x.File != "f.yaml" {
				t.Fatalf("finding without a place or a message: %+v", x)
			}
		}
		sa, sf := parseSlow("f.yaml", data)
		if !reflect.DeepEqual(a, sa) || !reflect.DeepEqual(fs, sf) {
			t.Fatalf("fast path differs:\nfast %+v %v\nslow %+v %v", a, fs, sa, sf)
		}
		// A folder walk never skips what the loader reads as an assessment,
		// nor a file it cannot read.
		if kind := KindOf(data); kind != MaybeAssessment && (a != nil && a.Code != "" || slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == RuleSyntax })) {
			t.Fatalf("a folder walk would skip it (%s): %v", kind.Why(), fs)
		}
		if a == nil || len(fs) > 0 {
			return
		}
		var buf bytes.Buffer
		if err := Encode(&buf, a, EncodeOptions{}); err != nil {
			t.Fatal(err)
		}
		// Encode writes the provisions in Code order.
		b, fs2 := Parse("f.yaml", buf.Bytes())
		if len(fs2) > 0 || !reflect.DeepEqual(meaning(a), meaning(b)) {
			t.Fatalf("round trip changed it (%v):\n%s", fs2, buf.String())
		}
	})
}

// TestNewAssessmentTakesFastPath: what csa init writes (comments, blank
// answers) is read by the fast path, as yaml.v3 reads it.
func TestNewAssessmentTakesFastPath(t *testing.T) {
	a := &Assessment{Code: "chc-2024", Landlord: "Tŷ Glas", Assessed: NewDate(2026, 5, 1),
		Answers: []Answer{{ID: "1.2"}, {ID: "6.10"}}}
	var buf bytes.Buffer
	err := Encode(&buf, a, EncodeOptions{Header: "line one\nline two", Blanks: true,
		Comment: func(id string) string { return id + " " + strings.Repeat("a long summary ", 12) }})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := fastyaml.Parse(buf.Bytes()); !ok {
		t.Fatalf("declined:\n%s", buf.String())
	}
	fa, ff := Parse("n.yaml", buf.Bytes())
	sa, sf := parseSlow("n.yaml", buf.Bytes())
	if !reflect.DeepEqual(fa, sa) || !reflect.DeepEqual(ff, sf) || len(fa.Answers) != 2 || fa.Answers[1].Comply != Unanswered {
		t.Errorf("fast %+v %v\nslow %+v %v", fa, ff, sa, sf)
	}
}

// TestEncodeKeepsEveryCharacter: whatever a text field holds, Encode writes
// it so that Load reads back the same text. YAML reads U+2028, U+2029, U+0085
// and CR as line breaks, so a block or a quoted scalar holding them raw comes
// back with spaces added; a tab alone on a block's line is not valid YAML.
func TestEncodeKeepsEveryCharacter(t *testing.T) {
	var texts []string
	for _, c := range []string{"\u2028", "\u2029", "\u0085", "\r", "\r\n", "\t", "\x00", "\x1b", "\x7f", "\u0080", "\u009f",
		"\ufeff", "\ufffe", "\u00a0", "\u200b", "\u202e", "\U0001F600", " ", "  ", "#", " #", ": ", "- ", "'", "\"", "\\", "|", ">", "\n\n", "%", "@", "`", "&a", "*a", "!x", "---", "..."} {
		for _, tmpl := range []string{"%s", "a%sb", "a%s", "%sa", "line one\nline%stwo", "line one\n%sline two",
			"line one\nline two%s", "%s\nline two", " a%s\nb", "a\n b%s", "a\n%s\nb"} {
			texts = append(texts, fmt.Sprintf(tmpl, c))
		}
	}
	texts = append(texts, "\n\nafter blank lines", " leading space\nsecond", "trailing space \nsecond ", "a\n\n\nb", "yes", "no", "~", "null", "6.10", "2025-05-31", "0x1F", ".inf")
	for _, s := range texts {
		want := strings.TrimRight(s, "\n") // Load drops a text's final line breaks
		a := &Assessment{Code: "chc-2024", Landlord: "L", Assessed: NewDate(2025, 5, 31), Period: want,
			Answers: []Answer{{ID: "1.2", Comply: No, Evidence: want, Commentary: want, Requirement: want, Alternative: want, Review: want,
				Actions: []Action{{Text: want, Owner: want, Status: Open}}}}}
		var buf bytes.Buffer
		if err := Encode(&buf, a, EncodeOptions{}); err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		if _, ok := fastyaml.Parse(buf.Bytes()); !ok && strings.IndexFunc(want, needsEscape) >= 0 {
			t.Errorf("%q: escaped, what Encode wrote does not take the fast path:\n%s", s, buf.String())
		}
		b, fs := Parse("x.yaml", buf.Bytes())
		if b == nil || HasErrors(fs) && want != "" && strings.TrimSpace(want) != "" {
			t.Errorf("%q: what Encode wrote does not load: %v\n%s", s, fs, buf.String())
			continue
		}
		got := []string{b.Period, b.Answers[0].Evidence, b.Answers[0].Commentary, b.Answers[0].Requirement, b.Answers[0].Alternative, b.Answers[0].Review}
		if len(b.Answers[0].Actions) == 1 {
			got = append(got, b.Answers[0].Actions[0].Text, b.Answers[0].Actions[0].Owner)
		}
		for _, g := range got {
			if g != want {
				t.Errorf("%q came back as %q:\n%s", want, g, buf.String())
				break
			}
		}
	}
}

// TestSyntaxFindingsArePlaced: a syntax finding points at the problem, line
// and column. yaml.v3 reports the line of the construct around it (one too
// few after a parser error) and no column, and nothing at all for a control
// character.
func TestSyntaxFindingsArePlaced(t *testing.T) {
	head := "code: chc-2024\nlandlord: Example Homes\nassessed: 2025-05-31\nprovisions:\n"
	answer := "  - id: \"1.2\"\n    comply: yes\n    evidence: Policy.\n"
	many := strings.Repeat(answer, 48) // lines 5 to 148
	tests := []struct {
		name, yaml string
		line, col  int
		want       string
	}{
		{"unclosed [", head + "  - id: \"1.2\"\n    comply: [yes\n    evidence: Policy.\n", 6, 13, "did not find expected ',' or ']'"},
		{"[ closed by }", head + "  - id: \"1.2\"\n    comply: [yes}\n", 6, 17, "did not find expected ',' or ']'"},
		{"unclosed quote", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: \"Policy.\n", 7, 15, "found unexpected end of stream"},
		{"key indented too little", head + answer[:len(answer)-len("    evidence: Policy.\n")] + "   evidence: Policy.\n", 7, 4, "did not find expected '-' indicator"},
		{"key indented too much", head + "  - id: \"1.2\"\n    comply: yes\n     evidence: Policy.\n", 7, 14, "mapping values are not allowed"},
		{"colon in text", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: Policy: section 2.\n", 7, 21, "mapping values are not allowed"},
		{"tab", head + "  - id: \"1.2\"\n\tcomply: yes\n", 6, 1, "tab"},
		{"at sign", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: @policy\n", 7, 15, "cannot start any token"},
		{"bad escape", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: \"Policy \\q\"\n", 7, 23, "unknown escape"},
		{"unknown alias", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: *policy\n", 7, 15, "unknown anchor"},
		{"control character", head + many + "  - id: \"1.3\"\n    comply: yes\n    evidence: Pol\x01icy.\n", 151, 18, "control character"},
		{"control character after Welsh", head + "  - id: \"1.2\"\n    comply: yes\n    evidence: Tŷ\x7f\n", 7, 17, "control character"},
		{"file ends inside a list", "code: [\n", 2, 1, "did not find expected node content"},
		{"first line", "code: \"x\n", 1, 7, "found unexpected end of stream"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := Parse("a.yaml", []byte(tt.yaml))
			if len(fs) != 1 || fs[0].Rule != RuleSyntax {
				t.Fatalf("want one syntax finding, got %v", fs)
			}
			f := fs[0]
			if f.Line != tt.line || f.Col != tt.col || !strings.Contains(f.Message, tt.want) {
				t.Errorf("got %d:%d %q; want %d:%d with %q", f.Line, f.Col, f.Message, tt.line, tt.col, tt.want)
			}
		})
	}
}
