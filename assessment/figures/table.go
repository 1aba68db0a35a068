package figures

import (
	"bufio"
	"io"

	"github.com/csa-tool/csa/assessment/table"
	"github.com/csa-tool/csa/internal/safetext"
)

// WriteTable writes the summary csa figures prints by default: a heading,
// then a terminal table for each section.
func WriteTable(w io.Writer, f *Figures) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(safetext.Line(f.Title()) + "\n")
	if about := f.About(); about != "" {
		bw.WriteString(safetext.Line(about) + "\n")
	}
	for _, s := range f.sections() {
		bw.WriteString("\n" + s.title + "\n")
		if err := bw.Flush(); err != nil {
			return err
		}
		if err := table.Write(w, s.header, s.rows, 50); err != nil {
			return err
		}
	}
	if line := f.RowsLine(); line != "" {
		bw.WriteString("\n" + line + "\n")
	}
	return bw.Flush()
}
