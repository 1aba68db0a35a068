package contradiction

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// admissionCases are written in the project's own words, in the styles the
// published self-assessments use. want is the phrase expected ("" when the
// text must not be flagged).
var admissionCases = []struct {
	name, text, want string
}{
	// Admissions, one per style seen in published "yes" answers.
	{"not currently", "We do not currently do this.", "do not currently do this"},
	{"not consistently meeting", "At present we are not consistently meeting this because of staff shortages.", "are not consistently meeting this"},
	{"has not been consistent", "Performance against this has not been consistent this year.", "has not been consistent"},
	{"do not meet these timescales", "Stage 2 panels are hard to convene, so we do not meet these timescales.", "do not meet these timescales"},
	{"further work to be compliant", "There is some further work to do in this area to be compliant.", "further work to do"},
	{"survey shows not consistent", "Our survey found that this is not consistent across teams.", "is not consistent"},
	{"not always", "Residents told us that we do not always give them the option.", "do not always give"},
	{"we need to strengthen", "We need to strengthen the policy.", "We need to"},
	{"not do this consistently", "We do not do this consistently at the logging stage.", "do not do this consistently"},
	{"not currently include", "We do not currently include this in our letters.", "do not currently include"},
	{"cannot guarantee", "Officers do this but we cannot guarantee consistency.", "cannot guarantee"},
	{"not routinely", "We have not routinely told residents how to complain after a survey.", "have not routinely told"},
	{"not in our procedure", "We use the flowcharts; however, they are not in our procedure.", "are not in our procedure"},
	{"not sustainable", "The old arrangement was not sustainable.", "was not sustainable"},
	{"we need a template", "We do this but we need a standard letter for it.", "we need a"},
	{"outside timescales", "Any extension is automatically outside of these timescales.", "outside of these timescales"},
	{"not currently published", "Reports on complaint performance are not currently published.", "are not currently published"},
	{"work to do", "Learning is recorded and there is work to do to improve this.", "work to do"},
	{"not yet in place", "The new template is not yet in place.", "is not yet in place"},
	{"will need to", "The letters will need to change before April.", "will need to"},
	{"we will need to", "We will need to update the acknowledgement letter.", "We will need to"},
	{"needs to be improved", "Our reporting to the board needs to be improved.", "needs to be improved"},
	{"not fully compliant", "We are not fully compliant with this provision.", "are not fully compliant"},
	{"partially compliant", "Partially compliant: see the action plan.", "Partially compliant"},
	{"only partly in place", "Monitoring is only partially in place.", "only partially in place"},
	{"improvements are required", "The team acknowledges complaints; however, improvements are required in reporting.", "improvements are required"},
	{"improvements in x are required", "Improvements in record keeping are required.", "Improvements in record keeping are required"},
	{"currently no dedicated", "There is currently no dedicated complaints officer.", "currently no dedicated"},
	{"inconsistent", "Recording of outstanding actions is inconsistent across teams.", "inconsistent"},
	{"insufficient", "There is insufficient capacity to do this.", "insufficient"},
	{"working towards", "We are working towards compliance with this.", "working towards compliance"},
	{"aim to be compliant", "Our aim is to be compliant by the autumn.", "to be compliant"},
	{"timescales not being met", "Stage 1 timescales are not being met.", "are not being met"},
	{"room for improvement", "There is room for improvement here.", "room for improvement"},
	{"still need to", "The letters still need to be reviewed.", "still need to"},
	{"some inconsistency", "We have found some inconsistency between teams.", "some inconsistency"},
	{"a gap", "There is a gap in how we report to the board.", "a gap"},
	{"we sometimes fail", "We sometimes fail to acknowledge within five days.", "We sometimes fail to"},
	{"team unable", "The team is unable to meet this requirement.", "unable to meet"},
	{"we have not been able", "We have not been able to recruit a complaints officer.", "have not been able to recruit"},
	{"we haven't been able", "We haven't been able to fill the post.", "haven't been able to fill"},
	{"non-compliant", "We are non-compliant with this provision.", "non-compliant"},
	{"could be improved", "Our recording could be improved.", "could be improved"},
	{"further training is needed", "Further training is needed for mobile staff.", "Further training is needed"},
	{"not within timescales", "Some complaints are not responded to within the timescales.", "are not responded to within the timescales"},
	{"not yet", "Not yet.", "Not yet"},
	{"yes partially", "Yes, partially.", "Yes, partially"},
	{"will be compliant", "We will be compliant once the new post is filled.", "be compliant"},
	{"later sentence", "The policy sets out the timescales. We do not currently publish them.", "do not currently publish"},
	{"curly doesn't", "The procedure doesn’t always get followed.", "doesn’t always get"},
	{"curly aren't", "We aren’t consistently recording this.", "aren’t consistently recording"},
	{"curly we're", "Honestly we’re not meeting this at present.", "not meeting this"},
	{"upper case", "WE ARE NOT CONSISTENTLY MEETING THIS.", "ARE NOT CONSISTENTLY MEETING THIS"},
	{"html", "<p>The policy is published.</p><p>We do not currently publish reports.</p>", "do not currently publish"},
	{"html inline", "We are <b>not</b> consistently meeting this.", "are <b>not</b> consistently meeting this"},
	{"multi-line", "Policy in place.\nWe do not always send the letter.\n", "do not always send"},
	{"wrapped line", "Policy in place.\nWe are not\nconsistently meeting this.", "are not consistently meeting this"},
	{"welsh then english", "Mae’r polisi ar gael yn Gymraeg. We do not currently translate letters.", "do not currently translate"},
	{"after semicolon", "Complaints are logged centrally; this is not consistent across teams.", "is not consistent"},
	{"still working on", "This is something we are still working on.", "working on"},
	{"sometimes late", "Acknowledgements are sometimes late.", "sometimes late"},
	{"patchy", "Our compliance with this is patchy.", "patchy"},
	{"timescales missed", "Timescales are missed in some cases.", "are missed"},
	{"aware that we need to", "We are aware that we need to do more here.", "we need to"},
	{"compliance is partial", "Compliance is partial at present.", "is partial"},
	{"mostly in place", "This is mostly in place.", "mostly in place"},
	{"not all", "Not all letters include this information.", "Not all letters"},
	{"will be in place", "The template will be in place from April.", "will be in place"},
	{"intend to comply", "We intend to comply by April.", "intend to comply"},
	{"rarely meet", "We rarely meet this timescale.", "rarely meet this timescale"},
	{"lack", "We lack a consistent approach.", "lack a consistent"},
	{"needs embedding", "The new process needs embedding.", "needs embedding"},

	// Plain evidence.
	{"plain channels", "Complaints are accepted through all channels.", ""},
	{"plain timescales", "The policy sets out the timescales.", ""},
	{"no evidence of detriment", "We have no evidence of residents being treated differently after making a complaint.", ""},
	{"plain training", "All staff were trained when the Code came in and new starters are trained on induction.", ""},
	{"plain consistency", "We can evidence consistency in this area through quality checks.", ""},
	{"have not seen low volumes", "We have not seen low complaint volumes since 2020.", ""},
	{"plain meet", "We consistently meet these timescales.", ""},
	{"plain policy updated", "The policy has been updated to be compliant with the 2024 Code.", ""},
	{"rarely used", "We have an unreasonable behaviour policy; however this is rarely used.", ""},
	{"need the resident's authority", "Third-party complaints need the resident's written authority.", ""},
	{"empty", "", ""},

	// Double negatives.
	{"no evidence not compliant", "We do not have any evidence that we are not compliant.", ""},
	{"no indication not meeting", "There is no indication that we are not meeting this.", ""},
	{"not aware not followed", "We are not aware of any case where this was not followed.", ""},
	{"nothing suggests", "Nothing suggests we are not meeting the timescales.", ""},
	{"not found inconsistency", "We have not found any evidence that recording is inconsistent.", ""},
	{"no further work", "There is no further work to do.", ""},
	{"no improvements", "No improvements are required.", ""},
	{"never inconsistent", "Spot checks show responses are never handled inconsistently.", ""},

	// Policy: what is not done by design.
	{"no stage 0", "We do not have a stage 0.", ""},
	{"never handled by stage 1 officer", "Stage 2 is never handled by the stage 1 officer.", ""},
	{"no third stage", "There is no third stage.", ""},
	{"not asked to justify", "Residents are not asked to justify escalation.", ""},
	{"do not charge", "We do not charge for this.", ""},
	{"not accepted after 12 months", "Complaints are not accepted more than 12 months after the event.", ""},
	{"do not have to use the word", "Residents do not have to use the word complaint.", ""},
	{"do not meet the definition", "Requests that do not meet the definition of a complaint are service requests.", ""},
	{"residents will need to", "Residents will need to give written consent for a representative.", ""},
	{"if we cannot meet", "If we cannot meet the timescale, we write to the resident with a new date.", ""},
	{"where we are unable", "Where we are unable to resolve a complaint at stage 1 it is escalated.", ""},
	{"if we need more time", "If we need to extend, we agree the new date with the resident.", ""},
	{"complaint not yet completed stage 1", "We do not escalate a complaint that has not yet completed stage 1.", ""},
	{"partially upheld", "Partially upheld complaints are counted in the figures.", ""},
	{"gap analysis", "The gap analysis was completed last year.", ""},
	{"avoid inconsistent", "To avoid inconsistent decisions, a manager checks every response.", ""},
	{"currently no outstanding", "There are currently no outstanding complaints at stage 2.", ""},
	{"not previously specified", "The policy now covers this, as it was not previously specified.", ""},
	{"not implicated", "A senior officer who is not implicated in the complaint investigates.", ""},
	{"cannot be responded to within", "Where a complaint is complex and cannot be responded to within the timescales, the resident is told.", ""},
	{"partial restructure", "This assessment follows the partial restructure of the service.", ""},
	{"welsh", "Nid ydym yn codi tâl am hyn. Mae’r polisi ar gael ar ein gwefan.", ""},
	{"numbers", "See sections 5.1, 5.6 and 6.10 of the policy.", ""},
	{"not always need", "We do not always need to hold a meeting, but we offer one.", ""},
	{"no requests we could not meet", "We have not received any requests for adjustments that we could not meet.", ""},
	{"no complaints where not met", "We have not had any complaints where we did not meet the timescale.", ""},
	{"not currently any outstanding", "We do not currently have any complaints outstanding beyond timescales.", ""},
	{"handler will need to", "The complaint handler will need to contact the resident within two days.", ""},
	{"relative not consistent", "Responses that are not consistent with policy are returned to the handler.", ""},
	{"staff not able to close", "Staff are not able to close a complaint without manager approval.", ""},
	{"not currently required", "Complaint handlers are not currently required to hold a qualification.", ""},
	{"not yet know", "We do not yet know the outcome of the Ombudsman's review.", ""},
	{"late responses reported", "Late responses are reported to the Board each quarter.", ""},
	{"not all need", "Not all complaints need a meeting.", ""},
	{"aim to meet", "We aim to meet all timescales and report performance monthly.", ""},
	{"staff working on this", "All staff working on this are trained.", ""},
	{"lack of action", "A lack of action by the landlord can be a complaint.", ""},
	{"rarely used", "This is rarely used.", ""},
	{"accept complaints", "We accept complaints by phone, email, letter and in person.", ""},
	{"that we need to make", "Any changes that we need to make are added to the action plan.", ""},
	{"if further work", "If further work is needed, we set a date and tell the resident.", ""},
	{"more information needed", "More information is needed from the resident before we can respond.", ""},
	{"not all upheld", "Not all complaints are upheld.", ""},
	{"currently no plans", "There are currently no plans to add a third stage.", ""},
	{"none missed", "No deadlines were missed.", ""},
}

