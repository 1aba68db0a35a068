package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/report"
)

type actionsOptions struct {
	paths     []string
	overdue   bool
	owner     string
	dueWithin daysFlag
	status    *enumFlag
	format    *enumFlag
	asOf      dateFlag
	catalogs  []string // --catalogues-from
	entity    string
}

func newActionsCmd(e *env) *cobra.Command {
	o := &actionsOptions{status: newEnum("any", "open", "done")}
	cmd := &cobra.Command{
		Use:   "actions [PATH...] [--overdue] [--owner O] [--due-within 30d] [--status open|done]",
		Short: "List the action plan across one or many assessments",
		Long: `Actions lists the actions of every answer, with the provision, owner, due
date, status and how many days an open action is overdue.

  --overdue         only open actions due before today (--as-of): due on
                    the day is not yet overdue
  --owner O         only actions whose owner contains O, ignoring case
  --due-within N    only open actions due within N days of today, the overdue
                    ones included (they are due before the limit too); write
                    N as 30d, 4w or 30; actions with no due date are left out
  --status S        open, done, or any (the default)
  --entity NAME     only the actions for NAME, one entity of a group: its
                    own and the group's (which are for every entity), from
                    the assessments that list it (the others are left out)
  --as-of D         take D (YYYY-MM-DD) as today, so CI gives the same
                    answer every day

Filters combine: --owner "complaints" --due-within 4w lists what the
complaints team must finish in the next four weeks.

PATH is a file or a folder, searched as csa check searches it (default .);
a YAML file in a folder that is not an assessment is skipped with a note.
With several landlords a Landlord column appears, and a File column when one
landlord has several files; an Entity column when an assessment covers a
group's entities, naming the entity an action is for ("All entities" for
the group's own). Rows are ordered by landlord, assessment, provision and
due date.

Formats: table (for the terminal, with a closing count); markdown and html
(a paper for the board: a title naming the landlord and the Code, the as-at
date and what the filters keep, a count, then the action plan as the report
shows it, with dates written out and each provision with its short title;
several assessments are a part each, under its own heading); csv (columns:
[Landlord,] [File,] [Entity,] Provision, Action, Owner, Due, Status, Overdue; as the
report's CSV, a byte-order mark first and each provision written
"Provision 6.10"; a cell starting with = + - @, after any spaces or line
breaks, gets a ' before it) and json (every field, with landlord, file and
code on each action). No matching action is not an error: the exit status is 0 (use csa
check to fail a build on overdue actions).`,
		Example: `  csa actions assessments/ --overdue
  csa actions assessment.yaml --owner "head of housing" --due-within 30d
  csa actions assessments/ --status open --format csv > action-plan.csv
  csa actions assessments/ --overdue --as-of 2025-10-01 --format json
  csa actions assessments/ --overdue --format html > overdue.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			if len(o.paths) == 0 {
				o.paths = []string{"."}
			}
			if o.overdue && o.status.value == "done" {
				return usagef("--overdue lists open actions, so it cannot be combined with --status done")
			}
			return runActions(e, o)
		},
	}
	fs := cmd.Flags()
	fs.BoolVar(&o.overdue, "overdue", false, "only open actions due before today (--as-of)")
	fs.StringVar(&o.owner, "owner", "", "only actions whose owner contains this text, ignoring case")
	fs.Var(&o.dueWithin, "due-within", "only open actions due within this many days (30d, 4w), overdue ones included")
	fs.Var(o.status, "status", "only actions with this status: open, done or any")
	fs.StringVar(&o.entity, "entity", "", "only the actions for this entity of a group (its own and the group's)")
	o.format = addFormat(fs, report.ActionsFormats.Names())
	addAsOf(fs, &o.asOf)
	addCatalogues(fs, &o.catalogs)
	return cmd
}

func runActions(e *env, o *actionsOptions) error {
	entries, files, err := loadEntries(e, o.paths, o.catalogs)
	if err != nil {
		return err
	}
	asOf := o.asOf.or(e)
	filter := assessment.ActionFilter{AsOf: asOf, Overdue: o.overdue, Owner: o.owner}
	if o.dueWithin.set {
		filter.DueBy = asOf.AddDate(0, 0, o.dueWithin.days)
	}
	switch o.status.value {
	case "open":
		filter.Status = assessment.Open
	case "done":
		filter.Status = assessment.Done
	}
	if filter.Entity, err = entityFilter(o.entity, entries); err != nil {
		return err
	}
	entries = listing(e, entries, filter.Entity)
	f, _ := report.ActionsFormats.Named(o.format.value)
	a := report.Actions{Items: assessment.Actions(entries, filter), Columns: report.ColumnsFor(entries), Entries: entries, Filter: filter, AsOf: asOf}
	return outputError(target{e: e, inputs: files}.write(func(w io.Writer) error { return f.Write(w, a) }))
}

// maxDays bounds --due-within: a hundred years.
const maxDays = 36500

// daysFlag is a span of days: 30d, 4w, or a bare number of days.
type daysFlag struct {
	days int
	set  bool
	text string
}

func (f *daysFlag) String() string { return f.text }
func (f *daysFlag) Type() string   { return "days" }
func (f *daysFlag) Set(s string) error {
	v := strings.ToLower(strings.TrimSpace(s))
	unit := 1
	switch {
	case strings.HasSuffix(v, "d"):
		v = strings.TrimSuffix(v, "d")
	case strings.HasSuffix(v, "w"):
		v, unit = strings.TrimSuffix(v, "w"), 7
	}
	n, err := strconv.Atoi(v)
	if err != nil || v == "" || v[0] < '0' || v[0] > '9' {
		return fmt.Errorf("%q is not a number of days: write it as 30d, 4w or 30", s)
	}
	if n > maxDays || n*unit > maxDays {
		return fmt.Errorf("%q is more than 100 years: write a number of days such as 30d or 4w", s)
	}
	f.days, f.set, f.text = n*unit, true, s
	return nil
}
