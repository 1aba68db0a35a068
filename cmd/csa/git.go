package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/csa-tool/csa/assessment/load"
	"github.com/csa-tool/csa/codes"
)

// readArg reads an assessment named as OLD or NEW (or --from). A path that
// exists is a file, even with a colon in its name; otherwise REV:PATH is read
// with git show, from the current folder, so PATH is relative to the top of
// the repository, or to the current folder when it starts with ./ or ../.
func readArg(e *env, arg string) (*input, error) {
	if arg == "-" {
		data, err := readInput(e, arg)
		return &input{arg: arg, data: data}, err
	}
	if _, err := os.Lstat(arg); err == nil {
		data, err := readInput(e, arg)
		return &input{arg: arg, data: data}, err
	}
	rev, p, ok := strings.Cut(arg, ":")
	if !ok {
		_, err := readInput(e, arg) // words the missing file
		return nil, err
	}
	if strings.HasPrefix(rev, "-") {
		return nil, usagef("%s: no such file, and %q is not a git revision", arg, rev)
	}
	data, err := gitShow(arg, maxFromGit, "assessment")
	var ge *gitError
	switch {
	case errors.As(err, &ge) && ge.folder:
		return nil, usagef("%s is a folder in git, not a file; name the assessment file", arg)
	case errors.As(err, &ge) && ge.reason != "":
		return nil, usagef("%s: no such file, and git cannot read it as REV:PATH: %s", arg, ge.reason)
	case err != nil:
		return nil, usagef("%s: no such file, and %s", arg, err)
	}
	return &input{arg: arg, data: data, rev: rev, path: p}, nil
}

// gitError is why git could not read REV:PATH: git's reason in one line,
// or that it names a folder.
type gitError struct {
	reason string
	folder bool
}

func (e *gitError) Error() string {
	if e.folder {
		return "it is a folder, not a file"
	}
	return e.reason
}

// maxFromGit bounds an assessment read from git, as readInput bounds one
// read from a file: no assessment is near it.
const maxFromGit = 64 << 20

// gitShow returns the file git names spec (REV:PATH), of at most limit
// bytes: git is asked its size first, so a huge file is never read (what
// the file should be names it in the refusal). When git
// is missing, or the current folder is not in a repository, the error
// completes "no such file, and ..."; when git cannot read spec, it is a
// *gitError.
func gitShow(spec string, limit int64, what string) ([]byte, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, errors.New("git is not installed to read it as REV:PATH")
	}
	if size, _, err := runGit(git, "cat-file", "-s", spec); err == nil {
		if n, err := strconv.ParseInt(strings.TrimSpace(string(size)), 10, 64); err == nil && n > limit {
			return nil, &gitError{reason: fmt.Sprintf("it is larger than %d MB, more than any %s", limit>>20, what)}
		}
	} // else git show says why
	out, reason, err := runGit(git, "show", spec)
	if errors.Is(err, errTooLarge) {
		return nil, &gitError{reason: fmt.Sprintf("it is larger than %s, more than csa reads from one file of this kind", megabytes(maxText))}
	}
	if err != nil {
		if strings.Contains(reason, "not a git repository") {
			return nil, errors.New("the current folder is not in a git repository, so it cannot be read as REV:PATH")
		}
		return nil, &gitError{reason: reason}
	}
	kind, _, err := runGit(git, "cat-file", "-t", spec)
	if err == nil && strings.TrimSpace(string(kind)) != "blob" {
		return nil, &gitError{folder: true}
	}
	return out, nil
}

// runGit runs git from the current folder and returns its output, and the
// first line of what it said on failure, without its "fatal: ".
func runGit(git string, args ...string) (out []byte, reason string, err error) {
	var stderr bytes.Buffer
	stdout := &limitedBuffer{limit: maxText}
	cmd := exec.Command(git, append([]string{"--no-pager"}, args...)...)
	cmd.Stdout, cmd.Stderr = stdout, &stderr
	err = cmd.Run()
	if stdout.over {
		return nil, "", errTooLarge
	}
	if err == nil {
		return stdout.buf.Bytes(), "", nil
	}
	for _, l := range strings.Split(stderr.String(), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "hint:") {
			continue
		}
		reason = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(l, "fatal: "), "error: "), ".")
		break
	}
	if reason == "" {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			reason = "git stopped (" + ee.String() + ")"
		} else {
			reason = "git could not be run"
		}
	}
	return nil, reason, err
}

