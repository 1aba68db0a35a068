package chart

import (
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// This file lays a chart out: a list of rectangles and labels in pixels at
// 1x, which svg.go and png.go draw. Every position is rounded to a tenth of
// a pixel, so the SVG's numbers are short and the same everywhere.

// anchor is where a label's point is: its start, middle or end.
type anchor int

const (
	start anchor = iota
	middle
	end
)

// shape is a filled rectangle, or a label whose baseline starts (or is
// centred, or ends) at x, y.
type shape struct {
	text       string // "" for a rectangle
	x, y, w, h float64
	fill       string
	size       float64 // a label's font size, in pixels
	bold       bool
	anchor     anchor
}

// drawing is a chart laid out.
type drawing struct {
	w, h   float64
	shapes []shape
}

func (d *drawing) rect(x, y, w, h float64, fill string) {
	d.shapes = append(d.shapes, shape{x: r1(x), y: r1(y), w: r1(w), h: r1(h), fill: fill})
}

func (d *drawing) label(text string, x, y, size float64, a anchor, bold bool, fill string) {
	d.shapes = append(d.shapes, shape{text: text, x: r1(x), y: r1(y), size: size, anchor: a, bold: bold, fill: fill})
}

// r1 rounds to a tenth of a pixel.
func r1(x float64) float64 { return math.Round(x*10) / 10 }

// Font sizes, in pixels at 1x.
const (
	labelSize = 12.0
	valueSize = 11.0
)

var fonts = sync.OnceValues(func() (*sfnt.Font, *sfnt.Font) {
	regular, err1 := opentype.Parse(goregular.TTF)
	bold, err2 := opentype.Parse(gobold.TTF)
	if err1 != nil || err2 != nil {
		panic("chart: the Go fonts do not parse") // they are compiled in: cannot happen
	}
	return regular, bold
})

// faces are font faces at the sizes a drawing needs, each at a scale. A
// face is not safe for concurrent use, so each drawing has its own.
type faces struct {
	scale float64
	m     map[[2]float64]font.Face // size and bold (1) -> face
}

func newFaces(scale float64) *faces { return &faces{scale: scale, m: map[[2]float64]font.Face{}} }

func (f *faces) face(size float64, bold bool) font.Face {
	key := [2]float64{size, 0}
	if bold {
		key[1] = 1
	}
	if face, ok := f.m[key]; ok {
		return face
	}
	regular, b := fonts()
	ft := regular
	if bold {
		ft = b
	}
	face, err := opentype.NewFace(ft, &opentype.FaceOptions{Size: size * f.scale, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("chart: no face at size " + fmtFloat(size)) // a positive size always has one
	}
	f.m[key] = face
	return face
}

// width is how wide text is at a size, in pixels at the faces' scale.
func (f *faces) width(text string, size float64, bold bool) float64 {
	return fixedFloat(font.MeasureString(f.face(size, bold), text))
}

func fixedFloat(x fixed.Int26_6) float64 { return float64(x) / 64 }

func fmtFloat(x float64) string { return strings.TrimRight(strings.TrimRight(ftoa(x), "0"), ".") }

// legend draws the series' swatches and names in a row (wrapping when the
// row is full) from the top left, and returns the y below it.
func (c *Chart) legend(d *drawing, f *faces, left, width float64) float64 {
	if len(c.Series) < 2 {
		return 4
	}
	x, y := left, 16.0
	for i, s := range c.Series {
		w := 12 + 6 + f.width(s.Name, labelSize, false) + 18
		if x > left && x+w > left+width {
			x, y = left, y+20
		}
		d.rect(x, y-10, 12, 12, c.colour(i))
		d.label(s.Name, x+18, y, labelSize, start, false, textColour)
		x += w
	}
	return y + 14
}

// layout lays the chart out at a width: columns (bars standing up) when the
// chart asks for them and the width allows, else rows.
func (c *Chart) layout(width float64) *drawing {
	f := newFaces(1)
	if c.Columns && width >= Wide {
		return c.columns(width, f)
	}
	return c.rows(width, f)
}

// columns lays out bars standing up from a horizontal axis, one group per
// category, with the scale on the left.
func (c *Chart) columns(width float64, f *faces) *drawing {
	const height = 300.0
	d := &drawing{w: width, h: height}
	top, step := niceScale(c.maxValue(), c.Percent)
	tickW := f.width(c.tick(top), valueSize, false)
	left := tickW + 10
	right := width - 6
	plotTop := c.legend(d, f, left, right-left) + 14
	plotBottom := height - 26
	plotH := plotBottom - plotTop
	y := func(v float64) float64 { return plotBottom - v/top*plotH }
	for v := 0.0; v <= top+step/2; v += step {
		d.rect(left, y(v)-0.5, right-left, 1, gridColour)
		d.label(c.tick(v), left-6, y(v)+4, valueSize, end, false, axisColour)
	}
	n := len(c.Categories)
	if n == 0 {
		return d
	}
	groupW := (right - left) / float64(n)
	barW := groupW * 0.8 / float64(max(1, len(c.Series)))
	// Values above the bars only when every one fits over its bar.
	labels := true
	for s := range c.Series {
		for i := range n {
			if v := c.value(s, i); !math.IsNaN(v) && f.width(c.Format(v), valueSize-1, false) > barW+2 {
				labels = false
			}
		}
	}
	for i, cat := range c.Categories {
		gx := left + float64(i)*groupW + groupW*0.1
		for s := range c.Series {
			v := c.value(s, i)
			if math.IsNaN(v) {
				continue
			}
			x := gx + float64(s)*barW
			d.rect(x+0.5, y(v), barW-1, plotBottom-y(v), c.colour(s))
			if labels {
				d.label(c.Format(v), x+barW/2, y(v)-3, valueSize-1, middle, false, textColour)
			}
		}
		d.label(cat, left+(float64(i)+0.5)*groupW, plotBottom+16, labelSize, middle, false, textColour)
	}
	d.rect(left, plotBottom-0.5, right-left, 1.5, axisColour)
	return d
}

// rows lays out bars running across from a vertical axis, the categories'
// names on the left (wrapped to four lines at most), each bar's value at
// its end, and the scale below.
func (c *Chart) rows(width float64, f *faces) *drawing {
	d := &drawing{w: width}
	top, step := niceScale(c.maxValue(), c.Percent)
	labelW := 0.0
	for _, cat := range c.Categories {
		for _, line := range wrap(f, cat, labelMax(width)) {
			labelW = max(labelW, f.width(line, labelSize, false))
		}
	}
	left := math.Ceil(labelW) + 12
	valueW := 0.0
	for s := range c.Series {
		for i := range c.Categories {
			if v := c.value(s, i); !math.IsNaN(v) {
				valueW = max(valueW, f.width(c.Format(v), valueSize, false))
			}
		}
	}
	right := width - valueW - 10
	y := c.legend(d, f, 6, width-12) + 8
	if len(c.Series) < 2 {
		y = 8
	}
	barH := 18.0
	if len(c.Series) > 1 {
		barH = 15
	}
	x := func(v float64) float64 { return left + v/top*(right-left) }
	plotTop := y
	type bar struct {
		y, v float64
		s    int
	}
	var bars []bar
	for i, cat := range c.Categories {
		blockH := float64(len(c.Series))*(barH+3) - 3
		lines := wrap(f, cat, labelMax(width))
		blockH = max(blockH, float64(len(lines))*15-3)
		ly := y + blockH/2 - float64(len(lines))*15/2 + 11
		for _, line := range lines {
			d.label(line, left-8, ly, labelSize, end, false, textColour)
			ly += 15
		}
		by := y + (blockH-(float64(len(c.Series))*(barH+3)-3))/2
		for s := range c.Series {
			bars = append(bars, bar{by, c.value(s, i), s})
			by += barH + 3
		}
		y += blockH + 12
	}
	plotBottom := y - 6
	// As few gridlines as keep their labels apart.
	for step < top && (top/step+1)*(f.width(c.tick(top), valueSize, false)+8) > right-left+20 {
		if c.Percent {
			step = map[float64]float64{20: 25, 25: 50}[step]
			if step == 0 {
				step = 100
			}
			continue
		}
		step *= 2
		top = math.Ceil(top/step) * step
	}
	for v := 0.0; v <= top+step/2; v += step {
		d.rect(x(v)-0.5, plotTop-4, 1, plotBottom-plotTop+4, gridColour)
		d.label(c.tick(v), x(v), plotBottom+15, valueSize, middle, false, axisColour)
	}
	for _, b := range bars {
		if math.IsNaN(b.v) {
			d.label(NoFigure, left+4, b.y+barH-4, valueSize, start, false, axisColour)
			continue
		}
		w := x(b.v) - left
		d.rect(left, b.y, w, barH, c.colour(b.s))
		d.label(c.Format(b.v), left+w+5, b.y+barH-4, valueSize, start, false, textColour)
	}
	d.rect(left-0.5, plotTop-4, 1.5, plotBottom-plotTop+4, axisColour)
	d.h = math.Ceil(plotBottom + 24)
	return d
}

// labelMax is the widest a category's name may be in rows: two fifths of
// a wide chart, and just under half of a narrow one, whose bars are short
// anyway.
func labelMax(width float64) float64 {
	if width < Wide {
		return width * 0.46
	}
	return width * 0.4
}

// wrap breaks text at spaces into lines no wider than w (a word longer than
// w has a line of its own), four lines at most, the last cut with an
// ellipsis.
func wrap(f *faces, text string, w float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		try := strings.TrimSpace(line + " " + word)
		if line != "" && f.width(try, labelSize, false) > w {
			lines = append(lines, line)
			line = word
			continue
		}
		line = try
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > 4 {
		lines = append(lines[:3], lines[3]+"…")
	}
	return lines
}
