package output

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// writeGitHub writes GitHub Actions workflow commands, one annotation per
// finding, so findings show on the pull request's lines; then the summary.
func writeGitHub(w io.Writer, files []File) error {
	bw := bufio.NewWriter(w)
	for _, f := range files {
		for _, x := range f.Findings {
			title := "csa " + x.Rule
			if x.Provision != "" {
				title += " (provision " + x.Provision + ")"
			}
			fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,title=%s::%s\n",
				x.Severity, ghProperty(x.File), x.Line, x.Col, ghProperty(title), ghData(x.Message))
		}
	}
	fmt.Fprintln(bw, Summary(files))
	return bw.Flush()
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
