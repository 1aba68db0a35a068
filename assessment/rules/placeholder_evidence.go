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
				c.addTo(ans, at, "provision %s is answered yes but its evidence is only %q: say what shows it is met",
					ans.ID, clipSummary(strings.Join(strings.Fields(ans.Evidence), " ")))
			}
		}
	},
})

// placeholders are what evidence says when it says nothing, lower-cased.
var placeholders = []string{
	"n/a", "na", "n.a", "n a", "not applicable",
	"none", "nil", "nothing", "no evidence",
	"-", "--", "---", "–", "—",
	"tbc", "tbd", "tba", "to be confirmed", "to be decided", "to be added",
	"to follow", "pending", "todo", "to do",
	"?", "??", "…",
}

// onlyPlaceholders reports whether evidence holds something, and nothing
// but placeholders: pieces separated by line breaks, commas or semicolons,
// each ignoring case, runs of spaces and a closing full stop or colon (a
// piece of full stops alone, "...", is one too). Blank evidence is
// no-evidence's. It runs on every yes, so it allocates nothing.
func onlyPlaceholders(evidence string) bool {
	found := false
	for rest := evidence; ; {
		piece := rest
		i := strings.IndexAny(rest, "\n,;")
		if i >= 0 {
			piece, rest = rest[:i], rest[i+1:]
		}
		piece = strings.TrimSpace(piece)
		p := strings.TrimRight(piece, ".:")
		switch {
		case piece == "":
		case p == "" || isPlaceholder(p): // "..." is full stops alone
			found = true
		default:
			return false
		}
		if i < 0 {
			return found
		}
	}
}

// isPlaceholder reports whether p is one of the placeholders, ignoring case
// and taking a run of spaces or tabs for one space.
func isPlaceholder(p string) bool {
	if len(p) > 20 {
		return false // longer than any placeholder, even spaced out a little
	}
	for _, x := range placeholders {
		if sameWords(p, x) {
			return true
		}
	}
	return false
}

// sameWords compares p with x (lower case, single spaces), ignoring the
// case of ASCII letters and the length of runs of white space in p.
func sameWords(p, x string) bool {
	i := 0
	for j := 0; j < len(p); j++ {
		c := p[j]
		if c == ' ' || c == '\t' {
			for j+1 < len(p) && (p[j+1] == ' ' || p[j+1] == '\t') {
				j++
			}
			c = ' '
		} else if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if i >= len(x) || x[i] != c {
			return false
		}
		i++
	}
	return i == len(x)
}
