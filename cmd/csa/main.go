// Command csa keeps a social landlord's self-assessment against the Housing
// Ombudsman's Complaint Handling Code as YAML, and checks, reports, compares
// and imports it. Run csa help for the commands.
//
// This package is the only one that touches cobra, os.Args, os.Exit and the
// real standard streams: main calls run, which the tests call too.
package main

import (
	"io"
	"os"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a command may touch of the outside world.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
	getenv         func(string) string
}

// run executes one csa command line and returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now, getenv: os.Getenv}
	root := newRootCmd(e)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	return exitCode(err, stderr)
}
