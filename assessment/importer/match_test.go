package importer

import (
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

func TestGuessLostNumber(t *testing.T) {
	c22, _ := codes.Lookup("chc-2022", "")
	c24, _ := codes.Lookup("chc-2024", "")
	hdr, _ := parseHeader([]string{"Code provision", "Code requirement", "Comply", "Evidence"})
	rec := func(req string, ctx context) *record {
		return &record{hdr: hdr, cells: []string{"", req, "Yes", "Done."}, lost: true, ctx: ctx}
	}
	used := func(ids ...string) map[string]bool {
		m := map[string]bool{}
		for _, id := range ids {
			m[id] = true
		}
		return m
	}
	for _, tc := range []struct {
		name string
		cat  *codes.Catalogue
		rec  *record
		used map[string]bool
		prev string
		want string // "" for no guess
		how  string
	}{
		{"wording alone, clear", c24, rec("The person handling the complaint at stage 2 must not be the person who handled it at stage 1.", context{}),
			used(), "", "6.13", "by its wording"},
		{"wording and place", c24, rec("The person handling the complaint at stage 2 must not be the person who handled it at stage 1.", context{section: 6, stage: "stage 2"}),
			used("6.12"), "6.12", "6.13", "by its wording and its place after 6.12 in the stage 2 table"},
		// Seed 004: the same sentence is 5.3, 5.15 and 5.19 in the 2022 Code;
		// 5.3 and 5.15 are answered, and the row follows 5.18 in the stage 3
		// should table.
		{"repeated wording, told apart by place", c22,
			rec("Where agreement over an extension period cannot be reached, landlords should provide the Housing Ombudsman's contact details so the resident can challenge the plan.", context{section: 5, stage: "stage 3", obligation: "should"}),
			used("5.3", "5.15", "5.17", "5.18", "5.20"), "5.18", "5.19", "by its wording and its place after 5.18 in the stage 3 should table"},
		{"repeated wording, no place to go on", c22,
			rec("Where agreement over an extension period cannot be reached, landlords should provide the Housing Ombudsman's contact details so the resident can challenge the plan.", context{}),
			used(), "", "", ""},
		{"no wording, only a place", c22, rec("", context{section: 5, stage: "stage 3", obligation: "should"}),
			used("5.18"), "5.18", "5.19", "by its place after 5.18"},
		{"wording that matches nothing", c24, rec("Our car park is resurfaced every spring.", context{}), used(), "", "", ""},
	} {
		id, how, ok := guess(tc.cat, tc.rec, tc.used, tc.prev)
		if id != tc.want || ok != (tc.want != "") || how != tc.how {
			t.Errorf("%s: guess = %q %q %v; want %q %q", tc.name, id, how, ok, tc.want, tc.how)
		}
	}
}

func TestRenumber(t *testing.T) {
	c24, _ := codes.Lookup("chc-2024", "")
	for _, tc := range []struct {
		id, prev string
		used     []string
		want     string
	}{
		{"6.1", "6.9", []string{"6.1"}, "6.10"},
		{"6.2", "6.19", []string{"6.2"}, "6.20"},
		{"6.1", "6.9", []string{"6.1", "6.10"}, ""}, // 6.10 is answered already
		{"5.1", "5.9", []string{"5.1"}, "5.10"},
		{"1.4", "1.9", []string{"1.4"}, ""}, // there is no 1.40
		{"6.1", "5.9", []string{"6.1"}, ""}, // another section
		{"6.3", "6.2", []string{"6.3"}, ""}, // not going backwards
	} {
		used := map[string]bool{}
		for _, u := range tc.used {
			used[u] = true
		}
		got, ok := renumber(c24, tc.id, tc.prev, used)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("renumber(%s after %s) = %q %v; want %q", tc.id, tc.prev, got, ok, tc.want)
		}
	}
}

