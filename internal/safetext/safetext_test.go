package safetext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Policy reviewed in May.", "Policy reviewed in May."},
		{"Welsh and quotes", "Tŷ Glas, Siân’s “team”", "Tŷ Glas, Siân’s “team”"},
		{"line breaks", "a\nb\r\nc\rd\ve\ff\u0085g\u2028h\u2029i", "a b  c d e f g h i"},
		{"tab", "a\tb", "a b"},
		{"escape sequence", "x\x1b[2Jy", `x\x1b[2Jy`},
		{"bell and nul", "\a\x00", `\a\x00`},
		{"delete and C1", "\x7f\u009b", `\x7f\u009b`},
		{"bidi overrides", "abc\u202edef\u202c", `abc\u202edef\u202c`},
		{"bidi isolates", "\u2066\u2067\u2068\u2069", `\u2066\u2067\u2068\u2069`},
		{"marks", "\u200e\u200f\u061c", `\u200e\u200f\u061c`},
		{"not UTF-8", "caf\xe9 \xff", `caf\xe9 \xff`},
		{"workflow command", "ok\n::error file=x::pwned", "ok ::error file=x::pwned"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Line(tt.in); got != tt.want {
				t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if strings.ContainsAny(Line(tt.in), "\n\r\x1b\u202e\u2028") {
				t.Errorf("Line(%q) lets a break or control through", tt.in)
			}
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "one\ntwo", "one\ntwo"},
		{"line ends", "a\r\nb\rc\u2028d\u2029e\vf\fg\u0085h", "a\nb\nc\nd\ne\nf\ng\nh"},
		{"tab kept", "a\tb", "a\tb"},
		{"controls", "x\x1b]0;title\ay", `x\x1b]0;title\ay`},
		{"bidi", "\u202eevil", `\u202eevil`},
		{"Welsh", "Tŷ Glas", "Tŷ Glas"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestPlainTextIsNotCopied: text with nothing to change is returned as it
// is, without allocating (the common case, on every line csa prints).
func TestPlainTextIsNotCopied(t *testing.T) {
	for _, s := range []string{"6.10: Policy reviewed.", "Tŷ Glas: “quoted”", "two\nlines\tand a tab"} {
		if n := testing.AllocsPerRun(100, func() { Text(s) }); n != 0 {
			t.Errorf("Text(%q) allocates %v times", s, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Line("Tŷ Glas") }); n != 0 {
		t.Errorf("Line allocates %v times", n)
	}
}

func TestFormulaGuard(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+44 20", "'+44 20"},
		{"-1", "'-1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"\r\n=1+1", "'\r\n=1+1"},
		{"\n=1+1", "'\n=1+1"},
		{"  =1+1", "'  =1+1"},
		{"\n \u00a0\u2028@cmd", "'\n \u00a0\u2028@cmd"},
		{"\nplain", "\nplain"},
		{" ", " "},
		{"a = b", "a = b"},
		{"a\n=b", "a\n=b"},
		{"6.10", "6.10"},
		{"", ""},
		{"Siân", "Siân"},
	}
	for _, tt := range tests {
		got := FormulaGuard(tt.in)
		if got != tt.want {
			t.Errorf("FormulaGuard(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back := Unguard(got); back != tt.in {
			t.Errorf("Unguard(%q) = %q, want %q", got, back, tt.in)
		}
	}
	if got := Unguard("'quoted"); got != "'quoted" {
		t.Errorf("Unguard keeps a quote that guards nothing: got %q", got)
	}
}

// FuzzPolicy: whatever the text, Line leaves nothing that breaks a line or
// controls a terminal, Text nothing but its own line breaks and tabs, both
// are valid UTF-8, and a second pass changes nothing.
func FuzzPolicy(f *testing.F) {
	for _, s := range []string{"", "plain", "Tŷ Glas", "a\r\nb", "\x1b[2J\a", "\u202eevil\u2066", "\xff\xfe", "x\u2028y\u0085z", "\n=1+1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		line, text := Line(s), Text(s)
		for name, out := range map[string]string{"Line": line, "Text": text} {
			if !utf8.ValidString(out) {
				t.Errorf("%s(%q) = %q is not UTF-8", name, s, out)
			}
			for _, r := range out {
				if Unsafe(r) || (isBreak(r) && (name == "Line" || r != '\n')) || (name == "Line" && r == '\t') {
					t.Errorf("%s(%q) = %q keeps %U", name, s, out, r)
				}
			}
		}
		if again := Line(line); again != line {
			t.Errorf("Line is not stable on %q: %q then %q", s, line, again)
		}
		if again := Text(text); again != text {
			t.Errorf("Text is not stable on %q: %q then %q", s, text, again)
		}
		if g := FormulaGuard(s); Unguard(g) != s && !strings.HasPrefix(s, "'") {
			t.Errorf("Unguard(FormulaGuard(%q)) = %q", s, Unguard(g))
		}
	})
}

func BenchmarkLine(b *testing.B) {
	for _, bc := range []struct{ name, s string }{
		{"plain", "ctl.yaml:12:14: warning overdue: an action for provision 1.2 was due 2025-01-01 and is still open"},
		{"Welsh", "Tŷ Glas Homes: Siân’s team reviewed the policy in “May”, as the board asked."},
		{"controls", "x\n::error file=evil::pwned \x1b[2J \a \u202eevil\u202c and more text after it"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Line(bc.s)
			}
		})
	}
}
