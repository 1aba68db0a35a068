package main

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/carry"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/safetext"
)

type initOptions struct {
	code     string
	from     string
	landlord string
	period   string
	out      string
	force    bool
	asOf     dateFlag
	catalogs []string   // --catalogues-from
	annual   initAnnual // init_annual.go
}

func newInitCmd(e *env) *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init (--code CODE | --from LAST.yaml [--code CODE]) [--landlord NAME] [-o FILE]",
		Short: "Start an assessment: every provision on the form, blank or carried from last year's",
		Long: `Init writes a new assessment listing every provision the Code's
self-assessment form asks about, each with the provision's summary as a comment
and an empty answer to fill in. csa check on the result lists exactly the
provisions still to answer.

With --from, it starts from last year's assessment instead: the answers,
evidence, commentary, alternatives and open actions are carried forward (done
actions are left behind), and each carried answer gets a review: line saying
where it came from, for example

  review: carried from 2023/24 (chc-2022 1.2, high confidence); check it, then delete this line

so that csa check warns (unreviewed) until someone has checked the answer and
deleted the line. --code defaults to the Code that replaced LAST's (chc-2022
becomes chc-2024), or LAST's own Code when none has. Across Code versions the
answers go through the new Code's lineage (csa codes 2024 ID shows it): where
several old provisions feed one new one, the weakest answer is kept and their
texts joined, each headed with where it came from; a low-confidence match is
said to be one; the comment above each provision says what it continues and
what changed; the requirement wording is not carried (it is the old Code's).
Provisions with no predecessor, or whose predecessors were unanswered, are
left blank. An open action whose provision has no successor is listed in the
file's header and on stderr. For a group (entities:), the entities are carried
and so is each entity's own answer, evidence, commentary, alternative and open
actions, worked out as the group's are; remove an entity that has left and add
one that has joined. The landlord is LAST's (or --landlord), the
period the next one (2023/24 becomes 2024/25, or --period), and there is no
approval. LAST may be - (standard input) or REV:PATH, read from git as csa
diff reads it.

The assessed date is today (or --as-of); change it when the assessment is done.

With --annual, it writes an annual complaints report file (kind: annual)
instead: every key with a comment saying what goes in it, for --landlord,
--period (default: the last financial year to end before today) and
--homes; csa check on it lists each part still to write, and csa annual
renders it.
Without -o the assessment is written to standard output. An existing file is
not overwritten unless --force is given, and LAST never is.`,
		Example: `  csa init --code 2024 --landlord "Example Homes" -o assessment.yaml
  csa init --from assessment-2023-24.yaml -o assessment-2024-25.yaml
  csa init --annual --landlord "Example Homes" --period 2024/25 --homes 1200 -o annual-2024-25.yaml`,
		Args: argCount(0, 0, "init takes no file names: last year's assessment goes after --from, the new file after -o"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.annual.on {
				return runInitAnnual(e, o)
			}
			if o.from != "" {
				return runInitFrom(e, o)
			}
			return runInit(e, o)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.code, "code", "", "the Code to assess against: chc-2024, chc-2022 (or 2024, 2022) or a catalogue file (with --from, default: the Code that replaced LAST's, else LAST's)")
	fs.StringVar(&o.from, "from", "", "start from last year's assessment LAST.yaml (or REV:PATH), carrying its answers forward for review")
	fs.StringVar(&o.landlord, "landlord", "", "the landlord's name (with --from, default: LAST's)")
	fs.StringVar(&o.period, "period", "", "the reporting year, e.g. 2025/26 (with --from, default: the year after LAST's)")
	fs.StringVarP(&o.out, "output", "o", "", "write to FILE instead of standard output")
	fs.BoolVar(&o.force, "force", false, "overwrite FILE if it exists")
	addAsOf(fs, &o.asOf)
	addCatalogues(fs, &o.catalogs)
	addInitAnnual(fs, &o.annual)
	return cmd
}

