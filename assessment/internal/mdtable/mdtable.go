// Package mdtable writes Markdown pipe tables, for the report and diff
// packages, which escape text each in their own way.
package mdtable

import "strings"

// Write writes a table to b: the header, each cell passed through escape,
// then rows whose cells are already escaped. right marks the columns to
// align right.
func Write(b *strings.Builder, header []string, right []bool, rows [][]string, escape func(string) string) {
	b.WriteString("|")
	for _, h := range header {
		b.WriteString(" " + escape(h) + " |")
	}
	b.WriteString("\n|")
	for i := range header {
		if i < len(right) && right[i] {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	for _, row := range rows {
		b.WriteString("|")
		for _, c := range row {
			if c == "" {
				b.WriteString(" |")
				continue
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
}
