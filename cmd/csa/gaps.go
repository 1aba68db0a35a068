package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/assessment/table"
)

// listFormats are the formats of csa gaps and csa actions, the default first.
var listFormats = []string{"table", "markdown", "csv", "json"}

type gapsOptions struct {
	paths  []string
	format *enumFlag
	asOf   dateFlag
	allow  []string // --catalogues-from
}

func newGapsCmd(e *env) *cobra.Command {
	o := &gapsOptions{format: newEnum(listFormats...)}
	cmd := &cobra.Command{
		Use:   "gaps [PATH...]",
		Short: "List the provisions not complied with, and their plans",
		Long: `Gaps lists every provision on the Code's form that an assessment answers no or
partial, or does not answer (a blank comply, or missing from the file), with
its plan: each action (owner, due date, open, done or overdue) and any
alternative. A gap with no action that has an owner and a due date, and no
alternative, says "No plan".

PATH is a file or a folder, searched as csa check searches it (default .);
a YAML file in a folder that is not an assessment is skipped with a note. With
several landlords a Landlord column appears, and a File column when one
landlord has several files. Rows are ordered by landlord, assessment and
provision.

Formats: table (for the terminal, with a closing count of gaps and of gaps
without a plan), markdown, csv (columns: [Landlord,] [File,] Provision,
Comply, Requirement, Plan; Comply is No, Partial, Not answered, or Missing
when the file has no answer; a cell starting with = + - @, after any spaces
or line breaks, gets a ' before it) and json (every field: obligation,
evidence, commentary, has_plan, actions). --as-of D (default today) decides
which open actions are overdue.

A gap is not an error: the exit status is 0 (use csa check to fail a build
on a gap without a plan).`,
		Example: `  csa gaps assessment.yaml
  csa gaps assessments/ --format csv > gaps.csv
  csa gaps assessments/ --format markdown --as-of 2025-07-01 > gaps.md`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			if len(o.paths) == 0 {
				o.paths = []string{"."}
			}
			return runGaps(e, o)
		},
	}
	fs := cmd.Flags()
	fs.VarP(o.format, "format", "f", "output format: table, markdown, csv or json")
	addAsOf(fs, &o.asOf)
	addCatalogues(fs, &o.allow)
	return cmd
}

func runGaps(e *env, o *gapsOptions) error {
	entries, files, err := loadEntries(e, o.paths, o.allow)
	if err != nil {
		return err
	}
	asOf := o.asOf.or(e)
	gaps := assessment.Gaps(entries)
	listing := report.GapsListing(gaps, report.ColumnsFor(entries), asOf)
	return outputError(target{e: e, inputs: files}.write(func(w io.Writer) error {
		switch o.format.value {
		case "markdown":
			if len(gaps) == 0 {
				_, err := fmt.Fprintln(w, "No gaps: every provision on the form is answered yes or n/a.")
				return err
			}
			return listing.WriteMarkdown(w)
		case "csv":
			return listing.WriteCSV(w)
		case "json":
			return report.WriteGapsJSON(w, gaps, asOf)
		}
		if len(gaps) == 0 {
			_, err := fmt.Fprintf(w, "No gaps: every provision on the form is answered yes or n/a in %s.\n", plural(len(entries), "assessment"))
			return err
		}
		if err := table.Write(w, listing.Header, listing.Rows, 44); err != nil {
			return err
		}
		noPlan := 0
		for _, g := range gaps {
			if !g.HasPlan() {
				noPlan++
			}
		}
		_, err := fmt.Fprintf(w, "%s in %s, %d without a plan\n", plural(len(gaps), "gap"), plural(len(entries), "assessment"), noPlan)
		return err
	}))
}

// loadEntries reads every assessment the paths name, with its catalogue.
// Folders are searched as check searches them; a file found in a folder that
// is not an assessment (a CI workflow, a catalogue) is skipped with a note.
// An assessment that cannot be read stops the command, as for report.
func loadEntries(e *env, paths, allow []string) ([]assessment.Entry, []string, error) {
	files, found, err := collect(paths)
	if err != nil {
		return nil, nil, err
	}
	folders, err := catalogueFolders(allow, paths...)
	if err != nil {
		return nil, nil, err
	}
	var entries []assessment.Entry
	for _, f := range files {
		if found[f] {
			data, err := readLimited(e, f, maxText)
			if err != nil {
				return nil, nil, err
			}
			if ok, why := assessment.LooksLikeAssessment(data); !ok {
				e.notef("skipping %s: %s", f, why)
				continue
			}
		} else if err := notAssessment(f); err != nil {
			return nil, nil, err
		}
		a, cat, err := loadAssessment(e, f, folders)
		if err != nil {
			return nil, nil, err
		}
		entries = append(entries, assessment.Entry{Assessment: a, Catalogue: cat})
	}
	if len(entries) == 0 {
		return nil, nil, usagef("no assessments found in %s", strings.Join(paths, ", "))
	}
	return entries, files, nil
}

// notAssessment says in one line that a file named on the command line is
// not an assessment at all (a CI workflow, a catalogue, a spreadsheet),
// rather than list every key it lacks. A file that cannot be read, an empty
// one, and standard input are left to loadAssessment to report.
func notAssessment(path string) error {
	if path == "-" {
		return nil
	}
	data, err := readLimited(nil, path, maxText)
	if err != nil || len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	if ok, why := assessment.LooksLikeAssessment(data); !ok {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".xlsx", ".docx", ".csv", ".txt":
			return usagef("%s: %s; csa import %s makes one from it", path, why, path)
		}
		return usagef("%s: %s", path, why)
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
