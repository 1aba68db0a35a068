package importer

import (
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
)

var details = Options{Landlord: "Fictional Homes", Assessed: assessment.NewDate(2025, 5, 31)}

// importText imports tab-separated text ("|" stands for a tab).
func importText(src string, opts Options) (*Result, error) {
	return Import("test.txt", []byte(strings.ReplaceAll(src, "|", "\t")), opts)
}

const h24 = "Code provision|Code requirement|Comply: Yes / No|Evidence|Commentary / explanation\n"
const h22 = "Code section|Code requirement|Comply: Yes/No|Evidence, commentary and any explanations\n"

// detect decides the Code of tab-separated text ("|" stands for a tab)
// without --code, as import does before it looks for the landlord and
// the date.
func detect(t *testing.T, src string, opts Options) (string, string, error) {
	t.Helper()
	p, _, err := readSource(Source{Name: "test.txt", Data: []byte(strings.ReplaceAll(src, "|", "\t"))}, opts, false, 0)
	if err != nil {
		return "", "", err
	}
	cat, decision, _, err := chooseCode("test.txt", opts, []*part{p})
	if err != nil {
		return "", "", err
	}
	return cat.ID, decision, nil
}

func TestDetectCode(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		code      string // "" when import refuses
		because   string // in the decision, or in the refusal
	}{
		{"2024 ids", h24 + "6.20|Learn from stage 2.|Yes|Done.|\n9.8|Set objectives.|Yes|Done.|\n", "chc-2024", "exist only in the 2024 Code"},
		{"2022 ids", h22 + "4.18|Unacceptable behaviour policy.|Yes|Done.\n5.20|Third stage letter.|Yes|Done.\n", "chc-2022", "exist only in the 2022 Code"},
		{"2022 by its column and tables", "Section 1\n" + h22 + "1.2|Define.|Yes|Done.\n\n" + h22 + "1.4|Tell service requests apart.|Yes|Done.\n" + h22 + "",
			"chc-2022", `one "Evidence, commentary and any explanations" column`},
		{"2024 by its columns and a title", "Self-assessment against the Complaint Handling Code 2024\n" + h24 + "1.2|Define.|Yes|Done.|\n", "chc-2024", "a title names the 2024 Code"},
		{"ambiguous", "Code provision|Code requirement|Comply|Evidence\n1.2|Define.|Yes|Done.\n1.3|Any words.|Yes|Done.\n", "", "cannot tell whether this assessment is against the 2022 or the 2024 Code"},
		{"2024 content on the 2022 form, dated after April 2024", "Date of assessment: 12 June 2025\n" + h22 +
			"1.2|Define a complaint.|Yes|Done.\n1.3|Any words will do.|Yes|Done.\n", "chc-2024", "the assessment is dated 2025-06-12 (as the document says), after the 2024 Code came into force"},
		{"a 2022 assessment whose intro says when the Code began", "The Housing Ombudsman's Complaint Handling Code was introduced in July 2020.\n" +
			"Date of assessment: 3 March 2023\n" + h22 + "1.2|Define.|Yes|Done.\n1.7|Accept complaints.|Yes|Done.\n", "chc-2022", "provision 1.7 exists only in the 2022 Code"},
		{"2024 by its section titles", "Section 2: Exclusions\n" + "Code provision|Code requirement|Comply|Evidence\n2.1|Accept.|Yes|Done.\n2.2|Grounds.|Yes|Done.\n",
			"chc-2024", `its section titles are the 2024 Code's ("Section 2: Exclusions")`},
		{"2022 by its section titles", "Section 3 - Complaint handling personnel\n" + "Code provision|Code requirement|Comply|Evidence\n3.1|Staff.|Yes|Done.\n3.2|More staff.|Yes|Done.\n",
			"chc-2022", "its section titles are the 2022 Code's"},
		{"2024 by its timescales", "Code provision|Code requirement|Comply|Evidence\n5.1|Stage one.|Yes|We acknowledge every complaint within five working days.\n5.2|Respond.|Yes|Our responses go out within 10 working days of the complaint being acknowledged.\n",
			"chc-2024", `"five working days" to acknowledge`},
		{"2022 by its wording", "Code provision|Code requirement|Comply|Evidence\n" +
			"2.1|Landlords must make it easy for residents to complain through several channels, such as in person, by phone, by letter, by email and online.|Yes|Done.\n" +
			"2.2|Where landlords use social media, residents may complain there; the policy should set out how such complaints are handled and privacy protected.|Yes|Done.\n" +
			"3.1|A complaints officer, a person or team, must have responsibility for complaint handling and for reporting to the governing body.|Yes|Done.\n",
			"chc-2022", "reads like the 2022 Code's"},
		{"a council page naming both ombudsmen", "If your complaint is about a council service other than housing, contact the Local Government and Social Care Ombudsman.\n" +
			"Our self-assessment against the Housing Ombudsman's Complaint Handling Code 2024\n" + h24 + "6.20|Learn from stage 2.|Yes|Done.|\n9.8|Set objectives.|Yes|Done.|\n", "chc-2024", "exist only in the 2024 Code"},
		{"the LGSCO's code", "Local Government and Social Care Ombudsman: Complaint Handling Code self-assessment\n" + h24 + "1.2|Define.|Yes|Done.|\n",
			"", "Local Government and Social Care Ombudsman's complaint handling code, which csa does not cover"},
		{"the 2020 questionnaire by title", "Complaint Handling Code (July 2020) self-assessment\n" + h22 + "1.1|Does the policy define a complaint?|Yes|Done.\n", "", "2020 Complaint Handling Code"},
		{"the 2020 questionnaire by its questions", h22 +
			"1.1|Does the complaints process use the Code's definition?|Yes|Done.\n" +
			"1.2|Does the policy have exclusions?|Yes|Done.\n" +
			"1.3|Are exclusions explained to the resident?|Yes|Done.\n", "", "questionnaire"},
		{"a 2024 form with each provision asked as a question", h24 +
			"6.13|Does someone new consider stage 2?|Yes|Done.|\n6.20|Is the stage 2 reply our final response?|Yes|Done.|\n9.6|Does the member responsible for complaints see reports?|Yes|Done.|\n",
			"chc-2024", "exist only in the 2024 Code"},
		{"another Code's numbers", h24 + "12.1|Something.|Yes|Done.|\n14.2|Other.|Yes|Done.|\n", "", "match neither the 2022 nor the 2024 Code"},
	} {
		code, decision, err := detect(t, tc.src, Options{Landlord: "Fictional Homes"})
		switch {
		case tc.code == "" && err == nil:
			t.Errorf("%s: decided %s (%s); want a refusal", tc.name, code, decision)
		case tc.code == "" && !strings.Contains(err.Error(), tc.because):
			t.Errorf("%s: refused with %q; want it to say %q", tc.name, err, tc.because)
		case tc.code != "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.code != "" && (code != tc.code || !strings.Contains(decision, tc.because)):
			t.Errorf("%s: %s (%s); want %s because %q", tc.name, code, decision, tc.code, tc.because)
		}
	}
}

