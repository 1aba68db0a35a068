package assessment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds the words in a "yes" answer's evidence or commentary that
// admit the provision is not met ("we do not currently do this", "we are not
// consistently meeting this", "there is further work to do to be compliant").
//
// It runs on every answer of every assessment, so it is one pass over the text
// with no regular expressions and no allocation unless it finds something:
//
//  1. The text is cut into words (ASCII letters and digits, joined by inner
//     straight or curly apostrophes, inner hyphens, and dots between digits)
//     and sentences (. ! ? ; | bullets, block HTML tags, blank lines, and line
//     breaks unless the next line carries on in lower case). Each word is
//     lower-cased and looked up in admVocab, the few hundred words the rules
//     talk about; any other word, and any word with non-ASCII letters
//     (Welsh), is admUnknown. Commas, colons, brackets and dashes are noted
//     on the next word (sep) and end a rule's reach.
//  2. Each sentence's words are tried in order as the first word of a rule
//     (admScanner.match); the first rule that matches gives the admission.
//     The rules, in short (the comments in match and matchNot have more):
//     - a negation (not, never, rarely, n't, cannot) followed within three
//       words by consistently, always, currently, yet, fully, routinely,
//       sustainable, guarantee; by consistent, compliant, comply, sufficient
//       unless it is in a relative clause ("responses that are not consistent
//       with policy are returned"); by "in place", "within the timescales";
//       by meet/met when the subject is "we", "this", "timescales" or the
//       object "this", "these timescales"; "have not been able to";
//       "not all"; "not in our procedure".
//     - "we [still|will|also...] need to / need a"; "will need to", "still
//       need to" (not after residents, they, the handler: policy); "needs to
//       be improved/updated"; "needs improvement/embedding"; "could be
//       improved"; "room for improvement"; "improvements ... are required";
//       "further/additional X is needed".
//     - "further/more work to do / is needed", "work to do", "work in
//       progress", "working towards", "still working on".
//     - inconsistent(ly), insufficient, inadequate, patchy, non-compliant,
//       shortfall; "some inconsistency"; "a gap" (not "gap analysis");
//       "partially/partly/mostly compliant, met, in place"; "compliance is
//       partial"; "lack a consistent approach"; "currently no dedicated
//       officer" (not "currently no outstanding complaints").
//     - the future: "(will|should|aim|once|help...) ... to be/become
//       compliant", "achieve compliance", "intend/plan/hope to comply",
//       "will be in place".
//     - "is outside (of) the timescales", "are sometimes late", "are
//       missed"; "we fail to", "we struggle to", "we fall short"; "unable to
//       meet/guarantee/ensure/comply", "have been unable to".
//  3. What must not be flagged is kept out by the rules' shape and by guards:
//     - statements of policy about what is not done by design ("we do not
//       charge", "there is no stage 0", "stage 2 is never handled by the
//       stage 1 officer", "residents are not asked to justify escalation")
//       have a negation but no trigger word in its reach;
//     - a positive-form trigger ("further work", "improvements are
//       required", "inconsistent", "a gap") within two words of a negation
//       ("no further work", "never handled inconsistently");
//     - the double negative: a trigger after, in the same sentence, a
//       negation and then a word of knowing ("no evidence", "not aware",
//       "no indication", "nothing suggests", "have not found", "not
//       received") or a negation, "any" and a relative ("no complaints where
//       we did not meet the timescale");
//     - the conditional: a trigger within six words after if, where, when,
//       unless in the same clause ("if we cannot meet the timescale, we ...").

// admission is a phrase in an answer's text that admits a gap.
type admission struct {
	Phrase string // the matched words as written, for the message (trimmed, at most ~60 chars)
	Offset int    // byte offset in text where the matched phrase starts (the caller turns it into a line number)
}

// findAdmission reports the first place in text that admits the provision is not met.
func findAdmission(text string) (admission, bool) {
	if len(text) == 0 {
		return admission{}, false
	}
	var sc admScanner
	sc.text = text
	return sc.run()
}

// admMaxPhrase bounds admission.Phrase, in bytes.
const admMaxPhrase = 60

// admWord identifies a word the rules know; admUnknown is any other word and
// admOut a position outside the current sentence.
type admWord uint8

const (
	admUnknown admWord = iota
	wNot               // not, never, cannot and the n't contractions
	wNo                // no
	wNone              // none, nothing, nobody, nor, neither
	wDo                // do, does, did
	wIs                // is, are, was, were, am
	wBe
	wBeen
	wBeing
	wHave // have, has, had
	wCan  // can, could, may, might, must
	wWill // will, shall
	wShould
	wWe // we, I and their contractions
	wThis
	wWhich
	wThat
	wThese
	wOur
	wThe // the, its, their, agreed
	wA
	wSome
	wTo
	wIn
	wOf
	wFor
	wOnly
	wStill
	wAdv // also, now, sometimes, occasionally, often ...
	wYes
	wBreak // conjunctions: and, but, or, as, because, however ...
	wCond  // where, when, if, unless
	wConsistently
	wConsistent
	wConsistency
	wAlways
	wCurrently
	wYet
	wFully
	wRoutinely
	wSustainable
	wCompliant
	wComply
	wCompliance
	wGuarantee
	wSufficient
	wPlace
	wMeet
	wAble
	wWithin
	wUnable
	wEnsure
	wInconsistent // inconsistent(ly), insufficient(ly), inadequate(ly), non-compliant, shortfall(s)
	wInconsistency
	wNon
	wPartially
	wPartial
	wFurther // further, more, additional
	wWork
	wProgress
	wNeed
	wRequires
	wNeeded // needed, required, necessary
	wImprovement
	wImproved // improved, strengthened, tightened, clearer
	wBetter
	wReviewVerb // updated, reviewed, developed ... (need to be ...)
	wImplemented
	wAchieved
	wBecome
	wAchieve
	wWorking
	wTowards
	wAspire // aim, order, help, assist, enable, once, until, plan ...
	wOutside
	wFail
	wGap
	wAnalysis
	wRoom
	wTimeNoun
	wMeetNoun
	wRequirement
	wOrg
	wPerson
	wDoc
	wYetBlock
	wSeen // found, identified, seen, noticed
	wCue  // evidence, indication, aware, suggest ...
	wCase
	wGood
	wPrevent
	wAny
	wIncPre
	wAll
	wLack
	wCapacity
	wOn
	wImproving
	wLate
	wIntend
	wMostly
	wFall
	wShort
	wInfo  // information, details, clarification, time
	wNA    // applicable, appropriate, eligible, upheld ...
	admOut // outside the sentence
)

