package importer

import "github.com/csa-tool/csa/assessment/internal/ooxml"

// Limits on what one import reads, so that a small hostile file cannot
// take unbounded memory or time. Each is far above any self-assessment: the
// largest published ones have a few hundred rows and under a megabyte of
// text. A file over a limit is refused in one line, never read in part.
const (
	MaxFile  = ooxml.MaxFile // bytes of the file
	maxLines = 50_000        // table rows, paragraphs and lines of text
	maxCells = 100_000       // cells of all the tables
	maxText  = 16 << 20      // bytes of text, a merged cell counted in each row it spans
)

var (
	errLines = ooxml.Limitf("it has more than %d rows, paragraphs and lines", maxLines)
	errCells = ooxml.Limitf("its tables have more than %d cells", maxCells)
	errText  = ooxml.Limitf("it holds more than %s of text (text that repeats, as a merged cell does, counts each time)", ooxml.MB(maxText))
)

// size is what a reader has read so far, against the limits.
type size struct{ lines, cells, text int }

// add counts more of the document and says which limit it goes over.
func (s *size) add(lines, cells, text int) error {
	s.lines += lines
	s.cells += cells
	s.text += text
	switch {
	case s.lines > maxLines:
		return errLines
	case s.cells > maxCells:
		return errCells
	case s.text > maxText:
		return errText
	}
	return nil
}

// checkSize measures a reader's lines against the limits: whatever each
// reader checked as it read, this is the one rule for all of them.
func checkSize(d *doc) error {
	var s size
	for _, l := range d.lines {
		n := 0
		for _, c := range l.Cells {
			n += len(c)
		}
		if err := s.add(1, len(l.Cells), n); err != nil {
			return tooLarge(err)
		}
	}
	return nil
}

// sizeOfText checks a text or CSV file's lines and cells (tab- or
// sep-separated) before they are split: splitting a line of a million
// separators costs far more than the line.
func sizeOfText(lines, seps int, what string) error {
	switch {
	case lines > maxLines:
		return tooLarge(errLines)
	case lines+seps > maxCells:
		return tooLarge(ooxml.Limitf("it has more than %d cells (counting its %s)", maxCells, what))
	}
	return nil
}
