package main

import (
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestCIExample holds the example workflow (examples/ci/csa.yml) to what the
// README says it shows: csa fmt --check, csa check, and csa check's SARIF
// uploaded to code scanning; and every csa command in it runs with flags
// csa has.
func TestCIExample(t *testing.T) {
	data, err := os.ReadFile("../../examples/ci/csa.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Run  string            `yaml:"run"`
				Uses string            `yaml:"uses"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	var runs []string
	sarifFiles := map[string]bool{} // written by csa check --format sarif
	uploaded := ""
	for _, job := range wf.Jobs {
		for _, step := range job.Steps {
			if strings.HasPrefix(step.Uses, "github/codeql-action/upload-sarif@") {
				uploaded = step.With["sarif_file"]
			}
			line := strings.TrimSpace(step.Run)
			if !strings.HasPrefix(line, "csa ") {
				continue
			}
			runs = append(runs, line)
			args, out, _ := strings.Cut(line, ">")
			fields := strings.Fields(args)[1:]
			if strings.Contains(args, "--format sarif") {
				sarifFiles[strings.TrimSpace(out)] = true
			}
			cmd, rest, err := newRootCmd(&env{}).Find(fields)
			if err != nil || cmd.Name() == "csa" {
				t.Errorf("%q: no such command (%v)", line, err)
				continue
			}
			if err := cmd.ParseFlags(rest); err != nil {
				t.Errorf("%q: %v", line, err)
			}
		}
	}
	for _, want := range []string{"csa fmt --check .", "csa check --format github ."} {
		if !strings.Contains(strings.Join(runs, "\n"), want) {
			t.Errorf("the workflow does not run %q; it runs:\n%s", want, strings.Join(runs, "\n"))
		}
	}
	if uploaded == "" || !sarifFiles[uploaded] {
		t.Errorf("the workflow uploads %q to code scanning, but csa check --format sarif writes %v", uploaded, sarifFiles)
	}
}
