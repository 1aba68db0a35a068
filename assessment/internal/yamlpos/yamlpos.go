// Package yamlpos finds where in a document a yaml.v3 syntax error is.
//
// yaml.v3 says "line N" only: the line of the construct around the problem
// rather than the problem (one too few after a parser error, so an unclosed
// "[" on line 6 is "line 5"), never a column, and nothing at all for a
// control character or an unknown alias. The loader wants the line and
// column of a finding, so it asks Locate, which reads the document again
// with yaml v4 (the same parser, whose errors carry positions) and, for a
// character YAML refuses, scans the bytes itself.
//
// This is the only user of yaml v4; the error path alone pays for it.
package yamlpos

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v4"
)

// Pos is a place in the document: 1-based line and column, the column in
// characters.
type Pos struct{ Line, Col int }

// Locate returns where the problem yaml.v3 described as msg (without its
// "yaml: line N: " prefix) is in data, or ok=false when it cannot say.
func Locate(data []byte, msg string) (p Pos, ok bool) {
	if strings.HasPrefix(msg, "control characters are not allowed") {
		return refused(data)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var err error
	for range 2 { // the loader reads a second document to refuse it
		var doc yaml.Node
		if err = dec.Decode(&doc); err != nil {
			break
		}
	}
	var le *yaml.LoadError
	if err == nil || errors.Is(err, io.EOF) || !errors.As(err, &le) || !strings.HasPrefix(le.Message, msg) || le.Mark.Line < 1 {
		return Pos{}, false // v4 sees it otherwise: no place is better than a wrong one
	}
	at := le.Mark
	// A construct left open ("[" with no "]", a quote with no end) fails
	// where the next token or the file ends, maybe far below: the place to
	// show is where it opened.
	if le.ContextMark.Line >= 1 && at.Line > le.ContextMark.Line && unclosed(le.ContextMsg) {
		at = le.ContextMark
	}
	return Pos{at.Line, max(at.Column, 1)}, true
}

func unclosed(context string) bool {
	return strings.Contains(context, "flow sequence") || strings.Contains(context, "flow mapping") || strings.Contains(context, "quoted scalar")
}

// refused finds the first character YAML refuses: a control character
// other than tab, line feed and carriage return, DEL, a C1 control other
// than U+0085, a surrogate, U+FFFE or U+FFFF.
func refused(data []byte) (Pos, bool) {
	line, start := 1, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == '\n' {
			line, start = line+1, i+1
		}
		if !allowed(r) || r == utf8.RuneError && size == 1 {
			return Pos{line, utf8.RuneCount(data[start:i]) + 1}, true
		}
		i += size
	}
	return Pos{}, false
}

func allowed(r rune) bool {
	return r == 0x09 || r == 0x0a || r == 0x0d || r >= 0x20 && r <= 0x7e || r == 0x85 ||
		r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd || r >= 0x10000 && r <= 0x10ffff
}
