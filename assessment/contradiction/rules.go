package contradiction

// The rules, in short (the comments in match and matchNot have more):
//
// - a negation (not, never, rarely, n't, cannot) followed within three
//   words by consistently, always, currently, yet, fully, routinely,
//   sustainable, guarantee; by consistent, compliant, comply, sufficient
//   unless it is in a relative clause ("responses that are not consistent
//   with policy are returned"); by "in place", "within the timescales";
//   by meet/met when the subject is "we", "this", "timescales" or the
//   object "this", "these timescales"; "have not been able to";
//   "not all"; "not in our procedure".
// - "we [still|will|also...] need to / need a"; "will need to", "still
//   need to" (not after residents, they, the handler: policy); "needs to
//   be improved/updated"; "needs improvement/embedding"; "could be
//   improved"; "room for improvement"; "improvements ... are required";
//   "further/additional X is needed".
// - "further/more work to do / is needed", "work to do", "work in
//   progress", "working towards", "still working on".
// - inconsistent(ly), insufficient, inadequate, patchy, non-compliant,
//   shortfall; "some inconsistency"; "a gap" (not "gap analysis");
//   "partially/partly/mostly compliant, met, in place"; "compliance is
//   partial"; "lack a consistent approach"; "currently no dedicated
//   officer" (not "currently no outstanding complaints").
// - the future: "(will|should|aim|once|help...) ... to be/become
//   compliant", "achieve compliance", "intend/plan/hope to comply",
//   "will be in place".
// - "is outside (of) the timescales", "are sometimes late", "are
//   missed"; "we fail to", "we struggle to", "we fall short"; "unable to
//   meet/guarantee/ensure/comply", "have been unable to".
//
// What must not be flagged is kept out by the rules' shape and by guards:
//
// - statements of policy about what is not done by design ("we do not
//   charge", "there is no stage 0", "stage 2 is never handled by the
//   stage 1 officer", "residents are not asked to justify escalation")
//   have a negation but no trigger word in its reach;
// - a positive-form trigger ("further work", "improvements are
//   required", "inconsistent", "a gap") within two words of a negation
//   ("no further work", "never handled inconsistently");
// - the double negative: a trigger after, in the same sentence, a
//   negation and then a word of knowing ("no evidence", "not aware",
//   "no indication", "nothing suggests", "have not found", "not
//   received") or a negation, "any" and a relative ("no complaints where
//   we did not meet the timescale");
// - the conditional: a trigger within six words after if, where, when,
//   unless in the same clause ("if we cannot meet the timescale, we ...").

// negatedBefore reports a negation within the two words before s.
func (sc *scanner) negatedBefore(s int) bool {
	return has(isNegation, sc.at(s-1)) || has(isNegation, sc.at(s-2))
}

// guard accepts toks[s..e] as a positive-form admission unless a negation
// just before it or a double negative takes it back, or it is conditional
// ("if we need more time, we ...").
func (sc *scanner) guard(s, e int) (int, int, bool) {
	if sc.toks[s].known || sc.toks[s].cond || sc.negatedBefore(s) {
		return 0, 0, false
	}
	return s, min(e, sc.n-1), true
}

// personBefore reports that the words before a name a resident, an officer
// or similar: "residents will need to", "the handler will need to" are policy,
// not admissions.
func (sc *scanner) personBefore(a int) bool {
	p := sc.at(a - 1)
	if p == adverb {
		p = sc.at(a - 2)
	}
	return has(isPerson, p) || p == organisation
}

// subjectBefore reports whether the subject of the negation at a (skipping
// up to two auxiliaries or adverbs) is one of "we", "this", "timescales", the
// team.
func (sc *scanner) subjectBefore(a int) bool {
	k := a - 1
	for skip := 0; skip < 2 && (has(isAuxiliary|skipsAfterWe, sc.at(k)) || sc.at(k) == always); skip++ {
		k--
	}
	return has(isSubject, sc.at(k))
}

