package output

import (
	"encoding/xml"
	"fmt"
	"io"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/safetext"
)

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit writes one test suite per file and one test case per finding;
// a finding at or above --fail-on is a failure, one below it passes with the
// finding in its output. A file with no findings has one passing case.
// Text from the files (names included) passes csa's output-safety policy
// (safetext.Line) before XML escaping: XML cannot carry most control
// characters, and a report viewer should not reorder a line.
func writeJUnit(w io.Writer, files []File, failOn assessment.Severity) error {
	out := junitSuites{Name: "csa check"}
	for _, f := range files {
		name := safetext.Line(f.Name)
		s := junitSuite{Name: name}
		for _, x := range f.Findings {
			c := junitCase{Classname: name, Name: fmt.Sprintf("%s line %d", x.Rule, x.Line)}
			if x.Provision != "" {
				c.Name = fmt.Sprintf("%s %s line %d", x.Rule, safetext.Line(x.Provision), x.Line)
			}
			if fails(x, failOn) {
				c.Failure = &junitFailure{Type: x.Rule, Message: safetext.Line(x.Message), Text: Line(x)}
				s.Failures++
			} else {
				c.SystemOut = Line(x)
			}
			s.Cases = append(s.Cases, c)
		}
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Classname: name, Name: "assessment is valid"})
		}
		s.Tests = len(s.Cases)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Suites = append(out.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
