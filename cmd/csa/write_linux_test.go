package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestBinaryNotToTerminal: report -f xlsx refuses -o naming a terminal, as
// it refuses standard output on one, before writing a byte to it.
func TestBinaryNotToTerminal(t *testing.T) {
	ptmx, tty := openPTY(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(in, []byte("code: chc-2024\nlandlord: L\nassessed: 2025-05-01\nprovisions: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	status := run([]string{"report", in, "-f", "xlsx", "-o", tty}, strings.NewReader(""), &bytes.Buffer{}, &stderr)
	if status != exitUsage || !strings.Contains(stderr.String(), "refusing to write an XLSX workbook to the terminal") {
		t.Errorf("exit %d: %q", status, stderr.String())
	}
	// The terminal got nothing: a marker written to it after csa ran
	// arrives first.
	f, err := os.OpenFile(tty, os.O_WRONLY|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("END"); err != nil {
		t.Fatal(err)
	}
	got := make([]byte, 0, 64)
	buf := make([]byte, 64)
	for !bytes.Contains(got, []byte("END")) {
		n, err := ptmx.Read(buf)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, buf[:n]...)
	}
	if i := bytes.Index(got, []byte("END")); i > 0 {
		t.Errorf("the terminal received %d bytes, starting %q", i, got[:min(i, 8)])
	}
}

// openPTY opens a pseudo-terminal and returns its master and the path of its
// terminal side.
func openPTY(t *testing.T) (*os.File, string) {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Skipf("unlockpt: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptmx.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Skipf("ptsname: %v", e)
	}
	return ptmx, fmt.Sprintf("/dev/pts/%d", n)
}