// Word classes, as bits in admFlags.
const (
	fAnyNeg      = 1 << iota // any negation, for the guards
	fAux                     // auxiliary verbs, folded into a phrase's start
	fSubj                    // subjects that make "not meet" / "not able" an admission
	fMeetObj                 // objects that make "not meet" an admission
	fDet                     // determiners before a timescale
	fPerson                  // residents, they: "residents will need to" is policy
	fDoc                     // procedure, policy, letter
	fSkipWe                  // words between "we" and "need to" / "fail to"
	fBreak                   // words that end a negation's reach
	fAspire                  // words that make "be compliant" a future state
	fCue                     // words of knowing for the double-negative guard
	fGood                    // "currently no <good thing>"
	fGapPre                  // words before "gap(s)"
	fIncPre                  // words before "inconsistency"
	fImproveVerb             // "needs to be <verb>"
	fPartialObj              // "partially <word>"
	fYetBlock                // "not yet completed (stage 1)" is a process state
	fTime                    // timescale words
	fPrevent                 // "to avoid inconsistent ..."
	fCopula                  // is, be, been, being: "is outside the timescales"
)

var admFlags = [256]uint32{
	wNot:         fAnyNeg,
	wNo:          fAnyNeg,
	wNone:        fAnyNeg,
	wDo:          fAux | fSkipWe,
	wIs:          fAux | fSkipWe | fGapPre | fIncPre | fCopula,
	wBe:          fAux | fCopula,
	wBeen:        fAux | fSkipWe | fIncPre | fCopula,
	wBeing:       fAux | fCopula,
	wHave:        fAux | fSkipWe,
	wCan:         fAux | fSkipWe,
	wWill:        fAux | fSkipWe | fAspire,
	wShould:      fAux | fSkipWe | fAspire,
	wWe:          fSubj,
	wThis:        fSubj | fMeetObj,
	wWhich:       fBreak,
	wThat:        fBreak,
	wThese:       fSubj | fMeetObj,
	wOur:         fDet,
	wThe:         fDet,
	wA:           fGapPre,
	wSome:        fGapPre | fIncPre,
	wStill:       fSkipWe | fGapPre | fIncPre,
	wAdv:         fSkipWe,
	wBreak:       fBreak,
	wCond:        fBreak,
	wCurrently:   fSkipWe,
	wWork:        fAspire,
	wNeed:        fAspire | fGood,
	wReviewVerb:  fImproveVerb,
	wImproved:    fImproveVerb,
	wImplemented: fImproveVerb | fPartialObj,
	wAchieved:    fPartialObj,
	wWorking:     fAspire,
	wTowards:     fAspire,
	wAspire:      fAspire,
	wTimeNoun:    fSubj | fMeetObj | fTime,
	wMeetNoun:    fSubj | fMeetObj,
	wRequirement: fSubj | fMeetObj | fGood,
	wOrg:         fSubj,
	wPerson:      fPerson,
	wDoc:         fDoc,
	wYetBlock:    fYetBlock,
	wSeen:        fCue | fIncPre | fGapPre,
	wCue:         fCue | fGood,
	wCase:        fCue | fGood,
	wGood:        fGood,
	wPrevent:     fPrevent,
	wAny:         fPrevent,
	wIntend:      fAspire | fGood,
	wIncPre:      fIncPre | fGapPre,
}

