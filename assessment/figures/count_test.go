package figures

import (
	"fmt"
	"strings"
	"testing"

	"github.com/csa-tool/csa/assessment/calendar"
	"github.com/csa-tool/csa/codes"
)

func testOptions(t testing.TB, code string) Options {
	t.Helper()
	cat, err := codes.Lookup(code, "")
	if err != nil {
		t.Fatal(err)
	}
	cal, err := calendar.Lookup(calendar.Default, "")
	if err != nil {
		t.Fatal(err)
	}
	asOf, _ := calendar.ParseDay("2025-07-01")
	return Options{Catalogue: cat, Calendar: cal, Period: "2024/25", AsOf: asOf, Homes: 2000, Landlord: "Test Homes"}
}

func count(t *testing.T, csv string, opts Options) *Result {
	t.Helper()
	res, err := FromLog(strings.NewReader(csv), opts)
	if err != nil {
		t.Fatalf("FromLog: %v", err)
	}
	return res
}

func v(p *int) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

func fv(p *float64) string {
	if p == nil {
		return "-"
	}
	return Number(*p, false)
}

// stageLine summarises a stage's counts for comparison:
// received/refused/acknowledged/ackWithin/responded/within/byExtension/extended/beyond.
func stageLine(s *Stage) string {
	return strings.Join([]string{v(s.Received), v(s.Refused), v(s.Acknowledged), v(s.AcknowledgedWithin),
		v(s.Responded), v(s.RespondedWithin), v(s.WithinByExtension), v(s.Extended), v(s.ExtensionBeyondLimit)}, "/")
}

func problems(res *Result) string {
	var b strings.Builder
	for _, p := range res.LeftOut {
		fmt.Fprintf(&b, "%s: %s\n", p.Where, p.Message)
	}
	return b.String()
}

// TestTimescales measures single complaints against the 2024 Code: stage 1
// acknowledged within 5 working days of receipt, answered within 10 of
// acknowledgement, extended by up to 10 more.
func TestTimescales(t *testing.T) {
	tests := []struct {
		name                     string
		received, ack, responded string
		ext                      string
		want                     string // stageLine
		days                     string // median working days from receipt
	}{
		{"on time", "2024-06-03", "2024-06-05", "2024-06-19", "", "1/-/1/1/1/1/0/0/0", "12"},
		{"acknowledged on day 5", "2024-06-03", "2024-06-10", "2024-06-10", "", "1/-/1/1/1/1/0/0/0", "5"},
		{"acknowledged on day 6", "2024-06-03", "2024-06-11", "2024-06-11", "", "1/-/1/0/1/1/0/0/0", "6"},
		{"answered on day 10 of acknowledgement", "2024-06-03", "2024-06-03", "2024-06-17", "", "1/-/1/1/1/1/0/0/0", "10"},
		{"answered on day 11", "2024-06-03", "2024-06-03", "2024-06-18", "", "1/-/1/1/1/0/0/0/0", "11"},
		{"received on a Saturday", "2024-06-01", "2024-06-07", "2024-06-21", "", "1/-/1/1/1/1/0/0/0", "14"},
		{"acknowledged over the early May bank holiday", "2024-05-01", "2024-05-09", "2024-05-09", "", "1/-/1/1/1/1/0/0/0", "5"},
		{"received before the period", "2024-03-27", "2024-04-04", "2024-04-04", "", "0/-/0/0/0/0/0/0/0", "-"},
		{"over Christmas", "2024-12-20", "2024-12-30", "2025-01-10", "", "1/-/1/1/1/1/0/0/0", "12"},
		{"on day 10 over the New Year", "2024-12-20", "2024-12-30", "2025-01-14", "", "1/-/1/1/1/1/0/0/0", "14"},
		{"a day late over the New Year", "2024-12-20", "2024-12-30", "2025-01-15", "", "1/-/1/1/1/0/0/0/0", "15"},
		{"answered on a Saturday after day 10", "2024-06-03", "2024-06-03", "2024-06-15", "", "1/-/1/1/1/1/0/0/0", "9"},
		{"extension unneeded", "2024-06-03", "2024-06-03", "2024-06-10", "yes", "1/-/1/1/1/1/0/1/0", "5"},
		{"within a yes extension", "2024-06-03", "2024-06-03", "2024-06-28", "yes", "1/-/1/1/1/1/1/1/0", "19"},
		{"past the Code's extension", "2024-06-03", "2024-06-03", "2024-07-02", "yes", "1/-/1/1/1/0/0/1/0", "21"},
		{"within a 5-day extension", "2024-06-03", "2024-06-03", "2024-06-24", "5", "1/-/1/1/1/1/1/1/0", "15"},
		{"past a 5-day extension", "2024-06-03", "2024-06-03", "2024-06-25", "5", "1/-/1/1/1/0/0/1/0", "16"},
		{"a 15-day extension, answered on its day 12", "2024-06-03", "2024-06-03", "2024-07-03", "15", "1/-/1/1/1/0/0/1/1", "22"},
		{"a 15-day extension, answered on its day 10", "2024-06-03", "2024-06-03", "2024-07-01", "15", "1/-/1/1/1/1/1/1/1", "20"},
		{"open", "2024-06-03", "2024-06-04", "", "", "1/-/1/1/0/0/0/0/0", "-"},
		{"not yet acknowledged", "2024-06-03", "", "", "", "1/-/0/0/0/0/0/0/0", "-"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := "Reference,Received,Acknowledged,Responded,Extension\nC1," + tt.received + "," + tt.ack + "," + tt.responded + "," + tt.ext + "\n"
			res := count(t, log, testOptions(t, "2024"))
			if p := problems(res); p != "" {
				t.Fatalf("left out: %s", p)
			}
			s := res.Figures.Stages[0]
			if got := stageLine(s); got != tt.want {
				t.Errorf("stage 1 = %s, want %s", got, tt.want)
			}
			if got := fv(s.MedianDays); got != tt.days {
				t.Errorf("median days = %s, want %s", got, tt.days)
			}
		})
	}
}

