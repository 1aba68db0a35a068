package importer

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// This file finds the landlord, the assessed date and the period in what a
// document says: a "Landlord:" or "Date of assessment:" line; the title or
// first heading ("Harrowgate District Council – Complaint Handling Code
// self-assessment 2024/25"); a page's "Last updated 12 June 2025" or "Page
// last reviewed"; a sentence saying when the assessment was completed; the
// approval date. Each guess is reported with where it came from, and the
// flags win. A file's own properties (Word's or Excel's last-saved date)
// are never taken for the assessed date: they say when a file was saved,
// and a template's default (2006, 1899) says nothing at all.

// detail is a detail read from a document, and how.
type detail struct {
	value string
	date  assessment.Date
	where Where
	how   string // for the note: `taken from the document ("2 June 2025")`
}

var (
	// "Last updated: 12 June 2025", "Page last reviewed 3/4/2025",
	// "Published 1 July 2025", "Updated on 2 May 2025".
	rePageDate = regexp.MustCompile(`(?i)^(?:this\s+)?(?:page\s+|document\s+)?(?:(?:was\s+)?last\s+(?:updated|reviewed|modified|revised|edited|amended)|(?:was\s+)?(?:updated|reviewed|modified|revised|amended)|(?:first\s+)?published|date\s+(?:of\s+)?(?:publication|published|last\s+review(?:ed)?|updated|reviewed)|last\s+review(?:\s+date)?|date)\b(?:\s+on)?\s*[:\-–—]?\s*(.+)$`)
	// "This self-assessment was completed in May 2025".
	reAssessedProse = regexp.MustCompile(`(?i)\b(?:self[- ]?assessment|assessment)\b[^.;]{0,80}?\b(?:completed|carried\s+out|undertaken|conducted|reviewed|updated|refreshed|finali[sz]ed|prepared|signed\s+off)\b[^.;]{0,20}?\b(?:on|in|during|dated)\s+((?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+(?:19|20)\d\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d)\b`)
	reMonthYear     = regexp.MustCompile(`(?i)\b((?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+20\d\d)\b`)
	reLeadDate      = regexp.MustCompile(`(?i)^((?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?:19|20)\d\d|\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d)\b`)
)

var (
	// "Thursday, 12 June 2025": some sites print the weekday.
	reWeekday = regexp.MustCompile(`(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+`)
	// "Published: 1 May 2025 | Last updated: 12 June 2025": the parts of
	// a line of page dates.
	reDateParts = regexp.MustCompile(`\s+[|·•]\s+`)
	// A page's last change says more about the assessment than its first
	// publication.
	reUpdated = regexp.MustCompile(`(?i)updated|review|modified|revised|edited|amended`)
	// A sentence about the Code's own history: "The Code was introduced in
	// July 2020", "became statutory in April 2024".
	reCodeHistory = regexp.MustCompile(`(?i)\bcode\b.{0,60}?\b(?:introduced|came\s+into\s+(?:force|effect)|took\s+effect|became\s+statutory|was\s+(?:first\s+)?(?:published|issued|launched|revised|updated)|(?:is|was)\s+in\s+force|statutory\s+footing|from\s+1\s+april)\b`)
)

// pageDateLabel reads a line that dates the page: "Last updated 12 June
// 2025". kind is what the line calls the date. Of a line of several
// ("Published: 1 May 2025 | Last updated: 12 June 2025"), the last update.
func pageDateLabel(line string) (kind string, d assessment.Date, ok bool) {
	t := strings.TrimSpace(cellText(line))
	if len(t) > 120 || strings.Contains(t, "\n") {
		return "", assessment.Date{}, false
	}
	parts := reDateParts.Split(t, -1)
	if len(parts) == 1 {
		return pageDatePart(t)
	}
	for _, p := range parts {
		if k, pd, found := pageDatePart(p); found && (!ok || reUpdated.MatchString(k) && !reUpdated.MatchString(kind)) {
			kind, d, ok = k, pd, true
		}
	}
	return kind, d, ok
}

