package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/generate"
	"github.com/csa-tool/csa/codes"
)

// TestCheckAllKeepsOnlyFindings: CheckAll reads, checks and drops each
// file, so the heap holds what the output needs, not the files: between
// the 200th and the 1,800th of 2,000 generated 24 KB assessments it grows
// by well under one file's bytes a file (holding them, or their parsed
// assessments, would add 24 KB and more each).
func TestCheckAllKeepsOnlyFindings(t *testing.T) {
	const n = 2000
	names, files := generate.Assessments(1)
	template := string(files[0])
	var heap [2]atomic.Uint64 // read runs on every worker
	read := func(i int) (Input, error) {
		if i == 200 || i == 1800 {
			var m runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&m)
			heap[i/1000].Store(m.HeapAlloc)
		}
		data := strings.Replace(template, "Landlord 0", fmt.Sprintf("Landlord %d", i), 1)
		return Input{Name: fmt.Sprintf("%s-%d", names[0], i), Data: []byte(data)}, nil
	}
	res, err := CheckAll(n, read, Options{AsOf: assessment.NewDate(2025, 7, 1)})
	if err != nil || len(res) != n {
		t.Fatalf("%d results, %v", len(res), err)
	}
	grew := int64(heap[1].Load()) - int64(heap[0].Load())
	// Half a file's bytes a file: holding the files would add all of them
	// and more. What is in flight when the heap is read (files read ahead,
	// a worker mid-file) moves the figure by a few KB a file either way on
	// a loaded machine (-1 to 5.6 KB measured beside three busy loops;
	// about 0.9 KB quiet), which a tighter bound took for files kept.
	if perFile := grew / 1600; perFile > int64(len(template))/2 {
		t.Errorf("the heap grew by %d KB over 1,600 files, %d bytes a file: the files are kept", grew>>10, perFile)
	}
}

// TestCheckAllOrder: results come back in the files' order, figures files
// among them in their place, whatever order the work finished in.
func TestCheckAllOrder(t *testing.T) {
	t.Chdir(t.TempDir())
	names, files := generate.Assessments(40)
	var ins []Input
	for i := range names {
		ins = append(ins, Input{Name: fmt.Sprintf("a%02d.yaml", i), Data: files[i]})
		if i%10 == 3 {
			ins = append(ins, Input{Name: fmt.Sprintf("f%02d.yaml", i), Data: []byte("kind: figures\nperiod: 2024/25\ntimescales: chc-2024\n")})
		}
	}
	ins = append(ins, Input{Name: "ci.yaml", Data: []byte("on: push\n"), Found: true})
	for range 5 {
		res := checkAll(t, ins, Options{AsOf: assessment.NewDate(2025, 7, 1)})
		for i, r := range res {
			if r.Name != ins[i].Name {
				t.Fatalf("result %d is %s, want %s", i, r.Name, ins[i].Name)
			}
		}
		if last := res[len(res)-1]; last.Skipped != assessment.OtherFile.Why() {
			t.Errorf("the workflow was not skipped: %+v", last)
		}
	}
}

// TestCheckAllReadError: a file that cannot be read stops the check with
// its error: the first such file in order, whichever failed first.
func TestCheckAllReadError(t *testing.T) {
	_, files := generate.Assessments(1)
	for range 20 {
		_, err := CheckAll(50, func(i int) (Input, error) {
			if i == 7 || i == 30 || i == 49 {
				return Input{}, fmt.Errorf("file %d cannot be read", i)
			}
			return Input{Name: fmt.Sprint(i), Data: files[0]}, nil
		}, Options{})
		if err == nil || err.Error() != "file 7 cannot be read" {
			t.Fatalf("got %v, want file 7's error", err)
		}
	}
}

// TestCrossCheckReadsWhatCheckRead: the figures cross-check reads the
// assessment beside the figures file as CheckAll read it, and one that was
// not among the files from the disk, through the same loader, held to the
// same catalogue folders: a device is not read.
func TestCrossCheckReadsWhatCheckRead(t *testing.T) {
	t.Chdir(t.TempDir())
	assessmentYAML := "code: chc-2024\nlandlord: L\nassessed: 2025-05-31\nperiod: 2024/25\nprovisions:\n  - id: \"6.3\"\n    comply: yes\n"
	figuresYAML := "kind: figures\nperiod: 2024/25\ntimescales: chc-2024\nstage_1:\n  responded: 10\n  responded_within: 5\n"
	if err := os.WriteFile("figures.yaml", []byte(figuresYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	// Only in what was read: the file on the disk says partial.
	if err := os.WriteFile("assessment.yaml", []byte(strings.Replace(assessmentYAML, "yes", "partial", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	res := checkAll(t, []Input{{Name: "assessment.yaml", Data: []byte(assessmentYAML)}, {Name: "figures.yaml", Data: []byte(figuresYAML)}}, Options{Threshold: 10})
	if fs := res[1].Findings; len(fs) != 1 || fs[0].Rule != "missed-timescale" {
		t.Errorf("the cross-check did not read the assessment as checked: %v", fs)
	}
	// Not among the files: read from the disk.
	res = checkAll(t, []Input{{Name: "figures.yaml", Data: []byte(figuresYAML)}}, Options{Threshold: 10})
	if fs := res[0].Findings; len(fs) != 0 {
		t.Errorf("the cross-check did not read the file on the disk: %v", fs)
	}
	// A device named as the assessment is not read.
	named := figuresYAML + "assessment: /dev/zero\n"
	res = checkAll(t, []Input{{Name: "figures.yaml", Data: []byte(named)}}, Options{Threshold: 10})
	if fs := res[0].Findings; len(fs) != 1 || !strings.Contains(fs[0].Message, "/dev/zero cannot be read") {
		t.Errorf("a device as the assessment: %v", fs)
	}
	// timescales: naming a catalogue file is held to the catalogue folders.
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "own.yaml"), []byte("catalogue: own\nprovisions:\n  - id: \"1.1\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	own := strings.Replace(figuresYAML, "timescales: chc-2024", "timescales: "+filepath.Join(outside, "own.yaml"), 1)
	for _, tt := range []struct {
		allowed codes.Resolver
		refused bool
	}{{codes.Within(), true}, {codes.Within(outside), false}} {
		res = checkAll(t, []Input{{Name: "figures.yaml", Data: []byte(own), Catalogues: tt.allowed}}, Options{})
		refused := false
		for _, f := range res[0].Findings {
			refused = refused || f.Rule == "unknown-code" && strings.Contains(f.Message, "outside the working folder")
		}
		if refused != tt.refused {
			t.Errorf("allowed %v: refused %v, want %v: %v", tt.allowed, refused, tt.refused, res[0].Findings)
		}
	}
	var notExist error = os.ErrNotExist
	if _, err := ReadFile("no-such.yaml"); !errors.Is(err, notExist) {
		t.Errorf("a missing file: %v", err)
	}
}
