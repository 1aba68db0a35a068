// Package table owns the terminal tables csa prints (codes, gaps, actions):
// one place that configures tablewriter, so every table looks the same.
package table

import (
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/csa-tool/csa/internal/safetext"
)

// Write renders a table with the header row as given (not upper-cased) and
// long cells wrapped at width runes. Cells pass csa's output-safety
// policy, so a cell cannot move the terminal's cursor or reorder a line.
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
			clean[i] = cell(c)
		}
		if err := t.Append(clean); err != nil {
			return err
		}
	}
	return t.Render()
}

// cell makes a cell safe to print by csa's output-safety policy
// (safetext.Text): line breaks stay, control and direction characters are
// shown as escapes. A tab becomes a space, which the table can measure.
func cell(s string) string {
	return strings.ReplaceAll(safetext.Text(s), "\t", " ")
}
