package figures

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/csa-tool/csa/assessment/report"
)

// CSVHeader is the header of csa figures --format csv: one row per figure,
// named by its key in the figures file.
var CSVHeader = []string{"Tenure", "Stage", "Figure", "Label", "Value"}

// WriteCSV writes the figures one to a row (RFC 4180, CRLF line ends): the
// tenure ("all" or the tenure's name), the stage ("stage 1", "stage 2" or
// blank), the figure (its key in the figures file: received, ch01,
// ch02_percent...), the label of a breakdown (an outcome, a category, a
// reason) and the value. A label that would start a spreadsheet formula
// gets a ' before it.
func WriteCSV(w io.Writer, f *Figures) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	write := func(rec ...string) { _ = cw.Write(rec) }
	write(CSVHeader...)
	intRow := func(tenure, stage, figure string, p *int) {
		if p != nil {
			write(tenure, stage, figure, "", strconv.Itoa(*p))
		}
	}
	floatRow := func(tenure, stage, figure string, p *float64, decimals bool) {
		if p != nil {
			write(tenure, stage, figure, "", Number(*p, decimals))
		}
	}
	group := func(tenure string, homes *int, stages [2]*Stage, ch01 [2]*float64, ch02 [2]*Share) {
		intRow(tenure, "", "homes", homes)
		for s, st := range stages {
			if st == nil {
				continue
			}
			for k, p := range st.ints() {
				intRow(tenure, stageName[s], stageKeys[k].key, p)
			}
			floatRow(tenure, stageName[s], "median_days", st.MedianDays, false)
			intRow(tenure, stageName[s], "p90_days", st.P90Days)
			for _, b := range []struct {
				key string
				cs  []Count
			}{{"refusals", st.Refusals}, {"outcomes", st.Outcomes}, {"categories", st.Categories}} {
				for _, c := range b.cs {
					write(tenure, stageName[s], b.key, report.Neutralise(c.Label), strconv.Itoa(c.N))
				}
			}
		}
		for s := range 2 {
			floatRow(tenure, stageName[s], "ch01", ch01[s], true)
		}
		for s, sh := range ch02 {
			if sh == nil {
				continue
			}
			intRow(tenure, stageName[s], "ch02_responded", sh.Responded)
			intRow(tenure, stageName[s], "ch02_within", sh.Within)
			floatRow(tenure, stageName[s], "ch02_percent", sh.Percent, true)
		}
	}
	group("all", f.Homes, f.Stages, f.CH01, f.CH02)
	floatRow("all", "", "escalation_rate", f.Escalation, true)
	for _, t := range f.Tenures {
		group(t.Name, t.Homes, t.Stages, t.CH01, t.CH02)
	}
	cw.Flush()
	return cw.Error()
}
