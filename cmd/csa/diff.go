package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment/diff"
	"github.com/csa-tool/csa/internal/english"
)

type diffOptions struct {
	old, new         string
	format           *enumFlag
	asOf             dateFlag
	exitCode         bool
	failOnRegression bool
	out              string
	catalogs         []string // --catalogues-from
}

func newDiffCmd(e *env) *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Compare two assessments: what changed since last year, across Code versions too",
		Long: `Diff compares last year's assessment (OLD) with this year's (NEW) and says what
changed: a summary with the count in each class, then the changes section by
section.

For a group's assessment (entities:), an entity added or removed between the
years is named at the top, and each entity's own answer is compared with what
it gave last year (its own answer, or the group's it gave): "for Calder Vale
Living: improved: Partial → Yes". An entity's own answer that regressed counts
for --fail-on-regression as a provision's does; the open actions of an entity
no longer listed do not (its plan left the group with it). csa gaps and csa
actions take --entity to list one entity's.

Each provision's answer is improved (no → partial → yes), regressed (the other
way), changed (to or from n/a, or to or from no answer: neither better nor
worse, so shown with both answers) or unchanged. Changes to evidence,
commentary and alternative are shown word by word in text, as
[-removed-]{+added+}. Markdown and HTML show them sentence by sentence: a
small edit word by word, a sentence or passage more than half changed whole,
old then new, and a text changed throughout as it was and as it is (Was:,
Now:); removed and added text is marked in words as well as styling
([removed: ~~…~~] [added: <ins>…</ins>] in Markdown, <del> and <ins> with
hidden words for a screen reader in HTML). Spacing alone is no change. A
changed requirement (your copy of the Code's wording) is noted, not shown.

Actions are matched with last year's by their wording, within the provision
and the provisions it continues: added, completed (open last year, done this
year), dropped (open last year and gone this year), slipped (still open and
due later, by how many days), reopened (done last year, open again), amended
(wording, owner, due date or provision), and newly overdue (open and past its
due date at --as-of, but not overdue when OLD was assessed; shown, but by
itself not a difference between the files).

When OLD and NEW are against different Codes (chc-2022 and chc-2024, either
way round, or a catalogue file of your own and the one it supersedes),
provisions are matched through the newer catalogue's lineage (csa codes 2024 ID
shows it): a provision that continues several is compared with the weakest
answer among them; provisions with no predecessor are new, those with no
successor retired; low-confidence matches are marked. A provision that now
asks more than the one it continues can regress with no change in practice:
each match's note says what changed.

OLD and NEW are files ("-" is standard input), or REV:PATH for a file as it was
in a git revision, read with git show from the current folder: PATH is from
the top of the repository, or from the current folder when it starts with ./
(as git reads it). A file that exists is always read as a file, even with a
colon in its name.

Formats: text, markdown (for a board paper or a pull-request comment), html
(one page for the board, with the report's look and print layout) and json.
Markdown and HTML open with a title, the landlord, the Code and the as-at
date, write dates as the report does (30 September 2025) and name each
provision with its short title (6.3 Stage 1 response within 10 working days).

Exits 0 when it ran, whatever changed; with --exit-code, 1 when anything
differs; with --fail-on-regression, 1 when a provision regressed or an open
action was dropped (named on stderr); 2 when it cannot run (a bad flag or
revision, an unreadable or invalid assessment, Codes that cannot be lined up),
with the reason in one line on stderr. A file compared with itself has no
changes, so exits 0 even with --exit-code.`,
		Example: `  csa diff examples/millbrook-2023-24.yaml examples/millbrook-2024-25.yaml --as-of 2025-07-01
  csa diff v2024:assessment.yaml assessment.yaml --format markdown -o changes.md
  csa diff last-year.yaml assessment.yaml --format html -o changes.html
  csa diff HEAD~1:assessment.yaml assessment.yaml --fail-on-regression`,
		Args: argCount(2, 2, "diff needs two assessments, last year's then this year's: csa diff OLD NEW"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.old, o.new = args[0], args[1]
			return runDiff(e, o)
		},
	}
	fs := cmd.Flags()
	o.format = addFormat(fs, diff.Formats.Names())
	addAsOf(fs, &o.asOf)
	fs.BoolVar(&o.exitCode, "exit-code", false, "exit 1 when anything differs")
	fs.BoolVar(&o.failOnRegression, "fail-on-regression", false, "exit 1 when a provision regressed or an open action was dropped")
	fs.StringVarP(&o.out, "output", "o", "", "write to FILE instead of standard output")
	addCatalogues(fs, &o.catalogs)
	return cmd
}

func runDiff(e *env, o *diffOptions) error {
	if o.old == "-" && o.new == "-" {
		return usagef("only one of OLD and NEW can be standard input (-)")
	}
	// The output is checked before the work, so a mistake costs one line.
	if err := (target{e: e, path: o.out, inputs: []string{o.old, o.new}}).check(); err != nil {
		return err
	}
	folders, err := catalogueFolders(o.catalogs, o.old, o.new)
	if err != nil {
		return err
	}
	old, oldIn, err := loadArg(e, o.old, folders)
	if err != nil {
		return err
	}
	new, newIn, err := loadArg(e, o.new, folders)
	if err != nil {
		return err
	}
	oldA, oldCat, newA, newCat := old.Assessment, old.Catalogue, new.Assessment, new.Catalogue
	d, err := diff.Compare(oldA, oldCat, newA, newCat, o.asOf.or(e))
	if err != nil {
		return usagef("cannot compare %s with %s: %s", o.old, o.new, err)
	}
	var inputs []string
	for _, in := range []*input{oldIn, newIn} {
		if f := in.file(); f != "" {
			inputs = append(inputs, f)
		}
	}
	inputs = append(inputs, catalogueFiles(oldCat, newCat)...)
	err = target{e: e, path: o.out, inputs: inputs}.write(func(w io.Writer) error {
		f, _ := diff.Formats.Named(o.format.value)
		return f.Write(w, d)
	})
	// A failed write to standard output is run's to report (target words
	// one to -o FILE); a regression still decides the status.
	if err != nil && !isWriteError(err) {
		return err
	}
	failed := false
	if o.failOnRegression && d.Regressed() {
		e.notef("%s", regressionLine(d))
		failed = true
	}
	if failed || (o.exitCode && d.Differs()) {
		return errFindings
	}
	return err
}

// regressionLine says what --fail-on-regression failed on.
func regressionLine(d *diff.Diff) string {
	var regressed, dropped []string
	for _, p := range d.Provisions {
		if p.Class == diff.Regressed {
			id := p.ID
			if p.LowConfidence() {
				id += " through a low-confidence match"
			}
			regressed = append(regressed, id)
		}
		for _, en := range p.Entities {
			if en.Class == diff.Regressed {
				regressed = append(regressed, p.ID+" for "+en.Name)
			}
		}
		for _, a := range p.Actions {
			if a.Kind == diff.Dropped && !a.EntityRemoved {
				dropped = append(dropped, a.OldProvision)
			}
		}
	}
	var parts []string
	if n := len(regressed); n > 0 {
		parts = append(parts, fmt.Sprintf("%s regressed (%s)", english.Count(n, "provision", "provisions"), strings.Join(regressed, ", ")))
	}
	if n := len(dropped); n > 0 {
		parts = append(parts, fmt.Sprintf("%s dropped (%s in %s)", english.Count(n, "open action was", "open actions were"), strings.Join(dropped, ", "), d.Old.File))
	}
	return strings.Join(parts, "; ")
}
