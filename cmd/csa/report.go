package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/assessment/workbook"
)

type reportOptions struct {
	file   string
	format *enumFlag
	table  *enumFlag
	out    string
	asOf   dateFlag
}

func newReportCmd(e *env) *cobra.Command {
	o := &reportOptions{
		format: newEnum("markdown", "html", "csv", "xlsx", "json"),
		table:  newEnum(report.TableForm, report.TableActions),
	}
	cmd := &cobra.Command{
		Use:   "report FILE --format markdown|html|csv|xlsx|json [-o OUT]",
		Short: "Render the publication: Markdown, HTML, CSV, XLSX or JSON",
		Long: `Report renders one assessment as the document the landlord publishes and
takes to its governing body, with no retyping.

  markdown  heading (landlord, Code, assessed date, period, approval), the
            answers counted per section, the Ombudsman's form section by
            section, and the action plan
  html      the same as one self-contained web page to upload as it is:
            no scripts or external files, readable on a phone, and a print
            style so that "print to PDF" gives a clean document
  csv       the form, one row per provision (--table actions: the action
            plan, one row per action)
  xlsx      a workbook with sheets "Self-assessment", "Action plan" and
            "Summary", with drop-down lists, that csa import reads back
  json      the assessment joined with its catalogue, for other tools

The 2024 form's columns are Code provision | Code requirement | Comply: Yes / No
| Evidence | Commentary / explanation; a Code with "should" provisions (2022)
gets its form's must and should tables and single evidence column.

Open actions due before --as-of (default today) are marked overdue. The same
file and --as-of give the same bytes in every format but xlsx. FILE may be -
for standard input. Without -o the report goes to standard output; xlsx
refuses to write to a terminal. -o never overwrites the input.`,
		Example: `  csa report assessment.yaml --format html -o self-assessment.html
  csa report assessment.yaml --format xlsx -o self-assessment.xlsx
  csa report assessment.yaml --format csv --table actions --as-of 2025-07-01`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			if cmd.Flags().Changed("table") && o.format.value != "csv" {
				return usagef("--table applies to --format csv; markdown, html, json and xlsx carry both the form and the action plan")
			}
			return runReport(e, o)
		},
	}
	fs := cmd.Flags()
	fs.VarP(o.format, "format", "f", "output format: markdown, html, csv, xlsx or json")
	fs.Var(o.table, "table", "with --format csv: form (one row per provision) or actions (one row per action)")
	fs.StringVarP(&o.out, "output", "o", "", "write to FILE instead of standard output (atomically)")
	addAsOf(fs, &o.asOf)
	return cmd
}

func runReport(e *env, o *reportOptions) error {
	a, cat, err := loadAssessment(e, o.file)
	if err != nil {
		return err
	}
	asOf := o.asOf.or(e)
	t := target{e: e, path: o.out, inputs: []string{o.file}, binary: o.format.value == "xlsx"}
	if o.format.value == "xlsx" {
		return t.write(func(w io.Writer) error {
			if err := workbook.Write(w, a, cat, asOf); err != nil {
				return usagef("cannot write the workbook: %s", err)
			}
			return nil
		})
	}
	r := report.New(a, cat, asOf)
	return t.write(func(w io.Writer) error {
		switch o.format.value {
		case "html":
			return report.WriteHTML(w, r)
		case "csv":
			return report.WriteCSV(w, r, o.table.value)
		case "json":
			return report.WriteJSON(w, r)
		}
		return report.WriteMarkdown(w, r)
	})
}
