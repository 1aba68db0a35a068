package main

import (
	"github.com/spf13/cobra"
)

// addColorFlag adds --color to every command. Colour is for a person at a
// terminal: auto (the default) colours only when standard output is a
// terminal, NO_COLOR is not set (to any non-empty value: no-color.org) and
// TERM is not dumb. always and never decide alone, so --color always
// overrides NO_COLOR for one run, as no-color.org asks.
func addColorFlag(root *cobra.Command, e *env) {
	e.color = newEnum("auto", "always", "never")
	root.PersistentFlags().Var(e.color, "color", "colour the output: auto (on a terminal, unless NO_COLOR is set), always or never")
}

// colored reports whether this run's output is coloured.
func (e *env) colored() bool {
	mode := "auto"
	if e.color != nil {
		mode = e.color.value
	}
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if e.getenv != nil && (e.getenv("NO_COLOR") != "" || e.getenv("TERM") == "dumb") {
		return false
	}
	return e.isTerminal(e.stdout)
}
