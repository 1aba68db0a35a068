package contradiction

// The scanner reads the text once, cutting it into words (ASCII letters and
// digits, joined by inner straight or curly apostrophes, inner hyphens, and
// dots between digits) and sentences (. ! ? ; | bullets, block HTML tags,
// blank lines, and line breaks unless the next line carries on in lower
// case). Each word is lower-cased and looked up in the vocabulary; any other
// word, and any word with non-ASCII letters (Welsh), is unknown. Commas,
// colons, brackets and dashes are noted on the next word (sep) and end a
// rule's reach. Each sentence's words are then tried in order as the first
// word of a rule (rules.go); the first rule that matches gives the admission.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxPhrase bounds Admission.Phrase, in bytes.
const maxPhrase = 60

// token is one word of the current sentence.
type token struct {
	start, end int32 // byte range in the text
	kind       word  // what the word is
	sep        bool  // a comma, colon, bracket or dash comes before it
	known      bool  // before it in its sentence: a negation, then a word of knowing
	cond       bool  // shortly before it in its clause: if, where, when, unless
}

// sentenceCap is how many words of one sentence are held; a longer sentence is
// matched in overlapping pieces.
const (
	sentenceCap = 64
	keep        = 16 // words kept when a full buffer is shifted
	lookahead   = 8  // words a rule may look ahead of its anchor
	condReach   = 6  // words after "if", "where", "when" that are conditional
)

type scanner struct {
	text    string
	toks    [sentenceCap]token
	n       int  // words in toks
	done    int  // toks[:done] have been tried as anchors
	sep     bool // a separator was seen since the last word
	negSeen bool // a negation has been seen in this sentence
	known   bool // ... followed by a word of knowing
	negAny  bool // a negation then "any" in this clause: "no requests that we could not meet"
	cond    int  // words left in reach of the last if, where, when, unless
	found   bool
	result  Admission
}

func (sc *scanner) run() (Admission, bool) {
	text := sc.text
	i := 0
	for i < len(text) && !sc.found {
		c := text[i]
		if c == ' ' {
			i++
			continue
		}
		if lower[c] != 0 {
			i = sc.readWord(i)
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case c == '.' || c == '!' || c == '?' || c == ';' || c == '|':
				sc.endSentence()
				i++
			case c == '\n' || c == '\r':
				i = sc.newline(i)
			case c == '<':
				i = sc.tag(i)
			case c == '&':
				i = sc.entity(i)
			case c == ',' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '"':
				sc.sep = true
				i++
			case c == '-':
				// a spaced dash separates clauses; a hyphen inside a word was
				// taken by word.
				if i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '-' {
					sc.sep = true
				}
				i++
			default:
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			i++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			i = sc.readWord(i)
		case r == '•' || r == '●' || r == '▪' || r == '◦' || r == '■' || r == '‣' || r == '…':
			sc.endSentence()
			i += size
		case r == '–' || r == '—' || r == '“' || r == '”':
			sc.sep = true
			i += size
		default:
			i += size
		}
	}
	if !sc.found {
		sc.endSentence()
	}
	return sc.result, sc.found
}

// apostrophe reports whether text[i:] starts with an apostrophe (straight,
// curly, modifier letter or an HTML entity for one), and its length.
func apostrophe(text string, i int) int {
	switch text[i] {
	case '\'':
		return 1
	case 0xE2: // ’ U+2019, ‘ U+2018, ′ U+2032
		if i+2 < len(text) && (text[i+1] == 0x80 && (text[i+2] == 0x99 || text[i+2] == 0x98) || text[i+1] == 0x80 && text[i+2] == 0xB2) {
			return 3
		}
	case 0xCA: // ʼ U+02BC
		if i+1 < len(text) && text[i+1] == 0xBC {
			return 2
		}
	case '&':
		for _, e := range [...]string{"&#39;", "&rsquo;", "&#8217;", "&apos;", "&#x27;", "&lsquo;"} {
			if strings.HasPrefix(text[i:], e) {
				return len(e)
			}
		}
	}
	return 0
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// readWord reads the word starting at text[i] and returns the index after it.
func (sc *scanner) readWord(i int) int {
	text := sc.text
	start := i
	var k0, k1 uint64 // the lower-cased word, packed as table keys it
	n := 0
	ascii := true
	var last byte // the last ASCII letter or digit taken, 0 after a non-ASCII letter
	for i < len(text) {
		c := text[i]
		if l := lower[c]; l != 0 {
			k0, k1 = pack(k0, k1, l)
			n++
			last = c
			i++
			continue
		}
		if c < utf8.RuneSelf {
			next := byte(0)
			if i+1 < len(text) {
				next = text[i+1]
			}
			if c == '-' && isLetter(last) && isLetter(next) || c == '.' && isDigit(last) && isDigit(next) {
				k0, k1 = pack(k0, k1, c)
				n++
				i++
				continue
			}
			if c != '\'' && c != '&' {
				break
			}
		}
		if k := apostrophe(text, i); k > 0 {
			if i+k < len(text) && isLetter(text[i+k]) && last != 0 {
				k0, k1 = pack(k0, k1, '\'')
				n++
				i += k
				continue
			}
			break
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[i:])
			if r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
				ascii = false
				last = 0
				i += size
				continue
			}
		}
		break
	}
	if i == start {
		// a letter that is also an apostrophe (ʼ U+02BC) on its own
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
		ascii = false
	}
	w := unknown
	if ascii && n <= maxWord {
		w = lookup(k0, k1)
	}
	sc.push(start, i, w)
	return i
}