// pageDatePart reads one label and its date.
func pageDatePart(t string) (kind string, d assessment.Date, ok bool) {
	t = strings.TrimSpace(t)
	m := rePageDate.FindStringSubmatch(t)
	if m == nil || strings.Contains(strings.ToLower(t), "next review") {
		return "", assessment.Date{}, false
	}
	dm := reLeadDate.FindString(reWeekday.ReplaceAllString(strings.TrimSpace(m[1]), ""))
	if dm == "" {
		return "", assessment.Date{}, false
	}
	d, ok = parseDate(dm)
	if !ok {
		return "", assessment.Date{}, false
	}
	return strings.TrimSpace(t[:len(t)-len(m[1])]), d, true
}

// assessedGuess finds when the assessment was completed, from what the
// documents say: a "Date of assessment" detail first, then a sentence
// saying when it was done, then the page's "Last updated" or "Reviewed",
// then the approval date, then a month in the title. A date before
// notBefore (some months before the Code came into force) or in a
// sentence about the Code's history ("introduced in July 2020") is not
// the assessment's.
func assessedGuess(docs []*doc, notBefore assessment.Date) (detail, bool) {
	fits := func(dt assessment.Date, text string) bool {
		return !dt.Before(notBefore) && !reCodeHistory.MatchString(text)
	}
	for _, d := range docs {
		if m, ok := d.meta["assessed"]; ok {
			if dt, ok := parseDate(m.Value); ok && !dt.Before(notBefore) {
				how := fmt.Sprintf("taken from the document (%q)", m.Value)
				if reSerial.MatchString(strings.TrimSpace(m.Value)) {
					how = "taken from the document (a date cell)"
				}
				return detail{date: dt, where: m.Where, how: how}, true
			}
		}
	}
	for _, d := range docs {
		for _, l := range textLines(d) {
			for _, c := range l.Cells {
				if m := reAssessedProse.FindStringSubmatch(c); m != nil {
					if dt, ok := parseDate(m[1]); ok && fits(dt, m[0]) {
						return detail{date: dt, where: l.Where, how: fmt.Sprintf("taken from the sentence %q", clip(m[0], 80))}, true
					}
				}
			}
		}
	}
	for _, d := range docs {
		for _, l := range append(textLines(d), d.pageLines...) {
			if len(l.Cells) == 0 {
				continue
			}
			line := strings.Join(nonEmpty(l.Cells), " ")
			if kind, val, ok := parseMeta(line); ok && kind == "assessed" {
				// "Date of assessment" where the page keeps its own
				// dates (a "last-updated" box).
				if dt, ok := parseDate(val); ok && !dt.Before(notBefore) {
					return detail{date: dt, where: l.Where, how: fmt.Sprintf("taken from the document (%q)", val)}, true
				}
			}
			if _, dt, ok := pageDateLabel(line); ok && fits(dt, line) {
				return detail{date: dt, where: l.Where, how: fmt.Sprintf("taken from %q: give --assessed if the assessment was completed on another day", clip(line, 60))}, true
			}
		}
	}
	for _, d := range docs {
		if m, ok := d.meta["approved on"]; ok {
			if dt, ok := parseDate(m.Value); ok && !dt.Before(notBefore) {
				return detail{date: dt, where: m.Where, how: "is the day the document says the assessment was approved: give --assessed if it was completed on another day"}, true
			}
		}
	}
	for _, d := range docs {
		for _, t := range titles(d) {
			if m := reMonthYear.FindStringSubmatch(t.value); m != nil {
				if dt, ok := parseDate(m[1]); ok && fits(dt, t.value) {
					return detail{date: dt, where: t.where, how: fmt.Sprintf("taken from %s %q: give --assessed if the assessment was completed on another day", t.how, clip(t.value, 70))}, true
				}
			}
		}
	}
	return detail{}, false
}

// textLines are a document's paragraphs and two-cell detail rows: where
// details are written outside the table of provisions.
func textLines(d *doc) []Line {
	var out []Line
	for _, l := range d.lines {
		if l.Para || len(nonEmpty(l.Cells)) <= 2 {
			out = append(out, l)
		}
	}
	return out
}

// titled is a title-like line of a document and what it is.
type titled struct {
	value string
	where Where
	how   string
}

// titles are where a document names itself: a web page's first heading
// and <title>, then the short lines before its first table.
func titles(d *doc) []titled {
	var out []titled
	if d.heading.Value != "" {
		out = append(out, titled{d.heading.Value, d.heading.Where, "the first heading"})
	}
	if d.web {
		// A web page's <title> is part of the page; a Word or Excel file's
		// title property is not read for details.
		if d.title != "" {
			out = append(out, titled{d.title, Where{File: d.name}, "the page title"})
		}
	}
	for i, t := range d.preamble {
		if i >= 12 {
			break
		}
		if len(t) < 160 && !strings.Contains(t, "\n") {
			out = append(out, titled{t, Where{File: d.name}, "the line"})
		}
	}
	return out
}