// admVocab maps the lower-cased words the rules know (apostrophes straight)
// to their admWord.
var admVocab = map[string]admWord{
	"not": wNot, "never": wNot, "rarely": wNot, "seldom": wNot, "cannot": wNot, "can't": wNot, "cant": wNot,
	"don't": wNot, "dont": wNot, "doesn't": wNot, "doesnt": wNot, "didn't": wNot, "didnt": wNot,
	"isn't": wNot, "isnt": wNot, "aren't": wNot, "arent": wNot, "wasn't": wNot, "wasnt": wNot,
	"weren't": wNot, "werent": wNot, "haven't": wNot, "havent": wNot, "hasn't": wNot, "hasnt": wNot,
	"hadn't": wNot, "hadnt": wNot, "won't": wNot, "wouldn't": wNot, "wouldnt": wNot,
	"couldn't": wNot, "couldnt": wNot, "shouldn't": wNot, "shouldnt": wNot, "mustn't": wNot,
	"no":   wNo,
	"none": wNone, "nothing": wNone, "nobody": wNone, "nor": wNone, "neither": wNone,
	"do": wDo, "does": wDo, "did": wDo,
	"is": wIs, "are": wIs, "was": wIs, "were": wIs, "am": wIs,
	"be": wBe, "been": wBeen, "being": wBeing,
	"have": wHave, "has": wHave, "had": wHave,
	"can": wCan, "could": wCan, "may": wCan, "might": wCan, "must": wCan,
	"will": wWill, "shall": wWill,
	"should": wShould, "would": wShould,
	"we": wWe, "we're": wWe, "we've": wWe, "we'll": wWe, "we'd": wWe, "i": wWe, "i'm": wWe, "i've": wWe,
	"this": wThis, "it": wThis, "it's": wThis,
	"which": wWhich, "who": wWhich, "that": wThat,
	"these": wThese, "those": wThese,
	"our": wOur,
	"the": wThe, "its": wThe, "their": wThe, "agreed": wThe,
	"a": wA, "an": wA,
	"some": wSome,
	"to":   wTo, "in": wIn, "of": wOf, "for": wFor,
	"only": wOnly, "just": wOnly, "merely": wOnly,
	"still": wStill,
	"also":  wAdv, "now": wAdv, "sometimes": wAdv, "occasionally": wAdv, "often": wAdv,
	"frequently": wAdv, "really": wAdv, "then": wAdv,
	"yes": wYes,
	"and": wBreak, "but": wBreak, "or": wBreak, "as": wBreak, "because": wBreak, "so": wBreak,
	"while": wBreak, "whilst": wBreak, "whereas": wBreak, "although": wBreak, "though": wBreak,
	"however": wBreak, "since": wBreak, "whether": wBreak,
	"where": wCond, "when": wCond, "if": wCond, "unless": wCond, "whenever": wCond, "wherever": wCond,
	"consistently": wConsistently, "consistent": wConsistent,
	"consistency": wConsistency,
	"always":      wAlways, "currently": wCurrently, "yet": wYet, "fully": wFully,
	"routinely": wRoutinely, "systematically": wRoutinely,
	"sustainable": wSustainable,
	"compliant":   wCompliant,
	"comply":      wComply, "complies": wComply, "complying": wComply, "complied": wComply,
	"compliance": wCompliance,
	"guarantee":  wGuarantee, "guaranteed": wGuarantee,
	"sufficient": wSufficient, "sufficiently": wSufficient, "adequate": wSufficient, "adequately": wSufficient,
	"place": wPlace,
	"meet":  wMeet, "meets": wMeet, "meeting": wMeet, "met": wMeet,
	"able": wAble, "within": wWithin, "unable": wUnable, "ensure": wEnsure,
	"inconsistent": wInconsistent, "inconsistently": wInconsistent, "patchy": wInconsistent,
	"insufficient": wInconsistent, "insufficiently": wInconsistent,
	"inadequate": wInconsistent, "inadequately": wInconsistent,
	"non-compliant": wInconsistent, "noncompliant": wInconsistent,
	"shortfall": wInconsistent, "shortfalls": wInconsistent,
	"inconsistency": wInconsistency, "inconsistencies": wInconsistency,
	"non":       wNon,
	"partially": wPartially, "partly": wPartially,
	"partial": wPartial,
	"further": wFurther, "more": wFurther, "additional": wFurther,
	"work":     wWork,
	"progress": wProgress,
	"need":     wNeed, "needs": wNeed,
	"requires": wRequires, "require": wRequires,
	"needed": wNeeded, "required": wNeeded, "necessary": wNeeded,
	"improvement": wImprovement, "improvements": wImprovement, "improving": wImprovement,
	"improved": wImproved, "strengthened": wImproved, "tightened": wImproved, "clearer": wImproved,
	"better":   wBetter,
	"reviewed": wReviewVerb, "updated": wReviewVerb, "revised": wReviewVerb, "developed": wReviewVerb,
	"introduced": wReviewVerb, "amended": wReviewVerb, "formalised": wReviewVerb, "formalized": wReviewVerb,
	"established": wReviewVerb, "clarified": wReviewVerb, "documented": wReviewVerb, "changed": wReviewVerb,
	"rewritten": wReviewVerb, "expanded": wReviewVerb, "created": wReviewVerb, "drafted": wReviewVerb,
	"implemented": wImplemented, "embedded": wImplemented,
	"achieved": wAchieved, "addressed": wAchieved,
	"become": wBecome, "becoming": wBecome,
	"achieve": wAchieve, "achieving": wAchieve,
	"working": wWorking,
	"towards": wTowards, "toward": wTowards,
	"aim": wAspire, "aims": wAspire, "aiming": wAspire, "order": wAspire, "help": wAspire, "helps": wAspire,
	"assist": wAspire, "assists": wAspire, "enable": wAspire, "enables": wAspire, "once": wAspire,
	"until": wAspire, "planned": wAspire, "expected": wAspire, "soon": wAspire,
	"outside": wOutside,
	"fail":    wFail, "fails": wFail, "failed": wFail, "failing": wFail,
	"struggle": wFail, "struggles": wFail, "struggled": wFail, "struggling": wFail,
	"gap": wGap, "gaps": wGap,
	"analysis":  wAnalysis,
	"room":      wRoom,
	"timescale": wTimeNoun, "timescales": wTimeNoun, "timeframe": wTimeNoun, "timeframes": wTimeNoun,
	"deadline": wTimeNoun, "deadlines": wTimeNoun, "target": wTimeNoun, "targets": wTimeNoun,
	"time": wTimeNoun, "timeline": wTimeNoun, "timelines": wTimeNoun,
	"provision": wMeetNoun, "provisions": wMeetNoun, "standard": wMeetNoun, "standards": wMeetNoun,
	"code": wMeetNoun, "expectation": wMeetNoun, "expectations": wMeetNoun,
	"obligation": wMeetNoun, "obligations": wMeetNoun,
	"requirement": wRequirement, "requirements": wRequirement,
	"team": wOrg, "teams": wOrg, "council": wOrg, "organisation": wOrg, "organization": wOrg,
	"landlord": wOrg, "association": wOrg, "service": wOrg, "services": wOrg, "department": wOrg,
	"staff": wOrg, "officer": wOrg, "officers": wOrg, "handler": wOrg, "handlers": wOrg,
	"residents": wPerson, "resident": wPerson, "tenants": wPerson, "tenant": wPerson,
	"customers": wPerson, "customer": wPerson, "complainants": wPerson, "complainant": wPerson,
	"they": wPerson, "you": wPerson, "he": wPerson, "she": wPerson, "person": wPerson, "people": wPerson,
	"representative": wPerson, "representatives": wPerson, "individual": wPerson, "individuals": wPerson,
	"leaseholder": wPerson, "leaseholders": wPerson, "applicant": wPerson, "applicants": wPerson,
	"procedure": wDoc, "procedures": wDoc, "policy": wDoc, "policies": wDoc, "process": wDoc,
	"processes": wDoc, "letter": wDoc, "letters": wDoc, "template": wDoc, "templates": wDoc,
	"guidance": wDoc, "flowchart": wDoc, "flowcharts": wDoc,
	"completed": wYetBlock, "exhausted": wYetBlock, "finished": wYetBlock, "reached": wYetBlock,
	"found": wSeen, "identified": wSeen, "seen": wSeen, "noticed": wSeen,
	"evidence": wCue, "indication": wCue, "indications": wCue, "indicate": wCue, "indicates": wCue,
	"aware": wCue, "suggest": wCue, "suggests": wCue, "suggestion": wCue, "suggesting": wCue,
	"reason": wCue, "sign": wCue, "signs": wCue, "knowledge": wCue, "know": wCue,
	"believe": wCue, "think": wCue, "doubt": wCue, "proof": wCue, "received": wCue,
	"recognise": wCue, "recognize": wCue, "acknowledge": wCue, "accept": wCue, "show": wCue, "shows": wCue,
	"showed": wCue, "shown": wCue,
	"case": wCase, "cases": wCase, "instance": wCase, "instances": wCase, "example": wCase, "examples": wCase,
	"complaints": wGood, "complaint": wGood, "outstanding": wGood, "overdue": wGood, "backlog": wGood,
	"open": wGood, "unresolved": wGood, "delays": wGood, "delay": wGood, "breaches": wGood, "breach": wGood,
	"issues": wGood, "issue": wGood, "concerns": wGood, "concern": wGood, "charge": wGood, "charges": wGood,
	"fee": wGood, "fees": wGood, "stage": wGood, "third": wGood, "known": wGood, "escalations": wGood,
	"such": wGood, "limit": wGood,
	"avoid": wPrevent, "avoids": wPrevent, "avoiding": wPrevent, "prevent": wPrevent, "prevents": wPrevent,
	"preventing": wPrevent, "reduce": wPrevent, "reduces": wPrevent, "minimise": wPrevent, "minimize": wPrevent,
	"identify": wPrevent, "identifies": wPrevent, "tackle": wPrevent, "eliminate": wPrevent,
	"check": wPrevent, "checks": wPrevent, "checking": wPrevent, "challenge": wPrevent, "any": wAny,
	"monitor": wPrevent, "monitors": wPrevent, "monitoring": wPrevent, "spot": wPrevent,
	"all": wAll, "lack": wLack, "lacks": wLack, "lacking": wLack,
	"capacity": wCapacity, "resources": wCapacity, "resource": wCapacity, "resourcing": wCapacity,
	"on":        wOn,
	"embedding": wImproving, "strengthening": wImproving, "updating": wImproving, "reviewing": wImproving,
	"developing": wImproving, "formalising": wImproving, "formalizing": wImproving, "tightening": wImproving,
	"late": wLate, "missed": wLate,
	"intend": wIntend, "intends": wIntend, "hope": wIntend, "hopes": wIntend, "expect": wIntend,
	"expects": wIntend, "plan": wIntend, "plans": wIntend,
	"mostly": wMostly, "largely": wMostly, "broadly": wMostly, "substantially": wMostly, "generally": wMostly,
	"fall": wFall, "falls": wFall, "fell": wFall, "falling": wFall, "short": wShort,
	"information": wInfo, "details": wInfo, "detail": wInfo, "clarification": wInfo,
	"applicable": wNA, "appropriate": wNA, "eligible": wNA, "suitable": wNA, "relevant": wNA, "upheld": wNA,
	"remain": wIncPre, "remains": wIncPre, "remaining": wIncPre, "significant": wIncPre,
	"occasional": wIncPre, "key": wIncPre,
}

