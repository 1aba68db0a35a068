// Package format is how a command's output formats are declared: the
// package that writes a command's output lists its formats, each with the
// function that writes it, and the command builds its --format flag, its
// help and its choice of writer from the list. Adding a format is adding
// it to the list.
package format

import (
	"io"
	"path/filepath"
	"slices"
	"strings"
)

// Format is one output format: the --format value, and the function that
// writes a T in it.
type Format[T any] struct {
	Name string
	// Binary says what the output is when it is not text ("an XLSX
	// workbook"): csa never writes it to a terminal.
	Binary string
	// Ext are the file name endings that choose the format when -o names a
	// file and --format is not given (".yaml").
	Ext   []string
	Write func(w io.Writer, v T) error
}

// List is a command's formats, the default first.
type List[T any] []Format[T]

// Names are the formats' names, in order.
func (l List[T]) Names() []string {
	names := make([]string, len(l))
	for i, f := range l {
		names[i] = f.Name
	}
	return names
}

// Named returns the format called name.
func (l List[T]) Named(name string) (Format[T], bool) {
	for _, f := range l {
		if f.Name == name {
			return f, true
		}
	}
	return Format[T]{}, false
}

// ForFile returns the format a file name's ending chooses, if any.
func (l List[T]) ForFile(path string) (Format[T], bool) {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range l {
		if ext != "" && slices.Contains(f.Ext, ext) {
			return f, true
		}
	}
	return Format[T]{}, false
}
