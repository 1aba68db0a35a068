package importer

import (
	"strings"
	"testing"
)

func TestParseID(t *testing.T) {
	for _, tc := range []struct{ cell, id, rest string }{
		{"1.2", "1.2", ""},
		{" 6.10 ", "6.10", ""},
		{"6.10.", "6.10", ""},
		{"<p>5.8</p>", "5.8", ""},
		{"Provision 6.1", "6.1", ""},
		{"Code provision 6.1", "6.1", ""},
		{"5.16 the c", "5.16", "the c"},
		{"2.1 – Exclusions", "2.1", "Exclusions"},
		{"01.02", "1.2", ""},
		{"3.4.1", "", ""},
		{"3", "", ""},
		{"1.2a", "", ""},
		{"Section 3", "", ""},
		{"", "", ""},
		{"v1.2", "", ""},
	} {
		id, rest, ok := parseID(tc.cell)
		if id != tc.id || rest != tc.rest || ok != (tc.id != "") {
			t.Errorf("parseID(%q) = %q %q %v; want %q %q", tc.cell, id, rest, ok, tc.id, tc.rest)
		}
	}
}

// rows assembles tab-separated text ("|" stands for a tab) into records.
func rows(t *testing.T, src string) *assembler {
	t.Helper()
	d, err := readText([]byte(strings.ReplaceAll(src, "|", "\t")))
	if err != nil {
		t.Fatal(err)
	}
	return assemble(d)
}

func find(a *assembler, id string) *record {
	for _, r := range a.records {
		if r.id == id {
			return r
		}
	}
	return nil
}

const head = "Code provision|Code requirement|Comply: Yes / No|Evidence|Action required|Action Owner|Completion Date\n"

func TestSectionTitle(t *testing.T) {
	for line, want := range map[string]int{
		"2. Exclusions": 2, "Section 6 – Complaints stages": 6, "Putting things right": 0,
		"3 Complaint handling personnel": 3, "Scrutiny and oversight: continuous learning and improvement": 0,
		"Our exclusions policy": -1, "1.2 Definition of a complaint": -1, "Exclusions were reviewed in 2024.": -1,
	} {
		if got := sectionTitle(line); got != want {
			t.Errorf("sectionTitle(%q) = %d, want %d", line, got, want)
		}
	}
}

func TestParseIDCell(t *testing.T) {
	for cell, want := range map[string]string{"CHC 1.2": "1.2", "HOS-6.10": "6.10", "1.3": "1.3", "Yes 1.2": "", "chc 1.2": "", "ABCDEF 1.2": ""} {
		if id, _, _ := parseIDCell(cell); id != want {
			t.Errorf("parseIDCell(%q) = %q, want %q", cell, id, want)
		}
	}
}

func TestContinuationRows(t *testing.T) {
	a := rows(t, head+
		"1.5|Landlords must not stop their efforts to|Yes|<p>We log it.</p>|<p>Strengthen the policy.</p>|Housing Director|Complete\n"+
		"\n"+
		"|address the request if the resident complains.|||Train the staff.|Complaints Manager|Complete\n"+
		"1.6|A survey is not a complaint.|Yes|We tell respondents how to complain and|Review surveys||\n"+
		"\n"+
		"|||3.4 Complaints will be logged on the day.|this year.||\n"+
		"5.14|Landlords must have policies for managing unacceptable|||||\n"+
		"\n"+
		"|behaviour from residents.|Yes|We have one.|Review it.|Policy Officer|March 2026\n")
	if len(a.records) != 3 {
		t.Fatalf("%d records, want 3 (1.5, 1.6, 5.14)", len(a.records))
	}
	r := find(a, "1.5")
	if got := r.cell(colRequirement); got != "Landlords must not stop their efforts to address the request if the resident complains." {
		t.Errorf("1.5 requirement = %q: the page break's halves should join with a space", got)
	}
	if len(r.acts) != 2 || r.acts[1].text != "Train the staff." || r.acts[1].owner != "Complaints Manager" {
		t.Errorf("1.5 actions = %+v: a continuation with its own owner and date is a second action", r.acts)
	}
	r = find(a, "1.6")
	if got := r.cell(colEvidence); got != "We tell respondents how to complain and 3.4 Complaints will be logged on the day." {
		t.Errorf("1.6 evidence = %q", got)
	}
	if len(r.acts) != 1 || r.acts[0].text != "Review surveys this year." {
		t.Errorf("1.6 actions = %+v: action text without an owner continues the action", r.acts)
	}
	r = find(a, "5.14")
	if r.cell(colComply) != "Yes" || r.cell(colRequirement) != "Landlords must have policies for managing unacceptable behaviour from residents." {
		t.Errorf("5.14 = %q / %q: the continuation brings the answer", r.cell(colComply), r.cell(colRequirement))
	}
	if find(a, "3.4") != nil {
		t.Error("a policy clause number in the evidence was taken for a provision")
	}
}

