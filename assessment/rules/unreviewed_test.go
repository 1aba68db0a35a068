package rules

import (
	"strings"
	"testing"
)

func TestUnreviewed(t *testing.T) {
	answer := func(review string) string {
		return head + "  - id: \"1.2\"\n    comply: yes\n    review: " + review + "\n"
	}
	long := "carried from 2023/24 (chc-2022 1.3 yes, high confidence; " + strings.Repeat("1.6 partial, medium confidence; ", 6) + "4.1 no, low confidence); check it, then delete this line"
	checkCases(t, Unreviewed, []ruleCase{
		{"carried", answer("carried from 2023/24 (chc-2022 1.2, high confidence); check it, then delete this line"), []string{
			"10:13 1.2: provision 1.2 awaits review (carried from 2023/24 (chc-2022 1.2, high confidence)): check the answer, then delete the review line"}},
		{"a note of the landlord's", answer("check with the new policy"), []string{
			"10:13 1.2: provision 1.2 awaits review (check with the new policy): check the answer, then delete the review line"}},
		{"very long, a low-confidence match clipped off", answer(long), []string{
			"10:13 1.2: provision 1.2 awaits review (carried from 2023/24 (chc-2022 1.3 yes, high confidence; 1.6 partial, medium confidence; 1.6 partial, medium confidence; 1.6 partial, medium confidence; 1.6 partial, medium confidence; 1.6 partial... (includes a low-confidence match)): check the answer, then delete the review line"}},
		{"group: the review line is the group's", groupHead + "  - id: \"1.2\"\n    comply: yes\n    review: carried\n    entities:\n      B:\n        comply: partial\n", []string{
			"14:13 1.2: provision 1.2 awaits review (carried): check the answer, then delete the review line"}},
		{"reviewed", head + "  - id: \"1.2\"\n    comply: yes\n", nil},
	})
}
