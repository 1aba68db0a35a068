package main

import (
	"errors"
	"io"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/docx"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/assessment/workbook"
	"github.com/csa-tool/csa/internal/format"
	"github.com/csa-tool/csa/internal/safetext"
)

type reportOptions struct {
	file   string
	format *enumFlag
	table  *enumFlag
	out    string
	asOf   dateFlag
	allow  []string // --catalogues-from
	final  bool
}

func newReportCmd(e *env) *cobra.Command {
	o := &reportOptions{
		table: newEnum(report.TableForm, report.TableActions),
	}
	cmd := &cobra.Command{
		Use:   "report FILE [--format " + strings.Join(reportFormats.Names(), "|") + "] [-o OUT] [--final]",
		Short: "Render the publication: Markdown, HTML, Word, CSV, XLSX or JSON",
		Long: `Report renders one assessment as the document the landlord publishes and
takes to its governing body, with no retyping.

  markdown  (the default) a heading with the landlord, the Code's title and
            version, the assessed date, the period and the approval; the
            introduction; the answers counted per section (must and should
            apart for a Code that has both, as 2022 does); the Ombudsman's
            form section by section; the action plan, overdue actions
            marked; and the governing body's response
  html      the same as one self-contained web page to upload as it is:
            no scripts or external files, a contents list, an anchor on
            every provision (#provision-6.10), readable on a phone, and a
            print style (A4, page numbers, the title in the margin) so that
            "print to PDF" gives a clean document
  docx      the same as a Word document in the Ombudsman's form layout:
            landscape A4, a table per section, header rows repeated on each
            page; csa import reads it back
  csv       the form, one row per provision; with --table actions, the
            action plan, one row per action (RFC 4180, UTF-8 with a
            byte-order mark for Excel; provisions written "Provision 6.10",
            which no spreadsheet takes for the number 6.1)
  xlsx      a workbook that csa import reads back (see below)
  json      the assessment joined with its catalogue, for other tools

For a group's assessment (entities:), every format names the entities at the
top; where an entity answers differently the form shows each entity's answer
and its own text, labelled with its name; the summary counts each entity's
answers; the action plan has an Entity column. csa gaps and csa actions take
--entity NAME for one entity's.

The introduction and the response come from the assessment's optional keys
introduction: (plain paragraphs) and response: (by:, on: and text:).

A draft is an assessment with no approved:, a provision not answered, or an
answer carried from last year still awaiting review (review:). Every format
marks a draft (HTML, Markdown and Word a DRAFT banner, the workbook's Summary
a Status row, JSON "draft": true; CSV has no place for it), and stderr says
so and why. --final refuses a draft: exit 2, nothing written, for the job
that publishes.

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
                   Status, Introduction, Response by, Response on, Response,
                   Overdue as at, Not in the file, Written by csa), then the
                   answers counted per section
Header rows are bold and frozen, with an autofilter; text is Arial 10 and
wraps, rows as tall as their text, with borders; every sheet prints on A4 with
the title and page numbers; dates are real dates; Comply (Yes, No, Partial, N/A), Status (Open, Done) and Draft
(Yes, No) have drop-down lists; overdue actions are shaded and marked in the
Overdue column.

Open actions due before --as-of (default today) are overdue. Rows are in
provision order ("6.9" before "6.10"). Text from the assessment is never a
formula in CSV or XLSX (a CSV cell starting with = + - @, after any spaces
or line breaks, or with a tab or carriage return, gets a ' before it), and
is escaped in HTML and Markdown. The same file and --as-of give the same
bytes, in every format.

FILE may be - for standard input. Without -o (or with -o -) the report goes
to standard output; xlsx and docx refuse to write to a terminal, -o naming
one included. -o replaces OUT whole or not at all (it writes a temporary file,
syncs it and renames it over OUT), and never overwrites the assessment or
the catalogue file it names, by any name (a link, a hard link, the file
standard input comes from).`,
		Example: `  csa report assessment.yaml --format html -o self-assessment.html
  csa report assessment.yaml --format docx --final -o self-assessment.docx
  csa report assessment.yaml --format xlsx -o self-assessment.xlsx
  csa report assessment.yaml --format csv --table actions --as-of 2025-07-01
  csa report assessment.yaml > self-assessment.md`,
		Args: argCount(1, 1, "report needs one assessment FILE: csa report FILE --format "+strings.Join(reportFormats.Names(), "|")),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			if cmd.Flags().Changed("table") && o.format.value != "csv" {
				return usagef("--table applies to --format csv; markdown, html, docx, json and xlsx carry both the form and the action plan")
			}
			return runReport(e, o)
		},
	}
	fs := cmd.Flags()
	o.format = addFormat(fs, reportFormats.Names())
	fs.Var(o.table, "table", "with --format csv: form (one row per provision) or actions (one row per action)")
	fs.StringVarP(&o.out, "output", "o", "", "write to `FILE` instead of standard output (atomically; - is standard output)")
	fs.BoolVar(&o.final, "final", false, "refuse a draft (unapproved, unanswered provisions, or answers awaiting review): exit 2, for a release job")
	addAsOf(fs, &o.asOf)
	addCatalogues(fs, &o.allow)
	return cmd
}

// reportFormats are csa report's formats, the default first: report's
// own, and package workbook's XLSX.
var reportFormats = format.List[report.Publication]{report.Markdown, report.HTML, docx.DOCX, report.CSV, workbook.XLSX, report.JSON}

func runReport(e *env, o *reportOptions) error {
	f, _ := reportFormats.Named(o.format.value)
	t := target{e: e, path: o.out, inputs: []string{o.file}, binary: f.Binary}
	// Checked before the file is read, so nothing is half done.
	if err := t.check(); err != nil {
		return err
	}
	data, err := readInput(e, o.file)
	if err != nil {
		return err
	}
	in := &input{arg: o.file, data: data}
	if err := notAssessment(in, assessment.KindOf(data)); err != nil {
		return err
	}
	folders, err := catalogueFolders(o.allow, o.file)
	if err != nil {
		return err
	}
	file, err := readAssessment(in, folders)
	if err != nil {
		return err
	}
	t.inputs = append(t.inputs, catalogueFiles(file.Catalogue)...)
	p := report.NewPublication(file.Assessment, file.Catalogue, o.asOf.or(e), o.table.value)
	if err := draftRule(e, o, p.Report()); err != nil {
		return err
	}
	return outputError(t.write(func(w io.Writer) error {
		err := f.Write(w, p)
		if err != nil && !isWriteError(err) {
			return usagef("%s", err) // the workbook's own words
		}
		return err
	}))
}

// draftRule applies the draft rule: a draft (see report.DraftReasons) is
// said on stderr, and with --final refused.
func draftRule(e *env, o *reportOptions, r *report.Report) error {
	why := r.DraftReasons()
	if len(why) == 0 {
		return nil
	}
	name := o.file
	if name == "-" {
		name = "standard input"
	}
	reasons := strings.Join(why, "; ")
	if o.final {
		return usagef("%s is a draft: %s; --final renders only an approved, complete and reviewed assessment", safetext.Line(name), reasons)
	}
	mark := "the report is marked DRAFT"
	if o.format.value == "csv" {
		mark = "CSV has no place to mark it, so say so wherever it goes"
	}
	e.notef("%s is a draft: %s; %s", safetext.Line(name), reasons, mark)
	return nil
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
