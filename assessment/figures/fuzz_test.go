package figures

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// FuzzLog feeds the log reader anything: it must never panic, and what it
// counts must add up (csa check finds nothing wrong with the figures file
// it would write).
func FuzzLog(f *testing.F) {
	for _, seed := range []string{
		sampleLog,
		"Reference;Stage;Date received;Date acknowledged;Response date;Extension agreed;Escalation requested\nA;Stage 1;03/06/2024;04/06/2024;28/06/2024;10 working days;\nA;Stage 2;01/07/2024;02/07/2024;30/07/2024;;01/07/2024\n",
		"Case number\tDate raised\tStage 1 acknowledged\tStage 1 response date\tDate escalated to stage 2\tStage 2 acknowledged\tStage 2 response date\tStage 2 extension\nA\t3 June 2024\t4 June 2024\t10 June 2024\t11 June 2024\t13 June 2024\t12 July 2024\t10\n",
		"\xef\xbb\xbfReceived,Responded,Acknowledged,Extended due date,Tenure,Refused,Refusal reason\n2024-06-03 09:15,2024-06-28,2024-06-04,2024-07-01,LCHO,no,\n2024-06-01,,,,,yes,Outside the 12-month limit\n",
		"Title row\n\nReceived,Outcome\n31/02/2024,Upheld\n\"2024-05-01\",\"Not \"\"upheld\"\"\"\n",
	} {
		f.Add([]byte(seed))
	}
	opts := testOptions(f, "2024")
	opts.TenureHomes = map[string]int{TenureRental: 1500, TenureOwnership: 400}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := FromLog(bytes.NewReader(data), opts)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("an error not worded for people: %T %v", err, err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("a message on two lines: %q", err)
			}
			return
		}
		r := res.Figures.Rows
		if r.Used+r.Outside+r.LeftOut != r.Read || r.LeftOut != len(res.LeftOut) {
			t.Fatalf("rows do not add up: %+v, %d listed", *r, len(res.LeftOut))
		}
		for _, p := range res.LeftOut {
			if strings.Contains(p.Message, "\n") {
				t.Fatalf("a message on two lines: %q", p.Message)
			}
		}
		text := res.Figures.String()
		got, doc, fs := Decode("f.yaml", []byte(text))
		if len(fs) > 0 {
			t.Fatalf("csa's own figures file does not read back:\n%s\n%s", findings(fs), text)
		}
		if v := Validate(got, doc); len(v) > 0 {
			t.Fatalf("csa's own figures do not add up:\n%s\n%s", findings(v), text)
		}
		if again := got.String(); again != text {
			t.Fatalf("written again, the figures file differs:\n%s\n---\n%s", text, again)
		}
	})
}

// FuzzFiguresFile feeds csa check's reader of figures files anything: it
// must never panic, and a file it reads without a finding writes back to
// one that reads the same.
func FuzzFiguresFile(f *testing.F) {
	for _, name := range []string{"../../examples/complaints/millbrook-figures-2024-25.yaml"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("kind: figures\nperiod: 2024/25\ntimescales: chc-2024\nhomes: 1200\nch01:\n  stage_1: 25.0\nch02:\n  stage_1:\n    responded: 28\n    within: 25\n    percent: 89.3\n"))
	f.Add([]byte("kind: figures\nperiod: [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = Check("f.yaml", data, CheckOptions{Threshold: DefaultThreshold, ReadDir: noFiles})
		got, _, fs := Decode("f.yaml", data)
		if got == nil || len(fs) > 0 {
			return
		}
		text := got.String()
		again, _, fs2 := Decode("f.yaml", []byte(text))
		if len(fs2) > 0 {
			t.Fatalf("written back, it no longer reads:\n%s\n%s", findings(fs2), text)
		}
		if again.String() != text {
			t.Fatalf("written back twice, it differs:\n%s\n---\n%s", text, again.String())
		}
	})
}