var (
	reOrg = regexp.MustCompile(`\b(?i:council|homes|housing|association|group|trust|borough|district|city|county|ltd|limited|plc|partnership|living|estates|communities|community|properties|co-operative|cooperative|society|foundation|alliance|dwellings|lettings|almshouses|charity|hyde)\b|\b(?:DC|BC|MBC|LBC|RBC|CC|HA|CIC|CBS)\b`)
	// Words that make a title part about the page, not the landlord's name.
	reNotName  = regexp.MustCompile(`(?i)ombudsman|regulator|government|department|ministry|complain|self[- ]?assess|\bcode\b|polic(?:y|ies)|report|annual|performance|\bpage\b|cookie|\bmenu\b|search|skip |contact us|strategy|\btenants?\b|\bresidents?\b|\bpanel\b|\bscrutiny\b|\bsection\b|\bprovision`)
	reTitleSep = regexp.MustCompile(`\s+[|–—\-:·»›]\s+|\s*::\s*|:\s+`)
	// Where a landlord's name ends before the rest of a title: "Fenwick
	// Vale Homes complaint handling self-assessment".
	reNameEnd = regexp.MustCompile(`(?i)(?:'s?\s+|’s?\s+|\s+)(?:complaint|self[- ]?assessment|annual|housing ombudsman|handling|our\s)`)
	nameStop  = map[string]bool{"our": true, "your": true, "the": true, "about": true, "find": true, "new": true, "social": true,
		"private": true, "council": true, "rent": true, "buy": true, "apply": true, "repairs": true, "tenancy": true,
		"local": true, "all": true, "my": true, "for": true, "and": true, "of": true, "in": true, "at": true, "to": true,
		"a": true, "an": true, "with": true, "on": true, "housing": true, "homes": true, "home": true, "welcome": true,
		"this": true, "is": true, "how": true, "we": true, "what": true, "who": true, "when": true, "why": true}
)

// landlordIn finds a landlord's name in a title: a part between
// separators that names an organisation and is not about the page.
func landlordIn(title string) (string, bool) {
	title = strings.Join(strings.Fields(title), " ")
	if title == "" || len(title) > 200 {
		return "", false
	}
	var parts []string
	for _, p := range reTitleSep.Split(title, -1) {
		p = strings.TrimSpace(p)
		if loc := reNameEnd.FindStringIndex(p); loc != nil && loc[0] > 0 {
			parts = append(parts, strings.TrimSpace(p[:loc[0]]))
		}
		parts = append(parts, p)
	}
	for _, p := range parts {
		p = strings.TrimRight(strings.TrimSpace(p), " ,.;")
		p = strings.TrimSuffix(strings.TrimSuffix(p, "'s"), "’s")
		if name, ok := orgName(p); ok {
			return name, true
		}
	}
	return "", false
}

// orgName reports whether text is an organisation's name: two to eight
// words, one of them an organisation word (Council, Homes, Housing
// Association...) and one a capitalised word of its own.
func orgName(p string) (string, bool) {
	words := strings.Fields(p)
	if len(words) < 2 || len(words) > 8 || len(p) > 80 || !reOrg.MatchString(p) || reNotName.MatchString(p) {
		return "", false
	}
	if _, _, isID := parseID(p); isID || hasYear(p) {
		return "", false
	}
	own := false
	for _, w := range words {
		r := firstRune(w)
		lw := strings.ToLower(strings.Trim(w, "'’,.()"))
		if r >= 'A' && r <= 'Z' && !nameStop[lw] && !reOrg.MatchString(w) {
			own = true
		}
		if r >= 'a' && r <= 'z' && !nameStop[lw] && lw != "upon" && lw != "le" && lw != "under" && lw != "by" {
			return "", false // a sentence, not a name
		}
	}
	if !own {
		return "", false
	}
	return p, true
}

