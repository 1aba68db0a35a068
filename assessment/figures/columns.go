package figures

import (
	"fmt"
	"strings"
)

// This file recognises a complaints log's column headers, whatever their
// case, spacing or punctuation, in the variants CRM exports use. A column it
// does not recognise is never read: that is where names, addresses and the
// complaint's own words are, and they stay in the log.

// field is what a column of a log holds.
type field int

const (
	fieldNone      field = iota
	fieldRef             // Reference
	fieldStage           // Stage
	fieldReceived        // Received (for a stage 2 row: the request to escalate)
	fieldAck             // Acknowledged
	fieldResp            // Responded
	fieldExt             // Extension agreed: yes, no, or working days
	fieldExtDue          // Extended due date
	fieldEscalated       // Escalation requested
	fieldOutcome         // Outcome
	fieldCategory        // Category
	fieldRefused         // Refused
	fieldReason          // Refusal reason
	fieldTenure          // Tenure
	fieldCount
)

var fieldNames = [fieldCount]string{"", "reference", "stage", "received", "acknowledged", "responded",
	"extension", "extended due date", "escalation requested", "outcome", "category", "refused", "refusal reason", "tenure"}

func (f field) String() string { return fieldNames[f] }

// headers maps a header's words to what it holds, and a rank: where a log
// has two columns for one thing, the lower rank is read ("Response date"
// before "Closed").
var headers = map[string]struct {
	f    field
	rank int
}{
	"reference": {fieldRef, 0}, "ref": {fieldRef, 0}, "complaint reference": {fieldRef, 0},
	"complaint ref": {fieldRef, 0}, "case reference": {fieldRef, 0}, "case ref": {fieldRef, 0},
	"case number": {fieldRef, 0}, "case no": {fieldRef, 0}, "complaint number": {fieldRef, 0},
	"complaint no": {fieldRef, 0}, "complaint id": {fieldRef, 0}, "case id": {fieldRef, 0},
	"reference number": {fieldRef, 0}, "ref no": {fieldRef, 0}, "id": {fieldRef, 1},

	"stage": {fieldStage, 0}, "complaint stage": {fieldStage, 0}, "stage number": {fieldStage, 0},
	"stage no": {fieldStage, 0}, "level": {fieldStage, 1}, "complaint level": {fieldStage, 1},

	"received": {fieldReceived, 0}, "date received": {fieldReceived, 0}, "received date": {fieldReceived, 0},
	"received on": {fieldReceived, 0}, "date complaint received": {fieldReceived, 0},
	"complaint received": {fieldReceived, 0}, "complaint received date": {fieldReceived, 0},
	"complaint date": {fieldReceived, 1}, "date of complaint": {fieldReceived, 1},
	"date raised": {fieldReceived, 1}, "raised": {fieldReceived, 1}, "raised on": {fieldReceived, 1},
	"date opened": {fieldReceived, 2}, "opened": {fieldReceived, 2}, "opened date": {fieldReceived, 2},
	"open date": {fieldReceived, 2}, "date created": {fieldReceived, 3}, "created": {fieldReceived, 3},
	"created date": {fieldReceived, 3}, "date of receipt": {fieldReceived, 0}, "receipt date": {fieldReceived, 0},

	"acknowledged": {fieldAck, 0}, "date acknowledged": {fieldAck, 0}, "acknowledged date": {fieldAck, 0},
	"acknowledged on": {fieldAck, 0}, "acknowledgement date": {fieldAck, 0}, "acknowledgment date": {fieldAck, 0},
	"acknowledgement sent": {fieldAck, 0}, "acknowledgment sent": {fieldAck, 0},
	"date of acknowledgement": {fieldAck, 0}, "date of acknowledgment": {fieldAck, 0},
	"acknowledgement": {fieldAck, 1}, "acknowledgment": {fieldAck, 1}, "ack date": {fieldAck, 1},
	"date acknowledged and logged": {fieldAck, 0}, "acknowledged and logged": {fieldAck, 0},
	"logged and acknowledged": {fieldAck, 0},

	"responded": {fieldResp, 0}, "date responded": {fieldResp, 0}, "responded date": {fieldResp, 0},
	"responded on": {fieldResp, 0}, "response date": {fieldResp, 0}, "response sent": {fieldResp, 0},
	"date response sent": {fieldResp, 0}, "date of response": {fieldResp, 0}, "response issued": {fieldResp, 0},
	"date response issued": {fieldResp, 0}, "response": {fieldResp, 1}, "date closed": {fieldResp, 2},
	"closed date": {fieldResp, 2}, "closed": {fieldResp, 2}, "closed on": {fieldResp, 2},

	"extension": {fieldExt, 0}, "extension agreed": {fieldExt, 0}, "extended": {fieldExt, 0},
	"extension days": {fieldExt, 0}, "extension working days": {fieldExt, 0}, "extension given": {fieldExt, 0},
	"extension granted": {fieldExt, 0}, "days extended": {fieldExt, 0}, "extension agreed y n": {fieldExt, 0},
	"extended due date": {fieldExtDue, 0}, "extended to": {fieldExtDue, 0}, "revised due date": {fieldExtDue, 0},
	"revised response date": {fieldExtDue, 0}, "new due date": {fieldExtDue, 0}, "new response date": {fieldExtDue, 0},
	"extended response date": {fieldExtDue, 0}, "extended deadline": {fieldExtDue, 0},
	"revised deadline": {fieldExtDue, 0}, "new deadline": {fieldExtDue, 0},

	"escalation requested": {fieldEscalated, 0}, "escalated": {fieldEscalated, 0},
	"date escalated": {fieldEscalated, 0}, "escalation date": {fieldEscalated, 0},
	"escalation request": {fieldEscalated, 0}, "escalation request date": {fieldEscalated, 0},
	"escalation requested on": {fieldEscalated, 0}, "date escalation requested": {fieldEscalated, 0},
	"escalated on": {fieldEscalated, 0}, "escalated to stage 2": {fieldEscalated, 0},
	"date escalated to stage 2": {fieldEscalated, 0}, "escalation requested date": {fieldEscalated, 0},

	"outcome": {fieldOutcome, 0}, "complaint outcome": {fieldOutcome, 0}, "decision": {fieldOutcome, 1},
	"result": {fieldOutcome, 1}, "finding": {fieldOutcome, 1}, "upheld": {fieldOutcome, 1},
	"upheld not upheld": {fieldOutcome, 1}, "determination": {fieldOutcome, 1},

	"category": {fieldCategory, 0}, "complaint category": {fieldCategory, 0}, "type": {fieldCategory, 1},
	"complaint type": {fieldCategory, 0}, "service area": {fieldCategory, 1}, "subject": {fieldCategory, 2},
	"theme": {fieldCategory, 1}, "complaint theme": {fieldCategory, 0}, "complaint about": {fieldCategory, 2},
	"nature of complaint": {fieldCategory, 2}, "service": {fieldCategory, 2},

	"refused": {fieldRefused, 0}, "complaint refused": {fieldRefused, 0}, "refused y n": {fieldRefused, 0},
	"refused yes no": {fieldRefused, 0}, "not accepted": {fieldRefused, 0}, "refusal": {fieldRefused, 1},
	"declined": {fieldRefused, 1}, "complaint declined": {fieldRefused, 1},

	"refusal reason": {fieldReason, 0}, "reason for refusal": {fieldReason, 0}, "reason refused": {fieldReason, 0},
	"refused reason": {fieldReason, 0}, "reason not accepted": {fieldReason, 0},
	"reason for not accepting": {fieldReason, 0}, "exclusion reason": {fieldReason, 0},
	"reason declined": {fieldReason, 1}, "reason for declining": {fieldReason, 1}, "exclusion": {fieldReason, 1},

	"tenure": {fieldTenure, 0}, "tenure type": {fieldTenure, 0}, "tenancy type": {fieldTenure, 0},
	"tenure lcra lcho": {fieldTenure, 0}, "tenure category": {fieldTenure, 0}, "tenure group": {fieldTenure, 0},
}

