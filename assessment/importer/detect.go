package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/csa-tool/csa/assessment"
	"github.com/csa-tool/csa/codes"
)

// This file decides which Code a document answers when --code does not say:
// from the provision ids present (2022 has 4.18 and 5.20, 2024 has 6.20 and
// section 9), the columns (the 2022 form's single "Evidence, commentary and
// any explanations" column, or 2024's Evidence and Commentary), must and
// should tables (2024 has no should), the Code a title names, the wording,
// and the dates. It refuses documents against another Code altogether.

// signal is one reason for a Code, and its weight.
type signal struct {
	code   string // chc-2022 | chc-2024
	weight int
	why    string
}

var (
	reTitleYear = regexp.MustCompile(`(?i)(?:complaint handling code|\bcode\b)[^.\n]{0,60}?\b(2020|2022|2024)\b|\b(2020|2022|2024)\b[^.\n]{0,40}?(?:complaint handling code|\bcode\b)`)
	reLGSCO     = regexp.MustCompile(`(?i)local government (?:and social care )?ombudsman|\blgsco\b|social care ombudsman`)
	reDateWords = regexp.MustCompile(`(?i)\b(?:\d{1,2}(?:st|nd|rd|th)? )?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?) (?:19|20)\d\d\b|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b|\b(?:19|20)\d\d-\d\d-\d\d\b|\b(?:19|20)\d\d/\d\d\b`)
)

// chooseCode returns the catalogue for the document: the one --code names,
// or the one the document's signals point to.
func chooseCode(name, code string, asm *assembler, d *doc) (*codes.Catalogue, string, []Note, error) {
	c22, _ := codes.Lookup("chc-2022", "")
	c24, _ := codes.Lookup("chc-2024", "")
	sigs, refuse := signals(asm, d, c22, c24)
	if code != "" {
		cat, err := codes.Lookup(code, "")
		if err != nil {
			return nil, "", nil, &Error{err.Error()}
		}
		var notes []Note
		if other, why := lean(sigs); other != "" && other != cat.ID && (cat.ID == "chc-2022" || cat.ID == "chc-2024") {
			notes = append(notes, Note{Message: fmt.Sprintf("--code %s was given, but the document looks like %s (%s)", code, other, why)})
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

// signals gathers the evidence for each Code, or a reason to refuse.
func signals(asm *assembler, d *doc, c22, c24 *codes.Catalogue) ([]signal, string) {
	var sigs []signal
	// Titles: the file's own, and short paragraphs before the first table.
	titles := []string{d.title}
	for _, t := range asm.preamble {
		if len(t) < 200 {
			titles = append(titles, t)
		}
	}
	for _, t := range titles {
		if reLGSCO.MatchString(t) && !strings.Contains(strings.ToLower(t), "housing ombudsman") {
			return nil, "is a self-assessment against the Local Government and Social Care Ombudsman's complaint handling code, which csa does not cover: csa reads assessments against the Housing Ombudsman's Complaint Handling Code (2022 or 2024)"
		}
	}
	years := map[string]bool{}
	for _, t := range titles {
		for _, m := range reTitleYear.FindAllStringSubmatchIndex(t, -1) {
			y, end := m[2], m[3]
			if y < 0 {
				y, end = m[4], m[5]
			}
			if end < len(t) && (t[end] == '/' || t[end] == '-') {
				continue // 2024/25 is a reporting year, not the Code's
			}
			years[t[y:end]] = true
		}
		if strings.Contains(strings.ToLower(t), "revised 1 april 2022") {
			years["2022"] = true
		}
	}
	questions, reqs := 0, 0
	for _, r := range asm.records {
		if q := strings.TrimSpace(r.cell(colRequirement)); q != "" {
			reqs++
			if strings.HasSuffix(q, "?") {
				questions++
			}
		}
	}
	if years["2020"] && !years["2022"] && !years["2024"] || reqs > 0 && questions*10 >= reqs*6 {
		return nil, "looks like a self-assessment against the 2020 Complaint Handling Code (its questionnaire), which csa has no catalogue for: csa reads assessments against the 2022 and 2024 Codes"
	}
	for _, y := range []string{"2022", "2024"} {
		if years[y] {
			sigs = append(sigs, signal{"chc-" + y, 3, "a title names the " + y + " Code"})
		}
	}

	// Provision ids: those only one Code has decide most documents.
	var ids, only22, only24, neither []string
	seen := map[string]bool{}
	for _, r := range asm.records {
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

	// Wording: for ids both Codes have, which Code's provision it reads like.
	w22, w24 := 0, 0
	for _, r := range asm.records {
		req := wordSet(r.cell(colRequirement))
		p22, ok22 := c22.Provision(r.id)
		p24, ok24 := c24.Provision(r.id)
		if len(req) < 4 || !ok22 || !ok24 {
			continue
		}
		s22, s24 := similarity(req, wordSet(wording(p22))), similarity(req, wordSet(wording(p24)))
		switch {
		case s22 > s24+0.08:
			w22++
		case s24 > s22+0.08:
			w24++
		}
	}
	if w22 >= 3 && w22 >= 2*w24 {
		sigs = append(sigs, signal{"chc-2022", 2, fmt.Sprintf("the wording of %d provisions reads like the 2022 Code's", w22)})
	}
	if w24 >= 3 && w24 >= 2*w22 {
		sigs = append(sigs, signal{"chc-2024", 2, fmt.Sprintf("the wording of %d provisions reads like the 2024 Code's", w24)})
	}

	// Columns.
	combined, split, actions := false, false, false
	for _, h := range asm.headers {
		combined = combined || h.combined
		split = split || h.split
		actions = actions || (h.has(colAction) && h.has(colEvidence) && !h.combined)
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
	for _, t := range asm.text {
		if (reShould.MatchString(t) || reMust.MatchString(t)) && len(t) < 80 {
			titled = true
		}
	}
	for _, r := range asm.records {
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

	// Dates: an assessment that mentions nothing after April 2024 predates the 2024 Code.
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
	for _, t := range asm.text {
		scan(t)
	}
	for _, r := range asm.records {
		for _, c := range r.cells {
			scan(c)
		}
		for _, a := range r.acts {
			scan(a.due)
			scan(a.text)
		}
	}
	in24 := assessment.NewDate(2024, 4, 1)
	in22 := assessment.NewDate(2022, 4, 1)
	switch {
	case latest.IsZero():
	case !latest.Before(in24):
		sigs = append(sigs, signal{"chc-2024", 1, fmt.Sprintf("it mentions %s, after the 2024 Code came into force", latestText)})
	case !latest.Before(in22):
		sigs = append(sigs, signal{"chc-2022", 1, fmt.Sprintf("its latest date, %s, is before the 2024 Code came into force", latestText)})
	}
	return sigs, ""
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
