package importer

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/csa-tool/csa/assessment"
)

// This file turns what landlords typed into the model's values: answers from
// every spelling seen in published assessments, dates from day-first, month,
// financial-year and quarter forms, and cell text from HTML fragments.

// parseAnswer reads a Comply cell. exact is false when the cell says more
// than the answer ("Yes - see note"), so the caller keeps the whole cell.
// ok is false when the cell holds no answer csa recognises; a blank cell is
// ok and Unanswered.
func parseAnswer(cell string) (c assessment.Comply, exact, ok bool) {
	t := answerKey(cell)
	if t == "" || labelOnly(cell) {
		return assessment.Unanswered, true, true
	}
	if c, ok := answerWords[t]; ok {
		return c, true, true
	}
	if c, ok, boxes := ticked(t); boxes {
		return c, true, ok
	}
	if c, exact, ok := markedWord(t); ok {
		return c, exact, true
	}
	// "Compliance: Yes" in the answer's own cell.
	if k, v, ok := strings.Cut(t, ":"); ok {
		if l, isLabel := labels[strings.TrimSpace(labelKey(k))]; isLabel && l.col == colComply && strings.TrimSpace(v) != "" {
			if c, exact, ok := parseAnswer(v); ok && c != assessment.Unanswered {
				return c, exact, true
			}
		}
	}
	// "Fenwick Vale Homes: Yes, Fenwick Vale Living: Yes": the entities'
	// common answer, or none when they differ (see entity.go).
	if strings.ContainsAny(t, ":–—-=") {
		if es, ok := entityAnswers(cell); ok {
			if c, same := entitiesAgree(es); same {
				return c, false, true
			}
			return assessment.Unanswered, false, false
		}
	}
	// The longest answer phrase at the start, followed by a break. A
	// slash is not a break: "Yes/No" is the form's prompt, not an answer.
	best := ""
	for w := range answerWords {
		if len(w) > len(best) && strings.HasPrefix(t, w) && len(t) > len(w) {
			if r, _ := utf8.DecodeRuneInString(t[len(w):]); strings.ContainsRune(" -–—,.:;(", r) {
				best = w
			}
		}
	}
	rest := t[len(best):]
	if best == "" || (best == "n" || best == "y" || best == "na") && !reAside.MatchString(rest) {
		// "N Smith", "Y-axis": a letter alone says an answer only with
		// a note set apart after it ("Y (see note)", "N – not yet").
		return assessment.Unanswered, false, false
	}
	c = answerWords[best]
	if strings.HasPrefix(strings.TrimLeft(rest, " "), "/") {
		return assessment.Unanswered, false, false // "Yes / No"
	}
	// "Yes – partially", "Yes, in part": the qualification decides.
	if c == assessment.Yes && reQualified.MatchString(rest[:min(len(rest), 24)]) {
		c = assessment.Partial
	}
	return c, false, true
}

// labelOnly reports a label of the answer with nothing after it:
// "Compliant:", "Met –", "Do we comply?". It is a blank answer, though
// some of its words ("compliant", "met") are answers on their own.
func labelOnly(cell string) bool {
	t := strings.TrimFunc(cellText(cell), isSpace)
	r, _ := utf8.DecodeLastRuneInString(t)
	if !strings.ContainsRune(":-–—?", r) {
		return false
	}
	l, ok := labels[labelKey(t)]
	return ok && l.col == colComply
}

var reAside = regexp.MustCompile(`^\s*[(\-–—]`)

// Marks that say an answer on their own: a tick, a cross.
const (
	yesMarks = "✓✔✅☑🗸√"
	noMarks  = "✗✘❌❎✖✕"
)

// markedWord reads an answer word with a mark before or after it: an
// icon and its label for screen readers ("✔ Yes", "✘\nNo"), or a tick
// typed against the word ("✓Yes"). exact is true when the mark and the
// word agree.
func markedWord(t string) (c assessment.Comply, exact, ok bool) {
	r, size := utf8.DecodeRuneInString(t)
	rest := t[size:]
	if !strings.ContainsRune(yesMarks+noMarks, r) {
		r, size = utf8.DecodeLastRuneInString(t)
		rest = t[:len(t)-size]
		if !strings.ContainsRune(yesMarks+noMarks, r) {
			return "", false, false
		}
	}
	word, known := answerWords[strings.TrimSpace(rest)]
	if !known || word == assessment.Unanswered || strings.ContainsAny(strings.TrimSpace(rest), yesMarks+noMarks) {
		return "", false, false
	}
	if strings.ContainsRune(yesMarks, r) {
		return word, word == assessment.Yes || word == assessment.Partial, true
	}
	return word, word == assessment.No, true
}

