package importer

import (
	"regexp"

	"github.com/csa-tool/csa/assessment"
	"slices"
	"strings"
	"unicode"
)

// This file recognises column headers ("Comply: Yes / No", "Do we comply?",
// "Evidence, commentary and any explanations") and the labels of the stacked
// layout ("Code provision 6.1", "Compliance: Partial") whatever their case,
// spacing, line breaks or punctuation.

// column is what a column of an assessment table holds.
type column int

const (
	colOther       column = iota // not recognised: kept in commentary under its header
	colID                        // Code provision, Code section, Provision
	colRequirement               // Code requirement
	colComply                    // Comply: Yes / No
	colEvidence                  // Evidence (or the 2022 form's combined column)
	colCommentary                // Commentary / explanation
	colAction                    // Action required
	colOwner                     // Action owner
	colDue                       // Completion date, Target date, Due
	colStatus                    // Status, Progress (of the action)
	colCompleted                 // Date completed
	colAlternative               // Reasonable endeavours met another way
)

func (c column) String() string {
	return [...]string{"other", "provision", "requirement", "comply", "evidence", "commentary", "action",
		"owner", "due", "status", "completed", "alternative"}[c]
}

// labelKey reduces a header or label to lower-case words: "Comply:\nYes /
// No" and "comply yes/no" are both "comply yes no".
func labelKey(s string) string {
	s = strings.ToLower(cellText(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// labels maps a header's key to its column. Where a document has two
// columns for one purpose, the earlier rank wins and the other is kept as
// commentary.
var labels = map[string]struct {
	col  column
	rank int
}{
	"code provision": {colID, 0}, "provision": {colID, 0}, "code provision number": {colID, 0},
	"provision number": {colID, 0}, "provision no": {colID, 0}, "code provision no": {colID, 0},
	"code section": {colID, 1}, "code ref": {colID, 1}, "code reference": {colID, 1}, "code clause": {colID, 1},
	"code": {colID, 2}, "ref": {colID, 3}, "reference": {colID, 3}, "no": {colID, 3}, "number": {colID, 3},
	"clause": {colID, 3}, "para": {colID, 3}, "paragraph": {colID, 3}, "section": {colID, 4},

	"code requirement": {colRequirement, 0}, "code requirements": {colRequirement, 0},
	"requirement": {colRequirement, 0}, "requirements": {colRequirement, 0},
	"what the code says": {colRequirement, 1}, "the code requires": {colRequirement, 1}, "the code says": {colRequirement, 1},
	"code says": {colRequirement, 1}, "what the code requires": {colRequirement, 1}, "requirement of the code": {colRequirement, 1},
	"code requirements summary": {colRequirement, 1}, "the requirement": {colRequirement, 1}, "what the code asks": {colRequirement, 1},
	"summary of requirement": {colRequirement, 1}, "provision wording": {colRequirement, 1},
	"provision text": {colRequirement, 1}, "code wording": {colRequirement, 1}, "description": {colRequirement, 2},

	"comply": {colComply, 0}, "comply yes no": {colComply, 0}, "comply y n": {colComply, 0},
	"comply yes no partial": {colComply, 0}, "comply yes no n a": {colComply, 0},
	"compliance": {colComply, 0}, "compliance yes no": {colComply, 0}, "compliant": {colComply, 0},
	"compliant yes no": {colComply, 0}, "do we comply": {colComply, 0}, "are we compliant": {colComply, 0},
	"complies": {colComply, 0}, "do we comply yes no": {colComply, 0}, "yes no": {colComply, 1},
	"compliance status": {colComply, 1}, "met": {colComply, 1}, "answer": {colComply, 1},
	"our position": {colComply, 2}, "position": {colComply, 2}, "self assessment": {colComply, 2},
	"our assessment": {colComply, 2}, "assessment": {colComply, 2}, "compliance rating": {colComply, 2},
	"level of compliance": {colComply, 2}, "compliance level": {colComply, 2}, "met not met": {colComply, 1},
	"met partially met not met": {colComply, 1}, "fully met partially met not met": {colComply, 1},
	"compliant y n": {colComply, 0}, "compliant y n p": {colComply, 0}, "do we comply y n": {colComply, 0},
	"are we compliant yes no": {colComply, 0}, "compliant yes no partial": {colComply, 0}, "rag rating": {colComply, 2},
	"yes no partial": {colComply, 1}, "yes no n a": {colComply, 1}, "yes no partial n a": {colComply, 1}, "y n": {colComply, 1},
	"y n p": {colComply, 1}, "y n partial": {colComply, 1}, "compliant non compliant": {colComply, 1},
	"compliant partially compliant non compliant": {colComply, 1}, "met partially met": {colComply, 1},

	"evidence": {colEvidence, 0}, "evidence of compliance": {colEvidence, 0}, "supporting evidence": {colEvidence, 0},
	"evidence commentary and any explanations": {colEvidence, 0},
	"evidence commentary and explanations":     {colEvidence, 0},
	"evidence commentary and any explanation":  {colEvidence, 0},
	"evidence and commentary":                  {colEvidence, 0}, "evidence commentary": {colEvidence, 0},
	"how we comply": {colEvidence, 1}, "how we meet this": {colEvidence, 1}, "how we meet the requirement": {colEvidence, 1},
	"how we meet it": {colEvidence, 1}, "how we meet the code": {colEvidence, 1}, "our evidence": {colEvidence, 0},
	"evidence of how we comply": {colEvidence, 0}, "supporting information": {colEvidence, 1},
	"comments and evidence": {colEvidence, 1}, "our response": {colEvidence, 2}, "what we do": {colEvidence, 1},
	"evidence comments": {colEvidence, 0}, "explanation and evidence": {colEvidence, 1}, "evidence notes": {colEvidence, 0},
	"evidence and explanation": {colEvidence, 0}, "evidence explanation": {colEvidence, 0}, "how we are meeting this": {colEvidence, 1},
	"evidence of compliance commentary": {colEvidence, 0}, "commentary and evidence": {colEvidence, 1},

	"commentary": {colCommentary, 0}, "commentary explanation": {colCommentary, 0},
	"commentary explanations": {colCommentary, 0}, "explanation": {colCommentary, 0},
	"explanation commentary": {colCommentary, 0}, "comments": {colCommentary, 1}, "comment": {colCommentary, 1},
	"notes": {colCommentary, 2}, "narrative": {colCommentary, 2}, "additional commentary": {colCommentary, 1},

	"action required": {colAction, 0}, "actions required": {colAction, 0}, "action": {colAction, 0},
	"actions": {colAction, 0}, "action plan": {colAction, 0}, "further action": {colAction, 1},
	"further action required": {colAction, 1}, "further actions": {colAction, 1},
	"action to be taken": {colAction, 1}, "actions to be taken": {colAction, 1},
	"improvement action": {colAction, 1}, "improvement actions": {colAction, 1}, "planned action": {colAction, 1},
	"planned actions": {colAction, 1}, "next steps": {colAction, 2}, "action needed": {colAction, 1},
	"actions needed": {colAction, 1}, "improvement required": {colAction, 2}, "areas for improvement": {colAction, 2},
	"action to comply": {colAction, 1}, "actions to comply": {colAction, 1},

	"action owner": {colOwner, 0}, "owner": {colOwner, 0}, "responsible officer": {colOwner, 0},
	"responsible": {colOwner, 1}, "responsibility": {colOwner, 1}, "lead": {colOwner, 1},
	"lead officer": {colOwner, 1}, "action lead": {colOwner, 1}, "responsible person": {colOwner, 1},

	"completion date": {colDue, 0}, "target date": {colDue, 0}, "due": {colDue, 0}, "due date": {colDue, 0},
	"target completion date": {colDue, 0}, "action due date": {colDue, 0}, "target completion": {colDue, 0},
	"deadline": {colDue, 1}, "target": {colDue, 1}, "timescale": {colDue, 1}, "by when": {colDue, 1},
	"date": {colDue, 2}, "completion": {colDue, 2},

	"status": {colStatus, 0}, "action status": {colStatus, 0}, "progress": {colStatus, 0},
	"rag status": {colStatus, 1}, "progress status": {colStatus, 1},

	"date completed": {colCompleted, 0}, "completed on": {colCompleted, 0}, "date closed": {colCompleted, 1},

	"alternative": {colAlternative, 0}, "reasonable endeavours": {colAlternative, 0},
	"alternative approach": {colAlternative, 0},
}

// headerColumn recognises one header cell.
func headerColumn(cell string) (column, int, bool) {
	k := labelKey(cell)
	if l, ok := labels[k]; ok {
		return l.col, l.rank, true
	}
	// Variants the table cannot list: "Comply (Yes/No/Partial)", "Evidence,
	// commentary and any other explanations", "Action(s) required", "Lead
	// officer / owner", "Target completion date (revised)". Only short
	// labels: a data cell that starts with one of these words is longer.
	words := strings.Fields(k)
	if len(words) == 0 || len(words) > 6 {
		return colOther, 0, false
	}
	has := func(w ...string) bool {
		for _, x := range w {
			if slices.Contains(words, x) {
				return true
			}
		}
		return false
	}
	prefix := func(p ...string) bool {
		for _, x := range p {
			if k == x || strings.HasPrefix(k, x+" ") {
				return true
			}
		}
		return false
	}
	switch {
	case prefix("comply", "compliance", "compliant", "complies", "do we comply", "are we compliant", "do we meet", "met"):
		return colComply, fuzzy + 1, true
	case prefix("evidence") && (strings.Contains(k, "comment") || strings.Contains(k, "explanation")):
		return colEvidence, fuzzy + 1, true
	case prefix("evidence"):
		return colEvidence, fuzzy + 2, true
	case prefix("commentary", "comments", "explanation", "explanations"):
		return colCommentary, fuzzy + 2, true
	case has("owner", "owners", "responsible", "responsibility") || prefix("lead"):
		return colOwner, fuzzy + 2, true
	case prefix("date completed", "completed date", "actual completion", "date closed", "completed"):
		return colCompleted, fuzzy + 2, true
	case has("date", "due", "deadline", "timescale", "timescales", "when"):
		return colDue, fuzzy + 2, true
	case prefix("action", "actions", "further action", "improvement action", "planned action"):
		return colAction, fuzzy + 2, true
	case has("status", "progress"):
		return colStatus, fuzzy + 2, true
	case prefix("code provision", "provision"):
		return colID, fuzzy + 1, true
	case prefix("code requirement", "requirement", "requirements"):
		return colRequirement, fuzzy + 1, true
	}
	return colOther, 0, false
}

// fuzzy is added to the rank of a header matched by its first words rather
// than by the table of names: a listed name always wins, and a row needs
// three recognised cells when one is matched this way.
const fuzzy = 5

// weakID are the provision column's names that also mean something else
// ("No" is an answer): they name the provision column only as a row's
// first cell.
var weakID = map[string]bool{"no": true, "number": true, "ref": true, "reference": true, "clause": true,
	"para": true, "paragraph": true, "section": true, "code": true}

// header is a recognised header row: the column of each cell.
type header struct {
	cols   []column
	labels []string // each cell's text, for commentary labels
	where  Where
	// combined is true for the 2022 form's single "Evidence, commentary and
	// any explanations" column; split for 2024's Evidence and Commentary.
	combined, split bool
	own             int // csa's own CSV form: 0 not yet known, 1 yes, -1 no
	// actionsOnly is an action plan table: a provision column and action
	// columns, no answer or evidence. Its rows join the provisions' answers.
	actionsOnly bool
	// inferred is a header csa made up from a table's content.
	inferred bool
	// ticks are columns headed by an answer ("Yes", "No", "Partial"),
	// where a mark in a row's cell gives its answer (see tickColumns).
	ticks map[int]assessment.Comply
}

// parseHeader reports whether cells are a header row of an assessment table,
// and maps each to its column. It needs a provision or requirement column
// and an answer or evidence column, and header-sized cells.
func parseHeader(cells []string) (*header, bool) {
	h := &header{cols: make([]column, len(cells)), labels: make([]string, len(cells))}
	best := map[column]int{} // column -> index of its best-ranked cell
	rank := map[column]int{}
	found, fuzzies, first := 0, 0, -1
	for i, c := range cells {
		h.labels[i] = strings.Join(strings.Fields(cellText(c)), " ")
		if len(h.labels[i]) > 80 {
			return nil, false
		}
		if h.labels[i] == "" {
			continue
		}
		if first < 0 {
			first = i
		}
		if _, _, ok := parseID(c); ok {
			return nil, false // a provision number: a data row
		}
		col, r, ok := headerColumn(c)
		if (!ok || col == colID && weakID[labelKey(c)]) && i != first {
			// "Yes" | "No" | "Partial": a column to tick for each answer.
			if a, isAnswer := answerWords[labelKey(c)]; isAnswer && a != "" && len(labelKey(c)) > 1 {
				if h.ticks == nil {
					h.ticks = map[int]assessment.Comply{}
				}
				h.ticks[i] = a
			}
		}
		if !ok || (col == colID && weakID[labelKey(c)] && i != first) {
			continue
		}
		found++
		if r >= fuzzy {
			fuzzies++
		}
		if j, seen := best[col]; !seen || r < rank[col] {
			if seen {
				h.cols[j] = colOther
			}
			best[col], rank[col] = i, r
			h.cols[i] = col
		}
		if col == colEvidence && strings.Contains(labelKey(c), "comment") {
			h.combined = true
		}
	}
	_, id := best[colID]
	_, req := best[colRequirement]
	_, comply := best[colComply]
	comply = comply || len(h.ticks) >= 2
	_, ev := best[colEvidence]
	_, act := best[colAction]
	switch {
	case found < 2 || !(id || req) || (fuzzies > 0 && found < 3):
		return nil, false
	case !(comply || ev):
		// An action plan of its own: the provision and its actions.
		if !id || !act || req {
			return nil, false
		}
		h.actionsOnly = true
	}
	_, com := best[colCommentary]
	h.split = ev && com && !h.combined
	return h, true
}

// index returns the cell index of a column, or -1.
func (h *header) index(c column) int {
	for i, col := range h.cols {
		if col == c {
			return i
		}
	}
	return -1
}

func (h *header) has(c column) bool { return h.index(c) >= 0 }

// use makes column i the column c, and any other the header named so a
// column of its own, kept in the commentary.
func (h *header) use(i int, c column) {
	for j, was := range h.cols {
		if was == c {
			h.cols[j] = colOther
		}
	}
	h.cols[i] = c
	delete(h.ticks, i)
}

// label is a stacked layout's "label / value" line.
type label struct {
	col   column
	text  string // the label as written: "Evidence, commentary and any explanations"
	value string // what follows the label on its line, if anything
}

// parseLabel recognises a line of the stacked layout that starts with a
// label: "Code provision 6.1", "Comply", "Compliance: Partial", "Evidence:".
// A label takes a value on its own line only after a colon, except the
// provision (followed by an id) and the answer (followed by an answer), so
// evidence that starts "Evidence of training..." is not taken for a label.
func parseLabel(line string) (label, bool) {
	words := wordSpans(line)
	for n := min(len(words), 6); n >= 1; n-- {
		k := strings.ToLower(strings.Join(wordTexts(line, words[:n]), " "))
		l, ok := labels[k]
		if !ok || l.rank > 1 {
			continue
		}
		text := strings.TrimSpace(line[:words[n-1][1]])
		rest := line[words[n-1][1]:]
		colon := strings.HasPrefix(strings.TrimSpace(rest), ":")
		rest = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(rest), ":-–—?"))
		switch {
		case rest == "":
			return label{col: l.col, text: text}, true
		case l.col == colID:
			if _, _, ok := parseID(rest); ok {
				return label{col: l.col, text: text, value: rest}, true
			}
		case l.col == colComply:
			if _, _, ok := parseAnswer(rest); ok {
				return label{col: l.col, text: text, value: rest}, true
			}
		case colon:
			return label{col: l.col, text: text, value: rest}, true
		}
		return label{}, false
	}
	return label{}, false
}

// wordSpans returns the [start, end) byte offsets of the letter-and-digit
// runs of s.
func wordSpans(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
		if len(out) > 8 {
			return out
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

func wordTexts(s string, spans [][2]int) []string {
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp[0]:sp[1]]
	}
	return out
}

// metaLabels are the labels of a document's own details, outside its tables.
var metaLabels = map[string]string{
	"landlord": "landlord", "landlord name": "landlord", "name of landlord": "landlord",
	"organisation": "landlord", "organisation name": "landlord", "organization": "landlord",
	"date of assessment": "assessed", "assessment date": "assessed", "date assessed": "assessed",
	"date of self assessment": "assessed", "self assessment date": "assessed", "assessed": "assessed",
	"date completed": "assessed", "completed on": "assessed", "assessment completed": "assessed",
	"self assessment completed": "assessed",
	"period":                    "period", "reporting year": "period", "reporting period": "period", "financial year": "period",
	"year": "period", "approved by": "approved by", "signed off by": "approved by", "approved on": "approved on",
	"date approved": "approved on", "approval date": "approved on", "date of approval": "approved on",
	"date signed off": "approved on",
}

// detailRow reads a row of cells that is a document detail in two cells
// ("Landlord" | "Example Homes", "Date of assessment:" | "31 May 2025") as
// one "Label: value" line; ok is false for any other row.
func detailRow(cells []string) (string, bool) {
	c := nonEmpty(cells)
	if len(c) != 2 || strings.Contains(c[0], "\n") {
		return "", false
	}
	if _, ok := metaLabels[labelKey(c[0])]; !ok {
		return "", false
	}
	return strings.TrimRight(c[0], ": ") + ": " + c[1], true
}

// parseMeta reads a "Landlord: Example Homes" or "Date of assessment: 31 May
// 2025" line: which detail, and its value.
func parseMeta(line string) (string, string, bool) {
	key, val, ok := strings.Cut(cellText(line), ":")
	if !ok {
		return "", "", false
	}
	kind, ok := metaLabels[labelKey(key)]
	val = strings.TrimSpace(val)
	if !ok || val == "" || strings.Contains(val, "\n") {
		return "", "", false
	}
	return kind, val, true
}

var reApproved = regexp.MustCompile(`(?i)^(?:this (?:self-?assessment|assessment) was )?approved by (?:the )?(.+?),? on (.+?)\.?$`)

// parseApproval reads "Approved by the Board on 26 June 2025": who approved
// the assessment, and the date as written.
func parseApproval(line string) (by, on string, ok bool) {
	m := reApproved.FindStringSubmatch(strings.TrimSpace(cellText(line)))
	if m == nil || strings.Contains(m[0], "\n") {
		return "", "", false
	}
	if _, ok := parseDate(m[2]); !ok {
		return "", "", false
	}
	by = m[1]
	if r := []rune(by); len(r) > 0 {
		by = strings.ToUpper(string(r[0])) + string(r[1:])
	}
	return by, m[2], true
}
