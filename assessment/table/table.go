// Package table owns the terminal tables csa prints (codes, gaps, actions):
// one place that configures tablewriter, so every table looks the same.
package table

import (
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Write renders a table with the header row as given (not upper-cased) and
// long cells wrapped at width runes. Control characters in cells are
// replaced, so a cell cannot move the terminal's cursor.
func Write(w io.Writer, header []string, rows [][]string, width int) error {
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleLight)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNormal),
		tablewriter.WithRowMaxWidth(width),
		tablewriter.WithTrimSpace(tw.Off),
	)
	t.Header(header)
	for _, r := range rows {
		clean := make([]string, len(r))
		for i, c := range r {
			clean[i] = Sanitize(c)
		}
		if err := t.Append(clean); err != nil {
			return err
		}
	}
	return t.Render()
}

// Sanitize makes text safe to print on a terminal: escape sequences and other
// control characters become spaces; line breaks stay.
func Sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return ' '
		}
		return r
	}, s)
}
