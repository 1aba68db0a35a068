package assessment

import "testing"

// TestPositionsOf: a value's own place, else the nearest enclosing value
// written, else the top of the file.
func TestPositionsOf(t *testing.T) {
	ps := Positions{"ombudsman": {Line: 17, Col: 3}, "ombudsman.determinations[0]": {Line: 19, Col: 7}, "year_end": {Line: 4, Col: 11}}
	for path, want := range map[string]Pos{
		"year_end":                              {Line: 4, Col: 11},
		"ombudsman.determinations[0].orders[1]": {Line: 19, Col: 7},
		"ombudsman.annual_report":               {Line: 17, Col: 3},
		"response.on":                           {Line: 1, Col: 1},
	} {
		if got := ps.Of(path); got != want {
			t.Errorf("Of(%q) = %v, want %v", path, got, want)
		}
	}
}
