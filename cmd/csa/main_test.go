package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"csa": func() { os.Exit(mainStatus()) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script against the real
// main. CSA_UPDATE_GOLDEN=1 rewrites the expected output in the scripts
// (cmp stdout NAME) from what csa printed; review the diff.
//
// Scripts see $REPO (the repository root) and $SEEDS (../shared/seeds), the
// commands copydir and exits, and the condition [seeds], true when the real
// seeds are present; with CI set, their absence fails the test instead.
//
// exits N PROGRAM [ARGS...] runs PROGRAM like exec (stdout and stderr are
// kept for the assertions after it) and fails unless it exits with status N.
// Use it instead of "! exec", which accepts any non-zero status and so cannot
// tell findings (1) from could-not-run (2); keep "exec" for status 0. It
// cannot be negated.
func TestScripts(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	seeds := filepath.Join(repo, "..", "shared", "seeds")
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join(repo, "testdata", "script"),
		UpdateScripts: os.Getenv("CSA_UPDATE_GOLDEN") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repo)
			env.Setenv("SEEDS", seeds)
			env.Setenv("NO_COLOR", "1")
			// The pre-commit script builds csa with the go command, with
			// the caches and module proxy of the go running the tests.
			for k, v := range goEnv() {
				env.Setenv(k, v)
			}
			return nil
		},
		Condition: func(cond string) (bool, error) {
			if cond != "seeds" {
				return false, fmt.Errorf("unknown condition %q", cond)
			}
			if _, err := os.Stat(seeds); err != nil {
				if os.Getenv("CI") != "" {
					return false, fmt.Errorf("the seeds are missing at %s, and CI needs them", seeds)
				}
				return false, nil
			}
			return true, nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"copydir": copydir,
			"exits":   exits,
		},
	})
}

// goEnv is what the go command needs to build offline from its caches:
// none of it changes what csa does.
var goEnv = sync.OnceValue(func() map[string]string {
	out, err := exec.Command("go", "env", "-json", "GOCACHE", "GOMODCACHE", "GOPROXY", "GOSUMDB", "GONOSUMDB", "GOPRIVATE", "GOTOOLCHAIN").Output()
	vars := map[string]string{}
	if err == nil {
		_ = json.Unmarshal(out, &vars)
	}
	return vars
})

// copydir SRC DEST copies a folder tree into the script's work folder.
func copydir(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: copydir SRC DEST")
	}
	src, dst := args[0], ts.MkAbs(args[1])
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	ts.Check(err)
}

// exits N PROGRAM [ARGS...] runs PROGRAM as exec does and fails the script
// unless its exit status is N.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	const usage = "usage: exits N PROGRAM [ARGS...] (no !: name the status instead)"
	if neg || len(args) < 2 {
		ts.Fatalf(usage)
	}
	want, err := strconv.Atoi(args[0])
	if err != nil || want < 0 || want > 255 {
		ts.Fatalf("%s: %q is not an exit status", usage, args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits %d %s: could not run it: %v", want, args[1], err)
		}
		got = ee.ExitCode()
		if got < 0 {
			ts.Fatalf("exits %d %s: %v, not an exit status", want, args[1], ee)
		}
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}
