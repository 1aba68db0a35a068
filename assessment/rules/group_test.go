package rules

import (
	"reflect"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// TestForEntities: the entities a finding is for are named after the
// provision it names, not inside a longer id.
func TestForEntities(t *testing.T) {
	for _, tt := range []struct{ msg, id, want string }{
		{"provision 4.2 is answered partial", "4.2", "provision 4.2 for A and B is answered partial"},
		{"due 2205-01-01 (provision 4.2) is more than", "4.2", "due 2205-01-01 (provision 4.2 for A and B) is more than"},
		{"an action for provision 4.2 was due", "4.2", "an action for provision 4.2 for A and B was due"},
		{"provision 4.20 continues provision 4.2.", "4.2", "provision 4.20 continues provision 4.2 for A and B."},
		{"provision 4.2.1 and provision 4.2", "4.2", "provision 4.2.1 and provision 4.2 for A and B"},
		{"no provision named", "4.2", "no provision named (for A and B)"},
	} {
		if got := forEntities(tt.msg, tt.id, []string{"A", "B"}); got != tt.want {
			t.Errorf("forEntities(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

// TestAGroupAnsweringAsOne: a group whose entities all give the group's
// answers has the findings the same file has without entities: nothing is
// said twice, and no finding names an entity.
func TestAGroupAnsweringAsOne(t *testing.T) {
	t.Chdir(t.TempDir())
	single := head + `  - id: "1.2"
    comply: partial
    evidence: We do not currently log them.
    actions:
      - action: Train staff.
        due: 2024-01-01
  - id: "1.3"
    comply: yes
    evidence: TBC
    review: carried
  - id: "2.1"
    comply: n/a
`
	group := strings.Replace(single, "provisions:\n", "entities:\n  - name: A\n  - name: B\nprovisions:\n", 1)
	check := func(src string, lines int) []string {
		a, fs := assessment.Parse("a.yaml", []byte(src))
		if len(fs) > 0 {
			t.Fatal(fs)
		}
		cat, err := codes.ParseBytes([]byte(mini), "mini.yaml")
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		findings := Check(a, cat, nil, Options{AsOf: today})
		assessment.SortFindings(findings)
		for _, f := range findings {
			f.Line -= lines // the entities' lines
			out = append(out, f.Rule+" "+f.Message)
		}
		return out
	}
	want := check(single, 0)
	if len(want) < 5 {
		t.Fatalf("the case finds too little to test: %v", want)
	}
	// With one entity's commentary of its own, the same again.
	own := strings.Replace(group, "  - id: \"2.1\"\n", "    entities:\n      B:\n        commentary: Its own words.\n  - id: \"2.1\"\n", 1)
	for name, src := range map[string]string{"the group": group, "an entity's commentary": own} {
		if got := check(src, 3); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got  %q\n want %q", name, got, want)
		}
	}
}
