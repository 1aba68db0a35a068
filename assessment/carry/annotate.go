package carry

import (
	"fmt"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/lineage"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
)

// The comments csa init writes into a new assessment, in the landlord's
// words: what the file is, where it came from, and what each provision asks.

// Advice closes the header of a new assessment: what to write, and how to
// check it.
const Advice = `For each provision write comply: yes, no, partial or n/a, and the evidence.
A no or partial needs an action with an owner and a due date, or an alternative.
An n/a needs commentary saying why. Set assessed: to the date you finish, and
add approved: (by:, on:) once the governing body has approved it.
Check it with: csa check FILE`

// BlankHeader is the comment at the top of a blank assessment.
func BlankHeader(cat *codes.Catalogue) string {
	return fmt.Sprintf("Self-assessment against %s.\n%s", codeName(cat), Advice)
}

// ProvisionComment is the comment above each provision: its id and summary,
// whether it is new in this Code, and across Codes what changed since the
// provisions it continues (from m, nil within a Code), for the reviewer.
func ProvisionComment(cat *codes.Catalogue, isNew map[string]bool, m *lineage.Map) func(string) string {
	return func(id string) string {
		p, _ := cat.Provision(id)
		s := id + " " + p.Summary
		if isNew[id] {
			s = id + " (new in " + cat.ID + ") " + p.Summary
		}
		if m == nil || m.Direction == lineage.SameCode {
			return s
		}
		var notes []string
		for _, l := range m.Predecessors(id) {
			note := m.From.ID + " " + l.From + " (" + l.Confidence.String() + " confidence)"
			if n := strings.TrimSpace(l.Note); n != "" {
				note += ": " + strings.TrimSuffix(n, ".")
			}
			notes = append(notes, note)
		}
		if len(notes) > 0 {
			s = strings.TrimSpace(s) + " Continues " + strings.Join(notes, "; ") + "."
		}
		return s
	}
}

// Header is the comment at the top of an assessment started from last
// year's: where it came from, what was carried, what was not.
func Header(from string, last *assessment.Assessment, lastCat, cat *codes.Catalogue, r *Result) string {
	lastDesc := lastCat.ID
	if last.Period != "" {
		lastDesc = last.Period + ", " + lastDesc
	}
	paras := []string{
		fmt.Sprintf("Self-assessment against %s, started from last year's: %s (%s).", codeName(cat), from, lastDesc),
		fmt.Sprintf("Carried forward: %s and %s (done actions left behind). "+
			"Each carried answer has a review: line saying where it came from, and csa check warns (unreviewed) until it goes: "+
			"check the answer against this year's evidence, then delete the line.",
			english.Count(len(r.Carried), "answer", "answers"), english.Count(r.Actions, "open action", "open actions")),
	}
	if last.IsGroup() {
		paras = append(paras, fmt.Sprintf("The group's entities were carried: %s, each with its own answers and open actions. "+
			"Remove an entity that has left the group (and its answers under entities:), and add one that has joined; "+
			"one submission covers a group only when one complaints policy applies to every member, named in the policy and here.",
			english.And(last.EntityNames())))
	}
	if lastCat.ID != cat.ID {
		how := fmt.Sprintf("csa's lineage (csa codes %s ID shows it)", cat.ID)
		if cat.Source != "embedded" {
			how = "the lineage in the " + cat.ID + " catalogue"
		}
		paras = append(paras, fmt.Sprintf("The answers were matched from %s to %s through %s; "+
			"where several provisions fed one, the weakest answer was kept and the texts joined. The requirement wording was not carried.",
			lastCat.ID, cat.ID, how))
	}
	if len(r.New) > 0 {
		paras = append(paras, fmt.Sprintf("New in %s, left blank: %s.", cat.ID, strings.Join(r.New, ", ")))
	}
	if len(r.Blank) > 0 {
		paras = append(paras, fmt.Sprintf("Left blank, as last year's answer was blank: %s.", strings.Join(r.Blank, ", ")))
	}
	for _, l := range r.Left {
		whose := ""
		if l.Entity != "" {
			whose = " (" + l.Entity + "'s own)"
		}
		paras = append(paras, fmt.Sprintf("Not carried: an open action of %s %s%s, which has no successor in %s: %s",
			lastCat.ID, l.Provision, whose, cat.ID, strings.Join(strings.Fields(l.Action.Text), " ")))
	}
	var b strings.Builder
	for _, p := range paras {
		b.WriteString(english.Wrap(p, 86))
		b.WriteByte('\n')
	}
	b.WriteString(Advice)
	return b.String()
}

// codeName names a Code in a sentence: "the Complaint Handling Code 2024
// (chc-2024)", or the catalogue's id when it has no title of its own.
func codeName(cat *codes.Catalogue) string {
	if cat.Title == "" || cat.Title == cat.ID {
		return cat.ID
	}
	return "the " + cat.Title + " (" + cat.ID + ")"
}
