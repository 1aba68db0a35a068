package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// This file makes answers from records: every cell lands in a field, or in
// the answer's commentary under its column's header, and every guess or
// cell without a place is a Note.

type builder struct {
	cat         *codes.Catalogue
	opts        Options
	notes       []Note
	detailNotes []Note
	guessed     map[string]string
	told        map[string]bool // notes said once per column
	// numeric is true for a spreadsheet or CSV, where 6.10 typed in a
	// cell is stored as the number 6.1: a 6.1 after 6.9 is read as 6.10.
	numeric bool
	words   *catWords // the catalogue's words, once a row needs guessing
}

func (b *builder) note(w Where, id, format string, args ...any) {
	b.notes = append(b.notes, Note{Where: w, Provision: id, Message: fmt.Sprintf(format, args...)})
}

// once says something once per key, however many rows it concerns.
func (b *builder) once(key string, w Where, format string, args ...any) {
	if b.told == nil {
		b.told = map[string]bool{}
	}
	if !b.told[key] {
		b.told[key] = true
		b.note(w, "", format, args...)
	}
}

// place gives every record its provision: a spreadsheet's 6.1 that is 6.10,
// a row whose number was lost, a provision answered twice.
func (b *builder) place(recs []*record) {
	used := map[string]bool{}
	prev, prevTable := "", -1
	for _, r := range recs {
		if r.id == "" {
			continue
		}
		if used[r.id] || (b.numeric && r.ctx.table == prevTable) {
			if id, ok := renumber(b.cat, r.id, prev, used); ok {
				b.note(r.where, id, "provision number %s after %s read as %s (a spreadsheet drops the 0 of %s) (guessed)", r.id, prev, id, id)
				b.guessed[id] = fmt.Sprintf("%s in the document, after %s", r.id, prev)
				r.id = id
			}
		}
		used[r.id] = true
		prev, prevTable = r.id, r.ctx.table
	}
	prev = ""
	var prevRec, firstRec *record
	for _, r := range recs {
		if r.id != "" {
			firstRec = r
			break
		}
	}
	for _, r := range recs {
		if r.id != "" {
			prev, prevRec = r.id, r
			continue
		}
		if !r.lost {
			continue
		}
		if b.words == nil {
			b.words = newCatWords(b.cat)
		}
		if id, how, ok := b.words.guess(r, used, prev); ok {
			r.id = id
			used[id] = true
			b.guessed[id] = fmt.Sprintf("the row at %s had no provision number; matched %s", whereText(r.where), how)
			b.note(r.where, id, "row without a provision number matched to %s %s (guessed)", id, how)
			prev, prevRec = id, r
			continue
		}
		target := prevRec
		if target == nil {
			target = firstRec
		}
		if target == nil {
			b.note(r.where, "", "a row without a provision number could not be matched to a provision and was not imported: %q", clip(r.dump(), 70))
			continue
		}
		target.extra = append(target.extra, "Row without a provision number: "+r.dump())
		b.note(r.where, target.id, "a row without a provision number could not be matched to a provision: kept in the commentary of %s", target.id)
	}
	first := map[string]*record{}
	for _, r := range recs {
		if r.id == "" {
			continue
		}
		if f, dup := first[r.id]; dup && (f.hdr.actionsOnly || r.hdr.actionsOnly) && !(f.hdr.actionsOnly && r.hdr.actionsOnly) {
			// A row of an action plan table and the provision's answer.
			plan, answer := r, f
			if f.hdr.actionsOnly {
				plan, answer = f, r
				first[r.id] = r
				f.id = ""
			} else {
				r.id = ""
			}
			answer.acts = append(answer.acts, plan.acts...)
			answer.extra = append(answer.extra, plan.extra...)
			if plan.idRest != "" {
				answer.extra = append(answer.extra, plan.hdr.labelOf(colID)+": "+plan.idRest)
			}
			for i, c := range plan.cells {
				if c != "" {
					answer.extra = append(answer.extra, plan.hdr.labels[i]+": "+c)
				}
			}
			b.note(plan.where, answer.id, "the action plan's row for %s joined to its answer at %s", answer.id, whereText(answer.where))
			continue
		}
		if f, dup := first[r.id]; dup && f.hdr.actionsOnly && r.hdr.actionsOnly {
			// Two rows of an action plan: two actions of one provision.
			f.acts = append(f.acts, r.acts...)
			f.extra = append(f.extra, r.extra...)
			for i, col := range r.hdr.cols {
				if col == colOther && i < len(r.cells) && r.cells[i] != "" {
					f.extra = append(f.extra, r.hdr.labels[i]+": "+r.cells[i])
				}
			}
			r.id = ""
			b.note(r.where, f.id, "another action for %s, joined to its row at %s", f.id, whereText(f.where))
			continue
		}
		if f, dup := first[r.id]; dup {
			f.extra = append(f.extra, fmt.Sprintf("Also answered at %s: %s", whereText(r.where), r.dump()))
			b.note(r.where, r.id, "provision %s appears again (first at %s): the second row is kept in its commentary", r.id, whereText(f.where))
			r.id = ""
			continue
		}
		first[r.id] = r
		if _, ok := b.cat.Provision(r.id); !ok {
			b.note(r.where, r.id, "provision %s is not in %s: imported as written; csa check will report it", r.id, b.cat.ID)
		}
	}
}

