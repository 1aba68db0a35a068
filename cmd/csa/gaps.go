package main

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/load"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/internal/english"
)

type gapsOptions struct {
	paths  []string
	format *enumFlag
	asOf   dateFlag
	allow  []string // --catalogues-from
	entity string
}

func newGapsCmd(e *env) *cobra.Command {
	o := &gapsOptions{}
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
landlord has several files. When an assessment covers a group's entities,
each gap is listed for the entities that have it, in an Entity column ("All
entities", or their names), and --entity NAME lists one entity's gaps, from
the assessments that list it (the others are left out, with a note).
Rows are ordered by landlord, assessment and provision.

Formats: table (for the terminal, with a closing count of gaps and of gaps
without a plan); markdown and html (a paper for the board: a title naming
the landlord and the Code, the period and the as-at date, a count, then the
table, with dates written out (30 September 2025) and each provision with
its short title; several assessments are a part each, under its own
heading; the HTML page has the report's look and print layout); csv
(columns: [Landlord,] [File,] [Entity,] Provision, Comply, Requirement, Plan; Comply
is No, Partial, Not answered, or Missing when the file has no answer; as
the report's CSV, it starts with a byte-order mark and writes each provision
as "Provision 6.10", and a cell starting with = + - @, after any spaces or
line breaks, gets a ' before it) and json (every field: obligation,
evidence, commentary, has_plan, actions). --as-of D (default today) decides
which open actions are overdue.

A gap is not an error: the exit status is 0 (use csa check to fail a build
on a gap without a plan).`,
		Example: `  csa gaps assessment.yaml
  csa gaps assessments/ --format csv > gaps.csv
  csa gaps assessments/ --format markdown --as-of 2025-07-01 > gaps.md
  csa gaps assessment.yaml --format html > gaps.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			if len(o.paths) == 0 {
				o.paths = []string{"."}
			}
			return runGaps(e, o)
		},
	}
	fs := cmd.Flags()
	o.format = addFormat(fs, report.GapsFormats.Names())
	addAsOf(fs, &o.asOf)
	addCatalogues(fs, &o.allow)
	fs.StringVar(&o.entity, "entity", "", "only the gaps of this entity of a group")
	return cmd
}

func runGaps(e *env, o *gapsOptions) error {
	entries, files, err := loadEntries(e, o.paths, o.allow)
	if err != nil {
		return err
	}
	entity, err := entityFilter(o.entity, entries)
	if err != nil {
		return err
	}
	entries = listing(e, entries, entity)
	gaps := assessment.Gaps(entries)
	if entity != "" {
		gaps = slices.DeleteFunc(gaps, func(g assessment.Gap) bool { return !g.For(entity) })
	}
	f, _ := report.GapsFormats.Named(o.format.value)
	g := report.Gaps{Gaps: gaps, Columns: report.ColumnsFor(entries), Entries: entries, AsOf: o.asOf.or(e), Entity: entity}
	return outputError(target{e: e, inputs: files}.write(func(w io.Writer) error { return f.Write(w, g) }))
}

// entityFilter checks --entity NAME against the entities the assessments
// list (ignoring case and spacing), so a slip is refused with a suggestion rather than
// listing nothing; "" keeps everything. The name is quoted once, with %q,
// which shows its control characters as escapes.
func entityFilter(name string, entries []assessment.Entry) (string, error) {
	if strings.TrimSpace(name) == "" {
		return "", nil
	}
	names := assessment.EntitiesOf(entries)
	for _, n := range names {
		if assessment.SameEntity(n, name) {
			return n, nil
		}
	}
	switch best := assessment.ClosestEntity(name, names); {
	case len(names) == 0:
		return "", usagef("--entity %q: no assessment read lists a group's entities", name)
	case best != "":
		return "", usagef("--entity %q: no assessment read lists that entity (did you mean %q?)", name, best)
	default:
		return "", usagef("--entity %q: no assessment read lists that entity; the entities are %s", name, english.And(names))
	}
}

// listing keeps, for --entity, the assessments that list the entity: the
// others hold nothing of its, and a board would say of each that it has no
// gaps or actions. Each left out is said on standard error.
func listing(e *env, entries []assessment.Entry, entity string) []assessment.Entry {
	kept, left := assessment.Listing(entries, entity)
	for _, l := range left {
		if l.Assessment == nil {
			continue
		}
		e.notef("leaving out %s: it does not list the entity %s", l.Assessment.File, entity)
	}
	return kept
}

// loadEntries reads every assessment the paths name, with its catalogue.
// Folders are searched as check searches them; a file found in a folder that
// is not an assessment (a CI workflow, a catalogue) is skipped with a note,
// and one named is refused. An assessment that cannot be read stops the
// command, as for report.
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
	for _, path := range files {
		data, err := readInput(e, path)
		if err != nil {
			return nil, nil, err
		}
		in := &input{arg: path, data: data}
		f := load.Read(in.loadInput(folders))
		if found[path] && f.Kind != assessment.MaybeAssessment {
			e.notef("skipping %s: %s", path, f.Kind.Why())
			continue
		}
		if err := notAssessment(in, f.Kind); err != nil {
			return nil, nil, err
		}
		if f, err = faithful(f, in); err != nil {
			return nil, nil, err
		}
		entries = append(entries, f.Entry)
	}
	if len(entries) == 0 {
		return nil, nil, usagef("no assessments found in %s", strings.Join(paths, ", "))
	}
	return entries, files, nil
}
