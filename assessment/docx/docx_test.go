package docx

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/codes"
)

var asOf = assessment.NewDate(2025, 7, 1)

func load(t testing.TB, path string) (*assessment.Assessment, *codes.Catalogue) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, fs := assessment.Parse(path, data)
	if assessment.HasErrors(fs) {
		t.Fatalf("%s: %v", path, fs)
	}
	cat, err := codes.Lookup(a.Code, "")
	if err != nil {
		t.Fatal(err)
	}
	return a, cat
}

func write(t testing.TB, a *assessment.Assessment, cat *codes.Catalogue) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, report.New(a, cat, asOf)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fixtures(t *testing.T) []string {
	files, err := filepath.Glob("../../examples/*.yaml")
	groups, _ := filepath.Glob("../../examples/calder-vale/*.yaml")
	if err != nil || len(files) < 2 || len(groups) < 2 {
		t.Fatalf("examples: %v %v %v", files, groups, err)
	}
	return append(append(files, groups...), "testdata/every-field.yaml", "testdata/group.yaml")
}

func lookup(code string) (*codes.Catalogue, error) { return codes.Lookup(code, "") }

// comparable is the assessment as the document carries it: no positions,
// answers in provision order, each one's actions in the action plan's
// order (by due date, none last), the introduction and response as
// paragraphs.
func comparable(a *assessment.Assessment) *assessment.Assessment {
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
	c.Introduction = strings.Join(report.Paragraphs(c.Introduction), "\n\n")
	if c.Response != nil {
		rs := *c.Response
		rs.Pos, rs.Text = assessment.Pos{}, strings.Join(report.Paragraphs(rs.Text), "\n\n")
		c.Response = &rs
	}
	c.Answers = nil
	byDue := func(actions []assessment.Action) []assessment.Action {
		var acts []assessment.Action
		for _, act := range actions {
			act.Pos, act.DuePos = assessment.Pos{}, assessment.Pos{}
			acts = append(acts, act)
		}
		slices.SortStableFunc(acts, func(x, y assessment.Action) int {
			switch {
			case x.Due.IsZero() && y.Due.IsZero():
				return 0
			case x.Due.IsZero():
				return 1
			case y.Due.IsZero():
				return -1
			}
			return x.Due.Time().Compare(y.Due.Time())
		})
		return acts
	}
	for _, ans := range a.Answers {
		ans.Pos, ans.ComplyPos, ans.ReviewPos = assessment.Pos{}, assessment.Pos{}, assessment.Pos{}
		ans.EvidencePos, ans.CommentaryPos = assessment.TextPos{}, assessment.TextPos{}
		ans.Actions = byDue(ans.Actions)
		if ans.Entities != nil {
			var es []assessment.EntityAnswer
			for _, e := range ans.Entities {
				e.Pos, e.ComplyPos, e.EvidencePos, e.CommentaryPos = assessment.Pos{}, assessment.Pos{}, assessment.TextPos{}, assessment.TextPos{}
				e.Actions = byDue(e.Actions)
				es = append(es, e)
			}
			ans.Entities = inGroupOrder(a, es)
		}
		c.Answers = append(c.Answers, ans)
	}
	slices.SortStableFunc(c.Answers, func(x, y assessment.Answer) int { return codes.CompareID(x.ID, y.ID) })
	return &c
}

// TestRoundTrip: Read gives back what Write was given.
func TestRoundTrip(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			a, cat := load(t, path)
			got, ok, err := Read(write(t, a, cat), lookup)
			if err != nil || !ok {
				t.Fatalf("Read: ok=%v err=%v", ok, err)
			}
			want := comparable(a)
			got = comparable(got)
			for i := range max(len(got.Answers), len(want.Answers)) {
				if i >= len(got.Answers) || i >= len(want.Answers) || !reflect.DeepEqual(got.Answers[i], want.Answers[i]) {
					t.Errorf("answer %d differs", i)
					if i < len(got.Answers) {
						t.Errorf("got  %+v", got.Answers[i])
					}
					if i < len(want.Answers) {
						t.Errorf("want %+v", want.Answers[i])
					}
					break
				}
			}
			got.Answers, want.Answers = nil, nil
			if !reflect.DeepEqual(got, want) {
				t.Errorf("facts differ:\ngot  %+v %+v %+v\nwant %+v %+v %+v", got, got.Approved, got.Response, want, want.Approved, want.Response)
			}
		})
	}
}

