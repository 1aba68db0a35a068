package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/assessment/workbook"
	"github.com/csa-tool/csa/codes"
)

func importFile(t *testing.T, path string, opts Options) *Result {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(filepath.Base(path), data, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestImportDocxFixture(t *testing.T) {
	res := importFile(t, filepath.Join(fixtureDir, "brackenford-2025.docx"), Options{})
	a := res.Assessment
	if a.Code != "chc-2024" || a.Landlord != "Brackenford Homes" || a.Assessed.String() != "2025-06-02" || a.Period != "2024/25" ||
		a.Approved == nil || a.Approved.By != "Board" || a.Approved.On.String() != "2025-06-26" {
		t.Errorf("details: %s %q %s %q %+v", a.Code, a.Landlord, a.Assessed, a.Period, a.Approved)
	}
	answers := map[string]assessment.Comply{
		"1.2": assessment.Yes, "1.3": assessment.Yes, "1.4": assessment.Partial, "1.5": assessment.Yes, "1.6": assessment.Yes,
		"2.1": assessment.Yes, "2.2": assessment.NA, "2.3": assessment.No, "2.4": assessment.No, "2.5": assessment.Unanswered,
		"3.1": assessment.Yes, "3.2": assessment.Yes, "3.3": assessment.Yes, "3.4": assessment.NA,
		"6.12": assessment.Yes, "6.13": assessment.Yes, "6.14": assessment.Partial,
	}
	if len(a.Answers) != len(answers) {
		t.Errorf("%d answers, want %d", len(a.Answers), len(answers))
	}
	for id, want := range answers {
		if ans, ok := a.Answer(id); !ok || ans.Comply != want {
			t.Errorf("%s: %q, want %q", id, ans.Comply, want)
		}
	}
	get := func(id string) *assessment.Answer { ans, _ := a.Answer(id); return ans }
	if got := get("1.6").Requirement; !strings.Contains(got, "\na. say how to complain in every survey;\nb. give the link") {
		t.Errorf("1.6 requirement lost its lettered items: %q", got)
	}
	if got := get("3.2").Requirement; !strings.Contains(got, "\n• office staff;\n• repairs operatives;") {
		t.Errorf("3.2 requirement lost its bullets: %q", got)
	}
	if got := get("3.1").Evidence; got != "Phone, email, web form, app and in person.\nAdjustments are recorded on the tenancy file & reviewed each year." {
		t.Errorf("3.1 evidence kept its HTML: %q", got)
	}
	if got := get("1.5"); got.Requirement != "A complaint must be raised when a resident is unhappy with how a service request is going, even while the request itself is still open." ||
		got.Actions[0].Owner != "Head of Neighbourhoods" || got.Actions[0].Due.String() != "2025-12-31" {
		t.Errorf("1.5: %q, %+v", got.Requirement, got.Actions)
	}
	if got := get("1.2").Commentary; got != "Reviewed by: Audit panel" {
		t.Errorf("the unknown column is not in the commentary: %q", got)
	}
	acts := map[string]string{"2.3": "2026-05-31 open", "2.4": "2026-03-31 open", "3.2": " done", "6.14": "2025-09-30 open", "1.4": "2025-10-31 open"}
	for id, want := range acts {
		act := get(id).Actions[0]
		if got := act.Due.String() + " " + string(act.Status); got != want {
			t.Errorf("%s action: %q, want %q", id, got, want)
		}
	}
	if c := get("3.3").Actions[0].Completed.String(); c != "2025-03-14" {
		t.Errorf("3.3 completed %q", c)
	}
	if res.Guessed["6.13"] == "" {
		t.Error("6.13 is not reported as guessed")
	}
}

func TestImportXLSXFixture(t *testing.T) {
	// The workbook says no date: its last-saved date is not the assessment's.
	data, err := os.ReadFile(filepath.Join(fixtureDir, "kestrel-vale-2023.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Import("kestrel-vale-2023.xlsx", data, Options{}); err == nil || err.Error() != "kestrel-vale-2023.xlsx does not say when the assessment was completed: give --assessed YYYY-MM-DD" {
		t.Errorf("no date in the workbook: %v", err)
	}
	res := importFile(t, filepath.Join(fixtureDir, "kestrel-vale-2023.xlsx"), Options{Assessed: assessment.NewDate(2023, 6, 30)})
	a := res.Assessment
	if a.Code != "chc-2022" || a.Landlord != "Kestrel Vale District Council" || a.Assessed.String() != "2023-06-30" {
		t.Errorf("details: %s %q %s", a.Code, a.Landlord, a.Assessed)
	}
	var ids []string
	for _, ans := range a.Answers {
		ids = append(ids, ans.ID)
	}
	if got := strings.Join(ids, " "); got != "1.2 1.3 1.4 1.5 1.6 4.1 4.2 4.3 4.9 4.10" {
		t.Errorf("ids %s", got)
	}
	due := map[string]string{"1.3": "2023-09-30", "1.4": "2024-03-31", "1.5": "2024-03-31", "4.10": "2024-03-31"}
	for id, want := range due {
		ans, _ := a.Answer(id)
		if got := ans.Actions[0].Due.String(); got != want {
			t.Errorf("%s due %s, want %s", id, got, want)
		}
	}
	if ans, _ := a.Answer("1.5"); ans.Actions[0].Owner != "Customer Services Manager" {
		t.Errorf("1.5 owner %q: the merged cell's value", ans.Actions[0].Owner)
	}
	if ans, _ := a.Answer("1.6"); ans.Actions[0].Status != assessment.Done || !strings.Contains(ans.Commentary, "Yes - see action") {
		t.Errorf("1.6 %+v", ans)
	}
	// --sheet picks the sheet; a sheet that is not there is named.
	res = importFile(t, filepath.Join(fixtureDir, "kestrel-vale-2023.xlsx"), Options{Sheet: "Assessment", Landlord: "K", Assessed: assessment.NewDate(2023, 6, 30)})
	if len(res.Assessment.Answers) != 10 {
		t.Errorf("--sheet Assessment: %d answers", len(res.Assessment.Answers))
	}
	if _, err := Import("k.xlsx", data, Options{Sheet: "2024"}); err == nil || err.Error() != `k.xlsx: it has no sheet "2024": its sheets are "Cover", "Assessment", "Notes"` {
		t.Errorf("--sheet 2024: %v", err)
	}
}

// TestDeterministic: the same file gives the same YAML and notes.
func TestDeterministic(t *testing.T) {
	for _, f := range []string{"brackenford-2025.docx", "kestrel-vale-2023.xlsx"} {
		var outs [2]string
		for i := range outs {
			res := importFile(t, filepath.Join(fixtureDir, f), Options{Assessed: assessment.NewDate(2023, 6, 30)})
			var b bytes.Buffer
			if err := assessment.Encode(&b, res.Assessment, assessment.EncodeOptions{}); err != nil {
				t.Fatal(err)
			}
			for _, n := range res.Notes {
				b.WriteString(n.Format(f) + "\n")
			}
			outs[i] = b.String()
		}
		if outs[0] != outs[1] {
			t.Errorf("%s: two imports differ", f)
		}
	}
}

// TestRoundTrip: csa's own report workbook imports back to the assessment
// it was written from, for both examples.
func TestRoundTrip(t *testing.T) {
	for _, name := range []string{"millbrook-2023-24.yaml", "millbrook-2024-25.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../examples", name))
		if err != nil {
			t.Fatal(err)
		}
		orig, fs := assessment.Parse(name, data)
		if assessment.HasErrors(fs) {
			t.Fatalf("%s: %v", name, fs)
		}
		cat, err := codes.Lookup(orig.Code, "")
		if err != nil {
			t.Fatal(err)
		}
		var book bytes.Buffer
		if err := workbook.Write(&book, orig, cat, assessment.NewDate(2025, 7, 1)); err != nil {
			t.Fatal(err)
		}
		res, err := Import("report.xlsx", book.Bytes(), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Format != "workbook" {
			t.Errorf("%s: read as %s, not as csa's workbook", name, res.Format)
		}
		// Through YAML, as the command writes it.
		var out bytes.Buffer
		if err := assessment.Encode(&out, res.Assessment, assessment.EncodeOptions{}); err != nil {
			t.Fatal(err)
		}
		back, fs := assessment.Parse(name, out.Bytes())
		if len(fs) > 0 {
			t.Fatalf("%s: the import does not load: %v", name, fs)
		}
		blank(orig)
		blank(back)
		if !reflect.DeepEqual(orig, back) {
			t.Errorf("%s: the round trip changed the assessment:\n%s", name, firstDifference(orig, back))
		}
	}
}

// blank zeroes what differs between two readings of equal assessments: the
// file name and positions.
func blank(a *assessment.Assessment) {
	a.File = ""
	a.CodePos, a.LandlordPos, a.AssessedPos, a.ProvisionsPos = assessment.Pos{}, assessment.Pos{}, assessment.Pos{}, assessment.Pos{}
	if a.Approved != nil {
		a.Approved.Pos = assessment.Pos{}
	}
	if a.Response != nil {
		a.Response.Pos = assessment.Pos{}
	}
	for i := range a.Answers {
		ans := &a.Answers[i]
		ans.Pos, ans.ComplyPos, ans.ReviewPos = assessment.Pos{}, assessment.Pos{}, assessment.Pos{}
		ans.EvidencePos, ans.CommentaryPos = assessment.TextPos{}, assessment.TextPos{}
		for j := range ans.Actions {
			ans.Actions[j].Pos, ans.Actions[j].DuePos = assessment.Pos{}, assessment.Pos{}
		}
	}
}

func firstDifference(a, b *assessment.Assessment) string {
	if len(a.Answers) != len(b.Answers) {
		return fmt.Sprintf("%d answers became %d", len(a.Answers), len(b.Answers))
	}
	for i := range a.Answers {
		if !reflect.DeepEqual(a.Answers[i], b.Answers[i]) {
			return fmt.Sprintf("%+v\nbecame\n%+v", a.Answers[i], b.Answers[i])
		}
	}
	a2, b2 := *a, *b
	a2.Answers, b2.Answers = nil, nil
	return fmt.Sprintf("%+v\nbecame\n%+v", a2, b2)
}

func TestUnsupportedAndDamaged(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"old.doc", []byte("whatever"), "old.doc is an older Word document (.doc): open it in Word and save it as .docx"},
		{"scan.pdf", []byte("%PDF-1.7"), "scan.pdf is a PDF"},
		{"x.docx", []byte("not a zip"), "x.docx is not a Word (.docx) file: it may be damaged, or saved in another format"},
		{"x.xlsx", []byte("PK\x03\x04 broken"), "x.xlsx is not an Excel (.xlsx) file: it may be damaged"},
		{"x.docx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...), "x.docx is an older Office file (.doc or .xls) or is password-protected"},
		{"x.txt", []byte("\x00\x01\x02binary"), "x.txt is not a text file csa can read"},
		{"empty.txt", nil, "empty.txt is empty: there is nothing to import"},
		{"blank.csv", []byte("\n \r\n"), "blank.csv is empty: there is nothing to import"},
		{"empty.docx", nil, "empty.docx is empty: there is nothing to import"},
		{"m.yaml", []byte("code: chc-2024\n"), "m.yaml is YAML: if it is an assessment already"},
		{"notes.rtf2", []byte("Some notes.\n"), "notes.rtf2: csa does not know the .rtf2 extension; read as text, it holds no table of provisions"},
		{"prose.txt", []byte("Just some words.\nNo table here.\n"), "prose.txt: no table of provisions found"},
	} {
		_, err := Import(tc.name, tc.data, details)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: %v; want %q", tc.name, err, tc.want)
		}
	}
}

