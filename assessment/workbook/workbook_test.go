package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

var asOf = assessment.NewDate(2025, 7, 1)

// load reads an assessment file with its catalogue.
func load(t testing.TB, path string) (*assessment.Assessment, *codes.Catalogue) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, fs := assessment.Parse(path, data)
	cat, err := codes.Lookup(a.Code, filepath.Dir(path))
	if assessment.HasErrors(fs) || err != nil {
		t.Fatalf("%s: %v %v", path, fs, err)
	}
	return a, cat
}

// fixtures are the shipped examples and the fixture with every field.
func fixtures(t testing.TB) []string {
	files, err := filepath.Glob("../../examples/*.yaml")
	groups, _ := filepath.Glob("../../examples/calder-vale/*.yaml")
	if err != nil || len(files) < 2 || len(groups) < 2 {
		t.Fatalf("examples: %v %v %v", files, groups, err)
	}
	return append(append(files, groups...), "testdata/every-field.yaml", "testdata/group.yaml")
}

func write(t testing.TB, a *assessment.Assessment, cat *codes.Catalogue, day assessment.Date) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, a, cat, day); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withoutPositions blanks what a workbook does not carry: where things
// were in the YAML file, and the file's name.
func withoutPositions(a *assessment.Assessment) *assessment.Assessment {
	c := *a
	c.File = ""
	c.CodePos, c.LandlordPos, c.AssessedPos, c.ProvisionsPos, c.EntitiesPos = assessment.Pos{}, assessment.Pos{}, assessment.Pos{}, assessment.Pos{}, assessment.Pos{}
	if a.Entities != nil {
		c.Entities = slices.Clone(a.Entities)
		for i := range c.Entities {
			c.Entities[i].Pos = assessment.Pos{}
		}
	}
	if c.Approved != nil {
		ap := *c.Approved
		ap.Pos = assessment.Pos{}
		c.Approved = &ap
	}
	if c.Response != nil {
		rs := *c.Response
		rs.Pos = assessment.Pos{}
		c.Response = &rs
	}
	c.Answers = make([]assessment.Answer, len(a.Answers))
	for i, ans := range a.Answers {
		ans.Pos, ans.ComplyPos, ans.ReviewPos = assessment.Pos{}, assessment.Pos{}, assessment.Pos{}
		ans.EvidencePos, ans.CommentaryPos = assessment.TextPos{}, assessment.TextPos{}
		acts := make([]assessment.Action, len(ans.Actions))
		for j, act := range ans.Actions {
			act.Pos, act.DuePos = assessment.Pos{}, assessment.Pos{}
			acts[j] = act
		}
		if len(acts) == 0 {
			acts = nil
		}
		ans.Actions = acts
		if ans.Entities != nil {
			es := make([]assessment.EntityAnswer, 0, len(ans.Entities))
			for _, e := range ans.Entities {
				e.Pos, e.ComplyPos, e.EvidencePos, e.CommentaryPos = assessment.Pos{}, assessment.Pos{}, assessment.TextPos{}, assessment.TextPos{}
				eacts := make([]assessment.Action, len(e.Actions))
				for j, act := range e.Actions {
					act.Pos, act.DuePos = assessment.Pos{}, assessment.Pos{}
					eacts[j] = act
				}
				if len(eacts) == 0 {
					eacts = nil
				}
				e.Actions = eacts
				es = append(es, e)
			}
			ans.Entities = inGroupOrder(a, es)
		}
		c.Answers[i] = ans
	}
	return &c
}

// inProvisionOrder sorts the answers as the workbook lists them: by
// provision, a provision answered twice in file order.
func inProvisionOrder(a *assessment.Assessment) *assessment.Assessment {
	c := *a
	c.Answers = slices.Clone(a.Answers)
	slices.SortStableFunc(c.Answers, func(x, y assessment.Answer) int { return codes.CompareID(x.ID, y.ID) })
	return &c
}

// TestRoundTrip: Read gives back what Write was given, answers in provision
// order (every-field.yaml has them out of order, and 2.1 twice).
func TestRoundTrip(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			a, cat := load(t, path)
			got, ok, err := Read(bytes.NewReader(write(t, a, cat, asOf)))
			if err != nil || !ok {
				t.Fatalf("Read: ok=%v err=%v", ok, err)
			}
			want := inProvisionOrder(withoutPositions(a))
			if g := withoutPositions(got); !reflect.DeepEqual(g, want) {
				for i := range max(len(g.Answers), len(want.Answers)) {
					if i >= len(g.Answers) || i >= len(want.Answers) || !reflect.DeepEqual(g.Answers[i], want.Answers[i]) {
						t.Errorf("answer %d differs", i)
						if i < len(g.Answers) {
							t.Errorf("got  %+v", g.Answers[i])
						}
						if i < len(want.Answers) {
							t.Errorf("want %+v", want.Answers[i])
						}
						break
					}
				}
				g.Answers, want.Answers = nil, nil
				if !reflect.DeepEqual(g, want) {
					t.Errorf("facts differ:\ngot  %+v\nwant %+v", g, want)
				}
			}
		})
	}
}

