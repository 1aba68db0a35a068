package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// TestManPages: csa man writes a page for every command csa help lists, and
// none for a hidden one; each has a NAME naming the command and a SYNOPSIS
// with its usage.
func TestManPages(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr, stdin: strings.NewReader(""),
		now:    func() time.Time { return time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC) },
		getenv: func(string) string { return "" }}
	if status := runIn(e, []string{"man", "-o", dir}); status != 0 {
		t.Fatalf("csa man exited %d: %s", status, stderr.String())
	}
	want := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		want[name] = true
		page, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("no page for %s: %v", c.CommandPath(), err)
			return
		}
		for _, s := range []string{
			".SH NAME\n" + strings.ReplaceAll(c.CommandPath(), " ", "-") + " - ",
			".SH SYNOPSIS\n",
			`.TH "` + strings.ToUpper(strings.ReplaceAll(c.CommandPath(), " ", "-")) + `" "1" "Jul 2025"`,
		} {
			if !bytes.Contains(page, []byte(s)) {
				t.Errorf("%s lacks %q", name, s)
			}
		}
		if bytes.Contains(page, []byte("Auto generated")) {
			t.Errorf("%s has a generated-on line", name)
		}
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() {
				walk(sub)
			}
		}
	}
	walk(newRootCmd(e))
	for _, must := range []string{"csa.1", "csa-check.1", "csa-report.1", "csa-completion-bash.1"} {
		if !want[must] {
			t.Errorf("the command tree has no %s", must)
		}
	}
	got, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(got) != len(want) {
		t.Errorf("%d files written, want %d (one per listed command; none for csa man itself)", len(got), len(want))
	}
	if _, err := os.Stat(filepath.Join(dir, "csa-man.1")); err == nil {
		t.Error("a page for the hidden csa man")
	}
}
