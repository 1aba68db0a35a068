package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/csa-tool/csa/assessment/table"
	"github.com/csa-tool/csa/codes"
	"github.com/csa-tool/csa/internal/english"
	"github.com/csa-tool/csa/internal/safetext"
)

func newCodesCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "codes [CODE [ID]]",
		Short: "List the Code catalogues, a catalogue's provisions, or one provision",
		Long: `Codes shows the catalogues of the Complaint Handling Code that csa knows.

  csa codes                  the catalogues: id, title, in force, provisions
  csa codes chc-2024         a catalogue's provisions with their summaries
  csa codes chc-2024 6.10    one provision in full: source, timescales, lineage

CODE is chc-2024, chc-2022, 2024, 2022, or a catalogue file of your own.
Summaries are csa's own one-sentence paraphrases, not the Code's wording.
A confirmed entry names the kind of source it was checked against; an entry
marked unconfirmed is not yet confirmed by any source: it was recalled, or
its note says what is in doubt.`,
		Example: `  csa codes 2024
  csa codes 2022 5.8`,
		Args: argCount(0, 2, "codes takes at most a Code and a provision: csa codes [CODE [ID]], e.g. csa codes 2024 6.10"),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch len(args) {
			case 0:
				return listCatalogues(e)
			case 1:
				cat, err := lookupCode(args[0])
				if err != nil {
					return err
				}
				return listProvisions(e, cat)
			}
			cat, err := lookupCode(args[0])
			if err != nil {
				return err
			}
			return showProvision(e, cat, args[1])
		},
	}
	return cmd
}

func listCatalogues(e *env) error {
	var rows [][]string
	for _, id := range codes.Embedded() {
		c, err := codes.Lookup(id, "")
		if err != nil {
			return err
		}
		rows = append(rows, []string{c.ID, c.Short, c.Title, c.InForce.Format("2006-01-02"),
			c.Supersedes, fmt.Sprintf("%d (%d on the form)", len(c.Provisions), len(c.OnForm()))})
	}
	return table.Write(e.stdout, []string{"Code", "Short", "Title", "In force", "Supersedes", "Provisions"}, rows, 40)
}

func listProvisions(e *env, c *codes.Catalogue) error {
	var rows [][]string
	for _, p := range c.Provisions {
		form := "yes"
		if !p.OnForm {
			form = "no"
		}
		summary := p.Summary
		if !p.Confirmed {
			summary += " (unconfirmed)"
		}
		rows = append(rows, []string{p.ID, sectionLabel(c, p), p.Stage, p.Obligation, form, summary})
	}
	// A catalogue file of the landlord's own is text from a file.
	fmt.Fprintln(e.stdout, safetext.Line(fmt.Sprintf("%s: %s, in force %s", c.ID, c.Title, c.InForce.Format("2 January 2006"))))
	if c.Note != "" {
		fmt.Fprintln(e.stdout, english.Wrap(safetext.Text(c.Note), 80))
	}
	return table.Write(e.stdout, []string{"Provision", "Section", "Stage", "Obligation", "On form", "Summary"}, rows, 60)
}

func sectionLabel(c *codes.Catalogue, p codes.Provision) string {
	if t := c.SectionTitle(p.Section); t != "" {
		return fmt.Sprintf("%d %s", p.Section, t)
	}
	return fmt.Sprint(p.Section)
}

func showProvision(e *env, c *codes.Catalogue, id string) error {
	p, ok := c.Provision(id)
	if !ok {
		return usagef("%s has no provision %s; run csa codes %s to list them", c.ID, id, c.ID)
	}
	yesNo := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	confirmed := "yes"
	switch {
	case p.Confirmed && p.Source != "":
		confirmed = "yes, against " + p.Source
	case !p.Confirmed && p.Note != "":
		confirmed = "no: see the note"
	case !p.Confirmed:
		confirmed = "no: not yet checked against a source"
	}
	rows := [][]string{{"Provision", p.ID}}
	if p.Title != "" {
		rows = append(rows, []string{"Title", p.Title})
	}
	rows = append(rows,
		[]string{"Code", c.ID + " (" + c.Title + ")"},
		[]string{"Section", sectionLabel(c, *p)},
	)
	if p.Stage != "" {
		rows = append(rows, []string{"Stage", p.Stage})
	}
	rows = append(rows,
		[]string{"Obligation", p.Obligation},
		[]string{"On the form", yesNo(p.OnForm)},
		[]string{"Confirmed", confirmed},
		[]string{"Summary", p.Summary},
	)
	if p.Text != "" {
		rows = append(rows, []string{"Text", p.Text})
	}
	if p.Note != "" {
		rows = append(rows, []string{"Note", p.Note})
	}
	var ts []string
	for _, t := range p.Timescales {
		ts = append(ts, t.String())
	}
	if len(ts) > 0 {
		rows = append(rows, []string{"Timescales", strings.Join(ts, "\n")})
	}
	if len(p.Predecessors) > 0 {
		var links []string
		for _, pre := range p.Predecessors {
			links = append(links, linkLine(c.Supersedes, pre.ID, pre.Confidence, pre.Note))
		}
		rows = append(rows, []string{"Continues", strings.Join(links, "\n")})
	}
	if next, ok := codes.Successor(c); ok {
		var links []string
		for _, l := range next.Successors()[p.ID] {
			links = append(links, linkLine(next.ID, l.ID, l.Confidence, l.Note))
		}
		if len(links) == 0 {
			links = []string{"nothing in " + next.ID}
		}
		rows = append(rows, []string{"Continued by", strings.Join(links, "\n")})
	}
	return table.Write(e.stdout, []string{"Field", "Value"}, rows, 70)
}

func linkLine(code, id, confidence, note string) string {
	s := fmt.Sprintf("%s %s (%s confidence)", code, id, confidence)
	if note != "" {
		s += ": " + note
	}
	return s
}
