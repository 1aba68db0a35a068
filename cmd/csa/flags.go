package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/csa-tool/csa/assessment"
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
	if why := d.Implausible(today); why != "" {
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

func addAsOf(fs *pflag.FlagSet, f *dateFlag) {
	fs.Var(f, "as-of", "take this date (YYYY-MM-DD) as today for every date rule (default: today, the machine's local date; give it in CI)")
}

// flagError rewords pflag's parse errors into one line naming the flag.
func flagError(err error) error {
	msg := err.Error()
	// pflag: invalid argument "x" for "-f, --format" flag: "x" is not one of ...
	if i := strings.Index(msg, " flag: "); i >= 0 && strings.HasPrefix(msg, "invalid argument ") {
		name := msg[:i]
		if j := strings.LastIndex(name, "--"); j >= 0 {
			name = strings.Trim(name[j:], `"`)
		}
		return usagef("%s: %s", name, msg[i+len(" flag: "):])
	}
	return usagef("%s", msg)
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