// stageOf splits a stage off a header: "Stage 2 response date" is stage 2,
// "response date"; "Response date (stage 1)" is stage 1, "response date".
func stageOf(ws []string) (int, []string) {
	n := len(ws)
	try := func(a, b string) int {
		if a == "stage" || a == "s" {
			switch b {
			case "1", "one":
				return 1
			case "2", "two":
				return 2
			}
		}
		return 0
	}
	switch {
	case n >= 1 && (ws[0] == "stage1" || ws[0] == "s1"):
		return 1, ws[1:]
	case n >= 1 && (ws[0] == "stage2" || ws[0] == "s2"):
		return 2, ws[1:]
	case n >= 3 && try(ws[0], ws[1]) > 0:
		return try(ws[0], ws[1]), ws[2:]
	case n >= 3 && try(ws[n-2], ws[n-1]) > 0:
		return try(ws[n-2], ws[n-1]), ws[:n-2]
	case n >= 2 && (ws[n-1] == "stage1" || ws[n-1] == "s1"):
		return 1, ws[:n-1]
	case n >= 2 && (ws[n-1] == "stage2" || ws[n-1] == "s2"):
		return 2, ws[:n-1]
	}
	return 0, ws
}

// column is one header recognised: what it holds, for which stage (0 for
// either, in a log of one row per stage), and its rank.
type column struct {
	f     field
	stage int
	rank  int
}

