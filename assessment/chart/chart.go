// Package chart owns csa's bar charts. A chart is data (categories along an
// axis, one or more series of values) laid out once into rectangles and
// labels, and drawn from that one layout as SVG for a web page and as a PNG
// for a Word document, so both show the same picture. Nothing is fetched and
// no script is needed to read it; the text alternative is part of the chart,
// and the caller puts the numbers in a table beside it.
//
// Text is measured and drawn with the Go fonts (golang.org/x/image), so a
// chart is laid out and rasterised the same on every machine: the same data
// gives the same bytes.
package chart

import (
	"math"
	"strconv"
	"strings"
)

// Chart is one bar chart.
type Chart struct {
	ID         string   // a prefix for the SVG's ids: letters, digits and dashes
	Title      string   // what the chart is, as its caption says it
	Alt        string   // the text alternative: what it shows, in a sentence or two
	Categories []string // along the axis: months, measures
	Series     []Series // one bar per category each, in this order, with a legend
	Percent    bool     // the values are percentages: the scale runs from 0 to 100
	Columns    bool     // bars stand up from the axis (months); else they run across
}

// Series is one set of bars: a year, a stage.
type Series struct {
	Name   string
	Values []float64 // one per category; NaN where there is none
	Colour string    // #rrggbb; "" takes the next of Colours
}

// None is a value a series does not have: no bar is drawn, and the label
// says NoFigure.
var None = math.NaN()

// NoFigure is what a chart says where a series has no value.
const NoFigure = "no figure"

// Colours of the series, in order: dark blue, burnt orange, grey, then
// round again. Each has at least 4.5:1 contrast with white, so a bar is
// seen against the page, and the two first are told apart without colour
// vision.
var Colours = []string{"#1d4f91", "#a8590c", "#6f777b"}

const (
	textColour = "#0b0c0c"
	axisColour = "#505a5f"
	gridColour = "#d8dadb"
	fontFamily = "Go, Arial, Helvetica, sans-serif"
)

// Widths of the two layouts, in pixels at 1x: the page's and a phone's.
const (
	Wide   = 720.0
	Narrow = 340.0
)

// Format writes a value as the chart's labels show it: whole numbers as
// they are, others to one decimal place, percentages with a %.
func (c *Chart) Format(v float64) string {
	if math.IsNaN(v) {
		return NoFigure
	}
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	if c.Percent {
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s + "%"
	}
	return s
}

// tick writes a value of the scale: a percentage without decimals.
func (c *Chart) tick(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
	if c.Percent {
		return s + "%"
	}
	return s
}

// niceScale is the axis: its top and the step between gridlines, a 1, 2 or
// 5 times a power of ten giving four to six steps.
func niceScale(max float64, percent bool) (top, step float64) {
	if percent {
		return 100, 20
	}
	if max <= 0 || math.IsNaN(max) {
		return 5, 1
	}
	raw := max / 5
	pow := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		step = m * pow
		if step >= raw {
			break
		}
	}
	if step < 1 {
		step = 1
	}
	top = math.Ceil(max/step) * step
	if top == max && top > 0 {
		top += step // room for the labels above the tallest bar
	}
	return top, step
}

// maxValue is the largest value charted, 0 when there is none.
func (c *Chart) maxValue() float64 {
	m := 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			if !math.IsNaN(v) && v > m {
				m = v
			}
		}
	}
	return m
}

// colour is a series' colour.
func (c *Chart) colour(s int) string {
	if col := c.Series[s].Colour; len(col) == 7 && col[0] == '#' {
		return col
	}
	return Colours[s%len(Colours)]
}

func (c *Chart) value(s, i int) float64 {
	if i < len(c.Series[s].Values) {
		return c.Series[s].Values[i]
	}
	return math.NaN()
}