func whereText(w Where) string {
	s := w.String()
	if w.Line > 0 {
		s = fmt.Sprintf("line %d", w.Line)
	}
	if w.File != "" {
		s = strings.TrimPrefix(w.File+", "+s, ", ")
		s = strings.TrimSuffix(s, ", ")
	}
	return s
}

// dump writes a record's cells as labelled text, for commentary.
func (r *record) dump() string {
	var parts []string
	if r.id != "" {
		parts = append(parts, r.hdr.labelOf(colID)+": "+r.id)
	}
	if r.idRest != "" {
		parts = append(parts, r.idRest)
	}
	for i, c := range r.cells {
		if c != "" {
			parts = append(parts, r.hdr.labels[i]+": "+c)
		}
	}
	for _, a := range r.acts {
		for _, f := range []struct {
			col column
			v   string
		}{{colAction, a.text}, {colOwner, a.owner}, {colDue, a.due}, {colStatus, a.status}, {colCompleted, a.completed}} {
			if f.v != "" {
				parts = append(parts, r.hdr.labelOf(f.col)+": "+f.v)
			}
		}
	}
	parts = append(parts, r.extra...)
	return strings.Join(parts, "\n")
}

// ownCSV reports whether the header is csa's own CSV report's form table
// (report.FormCSVHeader), which has a Requirement source column.
func (h *header) ownCSV() bool {
	if h.own == 0 {
		h.own = -1
		if slices.ContainsFunc(h.labels, func(l string) bool { return labelKey(l) == "requirement source" }) {
			h.own = 1
		}
	}
	return h.own > 0
}

func (h *header) labelOf(c column) string {
	if i := h.index(c); i >= 0 && h.labels[i] != "" {
		return h.labels[i]
	}
	for _, s := range stackOrder {
		if s.col == c {
			return s.label
		}
	}
	return c.String()
}