// TestDeterministic: the same report gives the same bytes.
func TestDeterministic(t *testing.T) {
	a, cat := load(t, "testdata/every-field.yaml")
	if !bytes.Equal(write(t, a, cat), write(t, a, cat)) {
		t.Error("two writes of one report differ")
	}
}

func parts(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(b)
	}
	return out
}

// TestLayout: the form's columns, a table per section with its header row
// repeated, rows never split, landscape A4, the draft mark and the
// running title.
func TestLayout(t *testing.T) {
	for _, tt := range []struct {
		path   string
		header []string
		tables int // form tables
		draft  bool
	}{
		{"../../examples/millbrook-2024-25.yaml", []string{"Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"}, 9, false},
		{"../../examples/millbrook-2023-24.yaml", []string{"Code section", "Code requirement", "Comply: Yes/No", "Evidence, commentary and any explanations"}, 15, false},
		{"testdata/every-field.yaml", []string{"Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"}, 10, true},
	} {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			a, cat := load(t, tt.path)
			p := parts(t, write(t, a, cat))
			body := p["word/document.xml"]
			var d struct {
				Body struct {
					Tables []struct {
						Rows []struct {
							Header    *struct{} `xml:"trPr>tblHeader"`
							CantSplit *struct{} `xml:"trPr>cantSplit"`
							Cells     []struct {
								Paras []struct {
									Runs []struct {
										Text []string `xml:"t"`
									} `xml:"r"`
								} `xml:"p"`
							} `xml:"tc"`
						} `xml:"tr"`
					} `xml:"tbl"`
					Sect struct {
						Size struct {
							W      int    `xml:"w,attr"`
							H      int    `xml:"h,attr"`
							Orient string `xml:"orient,attr"`
						} `xml:"pgSz"`
					} `xml:"sectPr"`
				} `xml:"body"`
			}
			if err := xml.Unmarshal([]byte(body), &d); err != nil {
				t.Fatalf("document.xml is not XML: %v", err)
			}
			forms := 0
			for _, tb := range d.Body.Tables {
				var head []string
				for _, c := range tb.Rows[0].Cells {
					var s []string
					for _, p := range c.Paras {
						for _, r := range p.Runs {
							s = append(s, r.Text...)
						}
					}
					head = append(head, strings.Join(s, ""))
				}
				if !reflect.DeepEqual(head, tt.header) {
					continue
				}
				forms++
				if tb.Rows[0].Header == nil {
					t.Error("a form table's header row is not repeated on each page")
				}
				for _, r := range tb.Rows {
					if r.CantSplit == nil {
						t.Error("a form row may split across pages")
					}
				}
			}
			if forms != tt.tables {
				t.Errorf("%d form tables, want %d", forms, tt.tables)
			}
			if s := d.Body.Sect.Size; s.W != landscapeW || s.H != landscapeH || s.Orient != "landscape" {
				t.Errorf("page %+v, want A4 landscape", s)
			}
			if got := strings.Contains(body, "DRAFT. </w:t>"); got != tt.draft {
				t.Errorf("draft mark %v, want %v", got, tt.draft)
			}
			if got := strings.Contains(p["word/header1.xml"], "DRAFT: "); got != tt.draft {
				t.Errorf("DRAFT in the running title %v, want %v", got, tt.draft)
			}
			if !strings.Contains(p["word/footer1.xml"], "NUMPAGES") {
				t.Error("no page numbers")
			}
		})
	}
}

