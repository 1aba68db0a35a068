package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/importer"
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
}

func newImportCmd(e *env) *cobra.Command {
	o := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import FILE [--code C] [--landlord N] [--assessed D] [--sheet S] [--actions-from-prose] [-o OUT]",
		Short: "Turn a Word, Excel, CSV or text self-assessment into assessment YAML",
		Long: `Import reads a self-assessment a landlord already has and writes it as
assessment YAML. The file's extension chooses the reader:

  .docx        the tables of a Word document
  .xlsx        csa's own report workbook, or any sheet whose header row csa
               recognises (--sheet to choose one)
  .csv         comma-, semicolon- or tab-separated values
  other        text: tab-separated rows as copied from a published table, or
               the stacked layout ("Code provision 6.1", "Comply", "Yes",
               "Evidence", ... on lines of their own)

Headers are recognised in their usual variants: Code provision / Code section /
Provision; Code requirement; Comply: Yes / No / Compliance / Do we comply?;
Evidence; Commentary / explanation; Evidence, commentary and any explanations;
Action required; Action owner / Owner; Completion date / Target date / Due;
Status. Answers may be written Yes, Yes., Y, No, Partial, Partially compliant,
N/A, Not applicable; a blank stays unanswered. Dates may be 2025-05-31,
31 May 2025, 31/05/2025 (day first), May 2025 (the month's end), 2025/26
(31 March 2026) or Q3 2025/26 (the financial quarter's end); "Complete" in a
date column marks the action done. Rows split by page breaks are joined; a
row whose number was lost is matched to a provision by its wording and place.

Without --code the Code is decided from the provision numbers, the columns,
must and should tables and dates, and stderr says how. Documents against the
2020 Code or the Local Government and Social Care Ombudsman's code are refused.

Nothing is dropped: a cell with no place in an assessment is kept in the
answer's commentary under its column's header. Stderr lists every guess and
every cell that could not be mapped, with its line or row: review them.

--landlord and --assessed are needed unless the document says them ("Landlord:
...", "Date of assessment: ..."); a Word or Excel file's last-saved date is
taken as the assessed date, and stderr says so.

With --actions-from-prose, sentences in the evidence of a no or partial answer
with no action columns that promise work ("will be", "is planned", "by March
2026") become draft actions, without an owner, so csa check still asks for one.

Without -o the YAML goes to standard output. An existing file is not
overwritten unless --force is given, and the input never is.

Exits 2 when the file cannot be read or imported (unsupported format, damaged
file, no table found, Code unknown or not decidable, landlord or date missing).`,
		Example: `  csa import self-assessment.docx --landlord "Example Homes" --assessed 2025-05-31 -o assessment.yaml
  csa import published.txt --code 2022 --landlord "Example Council" --assessed 2023-06-30
  csa import report.xlsx -o back.yaml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("import needs one FILE to read (.docx, .xlsx, .csv or text)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.file = args[0]
			return runImport(e, o)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.code, "code", "", "the Code assessed against: chc-2024, chc-2022 (or 2024, 2022) or a catalogue file (default: decided from the document)")
	fs.StringVar(&o.landlord, "landlord", "", "the landlord's name (default: from the document)")
	fs.Var(&o.assessed, "assessed", "the date the assessment was completed, YYYY-MM-DD (default: from the document)")
	fs.StringVar(&o.sheet, "sheet", "", "XLSX: read only this sheet")
	fs.BoolVar(&o.prose, "actions-from-prose", false, "draft actions from promises in the evidence of no and partial answers")
	fs.StringVarP(&o.out, "output", "o", "", "write to FILE instead of standard output")
	fs.BoolVar(&o.force, "force", false, "overwrite FILE if it exists")
	return cmd
}

func runImport(e *env, o *importOptions) error {
	if _, err := importer.FormatOf(o.file); err != nil {
		return usagef("%s", err)
	}
	if o.code != "" {
		if _, err := lookupCode(o.code); err != nil {
			return err
		}
	}
	if o.out != "" && o.out != "-" && !o.force {
		if info, err := os.Stat(o.out); err == nil && !info.IsDir() {
			if in, err := os.Stat(o.file); err == nil && os.SameFile(in, info) {
				return usagef("-o %s is the input file; refusing to overwrite it", o.out)
			}
			return usagef("%s already exists; choose another name or use --force to overwrite it", o.out)
		}
	}
	data, err := readInput(e, o.file)
	if err != nil {
		return err
	}
	name := o.file
	if name == "-" {
		name = "<stdin>"
	}
	res, err := importer.Import(name, data, importer.Options{
		Code: o.code, Landlord: o.landlord, Assessed: o.assessed.date, Sheet: o.sheet, ActionsFromProse: o.prose,
	})
	if err != nil {
		return usagef("%s", err)
	}
	fmt.Fprintf(e.stderr, "%s: %s\n", name, res.Decision)
	for _, n := range res.Notes {
		fmt.Fprintln(e.stderr, n.Format(name))
	}
	a := res.Assessment
	fmt.Fprintf(e.stderr, "%s: %s\n", name, summary(a))
	header := fmt.Sprintf(`Imported by csa from %s (%s).
Review it against the document: csa import listed what it guessed and what it
kept in commentary because it had no place for it. Then run: csa check FILE`, filepath.Base(name), res.Catalogue.Title)
	comment := func(id string) string {
		if why, ok := res.Guessed[id]; ok {
			return fmt.Sprintf("%s: provision number guessed (%s): check it", id, why)
		}
		return ""
	}
	return target{e: e, path: o.out, inputs: []string{o.file}}.write(func(w io.Writer) error {
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
		countOf(len(a.Answers), "provision"), count[assessment.Yes], count[assessment.Partial], count[assessment.No], count[assessment.NA],
		count[assessment.Unanswered], countOf(acts, "action"), done)
	if drafts > 0 {
		s += fmt.Sprintf(", %d drafts", drafts)
	}
	return s + ")"
}

// countOf is "1 action" or "3 actions".
func countOf(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
