package diff

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"same", "Policy v4 section 2.1.", "Policy v4 section 2.1.", "Policy v4 section 2.1."},
		{"spacing and line breaks are no change", "Policy  v4\nsection 2.1.", "Policy v4 section 2.1.", "Policy v4 section 2.1."},
		{"one word replaced", "Policy v4 covers it.", "Policy v5 covers it.", "Policy [-v4-]{+v5+} covers it."},
		{"word added", "Staff are trained.", "All staff are trained.", "[-Staff-]{+All staff+} are trained."},
		{"words removed at the end", "Reviewed monthly by the manager.", "Reviewed monthly.", "Reviewed [-monthly by the manager.-]{+monthly.+}"},
		{"from nothing", "", "New evidence.", "{+New evidence.+}"},
		{"to nothing", "Old evidence.", "", "[-Old evidence.-]"},
		{"both empty", "", "", ""},
		{"a short common run between changes is folded", "The cat sat on the mat", "A dog sat on a rug", "[-The cat sat on the mat-]{+A dog sat on a rug+}"},
		{"a long common run is kept", "In 2022/23, 68% of stage 2 responses were sent on time.", "In 2024/25, 72% of stage 2 responses were sent on time.",
			"In [-2022/23, 68%-]{+2024/25, 72%+} of stage 2 responses were sent on time."},
		{"a change at each end", "Old start of a sentence that stays the same old end", "New start of a sentence that stays the same new end",
			"[-Old-]{+New+} start of a sentence that stays the same [-old-]{+new+} end"},
		{"punctuation belongs to its word", "policy, procedure", "policy; procedure", "[-policy,-]{+policy;+} procedure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := textSpans(Words(tt.old, tt.new)); got != tt.want {
				t.Errorf("Words(%q, %q)\n got %s\nwant %s", tt.old, tt.new, got, tt.want)
			}
		})
	}
}

// lcs is the textbook dynamic programme, to hold the Myers script to.
func lcs(a, b []string) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}

// TestEditScriptIsShortest checks, on random word lists from a small
// vocabulary (so words repeat), that the script rebuilds both lists and keeps
// as many words as the longest common subsequence.
func TestEditScriptIsShortest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"a", "b", "c", "d", "the", "policy"}
	words := func() []string {
		w := make([]string, r.IntN(12))
		for i := range w {
			w[i] = vocab[r.IntN(len(vocab))]
		}
		return w
	}
	for range 2000 {
		a, b := words(), words()
		ops := editScript(a, b)
		var gotA, gotB []string
		x, y, common := 0, 0, 0
		for _, op := range ops {
			switch op {
			case Equal:
				if x >= len(a) || y >= len(b) || a[x] != b[y] {
					t.Fatalf("%v → %v: Equal at %d,%d does not match: %v", a, b, x, y, ops)
				}
				gotA, gotB = append(gotA, a[x]), append(gotB, b[y])
				x, y, common = x+1, y+1, common+1
			case Delete:
				gotA = append(gotA, a[x])
				x++
			case Insert:
				gotB = append(gotB, b[y])
				y++
			}
		}
		if strings.Join(gotA, " ") != strings.Join(a, " ") || strings.Join(gotB, " ") != strings.Join(b, " ") {
			t.Fatalf("%v → %v: script %v does not rebuild both", a, b, ops)
		}
		if want := lcs(a, b); common != want {
			t.Fatalf("%v → %v: keeps %d words, the longest common run is %d", a, b, common, want)
		}
	}
}

func TestWordsRebuildBothTexts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	vocab := strings.Fields("the stage 1 response is sent within ten working days of the complaint")
	text := func() string {
		w := make([]string, r.IntN(20))
		for i := range w {
			w[i] = vocab[r.IntN(len(vocab))]
		}
		return strings.Join(w, " ")
	}
	for range 1000 {
		a, b := text(), text()
		var old, new []string
		for _, s := range Words(a, b) {
			if s.Op != Insert {
				old = append(old, s.Text)
			}
			if s.Op != Delete {
				new = append(new, s.Text)
			}
		}
		if strings.Join(old, " ") != a || strings.Join(new, " ") != b {
			t.Fatalf("Words(%q, %q) = %s does not rebuild both", a, b, textSpans(Words(a, b)))
		}
	}
}

func TestWordsGivesUpOnARewrite(t *testing.T) {
	var a, b []string
	for i := range maxEdits {
		a = append(a, "old"+strings.Repeat("x", i%7))
		b = append(b, "new"+strings.Repeat("y", i%5))
	}
	got := Words(strings.Join(a, " "), strings.Join(b, " "))
	if len(got) != 2 || got[0].Op != Delete || got[1].Op != Insert {
		t.Fatalf("a rewrite past maxEdits gave %d spans, want one removal and one addition", len(got))
	}
}

func TestSimilarity(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"Send a survey.", "Send a survey.", 1, 1},
		{"Send a survey.", "send a SURVEY", 1, 1}, // case and end punctuation ignored
		{"", "", 1, 1},
		{"Send a survey.", "", 0, 0},
		{"Recruit a fourth complaint officer.", "Publish the Board's response.", 0, 0},
		{ // reworded, still the same action
			"Hold a stage 2 case conference within five working days of escalation.",
			"Hold a stage 2 case conference within five working days of each escalation, chaired by the Director.",
			0.7, 0.9,
		},
		{ // same subject, different action
			"Revise the Compensation and Remedies Policy to cover distress and inconvenience.",
			"Refresh the compensation bands after the Ombudsman updated its remedies guidance.",
			0.1, 0.3,
		},
	}
	for _, tt := range tests {
		if got := Similarity(tt.a, tt.b); got < tt.min || got > tt.max {
			t.Errorf("Similarity(%q, %q) = %.2f, want %.2f to %.2f", tt.a, tt.b, got, tt.min, tt.max)
		}
	}
}