// limitedBuffer keeps at most limit bytes, and then refuses more (git then
// stops, its output pipe closed).
// (Not an embedded bytes.Buffer, whose ReadFrom io.Copy would use instead
// of Write.)
type limitedBuffer struct {
	buf   bytes.Buffer
	limit int
	over  bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.buf.Len()+len(p) > b.limit {
		b.over = true
		return 0, errTooLarge
	}
	return b.buf.Write(p)
}

// loadArg reads and loads an assessment named on the command line (OLD or
// NEW of diff, LAST of init --from), with its catalogue, a catalogue file
// only from folders (or from the revision it was read from). An assessment
// that cannot be loaded is one line on stderr: see readAssessment.
func loadArg(e *env, arg string, folders codes.Resolver) (*load.File, *input, error) {
	in, err := readArg(e, arg)
	if err != nil {
		return nil, nil, err
	}
	f, err := readAssessment(in, folders)
	if err != nil {
		return nil, nil, err
	}
	return f, in, nil
}

// gitTree is a git revision as a file system, its names from the top of
// the repository: a catalogue file an assessment read from git names is read
// from the same revision through it (see codes.Resolver.In).
type gitTree struct{ rev string }

// Stat says what git has at name: a file and its size, or a folder.
func (t gitTree) Stat(name string) (fs.FileInfo, error) {
	spec, git, err := t.spec("stat", name)
	if err != nil {
		return nil, err
	}
	kind, reason, err := runGit(git, "cat-file", "-t", spec)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: errors.New(reason)}
	}
	info := gitInfo{name: path.Base(name), dir: strings.TrimSpace(string(kind)) == "tree"}
	if !info.dir {
		size, reason, err := runGit(git, "cat-file", "-s", spec)
		if err != nil {
			return nil, &fs.PathError{Op: "stat", Path: name, Err: errors.New(reason)}
		}
		if info.size, err = strconv.ParseInt(strings.TrimSpace(string(size)), 10, 64); err != nil {
			return nil, &fs.PathError{Op: "stat", Path: name, Err: err}
		}
	}
	return info, nil
}

// ReadFile returns the file at name, of at most maxText bytes.
func (t gitTree) ReadFile(name string) ([]byte, error) {
	spec, git, err := t.spec("read", name)
	if err != nil {
		return nil, err
	}
	data, reason, err := runGit(git, "show", spec)
	switch {
	case errors.Is(err, errTooLarge):
		return nil, &fs.PathError{Op: "read", Path: name, Err: fmt.Errorf("it is larger than %s, more than csa reads from one file of this kind", megabytes(maxText))}
	case err != nil:
		return nil, &fs.PathError{Op: "read", Path: name, Err: errors.New(reason)}
	}
	return data, nil
}

// Open opens the file at name, read whole.
func (t gitTree) Open(name string) (fs.File, error) {
	info, err := t.Stat(name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: name, Err: errors.New("it is a folder, not a file")}
	}
	data, err := t.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return &gitFile{Reader: bytes.NewReader(data), info: info}, nil
}

// spec is REV:NAME, for a name fs.FS allows, and the git to run.
func (t gitTree) spec(op, name string) (spec, git string, err error) {
	if !fs.ValidPath(name) {
		return "", "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	git, err = exec.LookPath("git")
	if err != nil {
		return "", "", &fs.PathError{Op: op, Path: name, Err: errors.New("git is not installed")}
	}
	return t.rev + ":" + name, git, nil
}

// gitPrefix is the current folder from the top of the repository ("sub/"),
// as git reads ./ and ../ in REV:PATH; "" at the top, or when git cannot
// say.
func gitPrefix() string {
	git, err := exec.LookPath("git")
	if err != nil {
		return ""
	}
	out, _, err := runGit(git, "rev-parse", "--show-prefix")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

type gitInfo struct {
	name string
	size int64
	dir  bool
}

func (i gitInfo) Name() string { return i.name }
func (i gitInfo) Size() int64  { return i.size }
func (i gitInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i gitInfo) ModTime() time.Time { return time.Time{} }
func (i gitInfo) IsDir() bool        { return i.dir }
func (i gitInfo) Sys() any           { return nil }

type gitFile struct {
	*bytes.Reader
	info fs.FileInfo
}

func (f *gitFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *gitFile) Close() error               { return nil }
