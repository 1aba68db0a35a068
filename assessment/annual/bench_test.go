package annual

import (
	"io"
	"os"
	"testing"
)

// BenchmarkAnnual reads Millbrook's annual report with the files it names
// (the self-assessment, the figures, last year's found beside them) and
// renders the whole report, charts and self-assessment included, in each
// format. The budget is 150 ms a report.
func BenchmarkAnnual(b *testing.B) {
	data, err := os.ReadFile(example)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []struct {
		name  string
		write func(io.Writer, *Report) error
	}{{"html", WriteHTML}, {"markdown", WriteMarkdown}, {"docx", WriteDOCX}} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				r := loadReport(b, example, data)
				if err := f.write(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