var reQualified = regexp.MustCompile(`^[\s\-–—,.:;(]*(?:but\s+)?(?:only\s+)?(?:partial|partly|in part\b)`)

// Marks beside answers: a ticked or crossed box (☒) marks its answer; an
// empty box, or a cross on its own (✗), does not.
const (
	checkedBoxes   = "☒☑⊠▣■✓✔"
	uncheckedBoxes = "☐□✗✘"
)

// ticked reads a Word form's tick boxes: "Yes ☒ No ☐", "☐ Yes ☒ No" or
// "Yes ✓ No ✗". boxes is false when the cell is not a row of two or more
// marks; ok is false unless exactly one answer is marked.
func ticked(t string) (c assessment.Comply, ok, boxes bool) {
	n := 0
	for _, r := range t {
		if strings.ContainsRune(checkedBoxes+uncheckedBoxes, r) {
			n++
		}
	}
	if n < 2 {
		return "", false, false
	}
	// Split into labels and boxes, and pair each box with its label: the
	// text after it when the cell starts with a box, else the text before.
	type part struct {
		box, checked bool
		text         string
	}
	var parts []part
	var cur strings.Builder
	for _, r := range t {
		if strings.ContainsRune(checkedBoxes+uncheckedBoxes, r) {
			parts = append(parts, part{text: strings.TrimSpace(cur.String())}, part{box: true, checked: strings.ContainsRune(checkedBoxes, r)})
			cur.Reset()
			continue
		}
		cur.WriteRune(r)
	}
	parts = append(parts, part{text: strings.TrimSpace(cur.String())})
	before := parts[0].text == ""
	found := 0
	for i, p := range parts {
		if !p.box || !p.checked {
			continue
		}
		label := ""
		if before && i+1 < len(parts) {
			label = parts[i+1].text
		} else if !before && i > 0 {
			label = parts[i-1].text
		}
		if a, ok := answerWords[strings.TrimRight(label, " .:;,")]; ok {
			c = a
			found++
		} else {
			return "", false, true
		}
	}
	if found != 1 {
		return assessment.Unanswered, false, true
	}
	return c, true, true
}

// answerKey lower-cases a cell and drops HTML, spacing and closing punctuation.
func answerKey(cell string) string {
	t := strings.ToLower(cellText(cell))
	if strings.ContainsAny(t, "\ufe0f\ufe0e") {
		// The variation selectors that make "✔" an emoji or text.
		t = strings.NewReplacer("\ufe0f", "", "\ufe0e", "").Replace(t)
	}
	t = strings.Join(strings.Fields(t), " ")
	return strings.TrimRight(t, " .!;:,*†‡¹²³")
}

var answerWords = map[string]assessment.Comply{
	"yes": assessment.Yes, "y": assessment.Yes, "yes compliant": assessment.Yes, "compliant": assessment.Yes,
	"fully compliant": assessment.Yes, "complies": assessment.Yes, "met": assessment.Yes, "fully met": assessment.Yes,
	"✓": assessment.Yes, "✔": assessment.Yes, "☑": assessment.Yes, "true": assessment.Yes, "√": assessment.Yes,
	"✅": assessment.Yes, "🗸": assessment.Yes,

	"no": assessment.No, "n": assessment.No, "not compliant": assessment.No, "non-compliant": assessment.No,
	"non compliant": assessment.No, "noncompliant": assessment.No, "not met": assessment.No,
	"does not comply": assessment.No, "✗": assessment.No, "✘": assessment.No, "false": assessment.No,
	"❌": assessment.No, "❎": assessment.No, "✖": assessment.No, "✕": assessment.No,

	"partial": assessment.Partial, "partially": assessment.Partial, "partly": assessment.Partial,
	"partially compliant": assessment.Partial, "partly compliant": assessment.Partial, "partially met": assessment.Partial,
	"partly met": assessment.Partial, "part met": assessment.Partial, "in part": assessment.Partial,
	"partial compliance": assessment.Partial, "partially complies": assessment.Partial, "yes (partial)": assessment.Partial,
	"yes - partially": assessment.Partial, "yes, partially": assessment.Partial,

	"n/a": assessment.NA, "na": assessment.NA, "n.a": assessment.NA, "n a": assessment.NA,
	"not applicable": assessment.NA, "not relevant": assessment.NA,
}

