package main

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestConcurrentInit: of ten csa init -o x run at once, exactly one writes
// x; the others say it exists. (Checking at the start and renaming at the
// end let up to eight succeed, each replacing the last.)
func TestConcurrentInit(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "x.yaml")
	const n = 10
	status := make([]int, n)
	stderr := make([]bytes.Buffer, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			status[i] = run([]string{"init", "--code", "2024", "--landlord", "L", "-o", out}, strings.NewReader(""), io.Discard, &stderr[i])
		})
	}
	wg.Wait()
	ok := 0
	for i, s := range status {
		switch s {
		case 0:
			ok++
		case 2:
			if !strings.Contains(stderr[i].String(), "already exists") {
				t.Errorf("run %d: %q", i, stderr[i].String())
			}
		default:
			t.Errorf("run %d: exit %d: %q", i, s, stderr[i].String())
		}
	}
	if ok != 1 {
		t.Errorf("%d of %d runs wrote %s, want exactly 1", ok, n, out)
	}
	noTemps(t, dir)
}

// TestWriteCreatedMeanwhile: a file that appears while the output is being
// made is not replaced without --force, whenever it appears; and no
// temporary file is left behind.
func TestWriteCreatedMeanwhile(t *testing.T) {
	for _, when := range []string{"while rendering", "just before linking"} {
		t.Run(when, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "new.yaml")
			theirs := []byte("someone else's file\n")
			create := func() {
				if err := os.WriteFile(out, theirs, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if when == "just before linking" {
				defer func(old func(string, string) error) { linkFile = old }(linkFile)
				linkFile = func(from, to string) error { create(); return os.Link(from, to) }
			}
			tg := target{e: &env{}, path: out, exclusive: true}
			err := tg.write(func(w io.Writer) error {
				if when == "while rendering" {
					create()
				}
				_, err := io.WriteString(w, "ours\n")
				return err
			})
			if err == nil || !strings.Contains(err.Error(), "already exists") {
				t.Errorf("write: %v, want already exists", err)
			}
			if got, _ := os.ReadFile(out); !bytes.Equal(got, theirs) {
				t.Errorf("%s now holds %q", out, got)
			}
			noTemps(t, dir)
		})
	}
}

// TestWriteWithoutHardLinks: on a file system without hard links, an
// exclusive write still creates the file only when it is not there.
func TestWriteWithoutHardLinks(t *testing.T) {
	defer func(old func(string, string) error) { linkFile = old }(linkFile)
	linkFile = func(from, to string) error {
		return &os.LinkError{Op: "link", Old: from, New: to, Err: errors.ErrUnsupported}
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "new.yaml")
	write := func(text string) error {
		return target{e: &env{}, path: out, exclusive: true}.write(func(w io.Writer) error {
			_, err := io.WriteString(w, text)
			return err
		})
	}
	if err := write("first\n"); err != nil {
		t.Fatal(err)
	}
	if err := write("second\n"); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second write: %v, want already exists", err)
	}
	if got, _ := os.ReadFile(out); string(got) != "first\n" {
		t.Errorf("%s holds %q", out, got)
	}
	noTemps(t, dir)
}

// TestWriteFailureLeavesNoTemp: a write that fails after the temporary file
// is made (here the rename) removes it, and leaves the old file as it was.
func TestWriteFailureLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.md")
	if err := os.WriteFile(out, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tg := target{e: &env{}, path: out}
	err := tg.write(func(w io.Writer) error {
		// Replace the file with a folder once the target is resolved: the
		// rename over it fails.
		if err := os.Remove(out); err != nil {
			return err
		}
		if err := os.Mkdir(out, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "keep"), nil, 0o644); err != nil {
			return err
		}
		_, err := io.WriteString(w, "new\n")
		return err
	})
	if err == nil {
		t.Fatal("write over a folder succeeded")
	}
	noTemps(t, dir)
}

// TestResolveLinks: a link is followed as the kernel follows it, .. after a
// folder link included, to a file that need not exist yet.
func TestResolveLinks(t *testing.T) {
	dir := t.TempDir()
	mk := func(p string) string { return filepath.Join(dir, p) }
	if err := os.MkdirAll(mk("real/a"), 0o755); err != nil {
		t.Fatal(err)
	}
	for link, to := range map[string]string{
		"lnk":     "real/a",
		"up.yaml": "lnk/../s.yaml",
		"abs":     mk("real/a/abs.yaml"),
		"chain":   "up.yaml",
		"loop":    "loop",
	} {
		if err := os.Symlink(to, mk(link)); err != nil {
			t.Fatal(err)
		}
	}
	real := func(p string) string {
		r, err := filepath.EvalSymlinks(filepath.Dir(p))
		if err != nil {
			t.Fatal(err)
		}
		return filepath.Join(r, filepath.Base(p))
	}
	tests := []struct{ in, want string }{
		{"plain.yaml", mk("plain.yaml")},
		{"up.yaml", mk("real/s.yaml")},
		{"chain", mk("real/s.yaml")},
		{"lnk/../x.yaml", mk("real/x.yaml")},
		{"abs", mk("real/a/abs.yaml")},
	}
	for _, tt := range tests {
		got, err := resolveLinks(dir + string(filepath.Separator) + tt.in) // not Join, which cleans ..
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if got != real(tt.want) {
			t.Errorf("%s resolves to %s, want %s", tt.in, got, real(tt.want))
		}
	}
	if _, err := resolveLinks(mk("loop")); err == nil {
		t.Error("a loop of links resolved")
	}
	if _, err := resolveLinks(mk("nodir/x.yaml")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing folder: %v", err)
	}
}

// TestInterruptRemovesTemp: an interrupt while a temporary file is being
// written removes it, and no other is made after.
func TestInterruptRemovesTemp(t *testing.T) {
	defer func() { temps.Lock(); temps.stopped = false; temps.Unlock() }()
	dir := t.TempDir()
	f, err := createTemp(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	removeTemps()
	noTemps(t, dir)
	if f, err := createTemp(filepath.Join(dir, "report.md")); err == nil {
		f.Close()
		t.Error("a temporary file was made after the interrupt")
	}
	noTemps(t, dir)
}

// noTemps fails when a temporary file of csa's is left in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

// TestBinaryNotToStdoutTerminal: a binary format is refused when standard
// output is a terminal (as env says; here a test's own answer), and written
// when it is not.
func TestBinaryNotToStdoutTerminal(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(in, []byte("code: chc-2024\nlandlord: L\nassessed: 2025-05-01\nprovisions: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, terminal := range []bool{true, false} {
		var stdout, stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, now: time.Now,
			terminal: func(io.Writer) bool { return terminal }}
		status := runIn(e, []string{"report", in, "-f", "xlsx", "--as-of", "2025-07-01"})
		refused := status == exitUsage && strings.Contains(stderr.String(), "refusing to write an XLSX workbook to the terminal")
		if refused != terminal || (!terminal && (status != exitOK || !bytes.HasPrefix(stdout.Bytes(), []byte("PK")))) {
			t.Errorf("terminal %v: exit %d, %d bytes out, %q", terminal, status, stdout.Len(), stderr.String())
		}
		// Text formats go to a terminal.
		stdout.Reset()
		if status := runIn(e, []string{"report", in, "--as-of", "2025-07-01"}); status != exitOK || stdout.Len() == 0 {
			t.Errorf("terminal %v: markdown exited %d", terminal, status)
		}
	}
}
