// Package figures owns a landlord's complaint handling figures for a
// period: reading a complaints log exported from a CRM (CSV or Excel: only
// the columns it recognises, never names, addresses or free text), counting
// it against the Code's timescales in working days (package calendar; the
// timescales come from the catalogue's measure: data), the regulator's
// measures CH01 and CH02, the figures file (figures.yaml: written
// deterministically, typed by hand just as well), checking such a file
// (numbers that add up) and cross-checking it against the same period's
// self-assessment. Problems in a figures file are assessment.Findings with
// positions; the command line only wires them into csa check.
package figures

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/csa-tool/csa/assessment/calendar"
)

// Kind is the value of a figures file's kind: key, which is how csa check
// tells it from an assessment.
const Kind = "figures"

// Figures are one period's figures, from a log or typed by hand. A count
// that was not given (or that the Code sets no timescale for) is nil.
type Figures struct {
	Landlord   string
	Period     string       // "2024/25"
	From, To   calendar.Day // the period's first and last days
	Timescales string       // the Code whose timescales "within" counts against
	Assessment string       // the assessment to cross-check, relative to this file
	Calendar   string       // the working-day calendar
	Closed     *int         // closure days the landlord added to it
	Log        string       // the log's file name
	Rows       *Rows
	Homes      *int
	Stages     [2]*Stage // stage 1, stage 2
	Escalation *float64  // stage 2 received as a percentage of stage 1 responded
	CH01       [2]*float64
	CH02       [2]*Share
	Tenures    []*Tenure
	Months     []*Month // each calendar month of the period, for charts; nil when not given
}

// Month is one calendar month of the period for all homes: the complaints
// received in it at each stage, and the responses sent in it (as CH02
// counts them) and how many were within the Code's timescale. Months add up
// to the period: received to the stage's received, responded and within to
// CH02's.
type Month struct {
	Month  string // "2024-04"
	Stages [2]*MonthStage
}

// MonthStage is one stage's counts in a month.
type MonthStage struct {
	Received  *int // received in the month (refused included)
	Refused   *int // of those, refused
	Responded *int // responses sent in the month
	Within    *int // of those, within the Code's timescale
}

// Rows says what became of the log's rows.
type Rows struct {
	Read    int // data rows (not the header, not blank rows)
	Used    int // counted
	Outside int // no date in the period: not counted, rightly
	LeftOut int // could not be used: listed with their row numbers
}

// Stage is what happened to the complaints received at one stage in the
// period (for stage 2, the requests to escalate).
type Stage struct {
	Received             *int
	Refused              *int
	Acknowledged         *int
	AcknowledgedWithin   *int
	Responded            *int
	RespondedWithin      *int // within the Code's timescale, extensions within its limit included
	WithinByExtension    *int // of those, within only thanks to an extension
	Extended             *int // responses with an extension recorded
	ExtensionBeyondLimit *int // of those, an extension longer than the Code allows
	MedianDays           *float64
	P90Days              *int
	Refusals             []Count
	Outcomes             []Count
	Categories           []Count
}

// Count is how many complaints have one value of a column.
type Count struct {
	Label string
	N     int
}

// Share is CH02 for one stage: the responses sent in the period, and how
// many were within the Code's timescale.
type Share struct {
	Responded *int
	Within    *int
	Percent   *float64
}

// Tenure is the figures for one tenure the log names.
type Tenure struct {
	Name   string // TenureRental or TenureOwnership
	Homes  *int
	Stages [2]*Stage
	CH01   [2]*float64
	CH02   [2]*Share
}

// The tenures the regulator asks for separately.
const (
	TenureRental    = "low-cost rental"
	TenureOwnership = "low-cost home ownership"
)

// Tenures are the tenure names, in order.
var Tenures = []string{TenureRental, TenureOwnership}

// Percent is n of d as a percentage to one decimal place.
func Percent(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return round1(float64(n) * 100 / float64(d))
}

// PerThousand is n per 1,000 homes to one decimal place.
func PerThousand(n, homes int) float64 {
	if homes == 0 {
		return 0
	}
	return round1(float64(n) * 1000 / float64(homes))
}

// round1 rounds half away from zero to one decimal place, on the decimal
// value: 12.25 is 12.3, whatever its binary form.
func round1(x float64) float64 {
	s := strconv.FormatFloat(x, 'f', 6, 64)
	v, _ := strconv.ParseFloat(s, 64)
	return math.Round(v*10) / 10
}

// Number writes a figure as the files and tables show it: 12, 12.5, 79.0
// for percentages (one decimal place always, decimals true).
func Number(x float64, decimals bool) string {
	if decimals {
		return strconv.FormatFloat(x, 'f', 1, 64)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func intp(n int) *int { return &n }

func floatp(x float64) *float64 { return &x }

// Stage names for people and for file keys.
var (
	stageName = [2]string{"stage 1", "stage 2"}
	stageKey  = [2]string{"stage_1", "stage_2"}
)

// PeriodDays returns the first and last days of a financial year written
// 2024/25 (1 April 2024 to 31 March 2025).
func PeriodDays(period string) (from, to calendar.Day, ok bool) {
	if len(period) != 7 || period[4] != '/' {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(period[:4])
	yy, err2 := strconv.Atoi(period[5:])
	if err1 != nil || err2 != nil || (y+1)%100 != yy || y < 1900 {
		return 0, 0, false
	}
	return calendar.DayOf(y, 4, 1), calendar.DayOf(y+1, 3, 31), true
}

// PeriodBefore is the last financial year that ended before day d.
func PeriodBefore(d calendar.Day) string {
	y, m, _ := d.Date()
	start := y - 1 // April y-1 to March y ended before April y
	if m < 4 {
		start = y - 2
	}
	return strconv.Itoa(start) + "/" + twoDigits((start+1)%100)
}

func twoDigits(n int) string {
	return string([]byte{byte('0' + n/10), byte('0' + n%10)})
}

// sortCounts orders counts most first, then by label; the other values
// last.
func sortCounts(cs []Count) {
	slices.SortStableFunc(cs, func(a, b Count) int {
		if (a.Label == otherLabels) != (b.Label == otherLabels) {
			if a.Label == otherLabels {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Label, b.Label))
	})
}
