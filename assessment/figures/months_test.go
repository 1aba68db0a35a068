package figures

import (
	"strings"
	"testing"
)

// TestMonths: each complaint counts in the month it was received, and its
// response in the month it was sent; the months add up to the period.
func TestMonths(t *testing.T) {
	log := "Ref,Stage,Received,Acknowledged,Responded,Refused,Refusal reason\n" +
		"A,1,2024-04-02,2024-04-03,2024-04-10,,\n" + // April, answered in April, on time
		"B,1,2024-04-29,2024-04-30,2024-05-30,,\n" + // April, answered in May, late
		"C,1,2024-05-01,,,yes,Too old\n" + // May, refused
		"D,2,2024-05-02,2024-05-03,2024-05-20,,\n" + // stage 2 in May, on time
		"E,1,2025-03-28,2025-03-31,2025-04-02,,\n" + // March, answered after the period
		"F,1,2024-03-20,2024-03-21,2024-04-04,,\n" // last year's, answered in April
	res := count(t, log, testOptions(t, "2024"))
	ms := res.Figures.Months
	if len(ms) != 12 || ms[0].Month != "2024-04" || ms[11].Month != "2025-03" {
		t.Fatalf("want the 12 months of 2024/25, got %d from %v", len(ms), ms[0].Month)
	}
	line := func(m *Month, s int) string {
		ms := m.Stages[s]
		return v(ms.Received) + "/" + v(ms.Refused) + "/" + v(ms.Responded) + "/" + v(ms.Within)
	}
	tests := []struct {
		month, stage1, stage2 string
	}{
		{"2024-04", "2/0/2/2", "0/0/0/0"}, // A and B received; A and F answered, both on time
		{"2024-05", "1/1/1/0", "1/0/1/1"}, // C refused; B answered late; D at stage 2
		{"2024-06", "0/0/0/0", "0/0/0/0"}, // a quiet month is zeros, not missing
		{"2025-03", "1/0/0/0", "0/0/0/0"}, // E received, answered after the period
	}
	for _, tt := range tests {
		for _, m := range ms {
			if m.Month != tt.month {
				continue
			}
			if got := line(m, 0); got != tt.stage1 {
				t.Errorf("%s stage 1: got %s, want %s", tt.month, got, tt.stage1)
			}
			if got := line(m, 1); got != tt.stage2 {
				t.Errorf("%s stage 2: got %s, want %s", tt.month, got, tt.stage2)
			}
		}
	}
	// They add up, so the file csa writes checks clean.
	f, doc, fs := Decode("f.yaml", []byte(res.Figures.String()))
	if len(fs) > 0 {
		t.Fatal(findings(fs))
	}
	if got := findings(Validate(f, doc)); got != "" {
		t.Errorf("months that add up were found wanting:\n%s", got)
	}
	if !strings.Contains(res.Figures.String(), "months:\n  - month: 2024-04\n    stage_1:\n      received: 2\n      refused: 0\n      responded: 2\n      within: 2\n") {
		t.Errorf("the months are not written as expected:\n%s", res.Figures.String())
	}
}

// TestMonthsNoRefusals: a log that says nothing of refusals gives no
// refused per month, rather than zeros.
func TestMonthsNoRefusals(t *testing.T) {
	res := count(t, "Ref,Received,Acknowledged,Responded\nA,2024-04-02,2024-04-02,2024-04-03\n", testOptions(t, "2024"))
	if ms := res.Figures.Months[0].Stages[0]; ms.Refused != nil || v(ms.Received) != "1" {
		t.Errorf("got received %s refused %s", v(ms.Received), v(ms.Refused))
	}
}

// TestMonthsChecked: months that do not add up, or are not months of the
// period, are findings at their line.
func TestMonthsChecked(t *testing.T) {
	head := "kind: figures\nperiod: 2024/25\ntimescales: chc-2024\n"
	month := func(m string, received, responded, within int) string {
		return "  - month: " + m + "\n    stage_1:\n      received: " + itoa(received) + "\n      responded: " + itoa(responded) + "\n      within: " + itoa(within) + "\n"
	}
	tests := []struct {
		name, body, want string
	}{
		{"adding up", "stage_1:\n  received: 5\nch02:\n  stage_1:\n    responded: 4\n    within: 3\nmonths:\n" + month("2024-04", 2, 1, 1) + month("2024-05", 3, 3, 2), ""},
		{"received do not add up", "stage_1:\n  received: 6\nmonths:\n" + month("2024-04", 2, 1, 1) + month("2024-05", 3, 3, 2),
			"7:3 error figures-sum: the months' stage_1 received add up to 5, not stage_1.received (6)\n"},
		{"responded do not add up", "ch02:\n  stage_1:\n    responded: 5\n    within: 3\nmonths:\n" + month("2024-04", 2, 1, 1) + month("2024-05", 3, 3, 2),
			"9:3 error figures-sum: the months' stage_1 responded add up to 4, not ch02 stage_1 responded (5)\n"},
		{"within more than responded", "months:\n" + month("2024-04", 2, 1, 2),
			"9:15 error figures-sum: 2024-04 stage_1 within (2) is more than responded (1)\n"},
		{"a month missing a count is not summed", "stage_1:\n  received: 9\nmonths:\n  - month: 2024-04\n    stage_1:\n      responded: 1\n", ""},
		{"not a month", "months:\n" + month("April", 1, 0, 0), "5:12 error schema: month \"April\" should be written YYYY-MM, like 2024-04\n"},
		{"out of order", "months:\n" + month("2024-05", 1, 0, 0) + month("2024-04", 1, 0, 0),
			"10:12 error schema: month 2024-04 comes after 2024-05: list each month once, in order\n"},
		{"outside the period", "months:\n" + month("2025-04", 1, 0, 0), "5:12 error schema: month 2025-04 is outside the period (2024-04 to 2025-03)\n"},
		{"unknown key", "months:\n  - month: 2024-04\n    stage_1:\n      recieved: 1\n", "7:7 error schema: unknown key \"recieved\": did you mean \"received\"?\n"},
		{"not a list", "months: 12\n", "4:9 error schema: months should be a list, each item starting - month: 2024-04\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findings(Check("f.yaml", []byte(head+tt.body), CheckOptions{ReadDir: noFiles}))
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func itoa(n int) string { return v(&n) }
