package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mattn/go-isatty"

	"github.com/csa-tool/csa/codes"
)

// collect expands the paths named on the command line into files: a file as
// it is ("-" is standard input), a folder recursively for *.yaml and *.yml,
// hidden folders skipped.
// found marks files that came from a folder walk.
func collect(paths []string) (files []string, found map[string]bool, err error) {
	found = map[string]bool{}
	seen := map[string]bool{}
	for _, p := range paths {
		if p == "-" { // standard input
			if !seen[p] {
				seen[p] = true
				files = append(files, p)
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, nil, pathError(p, err)
		}
		if !info.IsDir() {
			if !seen[p] {
				seen[p] = true
				files = append(files, p)
			}
			continue
		}
		var inDir []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return pathError(path, err)
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			ext := strings.ToLower(filepath.Ext(name))
			if (ext == ".yaml" || ext == ".yml") && !strings.HasPrefix(name, ".") && !seen[path] && regular(path, d) {
				seen[path] = true
				found[path] = true
				inDir = append(inDir, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		sort.Strings(inDir)
		files = append(files, inDir...)
	}
	return files, found, nil
}

// regular reports whether a folder entry is a file to read: a plain file, or
// a link to one. A pipe would block the walk for ever, and a link to a
// folder is not followed.
func regular(path string, d fs.DirEntry) bool {
	if d.Type().IsRegular() {
		return true
	}
	if d.Type()&fs.ModeSymlink == 0 {
		return false
	}
	info, err := os.Stat(path)
	return err == nil && info.Mode().IsRegular()
}

// pathError words a failure to read a path for a person.
func pathError(p string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return usagef("%s: no such file or folder", p)
	case errors.Is(err, fs.ErrPermission):
		return usagef("%s: permission denied", p)
	}
	return usagef("%s: cannot be read", p)
}

// target is where a command writes its result: standard output, or a file
// written atomically (a temporary file beside it, renamed into place), so a
// reader never sees half a report and a failure leaves the old file intact.
type target struct {
	e      *env
	path   string // "" or "-" for standard output
	inputs []string
	binary bool // refuses a terminal
}

// write produces the output with render. It refuses to overwrite an input.
func (o target) write(render func(io.Writer) error) error {
	if o.path == "" || o.path == "-" {
		if o.binary && isTerminal(o.e.stdout) {
			return usagef("refusing to write a binary file to the terminal: use -o FILE, or redirect with > FILE")
		}
		return render(o.e.stdout)
	}
	if err := o.refuseInput(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	// Through a symbolic link to the file it names: renaming over the link
	// would replace the link, and the file it names would never change.
	path := followLinks(o.path)
	// A device or a pipe (-o /dev/stdout, a FIFO) is written to, not renamed
	// over: there is no file to replace, and renaming would destroy it.
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return writeDirect(path, buf.Bytes())
	}
	return writeAtomic(path, buf.Bytes())
}

// catalogueFiles are the files the catalogues were read from, for target's
// inputs: a landlord's own catalogue is an input like the assessment.
func catalogueFiles(cats ...*codes.Catalogue) []string {
	var files []string
	for _, c := range cats {
		if c != nil && c.Source != "" && c.Source != "embedded" {
			files = append(files, c.Source)
		}
	}
	return files
}

// catalogueRef is how an assessment written to out names the catalogue file
// read from source: relative to out's folder, where csa check looks for it
// (or to the working folder when out is standard output). fallback is used
// when source is not a file on disk.
func catalogueRef(source, out, fallback string) string {
	src, err := filepath.Abs(source)
	if err != nil {
		return fallback
	}
	if _, err := os.Stat(src); err != nil {
		return fallback
	}
	dir := "."
	if out != "" && out != "-" {
		dir = filepath.Dir(out)
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return fallback
	}
	rel, err := filepath.Rel(absDir, src)
	if err != nil {
		return filepath.ToSlash(src)
	}
	return filepath.ToSlash(rel)
}

// followLinks resolves path while it is a symbolic link, even one naming a
// file that does not exist yet (as > FILE in a shell would write it).
func followLinks(path string) string {
	for range 40 { // the kernel's own limit on a chain of links
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&os.ModeSymlink == 0 {
			return path
		}
		to, err := os.Readlink(path)
		if err != nil {
			return path
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return path
}

func writeDirect(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return usagef("cannot write %s: %s", path, reason(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return usagef("cannot write %s: %s", path, reason(err))
	}
	if err := f.Close(); err != nil {
		return usagef("cannot write %s: %s", path, reason(err))
	}
	return nil
}

func (o target) refuseInput() error {
	out, err := os.Stat(o.path)
	if err != nil {
		return nil // does not exist yet: cannot be an input
	}
	if out.IsDir() {
		return usagef("-o %s is a folder; name a file", o.path)
	}
	for _, in := range o.inputs {
		if info, err := os.Stat(in); err == nil && os.SameFile(info, out) {
			return usagef("-o %s is an input file; refusing to overwrite it", o.path)
		}
	}
	return nil
}

func writeAtomic(path string, data []byte) error {
	tmp, err := createTemp(path)
	if err != nil {
		return usagef("cannot write %s: %s", path, reason(err))
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return usagef("cannot write %s: %s", path, reason(err))
	}
	if err := tmp.Close(); err != nil {
		return usagef("cannot write %s: %s", path, reason(err))
	}
	// A file replaced keeps its permissions (a private report stays
	// private); a new one has what the umask gives, as with > FILE.
	if info, err := os.Stat(path); err == nil {
		if err := os.Chmod(tmp.Name(), info.Mode().Perm()); err != nil {
			return usagef("cannot write %s: %s", path, reason(err))
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return usagef("cannot write %s: %s", path, reason(err))
	}
	return nil
}

// createTemp creates a hidden file beside path, with mode 0666 less the
// umask (os.CreateTemp would make it 0600).
func createTemp(path string) (*os.File, error) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	for try := 0; ; try++ {
		name := filepath.Join(dir, fmt.Sprintf(".%s.%d-%d.tmp", base, os.Getpid(), rand.Uint32()))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if err == nil || !errors.Is(err, fs.ErrExist) || try == 100 {
			return f, err
		}
	}
}

// reason is the plain cause of a file system error.
func reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "the folder does not exist"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// isTerminal reports whether w is a terminal: not any character device
// (> /dev/null is one, and is not a terminal).
func isTerminal(w io.Writer) bool {
	if s, ok := w.(*stdoutWriter); ok {
		w = s.w
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}
