package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestReleaseBuild builds csa with the ldflags .goreleaser.yaml gives (its
// templates filled in as a release of v1.2.3 would fill them) and checks
// that csa --version reports that version and commit: the variables the
// configuration sets are the ones csa reads. It also checks the platforms
// and the checksums the README promises.
func TestReleaseBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds csa")
	}
	data, err := os.ReadFile(filepath.Join("..", "..", ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var conf struct {
		Builds []struct {
			Main    string   `yaml:"main"`
			Goos    []string `yaml:"goos"`
			Goarch  []string `yaml:"goarch"`
			Ldflags []string `yaml:"ldflags"`
		} `yaml:"builds"`
		Checksum struct {
			Algorithm string `yaml:"algorithm"`
		} `yaml:"checksum"`
	}
	if err := yaml.Unmarshal(data, &conf); err != nil {
		t.Fatal(err)
	}
	if len(conf.Builds) != 1 {
		t.Fatalf("%d builds, want one", len(conf.Builds))
	}
	b := conf.Builds[0]
	for _, goos := range []string{"linux", "darwin", "windows"} {
		if !slices.Contains(b.Goos, goos) {
			t.Errorf("no %s build", goos)
		}
	}
	for _, arch := range []string{"amd64", "arm64"} {
		if !slices.Contains(b.Goarch, arch) {
			t.Errorf("no %s build", arch)
		}
	}
	if conf.Checksum.Algorithm != "sha256" {
		t.Errorf("checksums by %q, want sha256", conf.Checksum.Algorithm)
	}
	const commit = "0123456789abcdef0123456789abcdef01234567"
	ldflags := strings.NewReplacer("{{ .Version }}", "1.2.3", "{{ .FullCommit }}", commit).Replace(strings.Join(b.Ldflags, " "))
	if strings.Contains(ldflags, "{{") {
		t.Fatalf("a template the test does not fill: %s", ldflags)
	}
	bin := filepath.Join(t.TempDir(), "csa")
	build := exec.Command("go", "build", "-ldflags", ldflags, "-o", bin, ".")
	build.Dir = filepath.Join("..", "..", filepath.FromSlash(b.Main))
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(out), "\n")
	if lines[0] != "csa v1.2.3" || len(lines) < 2 || lines[1] != "commit "+commit {
		t.Errorf("csa --version of a release build:\n%s\nwant csa v1.2.3, then commit %s", out, commit)
	}
}
