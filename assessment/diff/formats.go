package diff

import "github.com/csa-tool/csa/internal/format"

// Formats are diff's output formats, the default first: one file each.
var Formats = format.List[*Diff]{
	{Name: "text", Write: WriteText},
	{Name: "markdown", Write: WriteMarkdown},
	{Name: "html", Write: WriteHTML},
	{Name: "json", Write: WriteJSON},
}
