package importer

import (
	"regexp"
	"strings"

	"github.com/csa-tool/csa/assessment"
)

// This file drafts actions from the evidence of a no or partial answer,
// where the landlord wrote the plan as prose ("training is planned", "the
// policy will be updated by March 2025") instead of in action columns.

var (
	rePromise = regexp.MustCompile(`(?i)\b(?:will|is planned|are planned|planned to|planned for|planning to|to be|intends? to|plans? to|aims? to|going to|need to|needs to|is required|are required|is being|are being)\b`)
	// rePast marks a sentence that reports work done: a date in it is
	// when it was done, not a promise.
	rePast = regexp.MustCompile(`(?i)\b(?:was|were|has been|have been|had|did)\b`)
)

// promises reports whether a sentence promises work: it says so ("will
// be", "is planned", "is required"), or it names a date the work is due by
// ("by March 2025") and does not report it done.
func promises(s string) bool {
	if rePromise.MatchString(s) {
		return true
	}
	_, word, ok := dueIn(s)
	return ok && (word == "by" || word == "before") && !rePast.MatchString(s)
}

// proseActions returns a draft action for each sentence of text that
// promises work, due on the date it names, if any. Drafts have no owner, so
// csa check still asks for one.
func proseActions(text string) []assessment.Action {
	var out []assessment.Action
	for _, s := range sentences(text) {
		if !promises(s) {
			continue
		}
		act := assessment.Action{Text: s, Status: assessment.Open, Draft: true}
		act.Due, _, _ = dueIn(s)
		out = append(out, act)
	}
	return out
}

// sentences splits text at line breaks and at a full stop, question or
// exclamation mark followed by a space and a capital or a digit.
func sentences(text string) []string {
	var out []string
	for line := range strings.SplitSeq(text, "\n") {
		start := 0
		for i := 0; i+2 < len(line); i++ {
			if strings.IndexByte(".!?", line[i]) >= 0 && line[i+1] == ' ' {
				c := line[i+2]
				if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
					out = appendSentence(out, line[start:i+1])
					start = i + 2
				}
			}
		}
		out = appendSentence(out, line[start:])
	}
	return out
}

func appendSentence(out []string, s string) []string {
	s = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(s), "•-–"))
	if s != "" {
		out = append(out, s)
	}
	return out
}

// dueIn finds the date a sentence promises work by: "by March 2025",
// "in 2024/25", "by the end of Q3 2024/25", "before 31 May 2025". A start
// date ("from April 2023") is not a due date.
// The word before the date is returned with it.
func dueIn(s string) (assessment.Date, string, bool) {
	toks := strings.Fields(s)
	for i, t := range toks {
		word := strings.ToLower(t)
		switch word {
		case "by", "before", "in", "during", "until":
		default:
			continue
		}
		for n := min(5, len(toks)-i-1); n >= 1; n-- {
			cand := strings.TrimRight(strings.Join(toks[i+1:i+1+n], " "), ".,;:)")
			if d, ok := parseDate(cand); ok {
				return d, word, true
			}
		}
	}
	return assessment.Date{}, "", false
}
