package importer

import (
	"strings"
	"testing"
)

func TestHeaderColumn(t *testing.T) {
	for _, tc := range []struct {
		cell string
		want column
	}{
		{"Code provision", colID},
		{"CODE PROVISION", colID},
		{"Code section", colID},
		{"Provision", colID},
		{"Code", colID},
		{"Code requirement", colRequirement},
		{"Requirement", colRequirement},
		{"Comply: Yes / No", colComply},
		{"Comply: Yes/No", colComply},
		{"Comply:\nYes / No", colComply},
		{"comply  yes/no", colComply},
		{"Comply (Yes/No/Partial)", colComply},
		{"Compliance", colComply},
		{"Do we comply?", colComply},
		{"Compliant", colComply},
		{"Evidence", colEvidence},
		{"Evidence, commentary and any explanations", colEvidence},
		{"Evidence, commentary and any other explanations", colEvidence},
		{"Commentary / explanation", colCommentary},
		{"Commentary/Explanation", colCommentary},
		{"Action required", colAction},
		{"Action", colAction},
		{"Action Owner", colOwner},
		{"Owner", colOwner},
		{"Completion Date", colDue},
		{"Target date", colDue},
		{"Due", colDue},
		{"Status", colStatus},
		{"Date completed", colCompleted},
		{"<p>Evidence</p>", colEvidence},
		{"Reviewed by", colOther},
		{"", colOther},
		// Variants beyond the table of names.
		{"Compliance: Yes / No / Partial", colComply},
		{"Compliant?", colComply},
		{"Do we comply? (Y/N)", colComply},
		{"Evidence / commentary", colEvidence},
		{"Evidence (documents held)", colEvidence},
		{"Comments and explanation", colCommentary},
		{"Action(s) required", colAction},
		{"Actions to achieve compliance", colAction},
		{"Lead officer / owner", colOwner},
		{"Responsible manager", colOwner},
		{"Target completion date (revised)", colDue},
		{"Date due", colDue},
		{"Actual completion date", colCompleted},
		{"Progress update", colStatus},
		{"Provision ref", colID},
		{"Requirement (summary)", colRequirement},
		{"What the Code says", colRequirement},
		// A data cell that starts with a column's word is not a header.
		{"Evidence of training is held by HR and reviewed each year.", colOther},
	} {
		got, _, _ := headerColumn(tc.cell)
		if got != tc.want {
			t.Errorf("headerColumn(%q) = %v; want %v", tc.cell, got, tc.want)
		}
	}
}

func TestParseHeader(t *testing.T) {
	for _, tc := range []struct {
		name            string
		cells           []string
		ok              bool
		combined, split bool
		cols            string
	}{
		{"2024 form", []string{"Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation"},
			true, false, true, "provision requirement comply evidence commentary"},
		{"2022 form", []string{"Code section", "Code requirement", "Comply: Yes/No", "Evidence, commentary and any explanations"},
			true, true, false, "provision requirement comply evidence"},
		{"seed 000 with actions", []string{"Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Action required", "Action Owner", "Completion Date"},
			true, false, false, "provision requirement comply evidence action owner due"},
		{"two provision columns: the better name wins", []string{"Section", "Provision", "Requirement", "Compliance"},
			true, false, false, "other provision requirement comply"},
		{"no answer or evidence", []string{"Code provision", "Code requirement", "Owner"}, false, false, false, ""},
		{"a data row", []string{"1.2", "A complaint must be defined as...", "Yes", "The policy says so."}, false, false, false, ""},
		{"one recognised cell", []string{"Evidence", "Something"}, false, false, false, ""},
		{"a long cell is not a header", []string{"Code provision", strings.Repeat("Requirement ", 10), "Comply"}, false, false, false, ""},
		{"No as a number column", []string{"No.", "What the Code says", "Compliant?", "Evidence"}, true, false, false, "provision requirement comply evidence"},
		{"No as an answer", []string{"Comply", "No"}, false, false, false, ""},
		{"a continuation row that starts like labels", []string{"", "Requirement met in full", "", "Evidence held on file"}, false, false, false, ""},
		{"two headers in other words need a third", []string{"Provision ref", "Evidence (documents)", "Notes"}, true, false, true, "provision evidence commentary"},
		{"a row with a provision number", []string{"Provision", "1.2", "Compliance", "Yes"}, false, false, false, ""},
		{"headers in other words", []string{"Ref", "Requirement (summary)", "Do we comply? (Y/N)", "Evidence / commentary", "Action(s) required", "Lead officer", "Target completion date (revised)"},
			true, true, false, "provision requirement comply evidence action owner due"},
	} {
		h, ok := parseHeader(tc.cells)
		if ok != tc.ok {
			t.Errorf("%s: ok = %v; want %v", tc.name, ok, tc.ok)
			continue
		}
		if !ok {
			continue
		}
		var cols []string
		for _, c := range h.cols {
			cols = append(cols, c.String())
		}
		if got := strings.Join(cols, " "); got != tc.cols || h.combined != tc.combined || h.split != tc.split {
			t.Errorf("%s: cols %q combined %v split %v; want %q %v %v", tc.name, got, h.combined, h.split, tc.cols, tc.combined, tc.split)
		}
	}
}