func TestDocxNamedXLSX(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtureDir, "brackenford-2025.docx"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import("misnamed.xlsx", data, Options{})
	if err != nil || res.Format != "docx" || !hasNote(res, "the file is a Word (.docx) file whatever its name says") {
		t.Errorf("%v %+v", err, res)
	}
}

func TestMissingDetails(t *testing.T) {
	src := h24 + "6.20|Learn.|Yes|Done.|\n"
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{}, "test.txt does not say which landlord it is for or when the assessment was completed: give --landlord NAME and --assessed YYYY-MM-DD"},
		{Options{Landlord: "X"}, "test.txt does not say when the assessment was completed: give --assessed YYYY-MM-DD"},
		{Options{Assessed: details.Assessed}, "test.txt does not say which landlord it is for: give --landlord NAME"},
	} {
		if _, err := importText(src, tc.opts); err == nil || err.Error() != tc.want {
			t.Errorf("%+v: %v", tc.opts, err)
		}
	}
}

func TestCSVQuotes(t *testing.T) {
	// A quote inside an unquoted cell is kept as written.
	res, err := Import("q.csv", []byte("Code provision,Code requirement,Comply,Evidence,Commentary\n6.20,Final response,Yes,The 5\" binder on file,\n"), details)
	if err != nil {
		t.Fatal(err)
	}
	if ans, _ := res.Assessment.Answer("6.20"); ans.Evidence != `The 5" binder on file` {
		t.Errorf("evidence %q", ans.Evidence)
	}
	// A quoted cell never closed is an error at its line, not the rest of the file in one cell.
	_, err = Import("q.csv", []byte("Code provision,Code requirement,Comply,Evidence\n6.20,\"Final,Yes,x\n6.19,y,Yes,z\n"), details)
	if err == nil || err.Error() != "q.csv: line 2: the CSV cannot be read there (a quote that is not closed?)" {
		t.Errorf("unclosed quote: %v", err)
	}
}

