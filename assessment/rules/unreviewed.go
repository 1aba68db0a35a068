package rules

import (
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// Unreviewed warns of an answer carried from last year that nobody has
// checked yet.
var Unreviewed = add(&Rule{
	Name:     "unreviewed",
	Severity: assessment.Warning,
	order:    160,
	Summary:  "an answer carried forward from last year, not yet reviewed",
	What: "An answer still has the review: line csa init --from wrote when it carried the answer from " +
		"last year's assessment. The message quotes where it came from, and says when the match " +
		"between the two Codes was of low confidence.",
	Why: "Last year's answer may no longer be true, and across Codes the provision may ask more than " +
		"the one it continues. An assessment is only this year's once each answer has been checked " +
		"against this year.",
	Fix: "Check the answer, evidence and actions against this year, change what needs changing, " +
		"then delete the review: line.",
	check: func(c *checker) {
		for _, ans := range c.answers() {
			if ans.Review != "" {
				c.addTo(ans, ans.ReviewPos, "provision %s awaits review (%s): check the answer, then delete the review line", ans.ID, reviewNote(ans.Review))
			}
		}
	},
})

// reviewInstruction ends the review lines csa init --from writes; the
// unreviewed message gives its own instruction instead.
const reviewInstruction = "check it, then delete this line"

// reviewNote is a review line as the unreviewed message quotes it: without
// csa init's closing instruction, and clipped only when very long, never
// hiding that a match was of low confidence.
func reviewNote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if note := strings.TrimRight(strings.TrimSuffix(s, reviewInstruction), " ;,."); note != "" {
		s = note
	}
	if s == "" {
		return "the review line is blank"
	}
	const limit = 200
	r := []rune(s)
	if len(r) <= limit {
		return s
	}
	cut := limit
	for cut > limit-30 && r[cut] != ' ' {
		cut--
	}
	clipped := strings.TrimRight(string(r[:cut]), " ,;:(") + "..."
	if low := "low confidence"; strings.Contains(strings.ToLower(s), low) && !strings.Contains(strings.ToLower(clipped), low) {
		clipped += " (includes a low-confidence match)"
	}
	return clipped
}