// answer makes one provision's answer from its record.
func (b *builder) answer(rec *record) assessment.Answer {
	id := rec.id
	ans := assessment.Answer{ID: id}
	var extra []string
	raw := rec.cell(colComply)
	c, exact, ok := parseAnswer(raw)
	switch {
	case rec.hdr.actionsOnly:
		b.note(rec.where, id, "%s is in the action plan but not in the assessment's table: left unanswered", id)
	case !rec.hdr.has(colComply):
		b.once("nocomply", rec.hdr.where, "the table has no Comply column: its provisions are left unanswered")
	case len(b.opts.Entities) > 0 && b.groupAnswer(rec, raw, &ans, &extra):
		c, ok, exact = ans.Comply, true, true
	case ok && !exact && entitiesAgreeIn(raw):
		extra = append(extra, rec.hdr.labelOf(colComply)+": "+raw) // every entity's answer, kept
	case !ok && len(entityDiffers(raw)) > 0:
		b.note(rec.where, id, "the entities answer %s differently (%s): left unanswered; each entity's answer is kept in the commentary", id, entityList(entityDiffers(raw)))
		extra = append(extra, rec.hdr.labelOf(colComply)+": "+raw)
	case !ok && (answerKey(raw) == "☒" || answerKey(raw) == "⊠"):
		b.note(rec.where, id, "the answer %q to %s is a box with a cross, which a Word form uses for a ticked box and others for no: left unanswered, and kept in the commentary", answerKey(raw), id)
		extra = append(extra, rec.hdr.labelOf(colComply)+": "+raw)
	case !ok && strings.ContainsAny(raw, checkedBoxes+uncheckedBoxes):
		b.note(rec.where, id, "the answer boxes of %s (%q) have no box ticked, or more than one: left unanswered, and kept in the commentary", id, clip(raw, 40))
		extra = append(extra, rec.hdr.labelOf(colComply)+": "+raw)
	case !ok:
		b.note(rec.where, id, "the answer %q to %s is not yes, no, partial or n/a: left unanswered, and kept in the commentary", clip(raw, 40), id)
		extra = append(extra, rec.hdr.labelOf(colComply)+": "+raw)
	case c == assessment.Unanswered && labelOnly(raw):
		b.note(rec.where, id, "%s has no answer (its %s cell holds only the label %q): left unanswered", id, rec.hdr.labelOf(colComply), clip(raw, 30))
	case c == assessment.Unanswered:
		b.note(rec.where, id, "%s has no answer (its %s cell is blank): left unanswered", id, rec.hdr.labelOf(colComply))
	case !exact:
		b.note(rec.where, id, "the answer %q to %s was read as %s; the whole cell is kept in the commentary", clip(raw, 40), id, c.Label())
		extra = append(extra, rec.hdr.labelOf(colComply)+": "+raw)
	}
	ans.Comply = c
	ans.Evidence = rec.cell(colEvidence)
	ans.Requirement = splitLettered(rec.cell(colRequirement))
	if rec.idRest != "" {
		ans.Requirement = join(rec.idRest, ans.Requirement)
		b.note(rec.where, id, "text after the number %s (%q) was kept at the start of its requirement", id, clip(rec.idRest, 30))
	}
	ans.Alternative = rec.cell(colAlternative)
	own := rec.hdr.ownCSV()
	for i, col := range rec.hdr.cols {
		if col == colOther && i < len(rec.cells) && rec.cells[i] != "" {
			label := rec.hdr.labels[i]
			if own {
				switch labelKey(label) {
				case "requirement source":
					if src := labelKey(rec.cells[i]); src != "landlord" && src != "" {
						// The wording is csa's summary or the catalogue's
						// text, not the landlord's own.
						ans.Requirement = ""
					}
					continue
				case "section", "section title", "obligation":
					b.once("own csv", rec.hdr.where, "csa's own CSV report: its Section, Section title and Obligation columns come from the catalogue and are not kept; its action plan is a table of its own (csa report --format csv --table actions)")
					continue
				case "review":
					ans.Review = rec.cells[i]
					continue
				}
			}
			if label == "" {
				label = fmt.Sprintf("Column %d", i+1)
			}
			extra = append(extra, label+": "+rec.cells[i])
			b.once(fmt.Sprintf("col %p %d", rec.hdr, i), rec.hdr.where, "the column %q has no place in an assessment: its cells are kept in the commentary", label)
		}
	}
	ans.Actions = b.actions(rec, &extra)
	if b.opts.ActionsFromProse && ans.Comply.IsGap() && len(ans.Actions) == 0 {
		drafts := proseActions(join(ans.Evidence, rec.cell(colCommentary)))
		if len(drafts) > 0 {
			ans.Actions = drafts
			b.note(rec.where, id, "%s drafted from the evidence of %s: give each an owner and a due date, or delete it", plural(len(drafts), "action"), id)
		}
	}
	// In one pass: joined line by line, a provision repeated in many rows
	// made the import quadratic.
	var com strings.Builder
	com.WriteString(rec.cell(colCommentary))
	for _, e := range append(extra, rec.extra...) {
		if com.Len() > 0 {
			com.WriteByte('\n')
		}
		com.WriteString(e)
	}
	ans.Commentary = com.String()
	return ans
}

