package main

import (
	"regexp"
	"runtime/debug"
	"testing"
)

func TestFormatVersion(t *testing.T) {
	vcs := func(rev, when, modified string) *debug.BuildInfo {
		bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/csa-tool/csa", Version: "v0.0.0-20250630100000-0123456789ab"}}
		for k, v := range map[string]string{"vcs.revision": rev, "vcs.time": when, "vcs.modified": modified} {
			if v != "" {
				bi.Settings = append(bi.Settings, debug.BuildSetting{Key: k, Value: v})
			}
		}
		return bi
	}
	cats := []string{"chc-2022 (in force 2022-04-01, sha256 aaaaaaaaaaaa)", "chc-2024 (in force 2024-04-01, sha256 bbbbbbbbbbbb)"}
	const tail = "catalogue chc-2022 (in force 2022-04-01, sha256 aaaaaaaaaaaa)\ncatalogue chc-2024 (in force 2024-04-01, sha256 bbbbbbbbbbbb)\n"
	tests := []struct {
		name              string
		bi                *debug.BuildInfo
		ldVersion, commit string
		want              string
	}{
		{"no build information", nil, "", "", "csa (devel)\ncommit unknown\n" + tail},
		{"go install of a tag", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "", "",
			"csa v1.2.3\ncommit unknown\n" + tail},
		{"a build in a checkout", vcs("0123456789abcdef0123456789abcdef01234567", "2025-06-30T10:00:00Z", "false"), "", "",
			"csa v0.0.0-20250630100000-0123456789ab\ncommit 0123456789abcdef0123456789abcdef01234567 (2025-06-30T10:00:00Z)\n" + tail},
		{"uncommitted changes", vcs("0123456789abcdef0123456789abcdef01234567", "2025-06-30T10:00:00Z", "true"), "", "",
			"csa v0.0.0-20250630100000-0123456789ab\ncommit 0123456789abcdef0123456789abcdef01234567 (2025-06-30T10:00:00Z, with changes not committed)\n" + tail},
		{"a release build's ldflags win", vcs("ffff", "2025-06-30T10:00:00Z", "true"), "v1.4.0", "0123456789abcdef0123456789abcdef01234567",
			"csa v1.4.0\ncommit 0123456789abcdef0123456789abcdef01234567\n" + tail},
		{"(devel) from a checkout without git", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "", "",
			"csa (devel)\ncommit unknown\n" + tail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatVersion(tt.bi, tt.ldVersion, tt.commit, cats); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestCatalogueVersions: every built-in catalogue, with its date and a
// digest of its text.
func TestCatalogueVersions(t *testing.T) {
	got := catalogueVersions()
	want := []*regexp.Regexp{
		regexp.MustCompile(`^chc-2022 \(in force 2022-04-01, sha256 [0-9a-f]{12}\)$`),
		regexp.MustCompile(`^chc-2024 \(in force 2024-04-01, sha256 [0-9a-f]{12}\)$`),
	}
	if len(got) != len(want) {
		t.Fatalf("got %q, want the two built-in catalogues", got)
	}
	for i := range want {
		if !want[i].MatchString(got[i]) {
			t.Errorf("got %q, want %s", got[i], want[i])
		}
	}
}
