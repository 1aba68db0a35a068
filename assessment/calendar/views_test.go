package calendar

import "sort"

// Views of a calendar the tests read it by; csa itself only counts working
// days.

// IsWorkingDay reports whether d is a working day.
func (c *Calendar) IsWorkingDay(d Day) (bool, error) {
	if !c.Covers(d) {
		return false, &RangeError{Day: d, First: c.FirstYear, Last: c.LastYear}
	}
	return c.working(d), nil
}

// Holidays returns the bank holidays of a year, in date order.
func (c *Calendar) Holidays(year int) []Holiday {
	return sorted(c.holidays, year)
}

func sorted(m map[Day]string, year int) []Holiday {
	var out []Holiday
	for d, name := range m {
		if d.Year() == year {
			out = append(out, Holiday{d, name})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day < out[j].Day })
	return out
}

// Why says why a day is not a working day ("Saturday", "Good Friday",
// "office closed"), or "" for a working day.
func (c *Calendar) Why(d Day) string {
	if name, ok := c.holidays[d]; ok {
		return name
	}
	if note, ok := c.closed[d]; ok {
		if note == "" {
			return "closed"
		}
		return note
	}
	if d.IsWeekend() {
		return d.Weekday().String()
	}
	return ""
}
