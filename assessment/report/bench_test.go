package report

import (
	"io"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/sample"
	"github.com/csa-tool/csa/codes"
)

// benchAssessment is the sample the publication benchmarks share: 72
// provisions against chc-2024, 40 actions.
func benchAssessment(tb testing.TB) (*assessment.Assessment, *codes.Catalogue) {
	tb.Helper()
	a, cat, err := sample.Assessment72()
	if err != nil {
		tb.Fatal(err)
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
