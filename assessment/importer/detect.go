package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// This file decides which Code a document answers when --code does not say,
// from its content rather than its form's shape: the provision ids present
// (2022 has 4.18 and 5.20, 2024 has 6.20 and section 9); whether the
// wording under each number reads like that number's provision in one
// Code or the other; the section titles ("Section 2: Exclusions" is
// 2024's); the Code a title names; timescales and terms only one Code uses
// ("five working days", a third stage); the date of the assessment (one
// dated after 1 April 2024 is most likely against the 2024 Code, whatever
// columns it kept); and, more weakly, the columns and must/should tables.
// It refuses documents against another code altogether, saying which.

// signal is one reason for a Code, and its weight.
type signal struct {
	code   string // chc-2022 | chc-2024
	weight int
	why    string
}

var (
	// A Code named with its year: "Complaint Handling Code 2024", "the
	// 2022 Code", "Code (revised 1 April 2022)".
	reTitleYear = regexp.MustCompile(`(?i)(?:complaint handling code|\bcode\b)[^.\n]{0,60}?\b(2020|2022|2024)\b|\b(2020|2022|2024)\b[^.\n]{0,40}?(?:complaint handling code|\bcode\b)`)
	// Words that make a year a piece of history, not the Code assessed.
	reHistory   = regexp.MustCompile(`(?i)introduc|launch|publish|replac|supersed|previous|earlier|original|first|since|came into|updated|revised in|new code|old code`)
	reLGSCO     = regexp.MustCompile(`(?i)local government (?:and social care )?ombudsman|\blgsco\b|social care ombudsman`)
	reDateWords = regexp.MustCompile(`(?i)\b(?:\d{1,2}(?:st|nd|rd|th)? )?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?) (?:19|20)\d\d\b|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b|\b(?:19|20)\d\d/\d\d\b`)
	// The 2020 Code's self-assessment was a questionnaire.
	reQuestion    = regexp.MustCompile(`(?i)^(?:\d+(?:\.\d+)*\.?\s+)?(?:does|do|is|are|has|have|can|will|if|where|how|what)\b[^?]{8,300}\?\s*$`)
	re2020Section = regexp.MustCompile(`(?i)^(?:section\s+)?\d?\.?\s*[:.–—-]?\s*(?:complaints team and process|co-?operation with (?:the )?(?:housing )?ombudsman|fairness in complaint handling|outcomes and remedies)\s*$`)
	reSectionLine = regexp.MustCompile(`(?i)^(?:section|part)?\s*(\d{1,2})?\s*[:.)–—-]?\s*([\p{L}][\p{L} ,:&'’-]{2,90})$`)
)

// phrases are terms and timescales only one Code uses.
var phrases = []struct {
	code    string
	needles []string // lower-case words one of which the text must hold for re to be tried
	re      *regexp.Regexp
	why     string
}{
	{"chc-2024", []string{"acknowledg"}, regexp.MustCompile(`(?i)acknowledg[^.]{0,80}\b(?:five|5) working days|\b(?:five|5) working days[^.]{0,60}acknowledg`), `"five working days" to acknowledge`},
	{"chc-2024", []string{"acknowledg"}, regexp.MustCompile(`(?i)\b(?:ten|10|twenty|20) working days (?:of|from|after) (?:the )?(?:complaint |request |escalation |escalation request |stage \w+ complaint )?(?:being |was |is )?acknowledg`), "responses timed from the acknowledgement"},
	{"chc-2024", []string{"regulation", "statutory", "member responsible", "mrc", "service improvement"}, regexp.MustCompile(`(?i)social housing \(regulation\) act|\bstatutory (?:complaint handling )?code\b|code (?:is|became|became) statutory|member responsible for complaints|\bMRC\b|complaints performance and service improvement report`), "terms of the statutory 2024 Code"},
	{"chc-2022", []string{"acknowledg", "logged"}, regexp.MustCompile(`(?i)acknowledg[^.]{0,80}\b(?:five|5) days\b|\b(?:ten|10) working days (?:of|from) (?:the )?complaint being logged`), "timescales counted from logging, as in the 2022 Code"},
	{"chc-2022", []string{"stage 3", "stage three", "third stage"}, regexp.MustCompile(`(?i)\bstage (?:3|three)\b[^.]{0,40}\b(?:response|review|panel|complaint)|\bthird stage\b`), "a third stage, which the 2024 Code does not allow"},
}

