package annual

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment/rules"
)

// TestForms: the forms' data reads, in order, each asking for the
// documents and their links.
func TestForms(t *testing.T) {
	if len(Forms) < 3 {
		t.Fatalf("%d forms", len(Forms))
	}
	for i, f := range Forms {
		if i > 0 && f.Year <= Forms[i-1].Year {
			t.Errorf("form %s after %s", f.Year, Forms[i-1].Year)
		}
		if !formYear.MatchString(f.Year) || len(strings.Fields(f.Summary)) < 5 || !f.Wants(AskDocuments) || !f.Wants(AskLinks) {
			t.Errorf("form %s: %+v", f.Year, f)
		}
	}
	if !mustForm(t, "2025-26").Wants(AskAnswers) || mustForm(t, "2026-27").Wants(AskAnswers) || !mustForm(t, "2024-25").Wants(AskForm) {
		t.Error("the 2025-26 form asks Yes or No per provision, the 2026-27 form does not, the 2024-25 form takes the completed form")
	}
}

func mustForm(t *testing.T, year string) Form {
	f, note, ok := FormFor(year)
	if !ok || note != "" {
		t.Fatalf("no form for %s: %s", year, note)
	}
	return f
}

// TestSubmission: what each year's form asks, filled in from the example.
func TestSubmission(t *testing.T) {
	r := loadReport(t, example, nil)
	tests := []struct {
		form     string
		want     []string
		not      []string
		noteHead string
	}{
		{"", []string{"Form: the Ombudsman's 2025-26 submission form.", "Due by 30 September 2025", "Submitted 30 June 2025 on the 2025-26 form",
			"  Homes owned                        4,180", "  The self-assessment             https://www.millbrook-homes.example/complaints/self-assessment-2025  [given]",
			"  The governing body's response   https://www.millbrook-homes.example/complaints/annual-report-2024-25  [given (published with the report)]",
			"Yes or No for each provision (no evidence)", "  6.3    No   (answered partial: not fully met)", "  6.14   No\n", "  6.2    Yes\n"}, []string{"Appendix A"}, ""},
		{"2026-27", []string{"Organisation", "Links"}, []string{"Yes or No", "Appendix A"}, ""},
		{"2024-25", []string{"The completed self-assessment form (the Code's Appendix A)", "csa report ../../examples/millbrook-2024-25.yaml -f docx"}, []string{"Organisation", "Yes or No"}, ""},
		{"2027-28", []string{"csa knows the forms up to 2026-27; the 2027-28 form is taken to ask what the 2026-27 form asked"}, []string{"Yes or No"}, ""},
		{"2023-24", []string{"the Ombudsman asked for no submission before its 2024-25 form"}, []string{"Documents to send"}, ""},
	}
	for _, tt := range tests {
		t.Run("form "+tt.form, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteSubmissionText(&b, r.Submission(tt.form)); err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("lacks %q:\n%s", w, b.String())
				}
			}
			for _, n := range tt.not {
				if strings.Contains(b.String(), n) {
					t.Errorf("holds %q:\n%s", n, b.String())
				}
			}
		})
	}
	if links, answers := r.Submission("").Gaps(); links != 0 || answers != 0 {
		t.Errorf("the example's form lacks %d links and %d answers", links, answers)
	}
}

// TestLinksChecked: a link missing, one that is not a web address, a
// response with no address of its own nor the report's.
func TestLinksChecked(t *testing.T) {
	data, _ := os.ReadFile(example)
	s := strings.Replace(string(data), "published: https://www.millbrook-homes.example/complaints/annual-report-2024-25", "published: the complaints page", 1)
	r := loadReport(t, example, []byte(s))
	v := r.Submission("")
	got := map[string]string{}
	for _, l := range v.Links {
		got[l.Document] = l.Status + ": " + l.Fix
	}
	want := map[string]string{
		"The annual report":             "not a web address: write it as a web address starting https://",
		"The governing body's response": "missing: add published: to the report (the response is published with it), or to response:",
		"The self-assessment":           "given: ",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %q, want %q", k, got[k], w)
		}
	}
	if links, _ := v.Gaps(); links != 2 {
		t.Errorf("%d gaps in the links", links)
	}
	var md bytes.Buffer
	WriteSubmissionMarkdown(&md, v)
	if !strings.Contains(md.String(), "| The annual report | the complaints page | not a web address: write it as a web address starting https:// |") {
		t.Errorf("Markdown:\n%s", md.String())
	}
}

// TestSkeleton: what csa init --annual writes reads, is an annual report,
// and csa check names every part still to write.
func TestSkeleton(t *testing.T) {
	text := Skeleton(SkeletonOptions{Landlord: "Tŷ Glas: Homes", Period: "2024/25", Homes: 900, Dated: today})
	if !IsAnnual([]byte(text)) {
		t.Fatal("the skeleton is not an annual report")
	}
	t.Chdir(t.TempDir())
	fs := Check("annual.yaml", []byte(text), fromDisk(today))
	var parts, refs, other int
	for _, f := range fs {
		switch f.Rule {
		case rules.AnnualMissingPart.Name:
			parts++
		case rules.AnnualReference.Name:
			refs++
		case rules.AnnualNoResponse.Name:
		default:
			other++
			t.Errorf("unexpected: %d:%d %s %s", f.Line, f.Col, f.Rule, f.Message)
		}
	}
	// The self-assessment and figures are named, not yet there: two files
	// to make, and five parts to write (the refusals wait for the figures,
	// which may count them).
	if parts != 5 || refs != 2 {
		t.Errorf("%d parts missing, %d files not there:\n%s", parts, refs, findings(fs))
	}
	a, _, _ := Parse("a.yaml", []byte(text))
	if a.Landlord != "Tŷ Glas: Homes" || *a.Homes != 900 || a.YearEnd.String() != "2025-03-31" {
		t.Errorf("read back: %q %v %s", a.Landlord, *a.Homes, a.YearEnd)
	}
}
