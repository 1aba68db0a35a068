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
// and the message pass csa's output-safety policy (safetext.Line). With
// color, the severity is coloured: the only escape sequences csa writes.
func writeText(w io.Writer, files []File, color bool) error {
	return eachLine(w, files, func(bw *bufio.Writer, x assessment.Finding) { writeLine(bw, x, color) })
}

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

// Colours of the severities: bold red and bold yellow, as compilers use.
const (
	colorError   = "\x1b[1;31m"
	colorWarning = "\x1b[1;33m"
	colorReset   = "\x1b[0m"
)

func writeLine(bw *bufio.Writer, x assessment.Finding, color bool) {
	bw.WriteString(safetext.Line(x.File))
	bw.WriteByte(':')
	bw.WriteString(strconv.Itoa(x.Line))
	bw.WriteByte(':')
	bw.WriteString(strconv.Itoa(x.Col))
	bw.WriteString(": ")
	if color {
		if x.Severity == assessment.Error {
			bw.WriteString(colorError)
		} else {
			bw.WriteString(colorWarning)
		}
		bw.WriteString(x.Severity.String())
		bw.WriteString(colorReset)
	} else {
		bw.WriteString(x.Severity.String())
	}
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
