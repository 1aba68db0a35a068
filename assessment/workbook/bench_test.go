package workbook

import (
	"bytes"
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