func TestFind(t *testing.T) {
	for _, c := range admissionCases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := Find(c.text)
			if c.want == "" {
				if ok {
					t.Fatalf("Find(%q) = %q at %d, want no admission", c.text, got.Phrase, got.Offset)
				}
				return
			}
			if !ok {
				t.Fatalf("Find(%q) found nothing, want %q", c.text, c.want)
			}
			if got.Phrase != c.want {
				t.Errorf("Find(%q).Phrase = %q, want %q", c.text, got.Phrase, c.want)
			}
			checkOffset(t, c.text, got)
		})
	}
}

// checkOffset checks that the phrase is where Offset says, allowing for the
// line breaks the phrase collapses to spaces.
func checkOffset(t *testing.T, text string, got Admission) {
	t.Helper()
	if got.Offset < 0 || got.Offset > len(text) {
		t.Fatalf("Offset %d outside text of %d bytes", got.Offset, len(text))
	}
	if len(got.Phrase) > maxPhrase {
		t.Errorf("Phrase %q is %d bytes, want at most %d", got.Phrase, len(got.Phrase), maxPhrase)
	}
	rest := text[got.Offset:]
	if strings.HasPrefix(rest, got.Phrase) {
		return
	}
	if words := strings.Fields(got.Phrase); len(words) > 0 && strings.HasPrefix(strings.Join(strings.Fields(rest), " "), got.Phrase) {
		return
	}
	t.Errorf("text[%d:] = %q does not start with Phrase %q", got.Offset, rest, got.Phrase)
}

