//go:build !unix

package main

const noCTTY = 0

// stdoutClosed: only Unix shells close standard output with >&-.
func stdoutClosed() bool { return false }
