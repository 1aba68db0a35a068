package chart

import (
	"io"
	"strconv"
	"strings"
)

// WriteSVG writes the chart as an inline SVG element for a web page, laid
// out at width (Wide or Narrow): role img, named by its title and described
// by its text alternative, so a screen reader reads those and not the
// labels one by one. It scales to its container's width; class says which
// layout it is, for a stylesheet to show one of two.
func WriteSVG(w io.Writer, c *Chart, width float64, class string) error {
	d := c.layout(width)
	id := safeID(c.ID)
	if width < Wide {
		id += "-narrow"
	}
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" class="` + escape(class) + `" viewBox="0 0 ` + ftoa(d.w) + " " + ftoa(d.h) +
		`" width="` + ftoa(d.w) + `" height="` + ftoa(d.h) + `" role="img" aria-labelledby="` + id + `-title ` + id + `-desc" font-family="` + fontFamily + `">`)
	b.WriteString(`<title id="` + id + `-title">` + escape(c.Title) + `</title>`)
	b.WriteString(`<desc id="` + id + `-desc">` + escape(c.Alt) + `</desc>`)
	for _, s := range d.shapes {
		if s.text == "" {
			b.WriteString(`<rect x="` + ftoa(s.x) + `" y="` + ftoa(s.y) + `" width="` + ftoa(s.w) + `" height="` + ftoa(s.h) + `" fill="` + s.fill + `"/>`)
			continue
		}
		b.WriteString(`<text x="` + ftoa(s.x) + `" y="` + ftoa(s.y) + `" font-size="` + ftoa(s.size) + `" fill="` + s.fill + `"`)
		switch s.anchor {
		case middle:
			b.WriteString(` text-anchor="middle"`)
		case end:
			b.WriteString(` text-anchor="end"`)
		}
		if s.bold {
			b.WriteString(` font-weight="bold"`)
		}
		b.WriteString(">" + escape(s.text) + "</text>")
	}
	b.WriteString("</svg>")
	_, err := io.WriteString(w, b.String())
	return err
}

// ftoa writes a coordinate: at most one decimal place, none when whole.
func ftoa(x float64) string { return strconv.FormatFloat(r1(x), 'f', -1, 64) }

// escape escapes text for XML: what a chart's labels and title hold comes
// from files people write.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			if r < 0x20 || r == 0x7f || r == 0xfffe || r == 0xffff {
				b.WriteByte(' ') // not allowed in XML
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// safeID keeps an id's letters, digits and dashes.
func safeID(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "chart"
	}
	return b.String()
}