// newline handles a line break at text[i]: it ends the sentence unless it is
// a single break followed by a lower-case word (hard-wrapped prose).
func (sc *scanner) newline(i int) int {
	text := sc.text
	lines := 0
	j := i
	for ; j < len(text); j++ {
		c := text[j]
		if c == '\n' {
			lines++
		} else if c == '\r' {
			if j+1 >= len(text) || text[j+1] != '\n' {
				lines++
			}
		} else if c != ' ' && c != '\t' {
			break
		}
	}
	if lines >= 2 || j >= len(text) || !('a' <= text[j] && text[j] <= 'z') {
		sc.endSentence()
	}
	return j
}

// tag skips an HTML tag at text[i]; block tags end the sentence.
func (sc *scanner) tag(i int) int {
	text := sc.text
	j := i + 1
	if j < len(text) && text[j] == '/' {
		j++
	}
	if j >= len(text) || !(isLetter(text[j]) || text[j] == '!') {
		sc.sep = true
		return i + 1
	}
	ns := j
	for j < len(text) && (isLetter(text[j]) || isDigit(text[j])) {
		j++
	}
	name := text[ns:j]
	end := strings.IndexByte(text[j:min(len(text), j+500)], '>')
	if end < 0 {
		sc.sep = true
		return i + 1
	}
	switch {
	case strings.EqualFold(name, "p"), strings.EqualFold(name, "br"), strings.EqualFold(name, "li"),
		strings.EqualFold(name, "div"), strings.EqualFold(name, "tr"), strings.EqualFold(name, "td"),
		strings.EqualFold(name, "th"), strings.EqualFold(name, "ul"), strings.EqualFold(name, "ol"),
		strings.EqualFold(name, "table"), strings.EqualFold(name, "hr"),
		len(name) == 2 && (name[0] == 'h' || name[0] == 'H') && '1' <= name[1] && name[1] <= '6':
		sc.endSentence()
	}
	return j + end + 1
}

// entity skips an HTML entity at text[i] outside a word.
func (sc *scanner) entity(i int) int {
	text := sc.text
	j := i + 1
	for j < len(text) && j-i <= 10 && (isLetter(text[j]) || isDigit(text[j]) || text[j] == '#') {
		j++
	}
	if j < len(text) && text[j] == ';' && j > i+1 {
		if !strings.EqualFold(text[i:j+1], "&nbsp;") && !strings.EqualFold(text[i:j+1], "&amp;") {
			sc.sep = true
		}
		return j + 1
	}
	return i + 1
}

// push adds a word to the current sentence, matching the buffer first if it
// is full.
func (sc *scanner) push(start, end int, w word) {
	if sc.found {
		return
	}
	if sc.n == sentenceCap {
		sc.try(sentenceCap - lookahead)
		if sc.found {
			return
		}
		copy(sc.toks[:keep], sc.toks[sentenceCap-keep:])
		sc.done -= sentenceCap - keep
		sc.n = keep
	}
	t := &sc.toks[sc.n]
	sc.n++
	t.start, t.end, t.kind = int32(start), int32(end), w
	t.sep = sc.sep
	sc.sep = false
	if t.sep {
		sc.cond = 0
	}
	t.cond = sc.cond > 0
	if sc.cond > 0 {
		sc.cond--
	}
	if w == conditional {
		sc.cond = condReach
	}
	t.known = sc.known
	f := classes[w]
	if t.sep {
		sc.negAny = false
	}
	if sc.negSeen && f&isKnowing != 0 || sc.negAny && (w == that || w == which || w == conditional) {
		sc.known = true
	}
	if sc.negSeen && w == anyWord {
		sc.negAny = true
	}
	if f&isNegation != 0 {
		sc.negSeen = true
	}
}

func (sc *scanner) endSentence() {
	if sc.found {
		return
	}
	sc.try(sc.n)
	sc.n, sc.done = 0, 0
	sc.sep, sc.negSeen, sc.known, sc.negAny, sc.cond = false, false, false, false, 0
}

// try matches the anchors toks[done:to].
func (sc *scanner) try(to int) {
	for a := sc.done; a < to; a++ {
		if s, e, ok := sc.match(a); ok {
			sc.found = true
			sc.result = sc.phrase(s, e)
			return
		}
	}
	if to > sc.done {
		sc.done = to
	}
}

// phrase turns the words toks[s..e] into an admission.
func (sc *scanner) phrase(s, e int) Admission {
	start := int(sc.toks[s].start)
	end := int(sc.toks[e].end)
	for e > s && end-start > maxPhrase {
		e--
		end = int(sc.toks[e].end)
	}
	if end-start > maxPhrase {
		end = start + maxPhrase
		for end > start && !utf8.RuneStart(sc.text[end]) {
			end--
		}
	}
	p := sc.text[start:end]
	if strings.ContainsAny(p, "\n\r\t") || strings.Contains(p, "  ") {
		p = strings.Join(strings.Fields(p), " ")
	}
	return Admission{Phrase: p, Offset: start}
}

// at is the word at k, or nowhere outside the sentence.
func (sc *scanner) at(k int) word {
	if k < 0 || k >= sc.n {
		return nowhere
	}
	return sc.toks[k].kind
}
