package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/output"
	"github.com/csa-tool/csa/codes"
)

// input is an assessment named on the command line: a file, standard input
// ("-"), or REV:PATH, a file as it was in a git revision.
type input struct {
	arg       string
	data      []byte
	rev, path string // set when read from git
}

// fromGit reports whether the input was read from a git revision.
func (in *input) fromGit() bool { return in.rev != "" || in.path != "" }

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
	data, err := gitShow(arg, arg)
	if err != nil {
		return nil, err
	}
	return &input{arg: arg, data: data, rev: rev, path: p}, nil
}

// gitShow returns the file git names spec (REV:PATH); arg is what the user
// typed, for messages. A bad revision or path is a usage error with git's
// reason, in one line.
func gitShow(arg, spec string) ([]byte, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, usagef("%s: no such file, and git is not installed to read it as REVISION:PATH", arg)
	}
	out, reason, err := runGit(git, "show", spec)
	if err != nil {
		if strings.Contains(reason, "not a git repository") {
			return nil, usagef("%s: no such file, and the current folder is not in a git repository, so it cannot be read as REVISION:PATH", arg)
		}
		return nil, usagef("%s: git cannot read it: %s", arg, reason)
	}
	kind, _, err := runGit(git, "cat-file", "-t", spec)
	if err == nil && strings.TrimSpace(string(kind)) != "blob" {
		return nil, usagef("%s is a folder in git, not a file; name the assessment file", arg)
	}
	return out, nil
}

// runGit runs git from the current folder and returns its output, and the
// first line of what it said on failure, without its "fatal: ".
func runGit(git string, args ...string) (out []byte, reason string, err error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(git, append([]string{"--no-pager"}, args...)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if err == nil {
		return stdout.Bytes(), "", nil
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

// loadArg reads and loads an assessment named on the command line, with its
// catalogue, as loadAssessment does for a file. From git, a catalogue file
// the assessment names by a relative path is read from the same revision.
func loadArg(e *env, arg string) (*assessment.Assessment, *codes.Catalogue, *input, error) {
	in, err := readArg(e, arg)
	if err != nil {
		return nil, nil, nil, err
	}
	name := arg
	if arg == "-" {
		name = "<stdin>"
	}
	a, fs := assessment.Parse(name, in.data)
	var cat *codes.Catalogue
	if a != nil && a.Code != "" {
		if in.fromGit() && looksLikeCatalogueFile(a.Code) && !filepath.IsAbs(a.Code) {
			if cat, err = catalogueAt(in, a.Code); err != nil {
				return nil, nil, nil, err
			}
		} else {
			var f *assessment.Finding
			if cat, f = assessment.Catalogue(a); f != nil {
				fs = append(fs, *f)
			}
		}
	}
	if assessment.HasErrors(fs) {
		assessment.SortFindings(fs)
		for _, f := range fs {
			if f.Severity == assessment.Error {
				fmt.Fprintln(e.stderr, output.Line(f))
			}
		}
		if in.fromGit() {
			return nil, nil, nil, usagef("%s is not a valid assessment; fix the errors above", arg)
		}
		return nil, nil, nil, usagef("%s is not a valid assessment; fix the errors above (csa check %s lists them all)", name, arg)
	}
	return a, cat, in, nil
}

// looksLikeCatalogueFile matches codes.Lookup's test for a path.
func looksLikeCatalogueFile(code string) bool {
	return strings.ContainsAny(code, `/\`) || strings.HasSuffix(code, ".yaml") || strings.HasSuffix(code, ".yml")
}

// catalogueAt reads a catalogue file named relative to an assessment read
// from git, at the same revision.
func catalogueAt(in *input, code string) (*codes.Catalogue, error) {
	dir := path.Dir(filepath.ToSlash(in.path))
	p := path.Join(dir, filepath.ToSlash(code))
	if (strings.HasPrefix(in.path, "./") || strings.HasPrefix(in.path, "../")) && !strings.HasPrefix(p, "../") {
		p = "./" + p // still relative to the current folder, as git reads it
	}
	spec := in.rev + ":" + p
	data, err := gitShow(spec, spec)
	if err != nil {
		return nil, usagef("%s names the catalogue %s: %s", in.arg, code, strings.TrimPrefix(err.Error(), spec+": "))
	}
	cat, err := codes.Parse(bytes.NewReader(data), spec)
	if err != nil {
		return nil, usagef("%s", err)
	}
	return cat, nil
}