func TestFindOffsetLines(t *testing.T) {
	text := "Complaints Policy section 2.2.\r\n\r\nStaff training records.\nWe don't currently record this."
	got, ok := Find(text)
	if !ok {
		t.Fatal("no admission found")
	}
	if got.Phrase != "don't currently record" {
		t.Errorf("Phrase = %q", got.Phrase)
	}
	if line := strings.Count(text[:got.Offset], "\n") + 1; line != 4 {
		t.Errorf("admission on line %d, want 4", line)
	}
	checkOffset(t, text, got)
}

func TestFindLongText(t *testing.T) {
	// A long run-on sentence is matched in pieces; the admission near its
	// end and one straddling a piece boundary are both found.
	for _, n := range []int{10, 52, 55, 58, 61, 100, 500} {
		text := strings.Repeat("complaints are handled by the team ", n) + "and we are not consistently meeting this"
		got, ok := Find(text)
		if !ok || got.Phrase != "are not consistently meeting this" {
			t.Errorf("n=%d: got %q, %v", n, got.Phrase, ok)
			continue
		}
		checkOffset(t, text, got)
	}
	long := "We are not consistently " + strings.Repeat("x", 100) + " meeting this."
	got, ok := Find(long)
	if !ok || len(got.Phrase) > maxPhrase {
		t.Errorf("long word: got %q, %v", got.Phrase, ok)
	}
}

