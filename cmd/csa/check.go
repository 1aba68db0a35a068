package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/load"
	"github.com/csa-tool/csa/assessment/output"
	"github.com/csa-tool/csa/assessment/rules"
	"github.com/csa-tool/csa/internal/english"
)

type checkOptions struct {
	paths     []string
	explain   string   // --explain RULE
	listRules bool     // --list-rules
	allow     []string // --catalogues-from
	asOf      dateFlag
	failOn    *enumFlag
	format    *enumFlag
	figs      figuresCheck // check_figures.go
}

func newCheckCmd(e *env) *cobra.Command {
	o := &checkOptions{
		failOn: newEnum("error", "warning", "never"),
	}
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Check assessments against the Code (files or folders; default .)",
		Long:  checkHelp(),
		Example: `  csa check examples/ --as-of 2025-07-01
  csa check assessment.yaml --fail-on warning --format github`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			if cmd.Flags().Changed("explain") || o.listRules {
				return runRules(e, o, cmd.Flags().Changed("format"))
			}
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
	o.format = addFormat(fs, output.Formats.Names())
	addFiguresFlags(fs, &o.figs)
	fs.StringVar(&o.explain, "explain", "", "say what RULE checks, why the Code asks it, and how to fix a finding, and check nothing")
	fs.BoolVar(&o.listRules, "list-rules", false, "list every rule with its severity and when it fires, and check nothing")
	_ = cmd.RegisterFlagCompletionFunc("explain", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var names []string
		for _, r := range rules.All() {
			names = append(names, r.Name)
		}
		return names, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// runRules answers --explain and --list-rules from the rule list.
func runRules(e *env, o *checkOptions, format bool) error {
	switch {
	case o.explain != "" && o.listRules:
		return usagef("--explain and --list-rules go alone: give one of them")
	case len(o.paths) > 0:
		return usagef("--explain and --list-rules check no files: leave out %s", strings.Join(o.paths, " "))
	case format:
		return usagef("--explain and --list-rules write text only: leave out --format")
	case o.listRules:
		return rules.WriteList(e.stdout)
	}
	if strings.TrimSpace(o.explain) == "" {
		return usagef("--explain needs a rule's name, like --explain no-plan: csa check --list-rules lists them")
	}
	r, ok := rules.Named(o.explain)
	if !ok {
		hint := ""
		if s := rules.Suggest(o.explain); s != "" {
			hint = fmt.Sprintf(" (did you mean %s?)", s)
		}
		return usagef("there is no rule %q%s: csa check --list-rules lists them", o.explain, hint)
	}
	return r.Explain(e.stdout)
}

// checkHelp is check's --help; its lists of rules come from the list.
func checkHelp() string {
	return `Check validates assessment files against the Code they name. Folders are
searched recursively for *.yaml and *.yml files, skipping hidden folders.
Only a file proven not to be an assessment is skipped, with a note on
stderr: YAML keys none of which an assessment has (a CI workflow), or a
catalogue. A file that might be an assessment but cannot be read (a syntax
error, an empty file) is checked, and fails. A file named on the command
line is always checked; "-" reads standard input.

` + ruleLists(rules.Assessments, "") + `

A catalogue file that code: names is read only from the working folder,
the folders named and the folders of the files named (--catalogues-from
allows another); it must be a regular file of at most 4 MB.

A date before 2020 or more than a year after today (a due date: five years)
is implausible-date.

For a group's assessment (entities: under the landlord), every rule applies
to each entity's answer as it gives it (a partial of one entity needs that
entity's plan), and the message names the entities it is for; an entity name
under a provision that the list does not hold is unknown-entity, with the name
meant; a group of one entity is one-entity. csa gaps and csa actions take
--entity NAME to list one entity's.
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
the files they name: every part of section 8 there, the self-assessment and
figures usable and of the report's year, the governing body's response after
the report, each Ombudsman order with its status, and the submission to the
Ombudsman made by its deadline (a warning within 30 days of it).
` + ruleLists(rules.Annual, "Annual report ") + `

csa check --list-rules lists every rule; csa check --explain RULE says what
it checks, why the Code asks it, and how to fix a finding.

Exits 1 when a finding is at or above --fail-on (default error), 2 when it
cannot run.`
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
	// Each file is read when it is checked, and dropped after: check keeps
	// the findings, not the files. What it holds is small, so the collector
	// may let the heap grow to three times it, not twice: a tenth of the
	// collections, and less CPU than holding every file did, in well under
	// 100 MB for ten thousand files (see the README's How fast).
	debug.SetGCPercent(200)
	results, err := load.CheckAll(len(files), func(i int) (load.Input, error) {
		f := files[i]
		data, err := readInput(e, f)
		name := f
		if f == "-" {
			name = "<stdin>"
		}
		return load.Input{Name: name, Data: data, Found: found[f], Catalogues: folders}, err
	}, load.Options{AsOf: o.asOf.or(e), Threshold: float64(o.figs.threshold)})
	if err != nil {
		return err
	}

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
	f, _ := output.Formats.Named(o.format.value)
	c := output.Check{Files: checked, FailOn: failOn, Color: e.colored()}
	if o.format.value == "sarif" {
		c.Root, c.WorkDir = sarifPlaces()
	}
	err = f.Write(e.stdout, c)
	if failed {
		return errFindings
	}
	return err
}

// ruleLists names check's rules of what subject reads for its help: the
// errors, then the warnings, each list's label after prefix.
func ruleLists(subject rules.Subject, prefix string) string {
	list := func(label string, sev assessment.Severity) string {
		var names []string
		for _, r := range rules.Of(subject, sev) {
			names = append(names, r.Name)
		}
		if prefix != "" {
			label = prefix + strings.ToLower(label)
		}
		return english.Wrap(label+" "+strings.Join(names, ", ")+".", 76)
	}
	return list("Errors:", assessment.Error) + "\n" + list("Warnings:", assessment.Warning)
}
