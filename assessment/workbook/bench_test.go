package workbook

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// benchAssessment is a 72-provision assessment against chc-2024 with 40
// actions, shaped like a real one: a few lines of evidence each, some
// commentary, gaps with two actions each.
func benchAssessment(tb testing.TB) (*assessment.Assessment, *codes.Catalogue) {
	tb.Helper()
	cat, err := codes.Lookup("chc-2024", "")
	if err != nil {
		tb.Fatal(err)
	}
	a := &assessment.Assessment{Code: "chc-2024", Landlord: "Tŷ Glas Homes", Assessed: assessment.NewDate(2025, 5, 31),
		Period: "2024/25", Approved: &assessment.Approval{By: "Board", On: assessment.NewDate(2025, 6, 19)},
		Published: "https://tyglas.example/complaints"}
	actions := 0
	for i, p := range cat.OnForm() {
		ans := assessment.Answer{ID: p.ID, Comply: assessment.Yes,
			Evidence: fmt.Sprintf("Complaints Policy section %d sets this out, and the quarterly audit of\ntwenty cases found it followed in every case; staff guidance was updated in\nMarch and the Customer Services Committee reviewed the results.", i)}
		if i%3 == 0 {
			ans.Commentary = "Reviewed by the Head of Customer Experience each quarter."
		}
		if i%3 == 1 && actions < 40 {
			ans.Comply = assessment.Partial
			for k := range 2 {
				ans.Actions = append(ans.Actions, assessment.Action{Text: "Update the procedure and train the team on the change.",
					Owner: "Complaints Manager", Due: assessment.NewDate(2025, 6, 30).AddDate(0, k*6, 0), Status: assessment.Open})
				actions++
			}
		}
		a.Answers = append(a.Answers, ans)
	}
	if len(a.Answers) != 72 || actions != 40 {
		tb.Fatalf("%d provisions, %d actions", len(a.Answers), actions)
	}
	return a, cat
}

// BenchmarkReportXLSX writes the workbook of a 72-provision assessment with
// 40 actions (target: under 100 ms).
func BenchmarkReportXLSX(b *testing.B) {
	a, cat := benchAssessment(b)
	for b.Loop() {
		if err := Write(io.Discard, a, cat, asOf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadXLSX reads that workbook back, as csa import will.
func BenchmarkReadXLSX(b *testing.B) {
	a, cat := benchAssessment(b)
	data := write(b, a, cat, asOf)
	b.ResetTimer()
	for b.Loop() {
		if _, ok, err := Read(bytes.NewReader(data)); err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}
