package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/carry"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/codes"
)

type initOptions struct {
	code     string
	from     string
	landlord string
	period   string
	out      string
	force    bool
	asOf     dateFlag
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
file's header and on stderr. The landlord is LAST's (or --landlord), the
period the next one (2023/24 becomes 2024/25, or --period), and there is no
approval. LAST may be - (standard input) or REV:PATH, read from git as csa
diff reads it.

The assessed date is today (or --as-of); change it when the assessment is done.
Without -o the assessment is written to standard output. An existing file is
not overwritten unless --force is given, and LAST never is.`,
		Example: `  csa init --code 2024 --landlord "Example Homes" -o assessment.yaml
  csa init --from assessment-2023-24.yaml -o assessment-2024-25.yaml`,
		Args: argCount(0, 0, "init takes no file names: last year's assessment goes after --from, the new file after -o"),
		RunE: func(cmd *cobra.Command, args []string) error {
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
	return cmd
}

const initAdvice = `For each provision write comply: yes, no, partial or n/a, and the evidence.
A no or partial needs an action with an owner and a due date, or an alternative.
An n/a needs commentary saying why. Set assessed: to the date you finish, and
add approved: (by:, on:) once the governing body has approved it.
Check it with: csa check FILE`

func runInit(e *env, o *initOptions) error {
	if o.code == "" {
		return usagef("init needs --code: chc-2024 or chc-2022 (or a catalogue file)")
	}
	cat, err := lookupCode(o.code)
	if err != nil {
		return err
	}
	if err := o.refuseExisting(); err != nil {
		return err
	}
	a := &assessment.Assessment{
		Code:     cat.ID,
		Landlord: o.landlord,
		Assessed: o.asOf.or(e),
		Period:   o.period,
	}
	if cat.Source != "embedded" {
		a.Code = o.catalogueName(cat, o.code)
	}
	for _, p := range cat.OnForm() {
		a.Answers = append(a.Answers, assessment.Answer{ID: p.ID})
	}
	header := fmt.Sprintf("Self-assessment against %s.\n%s", codeName(cat), initAdvice)
	return target{e: e, path: o.out, inputs: catalogueFiles(cat)}.write(func(w io.Writer) error {
		return assessment.Encode(w, a, assessment.EncodeOptions{Header: header, Comment: summaryComment(cat, nil, nil), Blanks: true})
	})
}

func (o *initOptions) refuseExisting() error {
	if o.out != "" && o.out != "-" && !o.force {
		if _, err := os.Stat(o.out); err == nil {
			return usagef("%s already exists; choose another name or use --force to overwrite it", o.out)
		}
	}
	return nil
}

// summaryComment is the comment above each provision: its id and summary,
// whether it is new in this Code, and across Codes what changed since the
// provisions it continues (from m, nil within a Code), for the reviewer.
func summaryComment(cat *codes.Catalogue, isNew map[string]bool, m *lineage.Map) func(string) string {
	return func(id string) string {
		p, _ := cat.Provision(id)
		s := id + " " + p.Summary
		if isNew[id] {
			s = id + " (new in " + cat.ID + ") " + p.Summary
		}
		if m == nil || m.Direction == lineage.SameCode {
			return s
		}
		var notes []string
		for _, l := range m.Predecessors(id) {
			note := m.From.ID + " " + l.From + " (" + l.Confidence.String() + " confidence)"
			if n := strings.TrimSpace(l.Note); n != "" {
				note += ": " + strings.TrimSuffix(n, ".")
			}
			notes = append(notes, note)
		}
		if len(notes) > 0 {
			s = strings.TrimSpace(s) + " Continues " + strings.Join(notes, "; ") + "."
		}
		return s
	}
}

func runInitFrom(e *env, o *initOptions) error {
	last, lastCat, in, err := loadArg(e, o.from)
	if err != nil {
		return err
	}
	cat := lastCat
	if o.code != "" {
		if cat, err = lookupCode(o.code); err != nil {
			return err
		}
	} else if next, ok := codes.Successor(lastCat); ok {
		cat = next
	}
	if err := o.refuseExisting(); err != nil {
		return err
	}
	r, err := carry.Forward(last, lastCat, cat, carry.Options{Assessed: o.asOf.or(e), Landlord: o.landlord, Period: o.period})
	if err != nil {
		return usagef("cannot start from %s: %s", o.from, err)
	}
	a := r.Assessment
	if cat.Source != "embedded" {
		a.Code = o.catalogueName(cat, last.Code)
	}
	isNew := map[string]bool{}
	for _, id := range r.New {
		isNew[id] = true
	}
	m, _ := lineage.Between(lastCat, cat) // carry.Forward has lined them up already
	var inputs []string
	if f := in.file(); f != "" {
		inputs = []string{f}
	}
	inputs = append(inputs, catalogueFiles(lastCat, cat)...)
	err = target{e: e, path: o.out, inputs: inputs}.write(func(w io.Writer) error {
		return assessment.Encode(w, a, assessment.EncodeOptions{
			Header: fromHeader(in.name(), last, lastCat, cat, r), Comment: summaryComment(cat, isNew, m), Blanks: true,
		})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "csa: carried %s and %s from %s (%s) to %s, each marked for review; %s left blank\n",
		countNoun(len(r.Carried), "answer", "answers"), countNoun(r.Actions, "open action", "open actions"),
		in.name(), lastCat.ID, cat.ID, countNoun(len(r.New)+len(r.Blank), "provision", "provisions"))
	for _, l := range r.Left {
		fmt.Fprintf(e.stderr, "csa: not carried: the open action of %s %s has no provision to go to in %s: %s\n",
			lastCat.ID, l.Provision, cat.ID, strings.Join(strings.Fields(l.Action.Text), " "))
	}
	if r.PeriodKept != "" {
		fmt.Fprintf(e.stderr, "csa: last year's period %q is not a year csa can move on (like 2024/25); set period: yourself\n", r.PeriodKept)
	}
	return nil
}

// catalogueName is how the new assessment names a catalogue file of the
// landlord's own: its path from the folder the assessment is written to,
// as check will look for it. When the file is not on disk (read from git),
// fallback, the name as it was given.
func (o *initOptions) catalogueName(cat *codes.Catalogue, fallback string) string {
	src, err := filepath.Abs(cat.Source)
	if err != nil {
		return fallback
	}
	if _, err := os.Stat(src); err != nil {
		return fallback
	}
	dir := "."
	if o.out != "" && o.out != "-" {
		dir = filepath.Dir(o.out)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return fallback
	}
	rel, err := filepath.Rel(absDir, src)
	if err != nil {
		return filepath.ToSlash(src)
	}
	return filepath.ToSlash(rel)
}

// fromHeader is the comment at the top of an assessment started from last
// year's: where it came from, what was carried, what was not.
func fromHeader(from string, last *assessment.Assessment, lastCat, cat *codes.Catalogue, r *carry.Result) string {
	lastDesc := lastCat.ID
	if last.Period != "" {
		lastDesc = last.Period + ", " + lastDesc
	}
	paras := []string{
		fmt.Sprintf("Self-assessment against %s, started from last year's: %s (%s).", codeName(cat), from, lastDesc),
		fmt.Sprintf("Carried forward: %s and %s (done actions left behind). "+
			"Each carried answer has a review: line saying where it came from, and csa check warns (unreviewed) until it goes: "+
			"check the answer against this year's evidence, then delete the line.",
			countNoun(len(r.Carried), "answer", "answers"), countNoun(r.Actions, "open action", "open actions")),
	}
	if lastCat.ID != cat.ID {
		how := fmt.Sprintf("csa's lineage (csa codes %s ID shows it)", cat.ID)
		if cat.Source != "embedded" {
			how = "the lineage in the " + cat.ID + " catalogue"
		}
		paras = append(paras, fmt.Sprintf("The answers were matched from %s to %s through %s; "+
			"where several provisions fed one, the weakest answer was kept and the texts joined. The requirement wording was not carried.",
			lastCat.ID, cat.ID, how))
	}
	if len(r.New) > 0 {
		paras = append(paras, fmt.Sprintf("New in %s, left blank: %s.", cat.ID, strings.Join(r.New, ", ")))
	}
	if len(r.Blank) > 0 {
		paras = append(paras, fmt.Sprintf("Left blank, as last year's answer was blank: %s.", strings.Join(r.Blank, ", ")))
	}
	for _, l := range r.Left {
		paras = append(paras, fmt.Sprintf("Not carried: an open action of %s %s, which has no successor in %s: %s",
			lastCat.ID, l.Provision, cat.ID, strings.Join(strings.Fields(l.Action.Text), " ")))
	}
	var b strings.Builder
	for _, p := range paras {
		b.WriteString(wrapLine(p, 86))
		b.WriteByte('\n')
	}
	b.WriteString(initAdvice)
	return b.String()
}

// codeName names a Code in a sentence: "the Complaint Handling Code 2024
// (chc-2024)", or the catalogue's id when it has no title of its own.
func codeName(cat *codes.Catalogue) string {
	if cat.Title == "" || cat.Title == cat.ID {
		return cat.ID
	}
	return "the " + cat.Title + " (" + cat.ID + ")"
}

// wrapLine breaks text into lines of at most width characters.
func wrapLine(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		l := len([]rune(w))
		switch {
		case n == 0:
		case n+1+l > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(w)
		n += l
	}
	return b.String()
}

// lookupCode resolves a code named on the command line; failing is a usage error.
func lookupCode(name string) (*codes.Catalogue, error) {
	cat, err := codes.Lookup(name, "")
	if err != nil {
		return nil, usagef("%s", err)
	}
	return cat, nil
}
