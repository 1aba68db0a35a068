package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/csa-tool/csa/assessment/figures"
)

// This file is check's flag for figures files (kind: figures), which
// package load checks with package figures: numbers that add up, and a
// cross-check with the period's assessment.

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
