package codes

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"testing"
)

// TestDigest: each built-in catalogue's digest is that of its file in the
// repository, and an id that is not built in has none.
func TestDigest(t *testing.T) {
	for _, id := range Embedded() {
		data, err := os.ReadFile(id + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		got, ok := Digest(id)
		if !ok || got != hex.EncodeToString(sum[:]) {
			t.Errorf("Digest(%s) = %q, %v; want the SHA-256 of %s.yaml", id, got, ok, id)
		}
	}
	for _, id := range []string{"chc-2019", "2024", "", "../codes"} {
		if d, ok := Digest(id); ok {
			t.Errorf("Digest(%q) = %q, want none", id, d)
		}
	}
}