// TestReadKeepsEdits: a landlord edits the workbook in a spreadsheet and
// imports it; what they typed must come back.
func TestReadKeepsEdits(t *testing.T) {
	a, cat := load(t, "testdata/every-field.yaml")
	f := open(t, write(t, a, cat, asOf))
	// 1.4 was not in the file: answering it in the workbook brings it in.
	row := findRow(t, f, SheetForm, "1.4")
	set(t, f, SheetForm, "F"+row, "Yes")
	set(t, f, SheetForm, "G"+row, "Typed in Excel.")
	// A requirement that came from csa's summary, reworded: the landlord's now.
	row = findRow(t, f, SheetForm, "1.5")
	set(t, f, SheetForm, "D"+row, "Our wording for 1.5.")
	set(t, f, SheetForm, "F"+row, "no")
	// A column the landlord added is kept in the commentary.
	set(t, f, SheetForm, "K1", "Lead officer")
	set(t, f, SheetForm, "K"+row, "Siân")
	// A date typed as text, a status in capitals, on 6.10's first action.
	row = findRow(t, f, SheetActions, "6.10")
	set(t, f, SheetActions, "D"+row, "2025-07-15")
	set(t, f, SheetActions, "E"+row, "DONE")
	// An action added below the last row, for a provision with none yet.
	last, err := f.GetRows(SheetActions)
	if err != nil {
		t.Fatal(err)
	}
	added := strconv.Itoa(len(last) + 1)
	set(t, f, SheetActions, "A"+added, "1.2")
	set(t, f, SheetActions, "B"+added, "Added in Excel.")
	set(t, f, SheetActions, "E"+added, "Open")

	got, ok, err := Read(bytes.NewReader(save(t, f)))
	if err != nil || !ok {
		t.Fatalf("Read: ok=%v err=%v", ok, err)
	}
	a14, ok14 := got.Answer("1.4")
	if !ok14 || a14.Comply != assessment.Yes || a14.Evidence != "Typed in Excel." {
		t.Errorf("1.4: %+v", a14)
	}
	a15, ok15 := got.Answer("1.5")
	if !ok15 || a15.Requirement != "Our wording for 1.5." || a15.Comply != assessment.No || a15.Commentary != "Lead officer: Siân" {
		t.Errorf("1.5: %+v", a15)
	}
	if _, ok := got.Answer("1.6"); ok {
		t.Error("1.6 was not in the file and nobody wrote in its row: it must stay out")
	}
	a610, _ := got.Answer("6.10")
	act := a610.Actions[0]
	if act.Due != assessment.NewDate(2025, 7, 15) || act.Status != assessment.Done {
		t.Errorf("first action: %+v", act)
	}
	if a12, _ := got.Answer("1.2"); len(a12.Actions) != 1 || a12.Actions[0].Text != "Added in Excel." {
		t.Errorf("the added action: %+v", a12.Actions)
	}
}

func TestReadNotCsas(t *testing.T) {
	plain := excelize.NewFile()
	if err := plain.SetCellStr("Sheet1", "A1", "Code provision"); err != nil {
		t.Fatal(err)
	}
	// A Summary sheet that is someone else's.
	other := excelize.NewFile()
	if _, err := other.NewSheet(SheetSummary); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"plain": save(t, plain), "other summary": save(t, other)} {
		a, ok, err := Read(bytes.NewReader(data))
		if a != nil || ok || err != nil {
			t.Errorf("%s: got %v %v %v, want nil, false, nil so the importer falls back", name, a, ok, err)
		}
	}
	if _, ok, err := Read(strings.NewReader("code: chc-2024\n")); ok || err == nil {
		t.Errorf("YAML is not a workbook: ok=%v err=%v", ok, err)
	}
}

