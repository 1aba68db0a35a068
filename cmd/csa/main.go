// Command csa keeps a social landlord's self-assessment against the Housing
// Ombudsman's Complaint Handling Code as YAML, and checks, reports, compares
// and imports it. Run csa help for the commands.
//
// This package is the only one that touches cobra, os.Args, os.Exit and the
// real standard streams: main calls run, which the tests call too.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	os.Exit(mainStatus())
}

// mainStatus runs csa with the real standard streams and signals; the tests'
// csa command is this too.
func mainStatus() int {
	// A reader that stops early (| head) closes the pipe: with SIGPIPE
	// ignored, the next write fails with EPIPE, which run ends quietly,
	// instead of the runtime killing csa with status 141.
	signal.Ignore(syscall.SIGPIPE)
	// Interrupted, csa removes the temporary file it is writing, if any,
	// and exits as the shell reports a signal: 128 + its number.
	interrupt := make(chan os.Signal, 1)
	signal.Notify(interrupt, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		sig := <-interrupt
		removeTemps()
		n := 2 // SIGINT, where a signal has no number
		if s, ok := sig.(syscall.Signal); ok {
			n = int(s)
		}
		os.Exit(128 + n)
	}()
	var stdout io.Writer = os.Stdout
	if stdoutClosed() {
		stdout = closedWriter{}
	}
	return run(os.Args[1:], os.Stdin, stdout, os.Stderr)
}

// errClosed is the failure to write to a standard output that was closed.
var errClosed = errors.New("it is closed (to discard the output, send it to > /dev/null)")

// closedWriter stands for a standard output csa was started without.
type closedWriter struct{}

func (closedWriter) Write([]byte) (int, error) { return 0, errClosed }

// env is what a command may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
	getenv         func(string) string
	// terminal reports whether a writer is a terminal; nil is isatty's
	// answer (see env.isTerminal), a test may give its own.
	terminal func(io.Writer) bool
	color    *enumFlag // --color, color.go
}

// run executes one csa command line and returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runIn(&env{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now, getenv: os.Getenv}, args)
}

// runIn is run with the outside world e gives.
func runIn(e *env, args []string) (status int) {
	stdin, stderr := e.stdin, e.stderr
	defer func() {
		// A bug in csa should still leave one line for the user, not a
		// goroutine trace.
		if r := recover(); r != nil {
			say(stderr, fmt.Sprintf("csa: internal error (%v); please report it with the command that caused it", r))
			status = exitUsage
		}
	}()
	out := &stdoutWriter{w: e.stdout}
	e.stdout = out
	root := newRootCmd(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(out)
	root.SetErr(stderr)
	err := root.Execute()
	if out.err != nil && errors.Is(out.err, syscall.EPIPE) {
		// The reader stopped reading (| head): not csa's failure, and
		// nothing to say. The status is the command's own, so findings
		// (check, diff --fail-on-regression) still fail a pipeline.
		switch {
		case errors.Is(err, errFindings):
			return exitFindings
		case errors.Is(err, errReported):
			return exitUsage // said on stderr already
		}
		return exitOK
	}
	if out.err != nil && !isUsageError(err) {
		// Whatever the command made of it (some writers swallow the error),
		// output that did not reach standard output cannot be a success.
		err = usagef("cannot write to standard output: %s", reason(out.err))
	}
	return exitCode(err, stderr)
}

// stdoutWriter is standard output, remembering the first write that failed
// (a full disk, a closed pipe) so that run reports it whichever command
// wrote.
type stdoutWriter struct {
	w   io.Writer
	err error
}

func (s *stdoutWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	if err != nil {
		s.err = err
	}
	return n, err
}
