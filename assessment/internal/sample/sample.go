// Package sample makes the assessment the publication benchmarks share: 72
// provisions against chc-2024 with 40 actions, shaped like a real one (a few
// lines of evidence each, some commentary, gaps with two actions each), so
// that report's and workbook's figures compare like with like.
package sample

import (
	"fmt"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// Assessment72 returns the sample assessment and its catalogue.
func Assessment72() (*assessment.Assessment, *codes.Catalogue, error) {
	cat, err := codes.Lookup("chc-2024", "")
	if err != nil {
		return nil, nil, err
	}
	a := &assessment.Assessment{Code: "chc-2024", Landlord: "Tŷ Glas Homes", Assessed: assessment.NewDate(2025, 5, 31),
		Period: "2024/25", Approved: &assessment.Approval{By: "Board", On: assessment.NewDate(2025, 6, 19)},
		Published: "https://tyglas.example/complaints"}
	actions := 0
	for i, p := range cat.OnForm() {
		ans := assessment.Answer{ID: p.ID, Comply: assessment.Yes,
			Evidence: fmt.Sprintf("Complaints Policy section %d sets this out, and the quarterly audit of\ntwenty cases found it followed in every case; staff guidance was updated in\nMarch and the Customer Services Committee reviewed the results.", i)}
		if i%3 == 0 {
			ans.Commentary = "Reviewed by the Head of Customer Experience each quarter."
		}
		if i%3 == 1 && actions < 40 {
			ans.Comply = assessment.Partial
			for k := range 2 {
				ans.Actions = append(ans.Actions, assessment.Action{Text: "Update the procedure and train the team on the change.",
					Owner: "Complaints Manager", Due: assessment.NewDate(2025, 6, 30).AddDate(0, k*6, 0), Status: assessment.Open})
				actions++
			}
		}
		a.Answers = append(a.Answers, ans)
	}
	if len(a.Answers) != 72 || actions != 40 {
		return nil, nil, fmt.Errorf("sample has %d provisions and %d actions, not 72 and 40", len(a.Answers), actions)
	}
	return a, cat, nil
}
