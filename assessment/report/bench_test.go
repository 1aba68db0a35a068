package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// benchAssessment is the workbook benchmark's assessment: 72 provisions
// against chc-2024, 40 actions.
func benchAssessment(tb testing.TB) (*assessment.Assessment, *codes.Catalogue) {
	tb.Helper()
	cat, err := codes.Lookup("chc-2024", "")
	if err != nil {
		tb.Fatal(err)
	}
	a := &assessment.Assessment{Code: "chc-2024", Landlord: "Tŷ Glas Homes", Assessed: assessment.NewDate(2025, 5, 31),
		Period: "2024/25", Approved: &assessment.Approval{By: "Board", On: assessment.NewDate(2025, 6, 19)}}
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
	return a, cat
}

func benchFormat(b *testing.B, write func(io.Writer, *Report) error) {
	a, cat := benchAssessment(b)
	asOf := assessment.NewDate(2025, 7, 1)
	for b.Loop() {
		if err := write(io.Discard, New(a, cat, asOf)); err != nil {
			b.Fatal(err)
		}
	}
}

// The publication of a 72-provision assessment with 40 actions, for
// comparison with BenchmarkReportXLSX in package workbook.
func BenchmarkReportMarkdown(b *testing.B) { benchFormat(b, WriteMarkdown) }
func BenchmarkReportHTML(b *testing.B)     { benchFormat(b, WriteHTML) }
func BenchmarkReportJSON(b *testing.B)     { benchFormat(b, WriteJSON) }
func BenchmarkReportCSV(b *testing.B) {
	benchFormat(b, func(w io.Writer, r *Report) error { return WriteCSV(w, r, TableForm) })
}
