package calendar

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The bank holidays by the rules that make them: Easter computed, Mondays
// counted, a holiday at a weekend moved to the next free weekday, and the
// one-off changes of 2020, 2022 and 2023. The shipped files must agree with
// these rules for every year they cover, and (TestPublishedDates) with the
// dates GOV.UK published, typed in from that list, not from these rules.

// easter is Easter Sunday: the anonymous Gregorian algorithm.
func easter(y int) Day {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return DayOf(y, time.Month(month), day)
}

func firstMonday(y int, m time.Month) Day {
	d := DayOf(y, m, 1)
	for d.Weekday() != time.Monday {
		d++
	}
	return d
}

func lastMonday(y int, m time.Month) Day {
	d := DayOf(y, m+1, 1) - 1
	for d.Weekday() != time.Monday {
		d--
	}
	return d
}

// nextMonday is the day itself, or the Monday after it when at a weekend.
func nextMonday(d Day) Day {
	for d.IsWeekend() {
		d++
	}
	return d
}

type ruleSet struct {
	out []Holiday
}

func (r *ruleSet) add(d Day, name string) { r.out = append(r.out, Holiday{d, name}) }

// fixed adds holidays on fixed dates in order (New Year, 2 January;
// Christmas, Boxing Day): each at a weekend or on a day already taken moves
// to the next free weekday, named as a substitute day.
func (r *ruleSet) fixed(days []Day, names []string) {
	taken := map[Day]bool{}
	// A fixed day on a weekday keeps its day; the others queue after it.
	for i, d := range days {
		if !d.IsWeekend() {
			taken[d] = true
			r.add(d, names[i])
		}
	}
	for i, d := range days {
		if !d.IsWeekend() {
			continue
		}
		s := d
		for s.IsWeekend() || taken[s] {
			s++
		}
		taken[s] = true
		r.add(s, names[i]+" (substitute day)")
	}
}

