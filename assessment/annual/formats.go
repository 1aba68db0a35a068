package annual

import "github.com/csa-tool/csa/internal/format"

// Formats are csa annual's formats for the report, the default first.
var Formats = format.List[*Report]{
	{Name: "markdown", Write: WriteMarkdown},
	{Name: "html", Write: WriteHTML},
	{Name: "docx", Binary: "a Word document", Write: WriteDOCX},
}

// SubmissionFormats are csa annual --submission's formats, the default
// first.
var SubmissionFormats = format.List[*SubmissionView]{
	{Name: "text", Write: WriteSubmissionText},
	{Name: "markdown", Write: WriteSubmissionMarkdown},
}
