package codes

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

const tiny = "catalogue: tiny\nprovisions:\n  - id: \"1.1\"\n    summary: One.\n"

// TestCatalogueFilesAreRegularAndSmall: a catalogue file is a regular file
// of at most MaxFileSize bytes. /dev/zero was read without end, and a pipe
// blocked for ever.
func TestCatalogueFilesAreRegularAndSmall(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte(tiny+"#"+strings.Repeat("x", MaxFileSize)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, path, want string }{
		{"a folder", dir, "is not a regular file"},
		{"too big", big, "is larger than 4 MB"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		tests = append(tests, struct{ name, path, want string }{"a device", "/dev/zero", "is not a regular file"})
	}
	if fifo := makeFIFO(t, dir); fifo != "" {
		tests = append(tests, struct{ name, path, want string }{"a pipe", fifo, "is not a regular file"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Lookup(tt.path, "")
			if !errors.Is(err, ErrUnknown) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Lookup(%s) = %v, want %q", tt.path, err, tt.want)
			}
		})
	}
}

// TestNotACatalogueIsNotQuoted: a file that is not a catalogue is named,
// never quoted, so code: cannot print a secret into a CI log.
func TestNotACatalogueIsNotQuoted(t *testing.T) {
	for name, content := range map[string]string{
		"keys":       "password: hunter2\ntoken: s3cr3t\n",
		"passwd":     "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n",
		"shadow":     "root:$6$hunter2$abc:19000:0:99999:7:::\n",
		"environ":    "SECRET=hunter2\x00HOME=/root\x00",
		"list":       "- hunter2\n- s3cr3t\n",
		"bad anchor": "catalogue: *hunter2\n",
		"typed":      "catalogue: x\nprovisions: hunter2\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "f.yaml"), []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Lookup("f.yaml", dir)
			if err == nil {
				t.Fatal("read as a catalogue")
			}
			for _, secret := range []string{"hunter2", "s3cr3t", "root:", "password", "SECRET"} {
				if strings.Contains(err.Error(), secret) {
					t.Errorf("the error quotes the file: %v", err)
				}
			}
		})
	}
}

// TestFoldersLookup: a catalogue file named inside a file (an assessment's
// code:) is read only from the working folder and the folders allowed,
// links resolved; a code typed on the command line (Lookup) is read from
// anywhere.
func TestFoldersLookup(t *testing.T) {
	root := t.TempDir()
	inside, outside := filepath.Join(root, "inside"), filepath.Join(root, "outside")
	for _, d := range []string{inside, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "own.yaml"), []byte(tiny), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(outside, "own.yaml"), filepath.Join(inside, "link.yaml")); err != nil {
		t.Skip("no symbolic links here")
	}
	t.Chdir(inside)
	tests := []struct {
		name    string
		folders Resolver
		code    string
		ok      bool
	}{
		{"the working folder", Resolver{}, "own.yaml", true},
		{"the working folder, by its full path", Resolver{}, filepath.Join(inside, "own.yaml"), true},
		{"up and out", Resolver{}, "../outside/own.yaml", false},
		{"a full path outside", Resolver{}, filepath.Join(outside, "own.yaml"), false},
		{"a link inside to a file outside", Resolver{}, "link.yaml", false},
		{"a file that is not there, outside", Resolver{}, "/nowhere/own.yaml", false},
		{"a folder allowed", Within(outside), "../outside/own.yaml", true},
		{"a link into a folder allowed", Within(outside), "link.yaml", true},
		{"the built-in codes", Resolver{}, "chc-2024", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := tt.folders.Lookup(tt.code, inside)
			switch {
			case tt.ok && err != nil:
				t.Errorf("refused: %v", err)
			case !tt.ok && (err == nil || !errors.Is(err, ErrUnknown) || !strings.Contains(err.Error(), "outside")):
				t.Errorf("Lookup = %v, %v; want it refused as outside", c, err)
			}
		})
	}
	if _, err := Lookup(filepath.Join(outside, "own.yaml"), ""); err != nil {
		t.Errorf("a code typed on the command line is read from anywhere: %v", err)
	}
}

// FuzzParse: any bytes give a catalogue or an error, never a panic; the
// error is one line; and for a file with no catalogue: key at the top, it is
// one of the short fixed messages, so a file code: names is never quoted.
func FuzzParse(f *testing.F) {
	f.Add([]byte(tiny))
	f.Add([]byte("password: hunter2\n"))
	f.Add([]byte("root:x:0:0:root:/root:/bin/bash\n"))
	f.Add([]byte("catalogue: x\nprovisions:\n  - id: 6.10\n"))
	f.Add([]byte("code: chc-2024\n"))
	f.Add([]byte("a: *unknown-anchor-with-a-long-name\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse(strings.NewReader(string(data)), "f.yaml")
		if err == nil {
			return
		}
		msg := err.Error()
		if strings.ContainsAny(msg, "\n\r") {
			t.Fatalf("more than one line: %q", msg)
		}
		if !strings.Contains(string(data), "catalogue") && len(msg) > 160 {
			t.Fatalf("a file that is no catalogue gets a long message, quoting it? %q", msg)
		}
	})
}

// TestResolverIn: a relative path named in a file read from an fs.FS (a git
// revision) is read from the same fs.FS, never from outside its root; a
// built-in code and an absolute path are resolved as without it.
func TestResolverIn(t *testing.T) {
	t.Chdir(t.TempDir())
	fsys := fstest.MapFS{
		"sub/own.yaml":    {Data: []byte(tiny)},
		"top.yaml":        {Data: []byte(tiny)},
		"sub/notcat.yaml": {Data: []byte("password: hunter2\n")},
		"sub/big.yaml":    {Data: []byte(tiny + strings.Repeat("#", MaxFileSize))},
		"sub/folder.yaml": {Mode: fs.ModeDir},
	}
	r := Within().In(fsys, "HEAD", "the repository")
	tests := []struct {
		code, dir, want string // want: "" for a catalogue, else the error
	}{
		{"own.yaml", "sub", ""},
		{"../top.yaml", "sub", ""},
		{"chc-2024", "sub", ""},
		{"../../top.yaml", "sub", "catalogue file ../../top.yaml is outside the repository, so it cannot be read from HEAD"},
		{"gone.yaml", "sub", "catalogue file gone.yaml cannot be read from HEAD: file does not exist"},
		{"folder.yaml", "sub", "catalogue file folder.yaml cannot be read from HEAD: it is a folder, not a file"},
		{"big.yaml", "sub", "catalogue file big.yaml cannot be read from HEAD: it is larger than 4 MB, more than any catalogue"},
		{"notcat.yaml", "sub", "HEAD:sub/notcat.yaml is not a catalogue: a catalogue file needs a 'catalogue:' id at the top"},
		{"/nowhere/own.yaml", "sub", "catalogue file /nowhere/own.yaml is outside the working folder and the folders being read: csa reads a catalogue named in a file only from there (--catalogues-from FOLDER allows another)"},
	}
	for _, tt := range tests {
		c, err := r.Lookup(tt.code, tt.dir)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.code, err)
		case tt.want == "" && c == nil:
			t.Errorf("%s: no catalogue", tt.code)
		case tt.want != "" && (err == nil || err.Error() != tt.want):
			t.Errorf("%s: got %v, want %s", tt.code, err, tt.want)
		}
	}
}
