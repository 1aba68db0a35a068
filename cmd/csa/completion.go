package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// addCompletion adds cobra's csa completion bash|zsh|fish|powershell now
// rather than when it runs (so csa man documents it), and makes a shell it
// does not know a plain usage error rather than its help and exit 0.
func addCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("completion needs a shell: csa completion bash|zsh|fish|powershell")
			}
			return usagef("completion: %q is not a shell csa completes: bash, zsh, fish or powershell", args[0])
		}
	}
}

// completeEnums makes the shell complete every fixed-choice flag (--format,
// --fail-on, --color…) with its choices, from the same list the flag
// checks. cobra's own csa completion bash|zsh|fish|powershell prints the
// scripts that ask for them.
func completeEnums(c *cobra.Command) {
	register := func(f *pflag.Flag) {
		if e, ok := f.Value.(*enumFlag); ok {
			// Registered once per flag; a persistent flag is its owner's.
			_ = c.RegisterFlagCompletionFunc(f.Name, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
				return e.allowed, cobra.ShellCompDirectiveNoFileComp
			})
		}
	}
	c.LocalNonPersistentFlags().VisitAll(register)
	c.PersistentFlags().VisitAll(register)
	for _, sub := range c.Commands() {
		completeEnums(sub)
	}
}
