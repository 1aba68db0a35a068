package calendar

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func day(s string) Day {
	d, ok := ParseDay(s)
	if !ok {
		panic("bad test date " + s)
	}
	return d
}

func mustLookup(t testing.TB, name string) *Calendar {
	t.Helper()
	c, err := Lookup(name, "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDay(t *testing.T) {
	tests := []struct {
		s       string
		weekday time.Weekday
	}{
		{"1970-01-01", time.Thursday},
		{"1969-12-31", time.Wednesday},
		{"2000-02-29", time.Tuesday},
		{"2024-02-29", time.Thursday},
		{"2024-12-25", time.Wednesday},
		{"2100-03-01", time.Monday},
		{"0999-01-01", time.Tuesday},
	}
	for _, tt := range tests {
		d, ok := ParseDay(tt.s)
		if !ok {
			t.Fatalf("ParseDay(%q) failed", tt.s)
		}
		if d.String() != tt.s {
			t.Errorf("ParseDay(%q).String() = %q", tt.s, d.String())
		}
		tm, _ := time.Parse("2006-01-02", tt.s)
		if got := int64(d); got != tm.Unix()/86400 && tm.Unix() >= 0 {
			t.Errorf("%s is day %d, time says %d", tt.s, got, tm.Unix()/86400)
		}
		if d.Weekday() != tt.weekday || d.Weekday() != tm.Weekday() {
			t.Errorf("%s is a %s, want %s", tt.s, d.Weekday(), tt.weekday)
		}
	}
	for _, bad := range []string{"", "2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-1-1", "24-01-01", "2024/01/01", "2024-01-01x"} {
		if _, ok := ParseDay(bad); ok {
			t.Errorf("ParseDay(%q) accepted a bad date", bad)
		}
	}
	// Every day from 1900 to 2200 round-trips through the civil date.
	for d := DayOf(1900, 1, 1); d <= DayOf(2200, 12, 31); d++ {
		y, m, dd := d.Date()
		if DayOf(y, m, dd) != d {
			t.Fatalf("day %d: %d-%d-%d does not come back", d, y, m, dd)
		}
	}
}

// TestWorkingDays is the arithmetic the Code's timescales use: receipt is
// day 0, and every shape of bank holiday moves the count.
func TestWorkingDays(t *testing.T) {
	tests := []struct {
		name     string
		calendar string
		from, to string
		want     int
	}{
		// The clock start.
		{"same day", "", "2024-06-12", "2024-06-12", 0},
		{"next working day is day 1", "", "2024-06-12", "2024-06-13", 1},
		{"a full week", "", "2024-06-10", "2024-06-17", 5},
		{"Friday to Monday", "", "2024-06-14", "2024-06-17", 1},
		{"received Saturday: Monday is day 0", "", "2024-06-15", "2024-06-17", 0},
		{"received Sunday: Tuesday is day 1", "", "2024-06-16", "2024-06-18", 1},
		{"received Saturday, answered Sunday", "", "2024-06-15", "2024-06-16", 0},
		{"answered on a Saturday counts as Friday", "", "2024-06-10", "2024-06-15", 4},
		{"answered on a Sunday counts as Friday", "", "2024-06-10", "2024-06-16", 4},
		{"ten working days", "", "2024-06-03", "2024-06-17", 10},
		{"leap day", "", "2024-02-28", "2024-03-01", 2},

		// Easter.
		{"over Easter 2024", "", "2024-03-28", "2024-04-02", 1},
		{"received on Good Friday", "", "2024-03-29", "2024-04-02", 0},
		{"received on Easter Monday", "", "2024-04-01", "2024-04-03", 1},
		{"Easter in April 2025", "", "2025-04-17", "2025-04-22", 1},

		// May and August Mondays.
		{"early May bank holiday", "", "2024-05-03", "2024-05-07", 1},
		{"spring bank holiday", "", "2024-05-24", "2024-05-28", 1},
		{"summer bank holiday", "", "2024-08-23", "2024-08-27", 1},

		// One-off changes.
		{"VE day 2020, a Friday", "", "2020-05-07", "2020-05-11", 1},
		{"4 May 2020 was a working day", "", "2020-05-01", "2020-05-04", 1},
		{"Jubilee 2022, Thursday and Friday", "", "2022-06-01", "2022-06-06", 1},
		{"30 May 2022 was a working day", "", "2022-05-27", "2022-05-30", 1},
		{"the Queen's funeral", "", "2022-09-16", "2022-09-20", 1},
		{"the coronation", "", "2023-05-05", "2023-05-09", 1},
		{"early May 2023 and the coronation", "", "2023-04-28", "2023-05-09", 5},

		// Christmas, Boxing Day and New Year, with their substitute days.
		{"Christmas midweek 2024", "", "2024-12-24", "2024-12-27", 1},
		{"Christmas 2024 into 2025", "", "2024-12-24", "2025-01-02", 4},
		{"Boxing Day on a Saturday 2020", "", "2020-12-24", "2020-12-29", 1},
		{"Christmas on a Saturday 2021", "", "2021-12-24", "2021-12-29", 1},
		{"Christmas on a Sunday 2022", "", "2022-12-23", "2022-12-28", 1},
		{"New Year on a Saturday 2022", "", "2021-12-31", "2022-01-04", 1},
		{"New Year on a Sunday 2023", "", "2022-12-30", "2023-01-03", 1},
		{"received on a substitute day", "", "2022-12-27", "2022-12-29", 1},
		{"over two year ends", "", "2023-12-22", "2024-12-23", 253},

		// The other calendars.
		{"Scotland: 2 January", "scotland", "2024-12-31", "2025-01-03", 1},
		{"Scotland: no Easter Monday", "scotland", "2024-03-28", "2024-04-01", 1},
		{"Scotland: St Andrew's substitute", "scotland", "2024-11-29", "2024-12-03", 1},
		{"Scotland: first Monday of August", "scotland", "2025-08-01", "2025-08-05", 1},
		{"Northern Ireland: St Patrick's substitute", "northern-ireland", "2024-03-15", "2024-03-19", 1},
		{"Northern Ireland: the Twelfth at a weekend", "northern-ireland", "2025-07-11", "2025-07-15", 1},
		{"England has no Twelfth", "", "2025-07-11", "2025-07-14", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := tt.calendar
			if name == "" {
				name = Default
			}
			c := mustLookup(t, name)
			got, err := c.WorkingDays(day(tt.from), day(tt.to))
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("WorkingDays(%s, %s) = %d, want %d", tt.from, tt.to, got, tt.want)
			}
			// Day want of the clock is on or before to, and to is before day want+1.
			at, err := c.AddWorkingDays(day(tt.from), tt.want)
			if err != nil {
				t.Fatal(err)
			}
			if working, _ := c.IsWorkingDay(day(tt.to)); working && at > day(tt.to) {
				t.Errorf("AddWorkingDays(%s, %d) = %s, after %s", tt.from, tt.want, at, tt.to)
			}
			next, _ := c.AddWorkingDays(day(tt.from), tt.want+1)
			if next <= day(tt.to) {
				t.Errorf("AddWorkingDays(%s, %d) = %s, not after %s", tt.from, tt.want+1, next, tt.to)
			}
		})
	}
}

