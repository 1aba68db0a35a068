package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/figures"
)

// This file is check's hook for figures files (kind: figures): they are
// taken out of the files before the assessments are checked, checked by
// package figures (numbers that add up; a cross-check with the period's
// assessment), and put back in their place, so the output keeps the files'
// order.

// figuresCheck is check's flag for figures files.
type figuresCheck struct {
	threshold percentFlag
}

func addFiguresFlags(fs *pflag.FlagSet, o *figuresCheck) {
	o.threshold = percentFlag(figures.DefaultThreshold)
	fs.Var(&o.threshold, "missed-threshold",
		"warn when a provision is answered yes but a figures file shows its timescale missed in more than this `PERCENT` of cases")
}

// percentFlag is a percentage from 0 to 100; a % after it is allowed.
type percentFlag float64

func (p *percentFlag) String() string { return strconv.FormatFloat(float64(*p), 'f', -1, 64) }
func (p *percentFlag) Type() string   { return "percent" }
func (p *percentFlag) Set(s string) error {
	x, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "%"), 64)
	if err != nil || x < 0 || x > 100 {
		return fmt.Errorf("%q is not a percentage from 0 to 100", s)
	}
	*p = percentFlag(x)
	return nil
}

// checkWithFigures checks every source: figures files with package figures,
// the rest with check.
func checkWithFigures(srcs []assessment.Source, opts assessment.Options, o figuresCheck) []assessment.Result {
	out := make([]assessment.Result, len(srcs))
	var rest []assessment.Source
	var at []int
	for i, s := range srcs {
		if figures.IsFigures(s.Data) {
			out[i] = assessment.Result{Name: s.Name, Findings: figures.Check(s.Name, s.Data, figures.CheckOptions{Threshold: float64(o.threshold)})}
			continue
		}
		rest = append(rest, s)
		at = append(at, i)
	}
	for j, r := range assessment.CheckAll(rest, opts) {
		out[at[j]] = r
	}
	return out
}
