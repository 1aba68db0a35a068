// Package contradiction finds the words in a "yes" answer's evidence or
// commentary that admit the provision is not met ("we do not currently do
// this", "we are not consistently meeting this", "there is further work to do
// to be compliant"): what csa check's contradiction rule looks for. Find is
// its one entry point.
//
// It runs on every answer of every assessment, so it is one pass over the
// text with no regular expressions and no allocation unless it finds
// something. vocabulary.go holds the few hundred words the rules know,
// scanner.go cuts the text into words and sentences, and rules.go holds the
// rules that make a run of words an admission and the guards that keep plain
// evidence, statements of policy and double negatives out.
package contradiction

// Admission is a phrase in an answer's text that admits a gap.
type Admission struct {
	Phrase string // the matched words as written, for the message (trimmed, at most ~60 chars)
	Offset int    // byte offset in text where the matched phrase starts (the caller turns it into a line number)
}

// Find reports the first place in text that admits the provision is not met.
func Find(text string) (Admission, bool) {
	if len(text) == 0 {
		return Admission{}, false
	}
	var sc scanner
	sc.text = text
	return sc.run()
}