// landlordGuess finds the landlord: a "Landlord:" detail, else a name in
// the first heading, the page title or a line at the top, else the site's
// name in a web page's metadata.
func landlordGuess(docs []*doc) (detail, bool) {
	for _, d := range docs {
		if m, ok := d.meta["landlord"]; ok {
			return detail{value: m.Value, where: m.Where, how: "taken from the document"}, true
		}
	}
	for _, d := range docs {
		for _, t := range titles(d) {
			if name, ok := landlordIn(t.value); ok {
				how := fmt.Sprintf("taken from %s %q", t.how, clip(t.value, 70))
				if t.how == "the line" {
					how = fmt.Sprintf("taken from the line %q at the top of the document", clip(t.value, 70))
				}
				return detail{value: name, where: t.where, how: how}, true
			}
		}
	}
	for _, d := range docs {
		for _, l := range append(textLines(d), d.pageLines...) {
			if !l.Para {
				continue
			}
			if name, ok := copyrightName(l.Cells[0]); ok {
				return detail{value: name, where: l.Where, how: fmt.Sprintf("taken from the copyright line %q", clip(l.Cells[0], 60))}, true
			}
		}
	}
	for _, d := range docs {
		for _, site := range d.sites {
			if name, ok := orgName(site); ok {
				return detail{value: name, where: Where{File: d.name}, how: fmt.Sprintf("taken from the site's own name (%q, in the page's metadata or its logo)", clip(site, 60))}, true
			}
		}
	}
	for _, d := range docs {
		if name, ok := landlordIn(d.title); ok && !d.web {
			return detail{value: name, how: fmt.Sprintf("taken from the file's title property %q: give --landlord if it is not the landlord's name", clip(d.title, 60))}, true
		}
	}
	return detail{}, false
}

var reCopyright = regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*)?(.+?)\.?\s*(?:(?:19|20)\d\d)?\s*(?:[.|,].*)?$`)

// copyrightName reads a footer's "© 2025 Fenwick Vale Homes" line.
func copyrightName(line string) (string, bool) {
	t := strings.TrimSpace(line)
	if len(t) > 200 {
		return "", false
	}
	m := reCopyright.FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	return orgName(strings.TrimSpace(m[1]))
}

// details fills in the landlord, the assessed date, the approval and the
// period: the flags first, then what the documents say.
func (b *builder) details(name string, a *assessment.Assessment, docs []*doc, opts Options) error {
	say := func(w Where, format string, args ...any) {
		b.detailNotes = append(b.detailNotes, Note{Where: w, Message: fmt.Sprintf(format, args...)})
	}
	a.Landlord, a.Assessed = opts.Landlord, opts.Assessed
	if a.Landlord == "" {
		if g, ok := landlordGuess(docs); ok {
			a.Landlord = g.value
			say(g.where, "landlord %q %s", g.value, g.how)
		}
	}
	if a.Assessed.IsZero() {
		var notBefore assessment.Date
		if b.cat != nil && !b.cat.InForce.IsZero() {
			// The Code is published some months before it applies, and
			// landlords assess against it as soon as it is.
			notBefore = assessment.DateOf(b.cat.InForce).AddDate(0, -6, 0)
		}
		if g, ok := assessedGuess(docs, notBefore); ok {
			a.Assessed = g.date
			say(g.where, "assessed %s %s", g.date, g.how)
		}
	}
	for _, d := range docs {
		if by, ok := d.meta["approved by"]; ok {
			if on, ok := parseDate(d.meta["approved on"].Value); ok {
				a.Approved = &assessment.Approval{By: by.Value, On: on}
				say(by.Where, "approved by %s on %s, as the document says", by.Value, on)
				break
			}
		}
	}
	period := false
	for _, d := range docs {
		if m, ok := d.meta["period"]; ok {
			a.Period = m.Value
			say(m.Where, "period %q taken from the document", m.Value)
			period = true
			break
		}
	}
	for _, d := range docs {
		if period {
			break
		}
		cands := []string{d.title}
		if d.heading.Value != "" {
			cands = append([]string{d.heading.Value}, cands...)
		}
		for _, t := range append(cands, d.preamble...) {
			if m := reFinancialYear.FindStringSubmatch(t); m != nil && nextYear(atoi(m[1]), m[2]) {
				a.Period = m[1] + "/" + m[2]
				say(Where{}, "period %s taken from the title %q", a.Period, clip(t, 60))
				period = true
				break
			}
		}
	}
	if a.Landlord == "" || a.Assessed.IsZero() {
		return missingDetails(name, a.Landlord == "", a.Assessed.IsZero())
	}
	return nil
}
