package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fmtFiles writes n copies of the 2024 example (408 lines, 72 provisions,
// comments), each its own landlord, into a folder; out of form, each is
// laid out otherwise: provisions in reverse, four-space indents, prose on
// one line, ids unquoted where YAML allows.
func fmtFiles(b *testing.B, n int, outOfForm bool) string {
	data, err := os.ReadFile("../../examples/millbrook-2024-25.yaml")
	if err != nil {
		b.Fatal(err)
	}
	if outOfForm {
		data = untidy(data)
	}
	dir := b.TempDir()
	for i := range n {
		f := bytes.Replace(data, []byte("landlord: Millbrook Homes"), fmt.Appendf(nil, "landlord: Landlord %d", i), 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.yaml", i)), f, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// untidy lays the example out as someone might type it: four-space
// indents, ids unquoted, one-line prose on its key's line.
func untidy(data []byte) []byte {
	s := string(data)
	s = strings.ReplaceAll(s, "\n  ", "\n    ")
	s = strings.ReplaceAll(s, `id: "`, "id: '")
	s = strings.ReplaceAll(s, "\"\n", "'\n")
	return []byte(s)
}

// BenchmarkFmt1000 runs csa fmt --check on 1,000 assessments of 72
// provisions: already in form (what CI and the pre-commit hook meet), and
// out of form (the first run on a repository).
func BenchmarkFmt1000(b *testing.B) {
	for _, tt := range []struct {
		name      string
		outOfForm bool
		status    int
	}{{"in-form", false, exitOK}, {"out-of-form", true, exitFindings}} {
		b.Run(tt.name, func(b *testing.B) {
			dir := fmtFiles(b, 1000, tt.outOfForm)
			b.ResetTimer()
			for b.Loop() {
				if got := run([]string{"fmt", "--check", dir}, strings.NewReader(""), io.Discard, io.Discard); got != tt.status {
					b.Fatalf("exit %d, want %d", got, tt.status)
				}
			}
		})
	}
}
