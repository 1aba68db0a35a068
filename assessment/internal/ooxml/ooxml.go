// Package ooxml opens the zip package of a Word or Excel file (.docx,
// .xlsx) for reading within limits, so that a small hostile file cannot
// make csa unpack or hold more than a real assessment ever needs.
//
// Every part is checked against its limit before it is read (from the size
// its zip header gives) and again while it is read (archive/zip refuses a
// part that unpacks to more than its header says, and the reader stops at
// the limit whatever happens). Large parts are read as a stream of XML, and
// no single piece of that XML (a tag, a run of text, a comment) may be
// longer than MaxToken, so the XML decoder never holds more. A limit
// reached is a *LimitError, worded for people.
package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits. They are far above what any assessment needs: a Word document of
// a hundred pages unpacks to a few megabytes.
const (
	MaxFile   = 64 << 20 // bytes of a whole file
	MaxParts  = 10000    // files inside one package
	MaxStream = 64 << 20 // bytes a part read as a stream (a document, a sheet, the shared strings) unpacks to
	MaxWhole  = 4 << 20  // bytes a part read whole (properties, relationships, list numbering) unpacks to
	MaxToken  = 4 << 20  // bytes of one piece of XML: a tag, a run of text, a comment
)

// LimitError is a file over one of csa's limits.
type LimitError struct{ Msg string }

func (e *LimitError) Error() string { return e.Msg }

// Limitf makes a LimitError.
func Limitf(format string, args ...any) error { return &LimitError{fmt.Sprintf(format, args...)} }

// IsLimit reports whether err is a LimitError.
func IsLimit(err error) bool {
	var le *LimitError
	return errors.As(err, &le)
}

// ErrNotZip is Open's error for bytes that are not a zip archive.
var ErrNotZip = errors.New("not a zip archive")

// DamagedError is a part that cannot be unpacked or read.
type DamagedError struct {
	Part string
	Err  error
}

func (e *DamagedError) Error() string { return e.Part + " cannot be unpacked" }

func (e *DamagedError) Unwrap() error { return e.Err }

// MB writes a limit in bytes as megabytes, for messages.
func MB(n int64) string { return fmt.Sprintf("%d MB", n>>20) }

// Package is a zip package opened for reading.
type Package struct {
	files map[string]*zip.File
	lower map[string]*zip.File // by name in lower case, for names Office writes in either case
	names []string
}

// Open opens data as a zip package. A file over MaxFile, or with more than
// MaxParts parts, is refused before its directory is read: each entry of a
// zip's directory costs memory to read.
func Open(data []byte) (*Package, error) {
	if len(data) > MaxFile {
		return nil, Limitf("it is over %s", MB(MaxFile))
	}
	// Every entry of the directory starts with this signature, so there
	// are no more entries than it appears.
	if bytes.Count(data, []byte("PK\x01\x02")) > MaxParts {
		return nil, Limitf("it holds more than %d files", MaxParts)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrNotZip
	}
	p := &Package{files: map[string]*zip.File{}, lower: map[string]*zip.File{}}
	for _, f := range zr.File {
		name := strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/")
		if _, dup := p.files[name]; dup {
			continue
		}
		p.files[name] = f
		p.names = append(p.names, name)
		if _, dup := p.lower[strings.ToLower(name)]; !dup {
			p.lower[strings.ToLower(name)] = f
		}
	}
	return p, nil
}

// Names lists the package's parts in the order of its directory.
func (p *Package) Names() []string { return p.names }

func (p *Package) file(name string) (*zip.File, bool) {
	if f, ok := p.files[name]; ok {
		return f, true
	}
	f, ok := p.lower[strings.ToLower(name)]
	return f, ok
}

// Has reports whether the package has a part of that name (in any case).
func (p *Package) Has(name string) bool {
	_, ok := p.file(name)
	return ok
}

// open opens a part after checking its size against limit.
func (p *Package) open(name string, limit int64) (io.ReadCloser, bool, error) {
	f, ok := p.file(name)
	if !ok {
		return nil, false, nil
	}
	if f.UncompressedSize64 > uint64(limit) {
		return nil, true, Limitf("its part %s unpacks to more than %s", name, MB(limit))
	}
	rc, err := f.Open()
	if err != nil {
		return nil, true, &DamagedError{name, err}
	}
	return rc, true, nil
}

