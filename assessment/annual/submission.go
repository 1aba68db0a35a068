package annual

import (
	"fmt"
	"io"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/markdown"
	"github.com/csa-tool/csa/assessment/report"
)

// This file is the submission view: what the Ombudsman's form asks for in
// the year the report is due, filled in from the pack, ready to copy into
// the form. Each web address is checked for being there and being one,
// never fetched.

// Submission view's statuses of a link.
const (
	LinkGiven    = "given"
	LinkMissing  = "missing"
	LinkNotWeb   = "not a web address"
	LinkWithMain = "given (published with the report)"
)

// SubmissionView is what to put in the Ombudsman's form.
type SubmissionView struct {
	Title     string
	FormYear  string
	Form      Form
	HasForm   bool
	FormNote  string
	Deadline  Deadline
	Due       bool // a deadline is known
	Submitted []Submission

	Organisation [][2]string
	Documents    [][2]string // what, and how to get it
	Links        []LinkCheck
	Answers      []AnswerLine
}

// LinkCheck is a document's web address, and whether it is there.
type LinkCheck struct {
	Document string
	URL      string
	Status   string
	Fix      string // what to do when it is not given
}

// OK reports whether the link is there and is a web address.
func (l LinkCheck) OK() bool { return l.Status == LinkGiven || l.Status == LinkWithMain }

// AnswerLine is a provision's Yes or No for the form.
type AnswerLine struct {
	ID, Answer, Note string
}

// Submission lays out what the form asks. form is the form's year to use,
// or "" for the year the deadline falls in.
func (r *Report) Submission(form string) *SubmissionView {
	p := r.Pack
	a := p.Annual
	v := &SubmissionView{Title: "Submission to the Housing Ombudsman: " + orWord(oneLine(a.Landlord), "the landlord") + ", " + orWord(a.Period, "the year"), Submitted: a.Submitted}
	v.Deadline, v.Due = a.Deadline()
	v.FormYear = form
	if v.FormYear == "" && v.Due {
		v.FormYear = FormYear(v.Deadline.Due)
	}
	if v.FormYear != "" {
		v.Form, v.FormNote, v.HasForm = FormFor(v.FormYear)
	} else {
		v.FormNote = "give homes: and year_end: (or --form YEAR), so csa knows which year's form applies"
	}
	if !v.HasForm {
		return v
	}
	f := v.Form
	if f.Wants(AskOrganisation) {
		v.Organisation = append(v.Organisation, [2]string{"Landlord", orMissing(oneLine(a.Landlord))})
		homes := "missing (homes:)"
		if a.Homes != nil {
			homes = thousands(*a.Homes)
		}
		v.Organisation = append(v.Organisation, [2]string{"Homes owned", homes})
		v.Organisation = append(v.Organisation, [2]string{"Financial year end", dateOr(a.YearEnd, "missing (year_end:)")})
		member := "missing (member_responsible:)"
		if m := a.Member; m != nil {
			member = oneLine(m.Name)
			if m.Role != "" {
				member += ", " + oneLine(m.Role)
			}
		}
		v.Organisation = append(v.Organisation, [2]string{"Member responsible for complaints", member})
	}
	annualFile := oneLine(a.File)
	selfFile := oneLine(p.AssessmentFile)
	if f.Wants(AskDocuments) {
		v.Documents = append(v.Documents,
			[2]string{"The annual complaints performance and service improvement report " + a.Period, "csa annual " + annualFile + " -f docx -o annual-report.docx (or the published page)"},
			[2]string{"The governing body's response", "in the report, under " + headResponse + "; publish it alongside the report"})
		if selfFile != "" {
			v.Documents = append(v.Documents, [2]string{"The self-assessment", "in the report, under " + headSelf + "; on its own: csa report " + selfFile + " -f docx -o self-assessment.docx"})
		} else {
			v.Documents = append(v.Documents, [2]string{"The self-assessment", "missing: name it with self_assessment: in " + annualFile})
		}
	}
	if f.Wants(AskForm) {
		how := "csa report " + selfFile + " -f docx -o self-assessment.docx writes it in the form's columns"
		if selfFile == "" {
			how = "missing: name the self-assessment with self_assessment: in " + annualFile
		}
		v.Documents = append(v.Documents, [2]string{"The completed self-assessment form (the Code's Appendix A)", how})
	}
	if f.Wants(AskLinks) {
		v.Links = append(v.Links, checkLink("The annual report", a.Published, "add published: (the report's web address) to "+annualFile))
		resp := LinkCheck{Document: "The governing body's response"}
		switch {
		case a.Response != nil && a.Response.Published != "":
			resp = checkLink(resp.Document, a.Response.Published, "")
		case a.Response != nil && webAddress.MatchString(oneLine(a.Published)):
			resp.URL, resp.Status = oneLine(a.Published), LinkWithMain
		case a.Response == nil:
			resp.Status, resp.Fix = LinkMissing, "the governing body has not responded yet (response:)"
		default:
			resp.Status, resp.Fix = LinkMissing, "add published: to the report (the response is published with it), or to response:"
		}
		v.Links = append(v.Links, resp)
		switch {
		case p.Assessment != nil:
			v.Links = append(v.Links, checkLink("The self-assessment", p.Assessment.Published, "add published: (its web address) to "+selfFile))
		default:
			v.Links = append(v.Links, LinkCheck{Document: "The self-assessment", Status: LinkMissing, Fix: "name it with self_assessment: in " + annualFile})
		}
	}
	if f.Wants(AskAnswers) && r.Self != nil {
		for _, s := range r.Self.Sections {
			for _, row := range s.Rows {
				if !row.OnForm || !row.InCatalogue {
					continue
				}
				v.Answers = append(v.Answers, yesNo(row))
			}
		}
	}
	return v
}

