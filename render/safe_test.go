package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"INBOX", "INBOX"},
		{"Entwürfe 日本語 📈", "Entwürfe 日本語 📈"},
		{`\Seen`, `\Seen`},
		{"\x1b[2J", `\x1b[2J`},
		{"\x1b]0;title\x07", `\x1b]0;title\x07`},
		{"\x1b]52;c;cHduZWQ=\x1b\\", `\x1b]52;c;cHduZWQ=\x1b\`},
		{"a\r\nb\tc", `a\r\nb\tc`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"\u009b31m", `\u009b31m`},         // C1 CSI, valid UTF-8
		{"\x9b31m", `\x9b31m`},             // raw 8-bit CSI, invalid UTF-8
		{"gnp.\u202eexe", `gnp.\u202eexe`}, // right-to-left override
		{"\u2066x\u2069\u200e\u200f\u061c", `\u2066x\u2069\u200e\u200f\u061c`},
		{"line\u2028sep", `line\u2028sep`},
		{"bad\xff\xfeutf8", `bad\xff\xfeutf8`},
		{"\xe2\x82", `\xe2\x82`}, // truncated sequence
	}
	for _, tt := range tests {
		if got := Safe(tt.in); got != tt.want {
			t.Errorf("Safe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSafeLineKeepsTabs(t *testing.T) {
	if got, want := safeLine("a\tb\x1b[1m\r"), `a	b\x1b[1m\r`; got != want {
		t.Errorf("safeLine = %q, want %q", got, want)
	}
}

// checkSafe fails when s holds anything Safe must have removed.
func checkSafe(t *testing.T, in, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("Safe(%q) = %q: invalid UTF-8", in, s)
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || isUnsafeRune(r) {
			t.Fatalf("Safe(%q) = %q: contains %U", in, s, r)
		}
	}
}

func FuzzSafe(f *testing.F) {
	for _, s := range []string{"", "INBOX", "\x1b[2J", "\x1b]0;title\x07", "\u202e", "\xff", "a\r\nb", "\u009b", "日本語"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Safe(in)
		checkSafe(t, in, out)
		if again := Safe(out); again != out {
			t.Fatalf("Safe is not idempotent: %q -> %q -> %q", in, out, again)
		}
		var slow strings.Builder
		refWriteSafe(&slow, in, false)
		if slow.String() != out {
			t.Fatalf("Safe(%q) = %q, but the escaping loop gives %q", in, out, slow.String())
		}
		slow.Reset()
		refWriteSafe(&slow, in, true)
		if got := safeLine(in); got != slow.String() {
			t.Fatalf("safeLine(%q) = %q, but the escaping loop gives %q", in, got, slow.String())
		}
		if strings.ContainsRune(in, 'x') && !strings.ContainsRune(out, 'x') {
			t.Fatalf("Safe(%q) = %q lost text", in, out)
		}
	})
}
