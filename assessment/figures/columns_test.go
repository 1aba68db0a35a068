package figures

import (
	"fmt"
	"strings"
	"testing"
)

func TestHeaderColumn(t *testing.T) {
	tests := []struct {
		header string
		want   string // field/stage, or "" for a column not read
	}{
		{"Reference", "reference/0"},
		{"Case No.", "reference/0"},
		{"Complaint stage", "stage/0"},
		{"Date Received", "received/0"},
		{"DATE RAISED", "received/0"},
		{"Date of receipt", "received/0"},
		{"Stage 1 received", "received/1"},
		{"Stage 2 received", "escalation requested/0"},
		{"Stage 2 requested", "escalation requested/0"},
		{"Date escalated to stage 2", "escalation requested/0"},
		{"Escalation requested", "escalation requested/0"},
		{"Acknowledgement date", "acknowledged/0"},
		{"Stage 2 acknowledged", "acknowledged/2"},
		{"Acknowledged (stage 2)", "acknowledged/2"},
		{"S2 response date", "responded/2"},
		{"Response date", "responded/0"},
		{"Date closed", "responded/0"},
		{"Extension agreed?", "extension/0"},
		{"Extension (working days)", "extension/0"},
		{"Revised due date", "extended due date/0"},
		{"Stage 2 extension", "extension/2"},
		{"Outcome", "outcome/0"},
		{"Stage 2 outcome", "outcome/2"},
		{"Complaint type", "category/0"},
		{"Stage 1 category", "category/0"},
		{"Refused (Y/N)", "refused/0"},
		{"Reason for refusal", "refusal reason/0"},
		{"Tenure type", "tenure/0"},
		{"Tenure (LCRA / LCHO)", "tenure/0"},
		{"Resident name", ""},
		{"Name", ""},
		{"Address", ""},
		{"Case notes", ""},
		{"Description", ""},
		{"Date logged", ""},
		{"Stage 1", ""},
	}
	for _, tt := range tests {
		c, ok := headerColumn(tt.header)
		got := ""
		if ok {
			got = fmt.Sprintf("%s/%d", c.f, c.stage)
		}
		if got != tt.want {
			t.Errorf("%q read as %q, want %q", tt.header, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		cell   string
		serial bool
		want   string // "" for not a date
	}{
		{"2024-04-03", false, "2024-04-03"},
		{"03/04/2024", false, "2024-04-03"},
		{"3/4/2024", false, "2024-04-03"},
		{"3/4/24", false, "2024-04-03"},
		{"03-04-2024", false, "2024-04-03"},
		{"03.04.2024", false, "2024-04-03"},
		{"2024/04/03", false, "2024-04-03"},
		{"3 April 2024", false, "2024-04-03"},
		{"3rd April 2024", false, "2024-04-03"},
		{"Wednesday 3 April 2024", false, "2024-04-03"},
		{"03-Apr-2024", false, "2024-04-03"},
		{"3-Apr-24", false, "2024-04-03"},
		{"03/04/2024 14:22", false, "2024-04-03"},
		{"2024-04-03T14:22:05Z", false, "2024-04-03"},
		{"2024-04-03 09:15:00", false, "2024-04-03"},
		{"45385", true, "2024-04-03"},
		{"45385.59", true, "2024-04-03"},
		{"45385", false, ""},
		{"04/23/2024", false, ""},
		{"31/11/2024", false, ""},
		{"29/02/2023", false, ""},
		{"TBC", false, ""},
		{"April 2024", false, ""},
		{"3/4/202", false, ""},
	}
	for _, tt := range tests {
		d, ok := parseDate(tt.cell, tt.serial, false)
		got := ""
		if ok {
			got = d.String()
		}
		if got != tt.want {
			t.Errorf("parseDate(%q, %v) = %q, want %q", tt.cell, tt.serial, got, tt.want)
		}
	}
	if d, ok := parseDate("", false, false); !ok || d != noDay {
		t.Error("a blank cell is no date, and no problem")
	}
}

func TestParseValues(t *testing.T) {
	for _, tt := range []struct {
		cell string
		want int
	}{{"1", 1}, {"Stage 1", 1}, {"stage one", 1}, {"S2", 2}, {"Stage 2 - Review", 2}, {"Stage II", 2}, {"3", 3}, {"Informal", 0}, {"Stage 0", 0}, {"", 0}} {
		if got := parseStage(tt.cell); got != tt.want {
			t.Errorf("parseStage(%q) = %d, want %d", tt.cell, got, tt.want)
		}
	}
	for _, tt := range []struct {
		cell string
		want string
	}{{"General needs", TenureRental}, {"LCRA", TenureRental}, {"Affordable rent", TenureRental}, {"Shared Ownership", TenureOwnership},
		{"LCHO", TenureOwnership}, {"Leasehold", ""}, {"Market rent", ""}, {"", ""}, {"Garage", ""}} {
		if got := parseTenure(tt.cell); got != tt.want {
			t.Errorf("parseTenure(%q) = %q, want %q", tt.cell, got, tt.want)
		}
	}
	for _, tt := range []struct {
		cell string
		want string
	}{{"", "none"}, {"No", "none"}, {"Yes", "given"}, {"10", "10 days"}, {"5 working days", "5 days"}, {"03/06/2024", "given"}, {"maybe", "bad"}, {"10.5", "bad"}} {
		e, ok := parseExtension(tt.cell, false, false)
		got := "bad"
		switch {
		case !ok:
		case e.days > 0:
			got = fmt.Sprintf("%d days", e.days)
		case e.given:
			got = "given"
		default:
			got = "none"
		}
		if got != tt.want {
			t.Errorf("parseExtension(%q) = %s, want %s", tt.cell, got, tt.want)
		}
	}
}

// TestLabels: free text is not kept, and a column of too many values keeps
// the rest under one count.
func TestLabels(t *testing.T) {
	if got := label("Upheld"); got != "Upheld" {
		t.Errorf("label = %q", got)
	}
	for _, long := range []string{
		"Mrs Example says the repair to her kitchen was never done",
		strings.Repeat("x", 51),
	} {
		if got := label(long); got != longText {
			t.Errorf("label(%q) = %q, want it not shown", long, got)
		}
	}
	var l labels
	for i := range 50 {
		l.add(fmt.Sprintf("value %d", i))
	}
	l.add("VALUE 3")
	list := l.list()
	if len(list) != maxLabels+1 || list[len(list)-1] != (Count{otherLabels, 10}) {
		t.Errorf("%d labels, last %v", len(list), list[len(list)-1])
	}
	if list[0] != (Count{"value 3", 2}) {
		t.Errorf("case aside, value 3 is counted twice: %v", list[0])
	}
}