// TestHostile: text from the assessment never becomes Word markup, and
// control and direction characters are shown, never obeyed.
func TestHostile(t *testing.T) {
	a, cat := load(t, "testdata/every-field.yaml")
	a.Answers[0].Evidence = "</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t>injected\u202eevil\u202c \x1b[31mred\x07 ]]> &amp; \ufffe"
	a.Landlord = "Evil\u2066 Homes\u2069"
	data := write(t, a, cat)
	p := parts(t, data)
	for name, part := range p {
		if err := xml.Unmarshal([]byte(part), new(any)); err != nil && strings.HasSuffix(name, ".xml") {
			t.Errorf("%s is not well-formed XML: %v", name, err)
		}
		for _, bad := range []string{"\u202e", "\u2066", "\x1b", "\x07"} {
			if strings.Contains(part, bad) {
				t.Errorf("%s holds %q raw", name, bad)
			}
		}
	}
	body := p["word/document.xml"]
	for _, want := range []string{`\u202e`, `\x1b`, `\a`, `\u2066`, "&lt;/w:t&gt;"} {
		if !strings.Contains(body, want) {
			t.Errorf("document.xml does not show %q", want)
		}
	}
	// The document still reads back, the text as shown.
	got, ok, err := Read(data, lookup)
	if err != nil || !ok {
		t.Fatalf("Read: %v %v", ok, err)
	}
	if ev := got.Answers[0].Evidence; !strings.HasPrefix(ev, "</w:t></w:r></w:p>") || !strings.Contains(ev, `injected\u202eevil`) {
		t.Errorf("evidence read back as %q", ev)
	}
}

// TestNotOwn: a Word document without csa's marker is not csa's; one from a
// newer csa is refused.
func TestNotOwn(t *testing.T) {
	a, cat := load(t, "../../examples/millbrook-2024-25.yaml")
	data := write(t, a, cat)
	for _, tt := range []struct {
		name    string
		from    string
		to      string
		own     bool
		wantErr string
	}{
		{"no marker", PropWrittenBy, "Written by someone", false, ""},
		{"newer", "Word format 1", "Word format 9", true, "newer csa"},
		{"nonsense", "Word format 1", "Word format x", true, "not a Word format"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := parts(t, data)
			p["docProps/custom.xml"] = strings.Replace(p["docProps/custom.xml"], tt.from, tt.to, 1)
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			names := make([]string, 0, len(p))
			for n := range p {
				names = append(names, n)
			}
			slices.SortFunc(names, cmp.Compare)
			for _, n := range names {
				w, _ := zw.Create(n)
				io.WriteString(w, p[n])
			}
			zw.Close()
			_, ok, err := Read(buf.Bytes(), lookup)
			if ok != tt.own || (tt.wantErr == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ok=%v err=%v; want ok=%v err containing %q", ok, err, tt.own, tt.wantErr)
			}
		})
	}
	if _, ok, err := Read([]byte("not a zip"), lookup); ok || err != nil {
		t.Errorf("not a zip: ok=%v err=%v", ok, err)
	}
}

// TestLibreOffice: LibreOffice converts the document to PDF without
// complaint. Skipped where LibreOffice is not installed.
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if soffice, err = exec.LookPath("libreoffice"); err != nil {
			t.Skip("LibreOffice is not installed")
		}
	}
	if testing.Short() {
		t.Skip("-short")
	}
	dir := t.TempDir()
	for _, path := range fixtures(t) {
		a, cat := load(t, path)
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		if err := os.WriteFile(filepath.Join(dir, name+".docx"), write(t, a, cat), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
			"--convert-to", "pdf", "--outdir", dir, filepath.Join(dir, name+".docx"))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: LibreOffice failed: %v\n%s", name, err, out)
		}
		for _, line := range strings.Split(string(out), "\n") {
			if l := strings.ToLower(line); strings.Contains(l, "error") || strings.Contains(l, "general input/output") {
				t.Errorf("%s: LibreOffice says %q", name, line)
			}
		}
		pdf, err := os.ReadFile(filepath.Join(dir, name+".pdf"))
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdf) < 10000 {
			t.Errorf("%s: no PDF from LibreOffice (%d bytes, %v)", name, len(pdf), err)
		}
	}
}

// BenchmarkWriteDOCX reads a 72-provision assessment and writes its Word
// document, as csa report -f docx does: go test -bench WriteDOCX ./assessment/docx/
func BenchmarkWriteDOCX(b *testing.B) {
	data, err := os.ReadFile("../../examples/millbrook-2024-25.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		a, _ := assessment.Parse("a.yaml", data)
		cat, _ := codes.Lookup(a.Code, "")
		if err := Write(io.Discard, report.New(a, cat, asOf)); err != nil {
			b.Fatal(err)
		}
	}
}
