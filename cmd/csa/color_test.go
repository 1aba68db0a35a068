package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestColor runs check with a stand-in terminal: colour only on a terminal,
// never with NO_COLOR or --color never, always with --color always.
func TestColor(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.yaml")
	err := os.WriteFile(file, []byte(`code: chc-2024
landlord: Example Homes
assessed: 2025-05-31
provisions: []
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	const warning = "\x1b[1;33mwarning\x1b[0m"
	const errorColored = "\x1b[1;31merror\x1b[0m"
	tests := []struct {
		name     string
		terminal bool
		vars     map[string]string
		args     []string // after check
		before   []string // before check: --color is every command's
		colored  bool
	}{
		{"a terminal", true, nil, nil, nil, true},
		{"not a terminal", false, nil, nil, nil, false},
		{"NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, nil, nil, false},
		{"NO_COLOR empty", true, map[string]string{"NO_COLOR": ""}, nil, nil, true},
		{"a dumb terminal", true, map[string]string{"TERM": "dumb"}, nil, nil, false},
		{"--color never", true, nil, []string{"--color", "never"}, nil, false},
		{"--color auto", true, nil, []string{"--color=auto"}, nil, true},
		{"--color always to a file", false, nil, []string{"--color", "always"}, nil, true},
		{"--color always over NO_COLOR", false, map[string]string{"NO_COLOR": "1"}, []string{"--color", "always"}, nil, true},
		{"--color before the command", true, nil, nil, []string{"--color", "never"}, false},
		{"json on a terminal", true, nil, []string{"-f", "json"}, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			e := &env{
				stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
				now:      func() time.Time { return time.Date(2025, 7, 1, 12, 0, 0, 0, time.UTC) },
				getenv:   func(k string) string { return tt.vars[k] },
				terminal: func(io.Writer) bool { return tt.terminal },
			}
			args := append(append(append([]string{}, tt.before...), "check", "--as-of", "2025-07-01"), tt.args...)
			status := runIn(e, append(args, file))
			if status != exitFindings {
				t.Fatalf("exit %d, want 1 (stderr: %s)", status, stderr.String())
			}
			out := stdout.String()
			hasColor := strings.Contains(out, "\x1b[")
			if hasColor != tt.colored {
				t.Fatalf("coloured %v, want %v:\n%q", hasColor, tt.colored, out)
			}
			if tt.colored && (!strings.Contains(out, errorColored) || !strings.Contains(out, warning)) {
				t.Errorf("want the severities coloured, error red and warning yellow:\n%q", out)
			}
			if tt.colored && strings.Contains(out, "\x1b[0m:") {
				t.Errorf("colour runs past the severity:\n%q", out)
			}
		})
	}
}
