package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/safetext"
)

// The tables WriteCSV writes.
const (
	TableForm    = "form"    // one row per provision
	TableActions = "actions" // one row per action
)

// FormCSVHeader is the header row of the form table in CSV, one row per
// provision. The names are stable: other tools read them.
var FormCSVHeader = []string{
	"Code provision", "Section", "Section title", "Obligation", "Code requirement", "Requirement source",
	"Comply", "Evidence", "Commentary / explanation", "Alternative", "Review",
}

// ActionsCSVHeader is the header row of the action plan in CSV, one row per
// action. Overdue and Days overdue are judged on the report's as-of date.
var ActionsCSVHeader = []string{
	"Code provision", "Action", "Owner", "Due", "Status", "Completed", "Draft", "Overdue", "Days overdue",
}

// FormCSVHeader is the form table's header row for this report: for a
// group, with an Entity column after the provision (blank on the group's
// answer, the entity's name on an entity's own).
func (r *Report) FormCSVHeader() []string {
	if !r.Group() {
		return FormCSVHeader
	}
	return slices.Insert(slices.Clone(FormCSVHeader), 1, ColEntity)
}

// ActionsCSVHeader is the action plan's header row for this report: for a
// group, with an Entity column after the provision.
func (r *Report) ActionsCSVHeader() []string {
	if !r.Group() {
		return ActionsCSVHeader
	}
	return slices.Insert(slices.Clone(ActionsCSVHeader), 1, ColEntity)
}

// BOM is the byte-order mark WriteCSV starts with: without it, Excel reads
// a CSV file in the computer's legacy code page, and Tŷ Glas becomes
// "TÅ· Glas".
const BOM = "\ufeff"

// CSVProvision is how a provision id is written in the report's CSV:
// "Provision 6.10". A bare 6.10 is read as the number 6.1 by Excel and
// LibreOffice opening the file with their default settings, colliding with
// the real 6.1 and sorting 6.10 before 6.2; with a word before it, no
// spreadsheet takes it for a number, and csa import reads the id back.
func CSVProvision(id string) string {
	if id == "" {
		return ""
	}
	return "Provision " + id
}

// WriteCSV writes one table of the report as CSV (RFC 4180: CRLF line ends,
// fields quoted where needed; UTF-8 starting with a byte-order mark, BOM).
// Dates are YYYY-MM-DD; provisions are written "Provision 6.10"
// (CSVProvision). A cell that would start with = + - @ (after any leading
// white space or line break), a tab or a carriage return is prefixed with a
// single quote, so no spreadsheet reads it as a formula. Text is otherwise
// kept exactly, bidirectional controls included, so that it reads back the
// same.
func WriteCSV(w io.Writer, r *Report, table string) error {
	var rows [][]string
	switch table {
	case TableForm, "":
		rows = append(rows, r.FormCSVHeader())
		for _, s := range r.Sections {
			for _, row := range s.Rows {
				section := ""
				if row.InCatalogue {
					section = strconv.Itoa(row.Section)
				}
				cells := []string{
					CSVProvision(row.ID), section, sectionTitle(s), row.Obligation, row.Requirement, string(row.RequirementFrom),
					row.ComplyLabel(), row.Evidence, row.Commentary, row.Alternative, row.Review,
				}
				if !r.Group() {
					rows = append(rows, cells)
					continue
				}
				rows = append(rows, slices.Insert(cells, 1, ""))
				// Each entity's own answer, on a row of its own after the
				// group's: a blank cell is the group's.
				for _, e := range row.Entities {
					if e.Own == nil || !e.Own.Differs() {
						continue
					}
					rows = append(rows, []string{CSVProvision(row.ID), e.Name, section, sectionTitle(s), row.Obligation, "", "",
						e.Own.Comply.Label(), e.Own.Evidence, e.Own.Commentary, e.Own.Alternative, ""})
				}
			}
		}
	case TableActions:
		rows = append(rows, r.ActionsCSVHeader())
		for _, it := range r.Actions {
			row := actionCSVRow(it)
			row[0] = CSVProvision(row[0])
			if r.Group() {
				row = slices.Insert(row, 1, actionEntity(it))
			}
			rows = append(rows, row)
		}
	default:
		return fmt.Errorf("unknown table %q: the tables are %s and %s", table, TableForm, TableActions)
	}
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	return writeCSVRows(w, rows)
}

func sectionTitle(s Section) string {
	if s.Number == 0 {
		return ""
	}
	return s.Title
}

func actionCSVRow(it assessment.ActionItem) []string {
	status, draft, overdue, days := "Open", "", "", ""
	if !it.IsOpen() {
		status = "Done"
	}
	if it.Draft {
		draft = "Yes"
	}
	if it.Overdue {
		overdue, days = "Yes", strconv.Itoa(it.DaysOverdue)
	}
	return []string{it.Provision, it.Text, it.Owner, it.Due.String(), status, it.Completed.String(), draft, overdue, days}
}

func writeCSVRows(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, c := range row {
			safe[i] = lineBreaks(Neutralise(c))
		}
		if err := cw.Write(safe); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// lineBreaks writes every line break in a cell as \n, which the CSV writer
// turns into CRLF; a lone carriage return (an old Mac line end) would
// otherwise be dropped by it and the two lines run together.
func lineBreaks(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// Neutralise makes a cell safe to open in a spreadsheet: text that could
// start a formula (= + - @, a tab or a carriage return first, or = + - @
// after leading white space and line breaks) gets a single quote before
// it, the usual guard against formula injection (safetext.FormulaGuard).
// Anything else is unchanged.
func Neutralise(s string) string { return safetext.FormulaGuard(s) }
