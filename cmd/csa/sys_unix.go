//go:build unix

package main

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// noCTTY keeps opening a terminal from making it csa's controlling terminal.
const noCTTY = syscall.O_NOCTTY

// stdoutClosed reports whether csa was started with standard output closed
// (>&-). The Go runtime puts /dev/null in its place, opened read-write,
// before main runs; a shell's > /dev/null opens it write-only, so the two
// can be told apart. (A program that hands csa /dev/null opened read-write,
// as Python's subprocess.DEVNULL does, is taken as closing it.)
func stdoutClosed() bool {
	fl, err := unix.FcntlInt(1, unix.F_GETFL, 0)
	if err != nil {
		return true
	}
	if fl&unix.O_ACCMODE != unix.O_RDWR {
		return false
	}
	out, err := os.Stdout.Stat()
	if err != nil {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err == nil && os.SameFile(out, null)
}