// chooseCode returns the catalogue for the documents: the one --code
// names, or the one their signals point to.
func chooseCode(name string, opts Options, parts []*part) (*codes.Catalogue, string, []Note, error) {
	c22, _ := codes.Lookup("chc-2022", "")
	c24, _ := codes.Lookup("chc-2024", "")
	sigs, refuse := signals(parts, opts, c22, c24)
	if opts.Code != "" {
		cat, err := codes.Lookup(opts.Code, "")
		if err != nil {
			return nil, "", nil, &Error{err.Error()}
		}
		var notes []Note
		if other, why := lean(sigs); other != "" && other != cat.ID && (cat.ID == "chc-2022" || cat.ID == "chc-2024") {
			notes = append(notes, Note{Message: fmt.Sprintf("--code %s was given, but the document looks like %s (%s)", opts.Code, other, why)})
		}
		return cat, fmt.Sprintf("%s, as --code says", cat.ID), notes, nil
	}
	if refuse != "" {
		return nil, "", nil, errorf("%s %s", name, refuse)
	}
	score := map[string]int{}
	for _, s := range sigs {
		score[s.code] += s.weight
	}
	pick, other := "chc-2022", "chc-2024"
	if score["chc-2024"] > score["chc-2022"] {
		pick, other = other, pick
	}
	if score[pick]-score[other] < 2 {
		why := ""
		if len(sigs) > 0 {
			why = " (" + reasons(sigs, "") + ")"
		}
		return nil, "", nil, errorf("%s: cannot tell whether this assessment is against the 2022 or the 2024 Code%s: give --code 2022 or --code 2024", name, why)
	}
	cat := c22
	if pick == "chc-2024" {
		cat = c24
	}
	return cat, fmt.Sprintf("detected %s: %s", pick, reasons(sigs, pick)), nil, nil
}

// lean is the Code the signals favour clearly, if any.
func lean(sigs []signal) (string, string) {
	score := map[string]int{}
	for _, s := range sigs {
		score[s.code] += s.weight
	}
	switch {
	case score["chc-2022"]-score["chc-2024"] >= 4:
		return "chc-2022", reasons(sigs, "chc-2022")
	case score["chc-2024"]-score["chc-2022"] >= 4:
		return "chc-2024", reasons(sigs, "chc-2024")
	}
	return "", ""
}

func reasons(sigs []signal, code string) string {
	var out []string
	for _, s := range sigs {
		if code == "" || s.code == code {
			out = append(out, s.why)
		}
	}
	return strings.Join(out, "; ")
}

// titleLines are a document's short lines that may name it: its title,
// first heading, the paragraphs before its first table and its titles.
func titleLines(d *doc, asm *assembler) []string {
	out := []string{d.title, d.heading.Value}
	for _, t := range asm.preamble {
		if len(t) < 200 {
			out = append(out, t)
		}
	}
	for _, t := range asm.text {
		if len(t) < 120 {
			out = append(out, t)
		}
	}
	return out
}

// codeYears are the Codes a document's titles name by year.
func codeYears(d *doc, asm *assembler) map[string]bool {
	years := map[string]bool{}
	for _, t := range titleLines(d, asm) {
		for _, m := range reTitleYear.FindAllStringSubmatchIndex(t, -1) {
			y, end := m[2], m[3]
			if y < 0 {
				y, end = m[4], m[5]
			}
			if end < len(t) && (t[end] == '/' || t[end] == '-') {
				continue // 2024/25 is a reporting year, not the Code's
			}
			if reHistory.MatchString(t[m[0]:m[1]]) || len(t) > 150 && reHistory.MatchString(t) {
				continue // "the Code was introduced in July 2020"
			}
			years[t[y:end]] = true
		}
		if strings.Contains(strings.ToLower(t), "revised 1 april 2022") {
			years["2022"] = true
		}
	}
	return years
}

