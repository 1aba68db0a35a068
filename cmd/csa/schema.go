package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// schemas are the files csa schema describes, each with its JSON Schema.
var schemas = map[string]func() []byte{
	"assessment": assessment.Schema,
	"catalogue":  codes.Schema,
}

func newSchemaCmd(e *env) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "schema assessment|catalogue [-o FILE]",
		Short: "Print the JSON Schema of an assessment or a catalogue file, for editors",
		Long: `Schema prints the JSON Schema (2020-12) of an assessment file or a catalogue
file: every key, its type, whether it is required, the words it allows and
what it holds. It is made from the same declarations csa reads files with, so
an editor that checks a file against it agrees with csa check about keys,
types, answers and dates (the rules, such as no-plan, are csa check's alone).

csa init and csa import start each file they write with the line

  # yaml-language-server: $schema=` + assessment.SchemaFile + `

which tells VS Code's YAML extension (Red Hat) to complete keys and flag
mistakes as you type, with the schema in that file beside the assessment.
Write it there once, and again after upgrading csa:

  csa schema assessment -o ` + assessment.SchemaFile + `

Without -o the schema goes to standard output.`,
		Example: `  csa schema assessment -o assessment.schema.json
  csa schema catalogue > catalogue.schema.json`,
		ValidArgs: []string{"assessment", "catalogue"},
		Args:      argCount(1, 1, "schema needs one of assessment or catalogue: csa schema assessment -o "+assessment.SchemaFile),
		RunE: func(_ *cobra.Command, args []string) error {
			write, ok := schemas[args[0]]
			if !ok {
				return usagef("schema: %q is not a kind of file csa has a schema for: assessment or catalogue", args[0])
			}
			t := target{e: e, path: out}
			if err := t.check(); err != nil {
				return err
			}
			return t.write(func(w io.Writer) error {
				_, err := w.Write(write())
				return err
			})
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to FILE instead of standard output, replacing it")
	return cmd
}
