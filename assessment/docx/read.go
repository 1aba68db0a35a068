package docx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/assessment/internal/ooxml"
	"github.com/csa-tool/csa/assessment/report"
	"github.com/csa-tool/csa/codes"
)

// Limits on what Read reads of a document that says it is csa's.
const (
	maxParas = 200_000  // paragraphs, in and out of tables
	maxText  = 16 << 20 // bytes of text
	maxDepth = 256      // nesting of XML elements
)

// Error is a problem with csa's own document, worded for a person.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func errorf(format string, args ...any) error { return &Error{fmt.Sprintf(format, args...)} }

// Lookup finds the catalogue a code names, to tell an unedited
// requirement (the catalogue's own text or csa's summary) from the
// landlord's own.
type Lookup func(code string) (*codes.Catalogue, error)

// Read reads back a Word document Write produced, perhaps edited in Word
// since. ok is false, with no error, when the document is not csa's (it has
// no "Written by csa" property), so an importer can read it as any Word
// document; err says why csa's own document cannot be read (a later format,
// a value that is not a date, a limit reached).
//
// Read finds the fields by the paragraph styles Write gave them, the
// tables by their header rows and the facts by their labels, so rows and
// paragraphs may be added, edited or moved within a cell. A row for a
// provision the file did not answer ("Not answered", nothing else in it)
// is left out. A requirement in the catalogue's words is left empty, as it
// was, unless it has been edited. The introduction and the response come
// back as paragraphs separated by one blank line.
func Read(data []byte, lookup Lookup) (a *assessment.Assessment, ok bool, err error) {
	pkg, err := ooxml.Open(data)
	if err != nil {
		if ooxml.IsLimit(err) {
			return nil, false, err
		}
		return nil, false, nil
	}
	props, found, err := pkg.ReadAll("docProps/custom.xml", ooxml.MaxWhole)
	if err != nil || !found {
		return nil, false, err
	}
	var custom struct {
		Props []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"lpwstr"`
		} `xml:"property"`
	}
	if xml.Unmarshal(props, &custom) != nil {
		return nil, false, nil
	}
	code, marker := "", ""
	for _, p := range custom.Props {
		switch p.Name {
		case PropWrittenBy:
			marker = p.Value
		case PropCode:
			code = strings.TrimSpace(p.Value)
		}
	}
	if marker == "" {
		return nil, false, nil
	}
	v, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(marker), "Word format")))
	switch {
	case err != nil || v < 1:
		return nil, true, errorf("its %q property, %q, is not a Word format csa knows", PropWrittenBy, clip(marker))
	case v > FormatVersion:
		return nil, true, errorf("it was written by a newer csa (Word format %d; this csa reads format %d): update csa", v, FormatVersion)
	}
	if code == "" {
		return nil, true, errorf("its %q property is blank: it should name the Code, e.g. chc-2024", PropCode)
	}
	body, found, err := pkg.Stream("word/document.xml", ooxml.MaxStream)
	switch {
	case ooxml.IsLimit(err):
		return nil, true, err
	case err != nil || !found:
		return nil, true, errorf("its text (word/document.xml) cannot be read: it may be damaged")
	}
	defer body.Close()
	blocks, err := parse(body.Decoder)
	if err != nil {
		return nil, true, err
	}
	a = &assessment.Assessment{Code: code}
	var cat *codes.Catalogue
	if lookup != nil {
		cat, _ = lookup(code)
	}
	if err := build(a, blocks, cat); err != nil {
		return nil, true, err
	}
	return a, true, nil
}

// para is a paragraph as read: its style and text, the runs in the label
// style left out and kept as its label, a registration number's as reg.
type para struct {
	style string
	text  string
	label string
	reg   string
}

// block is a paragraph outside a table, or a table: rows of cells of
// paragraphs.
type block struct {
	para  *para
	table [][][]para
}

// parse reads the document's body into blocks: paragraphs and tables, each
// paragraph with its style and text (w:t, w:tab as a tab, w:br and w:cr as
// a line break). A table nested in a cell is read into that cell's
// paragraphs.
func parse(d *xml.Decoder) ([]block, error) {
	var (
		blocks []block
		tables [][][][]para // the tables being read, innermost last
		cur    *para
		inText bool
		inLbl  bool // in a run in the label style
		inReg  bool // in a run in the registration style
		depth  int
		paras  int
		text   int
		sb     strings.Builder
		lb     strings.Builder // the label runs' text
		rb     strings.Builder // the registration runs' text
	)
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if ooxml.IsLimit(err) {
				return nil, err
			}
			return nil, errorf("its text cannot be read: it may be damaged")
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return nil, errorf("its text is nested more than %d deep", maxDepth)
			}
			switch t.Name.Local {
			case "tbl":
				tables = append(tables, nil)
			case "tr":
				if n := len(tables); n > 0 {
					tables[n-1] = append(tables[n-1], nil)
				}
			case "tc":
				if n := len(tables); n > 0 && len(tables[n-1]) > 0 {
					rows := tables[n-1]
					rows[len(rows)-1] = append(rows[len(rows)-1], nil)
				}
			case "p":
				if paras++; paras > maxParas {
					return nil, errorf("it has more than %d paragraphs", maxParas)
				}
				cur = &para{}
				sb.Reset()
				lb.Reset()
				rb.Reset()
			case "pStyle":
				if cur != nil {
					cur.style = attr(t, "val")
				}
			case "rStyle":
				inLbl = attr(t, "val") == styleLabel
				inReg = attr(t, "val") == styleRegistration
			case "r":
				inLbl, inReg = false, false
			case "t":
				inText = true
			case "tab":
				if cur != nil && !inLbl && !inReg {
					sb.WriteByte('\t')
				}
			case "br", "cr":
				if cur != nil && !inLbl && !inReg {
					sb.WriteByte('\n')
				}
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if cur == nil {
					continue
				}
				cur.text, cur.label, cur.reg = sb.String(), lb.String(), rb.String()
				if n := len(tables); n > 0 {
					rows := tables[n-1]
					if len(rows) > 0 && len(rows[len(rows)-1]) > 0 {
						row := rows[len(rows)-1]
						row[len(row)-1] = append(row[len(row)-1], *cur)
					}
				} else {
					blocks = append(blocks, block{para: cur})
				}
				cur = nil
			case "tbl":
				n := len(tables)
				if n == 0 {
					continue
				}
				done := tables[n-1]
				tables = tables[:n-1]
				if n == 1 {
					blocks = append(blocks, block{table: done})
					continue
				}
				// A table in a cell: its cells' paragraphs join the cell's.
				rows := tables[n-2]
				if len(rows) > 0 && len(rows[len(rows)-1]) > 0 {
					row := rows[len(rows)-1]
					for _, r := range done {
						for _, c := range r {
							row[len(row)-1] = append(row[len(row)-1], c...)
						}
					}
				}
			}
		case xml.CharData:
			if inText && cur != nil {
				if text += len(t); text > maxText {
					return nil, errorf("it holds more than %s of text", ooxml.MB(maxText))
				}
				switch {
				case inLbl:
					lb.Write(t)
				case inReg:
					rb.Write(t)
				default:
					sb.Write(t)
				}
			}
		}
	}
	return blocks, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}

// build makes the assessment from the blocks.
func build(a *assessment.Assessment, blocks []block, cat *codes.Catalogue) error {
	answers := map[string]*assessment.Answer{}
	var order []string
	var intro, response []string
	for _, b := range blocks {
		if p := b.para; p != nil {
			switch {
			case p.style == styleIntro:
				intro = append(intro, p.text)
			case p.style == styleResponse:
				response = append(response, p.text)
			case p.style == styleResponseBy:
				rs, err := responseBy(p.text)
				if err != nil {
					return err
				}
				a.Response = rs
			}
			continue
		}
		rows := b.table
		if len(rows) == 0 {
			continue
		}
		switch head := rowText(rows[0]); {
		case isFacts(rows):
			if err := facts(a, rows); err != nil {
				return err
			}
		case len(head) >= 2 && head[1] == report.ActionHeader()[1]:
			for _, row := range rows[1:] {
				if err := action(answers, &order, row, false); err != nil {
					return err
				}
			}
		case len(head) >= 3 && head[1] == report.ColEntity && head[2] == report.ActionHeader()[1]:
			for _, row := range rows[1:] {
				if err := action(answers, &order, row, true); err != nil {
					return err
				}
			}
		case len(head) >= 4 && head[1] == report.ColRequirement:
			for _, row := range rows[1:] {
				if err := answer(answers, &order, row, cat); err != nil {
					return err
				}
			}
		}
	}
	a.Introduction = strings.Join(intro, "\n\n")
	if a.Response != nil {
		a.Response.Text = strings.Join(response, "\n\n")
	} else if len(response) > 0 {
		a.Response = &assessment.Response{Text: strings.Join(response, "\n\n")}
	}
	for _, id := range order {
		ans := answers[id]
		if ans.ID == "" { // an action for a provision with no row: keep it
			ans.ID = id
		}
		if len(ans.Entities) > 0 {
			ans.Entities = inGroupOrder(a, ans.Entities)
		}
		a.Answers = append(a.Answers, *ans)
	}
	if a.Landlord == "" || a.Assessed.IsZero() {
		return errorf("its facts table does not give the landlord and the date assessed")
	}
	return nil
}

func rowText(row [][]para) []string {
	out := make([]string, len(row))
	for i, c := range row {
		var parts []string
		for _, p := range c {
			parts = append(parts, p.text)
		}
		out[i] = strings.TrimSpace(strings.Join(parts, " "))
	}
	return out
}

func isFacts(rows [][][]para) bool {
	for _, row := range rows {
		if len(row) == 2 && len(row[0]) > 0 && row[0][0].style == styleFactLabel {
			return true
		}
	}
	return false
}

// field joins the paragraphs of a cell in one style, line by line.
func field(cell []para, style string) (string, bool) {
	var lines []string
	found := false
	for _, p := range cell {
		if p.style == style {
			lines = append(lines, p.text)
			found = true
		}
	}
	return strings.Join(lines, "\n"), found
}

func plain(cell []para) string {
	var lines []string
	for _, p := range cell {
		lines = append(lines, p.text)
	}
	return strings.Join(lines, "\n")
}

// longDate reads a date as the report writes it: 30 May 2025.
func longDate(s string) (assessment.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return assessment.Date{}, nil
	}
	t, err := time.Parse("2 January 2006", s)
	if err != nil {
		if d, err := assessment.ParseDate(s); err == nil {
			return d, nil
		}
		return assessment.Date{}, errorf("%q is not a date csa can read: write it as 30 May 2025", clip(s))
	}
	return assessment.DateOf(t), nil
}

func facts(a *assessment.Assessment, rows [][][]para) error {
	for _, row := range rows {
		if len(row) != 2 {
			continue
		}
		label, value := strings.TrimSpace(plain(row[0])), plain(row[1])
		var err error
		switch label {
		case factEntities:
			for _, p := range row[1] {
				if p.style != styleEntity || strings.TrimSpace(p.text) == "" {
					continue
				}
				reg := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(p.reg), "(registration "), ")")
				a.Entities = append(a.Entities, assessment.Entity{Name: strings.TrimSpace(p.text), Registration: strings.TrimSpace(reg)})
			}
		case factLandlord:
			a.Landlord = value
		case "Period":
			a.Period = value
		case "Assessed":
			if a.Assessed, err = longDate(value); err != nil {
				return errorf("the date assessed: %s", err)
			}
		case "Approved":
			if strings.TrimSpace(value) == notYetApproved {
				continue
			}
			ap := &assessment.Approval{By: value}
			if i := strings.LastIndex(value, ", on "); i >= 0 {
				ap.By = value[:i]
				if ap.On, err = longDate(value[i+len(", on "):]); err != nil {
					return errorf("the date approved: %s", err)
				}
			}
			a.Approved = ap
		case factPublished:
			a.Published = value
		}
	}
	return nil
}

// responseBy reads the line that heads the response: "Response from
// Board, 26 June 2025".
func responseBy(s string) (*assessment.Response, error) {
	rs := &assessment.Response{}
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, ", "); i >= 0 {
		if on, err := longDate(s[i+2:]); err == nil {
			rs.On = on
			s = s[:i]
		}
	}
	switch {
	case strings.HasPrefix(s, "Response from "):
		rs.By = strings.TrimPrefix(s, "Response from ")
	case s == "Response of the governing body":
	default:
		rs.By = s
	}
	return rs, nil
}

func get(answers map[string]*assessment.Answer, order *[]string, id string) *assessment.Answer {
	ans, ok := answers[id]
	if !ok {
		ans = &assessment.Answer{}
		answers[id] = ans
		*order = append(*order, id)
	}
	return ans
}

func answer(answers map[string]*assessment.Answer, order *[]string, row [][]para, cat *codes.Catalogue) error {
	if len(row) < 4 {
		return nil
	}
	id := strings.TrimSpace(plain(row[0]))
	if id == "" {
		return nil
	}
	// A group's answer cell may name each entity: "Name: Yes" lines, an
	// entity's own in a style of its own; the others give the group's.
	own := map[string]*assessment.EntityAnswer{}
	var names []string
	entity := func(name string) *assessment.EntityAnswer {
		name = strings.TrimSpace(name)
		e, ok := own[name]
		if !ok {
			e = &assessment.EntityAnswer{Name: name}
			own[name] = e
			names = append(names, name)
		}
		return e
	}
	var groupLines []string
	for _, p := range row[2] {
		if p.style == styleEntityComply {
			e := entity(strings.TrimSuffix(strings.TrimSpace(p.label), ":"))
			c, ok := assessment.ParseComply(p.text)
			if !ok && strings.TrimSpace(p.text) != "Not answered" {
				return errorf("provision %s, the answer of %s: %q is not an answer: write Yes, No, Partial or N/A", id, clip(e.Name), clip(p.text))
			}
			e.Comply = c
			continue
		}
		if p.label != "" && strings.TrimSpace(p.text) != "" {
			groupLines = append(groupLines, p.text) // "Name: Yes": the group's, as that entity gives it
			continue
		}
		groupLines = append(groupLines, p.text)
	}
	comply := strings.TrimSpace(strings.Join(groupLines, "\n"))
	if len(own) > 0 && len(groupLines) > 0 {
		comply = strings.TrimSpace(groupLines[0])
	}
	rest := row[3:]
	for _, c := range rest {
		for _, f := range []struct {
			style  string
			suffix string
			set    func(*assessment.EntityAnswer, string)
		}{
			{styleEntityEvidence, "", func(e *assessment.EntityAnswer, t string) { e.Evidence = t }},
			{styleEntityCommentary, "", func(e *assessment.EntityAnswer, t string) { e.Commentary = t }},
			{styleEntityAlternative, ", " + strings.ToLower(report.LabelAlternative[:1]) + report.LabelAlternative[1:], func(e *assessment.EntityAnswer, t string) { e.Alternative = t }},
		} {
			for _, et := range entityField(c, f.style, f.suffix) {
				f.set(entity(et[0]), et[1])
			}
		}
	}
	var ev, com, alt, rev string
	for _, c := range rest {
		if t, ok := field(c, styleEvidence); ok {
			ev = t
		}
		if t, ok := field(c, styleCommentary); ok {
			com = t
		}
		if t, ok := field(c, styleAlternative); ok {
			alt = t
		}
		if t, ok := field(c, styleReview); ok {
			rev = t
		}
	}
	missing := len(row[2]) > 0 && row[2][0].style == styleMissing
	if missing && comply == "Not answered" && ev == "" && com == "" && alt == "" && rev == "" && len(own) == 0 {
		return nil
	}
	ans := get(answers, order, id)
	ans.ID = id
	switch c, ok := assessment.ParseComply(comply); {
	case ok:
		ans.Comply = c
	case comply == "Not answered":
	default:
		return errorf("provision %s: %q is not an answer: write Yes, No, Partial or N/A", id, clip(comply))
	}
	ans.Evidence, ans.Commentary, ans.Alternative, ans.Review = ev, com, alt, rev
	for _, name := range names {
		if e := own[name]; e.Differs() {
			ans.Entities = append(ans.Entities, *e)
		}
	}
	req := plain(row[1])
	style := ""
	if len(row[1]) > 0 {
		style = row[1][0].style
	}
	switch style {
	case styleReqLandlord:
		ans.Requirement = req
	case styleReqCode, styleReqSummary, styleReq:
		// The catalogue's words, as shown: the answer's own only if edited.
		if cat != nil {
			if p, ok := cat.Provision(id); ok && req != p.Text && req != p.Summary && strings.TrimSpace(req) != "" {
				ans.Requirement = req
			}
		}
	default:
		ans.Requirement = req
	}
	return nil
}

// entityField reads an entity's own text of a field from a cell: each
// paragraph in its style labelled "Name: " (with suffix after the name,
// for the alternative) starts one, and the unlabelled ones after it go on
// with it, line by line. Pairs of name and text, in order.
func entityField(cell []para, style, suffix string) [][2]string {
	var out [][2]string
	for _, p := range cell {
		if p.style != style {
			continue
		}
		if label := strings.TrimSpace(p.label); label != "" || len(out) == 0 {
			name := strings.TrimSuffix(strings.TrimSuffix(label, ":"), suffix)
			out = append(out, [2]string{name, p.text})
			continue
		}
		out[len(out)-1][1] += "\n" + p.text
	}
	return out
}

// inGroupOrder sorts entities' answers as the group lists its entities,
// names it does not list last.
func inGroupOrder(a *assessment.Assessment, es []assessment.EntityAnswer) []assessment.EntityAnswer {
	rank := func(name string) int {
		if i := a.Entity(name); i >= 0 {
			return i
		}
		return len(a.Entities)
	}
	out := slices.Clone(es)
	slices.SortStableFunc(out, func(x, y assessment.EntityAnswer) int { return rank(x.Name) - rank(y.Name) })
	return out
}

// action reads a row of the action plan; a group's has the entity after the
// provision ("All entities" for the group's own).
func action(answers map[string]*assessment.Answer, order *[]string, row [][]para, group bool) error {
	entity := ""
	if group {
		if len(row) < 2 {
			return nil
		}
		if entity = strings.TrimSpace(plain(row[1])); entity == "All entities" {
			entity = ""
		}
		row = append(row[:1:1], row[2:]...)
	}
	if len(row) < 5 {
		return nil
	}
	id := strings.TrimSpace(plain(row[0]))
	text := plain(row[1])
	if id == "" && strings.TrimSpace(text) == "" {
		return nil
	}
	act := assessment.Action{Text: text, Owner: plain(row[2]), Status: assessment.Open}
	var err error
	if act.Due, err = longDate(plain(row[3])); err != nil {
		return errorf("an action of provision %s, its due date: %s", id, err)
	}
	status := strings.TrimSpace(plain(row[4]))
	if strings.HasSuffix(status, " (draft, not yet agreed)") {
		act.Draft = true
		status = strings.TrimSuffix(status, " (draft, not yet agreed)")
	}
	if strings.HasPrefix(status, "Done") {
		act.Status = assessment.Done
		if i := strings.Index(status, "completed "); i >= 0 {
			if act.Completed, err = longDate(status[i+len("completed "):]); err != nil {
				return errorf("an action of provision %s, its completion date: %s", id, err)
			}
		}
	}
	ans := get(answers, order, id)
	if entity == "" {
		ans.Actions = append(ans.Actions, act)
		return nil
	}
	k := slices.IndexFunc(ans.Entities, func(e assessment.EntityAnswer) bool { return e.Name == entity })
	if k < 0 {
		k = len(ans.Entities)
		ans.Entities = append(ans.Entities, assessment.EntityAnswer{Name: entity})
	}
	ans.Entities[k].Actions = append(ans.Entities[k].Actions, act)
	return nil
}