// otherCode says why a document is against a code csa does not read (the
// Local Government and Social Care Ombudsman's, or the 2020 Code's
// questionnaire), or "".
func otherCode(d *doc, asm *assembler) string {
	housing := false
	lgsco := false
	for _, l := range d.lines {
		for _, c := range l.Cells {
			lc := strings.ToLower(c)
			housing = housing || strings.Contains(lc, "housing ombudsman")
		}
	}
	for _, t := range titleLines(d, asm) {
		lt := strings.ToLower(t)
		if reLGSCO.MatchString(t) && (strings.Contains(lt, "code") || strings.Contains(lt, "self-assessment") || strings.Contains(lt, "self assessment")) {
			lgsco = true
		}
	}
	if lgsco && !housing {
		return "is a self-assessment against the Local Government and Social Care Ombudsman's complaint handling code, which csa does not cover: csa reads assessments against the Housing Ombudsman's Complaint Handling Code (2022 or 2024)"
	}
	questions, sections, rows := 0, 0, 0
	example := ""
	for _, l := range d.lines {
		if !l.Para && len(nonEmpty(l.Cells)) >= 2 {
			rows++
		}
		for _, c := range l.Cells {
			t := strings.TrimSpace(cellText(c))
			if len(t) > 400 {
				continue
			}
			if reQuestion.MatchString(t) {
				questions++
				if example == "" {
					example = t
				}
			}
			if re2020Section.MatchString(t) {
				sections++
			}
		}
	}
	if len(asm.records) > 0 {
		rows = len(asm.records)
	}
	years := codeYears(d, asm)
	titled := years["2020"] && !years["2022"] && !years["2024"]
	// A 2022 or 2024 form whose landlord wrote each provision as a
	// question still carries numbers only those Codes have.
	c22, _ := codes.Lookup("chc-2022", "")
	c24, _ := codes.Lookup("chc-2024", "")
	unique := 0
	for _, r := range asm.records {
		p22, in22 := c22.Provision(r.id)
		p24, in24 := c24.Provision(r.id)
		if in22 != in24 && (in22 && p22.OnForm || in24 && p24.OnForm) {
			unique++
		}
	}
	if unique >= 3 {
		return ""
	}
	// Most rows a question, or a few under the 2020 form's own section
	// titles or its title; a 2022 or 2024 document asks none.
	if questions >= 3 && (questions*10 >= rows*6 || sections >= 2 || titled) || titled && (rows <= 1 || questions*2 >= rows) {
		what := "its questionnaire"
		if questions > 0 {
			what = fmt.Sprintf("its questionnaire: %s such as %q", plural(questions, "question"), clip(example, 70))
		}
		return fmt.Sprintf("is a self-assessment against the 2020 Complaint Handling Code (%s), which csa has no catalogue for: csa reads assessments against the 2022 and 2024 Codes", what)
	}
	return ""
}