func TestFindOddInput(t *testing.T) {
	// None of these may panic; the answers do not matter.
	for _, s := range []string{
		"<", "<p", "</", "&", "&#", "&#39", "not\xff consistently", "\xe2\x80", "we\xe2\x80\x99",
		"not", "no", "we need", "partially", strings.Repeat("not ", 200), "’’’", "- - -", "<p>not</p> currently",
		strings.Repeat("a", 1000), "non-", "5.", ".5", "\n\n\n", "\r", "ŵ ŷ â ê", "not<br>currently",
		"ʼ", "x ʼ ʼy", "&rsquo;", "don&#39;t ’ ʼ", "<!-- not consistently -->",
	} {
		Find(s)
	}
	if _, ok := Find("We are not<br>consistently meeting this."); ok {
		t.Error("a <br> should end the sentence")
	}
}

// seedDir is where the two published self-assessments the project was made
// from are kept; present in CI.
const seedDir = "../../../shared/seeds"

func readSeed(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(seedDir, name))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("seed missing in CI: %v", err)
		}
		t.Skipf("seed not available: %v", err)
	}
	return string(data)
}

func TestFindSeed(t *testing.T) {
	data := readSeed(t, "000_33dbbaf18659506c.txt")
	// Columns: provision | requirement | comply | evidence | action | owner | date.
	flagged := map[string]bool{}
	yes, n := 0, 0
	for _, line := range strings.Split(data, "\n") {
		cells := strings.Split(line, "\t")
		if len(cells) < 4 || strings.TrimSpace(cells[2]) != "Yes" {
			continue
		}
		yes++
		id := strings.TrimSpace(cells[0])
		got, ok := Find(cells[3])
		if ok {
			n++
			checkOffset(t, cells[3], got)
			if id != "" {
				flagged[id] = true
			}
		}
	}
	if yes < 30 {
		t.Fatalf("read only %d yes answers: has the seed's layout changed?", yes)
	}
	if n < 15 {
		t.Errorf("%d of %d yes answers' evidence flagged, want at least 15", n, yes)
	}
	for _, id := range []string{"1.6", "5.7", "6.2", "6.3", "6.5"} {
		if !flagged[id] {
			t.Errorf("evidence for %s not flagged", id)
		}
	}
	// Plain evidence and a double negative from the same document.
	for _, id := range []string{"3.1", "5.1", "5.8", "6.8"} {
		if flagged[id] {
			t.Errorf("evidence for %s flagged", id)
		}
	}
}

