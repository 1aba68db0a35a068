package main

import (
	"bytes"
	"os"
	"testing"
)

// TestBuiltinsUpToDate: builtin_gen.go is what the catalogue files give;
// after changing one, run go generate ./codes.
func TestBuiltinsUpToDate(t *testing.T) {
	want, err := generate("../..")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../builtin_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("codes/builtin_gen.go is not what the catalogue files give: run go generate ./codes")
	}
}