// TestImportStackedDocx: a Word document in the stacked layout, its details
// in a two-column table, its answers as tick boxes.
func TestImportStackedDocx(t *testing.T) {
	res := importFile(t, filepath.Join(fixtureDir, "ashgrove-2025.docx"), Options{})
	a := res.Assessment
	if a.Code != "chc-2024" || a.Landlord != "Ashgrove Homes" || a.Assessed.String() != "2025-04-14" || a.Period != "2024/25" ||
		a.Approved == nil || a.Approved.By != "Resident Services Committee" || a.Approved.On.String() != "2025-04-29" {
		t.Errorf("details: %s %q %s %q %+v", a.Code, a.Landlord, a.Assessed, a.Period, a.Approved)
	}
	for _, tc := range []struct {
		id     string
		comply assessment.Comply
		check  func(*assessment.Answer) bool
	}{
		{"1.2", assessment.Yes, func(a *assessment.Answer) bool {
			return strings.HasSuffix(a.Evidence, "\n2.1 Any expression of dissatisfaction is logged, whatever words the resident uses.")
		}},
		{"1.3", assessment.Partial, func(a *assessment.Answer) bool {
			return strings.Contains(a.Requirement, "complain:\na) whenever") && len(a.Actions) == 1 &&
				a.Actions[0].Owner == "Insight Manager" && a.Actions[0].Due.String() == "2025-09-30"
		}},
		{"5.8", assessment.Yes, func(a *assessment.Answer) bool { return strings.Contains(a.Evidence, "\n6.3 Cases") }},
		{"6.13", assessment.NA, func(a *assessment.Answer) bool { return strings.HasPrefix(a.Commentary, "Our managing agent") }},
		{"6.20", assessment.Unanswered, func(a *assessment.Answer) bool { return a.Commentary == "Do we comply: Yes ☐ No ☐" }},
	} {
		ans, ok := a.Answer(tc.id)
		if !ok || ans.Comply != tc.comply || !tc.check(ans) {
			t.Errorf("%s: %+v", tc.id, ans)
		}
	}
	if len(a.Answers) != 5 {
		t.Errorf("%d answers, want 5", len(a.Answers))
	}
	if !hasNote(res, "the answer boxes of 6.20") {
		t.Error("the unticked boxes of 6.20 are not reported")
	}
}

