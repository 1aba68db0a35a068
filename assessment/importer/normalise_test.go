package importer

import (
	"testing"

	"github.com/csa-tool/csa/assessment"
)

func TestParseAnswer(t *testing.T) {
	for _, tc := range []struct {
		cell  string
		want  assessment.Comply
		exact bool
		ok    bool
	}{
		{"Yes", assessment.Yes, true, true},
		{"Yes.", assessment.Yes, true, true},
		{"YES", assessment.Yes, true, true},
		{" y ", assessment.Yes, true, true},
		{"<p>Yes</p>", assessment.Yes, true, true},
		{"Compliant", assessment.Yes, true, true},
		{"✓", assessment.Yes, true, true},
		{"No.", assessment.No, true, true},
		{"NO", assessment.No, true, true},
		{"Non-compliant", assessment.No, true, true},
		{"Partial", assessment.Partial, true, true},
		{"Partially compliant", assessment.Partial, true, true},
		{"partly met", assessment.Partial, true, true},
		{"N/A", assessment.NA, true, true},
		{"NA", assessment.NA, true, true},
		{"n.a.", assessment.NA, true, true},
		{"Not applicable", assessment.NA, true, true},
		{"", assessment.Unanswered, true, true},
		{"   ", assessment.Unanswered, true, true},
		{"Yes - see action", assessment.Yes, false, true},
		{"Yes – policy updated", assessment.Yes, false, true},
		{"No. Work has started", assessment.No, false, true},
		{"Partially (see commentary)", assessment.Partial, false, true},
		{"Not applicable to us", assessment.NA, false, true},
		{"Yes/No", assessment.Unanswered, false, false},
		{"Yes / No", assessment.Unanswered, false, false},
		{"Yes – partially", assessment.Partial, false, true},
		{"Yes, in part: see commentary", assessment.Partial, false, true},
		{"Yes (partly)", assessment.Partial, false, true},
		{"Yes, but only partially", assessment.Partial, false, true},
		{"Yes, fully", assessment.Yes, false, true},
		{"Yes ☒ No ☐", assessment.Yes, true, true},
		{"Yes ☐ No ☒", assessment.No, true, true},
		{"☐ Yes ☐ No ☒ Partial", assessment.Partial, true, true},
		{"☒ Yes ☐ No", assessment.Yes, true, true},
		{"Yes ☐ No ☐", assessment.Unanswered, true, false},
		{"Yes ☒ No ☒", assessment.Unanswered, true, false},
		{"Yes ✓ No ✗", assessment.Yes, true, true},
		{"Yes ✗ No ✓", assessment.No, true, true},
		{"✗", assessment.No, true, true},
		{"Maybe", assessment.Unanswered, false, false},
		{"Nobody knows", assessment.Unanswered, false, false},
		{"Y es", assessment.Unanswered, false, false},
		{"N something", assessment.Unanswered, false, false},
	} {
		got, exact, ok := parseAnswer(tc.cell)
		if got != tc.want || exact != tc.exact || ok != tc.ok {
			t.Errorf("parseAnswer(%q) = %q, exact %v, ok %v; want %q, %v, %v", tc.cell, got, exact, ok, tc.want, tc.exact, tc.ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2024-05-31", "2024-05-31"},
		{"31 May 2024", "2024-05-31"},
		{"31st May 2024", "2024-05-31"},
		{"1 April 2024", "2024-04-01"},
		{"May 31, 2024", "2024-05-31"},
		{"31/05/2024", "2024-05-31"},
		{"01/06/2024", "2024-06-01"}, // day first: 1 June, not 6 January
		{"1/6/24", "2024-06-01"},
		{"31.05.2024", "2024-05-31"},
		{"May 2024", "2024-05-31"},
		{"February 2024", "2024-02-29"},
		{"Sept 2025", "2025-09-30"},
		{"Mar-25", "2025-03-31"},
		{"end of June 2025", "2025-06-30"},
		{"by March 2025", "2025-03-31"},
		{"2024/25", "2025-03-31"},
		{"2024-25", "2025-03-31"},
		{"2024/2025", "2025-03-31"},
		{"Q1 2024/25", "2024-06-30"},
		{"Q2 2024/25", "2024-09-30"},
		{"Q3 2024/25", "2024-12-31"},
		{"Q4 2024/25", "2025-03-31"},
		{"Q3 2024", "2024-09-30"}, // a calendar quarter
		{"quarter 4 2025/26", "2026-03-31"},
		{"2024-05", "2024-05-31"},
		{"45443", "2024-05-31"}, // an Excel serial date
		{"<p>30 September 2025</p>", "2025-09-30"},
		{"31/02/2024", ""},
		{"2024/26", ""},
		{"Q5 2024/25", ""},
		{"June 10", ""},
		{"Complete", ""},
		{"ongoing", ""},
		{"2024", ""},
		{"", ""},
		{"12345", ""},
	} {
		d, ok := parseDate(tc.in)
		if d.String() != tc.want || ok != (tc.want != "") {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tc.in, d, ok, tc.want)
		}
	}
}

func TestParseDue(t *testing.T) {
	for _, tc := range []struct {
		in              string
		date, completed string
		done, ok        bool
	}{
		{"Complete", "", "", true, true},
		{"Completed", "", "", true, true},
		{"<p>Complete</p>", "", "", true, true},
		{"Done.", "", "", true, true},
		{"Completed 14/03/2025", "", "2025-03-14", true, true},
		{"Complete - 2 May 2024", "", "2024-05-02", true, true},
		{"Complete - awaiting sign-off", "", "", true, false},
		{"31/10/2025", "2025-10-31", "", false, true},
		{"Q3 2025/26", "2025-12-31", "", false, true},
		{"", "", "", false, true},
		{"Ongoing", "", "", false, false},
		{"TBC", "", "", false, false},
	} {
		d := parseDue(tc.in)
		if d.date.String() != tc.date || d.completed.String() != tc.completed || d.done != tc.done || d.ok != tc.ok {
			t.Errorf("parseDue(%q) = %+v; want date %q completed %q done %v ok %v", tc.in, d, tc.date, tc.completed, tc.done, tc.ok)
		}
	}
}

func TestDueOfLines(t *testing.T) {
	// A date cell with one line per action: all complete is done.
	d := dueOf("Complete\nComplete")
	if !d.ok || !d.done {
		t.Errorf("two Completes: %+v, want done", d)
	}
	d = dueOf("31/12/2025\n31/03/2026")
	if !d.ok || d.done || d.date.String() != "2026-03-31" {
		t.Errorf("two dates: %+v, want open, due the later, 2026-03-31", d)
	}
	d = dueOf("Complete\nMarch 2026")
	if !d.ok || d.done || d.date.String() != "2026-03-31" {
		t.Errorf("one done, one due: %+v, want open, due 2026-03-31", d)
	}
	if d := dueOf("Complete\nsoon"); d.ok {
		t.Errorf("a line that is not a date: %+v, want not ok", d)
	}
}

func TestParseStatus(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want assessment.Status
		ok   bool
	}{
		{"Complete", assessment.Done, true},
		{"Closed.", assessment.Done, true},
		{"In progress", assessment.Open, true},
		{"Not started", assessment.Open, true},
		{"", "", true},
		{"Waiting for the Board", "", false},
	} {
		got, ok := parseStatus(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseStatus(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCellText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain  text  ", "plain text"},
		{"<p>One.</p> <p>Two.</p>", "One.\nTwo."},
		{"within <u>five working days</u> of receipt", "within five working days of receipt"},
		{"a<br>b<br/>c<BR />d", "a\nb\nc\nd"},
		{`<ul style="list-style-type: none"><li>first</li><li>second</li></ul>`, "• first\n• second"},
		{"Policy &amp; Procedure &ndash; v2&nbsp;final", "Policy & Procedure – v2 final"},
		{"Policy & Procedure", "Policy & Procedure"},
		{"<landlord name> and a < b > c", "<landlord name> and a < b > c"},
		{"<p>unclosed paragraph", "unclosed paragraph"},
		{"Intro: • one. • two.", "Intro:\n• one.\n• two."},
		{"\u00a0\u00a0spaced\u00a0out\u00a0", "spaced out"},
		{"line one\r\n\r\nline two", "line one\nline two"},
		{"<span style='x'>kept</span>", "kept"},
		{"", ""},
	} {
		if got := cellText(tc.in); got != tc.want {
			t.Errorf("cellText(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitLettered(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{
			"Handlers must: a. deal with it fairly. b. keep an open mind. c. weigh the evidence; and d. keep it private.",
			"Handlers must:\na. deal with it fairly.\nb. keep an open mind.\nc. weigh the evidence; and\nd. keep it private.",
		},
		{"The report covers: (a) volumes (b) outcomes", "The report covers:\n(a) volumes\n(b) outcomes"},
		{"Either a) this or b) that", "Either\na) this or\nb) that"},
		{"Already:\na. one\nb. two", "Already:\na. one\nb. two"},
		// No run starting at a: left alone.
		{"See e.g. b. below", "See e.g. b. below"},
		{"Only a. one item", "Only a. one item"},
		{"Out of order: a. one c. three", "Out of order: a. one c. three"},
	} {
		if got := splitLettered(tc.in); got != tc.want {
			t.Errorf("splitLettered(%q) =\n%q\nwant\n%q", tc.in, got, tc.want)
		}
	}
}

func TestJoin(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"must not stop their efforts to", "address the request.", "must not stop their efforts to address the request."},
		{"a full sentence.", "Another one.", "a full sentence.\nAnother one."},
		{"must receive:", "a. updates", "must receive:\na. updates"},
		{"first item", "b. second item", "first item\nb. second item"},
		{"", "b", "b"},
		{"a", "", "a"},
	} {
		if got := join(tc.a, tc.b); got != tc.want {
			t.Errorf("join(%q, %q) = %q; want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestJoinAll: joining many pieces at once gives what joining them one by
// one gave.
func TestJoinAll(t *testing.T) {
	for _, tc := range []struct {
		a      string
		pieces []string
	}{
		{"must not stop", []string{"their efforts to", "address it.", "Another.", "a. item", "b. item"}},
		{"", []string{"first", "", "second:", "third"}},
		{"alone", nil},
		{"", nil},
	} {
		want := tc.a
		for _, p := range tc.pieces {
			want = join(want, p)
		}
		if got := joinAll(tc.a, tc.pieces); got != want {
			t.Errorf("joinAll(%q, %q) = %q; want %q", tc.a, tc.pieces, got, want)
		}
	}
}

func TestDecodeText(t *testing.T) {
	for _, tc := range []struct {
		in   []byte
		want string
	}{
		{[]byte("\xEF\xBB\xBFplain"), "plain"},
		{[]byte("caf\xe9 \x93quoted\x94"), "café “quoted”"}, // Windows-1252
		{[]byte{0xFF, 0xFE, 'h', 0, 'i', 0}, "hi"},          // UTF-16 little-endian
		{[]byte{0xFE, 0xFF, 0, 'h', 0, 'i'}, "hi"},          // UTF-16 big-endian
	} {
		if got := decodeText(tc.in); got != tc.want {
			t.Errorf("decodeText(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestShortFloat(t *testing.T) {
	for in, want := range map[string]string{
		"1.2000000000000002": "1.2",
		"6.0999999999999996": "6.1",
		"45443.000000000007": "45443",
		"6.1":                "6.1",
		"1.25":               "1.25",
		"Yes":                "Yes",
		"0.1234567890123456": "0.123456789012",
	} {
		if got := shortFloat(in); got != want {
			t.Errorf("shortFloat(%q) = %q; want %q", in, got, want)
		}
	}
}
