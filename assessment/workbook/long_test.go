package workbook

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// longCatalogue is a landlord's catalogue, in a file, whose provision 1.2
// has text, and whose section 1 and title are, longer than a spreadsheet
// cell holds; with an assessment that answers 1.2 in its own words and 1.3
// without them.
func longCatalogue(t *testing.T) (*assessment.Assessment, *codes.Catalogue, string) {
	t.Helper()
	long := strings.Repeat("The landlord must do this. ", 1500) // 40,500 characters
	path := filepath.Join(t.TempDir(), "own.yaml")
	src := "catalogue: own\ntitle: " + long + "\nsections:\n  - number: 1\n    title: " + long +
		"\nprovisions:\n  - id: \"1.2\"\n    summary: Two.\n    text: " + long + "\n  - id: \"1.3\"\n    summary: Three.\n    text: " + long + "\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := codes.Lookup(path, "")
	if err != nil {
		t.Fatal(err)
	}
	a := &assessment.Assessment{Code: path, Landlord: "Fictional Homes", Assessed: assessment.NewDate(2025, 5, 31),
		Answers: []assessment.Answer{
			{ID: "1.2", Comply: assessment.Yes, Evidence: "Policy.", Requirement: "Our own words."},
			{ID: "1.3", Comply: assessment.No, Evidence: "Not yet."},
		}}
	return a, cat, long
}

// TestCatalogueTextLongerThanACell: the catalogue's text is shortened in
// the workbook only visibly, with a note that it was cut and where the
// whole text is; it is never read back as the landlord's wording. Before,
// excelize cut it silently at 32,767 characters, and import took the cut
// text for the landlord's own.
func TestCatalogueTextLongerThanACell(t *testing.T) {
	a, cat, long := longCatalogue(t)
	data := write(t, a, cat, asOf)
	f := open(t, data)
	req, err := f.GetCellValue(SheetForm, "D3") // 1.3: the catalogue's text
	if err != nil {
		t.Fatal(err)
	}
	if units(req) > maxCell || !strings.HasPrefix(req, long[:30000]) ||
		!strings.Contains(req, "… [cut to fit a spreadsheet cell: the whole text is in the catalogue "+a.Code+"; check ") {
		t.Errorf("D3 (%d characters) ends %q", units(req), req[max(0, len(req)-200):])
	}
	for _, c := range [][2]string{{SheetForm, "B3"}, {SheetSummary, "B3"}} {
		v, err := f.GetCellValue(c[0], c[1])
		if err != nil {
			t.Fatal(err)
		}
		if units(v) > maxCell || !strings.Contains(v, "… [cut to fit a spreadsheet cell: the whole title is in the catalogue") {
			t.Errorf("%s!%s (%d characters) ends %q", c[0], c[1], units(v), v[max(0, len(v)-120):])
		}
	}

	// Read back: the assessment as it was; 1.3 has no requirement.
	got, ok, err := Read(bytes.NewReader(data))
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if want := withoutPositions(a); !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got.Answers, want.Answers)
	}

	// Without the catalogue to compare, and whatever the source column
	// says, the cut text is still known for the catalogue's.
	for _, source := range []string{SourceCode, SourceLandlord} {
		f := open(t, data)
		set(t, f, SheetSummary, "B2", "missing.yaml")
		set(t, f, SheetForm, "E3", source)
		got, ok, err := Read(bytes.NewReader(save(t, f)))
		if err != nil || !ok {
			t.Fatal(ok, err)
		}
		if ans, _ := got.Answer("1.3"); ans.Requirement != "" {
			t.Errorf("source %q: requirement of %d characters read back", source, len(ans.Requirement))
		}
	}

	// Edited, the cut text cannot be told from the landlord's: refused,
	// naming the cell.
	f = open(t, data)
	set(t, f, SheetForm, "D3", "Edited. "+req)
	_, _, err = Read(bytes.NewReader(save(t, f)))
	var ce *CellError
	if !errors.As(err, &ce) || ce.Sheet != SheetForm || ce.Cell != "D3" || !strings.Contains(ce.Msg, "was cut to fit the cell") {
		t.Errorf("edited cut text: %v", err)
	}
}

// TestLandlordTextLongerThanACell: the landlord's own text is never cut:
// the workbook is refused, naming the provision and the field.
func TestLandlordTextLongerThanACell(t *testing.T) {
	a, cat, long := longCatalogue(t)
	for _, tc := range []struct {
		set  func(*assessment.Answer)
		want string
	}{
		{func(ans *assessment.Answer) { ans.Requirement = long }, "provision 1.2: its requirement is 40500 characters long"},
		{func(ans *assessment.Answer) { ans.Alternative = long }, "provision 1.2: its alternative is 40500 characters long"},
		{func(ans *assessment.Answer) { ans.Actions = []assessment.Action{{Text: long, Status: assessment.Open}} }, "provision 1.2: its action is 40500 characters long"},
	} {
		b := *a
		b.Answers = append([]assessment.Answer(nil), a.Answers...)
		tc.set(&b.Answers[0])
		err := Write(new(bytes.Buffer), &b, cat, asOf)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
}