func orMissing(s string) string {
	if s == "" {
		return "missing"
	}
	return s
}

func dateOr(d assessment.Date, none string) string {
	if d.IsZero() {
		return none
	}
	return d.Long()
}

func checkLink(doc, url, fix string) LinkCheck {
	u := oneLine(url)
	switch {
	case u == "":
		return LinkCheck{Document: doc, Status: LinkMissing, Fix: fix}
	case !webAddress.MatchString(u):
		return LinkCheck{Document: doc, URL: u, Status: LinkNotWeb, Fix: "write it as a web address starting https://"}
	}
	return LinkCheck{Document: doc, URL: u, Status: LinkGiven}
}

// yesNo is a provision's answer as a form of Yes and No takes it: partial
// is not a yes.
func yesNo(row report.Row) AnswerLine {
	l := AnswerLine{ID: row.ID}
	switch row.Comply {
	case assessment.Yes:
		l.Answer = "Yes"
	case assessment.No:
		l.Answer = "No"
	case assessment.Partial:
		l.Answer, l.Note = "No", "answered partial: not fully met"
	case assessment.NA:
		l.Answer, l.Note = "N/A", "the form asks Yes or No: follow the Ombudsman's guidance for a provision that does not apply"
	default:
		l.Answer, l.Note = "not answered", "answer it in the self-assessment first"
	}
	return l
}

// Gaps counts what the view lacks: links not given, answers missing.
func (v *SubmissionView) Gaps() (links, answers int) {
	for _, l := range v.Links {
		if !l.OK() {
			links++
		}
	}
	for _, a := range v.Answers {
		if a.Answer == "not answered" {
			answers++
		}
	}
	return links, answers
}

