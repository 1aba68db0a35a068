package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/safetext"
)

type fmtOptions struct {
	paths []string
	write bool // -w: rewrite files in place
	check bool // --check: list files that differ, exit 1
}

func newFmtCmd(e *env) *cobra.Command {
	o := &fmtOptions{}
	cmd := &cobra.Command{
		Use:   "fmt [-w] [--check] PATH...",
		Short: "Lay assessment files out in csa's one canonical form",
		Long: `Fmt lays assessment files out in one canonical form, so that a diff between
two years, or two people's edits, shows what changed and not how it was typed:

  - keys in one order (as the README shows them), provisions in Code order (6.9 before
    6.10), every id in double quotes;
  - evidence, commentary and other prose, and any text of several lines, as
    a | block ending in one line break;
  - other values plain, quoted only where YAML would read them as something
    else; lists and keys in block style, indented two spaces;
  - no blank lines (but inside | text, and after a comment that opens the
    file set apart by one);
  - comments kept with the key, value or provision they are written against,
    and moved with it; the comment that opens the file stays at the top.

It never changes what csa reads: it reads each result back and refuses one
that would read differently (say so if it ever does). Running it twice
changes nothing the second time. csa init and csa import write this form.

Folders are searched recursively for *.yaml and *.yml, skipping hidden
folders. A file proven not to be an assessment (a catalogue, a figures
file, an annual report, a CI workflow) is left as it is, with a note,
whether found in a folder or named: so a pre-commit hook can name every
YAML file committed.
"-" reads standard input and writes to standard output.

Without -w or --check, the formatted files go to standard output, and no
file is touched. -w rewrites each file that changes, in place and whole (a
file keeps its permissions; one already in form is not touched): fmt -w is
the one way csa rewrites its input. --check writes nothing
but lists the files that are not in form and exits 1 if there are any: for
CI. -w --check together rewrite them and list them, exiting 1 if any
changed: for a pre-commit hook.

Exits 2 when a file cannot be read, or is not YAML csa can read (a syntax
error, an empty file, two documents): each is named, and left as it is,
and the other files are still formatted.`,
		Example: `  csa fmt -w assessments/
  csa fmt --check .
  csa fmt assessment.yaml | diff assessment.yaml -`,
		Args: argCount(1, 1<<30, "fmt needs a file or folder to format (- for standard input): csa fmt -w assessment.yaml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.paths = args
			return runFmt(e, o)
		},
	}
	fs := cmd.Flags()
	fs.BoolVarP(&o.write, "write", "w", false, "rewrite each file that is not in form, in place")
	fs.BoolVar(&o.check, "check", false, "list the files that are not in form and exit 1 if there are any")
	return cmd
}

// fmtResult is what formatting one file came to.
type fmtResult struct {
	path    string // as named or found; "-" for standard input
	name    string // as shown: <stdin> for standard input
	skipped string // why a file from a folder walk is not an assessment
	out     []byte // the formatted file
	changed bool
	err     error // the file cannot be read or formatted: exit 2
}

func runFmt(e *env, o *fmtOptions) error {
	files, _, err := collect(o.paths)
	if err != nil {
		return err
	}
	if o.write {
		for _, f := range files {
			if f == "-" {
				return usagef("-w rewrites files in place: standard input (-) has none; leave out -w")
			}
		}
	}
	// Each file is read, laid out and dropped; a few at a time are held.
	// What is live is small and what is garbage is most of the work (each
	// file's tree, read twice), so the collector may let the heap grow to
	// four times it, not twice, as check does: about a fifth less time for
	// a thousand files out of form (BenchmarkFmt1000).
	debug.SetGCPercent(300)
	results := formatAll(len(files), func(i int) fmtResult {
		return formatOne(e, files[i])
	})
	failed, differ, formatted := false, 0, 0
	for r := range results {
		switch {
		case r.skipped != "":
			e.notef("skipping %s: %s", r.name, r.skipped)
			continue
		case r.err != nil:
			failed = true
			say(e.stderr, "csa: "+r.err.Error())
			continue
		}
		formatted++
		if o.write && r.changed {
			t := target{e: e, path: r.path}
			if err := t.write(func(w io.Writer) error { _, err := w.Write(r.out); return err }); err != nil {
				failed = true
				say(e.stderr, "csa: "+err.Error())
				continue
			}
		}
		if r.changed {
			differ++ // counted once written: "rewrote" counts what was
		}
		switch {
		case o.check && r.changed:
			fmt.Fprintln(e.stdout, safetext.Line(r.name)) // a name could hold a line break
		case !o.check && !o.write:
			e.stdout.Write(r.out) // a failed write is run's to report
		}
	}
	switch {
	case formatted == 0 && !failed:
		// Nothing to do is not a failure (a hook given only a workflow),
		// but a folder named by mistake should not pass in silence.
		e.notef("no assessments to format")
	case o.check && differ > 0 && o.write:
		e.notef("rewrote %s in csa fmt's form", english.Count(differ, "file"))
	case o.check && differ > 0:
		them := "them"
		if differ == 1 {
			them = "it"
		}
		e.notef("%s not in csa fmt's form: csa fmt -w rewrites %s", english.Count(differ, "file is", "files are"), them)
	}
	switch {
	case failed:
		return errReported
	case o.check && differ > 0:
		return errFindings
	}
	return nil
}

// formatOne reads and formats one file. A file proven not to be an
// assessment is skipped, found in a folder or named: fmt leaves alone what
// it has no layout for.
func formatOne(e *env, path string) fmtResult {
	name := path
	if path == "-" {
		name = "<stdin>"
	}
	r := fmtResult{path: path, name: name}
	data, err := readInput(e, path)
	if err != nil {
		r.err = err
		return r
	}
	if kind := assessment.KindOf(data); kind != assessment.MaybeAssessment {
		r.skipped = kind.Why()
		return r
	}
	out, err := assessment.Format(name, data)
	if err != nil {
		var fe *assessment.FormatError
		if errors.As(err, &fe) && fe.Line > 0 {
			r.err = fmt.Errorf("%s:%d:%d: %s; left as it is", name, fe.Line, fe.Col, fe.Msg)
		} else {
			r.err = fmt.Errorf("%s: %s; left as it is", name, err)
		}
		return r
	}
	r.out, r.changed = out, !bytes.Equal(out, data)
	return r
}

// formatAll formats n files, one per core at a time, and hands the results
// back in order as they are ready, so that a long run prints as it goes.
// At most a few files per core are held formatted, waiting their turn.
func formatAll(n int, one func(i int) fmtResult) <-chan fmtResult {
	results := make([]fmtResult, n)
	ready := make([]chan struct{}, n)
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	next := make(chan int)
	workers := max(1, min(runtime.GOMAXPROCS(0), n))
	window := make(chan struct{}, 4*workers) // files started and not yet handed back
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				results[i] = one(i)
				close(ready[i])
			}
		})
	}
	go func() {
		for i := range n {
			window <- struct{}{}
			next <- i
		}
		close(next)
	}()
	out := make(chan fmtResult)
	go func() {
		defer close(out)
		for i := range n {
			<-ready[i]
			out <- results[i]
			results[i] = fmtResult{} // dropped once handed on
			<-window
		}
		wg.Wait()
	}()
	return out
}