var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var (
	reISO      = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	reDMY      = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$`)
	reDayMonth = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([a-z]+)\.?,? (\d{4})$`)
	reMonthDay = regexp.MustCompile(`^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$`)
	reMonthYr  = regexp.MustCompile(`^([a-z]+)\.? (\d{4})$`)
	reMonYY    = regexp.MustCompile(`^([a-z]{3,})-(\d{2})$`) // Excel's "Mar-25"
	reYearMon  = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	reFY       = regexp.MustCompile(`^(?:fy ?)?(\d{4})[/\-](\d{2}|\d{4})$`)
	reQuarter  = regexp.MustCompile(`^(?:q|quarter )([1-4])(?: of)? (?:fy ?)?(\d{4})(?:[/\-](\d{2}|\d{4}))?$`)
	reSerial   = regexp.MustCompile(`^\d{5}(?:\.\d+)?$`)
)

// parseDate reads a date as landlords write one. Day-first numeric dates
// (31/05/2024), a month alone (end of that month), a financial year (2024/25:
// 31 March 2025) and a UK financial quarter (Q3 2024/25: 31 December 2024)
// are all read; a calendar quarter (Q3 2024) ends with its last month. An
// Excel serial number (45443) is a date too: spreadsheets store dates so.
func parseDate(s string) (assessment.Date, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(cellText(s)), " "))
	t = strings.TrimRight(t, " .,;")
	for _, p := range []string{"by the end of ", "by end of ", "the end of ", "end of ", "by ", "before ", "no later than "} {
		t = strings.TrimPrefix(t, p)
	}
	if t == "" {
		return assessment.Date{}, false
	}
	if m := reISO.FindStringSubmatch(t); m != nil {
		return ymd(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := reDMY.FindStringSubmatch(t); m != nil {
		return ymd(year(m[3]), atoi(m[2]), atoi(m[1]))
	}
	if m := reDayMonth.FindStringSubmatch(t); m != nil {
		if mon, ok := monthNames[m[2]]; ok {
			return ymd(atoi(m[3]), int(mon), atoi(m[1]))
		}
	}
	if m := reMonthDay.FindStringSubmatch(t); m != nil {
		if mon, ok := monthNames[m[1]]; ok {
			return ymd(atoi(m[3]), int(mon), atoi(m[2]))
		}
	}
	for _, re := range []*regexp.Regexp{reMonthYr, reMonYY} {
		if m := re.FindStringSubmatch(t); m != nil {
			if mon, ok := monthNames[m[1]]; ok {
				return endOfMonth(year(m[2]), int(mon))
			}
		}
	}
	if m := reQuarter.FindStringSubmatch(t); m != nil {
		q, y := atoi(m[1]), atoi(m[2])
		if m[3] != "" { // financial: Q1 is April to June
			if !nextYear(y, m[3]) {
				return assessment.Date{}, false
			}
			return endOfMonth(y+q/4, (q*3+2)%12+1)
		}
		return endOfMonth(y, q*3)
	}
	if m := reFY.FindStringSubmatch(t); m != nil {
		y := atoi(m[1])
		if nextYear(y, m[2]) {
			return ymd(y+1, 3, 31)
		}
	}
	if m := reYearMon.FindStringSubmatch(t); m != nil {
		return endOfMonth(atoi(m[1]), atoi(m[2]))
	}
	if reSerial.MatchString(t) {
		f, err := strconv.ParseFloat(t, 64)
		if err == nil && f >= 20000 && f <= 80000 {
			// Excel's day 0 is 30 December 1899 (its 1900 leap-year bug included).
			return assessment.DateOf(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(f))), true
		}
	}
	return assessment.Date{}, false
}