func TestAddWorkingDays(t *testing.T) {
	c := mustLookup(t, Default)
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2024-06-12", 0, "2024-06-12"},
		{"2024-06-15", 0, "2024-06-17"}, // Saturday: day 0 is Monday
		{"2024-06-15", 1, "2024-06-18"},
		{"2024-06-03", 10, "2024-06-17"},
		{"2024-12-16", 10, "2025-01-02"}, // stage 1 over Christmas
		{"2024-12-20", 20, "2025-01-22"}, // stage 2 over Christmas
		{"2024-03-28", 5, "2024-04-08"},  // over Easter
		{"2022-05-27", 5, "2022-06-07"},  // over the Jubilee
		{"2022-09-12", 10, "2022-09-27"}, // over the funeral
		{"2020-12-24", 1, "2020-12-29"},  // Boxing Day substitute
		{"2023-12-29", 1, "2024-01-02"},  // New Year's Day on a Monday
		{"2025-12-24", 3, "2025-12-31"},  // 2025/26 year end
		{"2028-12-22", 2, "2028-12-28"},  // the last year covered
		{"2018-01-01", 0, "2018-01-02"},  // the first day covered is a bank holiday
		{"2026-12-24", 1, "2026-12-29"},  // Boxing Day on a Saturday 2026
		{"2027-12-24", 1, "2027-12-29"},  // Christmas on a Saturday 2027
		{"2024-02-28", 1, "2024-02-29"},  // leap day
		{"2025-03-31", 10, "2025-04-14"}, // the period's first week
		{"2025-03-28", 1, "2025-03-31"},  // the period's last day
		{"2024-04-01", 0, "2024-04-02"},  // Easter Monday opens 2024/25
		{"2024-05-06", 5, "2024-05-14"},  // received on a bank holiday
		{"2024-08-26", 20, "2024-09-24"}, // received on the summer bank holiday
		{"2023-05-08", 1, "2023-05-10"},  // received on coronation day
		{"2022-06-03", 0, "2022-06-06"},  // received on the Jubilee
		{"2020-05-08", 0, "2020-05-11"},  // received on VE day
		{"2022-09-19", 0, "2022-09-20"},  // received on the funeral day
		{"2022-12-26", 0, "2022-12-28"},  // Boxing Day, then Christmas substitute
		{"2021-12-25", 0, "2021-12-29"},  // Christmas Day on a Saturday
		{"2022-01-01", 0, "2022-01-04"},  // New Year's Day on a Saturday
		{"2023-01-01", 0, "2023-01-03"},  // New Year's Day on a Sunday
		{"2024-12-31", 1, "2025-01-02"},  // year end
		{"2024-12-31", 0, "2024-12-31"},  // the last day of a year is a working day
		{"2025-01-01", 0, "2025-01-02"},  // New Year's Day midweek
		{"2019-12-24", 2, "2019-12-30"},  // 2019
		{"2028-01-01", 0, "2028-01-04"},  // 2028: New Year's Day on a Saturday
		{"2020-04-09", 1, "2020-04-14"},  // Easter 2020
		{"2021-04-01", 1, "2021-04-06"},  // Easter 2021
		{"2026-04-02", 1, "2026-04-07"},  // Easter 2026
		{"2027-03-25", 1, "2027-03-30"},  // Easter 2027
		{"2026-08-28", 1, "2026-09-01"},  // summer 2026
		{"2027-05-28", 1, "2027-06-01"},  // spring 2027
		{"2025-05-02", 1, "2025-05-06"},  // early May 2025
		{"2025-05-23", 1, "2025-05-27"},  // spring 2025
		{"2025-08-22", 1, "2025-08-26"},  // summer 2025
		{"2025-04-18", 0, "2025-04-22"},  // Good Friday 2025
		{"2025-12-25", 0, "2025-12-29"},  // Christmas Day 2025
		{"2025-12-26", 1, "2025-12-30"},  // Boxing Day 2025
		{"2024-12-25", 0, "2024-12-27"},  // Christmas Day 2024
		{"2025-01-01", 10, "2025-01-16"}, // from New Year's Day
		{"2024-04-01", 10, "2024-04-16"}, // from Easter Monday
		{"2024-03-29", 20, "2024-04-30"}, // from Good Friday
		{"2024-05-27", 5, "2024-06-04"},  // from the spring bank holiday
		{"2024-12-24", 20, "2025-01-24"}, // twenty over Christmas
		{"2025-03-21", 10, "2025-04-04"}, // over the year end of 2024/25
		{"2024-12-23", 5, "2025-01-02"},  // five over Christmas
		{"2022-12-23", 5, "2023-01-04"},  // five over a Christmas of substitutes
		{"2021-12-23", 5, "2022-01-04"},  // and the year before
		{"2020-12-23", 5, "2021-01-04"},  // and 2020
		{"2026-12-23", 5, "2027-01-04"},  // and 2026
		{"2027-12-23", 5, "2028-01-04"},  // and 2027, with New Year on the Saturday after
		{"2018-12-24", 5, "2019-01-03"},  // and 2018
		{"2019-12-23", 5, "2020-01-02"},  // and 2019
		{"2023-12-22", 5, "2024-01-03"},  // and 2023
		{"2025-12-23", 5, "2026-01-02"},  // and 2025
		{"2028-12-22", 3, "2028-12-29"},  // and 2028
		{"2022-06-01", 2, "2022-06-07"},  // the Jubilee
		{"2022-05-31", 3, "2022-06-07"},  // and the day before
		{"2023-05-05", 2, "2023-05-10"},  // the coronation
		{"2020-05-07", 2, "2020-05-12"},  // VE day
		{"2022-09-16", 2, "2022-09-21"},  // the funeral
	}
	for _, tt := range tests {
		got, err := c.AddWorkingDays(day(tt.from), tt.n)
		if err != nil {
			t.Errorf("AddWorkingDays(%s, %d): %v", tt.from, tt.n, err)
			continue
		}
		if got.String() != tt.want {
			t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

// TestWorkingDaysAgainstCounting holds the fast arithmetic to a walk over
// the days, one at a time, for many random pairs in every calendar.
func TestWorkingDaysAgainstCounting(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, name := range Embedded() {
		c := mustLookup(t, name)
		first, last := DayOf(c.FirstYear, 1, 1), DayOf(c.LastYear, 12, 31)
		for range 5000 {
			from := first + Day(r.IntN(int(last-first)+1))
			to := from + Day(r.IntN(60))
			if to > last {
				continue
			}
			want := 0
			start := from
			for start <= to && c.Why(start) != "" {
				start++ // a clock started on a closed day starts on the next working day
			}
			for d := start + 1; d <= to; d++ {
				if c.Why(d) == "" {
					want++
				}
			}
			got, err := c.WorkingDays(from, to)
			if err != nil || got != want {
				t.Fatalf("%s: WorkingDays(%s, %s) = %d, %v; counting gives %d", name, from, to, got, err, want)
			}
			n := r.IntN(30)
			at, err := c.AddWorkingDays(from, n)
			if err != nil {
				continue // ran off the end of the calendar
			}
			if ok, _ := c.IsWorkingDay(at); !ok {
				t.Fatalf("%s: AddWorkingDays(%s, %d) = %s, not a working day", name, from, n, at)
			}
			if back, _ := c.WorkingDays(from, at); back != n {
				t.Fatalf("%s: AddWorkingDays(%s, %d) = %s, which is day %d", name, from, n, at, back)
			}
		}
	}
}

func TestWorkingDaysErrors(t *testing.T) {
	c := mustLookup(t, Default)
	_, err := c.WorkingDays(day("2024-06-12"), day("2024-06-11"))
	if !errors.Is(err, ErrBackwards) {
		t.Errorf("backwards: %v", err)
	}
	var re *RangeError
	if _, err := c.WorkingDays(day("2017-12-29"), day("2018-01-03")); !errors.As(err, &re) || re.Day != day("2017-12-29") {
		t.Errorf("before the calendar: %v", err)
	}
	if _, err := c.WorkingDays(day("2028-12-29"), day("2029-01-02")); !errors.As(err, &re) {
		t.Errorf("after the calendar: %v", err)
	} else if !strings.Contains(err.Error(), "2029-01-02 is outside the years the working-day calendar covers (2018 to 2028)") {
		t.Errorf("message: %v", err)
	}
	if _, err := c.AddWorkingDays(day("2028-12-28"), 5); !errors.As(err, &re) {
		t.Errorf("running off the end: %v", err)
	}
	if _, err := c.AddWorkingDays(day("2028-12-28"), -1); !errors.Is(err, ErrBackwards) {
		t.Errorf("negative: %v", err)
	}
}

func TestClosed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "closed.yaml")
	os.WriteFile(path, []byte("# our offices\nclosed:\n  - 2024-12-27 to 2024-12-31 office closed between Christmas and New Year\n  - 2025-03-14 staff training\n"), 0o644)
	base := mustLookup(t, Default)
	c, err := LoadClosed(base, path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		from, to  string
		base, got int
	}{
		{"2024-12-24", "2025-01-02", 4, 1},
		{"2024-12-27", "2025-01-02", 3, 0}, // received on a closure day
		{"2025-03-13", "2025-03-17", 2, 1},
		{"2024-06-10", "2024-06-17", 5, 5},
	}
	for _, tt := range tests {
		b, _ := base.WorkingDays(day(tt.from), day(tt.to))
		g, _ := c.WorkingDays(day(tt.from), day(tt.to))
		if b != tt.base || g != tt.got {
			t.Errorf("%s to %s: %d without closures, %d with; want %d and %d", tt.from, tt.to, b, g, tt.base, tt.got)
		}
	}
	if c.ClosedCount() != 6 || base.ClosedCount() != 0 {
		t.Errorf("closure days: %d (base %d)", c.ClosedCount(), base.ClosedCount())
	}
	if got := c.Why(day("2024-12-30")); got != "office closed between Christmas and New Year" {
		t.Errorf("Why = %q", got)
	}
}

func TestFileErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
		closed           bool
	}{
		{"unknown key", "calendar: x\nfirst_year: 2024\nlast_year: 2024\nholiday:\n  - 2024-01-01 New Year\n", `bad.yaml:4: unknown key "holiday"`, false},
		{"weekend holiday", "calendar: x\nfirst_year: 2021\nlast_year: 2021\nholidays:\n  - 2021-12-25 Christmas Day\n", "bad.yaml:5: 2021-12-25 is a Saturday: a bank holiday that falls at a weekend moves to a weekday", false},
		{"missing year", "calendar: x\nfirst_year: 2024\nlast_year: 2025\nholidays:\n  - 2024-01-01 New Year\n", "no bank holidays listed for 2025", false},
		{"outside", "calendar: x\nfirst_year: 2024\nlast_year: 2024\nholidays:\n  - 2024-01-01 New Year\n  - 2025-01-01 New Year\n", "bad.yaml:6: 2025-01-01 is outside first_year to last_year", false},
		{"not a date", "calendar: x\nfirst_year: 2024\nlast_year: 2024\nholidays:\n  - 1 January 2024 New Year\n", `bad.yaml:5: "1 January 2024 New Year" does not start with a date written YYYY-MM-DD`, false},
		{"twice", "calendar: x\nfirst_year: 2024\nlast_year: 2024\nholidays:\n  - 2024-01-01 New Year\n  - 2024-01-01 Again\n", "bad.yaml:6: 2024-01-01 is listed twice (also on line 5)", false},
		{"no name", "calendar: x\nfirst_year: 2024\nlast_year: 2024\nholidays:\n  - 2024-01-01\n", "2024-01-01 has no name", false},
		{"no years", "calendar: x\nholidays:\n  - 2024-01-01 New Year\n", "needs first_year and last_year", false},
		{"closed: a calendar", "calendar: x\nfirst_year: 2024\nlast_year: 2024\nholidays:\n  - 2024-01-01 New Year\n", "is a calendar of bank holidays: name it with --calendar", true},
		{"closed: empty", "closed: []\n", "lists no closure days", true},
		{"closed: range backwards", "closed:\n  - 2024-12-31 to 2024-12-27\n", "the range ends before it starts", true},
		{"closed: outside", "closed:\n  - 2031-12-31 shut\n", "bad.yaml:2: 2031-12-31 is outside the years the calendar covers (2018 to 2028)", true},
		{"not YAML", "closed: [\n", "is not YAML csa can read", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "bad.yaml")
			os.WriteFile(path, []byte(tt.text), 0o644)
			var err error
			if tt.closed {
				_, err = LoadClosed(mustLookup(t, Default), path)
			} else {
				_, err = Lookup(path, "")
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
	if _, err := Lookup("wales", ""); err == nil || !strings.Contains(err.Error(), "the built-in calendars are england-and-wales, northern-ireland, scotland") {
		t.Errorf("unknown name: %v", err)
	}
}

// TestOwnCalendar reads a replacement calendar file relative to a folder.
func TestOwnCalendar(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "jersey.yaml"), []byte("calendar: jersey\ntitle: Jersey\nfirst_year: 2024\nlast_year: 2024\nholidays:\n  - 2024-05-09 Liberation Day\nclosed:\n  - 2024-05-10 office closed\n"), 0o644)
	c, err := Lookup("jersey.yaml", dir)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "jersey" || c.Title != "Jersey" || c.Source != filepath.Join(dir, "jersey.yaml") {
		t.Errorf("name %q title %q source %q", c.Name, c.Title, c.Source)
	}
	if n, _ := c.WorkingDays(day("2024-05-08"), day("2024-05-13")); n != 1 {
		t.Errorf("over Liberation Day and a closure: %d, want 1", n)
	}
}

func BenchmarkWorkingDays(b *testing.B) {
	c := mustLookup(b, Default)
	from := day("2024-04-01")
	for i := 0; b.Loop(); i++ {
		f := from + Day(i%365)
		if _, err := c.WorkingDays(f, f+Day(i%40)); err != nil {
			b.Fatal(err)
		}
	}
}