// actions makes a record's action plan. Several actions in one row's cells,
// one per line with an owner each, become separate actions.
func (b *builder) actions(rec *record, extra *[]string) []assessment.Action {
	var out []assessment.Action
	for _, g := range rec.acts {
		texts, owners, dues, stats := lines(g.text), lines(g.owner), lines(g.due), lines(g.status)
		n := len(texts)
		if n > 1 && len(owners) == n && (len(dues) == n || len(dues) <= 1) && (len(stats) == n || len(stats) <= 1) {
			for i := range n {
				if act, ok := b.action(rec, g, texts[i], owners[i], pick(dues, i), pick(stats, i), extra); ok {
					out = append(out, act)
				}
			}
			b.note(g.where, rec.id, "the action cells of %s hold %d actions, one owner each: read as %d actions", rec.id, n, n)
			continue
		}
		if len(owners) > 1 && n > 1 {
			b.note(g.where, rec.id, "the action cells of %s have %d lines of action but %d owners: read as one action with its owners joined", rec.id, n, len(owners))
		}
		if act, ok := b.action(rec, g, g.text, strings.Join(owners, "; "), g.due, g.status, extra); ok {
			out = append(out, act)
		}
	}
	return out
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func pick(s []string, i int) string {
	switch {
	case len(s) == 0:
		return ""
	case i < len(s):
		return s[i]
	}
	return s[0]
}

func (b *builder) action(rec *record, g actionCells, text, owner, dueCell, status string, extra *[]string) (assessment.Action, bool) {
	h := rec.hdr
	if text == "" {
		var parts []string
		for _, f := range []struct {
			col column
			v   string
		}{{colOwner, owner}, {colDue, dueCell}, {colStatus, status}, {colCompleted, g.completed}} {
			if f.v != "" {
				parts = append(parts, h.labelOf(f.col)+": "+f.v)
			}
		}
		*extra = append(*extra, strings.Join(parts, "; "))
		b.note(g.where, rec.id, "an owner or date for %s has no action beside it: kept in the commentary", rec.id)
		return assessment.Action{}, false
	}
	act := assessment.Action{Text: text, Owner: owner, Status: assessment.Open}
	d := dueOf(dueCell)
	if !d.ok {
		*extra = append(*extra, h.labelOf(colDue)+": "+dueCell)
		b.note(g.where, rec.id, "%q for an action of %s is not a date csa can read: kept in the commentary", clip(dueCell, 40), rec.id)
	}
	act.Due = d.date
	if d.done {
		act.Status, act.Completed = assessment.Done, d.completed
	}
	if status != "" {
		st, ok := parseStatus(status)
		switch {
		case !ok:
			*extra = append(*extra, h.labelOf(colStatus)+": "+status)
			b.note(g.where, rec.id, "the status %q of an action of %s is not open or done: kept in the commentary", clip(status, 30), rec.id)
		case st == assessment.Done:
			act.Status = assessment.Done
		case st == assessment.Open && d.done:
			*extra = append(*extra, h.labelOf(colStatus)+": "+status)
			b.note(g.where, rec.id, "an action of %s is marked complete in its date but %q in its status: read as done", rec.id, status)
		}
	}
	if g.completed != "" {
		if cd, ok := parseDate(g.completed); ok {
			act.Completed, act.Status = cd, assessment.Done
		} else if cd := parseDue(g.completed); cd.done {
			act.Status = assessment.Done
		} else {
			*extra = append(*extra, h.labelOf(colCompleted)+": "+g.completed)
			b.note(g.where, rec.id, "%q for an action of %s is not a date csa can read: kept in the commentary", clip(g.completed, 40), rec.id)
		}
	}
	return act, true
}

// dueOf reads a date cell as a whole, or line by line when it holds one
// date per action ("Complete" twice): all done is done; otherwise the
// latest date is when it is due.
func dueOf(cell string) due {
	d := parseDue(cell)
	ls := lines(cell)
	if d.ok || len(ls) < 2 {
		return d
	}
	out := due{ok: true, done: true}
	for _, l := range ls {
		x := parseDue(l)
		if !x.ok {
			return due{done: d.done}
		}
		out.done = out.done && x.done
		if x.date.After(out.date) {
			out.date = x.date
		}
		if x.completed.After(out.completed) {
			out.completed = x.completed
		}
	}
	if !out.done {
		out.completed = assessment.Date{}
	}
	return out
}

var reFinancialYear = regexp.MustCompile(`\b(20\d\d)[/\-](\d\d)\b`)
