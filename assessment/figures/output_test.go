package figures

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// hostileLog has labels that would be a formula in a spreadsheet, Markdown
// or HTML in a report, or a terminal escape.
const hostileLog = "Reference,Received,Acknowledged,Responded,Outcome,Category\n" +
	"A,2024-06-03,2024-06-04,2024-06-10,\"=HYPERLINK(\"\"http://x\"\")\",<script>alert(1)</script>\n" +
	"B,2024-06-03,2024-06-04,2024-06-10,+1|2,**bold** [link](http://x)\n" +
	"C,2024-06-03,2024-06-04,2024-06-10,\x1b[31mred,@SUM(A1)\n"

func hostile(t *testing.T) *Figures {
	res := count(t, hostileLog, testOptions(t, "2024"))
	return res.Figures
}

func TestCSVSafe(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, hostile(t)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{",outcomes,\"'=HYPERLINK(\"\"http://x\"\")\",1\r\n", ",outcomes,'+1|2,1\r\n", ",categories,'@SUM(A1),1\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("an escape character reached the CSV")
	}
	if !strings.HasPrefix(out, "Tenure,Stage,Figure,Label,Value\r\n") {
		t.Errorf("header: %q", out[:40])
	}
}

func TestMarkdownSafe(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, hostile(t)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<script>", "**bold**", "[link]", "+1|2", "\x1b"} {
		if strings.Contains(out, bad) {
			t.Errorf("Markdown holds %q unescaped:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, `\<script\>alert(1)\</script\>`) || !strings.Contains(out, `+1\|2`) {
		t.Errorf("Markdown:\n%s", out)
	}
}

func TestTableSafe(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTable(&b, hostile(t)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "\x1b") {
		t.Error("an escape character reached the terminal table")
	}
}

// TestJSON: the figures file's keys, and the rows left out with their
// lines and references.
func TestJSON(t *testing.T) {
	log := "Reference,Received,Acknowledged,Responded\nA,2024-06-03,2024-06-04,2024-06-10\nB,2024-06-03,2024-06-04,2024-05-10\n"
	res := count(t, log, testOptions(t, "2024"))
	var b bytes.Buffer
	if err := WriteJSON(&b, res.Figures, res.LeftOut); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got["kind"] != "figures" || got["period"] != "2024/25" {
		t.Errorf("facts: %v %v", got["kind"], got["period"])
	}
	s1 := got["stage_1"].(map[string]any)
	if s1["received"].(float64) != 1 || s1["responded_within"].(float64) != 1 {
		t.Errorf("stage_1: %v", s1)
	}
	if _, ok := s1["refused"]; ok {
		t.Error("refused given, though the log has no refusal column")
	}
	left := got["left_out"].([]any)
	if len(left) != 1 {
		t.Fatalf("left_out: %v", left)
	}
	p := left[0].(map[string]any)
	if p["line"].(float64) != 3 || p["reference"] != "B" || !strings.HasPrefix(p["message"].(string), "responded 2024-05-10, before") {
		t.Errorf("left out: %v", p)
	}
}