// TestImportXLSXVariants: a workbook with its own words for the headers,
// details in two cells, numbers a spreadsheet changed, a stacked sheet and
// an action plan sheet.
func TestImportXLSXVariants(t *testing.T) {
	res := importFile(t, filepath.Join(fixtureDir, "larkfield-2025.xlsx"), Options{})
	a := res.Assessment
	if a.Code != "chc-2024" || a.Landlord != "Larkfield Housing Association" || a.Assessed.String() != "2025-07-04" || a.Period != "2024/25" {
		t.Errorf("details: %s %q %s %q", a.Code, a.Landlord, a.Assessed, a.Period)
	}
	want := map[string]string{ // comply, then each action's due and status
		"1.2": "yes", "1.3": "yes 2025-06-30 done", "1.4": "partial 2025-12-31 open 2026-03-31 open",
		"2.3": "no 2025-05-31 open 2025-08-31 open", "3.4": "n/a", "6.9": " 2026-05-31 open", "6.10": "yes  done",
		"7.4": "yes 2026-03-31 open", "9.5": "yes", "9.6": "partial 2025-10-31 open 2025-09-30 done",
	}
	if len(a.Answers) != len(want) {
		t.Errorf("%d answers, want %d", len(a.Answers), len(want))
	}
	for id, w := range want {
		ans, ok := a.Answer(id)
		if !ok {
			t.Errorf("%s missing", id)
			continue
		}
		got := string(ans.Comply)
		for _, act := range ans.Actions {
			got += " " + act.Due.String() + " " + string(act.Status)
		}
		if got != w {
			t.Errorf("%s: %q, want %q", id, got, w)
		}
	}
	if ans, _ := a.Answer("1.3"); ans.Actions[0].Completed.String() != "2025-06-20" || ans.Actions[0].Owner != "Digital Lead" {
		t.Errorf("1.3 action %+v", ans.Actions[0])
	}
	if ans, _ := a.Answer("6.9"); ans.Commentary != "Compliant?: Yes/No" {
		t.Errorf("6.9: the form's own Yes/No is not kept: %q", ans.Commentary)
	}
	if res.Guessed["6.10"] == "" {
		t.Error("6.10 (stored as 6.1) is not reported as guessed")
	}
	// --sheet reads the stacked sheet alone.
	res = importFile(t, filepath.Join(fixtureDir, "larkfield-2025.xlsx"), Options{Sheet: "Stacked", Landlord: "L", Assessed: assessment.NewDate(2025, 7, 4)})
	if n := len(res.Assessment.Answers); n != 2 {
		t.Errorf("--sheet Stacked: %d answers", n)
	}
}

