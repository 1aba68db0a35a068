package rules

import (
	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/contradiction"
)

// Contradiction warns when a yes is undercut by its own evidence or
// commentary; package contradiction reads the text.
var Contradiction = add(&Rule{
	Name:     "contradiction",
	Severity: assessment.Warning,
	order:    120,
	Summary: "yes, but the evidence or commentary admits the gap (\"we do not currently\", \"not consistently\", " +
		"\"we will need to\", \"further work to do to be compliant\")",
	What: "A provision answered yes whose evidence or commentary says, in so many words, that it is " +
		"not met: \"we do not currently\", \"not consistently\", \"we will need to\", \"further work to " +
		"do to be compliant\". The text is read sentence by sentence; plain evidence, statements of " +
		"design (\"we do not have a stage 0\"), rules for residents or staff (\"residents will need " +
		"to give written consent\") and double negatives (\"we have no evidence that we are not " +
		"compliant\") are left alone. The finding quotes the words and points at their line.",
	Why: "A yes that its own evidence contradicts misleads the reader of the published " +
		"self-assessment, and the Ombudsman treats an inaccurate self-assessment as a failing in " +
		"itself.",
	Fix: "Decide whether the provision is met. If it is not, answer partial or no and add an action " +
		"plan. If it is, reword the text so it says what is done now, and put plans for further " +
		"improvement in commentary as improvements, not as conditions of compliance.",
	check: func(c *checker) {
		for _, ans := range c.answers() {
			if ans.Comply == assessment.Yes {
				c.contradiction(ans)
			}
		}
	},
})

func (c *checker) contradiction(ans *assessment.Answer) {
	for _, f := range []struct {
		name string
		text string
		pos  assessment.TextPos
	}{{"evidence", ans.Evidence, ans.EvidencePos}, {"commentary", ans.Commentary, ans.CommentaryPos}} {
		adm, ok := contradiction.Find(f.text)
		if !ok {
			continue
		}
		p := f.pos.Pos
		p.Line = f.pos.LineOf(f.text, adm.Offset)
		if f.pos.Block {
			p.Col = f.pos.Indent + 1
		}
		if p.Line == 0 {
			p = ans.Pos
		}
		c.addTo(ans, p, "provision %s is answered yes but its %s says %q: is it met?", ans.ID, f.name, adm.Phrase)
		return
	}
}
