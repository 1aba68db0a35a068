package codes

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// ErrUnknown matches (errors.Is) every error Lookup returns when a code
// names no catalogue it can load.
var ErrUnknown = errors.New("unknown code")

// unknownError is such an error, with a message fit for a person. A code
// that is no name csa knows is named in it (code); the rest is the reason.
type unknownError struct{ code, reason string }

func (e *unknownError) Error() string {
	if e.code != "" {
		return "unknown code " + e.code + ": " + e.reason
	}
	return e.reason
}
func (e *unknownError) Is(target error) bool { return target == ErrUnknown }

func unknownf(format string, args ...any) error {
	return &unknownError{reason: fmt.Sprintf(format, args...)}
}

// Reason is why a code names no catalogue, as a finding of the rule
// unknown-code words it: the error's message without "unknown code " before
// it, since the rule's name says so.
func Reason(err error) string {
	var u *unknownError
	if errors.As(err, &u) && u.code != "" {
		return u.code + ": " + u.reason
	}
	return err.Error()
}

// isPath reports whether a code names a catalogue file rather than a
// built-in Code: it has a slash, or ends .yaml or .yml. csa's one test of
// it.
func isPath(code string) bool {
	return strings.ContainsAny(code, `/\`) || strings.HasSuffix(code, ".yaml") || strings.HasSuffix(code, ".yml")
}

// A Resolver finds the catalogue a code names: a built-in Code by its id or
// short form, or a catalogue file by its path, relative to the folder of the
// file that names it. Where a catalogue file may be read from is the
// resolver's rule:
//
//   - a code a person typed (Typed: csa init --code, csa codes FILE) is read
//     wherever it is;
//   - a code named inside a file, which may come from anyone (an assessment
//     in a pull request), only from the working folder and the folders
//     given, with links resolved (Within), so that code: cannot make csa
//     read /proc/self/environ or /etc/shadow on a CI runner and print it;
//   - a relative path named inside a file read from a git revision, from the
//     same revision, through its fs.FS (In), never from outside it.
//
// The zero Resolver is Within(): the working folder alone. Catalogues are
// cached, so lookups from many files in parallel load each one once; callers
// must not modify what they are given.
type Resolver struct {
	typed bool     // read a file wherever it is
	dirs  []string // besides the working folder, where a file may be: absolute, links resolved
	fsys  fs.FS    // where relative paths are read from, when not the disk
	label string   // what fsys is, for messages: "HEAD"
	root  string   // what fsys's root is, for messages: "the repository"
}

// Typed is the resolver for a code a person typed: a catalogue file is read
// wherever it is.
func Typed() Resolver { return Resolver{typed: true} }

// Within is the resolver for a code named inside a file: a catalogue file
// only from the working folder and dirs. A folder that does not exist
// allows nothing.
func Within(dirs ...string) Resolver {
	var r Resolver
	for _, d := range dirs {
		if abs, err := filepath.Abs(d); err == nil {
			r.dirs = append(r.dirs, realPath(abs))
		}
	}
	return r
}

// In returns r reading a catalogue file named by a relative path from fsys
// instead of the disk (a git revision: label "HEAD", root "the
// repository"): the file that names it came from there, and so do the
// files beside it. A path that leaves fsys's root is refused. Built-in
// codes and absolute paths are resolved as r resolves them.
func (r Resolver) In(fsys fs.FS, label, root string) Resolver {
	r.fsys, r.label, r.root = fsys, label, root
	return r
}

// Lookup returns the catalogue a code names, typed by a person: an embedded
// id ("chc-2024", any case), its short form ("2024"), or a path to a
// catalogue file, read wherever it is; a relative path is taken from dir. A
// code named inside a file goes through a Resolver from Within.
func Lookup(name, dir string) (*Catalogue, error) { return Typed().Lookup(name, dir) }

// Lookup returns the catalogue name names, a relative path taken from dir
// (a slash-separated folder of fsys for a resolver from In).
func (r Resolver) Lookup(name, dir string) (*Catalogue, error) {
	name = strings.TrimSpace(name)
	if id, ok := builtinID(name); ok {
		return builtin(id), nil
	}
	if !isPath(name) {
		return nil, &unknownError{code: strconv.Quote(name), reason: fmt.Sprintf("the built-in codes are %s (or 2022, 2024), or name a catalogue file ending .yaml", strings.Join(Embedded(), ", "))}
	}
	if r.fsys != nil && !filepath.IsAbs(name) {
		return r.fromFS(name, dir)
	}
	p := name
	if !filepath.IsAbs(p) && dir != "" {
		p = filepath.Join(dir, p)
	}
	if !r.typed && !r.allows(p) {
		return nil, unknownf("catalogue file %s is outside the working folder and the folders being read: csa reads a catalogue named in a file only from there (--catalogues-from FOLDER allows another)", p)
	}
	return cached(p, func() (*Catalogue, error) { return readFile(p) })
}

// allows reports whether p, with its links resolved, is in the working
// folder or one of r's. A file that does not exist is judged by its name.
func (r Resolver) allows(p string) bool {
	abs, err := filepath.Abs(p)
	if err != nil {
		return false
	}
	real := realPath(abs)
	roots := r.dirs
	if wd, err := os.Getwd(); err == nil {
		roots = append([]string{realPath(wd)}, roots...)
	}
	for _, root := range roots {
		if inside(real, root) {
			return true
		}
	}
	return false
}

// realPath is p with its links resolved, or p itself when it cannot be
// resolved (it does not exist).
func realPath(p string) string {
	if real, err := filepath.EvalSymlinks(p); err == nil {
		return real
	}
	return p
}

// inside reports whether p is root or below it.
func inside(p, root string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && !filepath.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// MaxFileSize bounds a catalogue file: the 2024 Code, every provision with
// its full wording, is some 100 KB.
const MaxFileSize = 4 << 20

// readFile reads a catalogue file on the disk: a regular file, not a device
// or a pipe (/dev/zero would never end, a pipe would wait for ever), of at
// most MaxFileSize bytes.
func readFile(p string) (*Catalogue, error) {
	notRegular := unknownf("catalogue file %s is not a regular file (a folder, a device or a pipe): name a catalogue file", p)
	info, err := os.Stat(p)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, unknownf("catalogue file %s does not exist", p)
	case err != nil:
		return nil, unknownf("catalogue file %s cannot be read", p)
	case !info.Mode().IsRegular():
		return nil, notRegular
	case info.Size() > MaxFileSize:
		return nil, tooBig(p)
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, unknownf("catalogue file %s cannot be read", p)
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, notRegular // replaced since it was looked at
	}
	return Parse(f, p)
}

func tooBig(source string) error {
	return unknownf("catalogue file %s is larger than %d MB, more than any catalogue: name a catalogue file", source, MaxFileSize>>20)
}

// fromFS reads a catalogue file named by a relative path from r's fs.FS,
// from the folder dir of it.
func (r Resolver) fromFS(name, dir string) (*Catalogue, error) {
	p := path.Join(dir, filepath.ToSlash(name))
	if !fs.ValidPath(p) {
		return nil, unknownf("catalogue file %s is outside %s, so it cannot be read from %s", name, r.root, r.label)
	}
	cannot := func(why string) error {
		return unknownf("catalogue file %s cannot be read from %s: %s", name, r.label, why)
	}
	source := r.label + ":" + p
	return cached(source, func() (*Catalogue, error) {
		info, err := fs.Stat(r.fsys, p)
		switch {
		case err != nil:
			return nil, cannot(fsReason(err))
		case info.IsDir():
			return nil, cannot("it is a folder, not a file")
		case info.Size() > MaxFileSize:
			return nil, cannot(fmt.Sprintf("it is larger than %d MB, more than any catalogue", MaxFileSize>>20))
		}
		data, err := fs.ReadFile(r.fsys, p)
		if err != nil {
			return nil, cannot(fsReason(err))
		}
		return ParseBytes(data, source)
	})
}

// fsReason is why an fs.FS could not give a file: the reason alone, without
// the operation and the name a *fs.PathError puts before it.
func fsReason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

var (
	cacheMu sync.Mutex
	cache   = map[string]*Catalogue{}
)

func cached(key string, load func() (*Catalogue, error)) (*Catalogue, error) {
	cacheMu.Lock()
	defer cacheMu.Unlock()
	if c, ok := cache[key]; ok {
		return c, nil
	}
	c, err := load()
	if err != nil {
		return nil, err
	}
	cache[key] = c
	return c, nil
}