// nextYear reports whether end is the year after y, written as 25 or 2025.
func nextYear(y int, end string) bool {
	e := atoi(end)
	if len(end) == 2 {
		return e == (y+1)%100
	}
	return e == y+1
}

func year(s string) int {
	y := atoi(s)
	if len(s) == 2 {
		y += 2000
	}
	return y
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// ymd is a date if the day exists in the month (31/02 is not a date).
func ymd(y, m, d int) (assessment.Date, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return assessment.Date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return assessment.Date{}, false
	}
	return assessment.NewDate(y, time.Month(m), d), true
}

func endOfMonth(y, m int) (assessment.Date, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 {
		return assessment.Date{}, false
	}
	return assessment.NewDate(y, time.Month(m)+1, 0), true
}

// due is what a date column says about an action.
type due struct {
	date      assessment.Date // when it is due
	done      bool            // "Complete", "Completed", "Done"
	completed assessment.Date // "Completed 12/03/2024"
	ok        bool            // the cell was read in full
}

var doneWords = []string{"completed", "complete", "done", "closed", "achieved", "in place", "implemented"}

// parseDue reads a Completion date / Target date / Due cell.
func parseDue(cell string) due {
	t := cellText(cell)
	if strings.Contains(t, "\n") {
		return due{} // one line per action: see dueOf
	}
	t = strings.ToLower(strings.Join(strings.Fields(t), " "))
	t = strings.TrimRight(t, " .!;")
	if t == "" {
		return due{ok: true}
	}
	for _, w := range doneWords {
		if t == w {
			return due{done: true, ok: true}
		}
		if rest, found := strings.CutPrefix(t, w); found && rest != "" && strings.ContainsRune(" -–—:,(", firstRune(rest)) {
			rest = strings.Trim(rest, " -–—:,()")
			rest = strings.TrimPrefix(rest, "on ")
			if d, ok := parseDate(rest); ok {
				return due{done: true, completed: d, ok: true}
			}
			return due{done: true}
		}
	}
	if d, ok := parseDate(t); ok {
		return due{date: d, ok: true}
	}
	return due{}
}

// parseStatus reads a Status or Progress column: done, open, or not known.
func parseStatus(cell string) (assessment.Status, bool) {
	t := answerKey(cell)
	switch t {
	case "":
		return "", true
	case "complete", "completed", "done", "closed", "achieved", "implemented", "green - complete", "blue", "finished":
		return assessment.Done, true
	case "open", "in progress", "not started", "on track", "ongoing", "on hold", "overdue", "delayed", "planned",
		"started", "underway", "amber", "red", "green", "to do", "outstanding", "not yet started":
		return assessment.Open, true
	}
	return "", false
}

// cellText turns one cell's raw text, which may hold HTML left by a web page
// (<p>, <u>, <ul style=...>, <br>, &amp;), into plain lines: block tags and
// line breaks end a line, other tags go, entities are decoded, spacing is
// collapsed, bullets start lines, and empty lines are dropped.
func cellText(s string) string {
	if s == "" {
		return ""
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = stripTags(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return tidy(s)
}

var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "tr": true, "td": true, "th": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "table": true, "tbody": true,
	"thead": true, "blockquote": true, "hr": true, "dd": true, "dt": true, "dl": true,
}

var inlineTags = map[string]bool{
	"u": true, "b": true, "i": true, "em": true, "strong": true, "span": true, "a": true, "font": true,
	"sup": true, "sub": true, "small": true, "s": true, "strike": true, "ins": true, "del": true, "mark": true,
	"abbr": true, "code": true, "o:p": true,
}

// stripTags removes the HTML tags csa knows; anything else that starts with
// "<" (a "<landlord name>" placeholder, "a < b") stays as written.
func stripTags(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if s[i] != '<' {
			b.WriteByte(s[i])
			i++
			continue
		}
		name, end := tagAt(s, i)
		switch {
		case end < 0:
			b.WriteByte('<')
			i++
			continue
		case name == "li":
			b.WriteString("\n• ")
		case blockTags[name]:
			b.WriteByte('\n')
		case inlineTags[name]:
		default:
			b.WriteString(s[i:end])
		}
		i = end
	}
	return b.String()
}