// signals gathers the evidence for each Code, or a reason to refuse.
func signals(parts []*part, opts Options, c22, c24 *codes.Catalogue) ([]signal, string) {
	var sigs []signal
	var recs []*record
	years := map[string]bool{}
	for _, p := range parts {
		if why := otherCode(p.d, p.asm); why != "" {
			return nil, why
		}
		for y := range codeYears(p.d, p.asm) {
			years[y] = true
		}
		recs = append(recs, p.asm.records...)
	}
	for _, y := range []string{"2022", "2024"} {
		if years[y] {
			sigs = append(sigs, signal{"chc-" + y, 3, "a title names the " + y + " Code"})
		}
	}

	// Provision ids: those only one Code has decide most documents.
	var ids, only22, only24, neither []string
	seen := map[string]bool{}
	for _, r := range recs {
		if r.id == "" || seen[r.id] {
			continue
		}
		seen[r.id] = true
		ids = append(ids, r.id)
		_, in22 := c22.Provision(r.id)
		_, in24 := c24.Provision(r.id)
		switch {
		case in22 && !in24:
			only22 = append(only22, r.id)
		case in24 && !in22:
			only24 = append(only24, r.id)
		case !in22 && !in24:
			neither = append(neither, r.id)
		}
	}
	if len(ids) > 0 && len(neither)*2 > len(ids) {
		return nil, fmt.Sprintf("has provision numbers (%s) that match neither the 2022 nor the 2024 Code: is it against another Code? Give --code with a catalogue file for it", idList(neither))
	}
	if len(only22) > 0 {
		sigs = append(sigs, signal{"chc-2022", 3 + min(len(only22), 5), onlyIn(only22, "2022")})
	}
	if len(only24) > 0 {
		sigs = append(sigs, signal{"chc-2024", 3 + min(len(only24), 5), onlyIn(only24, "2024")})
	}

	// Wording: whether the text under each number reads like that number's
	// provision in one Code rather than the other.
	w22, w24 := wordingVotes(recs, c22, c24)
	if w22 >= 2 && w22 >= 2*w24 {
		sigs = append(sigs, signal{"chc-2022", 2 + min(w22/3, 4), fmt.Sprintf("the wording of %d provisions reads like the 2022 Code's", w22)})
	}
	if w24 >= 2 && w24 >= 2*w22 {
		sigs = append(sigs, signal{"chc-2024", 2 + min(w24/3, 4), fmt.Sprintf("the wording of %d provisions reads like the 2024 Code's", w24)})
	}

	// Section titles.
	s22, s24, ex22, ex24 := sectionVotes(parts, c22, c24)
	if s22 > 0 && s24 == 0 {
		sigs = append(sigs, signal{"chc-2022", 2 + min(s22-1, 2), fmt.Sprintf("its section titles are the 2022 Code's (%q)", ex22)})
	}
	if s24 > 0 && s22 == 0 {
		sigs = append(sigs, signal{"chc-2024", 2 + min(s24-1, 2), fmt.Sprintf("its section titles are the 2024 Code's (%q)", ex24)})
	}

	// Terms and timescales only one Code uses.
	p22, p24 := phraseVotes(parts)
	if len(p22) > 0 {
		sigs = append(sigs, signal{"chc-2022", min(len(p22), 3), "it speaks of " + strings.Join(p22, " and ")})
	}
	if len(p24) > 0 {
		sigs = append(sigs, signal{"chc-2024", min(len(p24), 3), "it speaks of " + strings.Join(p24, " and ")})
	}

	// Columns.
	combined, split, actions := false, false, false
	for _, p := range parts {
		for _, h := range p.asm.headers {
			if h.inferred {
				continue
			}
			combined = combined || h.combined
			split = split || h.split
			actions = actions || (h.has(colAction) && h.has(colEvidence) && !h.combined)
		}
	}
	switch {
	case combined:
		sigs = append(sigs, signal{"chc-2022", 2, `one "Evidence, commentary and any explanations" column, as on the 2022 form`})
	case split:
		sigs = append(sigs, signal{"chc-2024", 2, "separate Evidence and Commentary columns, as on the 2024 form"})
	case actions:
		sigs = append(sigs, signal{"chc-2024", 1, "an Evidence column of its own beside action columns, as the 2024 form is usually extended"})
	}

	// Must and should tables: the 2024 Code is all must.
	titled, secondShould, secondAll := false, 0, 0
	for _, p := range parts {
		for _, t := range p.asm.text {
			if (reShould.MatchString(t) || reMust.MatchString(t)) && len(t) < 80 {
				titled = true
			}
		}
	}
	for _, r := range recs {
		if r.ctx.second && r.id != "" {
			secondAll++
			if p, ok := c22.Provision(r.id); ok && p.Obligation == "should" {
				secondShould++
			}
		}
	}
	switch {
	case titled:
		sigs = append(sigs, signal{"chc-2022", 2, "must and should tables (the 2024 Code has no should)"})
	case secondAll > 0 && secondShould*2 > secondAll:
		sigs = append(sigs, signal{"chc-2022", 2, "a second table in each section holds the 2022 Code's should provisions"})
	}

	// Dates: when the assessment was done, and the latest date it mentions.
	sigs = append(sigs, dateSignals(parts, opts, recs)...)
	return sigs, ""
}

