package report

import (
	"io"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/format"
)

// Publication is what csa report renders: an assessment with its
// catalogue, the day overdue actions are judged on, and, for CSV, the table
// (TableForm or TableActions).
type Publication struct {
	Assessment *assessment.Assessment
	Catalogue  *codes.Catalogue
	AsOf       assessment.Date
	Table      string
	built      *Report // the report, worked out once (NewPublication)
}

// NewPublication is the publication of an assessment, its report worked
// out once for the command (the draft rule reads it) and the format.
func NewPublication(a *assessment.Assessment, cat *codes.Catalogue, asOf assessment.Date, table string) Publication {
	return Publication{Assessment: a, Catalogue: cat, AsOf: asOf, Table: table, built: New(a, cat, asOf)}
}

// Report is the publication's report: what every format but the workbook
// writes.
func (p Publication) Report() *Report {
	if p.built != nil {
		return p.built
	}
	return New(p.Assessment, p.Catalogue, p.AsOf)
}

// The report formats this package writes; package workbook writes the XLSX
// workbook (workbook.XLSX).
var (
	Markdown = format.Format[Publication]{Name: "markdown", Write: func(w io.Writer, p Publication) error { return WriteMarkdown(w, p.Report()) }}
	HTML     = format.Format[Publication]{Name: "html", Write: func(w io.Writer, p Publication) error { return WriteHTML(w, p.Report()) }}
	CSV      = format.Format[Publication]{Name: "csv", Write: func(w io.Writer, p Publication) error { return WriteCSV(w, p.Report(), p.Table) }}
	JSON     = format.Format[Publication]{Name: "json", Write: func(w io.Writer, p Publication) error { return WriteJSON(w, p.Report()) }}
)
