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
}

// The report formats this package writes; package workbook writes the XLSX
// workbook (workbook.XLSX).
var (
	Markdown = format.Format[Publication]{Name: "markdown", Write: func(w io.Writer, p Publication) error { return WriteMarkdown(w, p.report()) }}
	HTML     = format.Format[Publication]{Name: "html", Write: func(w io.Writer, p Publication) error { return WriteHTML(w, p.report()) }}
	CSV      = format.Format[Publication]{Name: "csv", Write: func(w io.Writer, p Publication) error { return WriteCSV(w, p.report(), p.Table) }}
	JSON     = format.Format[Publication]{Name: "json", Write: func(w io.Writer, p Publication) error { return WriteJSON(w, p.report()) }}
)

func (p Publication) report() *Report { return New(p.Assessment, p.Catalogue, p.AsOf) }
