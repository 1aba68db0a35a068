package rules_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment/figures"
	"github.com/csa-tool/csa/assessment/load"
	"github.com/csa-tool/csa/assessment/rules"
)

// figuresHead starts a figures file.
const figuresHead = "kind: figures\nperiod: 2024/25\ntimescales: chc-2024\n"

// figuresCase is a figures file, the files beside it, and the findings a
// rule makes of it, each "line:col severity provision: message".
type figuresCase struct {
	name   string
	yaml   string
	beside map[string]string // file name: YAML
	want   []string
}

// figuresCases checks each case's figures.yaml as csa check does (package
// load hands it to package figures, which applies these rules) in a working
// folder holding the files beside it, and keeps the findings of r.
func figuresCases(t *testing.T, r *rules.Rule, cases []figuresCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			for name, text := range tt.beside {
				if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var got []string
			res, err := load.CheckAll(1, func(int) (load.Input, error) {
				return load.Input{Name: "figures.yaml", Data: []byte(tt.yaml)}, nil
			}, load.Options{Threshold: figures.DefaultThreshold})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res[0].Findings {
				if f.Rule != r.Name {
					continue
				}
				got = append(got, strconv.Itoa(f.Line)+":"+strconv.Itoa(f.Col)+" "+f.Severity.String()+" "+f.Provision+": "+f.Message)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
