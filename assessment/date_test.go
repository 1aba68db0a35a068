package assessment

import (
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