func TestInterleavedRow(t *testing.T) {
	// Seed 004's 5.8: the number on a middle line, its cells on the lines
	// around it.
	a := rows(t, "Code section|Code requirement|Comply: Yes/No|Evidence, commentary and any explanations\n"+
		"5.6|Landlords must address all points.|No|Not yet consistent.\n"+
		"\n"+
		"|Landlords must confirm in writing at||\n"+
		"|the end of stage one:||Training is\n"+
		"5.8|the decision|No|planned for\n"+
		"|the reasons||all handlers.\n"+
		"\n"+
		"5.9|Escalate when asked.|Yes|We do.\n")
	if len(a.records) != 3 {
		t.Fatalf("%d records, want 3", len(a.records))
	}
	r := find(a, "5.8")
	if got := r.cell(colRequirement); got != "Landlords must confirm in writing at the end of stage one:\nthe decision the reasons" {
		t.Errorf("5.8 requirement = %q", got)
	}
	if got := r.cell(colEvidence); got != "Training is planned for all handlers." {
		t.Errorf("5.8 evidence = %q", got)
	}
	if got := find(a, "5.6").cell(colRequirement); got != "Landlords must address all points." {
		t.Errorf("5.6 took lines of 5.8: %q", got)
	}
}

func TestShiftedRowAndLostNumber(t *testing.T) {
	// Seed 004's row after 5.18: no provision cell at all, and its own answer.
	a := rows(t, "Stage 3\n"+
		"Code section|Code requirement|Comply: Yes/No|Evidence, commentary and any explanations\n"+
		"5.18|Third stage only on request.|Yes|No third stage.\n"+
		"\n"+
		"Where no extension can be agreed, give the Ombudsman's details.|Yes|No third stage.\n")
	if len(a.records) != 2 {
		t.Fatalf("%d records, want 2", len(a.records))
	}
	r := a.records[1]
	if !r.lost || r.id != "" || r.cell(colComply) != "Yes" || !strings.HasPrefix(r.cell(colRequirement), "Where no extension") {
		t.Errorf("lost row = %+v", r)
	}
	if r.ctx.stage != "stage 3" {
		t.Errorf("stage = %q", r.ctx.stage)
	}
}

func TestTablesAndTitles(t *testing.T) {
	h := "Code section|Code requirement|Comply: Yes/No|Evidence, commentary and any explanations\n"
	a := rows(t, "Self-Assessment against the Complaint Handling Code 2022\n"+
		"Section 1 – Definition\n"+h+
		"1.2|Must define.|Yes|Done.\n"+
		"-----|--|-----|---\n"+
		"\n"+h+
		"1.4|Should distinguish.|No|Not yet.\n"+
		"Section 3 – Personnel\n"+
		"Mandatory \"must\" requirements\n"+h+
		"3.1|Must assign.|Yes|Done.\n"+
		"Best practice \"should\" requirements\n"+h+
		"3.3|Should train.|Yes|Done.\n"+
		"Section 5 – Stages\nStage 1\n"+h+
		"5.1|Respond in 10 days.|Yes|Done.\n"+
		"Stage 2\n"+h+
		"5.9|Escalate.|Yes|Done.\n")
	want := map[string]context{
		"1.2": {section: 1, table: 1},
		"1.4": {section: 1, table: 2, obligation: "should", second: true},
		"3.1": {section: 3, table: 3, obligation: "must"},
		"3.3": {section: 3, table: 4, obligation: "should"},
		"5.1": {section: 5, stage: "stage 1", table: 5},
		"5.9": {section: 5, stage: "stage 2", table: 6},
	}
	if len(a.records) != len(want) {
		t.Fatalf("%d records, want %d", len(a.records), len(want))
	}
	for id, ctx := range want {
		if r := find(a, id); r == nil || r.ctx != ctx {
			t.Errorf("%s: context %+v, want %+v", id, r.ctx, ctx)
		}
	}
	if len(a.preamble) != 2 || len(a.notes) != 0 {
		t.Errorf("preamble %q, notes %v", a.preamble, a.notes)
	}
}