// headerColumn recognises one header cell.
func headerColumn(cell string) (column, bool) {
	ws := words(cellText(cell))
	if len(ws) == 0 || len(ws) > 8 {
		return column{}, false
	}
	if h, ok := headers[strings.Join(ws, " ")]; ok && (h.f == fieldEscalated || h.f == fieldRef || h.f == fieldStage) {
		return column{h.f, 0, h.rank}, true // "Escalated to stage 2" is not a stage 2 column
	}
	st, base := stageOf(ws)
	k := strings.Join(base, " ")
	if st == 2 {
		// "Stage 2 received", "Stage 2 requested": the request to escalate.
		switch k {
		case "requested", "request", "request date", "date requested", "requested on":
			return column{fieldEscalated, 0, 0}, true
		}
	}
	h, ok := headers[k]
	if !ok {
		return column{}, false
	}
	switch {
	case st == 2 && h.f == fieldReceived:
		return column{fieldEscalated, 0, h.rank}, true
	case st != 0 && (h.f == fieldRef || h.f == fieldStage || h.f == fieldCategory || h.f == fieldTenure || h.f == fieldEscalated):
		return column{h.f, 0, h.rank}, true // one per complaint whatever the header says
	}
	return column{h.f, st, h.rank}, true
}

// layout is how a log's columns are laid out.
type layout struct {
	// cols[stage][field] is the column index, or -1: stage 0 holds the
	// columns of a log with one row per stage, and those of stage 1 in a
	// log with one row per complaint; stage 1 the stage 2 columns of one.
	cols      [2][fieldCount]int
	perStage  bool // a Stage column: one row per stage
	perCase   bool // stage 2 columns: one row per complaint, both stages
	width     int
	headers   []string          // each column's header, tidied, for messages
	read      []string          // the headers read, as "Received (C)"
	notRead   []string          // the headers not read
	duplicate []string          // headers read as something another column is read as
	seen      map[string]string // tenure cells read, and what they were read as
}

// parseHeader recognises a log's header row: it needs a received column
// and one more. It returns the layout, or false.
func parseHeader(cells []string) (*layout, bool) {
	l := &layout{width: len(cells)}
	rank := [2][fieldCount]int{}
	for s := range l.cols {
		for f := range l.cols[s] {
			l.cols[s][f] = -1
		}
	}
	found := 0
	stage2 := false
	for _, cell := range cells {
		l.headers = append(l.headers, headerLabel(cellText(cell)))
	}
	for i, cell := range cells {
		c, ok := headerColumn(cell)
		if !ok {
			if t := cellText(cell); t != "" {
				l.notRead = append(l.notRead, fmt.Sprintf("%s (%s)", headerLabel(t), columnName(i)))
			}
			continue
		}
		s := 0
		if c.stage == 2 {
			s, stage2 = 1, true
		}
		name := fmt.Sprintf("%s (%s)", headerLabel(cellText(cell)), columnName(i))
		if prev := l.cols[s][c.f]; prev >= 0 {
			if c.rank >= rank[s][c.f] {
				l.duplicate = append(l.duplicate, name)
				continue
			}
			l.duplicate = append(l.duplicate, fmt.Sprintf("%s (%s)", headerLabel(cellText(cells[prev])), columnName(prev)))
		} else {
			found++
		}
		l.cols[s][c.f], rank[s][c.f] = i, c.rank
	}
	if l.cols[0][fieldReceived] < 0 || found < 2 {
		return nil, false
	}
	l.perStage = l.cols[0][fieldStage] >= 0
	l.perCase = stage2 || (!l.perStage && l.cols[0][fieldEscalated] >= 0)
	for i, cell := range cells {
		if c, ok := headerColumn(cell); ok {
			s := 0
			if c.stage == 2 {
				s = 1
			}
			if l.cols[s][c.f] == i {
				l.read = append(l.read, fmt.Sprintf("%s (%s)", headerLabel(cellText(cell)), columnName(i)))
			}
		}
	}
	return l, true
}

// headerLabel is a header as messages quote it, cut short.
func headerLabel(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}

// columnName is a spreadsheet's name for column i (0-based): A, B, ... AA.
func columnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}
