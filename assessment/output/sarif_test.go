package output

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/csa-tool/csa/assessment"
)

// sample is a check of three files: findings with and without a provision,
// a column, a position, and text a log or a viewer must not take as markup.
func sample() []File {
	return []File{
		{Name: "a.yaml", Findings: []assessment.Finding{
			{Rule: "missing-provision", Severity: assessment.Error, File: "a.yaml", Line: 5, Col: 1, Provision: "1.2", Message: "provision 1.2 has no answer"},
			{Rule: "overdue", Severity: assessment.Warning, File: "a.yaml", Line: 20, Col: 14, Provision: "4.2", Message: "due\nyesterday \x1b[31m\u202e"},
			{Rule: "overdue", Severity: assessment.Warning, File: "a.yaml", Line: 30, Col: 14, Provision: "4.2", Message: "due last week"},
		}},
		{Name: "odd,100% dir/c.yaml", Findings: []assessment.Finding{
			{Rule: assessment.RuleSyntax, Severity: assessment.Error, File: "odd,100% dir/c.yaml", Line: 3, Col: 7, Message: "did not find expected key"},
		}},
		{Name: "clean.yaml"},
		{Name: "<stdin>", Findings: []assessment.Finding{
			{Rule: "stale", Severity: assessment.Warning, File: "<stdin>", Line: 0, Message: "assessed long ago"},
		}},
	}
}

