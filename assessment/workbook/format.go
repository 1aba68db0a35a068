package workbook

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/internal/format"
)

// XLSX is csa report's workbook format. A failure to write it that is not a
// failure to write the output is said in one line.
var XLSX = format.Format[report.Publication]{
	Name: "xlsx", Binary: "an XLSX workbook",
	Write: func(w io.Writer, p report.Publication) error {
		err := Write(w, p.Assessment, p.Catalogue, p.AsOf)
		var pe *fs.PathError
		if err != nil && !errors.As(err, &pe) {
			return fmt.Errorf("cannot write the workbook: %w", err)
		}
		return err
	},
}