// TestExtendedDueDate: a new due date is an extension as long as it says,
// up to the Code's limit.
func TestExtendedDueDate(t *testing.T) {
	log := "Ref,Received,Acknowledged,Responded,Extended due date\n" +
		"A,2024-06-03,2024-06-03,2024-06-25,2024-06-26\n" + // due 17 June; extended to the 26th; answered the 25th
		"B,2024-06-03,2024-06-03,2024-06-27,2024-06-26\n" + // answered after the new date
		"C,2024-06-03,2024-06-03,2024-07-02,2024-07-10\n" + // extended beyond the limit (1 July); answered after it
		"D,2024-06-03,2024-06-03,2024-06-28,2024-06-10\n" // extended to a day before the due date
	res := count(t, log, testOptions(t, "2024"))
	if got := stageLine(res.Figures.Stages[0]); got != "3/-/3/3/3/1/1/3/1" {
		t.Errorf("stage 1 = %s", got)
	}
	if got := problems(res); got != "5: extended to 2024-06-10, before the response was due on 2024-06-17\n" {
		t.Errorf("left out:\n%s", got)
	}
}

// TestLeftOut: rows that cannot be used are listed with their line and
// left out, never guessed.
func TestLeftOut(t *testing.T) {
	log := "Reference,Name,Stage,Received,Acknowledged,Responded,Refused,Refusal reason\n" +
		"C01,Ann Example,1,2024-05-10,2024-05-12,2024-05-03,,\n" +
		"C02,Bob Example,1,,2024-05-12,2024-05-20,,\n" +
		"C03,Cat Example,Informal,2024-05-10,2024-05-13,2024-05-20,,\n" +
		"C04,Dan Example,1,2024-05-10,2024-05-13,2025-08-20,,\n" +
		"C05,Eve Example,1,31/02/2024,2024-05-13,2024-05-20,,\n" +
		"C06,Fay Example,1,2024-05-10,,2024-05-20,,\n" +
		"C07,Gus Example,2,2024-05-10,2024-05-09,,,\n" +
		"C08,Hal Example,3,2024-05-10,2024-05-13,2024-05-20,,\n" +
		"C09,Ida Example,1,2024-05-10,2024-05-13,2024-05-20,maybe,\n" +
		"C10,Jo Example,1,2024-05-10,2024-05-14,2024-05-13,,\n" +
		"C11,Kit Example,,2024-05-10,2024-05-14,2024-05-20,,\n" +
		"C12,Lee Example,1,2024-05-10,2024-05-14,2024-05-20,,\n" +
		"C13,Mo Example,1,2024-05-10,,,Yes,Outside the 12-month limit\n" +
		"C14,Ned Example,1,2024-05-10,,,,Service request\n" +
		"C15,Old Example,1,2017-05-10,2017-05-14,2017-05-20,,\n" +
		"C16,Pat Example,1,Pat Example,2024-05-14,2024-05-20,,\n" +
		"C17,Quin Example,Mr Quin Example,2024-05-10,2024-05-14,2024-05-20,,\n"
	res := count(t, log, testOptions(t, "2024"))
	want := `2: responded 2024-05-03, before it was received on 2024-05-10
3: Received is blank
4: stage "Informal" is not stage 1 or 2
5: responded 2025-08-20 is after today (2025-07-01)
6: Received "31/02/2024" is not a date csa can read (write 2024-04-03 or 03/04/2024)
7: responded 2024-05-20 but no acknowledged date: the Code's stage 1 response time runs from the acknowledgement
8: acknowledged 2024-05-09, before the escalation was requested on 2024-05-10
9: a stage 3: csa counts stages 1 and 2, as the Code and the regulator's measures have them
10: Refused "maybe" is not yes or no
11: responded 2024-05-13, before it was acknowledged on 2024-05-14
12: no stage
17: Received (not shown) is not a date csa can read (write 2024-04-03 or 03/04/2024)
18: stage (not shown) is not stage 1 or 2
`
	if got := problems(res); got != want {
		t.Errorf("left out:\n%s\nwant:\n%s", got, want)
	}
	f := res.Figures
	if got := *f.Rows; got != (Rows{Read: 17, Used: 3, Outside: 1, LeftOut: 13}) {
		t.Errorf("rows %+v", got)
	}
	if got := stageLine(f.Stages[0]); got != "3/2/1/1/1/1/-/-/-" {
		t.Errorf("stage 1 = %s", got)
	}
	if got := fmt.Sprint(f.Stages[0].Refusals); got != "[{Outside the 12-month limit 1} {Service request 1}]" {
		t.Errorf("refusals %s", got)
	}
	for _, p := range res.LeftOut {
		if strings.Contains(p.Message, "Example") {
			t.Errorf("a name reached a message: %s", p.Message)
		}
	}
	if got := strings.Join(res.Notes, "\n"); !strings.Contains(got, "columns not read: Name (B)") {
		t.Errorf("notes:\n%s", got)
	}
}