func writeSample(t *testing.T, files []File, opts Place) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writeSARIF(&buf, files, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sarifSchema compiles testdata/sarif-2.1.0-subset.schema.json: the
// objects csa writes as SARIF 2.1.0 defines them, with the properties it
// requires, the types and ranges of those csa uses, and every property
// name it defines, so that one it does not define fails.
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "sarif-2.1.0-subset.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri and uri-reference are checked, not only noted
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(sch *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// TestSARIFSchema validates csa's SARIF against the schema, and checks what
// code scanning relies on besides.
func TestSARIFSchema(t *testing.T) {
	sch := compileSARIFSchema(t)
	for _, tt := range []struct {
		name  string
		files []File
		opts  Place
	}{
		{"findings", sample(), Place{}},
		{"no findings", []File{{Name: "a.yaml"}}, Place{}},
		{"outside the root", []File{{Name: "../a.yaml", Findings: []assessment.Finding{
			{Rule: assessment.RuleSchema, Severity: assessment.Error, File: "../a.yaml", Line: 1, Col: 1, Message: "unknown key"},
		}}}, Place{Root: root("repo"), WorkDir: root("repo")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := writeSample(t, tt.files, tt.opts)
			if err := validateSARIF(sch, data); err != nil {
				t.Fatalf("not SARIF 2.1.0: %v", err)
			}
			requireSARIF(t, data)
		})
	}
}

// TestSARIFSchemaRejects: the schema the test holds csa to does reject what
// SARIF does not allow.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := compileSARIFSchema(t)
	good := string(writeSample(t, sample()[:1], Place{}))
	for _, tt := range []struct{ name, from, to string }{
		{"version", `"version": "2.1.0"`, `"version": "2.0.0"`},
		{"no driver name", `"name": "csa",`, ``},
		{"a property SARIF lacks", `"ruleId": "missing-provision",`, `"ruleId": "missing-provision", "provision": "1.2",`},
		{"line 0", `"startLine": 5,`, `"startLine": 0,`},
		{"a level SARIF lacks", `"level": "error",`, `"level": "fatal",`},
		{"a message with no text", `"text": "provision 1.2 has no answer"`, `"markdown": "x"`},
		{"a URI that is none", `"uri": "a.yaml"`, `"uri": "a%zz.yaml"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bad := strings.Replace(good, tt.from, tt.to, 1)
			if bad == good {
				t.Fatalf("%s is not in the document", tt.from)
			}
			if err := validateSARIF(sch, []byte(bad)); err == nil {
				t.Errorf("the schema accepts a document with %s", tt.name)
			}
		})
	}
}

// requireSARIF checks the properties SARIF 2.1.0 requires of what csa
// writes (sarifLog: version, runs; run: tool; tool: driver; toolComponent:
// name; reportingDescriptor: id; result: message with text; region:
// startLine of at least 1), and what code scanning relies on: a ruleIndex
// that points at the result's rule, a level, relative forward-slash URIs.
func requireSARIF(t *testing.T, data []byte) {
	t.Helper()
	var log struct {
		Schema  *string `json:"$schema"`
		Version *string `json:"version"`
		Runs    []struct {
			Tool *struct {
				Driver *struct {
					Name  *string `json:"name"`
					Rules []struct {
						ID                   *string                 `json:"id"`
						ShortDescription     *struct{ Text string }  `json:"shortDescription"`
						FullDescription      *struct{ Text string }  `json:"fullDescription"`
						Help                 *struct{ Text string }  `json:"help"`
						DefaultConfiguration *struct{ Level string } `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    *string `json:"ruleId"`
				RuleIndex *int    `json:"ruleIndex"`
				Level     string  `json:"level"`
				Message   *struct {
					Text *string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation *struct {
						ArtifactLocation *struct {
							URI *string `json:"uri"`
						} `json:"artifactLocation"`
						Region *struct {
							StartLine *int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if log.Version == nil || *log.Version != "2.1.0" || log.Schema == nil || len(log.Runs) != 1 {
		t.Fatalf("want version 2.1.0, a $schema and one run: %s", data)
	}
	run := log.Runs[0]
	if run.Tool == nil || run.Tool.Driver == nil || run.Tool.Driver.Name == nil || *run.Tool.Driver.Name != "csa" {
		t.Fatalf("want tool.driver.name csa")
	}
	rules := run.Tool.Driver.Rules
	for i, r := range rules {
		if r.ID == nil || *r.ID == "" || r.ShortDescription == nil || r.ShortDescription.Text == "" ||
			r.FullDescription == nil || r.FullDescription.Text == "" || r.Help == nil || r.Help.Text == "" ||
			r.DefaultConfiguration == nil || !slices.Contains([]string{"error", "warning"}, r.DefaultConfiguration.Level) {
			t.Errorf("rule %d lacks an id, a description, help or a level", i)
		}
	}
	for i, r := range run.Results {
		if r.RuleID == nil || r.RuleIndex == nil || *r.RuleIndex < 0 || *r.RuleIndex >= len(rules) || *rules[*r.RuleIndex].ID != *r.RuleID {
			t.Errorf("result %d: ruleIndex does not point at its ruleId", i)
		}
		if r.Message == nil || r.Message.Text == nil || *r.Message.Text == "" {
			t.Errorf("result %d has no message text", i)
		}
		if r.Level != "error" && r.Level != "warning" {
			t.Errorf("result %d: level %q", i, r.Level)
		}
		if len(r.PartialFingerprints) == 0 {
			t.Errorf("result %d has no partial fingerprint", i)
		}
		for _, l := range r.Locations {
			if l.PhysicalLocation == nil || l.PhysicalLocation.ArtifactLocation == nil || l.PhysicalLocation.ArtifactLocation.URI == nil {
				t.Errorf("result %d: a location with no artifact URI", i)
				continue
			}
			if u := *l.PhysicalLocation.ArtifactLocation.URI; strings.Contains(u, `\`) || strings.HasPrefix(u, "./") {
				t.Errorf("result %d: URI %q: want forward slashes and no ./", i, u)
			}
			if reg := l.PhysicalLocation.Region; reg != nil && (reg.StartLine == nil || *reg.StartLine < 1) {
				t.Errorf("result %d: a region must start on line 1 or later", i)
			}
		}
	}
}

// TestSARIFContent checks what each finding becomes.
func TestSARIFContent(t *testing.T) {
	data := writeSample(t, sample(), Place{})
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if got, want := len(run.Tool.Driver.Rules), len(Rules()); got != want {
		t.Errorf("%d rules described, want every rule (%d)", got, want)
	}
	if len(run.Results) != 5 {
		t.Fatalf("%d results, want one per finding (5)", len(run.Results))
	}
	type loc struct {
		uri, base string
		line, col int
	}
	where := func(r sarifResult) loc {
		if len(r.Locations) == 0 {
			return loc{}
		}
		p := r.Locations[0].PhysicalLocation
		l := loc{uri: p.ArtifactLocation.URI, base: p.ArtifactLocation.URIBaseID}
		if p.Region != nil {
			l.line, l.col = p.Region.StartLine, p.Region.StartColumn
		}
		return l
	}
	tests := []struct {
		i                int
		rule, level, msg string
		provision        string
		where            loc
	}{
		{0, "missing-provision", "error", "provision 1.2 has no answer", "1.2", loc{"a.yaml", "%SRCROOT%", 5, 1}},
		// A message is one line, its escape and direction controls visible.
		{1, "overdue", "warning", `due yesterday \x1b[31m\u202e`, "4.2", loc{"a.yaml", "%SRCROOT%", 20, 14}},
		{2, "overdue", "warning", "due last week", "4.2", loc{"a.yaml", "%SRCROOT%", 30, 14}},
		{3, "syntax", "error", "did not find expected key", "", loc{"odd,100%25%20dir/c.yaml", "%SRCROOT%", 3, 7}},
		// Standard input has no location; line 0 no region.
		{4, "stale", "warning", "assessed long ago", "", loc{}},
	}
	for _, tt := range tests {
		r := run.Results[tt.i]
		if r.RuleID != tt.rule || r.Level != tt.level || r.Message.Text != tt.msg {
			t.Errorf("result %d: %s %s %q, want %s %s %q", tt.i, r.RuleID, r.Level, r.Message.Text, tt.rule, tt.level, tt.msg)
		}
		if got := where(r); got != tt.where {
			t.Errorf("result %d: at %+v, want %+v", tt.i, got, tt.where)
		}
		got := ""
		if r.Properties != nil {
			got = r.Properties.Provision
		}
		if got != tt.provision {
			t.Errorf("result %d: provision %q, want %q", tt.i, got, tt.provision)
		}
	}
	if run.Results[1].PartialFingerprints[fingerprintKey] == run.Results[2].PartialFingerprints[fingerprintKey] {
		t.Error("two overdue actions of one provision share a fingerprint: code scanning would keep one alert")
	}
}

// TestSARIFFingerprintStable: lines added above a finding move it, and must
// not make it a new alert; another file or provision is another finding.
func TestSARIFFingerprintStable(t *testing.T) {
	fp := func(file string, line int, provision string) string {
		var log sarifLog
		data := writeSample(t, []File{{Name: file, Findings: []assessment.Finding{
			{Rule: "no-plan", Severity: assessment.Error, File: file, Line: line, Col: 3, Provision: provision, Message: "no plan"},
		}}}, Place{})
		if err := json.Unmarshal(data, &log); err != nil {
			t.Fatal(err)
		}
		return log.Runs[0].Results[0].PartialFingerprints[fingerprintKey]
	}
	base := fp("a.yaml", 10, "4.2")
	if fp("a.yaml", 42, "4.2") != base {
		t.Error("the fingerprint changed when the finding moved down the file")
	}
	if fp("./a.yaml", 10, "4.2") != base {
		t.Error("the fingerprint changed with ./ in front of the file name")
	}
	if fp("b.yaml", 10, "4.2") == base || fp("a.yaml", 10, "4.3") == base {
		t.Error("another file or provision has the same fingerprint")
	}
}

// TestSARIFDeterministic: the same findings give the same bytes.
func TestSARIFDeterministic(t *testing.T) {
	first := writeSample(t, sample(), Place{})
	for range 5 {
		if again := writeSample(t, sample(), Place{}); !bytes.Equal(first, again) {
			t.Fatal("two writes of the same findings differ")
		}
	}
}

// TestSARIFUnknownRule: a finding of a rule the list lacks (a bug) is still
// reported, with a rule of its own for its ruleIndex to point at.
func TestSARIFUnknownRule(t *testing.T) {
	data := writeSample(t, []File{{Name: "a.yaml", Findings: []assessment.Finding{
		{Rule: "made-up", Severity: assessment.Warning, File: "a.yaml", Line: 1, Col: 1, Message: "m"},
	}}}, Place{})
	requireSARIF(t, data)
	if !bytes.Contains(data, []byte(`"id": "made-up"`)) {
		t.Error("the unknown rule is not described")
	}
}

// root is an absolute path on this system: /repo/..., or C:\repo\... .
func root(parts ...string) string {
	r := "/"
	if runtime.GOOS == "windows" {
		r = `C:\`
	}
	return filepath.Join(append([]string{r}, parts...)...)
}

func TestArtifactURI(t *testing.T) {
	j := func(parts ...string) string { return root(append([]string{"repo"}, parts...)...) }
	tests := []struct {
		name        string
		root, wd    string
		file        string
		uri, base   string
		hasLocation bool
	}{
		{"as given", "", "", "a.yaml", "a.yaml", "%SRCROOT%", true},
		{"dot slash dropped", "", "", "./x/a.yaml", "x/a.yaml", "%SRCROOT%", true},
		{"working at the root", j(), j(), "x/a.yaml", "x/a.yaml", "%SRCROOT%", true},
		{"working in a subfolder", j(), j("sub"), "a.yaml", "sub/a.yaml", "%SRCROOT%", true},
		{"up from a subfolder", j(), j("sub", "deep"), "../a.yaml", "sub/a.yaml", "%SRCROOT%", true},
		{"absolute inside", j(), j("sub"), j("x", "a.yaml"), "x/a.yaml", "%SRCROOT%", true},
		{"outside the root", j("sub"), j("sub"), "../a.yaml", "file://" + slashed(j("a.yaml")), "", true},
		{"escaped", "", "", "a b/c#1%.yaml", "a%20b/c%231%25.yaml", "%SRCROOT%", true},
		{"colon in the first segment", "", "", "c:d.yaml", "./c:d.yaml", "%SRCROOT%", true},
		{"standard input", j(), j(), "<stdin>", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			uri, base, ok := artifactURI(tt.file, Place{Root: tt.root, WorkDir: tt.wd})
			if uri != tt.uri || base != tt.base || ok != tt.hasLocation {
				t.Errorf("artifactURI(%q) = %q, %q, %v; want %q, %q, %v", tt.file, uri, base, ok, tt.uri, tt.base, tt.hasLocation)
			}
		})
	}
}

func slashed(p string) string {
	s := filepath.ToSlash(p)
	if !strings.HasPrefix(s, "/") {
		s = "/" + s
	}
	return s
}

// TestRules: every rule has its metadata, once.
func TestRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.Name] {
			t.Errorf("rule %s listed twice", r.Name)
		}
		seen[r.Name] = true
		if r.Short == "" || r.Full == "" || r.Help == "" || (r.Severity != assessment.Error && r.Severity != assessment.Warning) {
			t.Errorf("rule %s lacks a description, help or severity: %+v", r.Name, r)
		}
	}
	for _, name := range []string{"syntax", "no-plan", "unreviewed", "figures-sum", "missed-timescale", "annual-missing-part", "annual-submission-overdue"} {
		if !seen[name] {
			t.Errorf("rule %s missing from Rules()", name)
		}
	}
}
