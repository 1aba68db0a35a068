package calendar

import (
	"strconv"
	"time"
)

// Day is a calendar day, counted from 1 January 1970 (day 0). It has no time
// and no zone, and compares with < and -, so a complaints log of many
// thousand rows costs four bytes a date.
type Day int32

// DayOf returns the day for a year, month and day of the month. Out-of-range
// values roll over as time.Date's do (31 April is 1 May).
func DayOf(y int, m time.Month, d int) Day {
	if m < 1 || m > 12 || d < 1 || d > 28 {
		t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		y, m, d = t.Date()
	}
	return fromCivil(y, int(m), d)
}

// fromCivil is the days-from-civil algorithm (H. Hinnant), in the proleptic
// Gregorian calendar, without the time package's cost per call.
func fromCivil(y, m, d int) Day {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Day(era*146097 + doe - 719468)
}

// Date returns the year, month and day of the month.
func (d Day) Date() (year int, month time.Month, day int) {
	z := int(d) + 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, time.Month(m), day
}

// Year is the day's year.
func (d Day) Year() int {
	y, _, _ := d.Date()
	return y
}

// Weekday is the day of the week (1 January 1970 was a Thursday).
func (d Day) Weekday() time.Weekday {
	return time.Weekday((int(d)%7 + 7 + 4) % 7)
}

// IsWeekend reports whether the day is a Saturday or a Sunday.
func (d Day) IsWeekend() bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}

// String formats the day as YYYY-MM-DD.
func (d Day) String() string {
	y, m, dd := d.Date()
	b := make([]byte, 0, 10)
	for p := 1000; y >= 0 && y < p && p > 1; p /= 10 {
		b = append(b, '0') // years before 1000, as four digits
	}
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, '-', byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+dd/10), byte('0'+dd%10))
	return string(b)
}

// Long formats the day for people: "3 June 2022".
func (d Day) Long() string {
	y, m, dd := d.Date()
	return strconv.Itoa(dd) + " " + m.String() + " " + strconv.Itoa(y)
}

// ParseDay reads a date written YYYY-MM-DD, and nothing else.
func ParseDay(s string) (Day, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 || !Valid(y, m, d) {
		return 0, false
	}
	return fromCivil(y, m, d), true
}

// Valid reports whether year, month and day name a real day (no 31 April,
// 29 February only in a leap year).
func Valid(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, len(s) > 0
}
