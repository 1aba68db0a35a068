package annual

import (
	"testing"

	"github.com/csa-tool/csa/assessment"
)

func TestDeadline(t *testing.T) {
	d := assessment.NewDate
	tests := []struct {
		homes   int
		yearEnd assessment.Date
		due     assessment.Date
		form    string
	}{
		{4180, d(2025, 3, 31), d(2025, 9, 30), "2025-26"},
		{1001, d(2025, 3, 31), d(2025, 9, 30), "2025-26"},
		{1000, d(2025, 3, 31), d(2025, 9, 30), "2025-26"}, // six months, the same day
		{900, d(2024, 12, 31), d(2025, 6, 30), "2025-26"},
		{900, d(2024, 8, 31), d(2025, 2, 28), "2024-25"},
		{900, d(2023, 8, 31), d(2024, 2, 29), "2023-24"}, // a leap year
		{900, d(2024, 9, 30), d(2025, 3, 31), "2024-25"}, // a month's last day: the month's last day
		{900, d(2024, 3, 15), d(2024, 9, 15), "2024-25"},
		{5000, d(2024, 12, 31), d(2025, 9, 30), "2025-26"},
		{5000, d(2024, 9, 30), d(2025, 9, 30), "2025-26"}, // the next 30 September, not the same day
		{2500, d(2024, 3, 31), d(2024, 9, 30), "2024-25"},
	}
	for _, tt := range tests {
		got := DeadlineFor(tt.homes, tt.yearEnd)
		if got.Due != tt.due || FormYear(got.Due) != tt.form {
			t.Errorf("%d homes, year end %s: due %s on the %s form; want %s on the %s form", tt.homes, tt.yearEnd, got.Due, FormYear(got.Due), tt.due, tt.form)
		}
	}
}

func TestPeriodBefore(t *testing.T) {
	for in, want := range map[string]string{"2024/25": "2023/24", "2024-25": "2023/24", "2000/01": "1999/00", "2024": "", "2024/26": ""} {
		got, ok := PeriodBefore(in)
		if got != want || ok != (want != "") {
			t.Errorf("PeriodBefore(%q) = %q, %v", in, got, ok)
		}
	}
}