// wordingVotes counts the records whose wording reads like their number's
// provision in one Code more than in the other: compared directly, and by
// which provision of each Code the wording is closest to.
func wordingVotes(recs []*record, c22, c24 *codes.Catalogue) (int, int) {
	w22s, w24s := catalogueWords()
	best := func(ws map[string]bool, sets map[string]map[string]bool, cat *codes.Catalogue) (string, float64) {
		id, top := "", 0.0
		for _, p := range cat.Provisions {
			if !p.OnForm {
				continue
			}
			if s := similarity(ws, sets[p.ID]); s > top {
				id, top = p.ID, s
			}
		}
		return id, top
	}
	w22, w24 := 0, 0
	for _, r := range recs {
		if r.id == "" {
			continue
		}
		ws := wordSet(join(r.idRest, r.cell(colRequirement)))
		p22, ok22 := w22s[r.id]
		p24, ok24 := w24s[r.id]
		if len(ws) < 4 || !ok22 || !ok24 {
			continue
		}
		s22, s24 := similarity(ws, p22), similarity(ws, p24)
		b22, t22 := best(ws, w22s, c22)
		b24, t24 := best(ws, w24s, c24)
		fit22 := b22 == r.id || s22 >= t22-0.02
		fit24 := b24 == r.id || s24 >= t24-0.02
		switch {
		case fit22 && !fit24 && s22 > s24:
			w22++
		case fit24 && !fit22 && s24 > s22:
			w24++
		case s22 > s24+0.08:
			w22++
		case s24 > s22+0.08:
			w24++
		}
	}
	return w22, w24
}

// sectionKey reduces a section title to its stemmed words, so "Complaints
// stages" and "Complaint stages" compare equal.
func sectionKey(s string) string {
	var out []string
	for w := range strings.FieldsSeq(labelKey(s)) {
		if w == "the" || w == "and" || w == "of" {
			continue
		}
		out = append(out, stem(w))
	}
	return strings.Join(out, " ")
}

// sectionVotes counts section titles that are one Code's, with the number
// they have there when the document gives one.
func sectionVotes(parts []*part, c22, c24 *codes.Catalogue) (v22, v24 int, ex22, ex24 string) {
	keys := func(cat *codes.Catalogue) map[string]int {
		out := map[string]int{}
		for n := 1; n <= 12; n++ {
			if t := cat.SectionTitle(n); t != "" {
				out[sectionKey(t)] = n
			}
		}
		return out
	}
	k22, k24 := keys(c22), keys(c24)
	seen := map[string]bool{}
	for _, p := range parts {
		for _, t := range p.asm.text {
			t = strings.TrimSpace(strings.SplitN(t, "\n", 2)[0])
			m := reSectionLine.FindStringSubmatch(t)
			if m == nil || seen[t] {
				continue
			}
			seen[t] = true
			key := sectionKey(m[2])
			n22, in22 := k22[key]
			n24, in24 := k24[key]
			if m[1] != "" {
				n := atoi(m[1])
				in22, in24 = in22 && n22 == n, in24 && n24 == n
			}
			switch {
			case in22 && !in24:
				v22++
				if ex22 == "" {
					ex22 = t
				}
			case in24 && !in22:
				v24++
				if ex24 == "" {
					ex24 = t
				}
			}
		}
	}
	return v22, v24, ex22, ex24
}

// phraseVotes finds the terms and timescales only one Code uses.
func phraseVotes(parts []*part) (p22, p24 []string) {
	found := make([]bool, len(phrases))
	scan := func(s string) {
		if len(s) > 20000 {
			s = s[:20000]
		}
		lower := strings.ToLower(s)
		for i, ph := range phrases {
			if found[i] {
				continue
			}
			for _, n := range ph.needles {
				if strings.Contains(lower, n) {
					found[i] = ph.re.MatchString(s)
					break
				}
			}
		}
	}
	for _, p := range parts {
		for _, l := range p.d.lines {
			for _, c := range l.Cells {
				scan(c)
			}
		}
	}
	for i, ph := range phrases {
		if !found[i] {
			continue
		}
		if ph.code == "chc-2022" {
			p22 = append(p22, ph.why)
		} else {
			p24 = append(p24, ph.why)
		}
	}
	return p22, p24
}