// TestReadHostile: a damaged or hand-edited workbook gives an error naming
// the sheet and cell, never a panic or a silent default.
func TestReadHostile(t *testing.T) {
	a, cat := load(t, "testdata/every-field.yaml")
	base := write(t, a, cat, asOf)
	markerRow := findRow(t, open(t, base), SheetSummary, KeyWrittenBy)
	r := findRow(t, open(t, base), SheetForm, "6.10")
	tests := []struct {
		name string
		edit func(f *excelize.File)
		want string
	}{
		{"bad comply", func(f *excelize.File) { set(t, f, SheetForm, "F"+r, "Maybe") },
			`sheet "Self-assessment", cell F` + r + `: comply "Maybe" for provision 6.10 is not an answer: choose Yes, No, Partial or N/A`},
		{"bad due date", func(f *excelize.File) { set(t, f, SheetActions, "D2", "soon") },
			`sheet "Action plan", cell D2: "soon" is not a date: enter a date such as 2025-09-30`},
		{"date out of range", func(f *excelize.File) {
			if err := f.SetCellFloat(SheetActions, "F3", -5, -1, 64); err != nil {
				t.Fatal(err)
			}
		}, `sheet "Action plan", cell F3: -5 is not a date a workbook can hold`},
		{"bad status", func(f *excelize.File) { set(t, f, SheetActions, "E2", "Started") },
			`sheet "Action plan", cell E2: status "Started" should be Open or Done`},
		{"bad draft", func(f *excelize.File) { set(t, f, SheetActions, "G2", "perhaps") },
			`sheet "Action plan", cell G2: draft "perhaps" should be Yes or blank`},
		{"action without provision", func(f *excelize.File) { set(t, f, SheetActions, "A2", "") },
			`sheet "Action plan", cell A2: this action has no Code provision`},
		{"action of a provision not on the form sheet", func(f *excelize.File) { set(t, f, SheetActions, "A2", "7.77") },
			`sheet "Action plan", cell A2: provision 7.77 has an action but no row on the "Self-assessment" sheet`},
		{"blank action", func(f *excelize.File) { set(t, f, SheetActions, "B2", " ") },
			`sheet "Action plan", cell B2: the action for provision 1.3 is blank`},
		{"row without provision", func(f *excelize.File) { set(t, f, SheetForm, "A3", "") },
			`sheet "Self-assessment", cell A3: this row has no Code provision`},
		{"comply column gone", func(f *excelize.File) { set(t, f, SheetForm, "F1", "Answer") },
			`sheet "Self-assessment", cell A1: no column headed "Comply" in the first row`},
		{"header twice", func(f *excelize.File) { set(t, f, SheetForm, "J1", "Evidence") },
			`sheet "Self-assessment", cell J1: the header "Evidence" appears twice`},
		{"sheet deleted", func(f *excelize.File) {
			if err := f.DeleteSheet(SheetActions); err != nil {
				t.Fatal(err)
			}
		}, `sheet "Action plan": the sheet is missing`},
		{"newer format", func(f *excelize.File) { set(t, f, SheetSummary, "B"+markerRow, "workbook format 9") },
			`the workbook was written by a newer csa (workbook format 9; this csa reads format 1)`},
		{"garbled format", func(f *excelize.File) { set(t, f, SheetSummary, "B"+markerRow, "x") },
			`sheet "Summary", cell B` + markerRow + `: "x" is not a workbook format csa knows`},
		{"code blank", func(f *excelize.File) { set(t, f, SheetSummary, "B2", "") },
			`sheet "Summary", cell B2: the Code is blank`},
		{"assessed not a date", func(f *excelize.File) { set(t, f, SheetSummary, "B4", "last May") },
			`sheet "Summary", cell B4: "last May" is not a date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := open(t, base)
			tt.edit(f)
			got, ok, err := Read(bytes.NewReader(save(t, f)))
			if err == nil || !ok || got != nil {
				t.Fatalf("got %v %v %v, want an error", got != nil, ok, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestReadDamaged(t *testing.T) {
	a, cat := load(t, "testdata/every-field.yaml")
	data := write(t, a, cat, asOf)
	for _, cut := range []int{0, 10, len(data) / 2, len(data) - 10} {
		_, ok, err := Read(bytes.NewReader(data[:cut]))
		if err == nil || ok {
			t.Errorf("cut at %d: ok=%v err=%v, want an error", cut, ok, err)
		}
	}
}

func TestWriteRefusesWhatACellCannotHold(t *testing.T) {
	a, cat := load(t, "testdata/every-field.yaml")
	long := *a
	long.Answers = append([]assessment.Answer(nil), a.Answers...)
	long.Answers[1].Evidence = strings.Repeat("é", 32768)
	escapes := *a // each control character takes 7 characters as _xHHHH_
	escapes.Answers = append([]assessment.Answer(nil), a.Answers...)
	escapes.Answers[2].Commentary = strings.Repeat("\x07", 5000)
	tests := []struct {
		a    *assessment.Assessment
		want string
	}{
		{&long, "provision 1.2: its evidence is 32768 characters long, more than a spreadsheet cell holds"},
		{&escapes, "provision 1.3: its commentary is 35000 characters long"},
	}
	for _, tt := range tests {
		err := Write(new(bytes.Buffer), tt.a, cat, asOf)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("got %v, want %q", err, tt.want)
		}
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"_x0041_", "_x005F_x0041_"},
		{"a_x00e9_b _xZZZZ_ _x12_", "a_x005F_x00e9_b _xZZZZ_ _x12_"},
		{"bell\x07 nul\x00", "bell_x0007_ nul_x0000_"},
		{"tab\tcr\rlf\n", "tab\tcr\rlf\n"},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCellErrorIsACellError(t *testing.T) {
	a, cat := load(t, "testdata/every-field.yaml")
	f := open(t, write(t, a, cat, asOf))
	set(t, f, SheetForm, "F3", "Maybe")
	_, _, err := Read(bytes.NewReader(save(t, f)))
	var ce *CellError
	if !errors.As(err, &ce) || ce.Sheet != SheetForm || ce.Cell != "F3" {
		t.Errorf("want a *CellError for F3, got %#v", err)
	}
}

// FuzzRead: whatever the bytes, Read returns; it never panics. Part 0
// fuzzes whole files; since a mutated zip mostly fails its checksum, parts
// 1 to 4 put the bytes in place of one part of csa's workbook (the
// Self-assessment, Action plan and Summary sheets' XML, and the shared
// strings), stored uncompressed, so that the fuzzing reaches the cells.
// Inputs over 256 KB are passed over: the limits make them cheap to
// refuse, and the fuzzer's time is better spent on many small ones.
func FuzzRead(f *testing.F) {
	every, cat := load(f, "testdata/every-field.yaml")
	base := parts(f, write(f, every, cat, asOf))
	for _, path := range fixtures(f) {
		a, cat := load(f, path)
		f.Add(write(f, a, cat, asOf), uint8(0))
	}
	f.Add(wideWorkbook(f), uint8(0))
	f.Add([]byte("PK\x03\x04"), uint8(0))
	f.Add([]byte{}, uint8(0))
	for i, name := range fuzzParts {
		f.Add(base[name], uint8(i+1))
	}
	f.Fuzz(func(t *testing.T, data []byte, part uint8) {
		if len(data) > 256<<10 {
			return
		}
		if p := int(part) % (len(fuzzParts) + 1); p > 0 {
			data = withPart(base, fuzzParts[p-1], data)
		}
		a, ok, err := Read(bytes.NewReader(data))
		if err == nil && ok && a == nil {
			t.Fatal("ok with no assessment and no error")
		}
	})
}

// fuzzParts are the parts of csa's workbook FuzzRead replaces.
var fuzzParts = []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/sharedStrings.xml"}

// parts unzips a workbook.
func parts(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range fuzzParts {
		if _, ok := out[name]; !ok {
			t.Fatalf("the workbook has no %s", name)
		}
	}
	return out
}

// withPart zips the parts, stored, with one of them replaced.
func withPart(parts map[string][]byte, name string, body []byte) []byte {
	names := slices.Sorted(maps.Keys(parts))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
		if err != nil {
			panic(err)
		}
		b := parts[n]
		if n == name {
			b = body
		}
		if _, err := w.Write(b); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func save(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func set(t testing.TB, f *excelize.File, sheet, cell, v string) {
	t.Helper()
	if err := f.SetCellStr(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
}

// findRow returns the number of the first row whose column A holds v.
func findRow(t testing.TB, f *excelize.File, sheet, v string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == v {
			return itoa(i + 1)
		}
	}
	t.Fatalf("%s has no row %q", sheet, v)
	return ""
}

func itoa(n int) string {
	name, _ := excelize.CoordinatesToCellName(1, n)
	return name[1:]
}

// TestWriteIsDeterministic: no timestamp, no map order; the same assessment
// gives the same bytes.
func TestWriteIsDeterministic(t *testing.T) {
	for _, path := range fixtures(t) {
		a, cat := load(t, path)
		if !bytes.Equal(write(t, a, cat, asOf), write(t, a, cat, asOf)) {
			t.Errorf("%s: two workbooks differ", path)
		}
	}
}
