package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strconv"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// PNGScale is how many pixels of the PNG make one of the layout: twice, so
// that the chart prints sharp at the width a Word page gives it.
const PNGScale = 2

// PNG draws the chart, laid out at the wide width, as a PNG image for a
// Word document, and says its size in pixels at 1x (for the document to
// give it that size). It is drawn from the same layout as the SVG.
func PNG(c *Chart) (data []byte, width, height int, err error) {
	d := c.layout(Wide)
	f := newFaces(PNGScale)
	s := float64(PNGScale)
	img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(d.w*s)), int(math.Ceil(d.h*s))))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	for _, sh := range d.shapes {
		col := image.NewUniform(hexColour(sh.fill))
		if sh.text == "" {
			r := image.Rect(int(math.Round(sh.x*s)), int(math.Round(sh.y*s)), int(math.Round((sh.x+sh.w)*s)), int(math.Round((sh.y+sh.h)*s)))
			if r.Dx() == 0 && sh.w > 0 {
				r.Max.X++
			}
			if r.Dy() == 0 && sh.h > 0 {
				r.Max.Y++
			}
			draw.Draw(img, r, col, image.Point{}, draw.Over)
			continue
		}
		face := f.face(sh.size, sh.bold)
		x := sh.x * s
		switch sh.anchor {
		case middle:
			x -= f.width(sh.text, sh.size, sh.bold) / 2
		case end:
			x -= f.width(sh.text, sh.size, sh.bold)
		}
		dr := font.Drawer{Dst: img, Src: col, Face: face, Dot: fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(sh.y * s * 64))}}
		dr.DrawString(sh.text)
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&b, img); err != nil {
		return nil, 0, 0, err
	}
	return b.Bytes(), int(math.Ceil(d.w)), int(math.Ceil(d.h)), nil
}

// hexColour reads #rrggbb.
func hexColour(s string) color.RGBA {
	if len(s) != 7 || s[0] != '#' {
		return color.RGBA{A: 255}
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.RGBA{A: 255}
	}
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}
}