// TestPeriods: what counts in the period. Received in it: the stage
// figures. Answered in it: CH02, whenever received.
func TestPeriods(t *testing.T) {
	log := "Reference,Received,Acknowledged,Responded\n" +
		"A,2024-03-20,2024-03-22,2024-04-10\n" + // received before, answered in the period: CH02 only (late)
		"B,2025-03-25,2025-03-26,2025-04-08\n" + // received in the period, answered after: stage figures only
		"C,2023-06-01,2023-06-02,2023-06-10\n" + // all before: outside
		"D,2024-04-02,2024-04-03,2024-04-12\n" // all in
	res := count(t, log, testOptions(t, "2024"))
	f := res.Figures
	if got := stageLine(f.Stages[0]); got != "2/-/2/2/2/2/-/-/-" {
		t.Errorf("stage 1 = %s", got)
	}
	if got := v(f.CH02[0].Responded) + "/" + v(f.CH02[0].Within) + "/" + fv(f.CH02[0].Percent); got != "2/1/50" {
		t.Errorf("CH02 stage 1 = %s", got)
	}
	if got := *f.Rows; got != (Rows{Read: 4, Used: 3, Outside: 1}) {
		t.Errorf("rows %+v", got)
	}
}

// TestLayouts: one row per stage, one row per complaint, and stage 1 only.
func TestLayouts(t *testing.T) {
	tests := []struct {
		name, log   string
		stage1, st2 string
		notes       string
	}{
		{"one row per stage",
			"Complaint ref;Complaint stage;Date received;Date acknowledged;Response date;Escalation requested\n" +
				"A;Stage 1;03/06/2024;04/06/2024;10/06/2024;\n" +
				"A;Stage 2;12/06/2024;13/06/2024;28/06/2024;11/06/2024\n" +
				"B;Stage One;03/06/2024;10/06/2024;;\n",
			"2/-/2/2/1/1/-/-/-", "1/-/1/1/1/1/-/-/-", "one row per stage (a Stage column)"},
		{"one row per complaint",
			"Case number\tDate raised\tStage 1 acknowledged\tStage 1 response date\tDate escalated to stage 2\tStage 2 acknowledged\tStage 2 response date\tStage 2 extension\n" +
				"A\t3 June 2024\t4 June 2024\t10 June 2024\t11 June 2024\t13 June 2024\t12 July 2024\t10\n" +
				"B\t3 Jun 2024\t4 Jun 2024\t10 Jun 2024\t\t\t\t\n",
			"2/-/2/2/2/2/-/-/-", "1/-/1/1/1/1/1/1/0", "one row per complaint, with its stage 2 columns"},
		{"stage 1 only",
			"Received,Responded,Acknowledged\n2024-06-03 09:15,2024-06-10T16:00:00Z,2024-06-04 10:00:00\n",
			"1/-/1/1/1/1/-/-/-", "0/-/0/0/0/0/-/-/-", "no Stage column and no stage 2 columns: every row is read as stage 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := count(t, tt.log, testOptions(t, "2024"))
			if p := problems(res); p != "" {
				t.Fatalf("left out: %s", p)
			}
			if got := stageLine(res.Figures.Stages[0]); got != tt.stage1 {
				t.Errorf("stage 1 = %s, want %s", got, tt.stage1)
			}
			if got := stageLine(res.Figures.Stages[1]); got != tt.st2 {
				t.Errorf("stage 2 = %s, want %s", got, tt.st2)
			}
			if got := strings.Join(res.Notes, "\n"); !strings.Contains(got, tt.notes) {
				t.Errorf("notes:\n%s", got)
			}
		})
	}
}

