package assessment

import "testing"

// TestLooksLikeAssessment: a folder walk skips only a file proven not to be
// an assessment (a set of keys none of which an assessment has, a
// catalogue by its keys). A file that cannot be read as YAML might be one,
// so it is checked, and its syntax error is a finding.
func TestLooksLikeAssessment(t *testing.T) {
	const notAssessment = "not an assessment (no code: or provisions:)"
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
		{"capitalised keys", "Code: chc-2024\nLandlord: x\n", true, ""},
		{"only an assessment key", "landlord: x\nassessed: 2025-05-31\n", true, ""},
		{"catalogue", "catalogue: chc-2024\nprovisions:\n", false, whyCatalogue},
		{"catalogue, provisions first", "provisions: []\ncatalogue: x\n", false, whyCatalogue},
		{"catalogue with a typo", "catalogue: x\ntitel: y\nprovisions: []\n", false, whyCatalogue},
		{"assessment with a catalogue key", "code: chc-2024\ncatalogue: x\n", true, ""},
		{"assessment with a catalogue key, code spaced", "code : chc-2024\ncatalogue: x\n", true, ""},
		{"quoted landlord running on to a catalogue: line", "\"code\": chc-2024\nlandlord: \"Example\ncatalogue: Homes\"\nprovisions: []\n", true, ""},
		{"workflow", "name: csa\non:\n  push:\n", false, notAssessment},
		{"figures", "kind: figures\nlandlord: x\nperiod: 2024/25\n", false, whyFigures},
		{"figures, kind last", "landlord: x\nperiod: 2024/25\nkind: figures\n", false, whyFigures},
		{"an annual report", "kind: annual\nlandlord: x\nperiod: 2024/25\npublished: https://example.org\n", false, whyAnnual},
		{"another kind", "kind: other\nlandlord: x\n", true, ""},
		{"nested code", "jobs:\n  code: x\n", false, notAssessment},
		{"list of other things", "- name: x\n- name: y\n", false, notAssessment},
		{"list holding an assessment", "- code: chc-2024\n  landlord: x\n", true, ""},
		{"broken yaml", "name: [x\n", true, ""},
		{"code spaced and broken", "code : chc-2024\nlandlord: [x\n", true, ""},
		{"not text", "code: \xff\n", true, ""},
		{"empty", "", true, ""},
		{"comments only", "# code: chc-2024\n", true, ""},
		{"text, not keys", "Code provision,Comply\n1.2,Yes\n", false, notAssessment},
		{"two documents", "name: csa\n---\ncode: chc-2024\n", true, ""},
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
