package yamlpos

import "testing"

func TestLocate(t *testing.T) {
	tests := []struct {
		name, yaml, msg string
		want            Pos
		ok              bool
	}{
		{"unclosed [ at a later key", "a: 1\nf: [1, 2\ng: 3\n", "did not find expected ',' or ']'", Pos{2, 4}, true},
		{"unclosed [ at the end", "a: 1\nf: [1, 2\n\n", "did not find expected ',' or ']'", Pos{2, 4}, true},
		{"wrong bracket", "f: [1, 2}\n", "did not find expected ',' or ']'", Pos{1, 9}, true},
		{"unclosed quote", "a: 1\nb: 'x\n\nc: 2\n", "found unexpected end of stream", Pos{2, 4}, true},
		{"indentation", "a:\n  - b: 1\n   c: 2\n", "did not find expected '-' indicator", Pos{3, 4}, true},
		{"column in characters", "ŷ: ŵ: x\n", "mapping values are not allowed in this context", Pos{1, 5}, true},
		{"control character", "a: 1\nb: x\x01\n", "control characters are not allowed", Pos{2, 5}, true},
		{"DEL after Welsh", "a: ŷŷ\x7f\n", "control characters are not allowed", Pos{1, 6}, true},
		{"C1 control", "a: \u0086\n", "control characters are not allowed", Pos{1, 4}, true},
		{"NEL is allowed", "a: \u0085\u0001\n", "control characters are not allowed", Pos{1, 5}, true},
		{"another message", "f: [1, 2\n", "mapping values are not allowed in this context", Pos{}, false},
		{"no error at all", "a: 1\n", "did not find expected key", Pos{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Locate([]byte(tt.yaml), tt.msg)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Locate = %v, %v; want %v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}