func (r *ruleSet) mayAndSpecials(y int) {
	switch y {
	case 2020:
		r.add(DayOf(2020, 5, 8), "Early May bank holiday (VE day)")
	default:
		r.add(firstMonday(y, time.May), "Early May bank holiday")
	}
	if y == 2023 {
		r.add(DayOf(2023, 5, 8), "Bank holiday for the coronation of King Charles III")
	}
	switch y {
	case 2022:
		r.add(DayOf(2022, 6, 2), "Spring bank holiday")
		r.add(DayOf(2022, 6, 3), "Platinum Jubilee bank holiday")
		r.add(DayOf(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II")
	default:
		r.add(lastMonday(y, time.May), "Spring bank holiday")
	}
}

func (r *ruleSet) christmas(y int) {
	r.fixed([]Day{DayOf(y, 12, 25), DayOf(y, 12, 26)}, []string{"Christmas Day", "Boxing Day"})
}

func englandAndWales(y int) []Holiday {
	r := &ruleSet{}
	r.fixed([]Day{DayOf(y, 1, 1)}, []string{"New Year's Day"})
	r.add(easter(y)-2, "Good Friday")
	r.add(easter(y)+1, "Easter Monday")
	r.mayAndSpecials(y)
	r.add(lastMonday(y, time.August), "Summer bank holiday")
	r.christmas(y)
	return sortHolidays(r.out)
}

func scotland(y int) []Holiday {
	r := &ruleSet{}
	r.fixed([]Day{DayOf(y, 1, 1), DayOf(y, 1, 2)}, []string{"New Year's Day", "2nd January"})
	r.add(easter(y)-2, "Good Friday")
	r.mayAndSpecials(y)
	r.add(firstMonday(y, time.August), "Summer bank holiday")
	if d := DayOf(y, 11, 30); d.IsWeekend() {
		r.add(nextMonday(d), "St Andrew's Day (substitute day)")
	} else {
		r.add(d, "St Andrew's Day")
	}
	r.christmas(y)
	return sortHolidays(r.out)
}

func northernIreland(y int) []Holiday {
	r := &ruleSet{}
	r.fixed([]Day{DayOf(y, 1, 1)}, []string{"New Year's Day"})
	if d := DayOf(y, 3, 17); d.IsWeekend() {
		r.add(nextMonday(d), "St Patrick's Day (substitute day)")
	} else {
		r.add(d, "St Patrick's Day")
	}
	r.add(easter(y)-2, "Good Friday")
	r.add(easter(y)+1, "Easter Monday")
	r.mayAndSpecials(y)
	if d := DayOf(y, 7, 12); d.IsWeekend() {
		r.add(nextMonday(d), "Battle of the Boyne (Orangemen's Day) (substitute day)")
	} else {
		r.add(d, "Battle of the Boyne (Orangemen's Day)")
	}
	r.add(lastMonday(y, time.August), "Summer bank holiday")
	r.christmas(y)
	return sortHolidays(r.out)
}

func sortHolidays(h []Holiday) []Holiday {
	slices.SortFunc(h, func(a, b Holiday) int { return int(a.Day - b.Day) })
	return h
}

var ruleCalendars = []struct {
	name, title string
	rules       func(int) []Holiday
	source      string
}{
	{"england-and-wales", "England and Wales", englandAndWales, ""},
	{"scotland", "Scotland", scotland, ""},
	{"northern-ireland", "Northern Ireland", northernIreland, ""},
}

const firstYear, lastYear = 2018, 2028

// TestEmbeddedFollowRules compares every shipped calendar, year by year,
// with the rules.
func TestEmbeddedFollowRules(t *testing.T) {
	if os.Getenv("CSA_UPDATE_CALENDARS") != "" {
		writeData(t)
	}
	for _, rc := range ruleCalendars {
		t.Run(rc.name, func(t *testing.T) {
			c, err := Lookup(rc.name, "")
			if err != nil {
				t.Fatal(err)
			}
			if c.FirstYear != firstYear || c.LastYear != lastYear {
				t.Errorf("covers %d to %d, want %d to %d", c.FirstYear, c.LastYear, firstYear, lastYear)
			}
			for y := c.FirstYear; y <= c.LastYear; y++ {
				got, want := c.Holidays(y), rc.rules(y)
				if !slices.Equal(got, want) {
					t.Errorf("%d:\n got %v\nwant %v", y, got, want)
				}
			}
		})
	}
}

// writeData rewrites the shipped calendars from the rules
// (CSA_UPDATE_CALENDARS=1 go test ./assessment/calendar/); review the diff.
func writeData(t *testing.T) {
	for _, rc := range ruleCalendars {
		var b strings.Builder
		fmt.Fprintf(&b, "%s", dataHeader[rc.name])
		fmt.Fprintf(&b, "calendar: %s\ntitle: %s\nfirst_year: %d\nlast_year: %d\nholidays:\n", rc.name, rc.title, firstYear, lastYear)
		for y := firstYear; y <= lastYear; y++ {
			fmt.Fprintf(&b, "  # %d\n", y)
			for _, h := range rc.rules(y) {
				fmt.Fprintf(&b, "  - %s %s\n", h.Day, h.Name)
			}
		}
		if err := os.WriteFile(filepath.Join("data", rc.name+".yaml"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Log("rewrote the calendars in data/: review the diff")
}

const commonHeader = `#
# Each year lists every bank holiday, with the substitute weekday when a fixed
# holiday falls at a weekend, and the one-off changes: in 2020 the early May bank
# holiday moved to Friday 8 May (VE day); in 2022 the spring bank holiday moved
# to Thursday 2 June, Friday 3 June was added for the Platinum Jubilee and Monday
# 19 September for the State Funeral of Queen Elizabeth II; in 2023 Monday 8 May
# was added for the coronation of King Charles III.
#
# 2018 to 2027 are as GOV.UK published them. 2028 follows the usual rules and
# will need a change if a special bank holiday is announced for it.
# To use your own calendar: csa figures --calendar FILE (this format).
`

var dataHeader = map[string]string{
	"england-and-wales": "# Bank holidays in England and Wales, shipped with csa for counting working days.\n" + commonHeader,
	"scotland": "# Bank holidays in Scotland, shipped with csa for counting working days.\n" + commonHeader +
		"# Local holidays (which differ by council area) are not listed: add the ones your\n# offices close for with --closed.\n",
	"northern-ireland": "# Bank and public holidays in Northern Ireland, shipped with csa for counting working days.\n" + commonHeader,
}

// TestPublishedDates checks each calendar against the dates GOV.UK
// published, typed in as a person reads them off the list, so a mistake in
// the rules and the same mistake in the data cannot agree unseen.
func TestPublishedDates(t *testing.T) {
	published := map[string]map[int]string{
		"england-and-wales": {
			2018: "01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26",
			2019: "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26",
			2020: "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28",
			2021: "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28",
			2022: "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
			2023: "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
			2024: "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26",
			2025: "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26",
			2026: "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
			2027: "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28",
		},
		"scotland": {
			2018: "01-01 01-02 03-30 05-07 05-28 08-06 11-30 12-25 12-26",
			2019: "01-01 01-02 04-19 05-06 05-27 08-05 12-02 12-25 12-26",
			2020: "01-01 01-02 04-10 05-08 05-25 08-03 11-30 12-25 12-28",
			2021: "01-01 01-04 04-02 05-03 05-31 08-02 11-30 12-27 12-28",
			2022: "01-03 01-04 04-15 05-02 06-02 06-03 08-01 09-19 11-30 12-26 12-27",
			2023: "01-02 01-03 04-07 05-01 05-08 05-29 08-07 11-30 12-25 12-26",
			2024: "01-01 01-02 03-29 05-06 05-27 08-05 12-02 12-25 12-26",
			2025: "01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26",
			2026: "01-01 01-02 04-03 05-04 05-25 08-03 11-30 12-25 12-28",
			2027: "01-01 01-04 03-26 05-03 05-31 08-02 11-30 12-27 12-28",
		},
		"northern-ireland": {
			2018: "01-01 03-19 03-30 04-02 05-07 05-28 07-12 08-27 12-25 12-26",
			2019: "01-01 03-18 04-19 04-22 05-06 05-27 07-12 08-26 12-25 12-26",
			2020: "01-01 03-17 04-10 04-13 05-08 05-25 07-13 08-31 12-25 12-28",
			2021: "01-01 03-17 04-02 04-05 05-03 05-31 07-12 08-30 12-27 12-28",
			2022: "01-03 03-17 04-15 04-18 05-02 06-02 06-03 07-12 08-29 09-19 12-26 12-27",
			2023: "01-02 03-17 04-07 04-10 05-01 05-08 05-29 07-12 08-28 12-25 12-26",
			2024: "01-01 03-18 03-29 04-01 05-06 05-27 07-12 08-26 12-25 12-26",
			2025: "01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26",
			2026: "01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28",
			2027: "01-01 03-17 03-26 03-29 05-03 05-31 07-12 08-30 12-27 12-28",
		},
	}
	for name, years := range published {
		c, err := Lookup(name, "")
		if err != nil {
			t.Fatal(err)
		}
		for y, list := range years {
			var want []string
			for _, md := range strings.Fields(list) {
				want = append(want, fmt.Sprintf("%d-%s", y, md))
			}
			var got []string
			for _, h := range c.Holidays(y) {
				got = append(got, h.Day.String())
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s %d:\n got %v\nwant %v", name, y, got, want)
			}
		}
	}
}

func TestEaster(t *testing.T) {
	want := map[int]string{
		2018: "2018-04-01", 2019: "2019-04-21", 2020: "2020-04-12", 2021: "2021-04-04", 2022: "2022-04-17",
		2023: "2023-04-09", 2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28",
		2028: "2028-04-16",
	}
	for y, w := range want {
		if got := easter(y).String(); got != w {
			t.Errorf("Easter %d = %s, want %s", y, got, w)
		}
	}
}
