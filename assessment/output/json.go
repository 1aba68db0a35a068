package output

import (
	"encoding/json"
	"io"

	"github.com/csa-tool/csa/assessment"
)

type jsonFinding struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	Severity  string `json:"severity"`
	Rule      string `json:"rule"`
	Provision string `json:"provision,omitempty"`
	Message   string `json:"message"`
}

type jsonReport struct {
	Files    []string      `json:"files"`
	Findings []jsonFinding `json:"findings"`
	Summary  struct {
		Files    int    `json:"files"`
		Errors   int    `json:"errors"`
		Warnings int    `json:"warnings"`
		Failed   bool   `json:"failed"`
		Text     string `json:"text"`
	} `json:"summary"`
}

// writeJSON writes one object: the files checked, every finding, and counts.
func writeJSON(w io.Writer, files []File, failOn assessment.Severity) error {
	r := jsonReport{Files: []string{}, Findings: []jsonFinding{}}
	for _, f := range files {
		r.Files = append(r.Files, f.Name)
		for _, x := range f.Findings {
			r.Findings = append(r.Findings, jsonFinding{x.File, x.Line, x.Col, x.Severity.String(), x.Rule, x.Provision, x.Message})
			if x.Severity.String() == "error" {
				r.Summary.Errors++
			} else {
				r.Summary.Warnings++
			}
			r.Summary.Failed = r.Summary.Failed || fails(x, failOn)
		}
	}
	r.Summary.Files = len(files)
	r.Summary.Text = Summary(files)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