func TestCodeFlag(t *testing.T) {
	// --code decides, even where the document cannot; a clear disagreement is noted.
	src := "Code provision|Code requirement|Comply|Evidence\n1.2|Define.|Yes|Done.\n"
	opts := details
	opts.Code = "2022"
	res, err := importText(src, opts)
	if err != nil || res.Catalogue.ID != "chc-2022" || res.Decision != "chc-2022, as --code says" {
		t.Fatalf("--code 2022: %v %+v", err, res)
	}
	res, err = importText(h22+"4.18|Behaviour policy.|Yes|Done.\n5.20|Third stage.|Yes|Done.\n4.19|Restrictions.|Yes|Done.\n", Options{Code: "2024", Landlord: "X", Assessed: details.Assessed})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notes) == 0 || !strings.Contains(res.Notes[0].Message, "--code 2024 was given, but the document looks like chc-2022") {
		t.Errorf("no note that the document disagrees with --code: %v", res.Notes)
	}
	if _, err := importText(src, Options{Code: "2031", Landlord: "X", Assessed: details.Assessed}); err == nil || !strings.Contains(err.Error(), `unknown code "2031"`) {
		t.Errorf("--code 2031: %v", err)
	}
}

func TestDetectsTheSeedsShapes(t *testing.T) {
	// Seed 000's shape: Evidence plus action columns, a date after April 2024.
	res, err := importText("Section 6: Complaints Stages\nStage 2\n"+
		"Code provision|Code requirement|Comply: Yes / No|Evidence|Action required|Action Owner|Completion Date\n"+
		"6.14|Final response within 20 working days.|Yes|Not always.|Book slots.|Board|Complete\n"+
		"6.16|Give the Ombudsman's details on extension.|Yes|From 1 April 2024.|Template.|Manager|Complete\n", details)
	if err != nil || res.Catalogue.ID != "chc-2024" {
		t.Fatalf("%v %+v", err, res)
	}
	for _, want := range []string{"provisions 6.14, 6.16 exist only in the 2024 Code", "an Evidence column of its own beside action columns", "it mentions 1 April 2024"} {
		if !strings.Contains(res.Decision, want) {
			t.Errorf("decision %q does not say %q", res.Decision, want)
		}
	}
}