// relativeBefore reports a relative pronoun just before the negation at a
// (skipping one auxiliary): "responses that are not", "requests which do not".
func (sc *scanner) relativeBefore(a int) bool {
	k := a - 1
	if has(isAuxiliary, sc.at(k)) {
		k--
	}
	return sc.at(k) == that || sc.at(k) == which
}

// meetObject reports "this", "these timescales", "the requirement" at k.
func (sc *scanner) meetObject(k int) bool {
	if has(isMeetObject, sc.at(k)) {
		return true
	}
	return has(isDeterminer, sc.at(k)) && has(isMeetObject, sc.at(k+1)) && sc.at(k+1) != this
}

// timeObject reports "timescales", "the agreed timescales" at k.
func (sc *scanner) timeObject(k int) (int, bool) {
	for skip := 0; skip < 2 && (has(isDeterminer, sc.at(k)) || sc.at(k) == these); skip++ {
		k++
	}
	return k, has(isTime, sc.at(k))
}

// match tries the rules anchored at the word a; it returns the words the
// admission spans.
func (sc *scanner) match(a int) (s, e int, ok bool) {
	switch w := sc.at(a); w {
	case negation:
		return sc.matchNot(a)

	case no:
		// "there is no consistent approach"
		if n := sc.at(a + 1); n == consistent || n == consistency {
			return sc.guard(a, a+1)
		}

	case currently:
		// "there is currently no dedicated officer", "we currently have no
		// formal process" - but not "currently no outstanding complaints"
		k := a + 1
		if sc.at(k) == have {
			k++
		}
		if sc.at(k) == no && sc.at(k+1) != nowhere && !has(isBenign, sc.at(k+1)) && !sc.toks[k+1].sep {
			return sc.guard(a, k+1)
		}

	case we:
		// "we need to", "we will need to", "we still need a", "we sometimes
		// fail to" - but not "any changes that we need to make"
		if n := sc.at(a - 1); n == which || n == that && !has(isKnowing, sc.at(a-2)) {
			break
		}
		k := a + 1
		for skip := 0; skip < 3 && has(skipsAfterWe, sc.at(k)) && !sc.toks[k].sep; skip++ {
			k++
		}
		switch sc.at(k) {
		case need:
			switch sc.at(k + 1) {
			case to, article, further, better, some:
				return sc.guard(a, k+1)
			}
		case fail:
			if sc.at(k+1) == to {
				return sc.guard(a, k+1)
			}
		}

	case will, still:
		// "this will need to change", "the letters still need to be updated"
		if sc.at(a+1) == need && sc.at(a+2) == to && !sc.personBefore(a) {
			return sc.guard(a, a+2)
		}
		// "the template will be in place from April"
		if w == will && sc.at(a+1) == be && sc.at(a+2) == in && sc.at(a+3) == place {
			return sc.guard(a, a+3)
		}

	case need, requires:
		// "needs improvement", "requires improvement", "needs embedding"
		if n := sc.at(a + 1); n == improvement || n == improving {
			return sc.guard(a, a+1)
		}
		// "needs to be improved", "need to be updated"
		// - but not "policies that need to be updated are reviewed"
		if w == need && sc.at(a+1) == to && sc.at(a+2) == be && has(isImproveVerb, sc.at(a+3)) &&
			!sc.personBefore(a) && sc.at(a-1) != that && sc.at(a-1) != which {
			return sc.guard(a, a+3)
		}

	case can, should:
		// "could be improved", "should be better", "could be more consistent"
		if sc.at(a+1) == be {
			switch sc.at(a + 2) {
			case improved, better:
				return sc.guard(a, a+2)
			case further:
				if sc.at(a+3) == consistent {
					return sc.guard(a, a+3)
				}
			}
		}

	case improvement:
		// "improvements are required", "improvements in record-keeping are needed"
		for j := a + 1; j <= a+5; j++ {
			n := sc.at(j)
			if n == nowhere || has(isNegation|endsReach, n) || sc.toks[j].sep {
				break
			}
			if n == needed {
				return sc.guard(a, j)
			}
		}

	case room:
		// "there is room for improvement"
		if sc.at(a+1) == forWord && sc.at(a+2) == improvement {
			return sc.guard(a, a+2)
		}

	case further:
		if sc.at(a+1) != work {
			// "additional monitoring is required", "further staff training
			// is needed" - but not "where additional support is needed",
			// "more information is needed from the resident"
			if sc.at(a-1) == conditional || sc.at(a-2) == conditional || sc.at(a+1) == information || has(isKnowing, sc.at(a+1)) {
				break
			}
			for j := a + 1; j <= a+3; j++ {
				n := sc.at(j)
				if n == nowhere || sc.toks[j].sep || has(isNegation|endsReach, n) {
					break
				}
				if n == is {
					if sc.at(j+1) == needed {
						return sc.guard(a, j+1)
					}
					break
				}
			}
			break
		}
		// "further work to do", "more work is needed", "further work is planned"
		switch sc.at(a + 2) {
		case to:
			if sc.at(a+3) == do {
				return sc.guard(a, a+3)
			}
			return sc.guard(a, a+1)
		case is:
			if sc.at(a+3) == needed {
				return sc.guard(a, a+3)
			}
			return sc.guard(a, a+1)
		case needed:
			return sc.guard(a, a+2)
		case need, will:
			return sc.guard(a, a+1)
		}

	case work:
		// "there is work to do", "work is needed", "work in progress"
		switch {
		case sc.at(a+1) == to && sc.at(a+2) == do,
			sc.at(a+1) == is && sc.at(a+2) == needed,
			sc.at(a+1) == in && sc.at(a+2) == progress:
			return sc.guard(a, a+2)
		case sc.at(a+1) == need && sc.at(a+2) == to:
			return sc.guard(a, a+1)
		}

	case working:
		// "we are working on this", "something we are still working on"
		// - but not "staff working on this are trained"
		if sc.at(a+1) == on && (sc.at(a-1) == is || sc.at(a-1) == still || sc.at(a-1) == been) {
			if n := sc.at(a + 2); n == nowhere || n == this || n == improvement || n == improving {
				return sc.guard(a, min(a+2, sc.n-1))
			}
		}
		// "we are working towards compliance"
		if sc.at(a+1) == towards {
			e := a + 1
			if n := sc.at(a + 2); n == compliance || n == meet || n == this {
				e = a + 2
			}
			return sc.guard(a, e)
		}

	case be, become, being, achieve:
		// "the aim is to be compliant", "will help us become compliant",
		// "to achieve compliance"
		k := a + 1
		if sc.at(k) == fully {
			k++
		}
		if w == achieve && sc.at(k) != compliance || w != achieve && sc.at(k) != compliant {
			break
		}
		cue := w == achieve && sc.at(a-1) == to
		for j := a - 1; j >= a-5 && !cue; j-- {
			n := sc.at(j)
			if n == nowhere || has(isNegation, n) {
				break
			}
			cue = has(isAspiration, n)
		}
		if cue {
			s := a
			if sc.at(a-1) == to {
				s = a - 1
			}
			return sc.guard(s, k)
		}

	case outside:
		// "is automatically outside of these timescales"
		if has(isCopula, sc.at(a-1)) || has(isCopula, sc.at(a-2)) {
			k := a + 1
			if sc.at(k) == of {
				k++
			}
			if k, ok := sc.timeObject(k); ok {
				return sc.guard(a, k)
			}
		}

	case unable:
		// "the team is unable to meet this", "we have been unable to recruit"
		// - but not "we are unable to accept complaints about ..." (policy)
		if sc.at(a+1) == to {
			switch sc.at(a + 2) {
			case meet, guarantee, ensure, comply:
				return sc.guard(a, a+2)
			}
		}
		if sc.at(a-1) == been && sc.at(a+1) == to && sc.at(a+2) != nowhere {
			return sc.guard(a-1, a+2)
		}

	case inconsistent:
		// "recording is inconsistent", "insufficient capacity", "non-compliant"
		// - but not "to avoid inconsistent decisions"
		if has(isPrevention, sc.at(a-1)) || has(isPrevention, sc.at(a-2)) {
			break
		}
		return sc.guard(a, a)

	case inconsistency:
		// "there is some inconsistency", "we have found inconsistencies" - but
		// not "to check for any inconsistency"
		if has(beforeInconsistency, sc.at(a-1)) {
			return sc.guard(a-1, a)
		}

	case gap:
		// "there is a gap in", "some gaps remain" - but not "gap analysis"
		if has(beforeGap, sc.at(a-1)) && sc.at(a+1) != analysis {
			return sc.guard(a-1, a)
		}

	case non:
		// "non compliant"
		if sc.at(a+1) == compliant {
			return sc.guard(a, a+1)
		}

	case partially:
		// "partially compliant", "only partly met", "partially in place",
		// "we comply partially", "Yes, partially", "Partially."
		s := a
		if sc.at(a-1) == only {
			s = a - 1
		}
		switch n := sc.at(a + 1); {
		case n == compliant || n == comply || n == meet || n == compliance || has(isPartialObject, n):
			return sc.guard(s, a+1)
		case n == in && sc.at(a+2) == place:
			return sc.guard(s, a+2)
		}
		switch p := sc.at(a - 1); {
		case p == comply || p == meet || p == compliant || p == yes:
			return sc.guard(a-1, a)
		case p == nowhere && sc.at(a+1) == nowhere:
			return sc.guard(a, a)
		}

	case partial:
		// "partial compliance", "compliance is partial"
		if sc.at(a+1) == compliance {
			return sc.guard(a, a+1)
		}
		if sc.at(a-1) == is {
			return sc.guard(a-1, a)
		}

	case lack:
		// "we lack a consistent approach", "a lack of capacity"
		k := a + 1
		if n := sc.at(k); n == article || n == the || n == of {
			k++
		}
		switch sc.at(k) {
		case consistent, consistency, capacity, sufficient:
			return sc.guard(a, k)
		}

	case late:
		// "acknowledgements are sometimes late", "timescales are missed" - but
		// not "late responses are reported"
		if has(isCopula, sc.at(a-1)) || sc.at(a-1) == adverb && has(isCopula, sc.at(a-2)) {
			return sc.guard(a-1, a)
		}

	case intend:
		// "we intend to comply by April", "we plan to meet this next year"
		if sc.at(a+1) == to {
			switch sc.at(a + 2) {
			case comply, meet, achieve:
				return sc.guard(a, a+2)
			case be, become:
				if sc.at(a+3) == compliant {
					return sc.guard(a, a+3)
				}
			}
		}

	case mostly:
		// "mostly in place", "largely compliant"
		switch n := sc.at(a + 1); {
		case n == compliant || n == comply || n == meet || n == compliance:
			return sc.guard(a, a+1)
		case n == in && sc.at(a+2) == place:
			return sc.guard(a, a+2)
		}

	case fall:
		// "we fall short"
		if sc.at(a+1) == short {
			return sc.guard(a, a+1)
		}
	}
	return 0, 0, false
}

