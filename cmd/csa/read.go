package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// The most csa reads from one input: far more than any real self-assessment
// (a few hundred kilobytes), little enough that /dev/zero or a runaway file
// is refused at once, without reading it all.
const (
	maxText     = 32 << 20 // an assessment, a catalogue, a CSV or text file to import
	maxDocument = 64 << 20 // a Word or Excel file to import (zipped)
)

// readInput reads an assessment named on the command line; "-" is standard
// input.
func readInput(e *env, path string) ([]byte, error) {
	return readLimited(e, path, maxText)
}

// readLimited reads a file named on the command line, or standard input
// ("-"), refusing more than limit bytes. A file must be a regular file (or
// standard input through /dev/stdin): a device would never end, and a named
// pipe would wait for ever for a writer.
func readLimited(e *env, path string, limit int64) ([]byte, error) {
	if path == "-" {
		data, err := readAtMost(e.stdin, limit)
		switch {
		case errors.Is(err, errTooLarge):
			return nil, tooLarge("standard input", limit)
		case err != nil:
			return nil, usagef("standard input cannot be read")
		}
		return data, nil
	}
	info, err := inputFile(path, limit)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, pathError(path, err)
	}
	defer f.Close()
	if info.Mode().IsRegular() {
		// Sized as it is now: the file may have changed since the look.
		if info, err = f.Stat(); err == nil && info.Size() > limit {
			return nil, tooLarge(path, limit)
		}
	}
	size := int64(0)
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	data, err := readSized(f, size, limit)
	switch {
	case errors.Is(err, errTooLarge):
		return nil, tooLarge(path, limit)
	case err != nil:
		return nil, pathError(path, err)
	}
	return data, nil
}

// inputFile refuses, without opening it, a path that is not a file csa can
// read whole: a folder, a device, a named pipe, or a file over limit. A pipe
// reached through /dev/stdin or /dev/fd/N (<(command) in a shell) is read
// like standard input.
func inputFile(path string, limit int64) (fs.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, pathError(path, err)
	}
	mode := info.Mode()
	switch {
	case info.IsDir():
		return nil, usagef("%s is a folder; name a file", path)
	case mode.IsRegular():
		if info.Size() > limit {
			return nil, tooLarge(path, limit)
		}
	case mode&fs.ModeNamedPipe != 0 && isDescriptor(path):
	case mode&fs.ModeNamedPipe != 0:
		return nil, usagef("%s is a named pipe, not a file: send it to standard input (-) instead", path)
	default:
		return nil, usagef("%s is a device, not a file: name a file, or - for standard input", path)
	}
	return info, nil
}

// isDescriptor reports whether path names one of csa's open files rather
// than a file in a folder: /dev/stdin, /dev/stdout, /dev/stderr, or
// /dev/fd/N as a shell's <(command) makes.
func isDescriptor(path string) bool {
	switch path {
	case "/dev/stdin", "/dev/stdout", "/dev/stderr":
		return true
	}
	return strings.HasPrefix(path, "/dev/fd/") || strings.HasPrefix(path, "/proc/self/fd/")
}

var errTooLarge = errors.New("too large")

// readAtMost reads r to the end, or fails with errTooLarge after limit
// bytes.
func readAtMost(r io.Reader, limit int64) ([]byte, error) { return readSized(r, 0, limit) }

// readSized is readAtMost for a reader that should hold size bytes (a file
// as it was looked at): read into one buffer of that size, not one grown
// as it reads, since check reads thousands.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	var b bytes.Buffer
	if size > 0 && size <= limit {
		b.Grow(int(size) + bytes.MinRead)
	}
	if _, err := b.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	if int64(b.Len()) > limit {
		return nil, errTooLarge
	}
	return b.Bytes(), nil
}

func tooLarge(name string, limit int64) error {
	return usagef("%s is larger than %s, more than csa reads from one file of this kind", name, megabytes(limit))
}

func megabytes(n int64) string { return fmt.Sprintf("%d MB", n>>20) }
