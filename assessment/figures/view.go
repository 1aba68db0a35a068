package figures

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/csa-tool/csa/internal/english"
)

// This file lays figures out as the tables the summary, Markdown and CSV
// show: the same rows in the same order, each format drawing them its way.

// section is one table of the summary.
type section struct {
	title  string
	header []string
	rows   [][]string
	right  []bool // columns aligned right (numbers)
}

// Title is the line that heads the summary.
func (f *Figures) Title() string {
	t := "Complaint handling figures"
	if f.Landlord != "" {
		t += ": " + f.Landlord
	}
	switch {
	case f.Period != "":
		t += ", " + f.Period
		if f.From != 0 {
			t += fmt.Sprintf(" (%s to %s)", f.From.Long(), f.To.Long())
		}
	case f.From != 0:
		t += fmt.Sprintf(", %s to %s", f.From.Long(), f.To.Long())
	}
	return t
}

// About says where the figures came from and how they were counted.
func (f *Figures) About() string {
	var parts []string
	if f.Timescales != "" {
		parts = append(parts, "the timescales of "+f.Timescales)
	}
	if f.Calendar != "" {
		cal := "working days by the " + f.Calendar + " calendar"
		if f.Closed != nil && *f.Closed > 0 {
			cal += fmt.Sprintf(" and %s", english.Count(*f.Closed, "closure day"))
		}
		parts = append(parts, cal)
	}
	s := ""
	if len(parts) > 0 {
		s = "Counted against " + strings.Join(parts, ", in ") + "."
	}
	if f.Log != "" {
		s = strings.TrimSpace(s + " From " + f.Log + ".")
	}
	return s
}

// RowsLine says what became of the log's rows, or "" for a file typed by
// hand.
func (f *Figures) RowsLine() string {
	r := f.Rows
	if r == nil {
		return ""
	}
	s := fmt.Sprintf("%s read: %d used, %d with no date in the period, %d left out", english.Count(r.Read, "row"), r.Used, r.Outside, r.LeftOut)
	if r.LeftOut > 0 {
		s += " (csa figures lists them on standard error)"
	}
	return s + "."
}

func num(p *int) string {
	if p == nil {
		return "-"
	}
	return thousands(*p)
}

// thousands writes 4180 as 4,180.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// numPct writes a count with its share of a whole: "355 (97.0%)".
func numPct(p, of *int) string {
	if p == nil {
		return "-"
	}
	if of == nil || *of == 0 {
		return thousands(*p)
	}
	return fmt.Sprintf("%s (%s%%)", thousands(*p), Number(Percent(*p, *of), true))
}

func dec(p *float64, decimals bool) string {
	if p == nil {
		return "-"
	}
	return Number(*p, decimals)
}

func stageCol(st *Stage, get func(*Stage) string) string {
	if st == nil {
		return "-"
	}
	return get(st)
}

// sections lays the figures out as tables.
func (f *Figures) sections() []section {
	var out []section
	if f.Stages[0] != nil || f.Stages[1] != nil {
		rows := [][]string{}
		row := func(name string, get func(*Stage) string) {
			r := []string{name, stageCol(f.Stages[0], get), stageCol(f.Stages[1], get)}
			if r[1] == "-" && r[2] == "-" {
				return
			}
			rows = append(rows, r)
		}
		row("Received", func(s *Stage) string { return num(s.Received) })
		row("Refused", func(s *Stage) string { return num(s.Refused) })
		row("Acknowledged", func(s *Stage) string { return num(s.Acknowledged) })
		row("  within the Code's timescale", func(s *Stage) string { return numPct(s.AcknowledgedWithin, s.Acknowledged) })
		row("Responded to", func(s *Stage) string { return num(s.Responded) })
		row("  within the Code's timescale", func(s *Stage) string { return numPct(s.RespondedWithin, s.Responded) })
		row("    of which only by an extension", func(s *Stage) string { return num(s.WithinByExtension) })
		row("Responses with an extension", func(s *Stage) string { return num(s.Extended) })
		row("  extended beyond the Code's limit", func(s *Stage) string { return num(s.ExtensionBeyondLimit) })
		row("Working days to respond: median", func(s *Stage) string { return dec(s.MedianDays, false) })
		row("Working days to respond: 90th percentile", func(s *Stage) string { return num(s.P90Days) })
		if f.Escalation != nil {
			rows = append(rows, []string{"Escalated, per 100 stage 1 responses", "", Number(*f.Escalation, true)})
		}
		out = append(out, section{title: "Complaints received in the period, and what became of them",
			header: []string{"Figure", "Stage 1", "Stage 2"}, rows: rows, right: []bool{false, true, true}})
	}
	if tsm := f.tsm(); tsm != nil {
		out = append(out, *tsm)
	}
	for _, b := range []struct {
		title, column string
		get           func(*Stage) []Count
	}{
		{"Refusals", "Reason", func(s *Stage) []Count { return s.Refusals }},
		{"Outcomes", "Outcome", func(s *Stage) []Count { return s.Outcomes }},
		{"Categories", "Category", func(s *Stage) []Count { return s.Categories }},
	} {
		var rows [][]string
		for i, st := range f.Stages {
			if st == nil {
				continue
			}
			for _, c := range b.get(st) {
				rows = append(rows, []string{stageName[i], c.Label, thousands(c.N)})
			}
		}
		if len(rows) > 0 {
			out = append(out, section{title: b.title, header: []string{"Stage", b.column, "Complaints"}, rows: rows, right: []bool{false, false, true}})
		}
	}
	return out
}

// tsm is the table of the regulator's measures: all homes, then each tenure.
func (f *Figures) tsm() *section {
	type group struct {
		name  string
		homes *int
		ch01  [2]*float64
		ch02  [2]*Share
	}
	groups := []group{{"All homes", f.Homes, f.CH01, f.CH02}}
	for _, t := range f.Tenures {
		groups = append(groups, group{capital(t.Name), t.Homes, t.CH01, t.CH02})
	}
	header := []string{"Measure"}
	right := []bool{false}
	for _, g := range groups {
		header = append(header, g.name)
		right = append(right, true)
	}
	var rows [][]string
	row := func(name string, get func(g group) string) {
		r := []string{name}
		blank := true
		for _, g := range groups {
			v := get(g)
			blank = blank && v == "-"
			r = append(r, v)
		}
		if !blank {
			rows = append(rows, r)
		}
	}
	row("Homes", func(g group) string { return num(g.homes) })
	for s := range 2 {
		row(fmt.Sprintf("CH01 stage %d complaints per 1,000 homes", s+1), func(g group) string { return dec(g.ch01[s], true) })
	}
	for s := range 2 {
		row(fmt.Sprintf("CH02 stage %d within the Code's timescales", s+1), func(g group) string {
			sh := g.ch02[s]
			if sh == nil || sh.Percent == nil {
				if sh != nil && sh.Responded != nil && *sh.Responded == 0 {
					return "no responses"
				}
				return "-"
			}
			if sh.Within != nil && sh.Responded != nil {
				return fmt.Sprintf("%s%% (%s of %s)", Number(*sh.Percent, true), thousands(*sh.Within), thousands(*sh.Responded))
			}
			return Number(*sh.Percent, true) + "%"
		})
	}
	if len(rows) == 0 || (len(rows) == 1 && rows[0][0] == "Homes") {
		return nil
	}
	return &section{title: "Tenant Satisfaction Measures (CH01 and CH02)", header: header, rows: rows, right: right}
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
