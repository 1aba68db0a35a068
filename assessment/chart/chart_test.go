package chart

import (
	"bytes"
	"image/png"
	"math"
	"strings"
	"testing"
)

func months() *Chart {
	return &Chart{ID: "months", Title: "Complaints received each month", Alt: "Stage 1 complaints peaked in November.", Columns: true,
		Categories: []string{"Apr", "May", "Jun"},
		Series:     []Series{{Name: "Stage 1", Values: []float64{31, 28, 40}}, {Name: "Stage 2", Values: []float64{3, None, 6}, Colour: "#a8590c"}}}
}

func TestNiceScale(t *testing.T) {
	tests := []struct {
		max       float64
		percent   bool
		top, step float64
	}{
		{40, false, 50, 10},
		{31, false, 40, 10},
		{3, false, 4, 1},
		{0, false, 5, 1},
		{367, false, 400, 100},
		{1000, false, 1200, 200},
		{78.5, true, 100, 20},
	}
	for _, tt := range tests {
		top, step := niceScale(tt.max, tt.percent)
		if top != tt.top || step != tt.step {
			t.Errorf("niceScale(%v) = %v, %v; want %v, %v", tt.max, top, step, tt.top, tt.step)
		}
	}
}

func TestFormat(t *testing.T) {
	c := &Chart{}
	p := &Chart{Percent: true}
	tests := []struct {
		c    *Chart
		v    float64
		want string
	}{
		{c, 31, "31"}, {c, 9.25, "9.3"}, {c, math.NaN(), "no figure"},
		{p, 78.5, "78.5%"}, {p, 100, "100.0%"},
	}
	for _, tt := range tests {
		if got := tt.c.Format(tt.v); got != tt.want {
			t.Errorf("Format(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

// TestSVG: an image with a name and a description, every bar and label
// drawn, no bar for a value a series lacks, text escaped.
func TestSVG(t *testing.T) {
	c := months()
	var b strings.Builder
	if err := WriteSVG(&b, c, Wide, "chart wide"); err != nil {
		t.Fatal(err)
	}
	svg := b.String()
	for _, want := range []string{
		`role="img" aria-labelledby="months-title months-desc"`,
		`<title id="months-title">Complaints received each month</title>`,
		`<desc id="months-desc">Stage 1 complaints peaked in November.</desc>`,
		`>Stage 1</text>`, `>Apr</text>`, `>40</text>`, `>6</text>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the SVG lacks %s:\n%s", want, svg)
		}
	}
	// Five bars (one value missing), two legend swatches, gridlines, the axis.
	bars := 0
	for _, s := range c.layout(Wide).shapes {
		if s.text == "" && (s.fill == Colours[0] || s.fill == Colours[1]) && s.w < 100 && s.h > 2 {
			bars++
		}
	}
	if bars != 5+2 {
		t.Errorf("%d coloured rectangles, want 5 bars and 2 swatches", bars)
	}
	// The narrow layout has ids of its own, so both can be on one page.
	b.Reset()
	WriteSVG(&b, c, Narrow, "chart narrow")
	if !strings.Contains(b.String(), `aria-labelledby="months-narrow-title months-narrow-desc"`) || !strings.Contains(b.String(), ">no figure</text>") {
		t.Errorf("the narrow layout:\n%s", b.String())
	}

	hostile := &Chart{ID: `x" onload="alert(1)`, Title: `<script>alert(1)</script>`, Alt: "a & b \x1b[31m",
		Categories: []string{`"><img src=x>`}, Series: []Series{{Name: "<b>", Values: []float64{1}}}}
	b.Reset()
	WriteSVG(&b, hostile, Wide, `c" onclick="x`)
	out := b.String()
	for _, bad := range []string{"<script", "<img", "<b>", "\x1b", `" onload`, `" onclick`} {
		if strings.Contains(out, bad) {
			t.Errorf("the SVG holds %q unescaped:\n%s", bad, out)
		}
	}
}

// TestPNG: the same picture, at twice the size, each bar in its colour.
func TestPNG(t *testing.T) {
	c := months()
	data, w, h, err := PNG(c)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != w*PNGScale || b.Dy() != h*PNGScale || w != int(Wide) {
		t.Errorf("the image is %v, said to be %dx%d at 1x", b, w, h)
	}
	// The middle of each bar is its series' colour.
	for _, s := range c.layout(Wide).shapes {
		if s.text != "" || s.h < 10 || s.w > 100 || s.fill == gridColour || s.fill == axisColour {
			continue
		}
		x, y := int((s.x+s.w/2)*PNGScale), int((s.y+s.h/2)*PNGScale)
		r, g, b, _ := img.At(x, y).RGBA()
		want := hexColour(s.fill)
		if uint8(r>>8) != want.R || uint8(g>>8) != want.G || uint8(b>>8) != want.B {
			t.Errorf("at %d,%d the colour is %d,%d,%d, want %s", x, y, r>>8, g>>8, b>>8, s.fill)
		}
	}
	again, _, _, _ := PNG(c)
	if !bytes.Equal(data, again) {
		t.Error("the same chart gave different bytes")
	}
}

// TestRows: long names wrap, the scale keeps its labels apart on a phone,
// and a percentage scale ends at 100%.
func TestRows(t *testing.T) {
	c := &Chart{ID: "t", Percent: true,
		Categories: []string{"Stage 1 answered within 10 working days (extensions within the Code's limit included)", "Stage 2"},
		Series:     []Series{{Name: "2024/25", Values: []float64{78.9, 73.2}}, {Name: "2023/24", Values: []float64{91.2, None}}}}
	for _, width := range []float64{Wide, Narrow} {
		d := c.layout(width)
		var ticks []string
		lines := 0
		for _, s := range d.shapes {
			if strings.HasSuffix(s.text, "%") && !strings.Contains(s.text, ".") {
				ticks = append(ticks, s.text)
			}
			if strings.HasPrefix(s.text, "Stage 1") {
				lines++
			}
			if s.x+s.w > width+0.01 || s.x < 0 {
				t.Errorf("width %v: a shape outside the chart: %+v", width, s)
			}
		}
		if ticks[len(ticks)-1] != "100%" {
			t.Errorf("width %v: the scale is %v", width, ticks)
		}
		if lines != 1 {
			t.Errorf("width %v: %d lines start with the first name", width, lines)
		}
	}
	if n := len(wrap(newFaces(1), c.Categories[0], labelMax(Narrow))); n < 3 {
		t.Errorf("the long name wraps to %d lines on a phone", n)
	}
}
