package importer

import (
	"testing"

	"github.com/csa-tool/csa/assessment"
)

func TestProseActions(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // action text, then due ("" for none), in pairs
	}{
		{"a promise with a date", "The letters are out of date. New letters will be issued by March 2025.",
			[]string{"New letters will be issued by March 2025.", "2025-03-31"}},
		{"planned, no date", "Refresher training is planned for complaint handlers.",
			[]string{"Refresher training is planned for complaint handlers.", ""}},
		{"is to be, financial year", "Our approach to surveys is to be reviewed in 2024/25.",
			[]string{"Our approach to surveys is to be reviewed in 2024/25.", "2025-03-31"}},
		{"a quarter", "The policy will be rewritten by the end of Q3 2025/26.",
			[]string{"The policy will be rewritten by the end of Q3 2025/26.", "2025-12-31"}},
		{"a start date is not a due date", "Improvements are planned to be implemented from April 2023 onwards.",
			[]string{"Improvements are planned to be implemented from April 2023 onwards.", ""}},
		{"two promises on two lines", "We will appoint a lead.\nA new report is to be produced by 31/12/2025.",
			[]string{"We will appoint a lead.", "", "A new report is to be produced by 31/12/2025.", "2025-12-31"}},
		{"statements of fact only", "The policy was updated in 2023. Complaints are logged centrally.", nil},
		{"a date alone promises", "Letters rewritten by September 2025; staff briefed before 31/10/2025.",
			[]string{"Letters rewritten by September 2025; staff briefed before 31/10/2025.", "2025-09-30"}},
		{"a date of work done does not", "The policy was rewritten by March 2024.", nil},
		{"nor a date that is not a deadline", "Complaints are reported to the board in May 2025.", nil},
		{"a need is a plan", "Process improvement is required so requests reach the complaints team.",
			[]string{"Process improvement is required so requests reach the complaints team.", ""}},
		{"to be, with no is", "Training for new staff to be arranged in Q1 2026/27.",
			[]string{"Training for new staff to be arranged in Q1 2026/27.", "2026-06-30"}},
		{"section numbers do not split sentences", "Section 3.4 is to be rewritten by May 2026.",
			[]string{"Section 3.4 is to be rewritten by May 2026.", "2026-05-31"}},
	} {
		got := proseActions(tc.text)
		if len(got)*2 != len(tc.want) {
			t.Errorf("%s: %d actions %+v; want %d", tc.name, len(got), got, len(tc.want)/2)
			continue
		}
		for i, a := range got {
			if a.Text != tc.want[2*i] || a.Due.String() != tc.want[2*i+1] || !a.Draft || a.Owner != "" || a.Status != assessment.Open {
				t.Errorf("%s: action %d = %+v; want %q due %q, an open draft with no owner", tc.name, i, a, tc.want[2*i], tc.want[2*i+1])
			}
		}
	}
}

func TestActionsFromProseOnlyForGaps(t *testing.T) {
	src := h22 +
		"5.4|Consider older reports.|No|This is not done yet but will be considered in the review.\n" +
		"5.7|Include new issues in the response.|Yes|Training will be delivered to all handlers.\n" +
		"5.9|Escalate when asked.|Partial|Mostly. A checklist is to be issued by June 2026.\n"
	res, err := importText(src, Options{Code: "2022", Landlord: "X", Assessed: details.Assessed, ActionsFromProse: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"5.4": 1, "5.7": 0, "5.9": 1}
	for id, n := range want {
		ans, _ := res.Assessment.Answer(id)
		if len(ans.Actions) != n {
			t.Errorf("%s: %d actions %+v; want %d", id, len(ans.Actions), ans.Actions, n)
		}
	}
	ans, _ := res.Assessment.Answer("5.9")
	if ans.Actions[0].Due.String() != "2026-06-30" {
		t.Errorf("5.9 due %s", ans.Actions[0].Due)
	}
	// Without the flag, no drafts.
	res, _ = importText(src, Options{Code: "2022", Landlord: "X", Assessed: details.Assessed})
	for _, ans := range res.Assessment.Answers {
		if len(ans.Actions) > 0 {
			t.Errorf("%s has actions without --actions-from-prose", ans.ID)
		}
	}
}