// admMaxWord is the longest word looked up; longer words are admUnknown.
const admMaxWord = 16

// admTable is admVocab as an open-addressing hash table keyed by the word's
// bytes packed into two uint64s (see admPack): one hash and two integer
// compares per word, cheaper than a map lookup.
const admTableBits = 11

var admTable [1 << admTableBits]struct {
	k0, k1 uint64
	w      admWord
}

func admHash(k0, k1 uint64) uint64 {
	return (k0*0x9E3779B97F4A7C15 ^ k1*0xC2B2AE3D27D4EB4F) >> (64 - admTableBits)
}

func init() {
	if len(admVocab) > len(admTable)/2 {
		panic("assessment: contradiction vocabulary outgrew its table")
	}
	for word, w := range admVocab {
		if len(word) > admMaxWord {
			panic("assessment: contradiction vocabulary word too long: " + word)
		}
		var k0, k1 uint64
		for i := 0; i < len(word); i++ {
			k0, k1 = admPack(k0, k1, word[i])
		}
		i := admHash(k0, k1)
		for admTable[i].w != admUnknown {
			i = (i + 1) % uint64(len(admTable))
		}
		admTable[i].k0, admTable[i].k1, admTable[i].w = k0, k1, w
	}
}

// admLookup finds the lower-cased word packed into k0, k1.
func admLookup(k0, k1 uint64) admWord {
	for i := admHash(k0, k1); ; i = (i + 1) % uint64(len(admTable)) {
		e := &admTable[i]
		if e.w == admUnknown || e.k0 == k0 && e.k1 == k1 {
			return e.w
		}
	}
}

// admPack shifts byte c into the packed word k0, k1: a 128-bit shift
// register whose last 16 bytes are the word (words longer than admMaxWord are
// never looked up).
func admPack(k0, k1 uint64, c byte) (uint64, uint64) {
	return k0<<8 | uint64(c), k1<<8 | k0>>56
}

// admLower maps ASCII letters and digits to lower case; every other byte to 0.
var admLower = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

func admHas(f uint32, w admWord) bool { return admFlags[w]&f != 0 }

// admTok is one word of the current sentence.
type admTok struct {
	start, end int32   // byte range in the text
	w          admWord // what the word is
	sep        bool    // a comma, colon, bracket or dash comes before it
	known      bool    // before it in its sentence: a negation, then a word of knowing
	cond       bool    // shortly before it in its clause: if, where, when, unless
}

// admSentCap is how many words of one sentence are held; a longer sentence is
// matched in overlapping pieces.
const (
	admSentCap   = 64
	admKeep      = 16 // words kept when a full buffer is shifted
	admLookahead = 8  // words a rule may look ahead of its anchor
	admCondReach = 6  // words after "if", "where", "when" that are conditional
)

