//go:build unix

package codes

import (
	"path/filepath"
	"syscall"
	"testing"
)

// makeFIFO makes a named pipe in dir, or returns "" when it cannot.
func makeFIFO(t *testing.T, dir string) string {
	path := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Logf("no named pipe: %v", err)
		return ""
	}
	return path
}
