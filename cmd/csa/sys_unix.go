//go:build unix

package main

import "syscall"

// noCTTY keeps opening a terminal from making it csa's controlling terminal.
const noCTTY = syscall.O_NOCTTY
