package output

import (
	"bufio"
	"io"
	"strconv"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/safetext"
)

// writeText writes one GNU-style line per finding,
// file:line:col: severity rule: message, then the summary. The file's name
// and the message pass csa's output-safety policy (safetext.Line).
func writeText(w io.Writer, files []File) error { return eachLine(w, files, writeLine) }

// eachLine writes each finding of the files with line, then the summary
// line: what the line formats share.
func eachLine(w io.Writer, files []File, line func(*bufio.Writer, assessment.Finding)) error {
	bw := bufio.NewWriter(w)
	for _, f := range files {
		for _, x := range f.Findings {
			line(bw, x)
		}
	}
	bw.WriteString(Summary(files))
	bw.WriteByte('\n')
	return bw.Flush()
}

func writeLine(bw *bufio.Writer, x assessment.Finding) {
	bw.WriteString(safetext.Line(x.File))
	bw.WriteByte(':')
	bw.WriteString(strconv.Itoa(x.Line))
	bw.WriteByte(':')
	bw.WriteString(strconv.Itoa(x.Col))
	bw.WriteString(": ")
	bw.WriteString(x.Severity.String())
	bw.WriteByte(' ')
	bw.WriteString(x.Rule)
	bw.WriteString(": ")
	bw.WriteString(safetext.Line(x.Message))
	bw.WriteByte('\n')
}

// Line formats one finding as the text format does, without the newline.
func Line(x assessment.Finding) string {
	return safetext.Line(x.File) + ":" + strconv.Itoa(x.Line) + ":" + strconv.Itoa(x.Col) + ": " +
		x.Severity.String() + " " + x.Rule + ": " + safetext.Line(x.Message)
}
