package assessment

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/csa-tool/csa/assessment/internal/fastyaml"
)

const fmtHead = "code: chc-2024\nlandlord: X\nassessed: 2025-05-31\n"

// layouts are files and their canonical layout, one for each rule of it;
// FuzzFmt starts from them too.
var layouts = []struct{ name, in, want string }{
	{"canonical already", fmtHead + "provisions:\n  - id: \"1.2\"\n    comply: yes\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    comply: yes\n"},
	{"ids quoted", fmtHead + "provisions:\n  - id: 6.10\n  - id: '6.2'\n",
		fmtHead + "provisions:\n  - id: \"6.2\"\n  - id: \"6.10\"\n"},
	{"provisions in Code order", fmtHead + "provisions:\n  - id: \"6.10\"\n  - id: \"6.9\"\n  - id: \"1.2\"\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n  - id: \"6.9\"\n  - id: \"6.10\"\n"},
	{"keys in order", "provisions:\n  - comply: no\n    id: \"1.2\"\n    actions:\n      - due: 2025-09-30\n        action: Do it.\n    evidence: |\n      E.\nassessed: 2025-05-31\nlandlord: X\ncode: chc-2024\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    comply: no\n    evidence: |\n      E.\n    actions:\n      - action: Do it.\n        due: 2025-09-30\n"},
	{"unknown keys last", fmtHead + "zeta: 1\nprovisions:\n  - evidnce: x\n    id: \"1.2\"\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    evidnce: x\nzeta: 1\n"},
	{"prose as blocks", fmtHead + "introduction: 'Hello: world'\nprovisions:\n  - id: \"1.2\"\n    evidence: \"Policy: 2.1\"\n    commentary: 'It''s fine'\n",
		fmtHead + "introduction: |\n  Hello: world\nprovisions:\n  - id: \"1.2\"\n    evidence: |\n      Policy: 2.1\n    commentary: |\n      It's fine\n"},
	{"several lines as a block", fmtHead + "provisions:\n  - id: \"1.2\"\n    evidence: \"a\\nb\"\n    review: \"c\\nd\"\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    evidence: |\n      a\n      b\n    review: |\n      c\n      d\n"},
	{"one final line break", fmtHead + "provisions:\n  - id: \"1.2\"\n    evidence: |+\n      a\n\n\n    commentary: |-\n      b\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    evidence: |\n      a\n    commentary: |\n      b\n"},
	{"a short value plain", fmtHead + "period: '2024/25'\nprovisions: []\n", fmtHead + "period: 2024/25\nprovisions: []\n"},
	{"text that reads as a number quoted", fmtHead + "period: 2024\nprovisions: []\n", fmtHead + "period: \"2024\"\nprovisions: []\n"},
	{"dates plain", "code: chc-2024\nlandlord: X\nassessed: \"2025-05-31\"\nprovisions: []\n", fmtHead + "provisions: []\n"},
	{"a bad date as written", "code: chc-2024\nlandlord: X\nassessed: \"~\"\nprovisions: []\n", "code: chc-2024\nlandlord: X\nassessed: \"~\"\nprovisions: []\n"},
	{"blanks empty", fmtHead + "provisions:\n  - id: \"1.2\"\n    comply: ~\n    evidence: null\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    comply:\n    evidence:\n"},
	{"block style", fmtHead + "approved: {by: Board, on: 2025-06-19}\nprovisions: [{id: \"1.2\", comply: yes}]\n",
		fmtHead + "approved:\n  by: Board\n  on: 2025-06-19\nprovisions:\n  - id: \"1.2\"\n    comply: yes\n"},
	{"no blank lines", fmtHead + "\n\nprovisions:\n\n  - id: \"1.2\"\n\n    comply: yes\n\n\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    comply: yes\n"},
	{"indented four", "code: chc-2024\nlandlord: X\nassessed: 2025-05-31\nprovisions:\n-   id: \"1.2\"\n    comply: yes\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    comply: yes\n"},
	{"comments stay with what they annotate", "# The header.\n" + fmtHead + "provisions:\n  # Section 6\n  - id: \"6.2\" # second\n    comply: yes\n  # Section 1\n  - id: \"1.2\"\n    # why\n    comply: no # for now\n",
		"# The header.\n" + fmtHead + "provisions:\n  # Section 1\n  - id: \"1.2\"\n    # why\n    comply: no # for now\n  # Section 6\n  - id: \"6.2\" # second\n    comply: yes\n"},
	{"a comment after a flow set kept", fmtHead + "approved: {by: Board, on: 2025-06-19} # signed\nprovisions: [{id: \"1.2\", comply: yes} # first\n  ]\n",
		fmtHead + "approved: # signed\n  by: Board\n  on: 2025-06-19\nprovisions:\n  - id: \"1.2\" # first\n    comply: yes\n"},
	{"the header stays on top", "# The header.\nlandlord: X\n# about code\ncode: chc-2024\nassessed: 2025-05-31\nprovisions: []\n",
		"# The header.\n# about code\ncode: chc-2024\nlandlord: X\nassessed: 2025-05-31\nprovisions: []\n"},
	{"a header set apart", "# The header.\n\n" + fmtHead + "provisions: []\n", "# The header.\n\n" + fmtHead + "provisions: []\n"},
	{"aliases written out", "code: chc-2024\nlandlord: &l X\nassessed: 2025-05-31\nprovisions:\n  - id: \"6.2\"\n    owner: *l\n  - id: \"1.2\"\n    evidence: &e |\n      E.\n  - id: \"1.3\"\n    evidence: *e\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    evidence: |\n      E.\n  - id: \"1.3\"\n    evidence: |\n      E.\n  - id: \"6.2\"\n    owner: X\n"},
	{"CRLF to LF", strings.ReplaceAll(fmtHead+"provisions: []\n", "\n", "\r\n"), fmtHead + "provisions: []\n"},
	{"a line separator escaped", fmtHead + "provisions:\n  - id: \"1.2\"\n    evidence: \"a\\Lb\"\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    evidence: \"a\\Lb\"\n"},
	{"a modeline stays first", "# yaml-language-server: $schema=assessment.schema.json\nprovisions: []\n" + fmtHead,
		"# yaml-language-server: $schema=assessment.schema.json\n" + fmtHead + "provisions: []\n"},
	// A group: its entities after the landlord; a provision's entities
	// after the group's own answer and actions, names in the order written,
	// each one's keys in the order of the group's.
	{"a group's entities after the landlord", "code: chc-2024\nentities:\n  - registration: 'L2'\n    name: B\n  - {name: A}\nlandlord: X\nassessed: 2025-05-31\nprovisions: []\n",
		"code: chc-2024\nlandlord: X\nentities:\n  - name: B\n    registration: L2\n  - name: A\nassessed: 2025-05-31\nprovisions: []\n"},
	{"a provision's entities last, names as written", fmtHead + "provisions:\n  - entities:\n      B: {evidence: 'Its own.', comply: No}\n      A:\n        actions:\n          - due: 2025-09-30\n            action: Do it.\n        comply: partial\n    id: \"1.2\"\n    actions:\n      - action: All.\n    comply: yes\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    comply: yes\n    actions:\n      - action: All.\n    entities:\n      B:\n        comply: No\n        evidence: |\n          Its own.\n      A:\n        comply: partial\n        actions:\n          - action: Do it.\n            due: 2025-09-30\n"},
	{"an entity's name quoted only where YAML would read it as a number", fmtHead + "provisions:\n  - id: \"1.2\"\n    entities:\n      'Yes Homes':\n        comply: no\n      2024:\n        comply: no\n",
		fmtHead + "provisions:\n  - id: \"1.2\"\n    entities:\n      Yes Homes:\n        comply: no\n      \"2024\":\n        comply: no\n"},
}

