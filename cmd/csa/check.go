package main

import (
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/output"
)

type checkOptions struct {
	paths  []string
	allow  []string // --catalogues-from
	asOf   dateFlag
	failOn *enumFlag
	format *enumFlag
	figs   figuresCheck // check_figures.go
}

func newCheckCmd(e *env) *cobra.Command {
	o := &checkOptions{
		failOn: newEnum("error", "warning", "never"),
		format: newEnum(output.Formats...),
	}
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check assessments against the Code (files or folders; default .)",
		Long: `Check validates assessment files against the Code they name. Folders are
searched recursively for *.yaml and *.yml files, skipping hidden folders.
Only a file proven not to be an assessment is skipped, with a note on
stderr: YAML keys none of which an assessment has (a CI workflow), or a
catalogue. A file that might be an assessment but cannot be read (a syntax
error, an empty file) is checked, and fails. A file named on the command
line is always checked; "-" reads standard input.

Errors: syntax, schema, implausible-date, unknown-code, unknown-provision,
duplicate-provision, missing-provision, no-plan, na-unexplained.
Warnings: overdue, no-evidence, contradiction, stale, superseded-code,
unapproved, unreviewed.

A catalogue file that code: names is read only from the working folder,
the folders named and the folders of the files named (--catalogues-from
allows another); it must be a regular file of at most 4 MB.

A date before 2020 or more than a year after today (a due date: five years)
is implausible-date.
Today is the machine's local date unless --as-of gives it: give --as-of in
CI, so that every run gives the same answer.

Formats: text (file:line:col: severity rule: message, then a summary), json,
github (workflow annotations), junit (XML), sarif (SARIF 2.1.0 for GitHub code
scanning; paths relative to the repository's root).

Figures files (kind: figures, from csa figures or typed by hand) are checked
too: figures-sum and figures-percent (errors: numbers that do not add up),
figures-assessment, and missed-timescale (a warning: a provision answered yes
in the period's assessment beside it while the figures show its timescale
missed in more than --missed-threshold percent of cases).

Annual complaints reports (kind: annual, see csa annual) are checked with
the pack they name: annual-missing-part, annual-reference, annual-period,
annual-response-early, annual-order-status and annual-submission-overdue
(errors: a part of section 8 missing, a file named that cannot be used, the
self-assessment or figures for another year, the governing body's response
dated before the report, an Ombudsman order with no status, the submission
deadline passed with nothing submitted), annual-no-response and
annual-submission-due (warnings: no response yet, the deadline within 30
days of --as-of).

Exits 1 when a finding is at or above --fail-on (default error), 2 when it
cannot run.`,
		Example: `  csa check examples/ --as-of 2025-07-01
  csa check assessment.yaml --fail-on warning --format github`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			if len(o.paths) == 0 {
				o.paths = []string{"."}
			}
			return runCheck(e, o)
		},
	}
	fs := cmd.Flags()
	addAsOf(fs, &o.asOf)
	addCatalogues(fs, &o.allow)
	fs.Var(o.failOn, "fail-on", "exit 1 when a finding is at least this severe: error, warning or never")
	fs.VarP(o.format, "format", "f", "output format: text, json, github, junit or sarif")
	addFiguresFlags(fs, &o.figs)
	return cmd
}

func runCheck(e *env, o *checkOptions) error {
	files, found, err := collect(o.paths)
	if err != nil {
		return err
	}
	folders, err := catalogueFolders(o.allow, o.paths...)
	if err != nil {
		return err
	}
	srcs := make([]assessment.Source, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		if f == "-" {
			data, err := readInput(e, f)
			srcs[i], errs[i] = assessment.Source{Name: "<stdin>", Data: data}, err
			continue
		}
		wg.Go(func() {
			data, err := readLimited(e, f, maxText)
			if err != nil {
				errs[i] = err
			}
			srcs[i] = assessment.Source{Name: f, Data: data, Found: found[f]}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	results := checkWithAnnual(srcs, o.asOf.or(e), func(rest []assessment.Source) []assessment.Result { // check_annual.go
		return checkWithFigures(rest, assessment.Options{AsOf: o.asOf.or(e), Catalogues: folders}, o.figs)
	})

	var checked []output.File
	var failOn assessment.Severity
	if o.failOn.value != "never" {
		failOn, _ = assessment.ParseSeverity(o.failOn.value)
	}
	failed := false
	for _, r := range results {
		if r.Skipped != "" {
			e.notef("skipping %s: %s", r.Name, r.Skipped)
			continue
		}
		checked = append(checked, output.File{Name: r.Name, Findings: r.Findings})
		for _, f := range r.Findings {
			failed = failed || (failOn != 0 && f.Severity >= failOn)
		}
	}
	if len(checked) == 0 {
		return usagef("no assessments found in %s", strings.Join(o.paths, ", "))
	}
	// A failed write to standard output is run's to report; the findings
	// still decide the status (a reader that stopped early is no pass).
	opts := output.Options{FailOn: failOn, Color: e.colored()}
	if o.format.value == "sarif" {
		opts.Root, opts.WorkDir = sarifPlaces()
	}
	err = output.Write(e.stdout, o.format.value, checked, opts)
	if failed {
		return errFindings
	}
	return err
}
