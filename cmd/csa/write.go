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
	"sync"

	"github.com/mattn/go-isatty"
)

// target is where a command writes its result: standard output, or -o FILE.
//
// A file is written whole or not at all: the output goes to a temporary file
// beside the target, is synced to disk, then linked into place when the
// target must not exist (init and import without --force: link fails if a
// file got there first, so of two runs at once only one can succeed) or
// renamed over it. At that moment, not only at the start, the target is
// checked against the inputs by the file the kernel opens: no name for an
// input (a link, a path through .., a hard link, the file standard input
// came from, a catalogue) is ever replaced. The temporary file never
// survives: it is removed on every failure, and on an interrupt.
//
// A device or a pipe (-o /dev/null, /dev/stdout, a FIFO) is written to, not
// replaced; a terminal is refused for binary output.
type target struct {
	e         *env
	path      string   // "" or "-" for standard output
	inputs    []string // files read, refused as the output; "-" is standard input
	binary    string   // what a binary output is ("an XLSX workbook"): refuses a terminal
	exclusive bool     // refuses an existing file (init and import without --force)
}

func (o target) toStdout() bool { return o.path == "" || o.path == "-" }

// dest is the file a target's path names, as the kernel resolves it.
type dest struct {
	path   string      // every link followed
	info   fs.FileInfo // the file there now; nil when there is none
	device bool        // a device, pipe or socket: written through
}

func (o target) errTerminal() error {
	return usagef("refusing to write %s to the terminal: use -o FILE, or redirect with > FILE", o.binary)
}

// check refuses what write would refuse, before any work is done, so that a
// mistake costs one line and not an import. write checks again as it writes.
func (o target) check() error {
	if o.toStdout() {
		if o.binary != "" && o.e.isTerminal(o.e.stdout) {
			return o.errTerminal()
		}
		return nil
	}
	_, err := o.resolve()
	return err
}

// write produces the output with render and writes it to the target.
func (o target) write(render func(io.Writer) error) error {
	if o.toStdout() {
		if o.binary != "" && o.e.isTerminal(o.e.stdout) {
			return o.errTerminal()
		}
		return render(o.e.stdout)
	}
	if _, err := o.resolve(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	d, err := o.resolve()
	if err != nil {
		return err
	}
	if d.device {
		return o.writeDevice(d.path, buf.Bytes())
	}
	return o.writeFile(d, buf.Bytes())
}

// resolve finds the file the target names, and refuses a folder, an input,
// and an existing file when the target is exclusive.
func (o target) resolve() (dest, error) {
	info, err := os.Stat(o.path) // as the kernel follows it
	switch {
	case err == nil && info.IsDir():
		return dest{}, usagef("-o %s is a folder; name a file", o.path)
	case err == nil && !info.Mode().IsRegular():
		if o.binary != "" && info.Mode()&fs.ModeCharDevice != 0 && o.e.isTerminalPath(o.path) {
			return dest{}, o.errTerminal()
		}
		return dest{path: o.path, device: true}, nil
	case err == nil && isDescriptor(o.path):
		// -o /dev/stdout > FILE: the shell opened the file, with > or >>;
		// it is written through, as standard output would be, and appended
		// to, as >> asks. Still never an input.
		if err := o.refuseInput(info); err != nil {
			return dest{}, err
		}
		return dest{path: o.path, device: true}, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return dest{}, usagef("cannot write %s: %s", o.path, reason(err))
	}
	p, err := resolveLinks(o.path)
	if err != nil {
		return dest{}, usagef("cannot write %s: %s", o.path, reason(err))
	}
	info, err = os.Lstat(p)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return dest{}, usagef("cannot write %s: %s", o.path, reason(err))
		}
		return dest{path: p}, nil
	}
	if err := o.refuseInput(info); err != nil {
		return dest{}, err
	}
	if o.exclusive {
		return dest{}, o.exists()
	}
	return dest{path: p, info: info}, nil
}

func (o target) exists() error {
	return usagef("%s already exists; choose another name or use --force to overwrite it", o.path)
}

// refuseInput refuses out when it is one of the inputs: the same file, by
// whatever name.
func (o target) refuseInput(out fs.FileInfo) error {
	for _, in := range o.inputs {
		var info fs.FileInfo
		var err error
		if in == "-" {
			f, ok := o.e.stdin.(*os.File)
			if !ok {
				continue
			}
			info, err = f.Stat()
		} else {
			info, err = os.Stat(in)
		}
		if err != nil || !os.SameFile(info, out) {
			continue
		}
		if in == "-" {
			return usagef("-o %s is the file standard input is read from; refusing to overwrite it", o.path)
		}
		return usagef("-o %s is an input file; refusing to overwrite it", o.path)
	}
	return nil
}

