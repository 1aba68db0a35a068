package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/csa-tool/csa/internal/safetext"
)

// SARIF 2.1.0 (OASIS), the format GitHub code scanning and other code
// review tools read. One run; every rule is described whether it fired or
// not, so a viewer can explain a rule from any upload; one result per
// finding. Nothing in it depends on the machine or the clock, so the same
// findings give the same bytes.

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	// srcRoot is the base of every relative artifact URI: the repository's
	// root, or the working folder outside a repository.
	srcRoot = "%SRCROOT%"
	// fingerprintKey names csa's own partial fingerprint; the /v1 changes
	// if what it is computed from ever does.
	fingerprintKey = "csaFinding/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	Name                 string        `json:"name"`
	ShortDescription     sarifText     `json:"shortDescription"`
	FullDescription      sarifText     `json:"fullDescription"`
	Help                 sarifText     `json:"help"`
	DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Properties          *sarifProperties  `json:"properties,omitempty"`
}

type sarifProperties struct {
	Provision string `json:"provision"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// writeSARIF writes one SARIF log of the findings. Messages pass csa's
// output-safety policy (safetext.Line), as in the github format: code
// scanning shows them to people.
func writeSARIF(w io.Writer, files []File, opts Place) error {
	rules := Rules()
	index := make(map[string]int, len(rules))
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "csa",
			InformationURI: "https://github.com/csa-tool/csa",
		}},
		Results: []sarifResult{},
		// yaml.v3, and csa's own reader with it, count columns in
		// characters, not in bytes or UTF-16 units.
		ColumnKind: "unicodeCodePoints",
	}
	addRule := func(r Rule) int {
		index[r.Name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   r.Name,
			Name:                 ruleName(r.Name),
			ShortDescription:     sarifText{r.Short},
			FullDescription:      sarifText{r.Full},
			Help:                 sarifText{r.Help},
			DefaultConfiguration: sarifRuleConf{r.Severity.String()},
		})
		return index[r.Name]
	}
	for _, r := range rules {
		addRule(r)
	}
	for _, f := range files {
		seen := map[string]int{}
		for _, x := range f.Findings {
			i, ok := index[x.Rule]
			if !ok {
				// A rule missing from the list is a bug in csa; its
				// findings are still reported, under a bare description.
				i = addRule(Rule{Name: x.Rule, Severity: x.Severity, Short: x.Rule, Full: x.Rule, Help: x.Rule})
			}
			res := sarifResult{
				RuleID:    x.Rule,
				RuleIndex: i,
				Level:     x.Severity.String(),
				Message:   sarifText{safetext.Line(x.Message)},
			}
			uri, base, ok := artifactURI(x.File, opts)
			if ok {
				loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base}}}
				if x.Line > 0 {
					loc.PhysicalLocation.Region = &sarifRegion{StartLine: x.Line}
					if x.Col > 0 {
						loc.PhysicalLocation.Region.StartColumn = x.Col
					}
				}
				res.Locations = []sarifLocation{loc}
			}
			// A finding keeps its fingerprint when lines move above it:
			// rule, file and provision, and which of that kind it is.
			key := x.Rule + "\x00" + uri + "\x00" + x.Provision
			seen[key]++
			sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(seen[key])))
			res.PartialFingerprints = map[string]string{fingerprintKey: hex.EncodeToString(sum[:16])}
			if x.Provision != "" {
				res.Properties = &sarifProperties{Provision: safetext.Line(x.Provision)}
			}
			run.Results = append(run.Results, res)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// ruleName is a rule's SARIF name: its id in upper camel case ("no-plan"
// is NoPlan), as SARIF suggests for names.
func ruleName(id string) string {
	var b strings.Builder
	for part := range strings.SplitSeq(id, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// artifactURI is the URI of a checked file as code scanning wants it:
// relative to the repository's root (opts.Root) with %SRCROOT% as its base,
// in forward slashes and percent-escaped; a file outside the root gets an
// absolute file: URI. Standard input has none.
func artifactURI(name string, opts Place) (uri, base string, ok bool) {
	if name == "" || name == "<stdin>" {
		return "", "", false
	}
	p := filepath.Clean(name)
	if opts.Root != "" {
		abs := p
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(opts.WorkDir, abs)
		}
		if rel, err := filepath.Rel(opts.Root, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			p = rel
		} else {
			p = abs
		}
	}
	if filepath.IsAbs(p) {
		s := filepath.ToSlash(p)
		if !strings.HasPrefix(s, "/") {
			s = "/" + s // C:/x is file:///C:/x
		}
		return (&url.URL{Scheme: "file", Path: s}).String(), "", true
	}
	return (&url.URL{Path: filepath.ToSlash(p)}).String(), srcRoot, true
}
