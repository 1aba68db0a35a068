package assessment

import (
	"strconv"
	"strings"
	"testing"
)

// TestDaysUntilIsExact: days between any two dates, not saturating where a
// time.Duration runs out (106,751 days).
func TestDaysUntilIsExact(t *testing.T) {
	tests := []struct {
		from, to Date
		want     int
	}{
		{NewDate(2025, 6, 30), NewDate(2025, 7, 1), 1},
		{NewDate(2025, 7, 1), NewDate(2025, 6, 30), -1},
		{NewDate(2024, 2, 28), NewDate(2024, 3, 1), 2},
		{NewDate(1, 1, 1), NewDate(2025, 7, 1), 739432},
		{NewDate(1, 1, 1), NewDate(9999, 12, 31), 3652058},
		{NewDate(9999, 12, 31), NewDate(1, 1, 1), -3652058},
	}
	for _, tt := range tests {
		if got := tt.from.DaysUntil(tt.to); got != tt.want {
			t.Errorf("%s to %s: %d days, want %d", tt.from, tt.to, got, tt.want)
		}
	}
}

// TestYearOneIsADate: 0001-01-01 is a date like any other, not "no date".
func TestYearOneIsADate(t *testing.T) {
	d, err := ParseDate("0001-01-01")
	if err != nil || d.IsZero() || d.String() != "0001-01-01" {
		t.Errorf("ParseDate(0001-01-01) = %v, %v (IsZero %v)", d, err, d.IsZero())
	}
	if (Date{}).String() != "" || !(Date{}).IsZero() {
		t.Error("the zero Date is not unset")
	}
	if NewDate(1, 1, 1).AddDate(0, 0, 1) != NewDate(1, 1, 2) || !(Date{}).AddDate(1, 0, 0).IsZero() {
		t.Error("AddDate")
	}
}

// TestImplausibleDates: a date before 2020 (before any Complaint Handling
// Code) or more than a year after today is an implausible-date error, in
// every date field; year 1 is no longer read as a blank.
func TestImplausibleDates(t *testing.T) {
	asOf := NewDate(2025, 7, 1)
	doc := func(assessed, approved, due, completed string) string {
		return "code: chc-2024\nlandlord: L\nassessed: " + assessed + "\napproved:\n  by: Board\n  on: " + approved +
			"\nprovisions:\n  - id: \"1.2\"\n    comply: no\n    actions:\n      - action: Train staff.\n        owner: O\n        due: " + due +
			"\n        status: done\n        completed: " + completed + "\n"
	}
	tests := []struct {
		name string
		yaml string
		want []string // line: message fragment of each implausible-date finding
	}{
		{"plausible", doc("2025-05-31", "2025-06-19", "2026-07-01", "2025-06-01"), nil},
		{"long plan", doc("2025-05-31", "2025-06-19", "2030-07-01", "2025-06-01"), nil},
		{"year one assessed", doc("0001-01-01", "2025-06-19", "2025-09-30", "2025-06-01"), []string{"3: assessed 0001-01-01 is before 2020"}},
		{"far future assessed", doc("9999-12-31", "2025-06-19", "2025-09-30", "2025-06-01"), []string{"3: assessed 9999-12-31 is more than a year after 2025-07-01"}},
		{"approved", doc("2025-05-31", "2019-12-31", "2025-09-30", "2025-06-01"), []string{"4: approved on 2019-12-31 is before 2020"}},
		{"due", doc("2025-05-31", "2025-06-19", "2030-07-02", "2025-06-01"), []string{"13: due 2030-07-02 (provision 1.2) is more than 5 years after 2025-07-01"}},
		{"completed", doc("2025-05-31", "2025-06-19", "2025-09-30", "1999-01-01"), []string{"11: completed 1999-01-01 (provision 1.2) is before 2020"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, fs := Validate("a.yaml", []byte(tt.yaml), Options{AsOf: asOf})
			var got []string
			for _, f := range fs {
				if f.Rule == RuleSchema {
					t.Errorf("schema finding: %v", f)
				}
				if f.Rule == RuleImplausible {
					if f.Severity != Error {
						t.Errorf("implausible-date is not an error")
					}
					got = append(got, strconv.Itoa(f.Line)+": "+f.Message)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("got %q, want it to start %q", got[i], tt.want[i])
				}
			}
		})
	}
}
