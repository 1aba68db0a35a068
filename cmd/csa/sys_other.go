//go:build !unix

package main

const noCTTY = 0