func TestLostRowEndToEnd(t *testing.T) {
	// A row that cannot be matched is kept in the row above's commentary.
	res, err := importText(h24+
		"6.12|Do not make residents justify escalating.|Yes|We do not.|\n"+
		"|Our car park is resurfaced every spring.|Yes|Invoices.|\n"+
		"6.20|Learn from stage 2.|Yes|Done.|\n", details)
	if err != nil {
		t.Fatal(err)
	}
	ans, _ := res.Assessment.Answer("6.12")
	if !strings.Contains(ans.Commentary, "Row without a provision number: Code requirement: Our car park is resurfaced every spring.") {
		t.Errorf("6.12 commentary %q", ans.Commentary)
	}
	if len(res.Assessment.Answers) != 2 || !hasNote(res, "could not be matched to a provision: kept in the commentary of 6.12") {
		t.Errorf("answers %d, notes %v", len(res.Assessment.Answers), res.Notes)
	}
}

func TestDuplicateProvision(t *testing.T) {
	res, err := importText(h24+
		"1.2|Define.|Yes|Policy section 2.|\n"+
		"1.3|Any words.|Yes|Scripts.|\n"+
		"1.2|Define.|No|Not yet.|\n", details)
	if err != nil {
		t.Fatal(err)
	}
	ans, _ := res.Assessment.Answer("1.2")
	if len(res.Assessment.Answers) != 2 || ans.Comply != assessment.Yes || !strings.Contains(ans.Commentary, "Also answered at line 4: Code provision: 1.2") {
		t.Errorf("answers %d, 1.2 %+v", len(res.Assessment.Answers), ans)
	}
	if !hasNote(res, "provision 1.2 appears again (first at line 2)") {
		t.Errorf("notes %v", res.Notes)
	}
}

func hasNote(res *Result, s string) bool {
	for _, n := range res.Notes {
		if strings.Contains(n.Message, s) {
			return true
		}
	}
	return false
}

func TestTableWithoutNumbers(t *testing.T) {
	// No provision column at all: each answered row is matched by its wording.
	opts := details
	opts.Code = "2024"
	res, err := importText("Code requirement|Comply|Evidence\n"+
		"The person handling the complaint at stage 2 must not be the person who handled it at stage 1.|Yes|A director reviews each escalation.\n"+
		"Our car park is resurfaced every spring.|Yes|Invoices.\n", opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Assessment.Answers) != 1 || res.Assessment.Answers[0].ID != "6.13" {
		t.Errorf("answers %+v", res.Assessment.Answers)
	}
	if !hasNote(res, "a row without a provision number could not be matched to a provision: kept in the commentary of 6.13") {
		t.Errorf("notes %v", res.Notes)
	}
	_, err = importText("Code requirement|Comply|Evidence\nOur car park is resurfaced every spring.|Yes|Invoices.\n", opts)
	if err == nil || !strings.Contains(err.Error(), "no row's wording matched a provision of chc-2024") {
		t.Errorf("nothing matched: %v", err)
	}
}

// TestActionPlanTable: an action plan in a table of its own, before or
// after the answers, joins them; a provision only the plan names is left
// unanswered.
func TestActionPlanTable(t *testing.T) {
	plan := "Provision|Action|Owner|Target date|Status\n" +
		"6.13|Assign a director.|Head of Housing|2025/26|In progress\n" +
		"6.14|Weekly report.|Complaints Manager|Q2 2025/26|\n" +
		"6.20|Final wording.|Complaints Manager|2025/26|Complete\n"
	answers := h24 + "6.13|Different person.|No|Same person.|\n6.14|Twenty days.|Partial|Mostly.|\n"
	for name, src := range map[string]string{"after": answers + "\n" + plan, "before": plan + "\n" + answers} {
		res, err := importText(src, Options{Code: "2024", Landlord: "X", Assessed: details.Assessed})
		if err != nil {
			t.Fatal(err)
		}
		a := res.Assessment
		want := map[string]string{"6.13": "no Assign a director.", "6.14": "partial Weekly report.", "6.20": " Final wording."}
		if len(a.Answers) != len(want) {
			t.Errorf("%s: %d answers", name, len(a.Answers))
		}
		for id, w := range want {
			ans, ok := a.Answer(id)
			if !ok || len(ans.Actions) != 1 || string(ans.Comply)+" "+ans.Actions[0].Text != w {
				t.Errorf("%s: %s: %+v", name, id, ans)
			}
		}
		if !hasNote(res, "6.20 is in the action plan but not in the assessment's table") {
			t.Errorf("%s: 6.20 alone in the plan is not reported", name)
		}
	}
}
