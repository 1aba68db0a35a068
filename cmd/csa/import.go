package main

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/importer"
	"github.com/csa-tool/csa/internal/safetext"
)

type importOptions struct {
	file     string
	code     string
	landlord string
	assessed dateFlag
	sheet    string
	prose    bool
	out      string
	force    bool
	catalogs []string // --catalogues-from
}

func newImportCmd(e *env) *cobra.Command {
	o := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE [--code C] [--landlord N] [--assessed D] [--sheet S] [--actions-from-prose] [-o OUT]",
		Short: "Turn a Word, Excel, CSV or text self-assessment into assessment YAML",
		Long: `Import reads a self-assessment a landlord already has and writes it as
assessment YAML. The file's extension chooses the reader (FILE - reads
standard input, whose bytes say what it is):

  .docx        csa's own report document (report -f docx), read back whole;
               or the tables of a Word document; or, with no table csa
               knows, the stacked layout in its paragraphs
  .xlsx        csa's own report workbook, read back whole; or any sheet whose
               header row csa recognises, or that is in the stacked layout
               (--sheet to read one sheet only)
  .csv         comma-, semicolon- or tab-separated values, csa's own CSV
               form among them
  .txt, other  text: tab-separated rows as copied from a published table,
               or the stacked layout: each provision a run of labelled lines
               ("Code provision 6.1", "Code requirement", "Comply", "Yes",
               "Evidence", ...), a label's value on its next line, after a
               colon or after a tab

Headers are recognised in their usual variants: Code provision / Code section /
Provision / Ref / No.; Code requirement / Requirement; Comply: Yes / No /
Compliance / Compliant? / Do we comply?; Evidence; Commentary / explanation /
Comments; Evidence, commentary and any explanations; Action required /
Action(s); Action owner / Owner / Lead officer; Completion date / Target date /
Due; Status / Progress; Date completed. A table of provision, action, owner
and date alone is an action plan: its rows join the answers.

Answers may be written Yes, Yes., YES, Y, Compliant, No, Not compliant,
Partial, Partially compliant, Yes - partially, N/A, Not applicable, or as
tick boxes (Yes ☒ No ☐); anything else, and a blank, stays unanswered and is
reported. Dates may be 2025-05-31, 31 May 2025, 31/05/2025 (day first), May
2025 (the month's end), 2025/26 (31 March 2026), Q3 2025/26 (the financial
quarter's end) or a spreadsheet's date cell; "Complete" or "Completed" in a
date column marks the action done. HTML left in cells becomes plain text;
lettered items and bullets stay lines of one requirement. Rows split by page
breaks are joined; a row whose number was lost is matched to a provision by
its wording and place, and reported as guessed; a spreadsheet's 6.1 after
6.9 is read as 6.10. Numbers inside the evidence (policy clause 3.4) are
never taken for provisions.

Without --code the Code is decided from the provision numbers, the columns
(one evidence column or two), must and should tables, a title and dates,
and stderr says how; when they do not decide it, import stops and asks for
--code. Documents against the 2020 Code (its questionnaire) or the Local
Government and Social Care Ombudsman's code are refused.

Nothing is dropped: a cell with no place in an assessment is kept in the
answer's commentary under its column's header, and the landlord's own
wording of each provision is kept in requirement. Stderr lists every guess
and every cell that could not be mapped, with its line or row, then a count
of what was imported: review them.

--landlord and --assessed are needed unless the document says them
("Landlord: ...", "Date of assessment: ...", in a paragraph or in two
cells); when neither gives the date, a Word or Excel file's last-saved date
is used, and stderr says so. "Approved by" and "Date approved" (or
"Approved by the Board on 26 June 2025") fill in the approval.

With --actions-from-prose, the evidence of a no or partial answer that has
no action is read for work it promises ("will be", "is planned", "is to
be", "is required", "by March 2026"): each such sentence becomes a draft
action, due on the date it names, without an owner, so csa check still asks
for one.

Without -o the YAML goes to standard output. An existing file is not
overwritten unless --force is given, and the input never is; the file is
written whole or not at all.

Exits 2 when the file cannot be read or imported (unsupported format, damaged
or empty file, no table found, Code unknown or not decidable, landlord or
date missing), with one line saying why.`,
		Example: `  csa import self-assessment.docx --landlord "Example Homes" --assessed 2025-05-31 -o assessment.yaml
  csa import published.txt --code 2022 --landlord "Example Council" --assessed 2023-06-30
  csa import report.xlsx -o back.yaml`,
		Args: argCount(1, 1, "import needs one FILE to read (.docx, .xlsx, .csv or text)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			return runImport(e, o)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.code, "code", "", "the Code assessed against: chc-2024, chc-2022 (or 2024, 2022) or a catalogue file (default: decided from the document)")
	fs.StringVar(&o.landlord, "landlord", "", "the landlord's name (default: from the document)")
	fs.Var(&o.assessed, "assessed", "the date the assessment was completed, YYYY-MM-DD (default: from the document)")
	fs.StringVar(&o.sheet, "sheet", "", "read only this sheet of an Excel workbook")
	fs.BoolVar(&o.prose, "actions-from-prose", false, "draft actions, without owners, from the work the evidence of no and partial answers promises")
	fs.StringVarP(&o.out, "output", "o", "", "write to FILE instead of standard output")
	fs.BoolVar(&o.force, "force", false, "overwrite FILE if it exists")
	addCatalogues(fs, &o.catalogs)
	return cmd
}

func runImport(e *env, o *importOptions) error {
	if _, err := importer.FormatOf(o.file); err != nil {
		return usagef("%s", err)
	}
	// The input, and the landlord's own catalogue when --code names one, are
	// never overwritten.
	t := target{e: e, path: o.out, inputs: []string{o.file}, exclusive: !o.force}
	if o.code != "" {
		cat, err := lookupCode(o.code)
		if err != nil {
			return err
		}
		t.inputs = append(t.inputs, catalogueFiles(cat)...)
	}
	// The output is checked before the work, so a mistake costs one line.
	if err := t.check(); err != nil {
		return err
	}
	folders, err := catalogueFolders(o.catalogs, o.file)
	if err != nil {
		return err
	}
	limit := int64(maxText)
	if format, _ := importer.FormatOf(o.file); format == "docx" || format == "xlsx" || o.file == "-" {
		limit = maxDocument
	}
	data, err := readLimited(e, o.file, limit)
	if err != nil {
		return err
	}
	name := o.file
	if name == "-" {
		name = importer.Stdin
	}
	res, err := importer.Import(name, data, importer.Options{
		Code: o.code, Landlord: o.landlord, Assessed: o.assessed.date, Sheet: o.sheet, ActionsFromProse: o.prose, Catalogues: folders,
	})
	if err != nil {
		return usagef("%s", err)
	}
	say(e.stderr, name+": "+res.Decision)
	for _, n := range res.Notes {
		say(e.stderr, n.Format(name))
	}
	a := res.Assessment
	if res.Catalogue.Source != "embedded" && o.code != "" {
		// A catalogue file is found from the assessment's folder: name it
		// from where the YAML is written.
		a.Code = catalogueRef(res.Catalogue.Source, o.out, o.code)
	}
	say(e.stderr, name+": "+summary(a))
	header := fmt.Sprintf(`Imported by csa from %s (%s).
Review it against the document: csa import listed what it guessed and what it
kept in commentary because it had no place for it. Then run: csa check FILE`, safetext.Line(filepath.Base(name)), safetext.Line(res.Catalogue.Title))
	comment := func(id string) string {
		if why, ok := res.Guessed[id]; ok {
			return fmt.Sprintf("%s: provision number guessed (%s): check it", id, why)
		}
		return ""
	}
	t.inputs = append(t.inputs, catalogueFiles(res.Catalogue)...)
	return t.write(func(w io.Writer) error {
		return assessment.Encode(w, a, assessment.EncodeOptions{Header: header, Comment: comment})
	})
}

// summary counts what was imported: provisions by answer, and actions.
func summary(a *assessment.Assessment) string {
	count := map[assessment.Comply]int{}
	acts, done, drafts := 0, 0, 0
	for _, ans := range a.Answers {
		count[ans.Comply]++
		for _, act := range ans.Actions {
			acts++
			if act.Status == assessment.Done {
				done++
			}
			if act.Draft {
				drafts++
			}
		}
	}
	s := fmt.Sprintf("imported %s (%d yes, %d partial, %d no, %d n/a, %d unanswered) and %s (%d done",
		plural(len(a.Answers), "provision"), count[assessment.Yes], count[assessment.Partial], count[assessment.No], count[assessment.NA],
		count[assessment.Unanswered], plural(acts, "action"), done)
	if drafts > 0 {
		s += ", " + plural(drafts, "draft")
	}
	return s + ")"
}