// tagAt reads an HTML tag starting at s[i] == '<': its lower-case name (no
// slash) and the index after its '>', or end -1 when it is not a tag.
func tagAt(s string, i int) (name string, end int) {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	k := j
	for k < len(s) && k-j < 12 && (isASCIILetter(s[k]) || (k > j && (s[k] >= '0' && s[k] <= '9' || s[k] == ':'))) {
		k++
	}
	if k == j {
		return "", -1
	}
	name = strings.ToLower(s[j:k])
	if !blockTags[name] && !inlineTags[name] {
		return "", -1
	}
	// Attributes up to '>', within reason and without another '<'.
	for m := k; m < len(s) && m-k < 2000; m++ {
		switch s[m] {
		case '>':
			return name, m + 1
		case '<':
			return "", -1
		}
	}
	return "", -1
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

var bullets = "•◦▪●○■\uf0b7"

// tidy collapses spacing within lines, puts each bullet on a line of its
// own, and drops empty lines.
func tidy(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.ContainsAny(s, bullets) {
		var b strings.Builder
		for _, r := range s {
			if strings.ContainsRune(bullets, r) {
				b.WriteString("\n• ")
				continue
			}
			b.WriteRune(r)
		}
		s = b.String()
	}
	var out []string
	for line := range strings.SplitSeq(strings.ReplaceAll(s, "\r", "\n"), "\n") {
		line = strings.Join(strings.FieldsFunc(line, isSpace), " ")
		if line == "" || line == "•" {
			continue
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

// join puts together two pieces of one cell that a page break or a wrapped
// line split: on a new line after a sentence or before a list item, else
// with a space (the break fell mid-sentence, "efforts to" / "address").
func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	if strings.ContainsRune(".!?:;", last) || startsItem(b) {
		return a + "\n" + b
	}
	return a + " " + b
}

// joinAll joins pieces onto a as join would one by one, in one pass.
func joinAll(a string, pieces []string) string {
	if len(pieces) == 0 {
		return a
	}
	n := len(a)
	for _, p := range pieces {
		n += len(p) + 1
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(a)
	last := a
	for _, p := range pieces {
		switch {
		case p == "":
			continue
		case last == "":
		default:
			r, _ := utf8.DecodeLastRuneInString(last)
			if strings.ContainsRune(".!?:;", r) || startsItem(p) {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(p)
		last = p
	}
	return b.String()
}

var reItem = regexp.MustCompile(`^(?:• |[a-z][.)] |\([a-z]\) )`)

func startsItem(s string) bool { return reItem.MatchString(s) }

var reLetter = regexp.MustCompile(`(?:^|[\s:;,.])(\(?[a-z][.)]) `)

// splitLettered puts lettered sub-items (a. b. c., a) b), (a) (b)) that run
// on in one line onto lines of their own. It needs a run that starts at "a"
// and goes on in order, so a stray "e.g. a" is left alone.
func splitLettered(s string) string {
	locs := reLetter.FindAllStringSubmatchIndex(s, -1)
	if len(locs) < 2 {
		return s
	}
	var cuts, run []int
	var want byte
	style := ""
	for _, m := range locs {
		tok := s[m[2]:m[3]]
		letter := tok[len(tok)-2]
		if tok[0] == '(' {
			letter = tok[1]
		}
		st := strings.Replace(tok, string(letter), "x", 1)
		switch {
		case letter == 'a':
			if len(run) >= 2 {
				cuts = append(cuts, run...)
			}
			run, want, style = []int{m[2]}, 'b', st
		case len(run) > 0 && letter == want && st == style:
			run = append(run, m[2])
			want++
		}
	}
	if len(run) >= 2 {
		cuts = append(cuts, run...)
	}
	if len(cuts) == 0 {
		return s
	}
	var b strings.Builder
	prev := 0
	for _, c := range cuts {
		b.WriteString(strings.TrimRight(s[prev:c], " "))
		if c > 0 && s[c-1] != '\n' {
			b.WriteByte('\n')
		}
		prev = c
	}
	b.WriteString(s[prev:])
	return strings.TrimLeft(b.String(), "\n")
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
