package codes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The sources the built-in catalogues name for a confirmed entry.
const (
	severalSelfAssessments = "several landlords' published self-assessments"
	oneSelfAssessment      = "one landlord's published self-assessment"
)

// entry is one provision of a reference inventory.
type entry struct {
	ID          string   `yaml:"id"`
	Obligation  string   `yaml:"obligation"`
	InForm      bool     `yaml:"in_form"`
	ConfirmedBy []string `yaml:"confirmed_by"`
}

// inventory reads a reference inventory of a Code version. The reference
// notes are kept outside the repository in ../shared/reference ($REFERENCE
// names another place). They are in CI; elsewhere a test that needs them skips.
func inventory(t *testing.T, name string) []entry {
	t.Helper()
	dir := os.Getenv("REFERENCE")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "reference")
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the reference notes are missing (%v), and CI needs them", err)
		}
		t.Skipf("the reference notes are not in %s", dir)
	}
	var inv []entry
	if err := yaml.Unmarshal(data, &inv); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return inv
}

// TestAgainstReference checks each built-in entry against the reference
// inventory it was built from: the same provisions, obligations and form,
// confirmed exactly where the inventory records a check, and naming the
// kind of source the inventory names.
func TestAgainstReference(t *testing.T) {
	// Where the catalogue departs from the inventory on purpose, and why.
	departures := map[string]string{
		"chc-2024 8.4": "obligation: the inventory reads it as may; the form asks for it like a must",
		"chc-2024 9.7": "confirmed: one paraphrase says should where the catalogue says must",
	}
	tests := []struct{ code, file string }{
		{"chc-2024", "chc-2024-inventory.yaml"},
		{"chc-2022", "chc-2022-inventory.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			inv := inventory(t, tt.file)
			c, err := Lookup(tt.code, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(inv) != len(c.Provisions) {
				t.Errorf("%d provisions, the inventory has %d", len(c.Provisions), len(inv))
			}
			for _, want := range inv {
				p, ok := c.Provision(want.ID)
				if !ok {
					t.Errorf("%s is in the inventory but not the catalogue", want.ID)
					continue
				}
				departs := departures[tt.code+" "+want.ID]
				obligation, _, _ := strings.Cut(want.Obligation, " ")
				if p.Obligation != obligation && !strings.HasPrefix(departs, "obligation") {
					t.Errorf("%s is %s; the inventory says %s", want.ID, p.Obligation, want.Obligation)
				}
				if p.OnForm != want.InForm {
					t.Errorf("%s on the form %v; the inventory says %v", want.ID, p.OnForm, want.InForm)
				}
				// The 2022 inventory takes every entry from one published
				// self-assessment's form; the 2024 one says per entry.
				source := oneSelfAssessment
				for _, by := range want.ConfirmedBy {
					switch {
					case strings.HasPrefix(by, "recalled"):
						source = ""
					case strings.HasPrefix(by, "seen in published landlord self-assessments"):
						source = severalSelfAssessments
					}
				}
				if strings.HasPrefix(departs, "confirmed") {
					source = ""
				}
				if p.Confirmed != (source != "") || p.Source != source {
					t.Errorf("%s confirmed %v from %q; the inventory supports %q", want.ID, p.Confirmed, p.Source, source)
				}
			}
		})
	}
}
