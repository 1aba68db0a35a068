package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
)

// enumFlag is a string flag whose value must be one of a fixed list, checked
// when the flags are parsed.
type enumFlag struct {
	value   string
	allowed []string
}

func newEnum(allowed ...string) *enumFlag { return &enumFlag{value: allowed[0], allowed: allowed} }

func (f *enumFlag) String() string { return f.value }
func (f *enumFlag) Type() string   { return "string" }
func (f *enumFlag) Set(s string) error {
	if !slices.Contains(f.allowed, s) {
		return fmt.Errorf("%q is not one of %s", s, strings.Join(f.allowed, ", "))
	}
	f.value = s
	return nil
}

// addFormat adds -f, --format to a command, its values a command's formats
// (the first the default): format.List.Names.
func addFormat(fs *pflag.FlagSet, names []string) *enumFlag {
	f := newEnum(names...)
	fs.VarP(f, "format", "f", "output format: "+english.Or(names))
	return f
}

// dateFlag is a --as-of style date, YYYY-MM-DD, held to the dates an
// assessment may hold (from 2020 to a year after today), so that no date
// given silently means another.
type dateFlag struct{ date assessment.Date }

func (f *dateFlag) String() string { return f.date.String() }
func (f *dateFlag) Type() string   { return "date" }
func (f *dateFlag) Set(s string) error {
	d, err := assessment.ParseDate(s)
	if err != nil {
		return fmt.Errorf("%q is not a date: write YYYY-MM-DD, e.g. 2025-06-30", s)
	}
	today := assessment.DateOf(time.Now())
	if why := d.Implausible(today, assessment.AheadYears); why != "" {
		return fmt.Errorf("%q %s: check the year", s, strings.Replace(why, today.String(), "today ("+today.String()+")", 1))
	}
	f.date = d
	return nil
}

// or returns the flag's date, or today when it was not given.
func (f *dateFlag) or(e *env) assessment.Date {
	if f.date.IsZero() {
		return assessment.DateOf(e.now())
	}
	return f.date
}

// addCatalogues adds --catalogues-from to a command that reads assessments.
func addCatalogues(fs *pflag.FlagSet, paths *[]string) {
	fs.StringArrayVar(paths, "catalogues-from", nil, "also read catalogue files that code: names from `PATH`, a folder or a file (repeatable; by default only from the working folder and the folders being read)")
}

// catalogueFolders are where a catalogue file named by an assessment's code:
// may be read from: the working folder, each folder named and each named
// file's own folder, and what --catalogues-from allows. A code: in a file
// from a pull request cannot make csa read /proc/self/environ, say, and
// print it in a public CI log.
func catalogueFolders(allowed []string, paths ...string) (codes.Resolver, error) {
	var dirs []string
	for _, p := range allowed {
		if _, err := os.Stat(p); err != nil {
			return codes.Resolver{}, usagef("--catalogues-from: %s: no such folder or file", p)
		}
		dirs = append(dirs, p)
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case p == "-" || err != nil: // standard input, REV:PATH, or reported when read
		case info.IsDir():
			dirs = append(dirs, p)
		default:
			dirs = append(dirs, filepath.Dir(p))
		}
	}
	return codes.Within(dirs...), nil
}

func addAsOf(fs *pflag.FlagSet, f *dateFlag) {
	fs.Var(f, "as-of", "take this date (YYYY-MM-DD) as today for every date rule (default: today, the machine's local date; give it in CI)")
}

// flagError rewords pflag's parse errors into one line naming the flag: a
// bad value as "--format: " and the flag's own reason, not pflag's
// invalid argument "x" for "-f, --format" flag: ...
func flagError(err error) error {
	var bad *pflag.InvalidValueError
	if errors.As(err, &bad) && errors.Unwrap(bad) != nil {
		return usagef("--%s: %s", bad.GetFlag().Name, errors.Unwrap(bad))
	}
	return usagef("%s", err)
}

// argCount accepts between min and max arguments, and otherwise says msg, a
// plain line naming what the command expects (cobra's own is "accepts 1
// arg(s), received 0").
func argCount(min, max int, msg string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) < min || len(args) > max {
			return usagef("%s", msg)
		}
		return nil
	}
}
