package diff

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
)

// generated writes an assessment against code answering every provision on
// its form, shaped like a real one: a few sentences of evidence, some
// commentary, gaps with actions. year shifts the wording, answers and dates,
// so two years differ the way real ones do.
func generated(tb testing.TB, code string, year int) *assessment.Assessment {
	tb.Helper()
	cat := catalogue(tb, code)
	var b strings.Builder
	fmt.Fprintf(&b, "code: %s\nlandlord: Example Homes\nassessed: %d-05-31\nperiod: %d/%02d\n", code, year, year-1, year%100)
	b.WriteString("approved:\n  by: Board\n  on: 2025-06-19\nprovisions:\n")
	for j, p := range cat.OnForm() {
		fmt.Fprintf(&b, "  - id: %q\n", p.ID)
		switch (year + j) % 9 {
		case 0:
			b.WriteString("    comply: partial\n")
		case 4:
			b.WriteString("    comply: no\n")
		default:
			b.WriteString("    comply: yes\n")
		}
		fmt.Fprintf(&b, "    evidence: |\n      Complaints Policy (v%d, March %d) section %d sets this out, and the quarterly audit of\n"+
			"      %d cases found it followed in every case; staff guidance was updated in\n"+
			"      March and the Customer Services Committee reviewed the results in %d.\n",
			year-2019, year, j%9+1, 10+year%3*5, year)
		if j%3 == 0 {
			fmt.Fprintf(&b, "    commentary: Reviewed by the Head of Customer Experience each quarter of %d.\n", year)
		}
		if (year+j)%9 == 0 || (year+j)%9 == 4 || j%7 == 0 {
			fmt.Fprintf(&b, "    actions:\n      - action: Update the procedure for provision %s and train the team.\n"+
				"        owner: Complaints Manager\n        due: %d-%02d-28\n        status: open\n", p.ID, year, j%12+1)
		}
	}
	return parse(tb, fmt.Sprintf("%s-%d.yaml", code, year), b.String())
}

// BenchmarkDiff compares two 72-provision assessments and writes the text
// report: one Code (chc-2024, two years), and across Codes (chc-2022 to
// chc-2024, through the lineage).
func BenchmarkDiff(b *testing.B) {
	for _, bc := range []struct {
		name     string
		old, new string
	}{
		{"same-code", "chc-2024", "chc-2024"},
		{"across-codes", "chc-2022", "chc-2024"},
	} {
		old, new := generated(b, bc.old, 2024), generated(b, bc.new, 2025)
		oldCat, newCat := catalogue(b, bc.old), catalogue(b, bc.new)
		asOf := assessment.NewDate(2025, 7, 1)
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				d, err := Compare(old, oldCat, new, newCat, asOf)
				if err != nil {
					b.Fatal(err)
				}
				if err := WriteText(io.Discard, d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestGeneratedPairDiffers(t *testing.T) {
	d, err := Compare(generated(t, "chc-2024", 2024), catalogue(t, "chc-2024"), generated(t, "chc-2024", 2025), catalogue(t, "chc-2024"), assessment.NewDate(2025, 7, 1))
	if err != nil {
		t.Fatal(err)
	}
	s := d.Summary
	if len(d.Provisions) != 72 || s.EvidenceChanged != 72 || s.Provisions[Improved] == 0 || s.Provisions[Regressed] == 0 || s.Actions[Slipped] == 0 {
		t.Errorf("the benchmark's pair is not a realistic diff: %d rows, %+v", len(d.Provisions), s)
	}
}
