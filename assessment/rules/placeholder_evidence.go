package rules

import (
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// PlaceholderEvidence asks a yes whose evidence is only a placeholder to
// say what shows it.
var PlaceholderEvidence = add(&Rule{
	Name:     "placeholder-evidence",
	Severity: assessment.Warning,
	order:    115,
	Summary:  "yes whose evidence is only a placeholder: \"n/a\", \"none\", \"-\", \"TBC\", \"to follow\" and the like",
	What: "A provision answered yes whose evidence is only a placeholder, or a few of them: n/a, none, " +
		"nil, nothing, a dash, TBC, TBD, TBA, to be confirmed, to follow, pending, to do, a question " +
		"mark or an ellipsis. Evidence that says anything more is left alone.",
	Why: "A placeholder is no evidence: the form asks what shows the provision is met, and a " +
		"published \"TBC\" tells the governing body, residents and the Ombudsman that the yes was " +
		"never checked.",
	Fix: "Replace the placeholder with what shows the provision is met: the policy and its section, " +
		"the training records, the audit or the report, with dates. If nothing does yet, answer " +
		"partial or no with an action plan.",
	check: func(c *checker) {
		for _, ans := range c.answers() {
			if ans.Comply == assessment.Yes && onlyPlaceholders(ans.Evidence) {
				at := ans.EvidencePos.Pos
				if at.Line == 0 {
					at = complyAt(ans)
				}
				c.add(at, ans.ID, "provision %s is answered yes but its evidence is only %q: say what shows it is met",
					ans.ID, clipSummary(strings.Join(strings.Fields(ans.Evidence), " ")))
			}
		}
	},
})

// placeholders are what evidence says when it says nothing, lower-cased.
var placeholders = map[string]bool{
	"n/a": true, "na": true, "n.a": true, "n a": true, "not applicable": true,
	"none": true, "nil": true, "nothing": true, "no evidence": true,
	"-": true, "--": true, "---": true, "–": true, "—": true,
	"tbc": true, "tbd": true, "tba": true, "to be confirmed": true, "to be decided": true, "to be added": true,
	"to follow": true, "pending": true, "todo": true, "to do": true,
	"?": true, "??": true, "...": true, "…": true,
}

// onlyPlaceholders reports whether evidence holds something, and nothing
// but placeholders: pieces separated by line breaks, commas, semicolons or
// slashes between words, each ignoring case, spaces and a closing full
// stop or colon. Blank evidence is no-evidence's.
func onlyPlaceholders(evidence string) bool {
	pieces := strings.FieldsFunc(evidence, func(r rune) bool { return r == '\n' || r == ',' || r == ';' })
	found := false
	for _, p := range pieces {
		p = strings.ToLower(strings.Join(strings.Fields(p), " "))
		p = strings.TrimRight(p, ".:")
		if p == "" && strings.TrimSpace(evidence) != "" {
			p = "..." // a piece of full stops alone
		}
		switch {
		case p == "":
			continue
		case placeholders[p]:
			found = true
		default:
			return false
		}
	}
	return found
}