func runInit(e *env, o *initOptions) error {
	if o.code == "" {
		return usagef("init needs --code: chc-2024 or chc-2022 (or a catalogue file)")
	}
	cat, err := lookupCode(o.code)
	if err != nil {
		return err
	}
	t := o.target(e, catalogueFiles(cat))
	if err := t.check(); err != nil {
		return err
	}
	a := &assessment.Assessment{
		Code:     cat.ID,
		Landlord: o.landlord,
		Assessed: o.asOf.or(e),
		Period:   o.period,
	}
	if cat.Source != "embedded" {
		a.Code = catalogueRef(cat.Source, o.out, o.code)
	}
	for _, p := range cat.OnForm() {
		a.Answers = append(a.Answers, assessment.Answer{ID: p.ID})
	}
	header := carry.BlankHeader(cat)
	return t.write(func(w io.Writer) error {
		return assessment.Encode(w, a, assessment.EncodeOptions{Modeline: true, Header: header, Comment: carry.ProvisionComment(cat, nil, nil), Blanks: true})
	})
}

// target is where init writes: an existing file only with --force, and
// never an input.
func (o *initOptions) target(e *env, inputs []string) target {
	return target{e: e, path: o.out, inputs: inputs, exclusive: !o.force}
}

func runInitFrom(e *env, o *initOptions) error {
	folders, err := catalogueFolders(o.catalogs, o.from)
	if err != nil {
		return err
	}
	lastFile, in, err := loadArg(e, o.from, folders)
	if err != nil {
		return err
	}
	last, lastCat := lastFile.Assessment, lastFile.Catalogue
	cat := lastCat
	if o.code != "" {
		if cat, err = lookupCode(o.code); err != nil {
			return err
		}
	} else if next, ok := codes.Successor(lastCat); ok {
		cat = next
	}
	var inputs []string
	if f := in.file(); f != "" {
		inputs = []string{f}
	}
	t := o.target(e, append(inputs, catalogueFiles(lastCat, cat)...))
	if err := t.check(); err != nil {
		return err
	}
	r, err := carry.Forward(last, lastCat, cat, carry.Options{Assessed: o.asOf.or(e), Landlord: o.landlord, Period: o.period})
	if err != nil {
		return usagef("cannot start from %s: %s", o.from, err)
	}
	a := r.Assessment
	if cat.Source != "embedded" {
		a.Code = catalogueRef(cat.Source, o.out, last.Code)
	}
	isNew := map[string]bool{}
	for _, id := range r.New {
		isNew[id] = true
	}
	m, _ := lineage.Between(lastCat, cat) // carry.Forward has lined them up already
	err = t.write(func(w io.Writer) error {
		return assessment.Encode(w, a, assessment.EncodeOptions{Modeline: true,
			// The name goes in a comment: a line break in it must not end one.
			Header: carry.Header(safetext.Line(in.name()), last, lastCat, cat, r), Comment: carry.ProvisionComment(cat, isNew, m), Blanks: true,
			IntroductionComment: safetext.Line(carry.IntroductionComment(last)),
		})
	})
	if err != nil {
		return err
	}
	e.notef("carried %s and %s from %s (%s) to %s, each marked for review; %s left blank",
		english.Count(len(r.Carried), "answer", "answers"), english.Count(r.Actions, "open action", "open actions"),
		in.name(), lastCat.ID, cat.ID, english.Count(len(r.New)+len(r.Blank), "provision", "provisions"))
	if last.IsGroup() {
		e.notef("carried the group's %s (%s) with their own answers; remove any that has left the group and add any that has joined",
			english.Count(len(last.Entities), "entity", "entities"), safetext.Line(english.And(last.EntityNames())))
	}
	for _, l := range r.Left {
		whose := ""
		if l.Entity != "" {
			whose = " (" + l.Entity + "'s own)"
		}
		e.notef("not carried: the open action of %s %s%s has no provision to go to in %s: %s",
			lastCat.ID, l.Provision, whose, cat.ID, strings.Join(strings.Fields(l.Action.Text), " "))
	}
	if r.PeriodKept != "" {
		e.notef("last year's period %q is not a year csa can move on (like 2024/25); set period: yourself", r.PeriodKept)
	}
	return nil
}

// lookupCode resolves a code named on the command line; failing is a usage error.
func lookupCode(name string) (*codes.Catalogue, error) {
	// codes refuses a device, a pipe or an oversized file before reading it.
	cat, err := codes.Lookup(name, "")
	if err != nil {
		return nil, usagef("%s", err)
	}
	return cat, nil
}
