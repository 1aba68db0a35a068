package docx

import (
	"io"

	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/internal/format"
)

// DOCX is csa report's Word format.
var DOCX = format.Format[report.Publication]{
	Name: "docx", Binary: "a Word document",
	Write: func(w io.Writer, p report.Publication) error { return Write(w, p.Report()) },
}
