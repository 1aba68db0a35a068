package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

// TestCheckHelpNamesEveryRule: check's help lists every rule csa check can
// report, from the list.
func TestCheckHelpNamesEveryRule(t *testing.T) {
	var out, errs bytes.Buffer
	if status := run([]string{"check", "--help"}, strings.NewReader(""), &out, &errs); status != 0 {
		t.Fatalf("check --help exited %d: %s", status, errs.String())
	}
	help := out.String()
	for _, r := range rules.All() {
		if !strings.Contains(help, r.Name) {
			t.Errorf("check --help does not name %s", r.Name)
		}
	}
}
