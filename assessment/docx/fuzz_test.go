package docx

import (
	"strings"
	"testing"
)

// FuzzRead: whatever a document holds, Read gives an assessment or an
// error, never a panic; what it reads back from csa's own document is
// within the limits.
func FuzzRead(f *testing.F) {
	a, cat := load(f, "testdata/every-field.yaml")
	f.Add(write(f, a, cat))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok, err := Read(data, lookup)
		if err == nil && ok && got == nil {
			t.Fatal("csa's own document read as nothing, with no error")
		}
		if got != nil && len(got.Introduction) > maxText {
			t.Fatalf("an introduction of %d bytes", len(got.Introduction))
		}
		if err != nil && strings.TrimSpace(err.Error()) == "" {
			t.Fatal("an error with no words")
		}
	})
}
