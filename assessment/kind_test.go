package assessment

import "testing"

// TestKindOf: a folder walk skips only a file proven not to be
// an assessment (a set of keys none of which an assessment has, a
// catalogue by its keys). A file that cannot be read as YAML might be one,
// so it is checked, and its syntax error is a finding.
func TestKindOf(t *testing.T) {
	tests := []struct {
		name string
		data string
		want Kind
	}{
		{"plain", "code: chc-2024\nprovisions: []\n", MaybeAssessment},
		{"provisions only", "landlord: x\nprovisions:\n", MaybeAssessment},
		{"space before colon", "code : chc-2024\nlandlord: x\n", MaybeAssessment},
		{"quoted key", "\"code\": chc-2024\n", MaybeAssessment},
		{"byte order mark", "\ufeffcode: chc-2024\n", MaybeAssessment},
		{"flow style", "{code: chc-2024, provisions: []}\n", MaybeAssessment},
		{"utf-16", "\xff\xfec\x00o\x00", MaybeAssessment},
		{"capitalised keys", "Code: chc-2024\nLandlord: x\n", MaybeAssessment},
		{"only an assessment key", "landlord: x\nassessed: 2025-05-31\n", MaybeAssessment},
		{"catalogue", "catalogue: chc-2024\nprovisions:\n", CatalogueFile},
		{"catalogue, provisions first", "provisions: []\ncatalogue: x\n", CatalogueFile},
		{"catalogue with a typo", "catalogue: x\ntitel: y\nprovisions: []\n", CatalogueFile},
		{"assessment with a catalogue key", "code: chc-2024\ncatalogue: x\n", MaybeAssessment},
		{"assessment with a catalogue key, code spaced", "code : chc-2024\ncatalogue: x\n", MaybeAssessment},
		{"quoted landlord running on to a catalogue: line", "\"code\": chc-2024\nlandlord: \"Example\ncatalogue: Homes\"\nprovisions: []\n", MaybeAssessment},
		{"workflow", "name: csa\non:\n  push:\n", OtherFile},
		{"figures", "kind: figures\nlandlord: x\nperiod: 2024/25\n", FiguresFile},
		{"figures, kind last", "landlord: x\nperiod: 2024/25\nkind: figures\n", FiguresFile},
		{"an annual report", "kind: annual\nlandlord: x\nperiod: 2024/25\npublished: https://example.org\n", AnnualFile},
		{"an annual report, kind last", "landlord: x\nperiod: 2024/25\nkind: annual\n", AnnualFile},
		{"another kind", "kind: other\nlandlord: x\n", MaybeAssessment},
		{"nested code", "jobs:\n  code: x\n", OtherFile},
		{"list of other things", "- name: x\n- name: y\n", OtherFile},
		{"list holding an assessment", "- code: chc-2024\n  landlord: x\n", MaybeAssessment},
		{"broken yaml", "name: [x\n", MaybeAssessment},
		{"code spaced and broken", "code : chc-2024\nlandlord: [x\n", MaybeAssessment},
		{"not text", "code: \xff\n", MaybeAssessment},
		{"empty", "", MaybeAssessment},
		{"comments only", "# code: chc-2024\n", MaybeAssessment},
		{"text, not keys", "Code provision,Comply\n1.2,Yes\n", OtherFile},
		{"two documents", "name: csa\n---\ncode: chc-2024\n", MaybeAssessment},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := KindOf([]byte(tt.data)); got != tt.want {
				t.Errorf("KindOf(%q) = %v (%q), want %v (%q)", tt.data, got, got.Why(), tt.want, tt.want.Why())
			}
		})
	}
}
