package codes

import (
	"crypto/sha256"
	"encoding/hex"
)

// Digest returns the SHA-256, in hex, of the file a built-in catalogue was
// embedded from: csa --version reports it, so two builds can be told to
// carry the same catalogue text. ok is false for an id that is not built in.
func Digest(id string) (digest string, ok bool) {
	data, err := embedded.ReadFile(id + ".yaml")
	if err != nil {
		return "", false
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), true
}