// TestCode2022: the 2022 Code counts acknowledgement in calendar days and
// sets no time for acknowledging an escalation.
func TestCode2022(t *testing.T) {
	log := "Reference,Stage,Received,Acknowledged,Responded\n" +
		"A,1,2024-06-07,2024-06-12,2024-06-26\n" + // acknowledged on calendar day 5; answered on working day 10 of it
		"B,1,2024-06-07,2024-06-13,2024-06-13\n" + // calendar day 6: late
		"C,2,2024-06-03,2024-06-20,2024-07-01\n" // stage 2: 20 working days from the escalation
	res := count(t, log, testOptions(t, "2022"))
	if got := stageLine(res.Figures.Stages[0]); got != "2/-/2/1/2/2/-/-/-" {
		t.Errorf("stage 1 = %s", got)
	}
	if got := stageLine(res.Figures.Stages[1]); got != "1/-/1/-/1/1/-/-/-" {
		t.Errorf("stage 2 = %s", got)
	}
}

// TestTenures: CH01 and CH02 for each tenure the log names.
func TestTenures(t *testing.T) {
	log := "Ref,Tenure,Stage,Received,Acknowledged,Responded\n" +
		"A,General needs,1,2024-06-03,2024-06-04,2024-06-10\n" +
		"B,Shared ownership,1,2024-06-03,2024-06-04,2024-06-28\n" +
		"C,LCRA,2,2024-06-03,2024-06-04,2024-06-28\n" +
		"D,Leasehold,1,2024-06-03,2024-06-04,2024-06-10\n"
	opts := testOptions(t, "2024")
	opts.TenureHomes = map[string]int{TenureRental: 1500, TenureOwnership: 400}
	res := count(t, log, opts)
	f := res.Figures
	if len(f.Tenures) != 2 {
		t.Fatalf("%d tenures", len(f.Tenures))
	}
	got := ""
	for _, tn := range f.Tenures {
		got += fmt.Sprintf("%s: %s %s CH01 %s %s CH02 %s %s\n", tn.Name, stageLine(tn.Stages[0]), stageLine(tn.Stages[1]),
			fv(tn.CH01[0]), fv(tn.CH01[1]), fv(tn.CH02[0].Percent), fv(tn.CH02[1].Percent))
	}
	want := "low-cost rental: 1/-/1/1/1/1/-/-/- 1/-/1/1/1/1/-/-/- CH01 0.7 0.7 CH02 100 100\n" +
		"low-cost home ownership: 1/-/1/1/1/0/-/-/- 0/-/0/0/0/0/-/-/- CH01 2.5 0 CH02 0 -\n"
	if got != want {
		t.Errorf("tenures:\n%s\nwant:\n%s", got, want)
	}
	if fv(f.CH01[0]) != "1.5" || fv(f.CH01[1]) != "0.5" {
		t.Errorf("CH01 %s %s", fv(f.CH01[0]), fv(f.CH01[1]))
	}
	if !strings.Contains(strings.Join(res.Notes, "\n"), "1 stage 1 complaint received in 2024/25 with a tenure that is neither") {
		t.Errorf("notes: %v", res.Notes)
	}
}

func TestPercentiles(t *testing.T) {
	tests := []struct {
		days       []int
		median     float64
		p90        int
		desciption string
	}{
		{[]int{5}, 5, 5, "one"},
		{[]int{2, 4}, 3, 4, "two"},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5.5, 9, "ten"},
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 6, 10, "eleven"},
		{[]int{0, 0, 0, 30}, 0, 30, "skewed"},
	}
	for _, tt := range tests {
		var h []int
		for _, d := range tt.days {
			for len(h) <= d {
				h = append(h, 0)
			}
			h[d]++
		}
		n := len(tt.days)
		if got := median(h, n); got != tt.median {
			t.Errorf("%s: median %v, want %v", tt.desciption, got, tt.median)
		}
		if got := rank(h, (n*9+9)/10); got != tt.p90 {
			t.Errorf("%s: p90 %v, want %v", tt.desciption, got, tt.p90)
		}
	}
}