type admScanner struct {
	text    string
	toks    [admSentCap]admTok
	n       int  // words in toks
	done    int  // toks[:done] have been tried as anchors
	sep     bool // a separator was seen since the last word
	negSeen bool // a negation has been seen in this sentence
	known   bool // ... followed by a word of knowing
	negAny  bool // a negation then "any" in this clause: "no requests that we could not meet"
	cond    int  // words left in reach of the last if, where, when, unless
	found   bool
	result  admission
}

func (sc *admScanner) run() (admission, bool) {
	text := sc.text
	i := 0
	for i < len(text) && !sc.found {
		c := text[i]
		if c == ' ' {
			i++
			continue
		}
		if admLower[c] != 0 {
			i = sc.word(i)
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
			i = sc.word(i)
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

// admApostrophe reports whether text[i:] starts with an apostrophe (straight,
// curly, modifier letter or an HTML entity for one), and its length.
func admApostrophe(text string, i int) int {
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

func admIsLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func admIsDigit(c byte) bool  { return '0' <= c && c <= '9' }

// word reads the word starting at text[i] and returns the index after it.
func (sc *admScanner) word(i int) int {
	text := sc.text
	start := i
	var k0, k1 uint64 // the lower-cased word, packed as admTable keys it
	n := 0
	ascii := true
	var last byte // the last ASCII letter or digit taken, 0 after a non-ASCII letter
	for i < len(text) {
		c := text[i]
		if l := admLower[c]; l != 0 {
			k0, k1 = admPack(k0, k1, l)
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
			if c == '-' && admIsLetter(last) && admIsLetter(next) || c == '.' && admIsDigit(last) && admIsDigit(next) {
				k0, k1 = admPack(k0, k1, c)
				n++
				i++
				continue
			}
			if c != '\'' && c != '&' {
				break
			}
		}
		if k := admApostrophe(text, i); k > 0 {
			if i+k < len(text) && admIsLetter(text[i+k]) && last != 0 {
				k0, k1 = admPack(k0, k1, '\'')
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
	w := admUnknown
	if ascii && n <= admMaxWord {
		w = admLookup(k0, k1)
	}
	sc.push(start, i, w)
	return i
}

// newline handles a line break at text[i]: it ends the sentence unless it is
// a single break followed by a lower-case word (hard-wrapped prose).
func (sc *admScanner) newline(i int) int {
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
func (sc *admScanner) tag(i int) int {
	text := sc.text
	j := i + 1
	if j < len(text) && text[j] == '/' {
		j++
	}
	if j >= len(text) || !(admIsLetter(text[j]) || text[j] == '!') {
		sc.sep = true
		return i + 1
	}
	ns := j
	for j < len(text) && (admIsLetter(text[j]) || admIsDigit(text[j])) {
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
func (sc *admScanner) entity(i int) int {
	text := sc.text
	j := i + 1
	for j < len(text) && j-i <= 10 && (admIsLetter(text[j]) || admIsDigit(text[j]) || text[j] == '#') {
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
func (sc *admScanner) push(start, end int, w admWord) {
	if sc.found {
		return
	}
	if sc.n == admSentCap {
		sc.try(admSentCap - admLookahead)
		if sc.found {
			return
		}
		copy(sc.toks[:admKeep], sc.toks[admSentCap-admKeep:])
		sc.done -= admSentCap - admKeep
		sc.n = admKeep
	}
	t := &sc.toks[sc.n]
	sc.n++
	t.start, t.end, t.w = int32(start), int32(end), w
	t.sep = sc.sep
	sc.sep = false
	if t.sep {
		sc.cond = 0
	}
	t.cond = sc.cond > 0
	if sc.cond > 0 {
		sc.cond--
	}
	if w == wCond {
		sc.cond = admCondReach
	}
	t.known = sc.known
	f := admFlags[w]
	if t.sep {
		sc.negAny = false
	}
	if sc.negSeen && f&fCue != 0 || sc.negAny && (w == wThat || w == wWhich || w == wCond) {
		sc.known = true
	}
	if sc.negSeen && w == wAny {
		sc.negAny = true
	}
	if f&fAnyNeg != 0 {
		sc.negSeen = true
	}
}

func (sc *admScanner) endSentence() {
	if sc.found {
		return
	}
	sc.try(sc.n)
	sc.n, sc.done = 0, 0
	sc.sep, sc.negSeen, sc.known, sc.negAny, sc.cond = false, false, false, false, 0
}

// try matches the anchors toks[done:to].
func (sc *admScanner) try(to int) {
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
func (sc *admScanner) phrase(s, e int) admission {
	start := int(sc.toks[s].start)
	end := int(sc.toks[e].end)
	for e > s && end-start > admMaxPhrase {
		e--
		end = int(sc.toks[e].end)
	}
	if end-start > admMaxPhrase {
		end = start + admMaxPhrase
		for end > start && !utf8.RuneStart(sc.text[end]) {
			end--
		}
	}
	p := sc.text[start:end]
	if strings.ContainsAny(p, "\n\r\t") || strings.Contains(p, "  ") {
		p = strings.Join(strings.Fields(p), " ")
	}
	return admission{Phrase: p, Offset: start}
}

// w is the word at k, or admOut outside the sentence.
func (sc *admScanner) w(k int) admWord {
	if k < 0 || k >= sc.n {
		return admOut
	}
	return sc.toks[k].w
}

// negatedBefore reports a negation within the two words before s.
func (sc *admScanner) negatedBefore(s int) bool {
	return admHas(fAnyNeg, sc.w(s-1)) || admHas(fAnyNeg, sc.w(s-2))
}

// guard accepts toks[s..e] as a positive-form admission unless a negation
// just before it or a double negative takes it back, or it is conditional
// ("if we need more time, we ...").
func (sc *admScanner) guard(s, e int) (int, int, bool) {
	if sc.toks[s].known || sc.toks[s].cond || sc.negatedBefore(s) {
		return 0, 0, false
	}
	return s, min(e, sc.n-1), true
}

// personBefore reports that the words before a name a resident, an officer
// or similar: "residents will need to", "the handler will need to" are policy,
// not admissions.
func (sc *admScanner) personBefore(a int) bool {
	p := sc.w(a - 1)
	if p == wAdv {
		p = sc.w(a - 2)
	}
	return admHas(fPerson, p) || p == wOrg
}

// subjectBefore reports whether the subject of the negation at a (skipping
// up to two auxiliaries or adverbs) is one of "we", "this", "timescales", the
// team.
func (sc *admScanner) subjectBefore(a int) bool {
	k := a - 1
	for skip := 0; skip < 2 && (admHas(fAux|fSkipWe, sc.w(k)) || sc.w(k) == wAlways); skip++ {
		k--
	}
	return admHas(fSubj, sc.w(k))
}

// relativeBefore reports a relative pronoun just before the negation at a
// (skipping one auxiliary): "responses that are not", "requests which do not".
func (sc *admScanner) relativeBefore(a int) bool {
	k := a - 1
	if admHas(fAux, sc.w(k)) {
		k--
	}
	return sc.w(k) == wThat || sc.w(k) == wWhich
}

// meetObject reports "this", "these timescales", "the requirement" at k.
func (sc *admScanner) meetObject(k int) bool {
	if admHas(fMeetObj, sc.w(k)) {
		return true
	}
	return admHas(fDet, sc.w(k)) && admHas(fMeetObj, sc.w(k+1)) && sc.w(k+1) != wThis
}

// timeObject reports "timescales", "the agreed timescales" at k.
func (sc *admScanner) timeObject(k int) (int, bool) {
	for skip := 0; skip < 2 && (admHas(fDet, sc.w(k)) || sc.w(k) == wThese); skip++ {
		k++
	}
	return k, admHas(fTime, sc.w(k))
}

// match tries the rules anchored at the word a; it returns the words the
// admission spans.
func (sc *admScanner) match(a int) (s, e int, ok bool) {
	switch w := sc.w(a); w {
	case wNot:
		return sc.matchNot(a)

	case wNo:
		// "there is no consistent approach"
		if n := sc.w(a + 1); n == wConsistent || n == wConsistency {
			return sc.guard(a, a+1)
		}

	case wCurrently:
		// "there is currently no dedicated officer", "we currently have no
		// formal process" - but not "currently no outstanding complaints"
		k := a + 1
		if sc.w(k) == wHave {
			k++
		}
		if sc.w(k) == wNo && sc.w(k+1) != admOut && !admHas(fGood, sc.w(k+1)) && !sc.toks[k+1].sep {
			return sc.guard(a, k+1)
		}

	case wWe:
		// "we need to", "we will need to", "we still need a", "we sometimes
		// fail to" - but not "any changes that we need to make"
		if n := sc.w(a - 1); n == wWhich || n == wThat && !admHas(fCue, sc.w(a-2)) {
			break
		}
		k := a + 1
		for skip := 0; skip < 3 && admHas(fSkipWe, sc.w(k)) && !sc.toks[k].sep; skip++ {
			k++
		}
		switch sc.w(k) {
		case wNeed:
			switch sc.w(k + 1) {
			case wTo, wA, wFurther, wBetter, wSome:
				return sc.guard(a, k+1)
			}
		case wFail:
			if sc.w(k+1) == wTo {
				return sc.guard(a, k+1)
			}
		}

	case wWill, wStill:
		// "this will need to change", "the letters still need to be updated"
		if sc.w(a+1) == wNeed && sc.w(a+2) == wTo && !sc.personBefore(a) {
			return sc.guard(a, a+2)
		}
		// "the template will be in place from April"
		if w == wWill && sc.w(a+1) == wBe && sc.w(a+2) == wIn && sc.w(a+3) == wPlace {
			return sc.guard(a, a+3)
		}

	case wNeed, wRequires:
		// "needs improvement", "requires improvement", "needs embedding"
		if n := sc.w(a + 1); n == wImprovement || n == wImproving {
			return sc.guard(a, a+1)
		}
		// "needs to be improved", "need to be updated"
		// - but not "policies that need to be updated are reviewed"
		if w == wNeed && sc.w(a+1) == wTo && sc.w(a+2) == wBe && admHas(fImproveVerb, sc.w(a+3)) &&
			!sc.personBefore(a) && sc.w(a-1) != wThat && sc.w(a-1) != wWhich {
			return sc.guard(a, a+3)
		}

	case wCan, wShould:
		// "could be improved", "should be better", "could be more consistent"
		if sc.w(a+1) == wBe {
			switch sc.w(a + 2) {
			case wImproved, wBetter:
				return sc.guard(a, a+2)
			case wFurther:
				if sc.w(a+3) == wConsistent {
					return sc.guard(a, a+3)
				}
			}
		}

	case wImprovement:
		// "improvements are required", "improvements in record-keeping are needed"
		for j := a + 1; j <= a+5; j++ {
			n := sc.w(j)
			if n == admOut || admHas(fAnyNeg|fBreak, n) || sc.toks[j].sep {
				break
			}
			if n == wNeeded {
				return sc.guard(a, j)
			}
		}

	case wRoom:
		// "there is room for improvement"
		if sc.w(a+1) == wFor && sc.w(a+2) == wImprovement {
			return sc.guard(a, a+2)
		}

	case wFurther:
		if sc.w(a+1) != wWork {
			// "additional monitoring is required", "further staff training
			// is needed" - but not "where additional support is needed",
			// "more information is needed from the resident"
			if sc.w(a-1) == wCond || sc.w(a-2) == wCond || sc.w(a+1) == wInfo || admHas(fCue, sc.w(a+1)) {
				break
			}
			for j := a + 1; j <= a+3; j++ {
				n := sc.w(j)
				if n == admOut || sc.toks[j].sep || admHas(fAnyNeg|fBreak, n) {
					break
				}
				if n == wIs {
					if sc.w(j+1) == wNeeded {
						return sc.guard(a, j+1)
					}
					break
				}
			}
			break
		}
		// "further work to do", "more work is needed", "further work is planned"
		switch sc.w(a + 2) {
		case wTo:
			if sc.w(a+3) == wDo {
				return sc.guard(a, a+3)
			}
			return sc.guard(a, a+1)
		case wIs:
			if sc.w(a+3) == wNeeded {
				return sc.guard(a, a+3)
			}
			return sc.guard(a, a+1)
		case wNeeded:
			return sc.guard(a, a+2)
		case wNeed, wWill:
			return sc.guard(a, a+1)
		}

	case wWork:
		// "there is work to do", "work is needed", "work in progress"
		switch {
		case sc.w(a+1) == wTo && sc.w(a+2) == wDo,
			sc.w(a+1) == wIs && sc.w(a+2) == wNeeded,
			sc.w(a+1) == wIn && sc.w(a+2) == wProgress:
			return sc.guard(a, a+2)
		case sc.w(a+1) == wNeed && sc.w(a+2) == wTo:
			return sc.guard(a, a+1)
		}

	case wWorking:
		// "we are working on this", "something we are still working on"
		// - but not "staff working on this are trained"
		if sc.w(a+1) == wOn && (sc.w(a-1) == wIs || sc.w(a-1) == wStill || sc.w(a-1) == wBeen) {
			if n := sc.w(a + 2); n == admOut || n == wThis || n == wImprovement || n == wImproving {
				return sc.guard(a, min(a+2, sc.n-1))
			}
		}
		// "we are working towards compliance"
		if sc.w(a+1) == wTowards {
			e := a + 1
			if n := sc.w(a + 2); n == wCompliance || n == wMeet || n == wThis {
				e = a + 2
			}
			return sc.guard(a, e)
		}

	case wBe, wBecome, wBeing, wAchieve:
		// "the aim is to be compliant", "will help us become compliant",
		// "to achieve compliance"
		k := a + 1
		if sc.w(k) == wFully {
			k++
		}
		if w == wAchieve && sc.w(k) != wCompliance || w != wAchieve && sc.w(k) != wCompliant {
			break
		}
		cue := w == wAchieve && sc.w(a-1) == wTo
		for j := a - 1; j >= a-5 && !cue; j-- {
			n := sc.w(j)
			if n == admOut || admHas(fAnyNeg, n) {
				break
			}
			cue = admHas(fAspire, n)
		}
		if cue {
			s := a
			if sc.w(a-1) == wTo {
				s = a - 1
			}
			return sc.guard(s, k)
		}

	case wOutside:
		// "is automatically outside of these timescales"
		if admHas(fCopula, sc.w(a-1)) || admHas(fCopula, sc.w(a-2)) {
			k := a + 1
			if sc.w(k) == wOf {
				k++
			}
			if k, ok := sc.timeObject(k); ok {
				return sc.guard(a, k)
			}
		}

	case wUnable:
		// "the team is unable to meet this", "we have been unable to recruit"
		// - but not "we are unable to accept complaints about ..." (policy)
		if sc.w(a+1) == wTo {
			switch sc.w(a + 2) {
			case wMeet, wGuarantee, wEnsure, wComply:
				return sc.guard(a, a+2)
			}
		}
		if sc.w(a-1) == wBeen && sc.w(a+1) == wTo && sc.w(a+2) != admOut {
			return sc.guard(a-1, a+2)
		}

	case wInconsistent:
		// "recording is inconsistent", "insufficient capacity", "non-compliant"
		// - but not "to avoid inconsistent decisions"
		if admHas(fPrevent, sc.w(a-1)) || admHas(fPrevent, sc.w(a-2)) {
			break
		}
		return sc.guard(a, a)

	case wInconsistency:
		// "there is some inconsistency", "we have found inconsistencies" - but
		// not "to check for any inconsistency"
		if admHas(fIncPre, sc.w(a-1)) {
			return sc.guard(a-1, a)
		}

	case wGap:
		// "there is a gap in", "some gaps remain" - but not "gap analysis"
		if admHas(fGapPre, sc.w(a-1)) && sc.w(a+1) != wAnalysis {
			return sc.guard(a-1, a)
		}

	case wNon:
		// "non compliant"
		if sc.w(a+1) == wCompliant {
			return sc.guard(a, a+1)
		}

	case wPartially:
		// "partially compliant", "only partly met", "partially in place",
		// "we comply partially", "Yes, partially", "Partially."
		s := a
		if sc.w(a-1) == wOnly {
			s = a - 1
		}
		switch n := sc.w(a + 1); {
		case n == wCompliant || n == wComply || n == wMeet || n == wCompliance || admHas(fPartialObj, n):
			return sc.guard(s, a+1)
		case n == wIn && sc.w(a+2) == wPlace:
			return sc.guard(s, a+2)
		}
		switch p := sc.w(a - 1); {
		case p == wComply || p == wMeet || p == wCompliant || p == wYes:
			return sc.guard(a-1, a)
		case p == admOut && sc.w(a+1) == admOut:
			return sc.guard(a, a)
		}

	case wPartial:
		// "partial compliance", "compliance is partial"
		if sc.w(a+1) == wCompliance {
			return sc.guard(a, a+1)
		}
		if sc.w(a-1) == wIs {
			return sc.guard(a-1, a)
		}

	case wLack:
		// "we lack a consistent approach", "a lack of capacity"
		k := a + 1
		if n := sc.w(k); n == wA || n == wThe || n == wOf {
			k++
		}
		switch sc.w(k) {
		case wConsistent, wConsistency, wCapacity, wSufficient:
			return sc.guard(a, k)
		}

	case wLate:
		// "acknowledgements are sometimes late", "timescales are missed" - but
		// not "late responses are reported"
		if admHas(fCopula, sc.w(a-1)) || sc.w(a-1) == wAdv && admHas(fCopula, sc.w(a-2)) {
			return sc.guard(a-1, a)
		}

	case wIntend:
		// "we intend to comply by April", "we plan to meet this next year"
		if sc.w(a+1) == wTo {
			switch sc.w(a + 2) {
			case wComply, wMeet, wAchieve:
				return sc.guard(a, a+2)
			case wBe, wBecome:
				if sc.w(a+3) == wCompliant {
					return sc.guard(a, a+3)
				}
			}
		}

	case wMostly:
		// "mostly in place", "largely compliant"
		switch n := sc.w(a + 1); {
		case n == wCompliant || n == wComply || n == wMeet || n == wCompliance:
			return sc.guard(a, a+1)
		case n == wIn && sc.w(a+2) == wPlace:
			return sc.guard(a, a+2)
		}

	case wFall:
		// "we fall short"
		if sc.w(a+1) == wShort {
			return sc.guard(a, a+1)
		}
	}
	return 0, 0, false
}

// matchNot tries the rules anchored on a negation at a: "not" followed within
// three words by a word that turns it into an admission.
func (sc *admScanner) matchNot(a int) (int, int, bool) {
	if sc.toks[a].known || sc.toks[a].cond {
		// "we have no evidence that we are not compliant", "if we cannot
		// meet the timescale, we ..."
		return 0, 0, false
	}
	if sc.w(a+1) == wOnly {
		return 0, 0, false // "not only ... but"
	}
	// "they are not in our procedure"
	if sc.w(a+1) == wIn && (sc.w(a+2) == wOur || sc.w(a+2) == wThe) && admHas(fDoc, sc.w(a+3)) {
		return sc.notPhrase(a, a+3)
	}
	// "not all staff have been trained" - but not "not all complaints need a
	// meeting", "not all complaints are upheld"
	if sc.w(a+1) == wAll {
		for j := a + 2; j <= a+4; j++ {
			if n := sc.w(j); n == wNeed || n == wNeeded || n == wRequires || n == wNA || n == admOut {
				return 0, 0, false
			}
		}
		return sc.notPhrase(a, a+2)
	}
	for j := a + 1; j <= a+3; j++ {
		n := sc.w(j)
		if n == admOut || sc.toks[j].sep || admHas(fAnyNeg|fBreak, n) {
			break
		}
		switch n {
		case wConsistent, wCompliant, wComply, wSufficient:
			// but not "responses that are not consistent with policy are
			// returned": a relative clause names a kind of thing
			if sc.relativeBefore(a) {
				return 0, 0, false
			}
			return sc.notPhrase(a, j)
		case wAlways, wCurrently, wFully:
			// but not "we do not always need to", "handlers are not currently
			// required to", "we do not currently have any complaints outstanding"
			switch m := sc.w(j + 1); {
			case m == wNeed || m == wNeeded || m == wRequires,
				m == wHave && sc.w(j+2) == wTo,
				m == wHave && (sc.w(j+2) == wAny || sc.w(j+2) == wNo) && admHas(fGood, sc.w(j+3)):
				return 0, 0, false
			}
			return sc.notPhrase(a, sc.extend(a, j))
		case wConsistently, wRoutinely, wSustainable, wGuarantee:
			return sc.notPhrase(a, sc.extend(a, j))
		case wYet:
			// but not "a complaint that has not yet completed stage 1", "we do
			// not yet know the outcome", "not yet required"
			if m := sc.w(j + 1); !admHas(fYetBlock|fCue, m) && m != wNeeded && m != wNeed && m != wRequires {
				e := j
				if sc.w(j+1) == wIn && sc.w(j+2) == wPlace {
					e = j + 2
				} else {
					e = sc.extend(a, j)
				}
				return sc.notPhrase(a, e)
			}
		case wPlace:
			if j-1 > a && sc.w(j-1) == wIn {
				return sc.notPhrase(a, j)
			}
		case wMeet:
			// "we do not meet", "timescales are not being met", "do not meet
			// these timescales" - but not "complaints that do not meet the
			// definition"
			if sc.subjectBefore(a) || sc.meetObject(j+1) {
				e := j
				if sc.meetObject(j + 1) {
					e = j + 1
					if m := sc.w(e + 1); (admHas(fDet, sc.w(e)) || sc.w(e) == wThese || sc.w(e) == wThis) &&
						admHas(fMeetObj, m) && m != wThis && m != wThese {
						e++
					}
				}
				return sc.notPhrase(a, e)
			}
		case wAble:
			// "we have not been able to recruit", "not able to meet" - but not
			// "staff are not able to close a complaint without approval"
			if j == a+2 && sc.w(j-1) == wBeen && sc.w(j+1) == wTo && sc.w(j+2) != admOut {
				return sc.notPhrase(a, j+2)
			}
			if sc.w(j+1) == wTo {
				switch sc.w(j + 2) {
				case wMeet, wGuarantee, wEnsure, wComply:
					return sc.notPhrase(a, j+2)
				}
			}
		case wWithin:
			// "not always within" is taken above; "are not responded to within
			// the timescales"
			if k, ok := sc.timeObject(j + 1); ok {
				return sc.notPhrase(a, k)
			}
		}
	}
	return 0, 0, false
}

// extend carries a phrase from the negation at a to an adverb at j ("not
// currently") on to the verb the adverb qualifies ("not currently published",
// "not consistently meeting this"), for a readable message. It does not when
// the verb came first ("not do this consistently").
func (sc *admScanner) extend(a, j int) int {
	switch sc.w(j) {
	case wConsistently, wCurrently, wAlways, wFully, wRoutinely, wYet:
	default:
		return j
	}
	for k := a + 1; k < j; k++ {
		if !admHas(fAux, sc.w(k)) {
			return j
		}
	}
	n := sc.w(j + 1)
	if n == admOut || sc.toks[j+1].sep || admHas(fAnyNeg|fBreak, n) {
		return j
	}
	switch n {
	case wDo, wBe, wBeen, wHave, wIs, wMeet, wComply, wIn:
		if m := sc.w(j + 2); m != admOut && !sc.toks[j+2].sep && !admHas(fAnyNeg|fBreak, m) {
			return j + 2
		}
	}
	return j + 1
}

// notPhrase is the admission for a negation at a ending at e, starting at the
// auxiliary before the negation ("do not", "are not").
func (sc *admScanner) notPhrase(a, e int) (int, int, bool) {
	s := a
	if admHas(fAux, sc.w(a-1)) && !sc.toks[a].sep {
		s = a - 1
	}
	return s, min(e, sc.n-1), true
}
