package rules

import "testing"

func TestOneEntity(t *testing.T) {
	checkCases(t, OneEntity, []ruleCase{
		{"one", "code: mini.yaml\nlandlord: Calder Vale Homes\nentities:\n  - name: Calder Vale Homes\nassessed: 2025-05-31\nprovisions: []\n", []string{
			`3:1 : the assessment lists one entity, "Calder Vale Homes": a group's assessment names every landlord it covers; for one landlord, delete entities: and name it in landlord:`}},
		{"two", "code: mini.yaml\nlandlord: G\nentities:\n  - name: A\n  - name: B\nassessed: 2025-05-31\nprovisions: []\n", nil},
		{"none", head, nil},
	})
}
