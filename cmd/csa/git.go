package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/csa-tool/csa/assessment"
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
// only from folders. An assessment that cannot be loaded is one line on
// stderr: see decodeAssessment.
func loadArg(e *env, arg string, folders codes.Folders) (*assessment.Assessment, *codes.Catalogue, *input, error) {
	in, err := readArg(e, arg)
	if err != nil {
		return nil, nil, nil, err
	}
	a, cat, err := decodeAssessment(in, folders)
	if err != nil {
		return nil, nil, nil, err
	}
	return a, cat, in, nil
}

// looksLikeCatalogueFile matches codes.Lookup's test for a path.
func looksLikeCatalogueFile(code string) bool {
	return strings.ContainsAny(code, `/\`) || strings.HasSuffix(code, ".yaml") || strings.HasSuffix(code, ".yml")
}

// catalogueAt reads the catalogue file an assessment read from git names by
// a relative path, from the same revision. When it cannot, the finding says
// why, at the assessment's code.
func catalogueAt(in *input, a *assessment.Assessment) (*codes.Catalogue, *assessment.Finding) {
	bad := func(format string, args ...any) *assessment.Finding {
		p := a.CodePos
		if p.Line == 0 {
			p = assessment.Pos{Line: 1, Col: 1}
		}
		return &assessment.Finding{Rule: assessment.RuleUnknownCode, Severity: assessment.Error, File: in.name(),
			Line: p.Line, Col: p.Col, Message: fmt.Sprintf(format, args...)}
	}
	cwd := strings.HasPrefix(in.path, "./") || strings.HasPrefix(in.path, "../")
	p := path.Join(path.Dir(filepath.ToSlash(in.path)), filepath.ToSlash(a.Code))
	switch {
	case !cwd && (p == ".." || strings.HasPrefix(p, "../")):
		return nil, bad("catalogue file %s is outside the repository, so it cannot be read from %s", a.Code, in.rev)
	case cwd && !strings.HasPrefix(p, "../"):
		p = "./" + p // still relative to the current folder, as git reads it
	}
	spec := in.rev + ":" + p
	data, err := gitShow(spec, codes.MaxFileSize, "catalogue")
	if err != nil {
		return nil, bad("catalogue file %s cannot be read from %s: %s", a.Code, in.rev, err)
	}
	cat, err := codes.Parse(bytes.NewReader(data), spec)
	if err != nil {
		return nil, bad("%s", err)
	}
	return cat, nil
}