// matchNot tries the rules anchored on a negation at a: "not" followed within
// three words by a word that turns it into an admission.
func (sc *scanner) matchNot(a int) (int, int, bool) {
	if sc.toks[a].known || sc.toks[a].cond {
		// "we have no evidence that we are not compliant", "if we cannot
		// meet the timescale, we ..."
		return 0, 0, false
	}
	if sc.at(a+1) == only {
		return 0, 0, false // "not only ... but"
	}
	// "they are not in our procedure"
	if sc.at(a+1) == in && (sc.at(a+2) == our || sc.at(a+2) == the) && has(isDocument, sc.at(a+3)) {
		return sc.notPhrase(a, a+3)
	}
	// "not all staff have been trained" - but not "not all complaints need a
	// meeting", "not all complaints are upheld"
	if sc.at(a+1) == all {
		for j := a + 2; j <= a+4; j++ {
			if n := sc.at(j); n == need || n == needed || n == requires || n == applicable || n == nowhere {
				return 0, 0, false
			}
		}
		return sc.notPhrase(a, a+2)
	}
	for j := a + 1; j <= a+3; j++ {
		n := sc.at(j)
		if n == nowhere || sc.toks[j].sep || has(isNegation|endsReach, n) {
			break
		}
		switch n {
		case consistent, compliant, comply, sufficient:
			// but not "responses that are not consistent with policy are
			// returned": a relative clause names a kind of thing
			if sc.relativeBefore(a) {
				return 0, 0, false
			}
			return sc.notPhrase(a, j)
		case always, currently, fully:
			// but not "we do not always need to", "handlers are not currently
			// required to", "we do not currently have any complaints outstanding"
			switch m := sc.at(j + 1); {
			case m == need || m == needed || m == requires,
				m == have && sc.at(j+2) == to,
				m == have && (sc.at(j+2) == anyWord || sc.at(j+2) == no) && has(isBenign, sc.at(j+3)):
				return 0, 0, false
			}
			return sc.notPhrase(a, sc.extend(a, j))
		case consistently, routinely, sustainable, guarantee:
			return sc.notPhrase(a, sc.extend(a, j))
		case yet:
			// but not "a complaint that has not yet completed stage 1", "we do
			// not yet know the outcome", "not yet required"
			if m := sc.at(j + 1); !has(blocksYet|isKnowing, m) && m != needed && m != need && m != requires {
				e := j
				if sc.at(j+1) == in && sc.at(j+2) == place {
					e = j + 2
				} else {
					e = sc.extend(a, j)
				}
				return sc.notPhrase(a, e)
			}
		case place:
			if j-1 > a && sc.at(j-1) == in {
				return sc.notPhrase(a, j)
			}
		case meet:
			// "we do not meet", "timescales are not being met", "do not meet
			// these timescales" - but not "complaints that do not meet the
			// definition"
			if sc.subjectBefore(a) || sc.meetObject(j+1) {
				e := j
				if sc.meetObject(j + 1) {
					e = j + 1
					if m := sc.at(e + 1); (has(isDeterminer, sc.at(e)) || sc.at(e) == these || sc.at(e) == this) &&
						has(isMeetObject, m) && m != this && m != these {
						e++
					}
				}
				return sc.notPhrase(a, e)
			}
		case able:
			// "we have not been able to recruit", "not able to meet" - but not
			// "staff are not able to close a complaint without approval"
			if j == a+2 && sc.at(j-1) == been && sc.at(j+1) == to && sc.at(j+2) != nowhere {
				return sc.notPhrase(a, j+2)
			}
			if sc.at(j+1) == to {
				switch sc.at(j + 2) {
				case meet, guarantee, ensure, comply:
					return sc.notPhrase(a, j+2)
				}
			}
		case within:
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
func (sc *scanner) extend(a, j int) int {
	switch sc.at(j) {
	case consistently, currently, always, fully, routinely, yet:
	default:
		return j
	}
	for k := a + 1; k < j; k++ {
		if !has(isAuxiliary, sc.at(k)) {
			return j
		}
	}
	n := sc.at(j + 1)
	if n == nowhere || sc.toks[j+1].sep || has(isNegation|endsReach, n) {
		return j
	}
	switch n {
	case do, be, been, have, is, meet, comply, in:
		if m := sc.at(j + 2); m != nowhere && !sc.toks[j+2].sep && !has(isNegation|endsReach, m) {
			return j + 2
		}
	}
	return j + 1
}

// notPhrase is the admission for a negation at a ending at e, starting at the
// auxiliary before the negation ("do not", "are not").
func (sc *scanner) notPhrase(a, e int) (int, int, bool) {
	s := a
	if has(isAuxiliary, sc.at(a-1)) && !sc.toks[a].sep {
		s = a - 1
	}
	return s, min(e, sc.n-1), true
}
