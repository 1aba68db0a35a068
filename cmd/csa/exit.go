package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/internal/safetext"
)

// Exit statuses, as the README documents them.
const (
	exitOK       = 0 // ran; nothing at or above the failure level
	exitFindings = 1 // ran; findings (or a regression) at or above the level
	exitUsage    = 2 // could not run: bad flag, unreadable path, unknown code, unwritable output
)

// usageError means the command could not run; its message is one line for
// the user.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

func isUsageError(err error) bool {
	var ue *usageError
	return errors.As(err, &ue)
}

// errFindings means the command ran and what it found fails it. What it found
// is already printed.
var errFindings = errors.New("findings at or above the failure level")

// errReported means the command could not run on some of its input, and
// has said why already, one line each (csa fmt goes on to the other files).
var errReported = errors.New("could not run on some input; each is reported")

// exitCode is the one place errors become exit statuses and messages.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, errFindings) {
		return exitFindings
	}
	if errors.Is(err, errReported) {
		return exitUsage
	}
	msg := err.Error()
	var ue *usageError
	if !errors.As(err, &ue) {
		// Cobra's own errors (unknown command, bad flag) are usage errors too;
		// anything else is worded by its caller already.
		msg = cobraMessage(msg)
	}
	say(stderr, "csa: "+msg)
	return exitUsage
}

// say writes one line to standard error through csa's output-safety policy
// (safetext.Line): most lines name a file or quote one, and a name holding a
// line break or an escape sequence must not start a line of its own (a
// GitHub workflow command) or reach the terminal raw.
func say(stderr io.Writer, line string) {
	fmt.Fprintln(stderr, safetext.Line(line))
}

// notef writes one "csa: " line to standard error, as say does.
func (e *env) notef(format string, args ...any) {
	say(e.stderr, "csa: "+fmt.Sprintf(format, args...))
}

// cobraMessage rewords cobra and pflag errors into one plain line.
func cobraMessage(msg string) string {
	msg = strings.TrimSpace(msg)
	if i := strings.Index(msg, "\nRun '"); i >= 0 {
		msg = msg[:i]
	}
	if i := strings.Index(msg, "\n\nDid you mean this?"); i >= 0 {
		suggestions := strings.Fields(msg[i+len("\n\nDid you mean this?"):])
		msg = msg[:i] + " (did you mean " + strings.Join(suggestions, " or ") + "?)"
	}
	return strings.Join(strings.Fields(msg), " ")
}