// ReadAll reads a whole part, of at most limit bytes unpacked. ok is false
// when there is no such part.
func (p *Package) ReadAll(name string, limit int64) (data []byte, ok bool, err error) {
	rc, ok, err := p.open(name, limit)
	if !ok || err != nil {
		return nil, ok, err
	}
	defer rc.Close()
	data, err = io.ReadAll(io.LimitReader(rc, limit+1))
	switch {
	case err != nil:
		return nil, true, &DamagedError{name, err}
	case int64(len(data)) > limit:
		return nil, true, Limitf("its part %s unpacks to more than %s", name, MB(limit))
	}
	return data, true, nil
}

// Decoder is an XML decoder over a part read as a stream.
type Decoder struct {
	*xml.Decoder
	rc io.Closer
}

// Close closes the part.
func (d *Decoder) Close() error { return d.rc.Close() }

// Stream opens a part as a stream of XML, of at most limit bytes unpacked
// and no piece longer than MaxToken. ok is false when there is no such
// part. The decoder's errors include a *LimitError when a limit is reached.
func (p *Package) Stream(name string, limit int64) (d *Decoder, ok bool, err error) {
	rc, ok, err := p.open(name, limit)
	if !ok || err != nil {
		return nil, ok, err
	}
	return &Decoder{Decoder: NewDecoder(name, rc, limit), rc: rc}, true, nil
}

// NewDecoder is an XML decoder over r that stops with a *LimitError after
// limit bytes, or at a piece of XML longer than MaxToken. The encoding the
// XML declares is not applied: every name Office files use is ASCII, and
// their text is UTF-8.
func NewDecoder(part string, r io.Reader, limit int64) *xml.Decoder {
	d := xml.NewDecoder(&guard{r: r, part: part, limit: limit, left: limit, max: MaxToken})
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	return d
}

// guard passes XML through, counting: the bytes read, and the bytes of the
// current piece (from one '<' to the next, or to the end of a comment,
// CDATA section or processing instruction, which may hold '<'). The XML
// decoder holds a whole piece in memory, so a piece must not grow without
// end. A DOCTYPE, which Office never writes, is refused.
type guard struct {
	r     io.Reader
	part  string
	limit int64 // bytes allowed in all
	left  int64 // bytes still allowed
	max   int   // bytes allowed in one piece
	n     int   // bytes in the current piece
	state int
	term  string // the end of the special piece being read
	match int    // bytes of term matched
	err   error
}

const (
	inPiece   = iota // a tag or text: up to the next '<'
	afterLT          // the byte after '<'
	afterBang        // the byte after "<!"
	afterDash        // the byte after "<!-"
	inSpecial        // a comment, CDATA section or processing instruction: up to term
)

func (g *guard) Read(b []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	if int64(len(b)) > g.left+1 {
		b = b[:g.left+1]
	}
	n, err := g.r.Read(b)
	if int64(n) > g.left {
		g.err = Limitf("its part %s unpacks to more than %s", g.part, MB(g.limit))
		return 0, g.err
	}
	g.left -= int64(n)
	for _, c := range b[:n] {
		g.n++
		switch g.state {
		case inPiece:
			if c == '<' {
				g.n, g.state = 1, afterLT
			}
		case afterLT:
			switch c {
			case '!':
				g.state = afterBang
			case '?':
				g.state, g.term, g.match = inSpecial, "?>", 0
			case '<':
				g.n = 1
			default:
				g.state = inPiece
			}
		case afterBang:
			switch c {
			case '-':
				g.state = afterDash
			case '[':
				g.state, g.term, g.match = inSpecial, "]]>", 0
			default:
				g.err = &DamagedError{g.part, errors.New("a DOCTYPE or other declaration")}
				return 0, g.err
			}
		case afterDash:
			g.state, g.term, g.match = inSpecial, "-->", 0
		case inSpecial:
			switch {
			case c == g.term[g.match]:
				if g.match++; g.match == len(g.term) {
					g.state, g.match = inPiece, 0
				}
			case c == g.term[0] && g.match == 2 && g.term[1] == g.term[0]:
				// "--" then "-": still two of "-->"
			case c == g.term[0]:
				g.match = 1
			default:
				g.match = 0
			}
		}
		if g.n > g.max {
			g.err = Limitf("its part %s has a piece of XML (a tag or a run of text) over %s", g.part, MB(int64(g.max)))
			return 0, g.err
		}
	}
	if err != nil {
		return n, err
	}
	return n, nil
}
