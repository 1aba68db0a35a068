package codes

// Digest returns the SHA-256, in hex, of the file a built-in catalogue was
// generated from: csa --version reports it, so two builds can be told to
// carry the same catalogue text. ok is false for an id that is not built in.
func Digest(id string) (digest string, ok bool) {
	digest, ok = builtinDigests[id]
	return digest, ok
}
