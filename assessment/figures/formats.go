package figures

import (
	"io"

	"github.com/csa-tool/csa/internal/format"
)

// Formats are csa figures' formats, the default first; -o FILE chooses one
// by its ending when -f does not.
var Formats = format.List[*Result]{
	{Name: "table", Write: func(w io.Writer, r *Result) error { return WriteTable(w, r.Figures) }},
	{Name: "yaml", Ext: []string{".yaml", ".yml"}, Write: func(w io.Writer, r *Result) error { return Encode(w, r.Figures) }},
	{Name: "json", Ext: []string{".json"}, Write: func(w io.Writer, r *Result) error { return WriteJSON(w, r.Figures, r.LeftOut) }},
	{Name: "markdown", Ext: []string{".md"}, Write: func(w io.Writer, r *Result) error { return WriteMarkdown(w, r.Figures) }},
	{Name: "csv", Ext: []string{".csv"}, Write: func(w io.Writer, r *Result) error { return WriteCSV(w, r.Figures) }},
}
