package main

import (
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/csa-tool/csa/assessment/annual"
	"github.com/csa-tool/csa/assessment/calendar"
	"github.com/csa-tool/csa/assessment/figures"
)

// initAnnual is init's --annual: a new annual complaints report file.
type initAnnual struct {
	on    bool
	homes int
}

func addInitAnnual(fs *pflag.FlagSet, o *initAnnual) {
	fs.BoolVar(&o.on, "annual", false, "write an annual complaints report file (kind: annual) instead of an assessment")
	fs.IntVar(&o.homes, "homes", 0, "with --annual: the homes owned (the submission deadline depends on it)")
}

func runInitAnnual(e *env, o *initOptions) error {
	switch {
	case o.from != "" || o.code != "":
		return usagef("--annual writes an annual report file; --from and --code are for an assessment")
	case o.annual.homes < 0:
		return usagef("--homes: give the number of homes owned, 0 or more")
	}
	asOf := o.asOf.or(e)
	period := o.period
	if period == "" {
		day, _ := calendar.ParseDay(asOf.String())
		period = figures.PeriodBefore(day)
	} else if _, ok := annual.PeriodBefore(period); !ok {
		return usagef("--period %q is not a financial year like 2024/25", period)
	}
	t := o.target(e, nil)
	if err := t.check(); err != nil {
		return err
	}
	text := annual.Skeleton(annual.SkeletonOptions{Landlord: strings.TrimSpace(o.landlord), Period: annual.NormalPeriod(period), Homes: o.annual.homes, Dated: asOf})
	return t.write(func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
}
