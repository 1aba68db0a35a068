package importer

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
)

// The seeds are two real published self-assessments, kept outside the
// repository in ../shared/seeds ($SEEDS names another place). They are in
// CI; elsewhere a test that needs them skips.

func seed(t *testing.T, name string) []byte {
	t.Helper()
	dir := os.Getenv("SEEDS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "seeds")
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the seeds are missing (%v), and CI needs them", err)
		}
		t.Skipf("the seeds are not in %s", dir)
	}
	return data
}

var reSeedRow = regexp.MustCompile(`^(\d+\.\d+)\b[^\t]*\t`)

// seedRows reads the numbered rows of a seed as the test's own oracle: the
// provision number, and the Comply cell as written.
func seedRows(data []byte) map[string]string {
	rows := map[string]string{}
	for line := range strings.SplitSeq(string(data), "\n") {
		cells := strings.Split(line, "\t")
		if m := reSeedRow.FindStringSubmatch(line); m != nil && len(cells) > 2 {
			rows[m[1]] = strings.TrimSpace(cells[2])
		}
	}
	return rows
}

// asCSV and asDocx write a seed's lines as a spreadsheet's CSV and as a
// Word document's tables, the other shapes the same table arrives in.
func asCSV(data []byte) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for line := range strings.SplitSeq(string(data), "\n") {
		if strings.TrimSpace(line) == "" {
			_ = w.Write([]string{""})
			continue
		}
		_ = w.Write(strings.Split(line, "\t"))
	}
	w.Flush()
	return b.Bytes()
}

func asDocx(t *testing.T, data []byte) []byte {
	var src strings.Builder
	inTable := false
	for line := range strings.SplitSeq(string(data), "\n") {
		switch {
		case strings.TrimSpace(line) == "":
		case strings.Contains(line, "\t"):
			if !inTable {
				src.WriteString("table\n")
				inTable = true
			}
			src.WriteString("row: " + strings.ReplaceAll(line, "\t", " | ") + "\n")
		default:
			src.WriteString("para: " + line + "\n")
			inTable = false
		}
	}
	docx, err := buildDocx(src.String())
	if err != nil {
		t.Fatal(err)
	}
	return docx
}

func TestSeed2024(t *testing.T) {
	data := seed(t, "000_33dbbaf18659506c.txt")
	opts := Options{Landlord: "Seed Housing Association", Assessed: assessment.NewDate(2024, 6, 28)}
	res, err := Import("000.txt", data, opts)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Assessment
	if a.Code != "chc-2024" || !strings.HasPrefix(res.Decision, "detected chc-2024: ") {
		t.Errorf("code %s: %s", a.Code, res.Decision)
	}
	rows := seedRows(data)
	if len(rows) != 42 || len(a.Answers) != 42 {
		t.Errorf("%d numbered rows, %d answers; want 42", len(rows), len(a.Answers))
	}
	actions := 0
	for _, ans := range a.Answers {
		if _, ok := rows[ans.ID]; !ok {
			t.Errorf("%s is not a row of the seed", ans.ID)
		}
		if ans.Comply != assessment.Yes {
			t.Errorf("%s: %q, want yes", ans.ID, ans.Comply)
		}
		if ans.Requirement == "" || strings.Contains(ans.Requirement+ans.Evidence, "<") {
			t.Errorf("%s: requirement %q, evidence %q", ans.ID, ans.Requirement, ans.Evidence)
		}
		for _, act := range ans.Actions {
			actions++
			if act.Owner == "" || act.Status != assessment.Done || act.Text == "" {
				t.Errorf("%s: action %+v", ans.ID, act)
			}
		}
	}
	if actions != 44 {
		t.Errorf("%d actions, want 44 (one per row, two each for 1.5 and 9.3)", actions)
	}
	// Rows a page break split are whole again.
	if ans, _ := a.Answer("5.14"); ans.Comply != assessment.Yes || !strings.HasPrefix(ans.Requirement, "Landlords must have policies and procedures in place for managing unacceptable behaviour") {
		t.Errorf("5.14: %+v", ans)
	}
	if ans, _ := a.Answer("5.8"); !strings.Contains(ans.Requirement, "must:\na. deal with") {
		t.Errorf("5.8 lost its lettered items: %q", ans.Requirement)
	}

	// The same table saved as CSV, or as a Word document's tables, reads the same.
	for _, alt := range []struct {
		name string
		data []byte
	}{{"000.csv", asCSV(data)}, {"000.docx", asDocx(t, data)}} {
		other, err := Import(alt.name, alt.data, opts)
		if err != nil {
			t.Errorf("%s: %v", alt.name, err)
			continue
		}
		if !reflect.DeepEqual(other.Assessment, a) {
			t.Errorf("%s differs from the text:\n%s", alt.name, firstDifference(a, other.Assessment))
		}
	}
}

func TestSeed2022(t *testing.T) {
	data := seed(t, "004_b17d82c4bce15052.txt")
	res, err := Import("004.txt", data, Options{Landlord: "Seed District Council", Assessed: assessment.NewDate(2023, 2, 28)})
	if err != nil {
		t.Fatal(err)
	}
	a := res.Assessment
	if a.Code != "chc-2022" || !strings.HasPrefix(res.Decision, "detected chc-2022: ") {
		t.Errorf("code %s: %s", a.Code, res.Decision)
	}
	rows := seedRows(data)
	rows["5.19"] = "Yes" // the row that lost its number
	if len(rows) != 72 || len(a.Answers) != 72 {
		t.Errorf("%d rows, %d answers; want 72", len(rows), len(a.Answers))
	}
	for _, ans := range a.Answers {
		written, ok := rows[ans.ID]
		if !ok {
			t.Errorf("%s is not a row of the seed", ans.ID)
			continue
		}
		if want := map[string]assessment.Comply{"Yes": assessment.Yes, "No": assessment.No}[written]; ans.Comply != want {
			t.Errorf("%s: %q, but the seed says %q", ans.ID, ans.Comply, written)
		}
	}
	if res.Guessed["5.19"] == "" {
		t.Error("5.19 is not reported as guessed")
	}
	if ans, _ := a.Answer("5.8"); ans.Comply != assessment.No || !strings.HasPrefix(ans.Requirement, "Landlords must confirm the following in writing") ||
		!strings.HasPrefix(ans.Evidence, "Adherence to these requirements is inconsistent across Housing & Property Services.") {
		t.Errorf("5.8: %+v", ans)
	}
	if ans, _ := a.Answer("5.16"); !strings.HasPrefix(ans.Requirement, "the c completion of stage two") {
		t.Errorf("5.16: %q", ans.Requirement)
	}
	for _, ans := range a.Answers {
		if len(ans.Actions) > 0 {
			t.Errorf("%s has actions without --actions-from-prose", ans.ID)
		}
	}
}