// TestRoundTripCSV: csa's own CSV form comes back as it was written, but
// for the action plan, which is a table of its own.
func TestRoundTripCSV(t *testing.T) {
	for _, name := range []string{"millbrook-2023-24.yaml", "millbrook-2024-25.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../examples", name))
		if err != nil {
			t.Fatal(err)
		}
		orig, _ := assessment.Parse(name, data)
		cat, err := codes.Lookup(orig.Code, "")
		if err != nil {
			t.Fatal(err)
		}
		var csvOut bytes.Buffer
		if err := report.WriteCSV(&csvOut, report.New(orig, cat, assessment.NewDate(2025, 7, 1)), report.TableForm); err != nil {
			t.Fatal(err)
		}
		res, err := Import("form.csv", csvOut.Bytes(), Options{Landlord: orig.Landlord, Assessed: orig.Assessed})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Catalogue.ID != orig.Code || len(res.Assessment.Answers) != len(orig.Answers) {
			t.Fatalf("%s: %s with %d answers", name, res.Catalogue.ID, len(res.Assessment.Answers))
		}
		for i, want := range orig.Answers {
			got := res.Assessment.Answers[i]
			if got.ID != want.ID || got.Comply != want.Comply || got.Evidence != strings.TrimSpace(want.Evidence) ||
				got.Commentary != strings.TrimSpace(want.Commentary) || got.Requirement != strings.TrimSpace(want.Requirement) ||
				got.Alternative != strings.TrimSpace(want.Alternative) || got.Review != strings.TrimSpace(want.Review) {
				t.Errorf("%s %s: %+v\nbecame %+v", name, want.ID, want, got)
			}
		}
	}
}
