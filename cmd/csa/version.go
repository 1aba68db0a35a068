package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/codes"
)

// Set by a release build (.goreleaser.yaml):
//
//	-ldflags "-X main.buildVersion=v1.2.3 -X main.buildCommit=<full hash>"
//
// Left empty, csa --version reads both from the build information Go
// records: the module version (a tag with go install, a pseudo-version or
// "(devel)" from a checkout) and the commit of a build in a git checkout.
var buildVersion, buildCommit string

// The version template calls versionText when --version is given, not
// every run: it reads the catalogues. Added once: cobra's template
// functions are global.
func init() { cobra.AddTemplateFunc("versionText", versionText) }

// versionText is what csa --version prints: csa's version, the commit it was
// built from, and each built-in catalogue with the date it came into force
// and the SHA-256 of its text, so that a finding can be traced to the exact
// catalogue that produced it.
func versionText() string {
	bi, _ := debug.ReadBuildInfo()
	return formatVersion(bi, buildVersion, buildCommit, catalogueVersions())
}

// formatVersion lays out the version from the build information (nil when
// there is none) and what a release build set.
func formatVersion(bi *debug.BuildInfo, ldVersion, ldCommit string, catalogues []string) string {
	version, commit, when, modified := ldVersion, ldCommit, "", false
	if bi != nil {
		if version == "" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if commit == "" {
					commit = s.Value
				}
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if version == "" {
		version = "(devel)"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "csa %s\n", version)
	switch {
	case commit == "":
		b.WriteString("commit unknown\n")
	case ldCommit != "":
		fmt.Fprintf(&b, "commit %s\n", commit)
	default:
		var notes []string
		if when != "" {
			notes = append(notes, when)
		}
		if modified {
			notes = append(notes, "with changes not committed")
		}
		if len(notes) > 0 {
			fmt.Fprintf(&b, "commit %s (%s)\n", commit, strings.Join(notes, ", "))
		} else {
			fmt.Fprintf(&b, "commit %s\n", commit)
		}
	}
	for _, c := range catalogues {
		fmt.Fprintf(&b, "catalogue %s\n", c)
	}
	return b.String()
}

// catalogueVersions describes each built-in catalogue:
// "chc-2024 (in force 2024-04-01, sha256 1a2b3c4d5e6f)".
func catalogueVersions() []string {
	var out []string
	for _, id := range codes.Embedded() {
		s := id
		var facts []string
		if c, err := codes.Lookup(id, ""); err == nil && !c.InForce.IsZero() {
			facts = append(facts, "in force "+c.InForce.Format("2006-01-02"))
		}
		if d, ok := codes.Digest(id); ok {
			facts = append(facts, "sha256 "+d[:12])
		}
		if len(facts) > 0 {
			s += " (" + strings.Join(facts, ", ") + ")"
		}
		out = append(out, s)
	}
	return out
}