// resolveLinks returns the path the kernel would write for path, following
// symbolic links in every part of it as the kernel does (a link's .. goes up
// from where the link points, not from where it stands), the last part
// included even when it names a file that does not exist yet (as > FILE in a
// shell would create it). The folder must exist.
func resolveLinks(path string) (string, error) {
	for range 40 { // the kernel's own limit on a chain of links
		dir, base := filepath.Split(path)
		if dir == "" {
			dir = "."
		}
		real, err := filepath.EvalSymlinks(dir)
		if err != nil {
			return "", err
		}
		full := filepath.Join(real, base) // base is one name: nothing to clean
		info, err := os.Lstat(full)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return full, nil
		}
		to, err := os.Readlink(full)
		if err != nil {
			return "", err
		}
		if filepath.IsAbs(to) {
			path = to
		} else {
			// Not filepath.Join, which would take a .. in the link as text.
			path = real + string(filepath.Separator) + to
		}
	}
	return "", errors.New("too many levels of symbolic links")
}

// writeDevice writes data to a device, a pipe or an open file (/dev/stdout),
// which has no file to replace: renaming over it would destroy it.
func (o target) writeDevice(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return usagef("cannot write %s: %s", path, reason(err))
	}
	if o.binary != "" && o.e.isTerminal(f) {
		f.Close()
		return o.errTerminal()
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

// linkFile is os.Link; a test replaces it to stand for a file system
// without hard links.
var linkFile = os.Link

// writeFile writes data beside d, syncs it, then links or renames it into
// place.
func (o target) writeFile(d dest, data []byte) error {
	fail := func(err error) error { return usagef("cannot write %s: %s", o.path, reason(err)) }
	tmp, err := createTemp(d.path)
	if err != nil {
		return fail(err)
	}
	name := tmp.Name()
	defer forgetTemp(name)
	defer os.Remove(name) // once linked, the temporary name goes; once renamed, a no-op
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fail(err)
	}
	// A file replaced keeps its permissions (a private report stays
	// private); a new one has what the umask gives, as with > FILE.
	if d.info != nil {
		if err := tmp.Chmod(d.info.Mode().Perm()); err != nil {
			tmp.Close()
			return fail(err)
		}
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	if o.exclusive {
		err := linkFile(name, d.path)
		switch {
		case errors.Is(err, fs.ErrExist):
			return o.exists()
		case err != nil:
			// No hard links here (some network and FAT file systems):
			// create-exclusive still, written in place.
			if err := writeExclusive(d.path, data); err != nil {
				if errors.Is(err, fs.ErrExist) {
					return o.exists()
				}
				return fail(err)
			}
		}
	} else {
		// The last look, at the moment of writing: whatever is there now
		// must not be an input.
		if info, err := os.Stat(d.path); err == nil {
			if err := o.refuseInput(info); err != nil {
				return err
			}
		}
		if err := os.Rename(name, d.path); err != nil {
			return fail(err)
		}
	}
	syncDir(filepath.Dir(d.path))
	return nil
}

// writeExclusive creates path, which must not exist, and writes data to it;
// on failure the file it created is removed.
func writeExclusive(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// syncDir asks for a folder's new entry to reach the disk. Not every system
// can sync a folder; the file itself is synced already.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// createTemp creates a hidden file beside path, with mode 0666 less the
// umask (os.CreateTemp would make it 0600), and remembers it so that an
// interrupt removes it.
func createTemp(path string) (*os.File, error) {
	dir, base := filepath.Dir(path), filepath.Base(path)
	for try := 0; ; try++ {
		name := filepath.Join(dir, fmt.Sprintf(".%s.%d-%d.tmp", base, os.Getpid(), rand.Uint32()))
		temps.Lock()
		if temps.stopped {
			temps.Unlock()
			return nil, errors.New("csa was interrupted")
		}
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
		if err == nil {
			temps.names[name] = true
		}
		temps.Unlock()
		if err == nil || !errors.Is(err, fs.ErrExist) || try == 100 {
			return f, err
		}
	}
}

// temps are the temporary files being written, for removeTemps.
var temps = struct {
	sync.Mutex
	names   map[string]bool
	stopped bool // interrupted: no more
}{names: map[string]bool{}}

func forgetTemp(name string) {
	temps.Lock()
	delete(temps.names, name)
	temps.Unlock()
}

// removeTemps removes the temporary files being written, when csa is
// interrupted, and stops new ones being made.
func removeTemps() {
	temps.Lock()
	defer temps.Unlock()
	temps.stopped = true
	for name := range temps.names {
		os.Remove(name)
		delete(temps.names, name)
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
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// isTerminal reports whether w is a terminal, by e.terminal, or else by
// isatty: not any character device (> /dev/null is one, and is not a
// terminal).
func (e *env) isTerminal(w io.Writer) bool {
	if s, ok := w.(*stdoutWriter); ok {
		w = s.w
	}
	if e.terminal != nil {
		return e.terminal(w)
	}
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// isTerminalPath reports whether path names a terminal (-o /dev/tty).
func (e *env) isTerminalPath(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY|noCTTY, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	return e.isTerminal(f)
}