// dateSignals weigh when the assessment was done (the --assessed flag, or
// what the document says) and the reporting year, then the latest date the
// document mentions.
func dateSignals(parts []*part, opts Options, recs []*record) []signal {
	var sigs []signal
	in24, pub24, in22 := assessment.NewDate(2024, 4, 1), assessment.NewDate(2024, 2, 1), assessment.NewDate(2022, 4, 1)
	docs := make([]*doc, len(parts))
	for i, p := range parts {
		docs[i] = p.d
	}
	// The document's own date weighs most; --assessed alone, which may be
	// the day of the import rather than of the assessment, weighs little.
	dated, how, weight := assessment.Date{}, "", 3
	// Before any Code is chosen, a date months before the 2022 Code is
	// no assessment's.
	if g, ok := assessedGuess(docs, in22.AddDate(0, -6, 0)); ok {
		dated, how = g.date, "as the document says"
	} else if !opts.Assessed.IsZero() {
		dated, how, weight = opts.Assessed, "as --assessed says", 1
	}
	switch {
	case dated.IsZero():
	case !dated.Before(in24):
		sigs = append(sigs, signal{"chc-2024", weight, fmt.Sprintf("the assessment is dated %s (%s), after the 2024 Code came into force", dated, how)})
	case dated.Before(pub24) && !dated.Before(in22):
		sigs = append(sigs, signal{"chc-2022", weight, fmt.Sprintf("the assessment is dated %s (%s), before the 2024 Code was published", dated, how)})
	case !dated.Before(in22):
		sigs = append(sigs, signal{"chc-2022", 1, fmt.Sprintf("the assessment is dated %s (%s), before the 2024 Code came into force", dated, how)})
	}
	// The reporting year: 2024/25 or later is the 2024 Code's, 2022/23 the 2022 Code's.
	for _, d := range docs {
		period := d.meta["period"].Value
		if period == "" {
			for _, t := range append([]string{d.title, d.heading.Value}, d.preamble...) {
				if m := reFinancialYear.FindStringSubmatch(t); m != nil && nextYear(atoi(m[1]), m[2]) {
					period = m[0]
					break
				}
			}
		}
		if m := reFinancialYear.FindStringSubmatch(period); m != nil && nextYear(atoi(m[1]), m[2]) {
			switch y := atoi(m[1]); {
			case y >= 2024:
				sigs = append(sigs, signal{"chc-2024", 2, fmt.Sprintf("it reports on %s, under the 2024 Code", m[0])})
			case y == 2022 || y == 2021:
				sigs = append(sigs, signal{"chc-2022", 2, fmt.Sprintf("it reports on %s, under the 2022 Code", m[0])})
			}
			break
		}
	}
	// An assessment that mentions nothing after April 2024 predates the 2024 Code.
	var latest assessment.Date
	var latestText string
	scan := func(s string) {
		if len(s) > 20000 {
			s = s[:20000] // a weak signal: the start of a huge cell is enough
		}
		if !hasYear(s) {
			return
		}
		for _, m := range reDateWords.FindAllString(s, -1) {
			if dt, ok := parseDate(m); ok && dt.After(latest) {
				latest, latestText = dt, m
			}
		}
	}
	for _, p := range parts {
		for _, t := range p.asm.text {
			scan(t)
		}
	}
	for _, r := range recs {
		for _, c := range r.cells {
			scan(c)
		}
		for _, a := range r.acts {
			scan(a.due)
			scan(a.text)
		}
	}
	switch {
	case latest.IsZero():
	case !latest.Before(in24):
		sigs = append(sigs, signal{"chc-2024", 1, fmt.Sprintf("it mentions %s, after the 2024 Code came into force", latestText)})
	case !latest.Before(in22):
		sigs = append(sigs, signal{"chc-2022", 1, fmt.Sprintf("its latest date, %s, is before the 2024 Code came into force", latestText)})
	}
	return sigs
}

// idList shows a few ids: "1.7, 1.8, 4.18 and 9 more".
func idList(ids []string) string {
	ids = slices.Clone(ids)
	slices.SortFunc(ids, codes.CompareID)
	if len(ids) <= 4 {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(ids[:4], ", "), len(ids)-4)
}

func onlyIn(ids []string, year string) string {
	if len(ids) == 1 {
		return fmt.Sprintf("provision %s exists only in the %s Code", ids[0], year)
	}
	return fmt.Sprintf("provisions %s exist only in the %s Code", idList(ids), year)
}

// hasYear reports whether s holds a four-digit year from 1900 to 2099, so
// the date pattern only runs on text that can match it.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
