package assessment

import (
	"os"
	"testing"
)

// BenchmarkFormat lays out the 72-provision 2024 example: in form already,
// and laid out otherwise (four-space indents, ids in single quotes), as
// csa fmt's benchmark in cmd/csa does for a thousand files.
func BenchmarkFormat(b *testing.B) {
	data, err := os.ReadFile("../examples/millbrook-2024-25.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		data []byte
	}{{"in-form", data}, {"out-of-form", untidy(data)}} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tt.data)))
			for b.Loop() {
				if _, err := Format("a.yaml", tt.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
