package assessment

import "testing"

func TestLooksLikeAssessment(t *testing.T) {
	tests := []struct {
		name string
		data string
		ok   bool
		why  string
	}{
		{"plain", "code: chc-2024\nprovisions: []\n", true, ""},
		{"provisions only", "landlord: x\nprovisions:\n", true, ""},
		{"space before colon", "code : chc-2024\nlandlord: x\n", true, ""},
		{"quoted key", "\"code\": chc-2024\n", true, ""},
		{"byte order mark", "\ufeffcode: chc-2024\n", true, ""},
		{"flow style", "{code: chc-2024, provisions: []}\n", true, ""},
		{"utf-16", "\xff\xfec\x00o\x00", true, ""},
		{"catalogue", "catalogue: chc-2024\nprovisions:\n", false, whyCatalogue},
		{"catalogue after code", "provisions: []\ncatalogue: x\n", true, ""},
		{"workflow", "name: csa\non:\n  push:\n", false, "not an assessment (no code: or provisions:)"},
		{"nested code", "jobs:\n  code: x\n", false, "not an assessment (no code: or provisions:)"},
		{"empty", "", false, "not an assessment (no code: or provisions:)"},
		{"broken yaml", "name: [x\n", false, "not an assessment (no code: or provisions:)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ok, why := LooksLikeAssessment([]byte(tt.data))
			if ok != tt.ok || why != tt.why {
				t.Errorf("LooksLikeAssessment(%q) = %v, %q; want %v, %q", tt.data, ok, why, tt.ok, tt.why)
			}
		})
	}
}