func TestFormatLayout(t *testing.T) {
	for _, tt := range layouts {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Format("a.yaml", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			again, err := Format("a.yaml", got)
			if err != nil || !bytes.Equal(again, got) {
				t.Errorf("not idempotent (%v):\n%s", err, again)
			}
		})
	}
}

func TestFormatRefuses(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"syntax", "code: chc-2024\nlandlord: [X\n", "2:11: not valid YAML: did not find expected ',' or ']'"},
		{"a list", "- a\n- b\n", "an assessment must be a set of keys"},
		{"text", "hello\n", "an assessment must be a set of keys"},
		{"empty", "", "the file is empty"},
		{"two documents", "code: x\n---\ncode: y\n", "more than one YAML document"},
		{"not UTF-8", "code: \xff\n", "not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Format("a.yaml", []byte(tt.in))
			var fe *FormatError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

// comments lists every comment line of a YAML file as yaml.v3 reads it,
// trimmed and sorted: what Format must keep.
func comments(t testing.TB, data []byte) []string {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for line := range strings.SplitSeq(c, "\n") {
				if line = strings.TrimSpace(line); line != "" {
					out = append(out, line)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	slices.Sort(out)
	return out
}

// checkFormat checks what Format does with data: it refuses only what the
// loader cannot read as a set of keys, and otherwise its result reads as
// the file did (the assessment and the findings), keeps every comment, and
// is its own format.
func checkFormat(t *testing.T, name string, data []byte) (formatted bool) {
	t.Helper()
	before, bf := Parse(name, data)
	out, err := Format(name, data)
	if err != nil {
		var fe *FormatError
		if !errors.As(err, &fe) {
			t.Fatalf("%s: not a FormatError: %v", name, err)
		}
		readable := before != nil && !slices.ContainsFunc(bf, func(f Finding) bool { return f.Rule == RuleSyntax })
		if readable && !strings.Contains(fe.Msg, "aliases") && !strings.Contains(fe.Msg, "more than one YAML document") {
			t.Fatalf("%s: refused a file the loader reads: %v\n%s", name, err, data)
		}
		return false
	}
	after, af := Parse(name, out)
	if after == nil || !reflect.DeepEqual(meaning(before), meaning(after)) {
		t.Fatalf("%s: reads differently:\nbefore %+v\nafter  %+v\n%s", name, before, after, out)
	}
	if !slices.Equal(findingKeys(bf, true), findingKeys(af, false)) {
		t.Fatalf("%s: other findings:\nbefore %v\nafter  %v\n%s", name, bf, af, out)
	}
	if c, d := comments(t, data), comments(t, out); !slices.Equal(c, d) {
		t.Fatalf("%s: comments lost or added:\nbefore %q\nafter  %q\n%s", name, c, d, out)
	}
	again, err := Format(name, out)
	if err != nil || !bytes.Equal(again, out) {
		t.Fatalf("%s: not idempotent (%v):\n%s\nthen\n%s", name, err, out, again)
	}
	checkInForm(t, name, data)
	checkInForm(t, name, out)
	checkEmit(t, name, data)
	checkFastTree(t, name, data)
	return true
}

// checkFastTree holds fastTree to yaml.v3: where it reads data, it reads
// the tree yaml.v3 reads (positions aside), comments included, and format
// writes what the yaml.v3 route writes. It reports whether it read it.
func checkFastTree(t *testing.T, name string, data []byte) bool {
	t.Helper()
	if doc, ok := fastyaml.ParseComments(data); ok {
		// Format reads the tree once for inForm and Parse too.
		if inFormTree(data, doc) != inForm(data) {
			t.Fatalf("%s: inForm says %v, but %v of ParseComments's tree\n%s", name, inForm(data), !inForm(data), data)
		}
		a, af := Parse(name, data)
		b, bf := parseTree(name, data, doc)
		if !reflect.DeepEqual(a, b) || !slices.Equal(af, bf) {
			t.Fatalf("%s: parseTree reads otherwise than Parse:\n%+v %v\n%+v %v\n%s", name, a, af, b, bf, data)
		}
	}
	fast, ok := fastTree(data)
	if !ok {
		return false
	}
	slow, err := decodeV3(data)
	if err != nil {
		t.Fatalf("%s: fastTree reads what yaml.v3 refuses (%v)\n%s", name, err, data)
	}
	if why := sameTree(fast, slow, "doc"); why != "" {
		t.Fatalf("%s: fastTree and yaml.v3 differ at %s\n%s", name, why, data)
	}
	got, err1 := format(data)
	want, err2 := formatSlow(data)
	if err1 != nil || err2 != nil || !bytes.Equal(got, want) {
		t.Fatalf("%s: format writes (%v)\n%s\nthe yaml.v3 route (%v)\n%s", name, err1, got, err2, want)
	}
	return true
}

// sameTree says where two trees differ in what formatting reads, or "".
func sameTree(a, b *yaml.Node, at string) string {
	switch {
	case a.Kind != b.Kind, a.Tag != b.Tag, a.Value != b.Value, a.Style != b.Style, a.Anchor != b.Anchor,
		a.HeadComment != b.HeadComment, a.LineComment != b.LineComment, a.FootComment != b.FootComment,
		len(a.Content) != len(b.Content):
		return fmt.Sprintf("%s: %d %s %q %d %q H%q L%q F%q %d, yaml.v3 %d %s %q %d %q H%q L%q F%q %d", at,
			a.Kind, a.Tag, a.Value, a.Style, a.Anchor, a.HeadComment, a.LineComment, a.FootComment, len(a.Content),
			b.Kind, b.Tag, b.Value, b.Style, b.Anchor, b.HeadComment, b.LineComment, b.FootComment, len(b.Content))
	}
	for i := range a.Content {
		if why := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); why != "" {
			return why
		}
	}
	return ""
}

// commentPlaces are comments where fastTree must read what yaml.v3 reads,
// or decline; FuzzFmt starts from them too.
var commentPlaces = []string{
	"a:\n  b: 1\n# c\nd: 2\n",
	"a: 1\n# c\n",
	"a: 1 # c\n# d\n",
	fmtHead + "provisions:\n  - id: \"1.2\"\n    evidence: |\n      x\n  # c\n  - id: \"1.3\"\n",
	fmtHead + "provisions:\n  - id: \"1.2\"\n    evidence: |\n      x\n\n  # c\n  - id: \"1.3\"\n",
	"a:\n  - x\n  # c\n  - y # d\n",
	"a:\n# c\n  b: 1\n",
	"a:\n  # c\n  b: 1\n",
	"a:\n  b:\n  # c\n  d: 1\n",
	"a:\n  b:\n# c\nd: 1\n",
	"a: 'x' # c\nb: \"x\" # d\nc: x   # e\nd: x #f\ne: 2025-05-31 # g\n",
	"a: [] # c\nb: {}\n",
	"# c\na: 1\n# d\nb:\n  - c: 1 # e\n    # f\n    d: 2\n",
	"provisions:\n- id: x\n  # c\n- id: y\n",
	"provisions:\n- id: x\n# c\n- id: y\n",
	"a:\n  b: 1\n  # c\n",
	"a:  # c\n  b: 1\n",
	"# a\n\n# b\nc: 1\n",
	"# a\n#\n# b\nc: 1\n",
	"a:\n  - b: 1\n    # c\n  - b: 2\n",
	"a: |\n  x\n# c\nb: 1\n",
	"a: | # c\n  x\nb: 1\n",
	"a:\n  b: |\n    x\n  # c\n  d: 1\n",
	"a:\n  b: |\n    x\n    # not a comment\n  d: 1\n",
	"a: x\n  # c\nb: 1\n",
	"a: x\n    # c\nb: 1\n",
	"a:\n  b: x\n    # c\n  d: 1\n",
	"a: \"# x\" # c\nb: '#' #\n",
	"a: 1 # c \nb: 2\n",
	"# c \nb: 2\n",
	"a: 1\n\n# c\nb: 2\n",
	"a: 1\n# c\n\nb: 2\n",
	fmtHead + "provisions:\n  # S1\n  - id: \"1.3\" # x\n    # why\n    comply: no # y\n  # S0\n  - id: \"1.2\"\n    actions:\n      # a\n      - action: x # z\n        # d\n        due: 2025-09-30\n",
	fmtHead + "provisions:\n  - id: \"1.2\"\n    entities:\n      # e\n      B: # f\n        comply: no\n",
	fmtHead + "provisions:\n  - id: \"1.2\"\n    entities:\n      # e\n      B:\n        # f\n        comply: no # g\n",
}

// TestFastTreeIsV3: fastTree reads as yaml.v3 reads every file of the
// corpus it reads, and reads the examples and most of the rest, laid out
// in form or not.
func TestFastTreeIsV3(t *testing.T) {
	tried, fast := 0, 0
	for name, data := range everything(t) {
		if KindOf(data) != MaybeAssessment || strings.HasSuffix(name, "(CRLF)") {
			continue
		}
		for _, d := range [][]byte{data, untidy(data)} {
			if _, err := decodeV3(d); err != nil {
				continue
			}
			tried++
			if checkFastTree(t, name, d) {
				fast++
			} else if strings.HasPrefix(name, "../examples/") {
				t.Errorf("%s: fastTree declines an example", name)
			}
		}
	}
	for _, tt := range layouts {
		checkFastTree(t, tt.name, []byte(tt.in))
		checkFastTree(t, tt.name, []byte(tt.want))
	}
	places := 0
	for _, in := range commentPlaces {
		if checkFastTree(t, in, []byte(in)) {
			places++
		}
		checkEmit(t, in, []byte(in))
	}
	t.Logf("fastTree read %d of %d comment places", places, len(commentPlaces))
	t.Logf("fastTree read %d of %d", fast, tried)
	if fast*3 < tried*2 {
		t.Errorf("fastTree read only %d of %d files", fast, tried)
	}
}

// checkEmit holds csa's writer to yaml.v3's: where emit writes the tidied
// tree of data, yaml.v3's Encoder writes the same bytes. It reports
// whether emit wrote it.
func checkEmit(t *testing.T, name string, data []byte) bool {
	t.Helper()
	doc, err := tidyDoc(data)
	if err != nil {
		return false
	}
	got, ok := emit(doc, len(data))
	if !ok {
		return false
	}
	want, err := encodeV3(doc)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("%s: emit writes\n%s\nyaml.v3 (%v)\n%s", name, got, err, want)
	}
	return true
}

// writePlaces are values emit must write as yaml.v3 does, or leave to it:
// | blocks with each chomping, at the end of the file and in lists; quoted
// values; escapes; keys that read as other than text. FuzzFmt starts from
// them too.
var writePlaces = []string{
	"code: x\nz: \"a\\n\\n\"\n",
	"code: x\nz: \"a\\n\\n\"\nw: 1\n",
	"code: x\nz:\n  - \"a\\n\\n\"\n",
	"code: x\nz:\n  - \"a\\nb\"\n  - 'x: y'\n  - ' x'\n  - 'it''s'\n  - '- x'\n  - '#x'\n",
	"code: x\nevidence: \"a\\n\\n\"\nreview: \"\\na\"\ncommentary: \" a\\nb\"\n",
	"code: x\nz: \"\\x01\\u00a0\\u0085\\u2028\\ufeff\\U0001F600\\t\\\\\\\"\\x7f\\e\\0\"\n",
	"code: x\nz: {1: a, true: b, 2025-01-01: c, '2': d, null: e, ~: f, '': g, 1.5: h, 0x1F: i, <<: {j: k}}\n",
	"code: x\nz: [1, true, 2025-01-01, '2', null, '', 1.5, 0x1F, .inf, -.5, 2025-1-1, 2025-01-01T10:00:00Z, yes, No]\n",
	"code: x\nz: [\"1\", \"true\", \"2025-01-01\", \"null\", \"~\", \".inf\", \"<<\", \"2025-02-30\"]\n",
	"code: x\nperiod: 2024\nassessed: '2025-05-31'\npublished: 2025-05-31\nlandlord: 'a: b'\n",
	"code: x\nz: {1: a, true: b, '2': d, null: e, ~: f, '': g, 1.5: h, 0x1F: i, \"x\\ty\": j, 'a b': k}\n",
	"code: x\nz: [1, true, '2', null, '', 1.5, 0x1F, .inf, -.5, yes, No, '1_000', 0o17, 0b1, +1, \"\", ' ', 'a ']\n",
	"code: x\nz: [\"1\", \"true\", \"null\", \"~\", \".inf\", \"<<\", \"-\", \"- a\", \"a #b\", \"a#b\", \"?x\", \"? x\", \"---\", \"%x\", \"@x\", \"x:\"]\n",
	"code: x\nperiod: 2024\nassessed: '2025-05-31'\nlandlord: 'a: b'\nintroduction: \"tab\\there\"\n",
}

// TestEmitIsEncode: csa's writer writes what yaml.v3's would, for every
// file of the corpus and every layout, and writes most of them itself
// (else formatting out of form saves nothing).
func TestEmitIsEncode(t *testing.T) {
	tried, emitted := 0, 0
	for name, data := range everything(t) {
		if KindOf(data) != MaybeAssessment {
			continue
		}
		for _, d := range [][]byte{data, untidy(data)} {
			if _, err := tidyDoc(d); err != nil {
				continue
			}
			tried++
			if checkEmit(t, name, d) {
				emitted++
			} else if strings.HasPrefix(name, "../examples/") && !strings.HasSuffix(name, "(CRLF)") {
				t.Errorf("%s: emit is unsure of an example", name)
			}
		}
	}
	for _, tt := range layouts {
		checkEmit(t, tt.name, []byte(tt.in))
		checkEmit(t, tt.name, []byte(tt.want))
	}
	places := 0
	for _, in := range writePlaces {
		if checkEmit(t, in, []byte(in)) {
			places++
		}
		checkFastTree(t, in, []byte(in))
	}
	t.Logf("emit wrote %d of %d places", places, len(writePlaces))
	t.Logf("emit wrote %d of %d", emitted, tried)
	if emitted*4 < tried*3 {
		t.Errorf("emit wrote only %d of %d files", emitted, tried)
	}
}

// untidy lays a file out as someone might type it: four-space indents,
// ids in single quotes (as BenchmarkFormat and csa's BenchmarkFmt1000).
func untidy(data []byte) []byte {
	s := string(data)
	s = strings.ReplaceAll(s, "\n  ", "\n    ")
	s = strings.ReplaceAll(s, `id: "`, "id: '")
	s = strings.ReplaceAll(s, "\"\n", "'\n")
	return []byte(s)
}

// checkInForm holds the fast check to the long way: where inForm says a
// file is in form, laying it out with yaml.v3 gives it back unchanged.
func checkInForm(t *testing.T, name string, data []byte) {
	t.Helper()
	if !inForm(data) {
		return
	}
	slow, err := formatSlow(data)
	if err != nil || !bytes.Equal(slow, data) {
		t.Fatalf("%s: inForm says it is in form, but the long way writes (%v)\n%s\nnot\n%s", name, err, slow, data)
	}
}

// TestInFormIsFormat: the fast check says yes only where the long way
// gives the file back, and says yes to the examples and to what Format
// writes for most files (else it saves nothing where it matters: a
// repository kept in form).
func TestInFormIsFormat(t *testing.T) {
	formatted, fast := 0, 0
	for name, data := range everything(t) {
		if KindOf(data) != MaybeAssessment {
			continue
		}
		checkInForm(t, name, data)
		out, err := Format(name, data)
		if err != nil {
			continue
		}
		checkInForm(t, name, out)
		formatted++
		if inForm(out) {
			fast++
		}
		if strings.HasPrefix(name, "../examples/") && !strings.HasSuffix(name, "(CRLF)") && !inForm(data) {
			t.Errorf("%s: inForm says no to an example in form", name)
		}
	}
	for _, tt := range layouts {
		checkInForm(t, tt.name, []byte(tt.in))
		checkInForm(t, tt.name, []byte(tt.want))
	}
	if fast*4 < formatted*3 { // the rest are hostile or odd on purpose
		t.Errorf("inForm says yes to only %d of %d formatted files", fast, formatted)
	}
}

// TestFormatCorpus formats every example and every YAML file of the test
// scripts, and their CRLF copies: see checkFormat.
func TestFormatCorpus(t *testing.T) {
	n := 0
	for name, data := range everything(t) {
		if KindOf(data) != MaybeAssessment {
			continue
		}
		if checkFormat(t, name, data) {
			n++
		}
	}
	if n < 150 {
		t.Errorf("only %d files formatted", n)
	}
}

// TestExamplesAreCanonical: the shipped examples are in the canonical
// layout already.
func TestExamplesAreCanonical(t *testing.T) {
	for name, data := range corpus(t) {
		if !strings.HasPrefix(name, "../examples/") {
			continue
		}
		out, err := Format(name, data)
		if err != nil || !bytes.Equal(out, data) {
			t.Errorf("%s is not in csa fmt's layout (%v)", name, err)
		}
	}
}

// FuzzFmt: Format never panics, refuses only what the loader cannot read,
// and what it writes reads as the file did, keeps its comments and is its
// own format (checkFormat).
func FuzzFmt(f *testing.F) {
	for _, data := range everything(f) {
		if KindOf(data) == MaybeAssessment {
			f.Add(data)
		}
	}
	for _, tt := range layouts {
		f.Add([]byte(tt.in))
	}
	for _, in := range slices.Concat(commentPlaces, writePlaces) {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFormat(t, "f.yaml", data)
	})
}