func TestParseLabel(t *testing.T) {
	for _, tc := range []struct {
		line  string
		ok    bool
		col   column
		value string
	}{
		{"Code provision 6.1", true, colID, "6.1"},
		{"Provision: 6.10", true, colID, "6.10"},
		{"Code provision", true, colID, ""},
		{"Code requirement", true, colRequirement, ""},
		{"Comply", true, colComply, ""},
		{"Comply: Yes / No", true, colComply, ""},
		{"Do we comply? Yes.", true, colComply, "Yes."},
		{"Compliance: Partial", true, colComply, "Partial"},
		{"Comply Yes", true, colComply, "Yes"},
		{"Evidence", true, colEvidence, ""},
		{"Evidence:", true, colEvidence, ""},
		{"Evidence: Policy section 2.", true, colEvidence, "Policy section 2."},
		{"Commentary / explanation", true, colCommentary, ""},
		{"Action owner: Head of Housing", true, colOwner, "Head of Housing"},
		// Not labels: evidence that happens to start with a label's word.
		{"Evidence of training is held by HR.", false, 0, ""},
		{"Compliance with the Code is reviewed yearly.", false, 0, ""},
		{"Code provision numbers are in the margin", false, 0, ""},
		{"Comply with the timescales", false, 0, ""},
		{"Yes", false, 0, ""},
		{"No", false, 0, ""},
		{"Notes: written by the team", false, 0, ""},
		{"3.4 Complaints will be logged on the day.", false, 0, ""},
	} {
		l, ok := parseLabel(tc.line)
		if ok != tc.ok || (ok && (l.col != tc.col || l.value != tc.value)) {
			t.Errorf("parseLabel(%q) = %v %q, %v; want %v %q, %v", tc.line, l.col, l.value, ok, tc.col, tc.value, tc.ok)
		}
	}
}

func TestParseMeta(t *testing.T) {
	for _, tc := range []struct{ line, kind, val string }{
		{"Landlord: Example Homes", "landlord", "Example Homes"},
		{"Organisation name: Example Homes", "landlord", "Example Homes"},
		{"Date of assessment: 31 May 2025", "assessed", "31 May 2025"},
		{"Date of self-assessment: 2025-05-31", "assessed", "2025-05-31"},
		{"Reporting year: 2024/25", "period", "2024/25"},
		{"Landlord:", "", ""},
		{"Evidence: the policy", "", ""},
		{"Landlord name", "", ""},
	} {
		kind, val, ok := parseMeta(tc.line)
		if kind != tc.kind || val != tc.val || ok != (tc.kind != "") {
			t.Errorf("parseMeta(%q) = %q %q %v; want %q %q", tc.line, kind, val, ok, tc.kind, tc.val)
		}
	}
}

func TestParseApproval(t *testing.T) {
	for _, tc := range []struct{ line, by, on string }{
		{"Approved by the Board on 26 June 2025.", "Board", "26 June 2025"},
		{"This self-assessment was approved by Cabinet on 12/07/2023", "Cabinet", "12/07/2023"},
		{"approved by the board of management, on 2025-06-01", "Board of management", "2025-06-01"},
		{"Approved by the Board", "", ""},
		{"Approved by the Board on a date to be agreed", "", ""},
	} {
		by, on, ok := parseApproval(tc.line)
		if by != tc.by || on != tc.on || ok != (tc.by != "") {
			t.Errorf("parseApproval(%q) = %q %q %v; want %q %q", tc.line, by, on, ok, tc.by, tc.on)
		}
	}
}

func TestDetailRow(t *testing.T) {
	for _, tc := range []struct {
		cells []string
		want  string
		ok    bool
	}{
		{[]string{"Landlord", "Example Homes"}, "Landlord: Example Homes", true},
		{[]string{"Date of assessment:", "", "31 May 2025"}, "Date of assessment: 31 May 2025", true},
		{[]string{"Approved by", "The Board"}, "Approved by: The Board", true},
		{[]string{"Date approved", "45832"}, "Date approved: 45832", true},
		{[]string{"Reporting year", "2024/25"}, "Reporting year: 2024/25", true},
		{[]string{"Landlord", "Example Homes", "extra"}, "", false},
		{[]string{"Evidence", "Policy section 2."}, "", false},
		{[]string{"1.2", "Landlord"}, "", false},
	} {
		got, ok := detailRow(tc.cells)
		if got != tc.want || ok != tc.ok {
			t.Errorf("detailRow(%q) = %q, %v; want %q, %v", tc.cells, got, ok, tc.want, tc.ok)
		}
	}
}
