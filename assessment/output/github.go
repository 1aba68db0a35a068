package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/safetext"
)

// writeGitHub writes GitHub Actions workflow commands, one annotation per
// finding, so findings show on the pull request's lines; then the summary.
// Text from the files (names included) passes csa's output-safety policy
// (safetext.Line), so it cannot start a workflow command of its own or send
// an escape sequence to the log, and is then escaped as GitHub asks.
func writeGitHub(w io.Writer, files []File) error {
	return eachLine(w, files, func(bw *bufio.Writer, x assessment.Finding) {
		title := "csa " + x.Rule
		if x.Provision != "" {
			title += " (provision " + x.Provision + ")"
		}
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,title=%s::%s\n",
			x.Severity, ghProperty(safetext.Line(x.File)), x.Line, x.Col, ghProperty(safetext.Line(title)), ghData(safetext.Line(x.Message)))
	})
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