// TestHasEscape: hasEscape's byte-at-a-time walk answers as needsEscape
// over every character.
func TestHasEscape(t *testing.T) {
	for _, s := range []string{"", "plain text\nover lines", "a\tb", "a\rb", "\x7f", "\x00", "é and ŷ", "a\u0085", "\u00a0",
		"a\u2028b", "\u2029", "\ufeff", "\ufffe", "\uffff", "\U0001F600", "bad \xff byte", "\xc2", "\u009f"} {
		if got, want := hasEscape(s), strings.IndexFunc(s, needsEscape) >= 0; got != want {
			t.Errorf("hasEscape(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzFmtRoutes: the fast halves of formatting agree with yaml.v3's on
// any input: fastTree reads the tree yaml.v3 reads, and format writes what
// the yaml.v3 route writes (checkFastTree); emit writes what yaml.v3's
// Encoder writes (checkEmit).
func FuzzFmtRoutes(f *testing.F) {
	for _, data := range everything(f) {
		if KindOf(data) == MaybeAssessment {
			f.Add(data)
			f.Add(untidy(data))
		}
	}
	for _, in := range slices.Concat(commentPlaces, writePlaces) {
		f.Add([]byte(in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFastTree(t, "f.yaml", data)
		checkEmit(t, "f.yaml", data)
	})
}
