package diff

import (
	"strings"
	"testing"
)

// show writes pieces plainly: kept text as it is, an edit as the text
// format writes a word diff, a rewrite as <old|new>.
func show(pieces []Piece) string {
	var parts []string
	for _, p := range pieces {
		switch p.Kind {
		case Same:
			parts = append(parts, p.Text)
		case Edited:
			parts = append(parts, textSpans(p.Words))
		case Rewritten:
			parts = append(parts, "<"+p.Old+"|"+p.New+">")
		}
	}
	return strings.Join(parts, " ")
}

func TestMostlyChanged(t *testing.T) {
	tests := []struct {
		name, old, new string
		want           bool
	}{
		// Five words each: n replaced is 2n of the 10 words changed.
		{"2 of 5 words replaced: 4 of 10 changed, an edit", "one two three four five", "one two three six seven", false},
		{"3 of 5 words replaced: 6 of 10 changed, a rewrite", "one two three four five", "one two six seven eight", true},
		{"exactly half is not more than half", "a b c d", "a b x y", false},
		{"one word added to four: 1 of 9", "a b c d", "a b c d e", false},
		{"only added", "", "New text.", true},
		{"only removed", "Old text.", "", true},
		{"nothing", "", "", false},
		{"spacing alone", "a  b\nc", "a b c", false},
	}
	for _, tt := range tests {
		if got := MostlyChanged(tt.old, tt.new); got != tt.want {
			t.Errorf("%s: MostlyChanged(%q, %q) = %v", tt.name, tt.old, tt.new, got)
		}
	}
}

func TestPieces(t *testing.T) {
	tests := []struct {
		name, old, new, want string
		whole                bool
	}{
		{"a small edit is word by word",
			"Policy v4 section 2.1 defines a complaint.", "Policy v5 section 2.1 defines a complaint.",
			"Policy [-v4-]{+v5+} section 2.1 defines a complaint.", false},
		{"most of a sentence changed is shown whole",
			"The consent form can be signed by phone.", "Consent is now recorded in Connect by the officer.",
			"<The consent form can be signed by phone.|Consent is now recorded in Connect by the officer.>", true},
		{"a kept sentence, an edited one, a rewritten one",
			"Section 2.3 says so. Staff are trained yearly. The old form is on paper.",
			"Section 2.3 says so. All staff are trained yearly. Complaints are logged in Connect the same day.",
			"Section 2.3 says so. [-Staff-]{+All staff+} are trained yearly. <The old form is on paper.|Complaints are logged in Connect the same day.>", false},
		{"a sentence added", "First. Second.", "First. Between. Second.", "First. <|Between.> Second.", false},
		{"a sentence removed", "First. Gone now. Second.", "First. Second.", "First. <Gone now.|> Second.", false},
		{"rewritten sentences side by side are one passage",
			"Alpha beta gamma. Delta epsilon zeta. Kept here.", "One two three. Four five six. Kept here.",
			"<Alpha beta gamma. Delta epsilon zeta.|One two three. Four five six.> Kept here.", false},
		{"everything rewritten is whole", "Old words here. More old words.", "Quite different. Entirely new text now.",
			"<Old words here. More old words.|Quite different. Entirely new text now.>", true},
		{"from nothing", "", "New evidence.", "<|New evidence.>", true},
		{"to nothing", "Old evidence.", "", "<Old evidence.|>", true},
		{"a paragraph break ends a sentence", "No full stop\n\nNext para.", "No full stop at all\n\nNext para.",
			"No full stop {+at all+} Next para.", false},
		{"e.g. does not end a sentence", "Use channels, e.g. phone and email.", "Use channels, e.g. phone, email and web.",
			"Use channels, e.g. [-phone and email.-]{+phone, email and web.+}", false},
		{"spacing and line breaks are no change", "A  b.\nC d.", "A b. C d.", "A b. C d.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pieces := Pieces(tt.old, tt.new)
			if got := show(pieces); got != tt.want {
				t.Errorf("Pieces(%q, %q)\n got %s\nwant %s", tt.old, tt.new, got, tt.want)
			}
			if Whole(pieces) != tt.whole {
				t.Errorf("Whole = %v, want %v", Whole(pieces), tt.whole)
			}
		})
	}
}

// TestPiecesRebuildBothTexts: whatever the texts, the pieces hold all of
// the old text and all of the new, in order.
func TestPiecesRebuildBothTexts(t *testing.T) {
	texts := []string{"", "One.", "One. Two.", "One. Two. Three.", "Two. One.", "One two. Three four five.",
		"A b c d e. F g.", "A b x d e. F g. H.", "Para one\n\npara two.", "e.g. this. And that!"}
	for _, old := range texts {
		for _, new := range texts {
			var o, n []string
			for _, p := range Pieces(old, new) {
				switch p.Kind {
				case Same:
					o, n = append(o, p.Text), append(n, p.Text)
				case Rewritten:
					o, n = append(o, p.Old), append(n, p.New)
				case Edited:
					for _, s := range p.Words {
						if s.Op != Insert {
							o = append(o, s.Text)
						}
						if s.Op != Delete {
							n = append(n, s.Text)
						}
					}
				}
			}
			if got, want := strings.Join(strings.Fields(strings.Join(o, " ")), " "), strings.Join(strings.Fields(old), " "); got != want {
				t.Errorf("%q → %q: the old text rebuilds as %q", old, new, got)
			}
			if got, want := strings.Join(strings.Fields(strings.Join(n, " ")), " "), strings.Join(strings.Fields(new), " "); got != want {
				t.Errorf("%q → %q: the new text rebuilds as %q", old, new, got)
			}
		}
	}
}