func TestFindAllocs(t *testing.T) {
	texts := benchTexts()
	allocs := testing.AllocsPerRun(100, func() {
		for _, s := range texts {
			Find(s)
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per run over the benchmark texts, want 0", allocs)
	}
}

// benchTexts is a mix like a real assessment: mostly plain evidence, some
// commentary that admits a gap, some HTML and curly quotes.
func benchTexts() []string {
	return []string{
		"Complaints Policy section 2.2 sets out how complaints are accepted through all channels, including social media, email, telephone and in person. Staff training records show all staff were trained in 2024.",
		"The Customer Feedback Policy clearly sets out the number of stages involved, what will happen at each stage, and the timeframes for responding. It is available in a variety of formats and languages.",
		"<p>Stage 2 complaints are considered by a senior manager who was not involved at stage 1.</p> <p>Recent responses have been subject to random quality checks to confirm this.</p>",
		"We have no evidence of residents being treated differently after making a complaint. Spot checks of case files are carried out quarterly by the Complaints Manager and reported to the Board.",
		"Third-party complaints need the resident’s written authority. The policy explains how to give it and our website has a form for representatives to use.",
		"We are not consistently meeting this at present, due to limited resources and the volume of complaints. The new complaints officer will start in May.",
		"Reasonable adjustments are recorded on the customer record and staff are alerted when they open it. The Reasonable Adjustments Policy was approved by the Board in March.",
		"We do not have any evidence that we are not compliant. Monthly reports to the executive team include volumes, timescales and outcomes.",
		"Complaints are acknowledged within five working days and responded to within ten. Performance is reported monthly; 96% of stage 1 responses were on time in 2024/25.",
		"There is some further work to do in this area to be compliant; the action plan sets out the steps.",
	}
}

func BenchmarkFind(b *testing.B) {
	texts := benchTexts()
	bytes := 0
	for _, s := range texts {
		bytes += len(s)
	}
	b.SetBytes(int64(bytes / len(texts)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Find(texts[i%len(texts)])
	}
}