func TestRepeatedHeaderInOneTable(t *testing.T) {
	// A Word table (or sheet) that repeats its header mid-table is one table.
	h := []string{"Code provision", "Code requirement", "Comply", "Evidence"}
	d := &doc{lines: []Line{
		{Cells: h, Table: 1},
		{Cells: []string{"1.2", "Define.", "Yes", "Done."}, Table: 1},
		{Cells: h, Table: 1},
		{Cells: []string{"1.3", "Any words.", "Yes", "Done."}, Table: 1},
	}}
	a := assemble(d)
	if len(a.headers) != 1 || find(a, "1.3").ctx.second {
		t.Errorf("a repeated header started a new table: %d headers", len(a.headers))
	}
}

func TestStackedLayout(t *testing.T) {
	a := rows(t, "Fernside Homes self-assessment\n"+
		"Section 1: Definition of a complaint\n"+
		"Code provision 1.2\n"+
		"Code requirement\n"+
		"We must use the Code's definition.\n"+
		"Comply\nYes\n"+
		"Evidence\n"+
		"Policy section 2 uses it.\n"+
		"3.4 Complaints will be logged on the day they arrive.\n"+
		"\n"+
		"Code provision\n1.3\n"+
		"Code requirement: No special words are needed.\n"+
		"Do we comply? Partial.\n"+
		"Evidence: The form still asks for the word.\n"+
		"Action: Reword the form.\n"+
		"Owner: Digital Lead\n"+
		"Target date: March 2026\n")
	if len(a.records) != 2 {
		t.Fatalf("%d records, want 2 (1.2, 1.3)", len(a.records))
	}
	r := find(a, "1.2")
	if r.cell(colComply) != "Yes" || r.cell(colEvidence) != "Policy section 2 uses it.\n3.4 Complaints will be logged on the day they arrive." || r.ctx.section != 1 {
		t.Errorf("1.2 = comply %q evidence %q section %d", r.cell(colComply), r.cell(colEvidence), r.ctx.section)
	}
	r = find(a, "1.3")
	if r.cell(colComply) != "Partial." || len(r.acts) != 1 || r.acts[0].owner != "Digital Lead" || r.acts[0].due != "March 2026" {
		t.Errorf("1.3 = comply %q acts %+v", r.cell(colComply), r.acts)
	}
}

func TestDocxMergedCells(t *testing.T) {
	data, err := buildDocx("table\n" +
		"row: Code provision | Code requirement | Comply | Evidence | Action | Owner | Due\n" +
		"row: {span=7}Section 2: Exclusions\n" +
		"row: 2.1 | Accept valid complaints. | No | Not always. | Fix it. | {vmerge}Policy Officer | May 2026\n" +
		"row: 2.2 | List the grounds. | No | Not listed. | List them. | {^} | June 2026\n" +
		"row: {vmerge}2.3 | Twelve months. | No | Six months. | Change it. | Policy Officer | July 2026\n" +
		"row: {^} |  |  |  | Tell the staff. | Learning Lead | August 2026\n")
	if err != nil {
		t.Fatal(err)
	}
	d, err := readDocx(data)
	if err != nil {
		t.Fatal(err)
	}
	a := assemble(d)
	if len(a.records) != 3 {
		t.Fatalf("%d records, want 3", len(a.records))
	}
	if r := find(a, "2.1"); r.ctx.section != 2 {
		t.Errorf("the spanning title row did not set the section: %+v", r.ctx)
	}
	if r := find(a, "2.2"); r.acts[0].owner != "Policy Officer" {
		t.Errorf("2.2 owner %q: a merged cell takes the value above", r.acts[0].owner)
	}
	if r := find(a, "2.3"); len(r.acts) != 2 || r.acts[1].owner != "Learning Lead" {
		t.Errorf("2.3 actions %+v: a row under a merged provision cell is more of that provision", r.acts)
	}
}
