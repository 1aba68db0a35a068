package main

import (
	"errors"
	"io"
	"io/fs"

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
	allow  []string // --catalogues-from
}

func newReportCmd(e *env) *cobra.Command {
	o := &reportOptions{
		format: newEnum("markdown", "html", "csv", "xlsx", "json"),
		table:  newEnum(report.TableForm, report.TableActions),
	}
	cmd := &cobra.Command{
		Use:   "report FILE [--format markdown|html|csv|xlsx|json] [-o OUT]",
		Short: "Render the publication: Markdown, HTML, CSV, XLSX or JSON",
		Long: `Report renders one assessment as the document the landlord publishes and
takes to its governing body, with no retyping.

  markdown  (the default) a heading with the landlord, the Code's title and
            version, the assessed date, the period and the approval; the
            answers counted per section (must and should apart for a Code
            that has both, as 2022 does); the Ombudsman's form section by
            section; and the action plan, overdue actions marked
  html      the same as one self-contained web page to upload as it is:
            no scripts or external files, readable on a phone, and a print
            style so that "print to PDF" gives a clean document
  csv       the form, one row per provision; with --table actions, the
            action plan, one row per action (RFC 4180, UTF-8)
  xlsx      a workbook that csa import reads back (see below)
  json      the assessment joined with its catalogue, for other tools

The form keeps the Ombudsman's column names. 2024: Code provision | Code
requirement | Comply: Yes / No | Evidence | Commentary / explanation. 2022:
Code section | Code requirement | Comply: Yes/No | Evidence, commentary and
any explanations, in a must table and a should table per section. The Code
requirement column shows the answer's requirement (the landlord's copy of the
wording), else the text of the landlord's own catalogue, else csa's summary,
and the report says when summaries are shown.

CSV columns, form: Code provision, Section, Section title, Obligation, Code
requirement, Requirement source, Comply, Evidence, Commentary / explanation,
Alternative, Review. Actions: Code provision, Action, Owner, Due, Status,
Completed, Draft, Overdue, Days overdue.

The XLSX sheets and their column headers are stable (csa import reads them):
  Self-assessment  Code provision, Section, Obligation, Code requirement,
                   Requirement source, Comply, Evidence, Commentary /
                   explanation, Alternative, Review
  Action plan      Code provision, Action, Owner, Due, Status, Completed,
                   Draft, Overdue, Days overdue
  Summary          the assessment's facts (Landlord, Code, Code title,
                   Assessed, Period, Approved by, Approved on, Published,
                   Overdue as at, Not in the file, Written by csa), then the
                   answers counted per section
Header rows are bold and frozen, with an autofilter; text wraps; dates are
real dates; Comply (Yes, No, Partial, N/A), Status (Open, Done) and Draft
(Yes, No) have drop-down lists; overdue actions are shaded and marked in the
Overdue column.

Open actions due before --as-of (default today) are overdue. Rows are in
provision order ("6.9" before "6.10"). Text from the assessment is never a
formula in CSV or XLSX (a CSV cell starting with = + - @, after any spaces
or line breaks, or with a tab or carriage return, gets a ' before it), and
is escaped in HTML and Markdown. The same file and --as-of give the same
bytes, in every format.

FILE may be - for standard input. Without -o (or with -o -) the report goes
to standard output; xlsx refuses to write to a terminal, -o naming one
included. -o replaces OUT whole or not at all (it writes a temporary file,
syncs it and renames it over OUT), and never overwrites the assessment or
the catalogue file it names, by any name (a link, a hard link, the file
standard input comes from).`,
		Example: `  csa report assessment.yaml --format html -o self-assessment.html
  csa report assessment.yaml --format xlsx -o self-assessment.xlsx
  csa report assessment.yaml --format csv --table actions --as-of 2025-07-01
  csa report assessment.yaml > self-assessment.md`,
		Args: argCount(1, 1, "report needs one assessment FILE: csa report FILE --format markdown|html|csv|xlsx|json"),
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
	fs.StringVarP(&o.out, "output", "o", "", "write to `FILE` instead of standard output (atomically; - is standard output)")
	addAsOf(fs, &o.asOf)
	addCatalogues(fs, &o.allow)
	return cmd
}

func runReport(e *env, o *reportOptions) error {
	xlsx := o.format.value == "xlsx"
	t := target{e: e, path: o.out, inputs: []string{o.file}}
	if xlsx {
		t.binary = "an XLSX workbook"
	}
	// Checked before the file is read, so nothing is half done.
	if err := t.check(); err != nil {
		return err
	}
	if err := notAssessment(o.file); err != nil {
		return err
	}
	folders, err := catalogueFolders(o.allow, o.file)
	if err != nil {
		return err
	}
	a, cat, err := loadAssessment(e, o.file, folders)
	if err != nil {
		return err
	}
	t.inputs = append(t.inputs, catalogueFiles(cat)...)
	asOf := o.asOf.or(e)
	if xlsx {
		return outputError(t.write(func(w io.Writer) error {
			if err := workbook.Write(w, a, cat, asOf); err != nil {
				if isWriteError(err) {
					return err
				}
				return usagef("cannot write the workbook: %s", err)
			}
			return nil
		}))
	}
	r := report.New(a, cat, asOf)
	return outputError(t.write(func(w io.Writer) error {
		switch o.format.value {
		case "html":
			return report.WriteHTML(w, r)
		case "csv":
			return report.WriteCSV(w, r, o.table.value)
		case "json":
			return report.WriteJSON(w, r)
		}
		return report.WriteMarkdown(w, r)
	}))
}

// outputError words a failure to write to standard output (a full disk, a
// closed pipe) for a person, not as Go's "write /dev/stdout: ...". Writes to
// -o FILE go to memory first, and target words their failures itself.
func outputError(err error) error {
	if isWriteError(err) {
		return usagef("cannot write to standard output: %s", reason(err))
	}
	return err
}

func isWriteError(err error) bool {
	var pe *fs.PathError
	return errors.As(err, &pe)
}
