package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// formDocx is a Word self-assessment answering every provision on the 2024
// form (72), shaped like a real one: a table per section with the action
// plan columns, paragraphs of evidence with HTML left in them, and a row in
// five split by a page break.
func formDocx(tb testing.TB) []byte {
	cat, err := codes.Lookup("chc-2024", "")
	if err != nil {
		tb.Fatal(err)
	}
	var src strings.Builder
	src.WriteString("para: Landlord: Bench Homes\npara: Date of assessment: 30 May 2025\n")
	section := 0
	for i, p := range cat.OnForm() {
		if p.Section != section {
			section = p.Section
			fmt.Fprintf(&src, "para: Section %d: %s\ntable\n", section, cat.SectionTitle(section))
			src.WriteString("row: Code provision | Code requirement | Comply:\\nYes / No | Evidence | Commentary / explanation | Action required | Action owner | Target date\n")
		}
		answer, action := "Yes", []string{"", "", ""}
		if i%4 == 0 {
			answer, action = "Partial", []string{"Review the procedure and retrain the team.", "Complaints Manager", "31/03/2026"}
		}
		evidence := `<p>Our Complaints Policy section 3.` + fmt.Sprint(i) + ` covers this. Staff are trained on joining and every two years, and the complaints team checks a sample of cases every month.</p><p>The board sees the results each quarter.</p>`
		cells := append([]string{p.ID, p.Summary, answer, evidence, "Reviewed in May 2025."}, action...)
		src.WriteString("row: " + strings.Join(cells, " | ") + "\n")
		if i%5 == 0 {
			src.WriteString("row:  | (continued from the page before) |  | and in the annual report. |  |  |  | \n")
		}
	}
	data, err := buildDocx(src.String())
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

func TestFormDocx(t *testing.T) {
	res, err := Import("form.docx", formDocx(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Assessment.Answers); n != 72 || res.Catalogue.ID != "chc-2024" {
		t.Errorf("%d answers against %s, want 72 against chc-2024", n, res.Catalogue.ID)
	}
	for _, ans := range res.Assessment.Answers {
		if want := map[bool]int{true: 1, false: 0}[ans.Comply == assessment.Partial]; len(ans.Actions) != want {
			t.Errorf("%s: %d actions %+v, want %d", ans.ID, len(ans.Actions), ans.Actions, want)
		}
	}
}

// BenchmarkImportDocx imports a 72-provision Word self-assessment (target:
// well under 200 ms).
func BenchmarkImportDocx(b *testing.B) {
	data := formDocx(b)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Import("form.docx", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