// WriteSubmissionText writes the view for a terminal, or to copy from.
func WriteSubmissionText(w io.Writer, v *SubmissionView) error {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("%s", v.Title)
	line("")
	for _, s := range v.header() {
		line("%s", s)
	}
	if !v.HasForm {
		_, err := io.WriteString(w, b.String())
		return err
	}
	pairs := func(title string, ps [][2]string) {
		if len(ps) == 0 {
			return
		}
		line("")
		line("%s", title)
		width := 0
		for _, p := range ps {
			width = max(width, len([]rune(p[0])))
		}
		for _, p := range ps {
			line("  %-*s  %s", width, p[0], p[1])
		}
	}
	pairs("Organisation", v.Organisation)
	pairs("Documents to send", v.Documents)
	if len(v.Links) > 0 {
		line("")
		line("Links (checked for being given, not fetched)")
		for _, l := range v.Links {
			switch {
			case l.OK():
				line("  %-30s  %s  [%s]", l.Document, l.URL, l.Status)
			case l.URL != "":
				line("  %-30s  %s  [%s: %s]", l.Document, l.URL, l.Status, l.Fix)
			default:
				line("  %-30s  [%s: %s]", l.Document, l.Status, l.Fix)
			}
		}
	}
	if v.Form.Wants(AskAnswers) {
		line("")
		line("Yes or No for each provision (no evidence)")
		if len(v.Answers) == 0 {
			line("  none: the report names no self-assessment (self_assessment:)")
		}
		for _, a := range v.Answers {
			if a.Note != "" {
				line("  %-5s  %-3s  (%s)", a.ID, a.Answer, a.Note)
			} else {
				line("  %-5s  %s", a.ID, a.Answer)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// header says which form, when it is due, and what has been submitted.
func (v *SubmissionView) header() []string {
	var out []string
	if v.FormYear != "" {
		s := "Form: the Ombudsman's " + v.FormYear + " submission form"
		if v.HasForm && v.FormNote == "" {
			s += ". " + v.Form.Summary
		}
		out = append(out, s)
	}
	if v.FormNote != "" {
		out = append(out, "Note: "+v.FormNote+".")
	}
	if v.Due {
		out = append(out, "Due by "+v.Deadline.Due.Long()+" ("+v.Deadline.Rule+").")
	}
	if len(v.Submitted) == 0 {
		out = append(out, "Submitted: none recorded (submitted:).")
	}
	for _, s := range v.Submitted {
		t := "Submitted " + dateOr(s.On, "(no date)")
		if s.Form != "" {
			t += " on the " + s.Form + " form"
		}
		out = append(out, t+": "+oneLine(s.What))
	}
	return out
}

// WriteSubmissionMarkdown writes the view as Markdown, for a ticket or a
// board paper.
func WriteSubmissionMarkdown(w io.Writer, v *SubmissionView) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", markdown.Cell(v.Title))
	for _, s := range v.header() {
		fmt.Fprintf(&b, "%s\n\n", markdown.Cell(s))
	}
	if v.HasForm {
		table := func(title string, header []string, rows [][]string) {
			if len(rows) == 0 {
				return
			}
			fmt.Fprintf(&b, "## %s\n\n", title)
			esc := make([][]string, len(rows))
			for i, r := range rows {
				for _, c := range r {
					esc[i] = append(esc[i], markdown.Cell(c))
				}
			}
			mdTableRows(&b, header, esc)
			b.WriteString("\n")
		}
		var rows [][]string
		for _, p := range v.Organisation {
			rows = append(rows, []string{p[0], p[1]})
		}
		table("Organisation", []string{"Detail", "Value"}, rows)
		rows = nil
		for _, p := range v.Documents {
			rows = append(rows, []string{p[0], p[1]})
		}
		table("Documents to send", []string{"Document", "Where it comes from"}, rows)
		rows = nil
		for _, l := range v.Links {
			status := l.Status
			if l.Fix != "" {
				status += ": " + l.Fix
			}
			rows = append(rows, []string{l.Document, l.URL, status})
		}
		table("Links (checked for being given, not fetched)", []string{"Document", "Web address", "Status"}, rows)
		rows = nil
		for _, a := range v.Answers {
			rows = append(rows, []string{a.ID, a.Answer, a.Note})
		}
		table("Yes or No for each provision (no evidence)", []string{"Provision", "Answer", "Note"}, rows)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
