package main

import (
	"strings"

	"github.com/spf13/cobra"
)

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "csa",
		Short: "Keep a Complaint Handling Code self-assessment in YAML, checked and published",
		Long: `csa keeps a social landlord's self-assessment against the Housing Ombudsman's
Complaint Handling Code as plain YAML, and does the work around it: it checks
the assessment against the Code, lists gaps and the action plan, renders the
publication, compares years, imports the documents landlords already have,
counts a complaints log into the year's figures (csa figures), and renders
the annual complaints report with its submission to the Ombudsman (csa
annual).

The Code's provisions ship with csa: chc-2022 and chc-2024 (or 2022, 2024).
Run csa codes to see them.

Exit status: 0 ran and found nothing at the failure level; 1 ran and found
problems (or a regression you asked about, or files fmt --check found out of
form); 2 could not run (bad flag,
unreadable path, unknown code, output not writable).`,
		Version:       "-", // enables --version; the text is versionText's
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(err) })
	addColorFlag(root, e)
	root.SetVersionTemplate("{{versionText}}") // version.go
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		Args:  cobra.ArbitraryArgs,
		RunE: func(_ *cobra.Command, args []string) error {
			cmd, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 || (len(args) > 0 && cmd == root) {
				return usagef("there is no command %q: csa help lists them", strings.Join(args, " "))
			}
			return cmd.Help()
		},
	})
	root.AddCommand(
		newCheckCmd(e),
		newInitCmd(e),
		newCodesCmd(e),
		newReportCmd(e),
		newGapsCmd(e),
		newActionsCmd(e),
		newDiffCmd(e),
		newImportCmd(e),
		newFiguresCmd(e),
		newSchemaCmd(e),
		newFmtCmd(e),
		newAnnualCmd(e),
		newManCmd(e),
	)
	addCompletion(root)
	completeEnums(root)
	return root
}
