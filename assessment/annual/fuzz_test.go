package annual

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// FuzzAnnualFile feeds the annual report reader anything: it must never
// panic, every finding has a place and one line, and a file it reads
// without a finding renders in every format.
func FuzzAnnualFile(f *testing.F) {
	data, err := os.ReadFile(example)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(full))
	f.Add([]byte(Skeleton(SkeletonOptions{Landlord: "L", Period: "2024/25", Dated: today})))
	f.Add([]byte("kind: annual\nombudsman:\n  determinations:\n    - case: 1\n      orders:\n        - complied: maybe\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		fs := Check(dir+"/annual.yaml", data, Options{AsOf: today, ReadFile: func(string) ([]byte, error) { return nil, os.ErrNotExist },
			ReadDir: func(string) ([]string, error) { return nil, nil }})
		for _, fd := range fs {
			if fd.Line < 1 || fd.Col < 1 || strings.Contains(fd.Message, "\n") {
				t.Fatalf("a finding without a place, or on two lines: %+v", fd)
			}
		}
		p, lf := Load("annual.yaml", data, Options{AsOf: today, ReadFile: func(string) ([]byte, error) { return nil, os.ErrNotExist },
			ReadDir: func(string) ([]string, error) { return nil, nil }})
		if p == nil || len(lf) > 0 {
			return
		}
		r := New(p, nil, today)
		var b bytes.Buffer
		for _, write := range []func() error{
			func() error { return WriteHTML(&b, r) },
			func() error { return WriteMarkdown(&b, r) },
			func() error { return WriteDOCX(&b, r) },
			func() error { return WriteSubmissionText(&b, r.Submission("")) },
		} {
			if err := write(); err != nil {
				t.Fatalf("a valid file does not render: %v", err)
			}
		}
	})
}
