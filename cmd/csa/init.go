package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

type initOptions struct {
	code     string
	landlord string
	period   string
	out      string
	force    bool
	asOf     dateFlag
}

func newInitCmd(e *env) *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init --code CODE [--landlord NAME] [-o FILE]",
		Short: "Start an assessment: every provision on the form, unanswered",
		Long: `Init writes a new assessment listing every provision the Code's
self-assessment form asks about, each with the provision's summary as a comment
and an empty answer to fill in. csa check on the result lists exactly the
provisions still to answer.

The assessed date is today (or --as-of); change it when the assessment is done.
Without -o the assessment is written to standard output. An existing file is
not overwritten unless --force is given.`,
		Example: `  csa init --code 2024 --landlord "Example Homes" -o assessment.yaml`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInit(e, o)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.code, "code", "", "the Code to assess against: chc-2024, chc-2022 (or 2024, 2022) or a catalogue file")
	fs.StringVar(&o.landlord, "landlord", "", "the landlord's name")
	fs.StringVar(&o.period, "period", "", "the reporting year, e.g. 2025/26")
	fs.StringVarP(&o.out, "output", "o", "", "write to FILE instead of standard output")
	fs.BoolVar(&o.force, "force", false, "overwrite FILE if it exists")
	addAsOf(fs, &o.asOf)
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
	if o.out != "" && o.out != "-" && !o.force {
		if _, err := os.Stat(o.out); err == nil {
			return usagef("%s already exists; choose another name or use --force to overwrite it", o.out)
		}
	}
	a := &assessment.Assessment{
		Code:     cat.ID,
		Landlord: o.landlord,
		Assessed: o.asOf.or(e),
		Period:   o.period,
	}
	if cat.Source != "embedded" {
		a.Code = o.code
	}
	for _, p := range cat.OnForm() {
		a.Answers = append(a.Answers, assessment.Answer{ID: p.ID})
	}
	header := fmt.Sprintf(`Self-assessment against the %s (%s).
For each provision write comply: yes, no, partial or n/a, and the evidence.
A no or partial needs an action with an owner and a due date, or an alternative.
An n/a needs commentary saying why. Set assessed: to the date you finish, and
add approved: (by:, on:) once the governing body has approved it.
Check it with: csa check FILE`, cat.Title, cat.ID)
	comment := func(id string) string {
		p, _ := cat.Provision(id)
		return id + " " + p.Summary
	}
	return target{e: e, path: o.out}.write(func(w io.Writer) error {
		return assessment.Encode(w, a, assessment.EncodeOptions{Header: header, Comment: comment, Blanks: true})
	})
}

// lookupCode resolves a code named on the command line; failing is a usage error.
func lookupCode(name string) (*codes.Catalogue, error) {
	cat, err := codes.Lookup(name, "")
	if err != nil {
		return nil, usagef("%s", err)
	}
	return cat, nil
}
