package render

import (
	"strings"
	"testing"
	"unicode"
)

// slowRuneWidth is runeWidth as first written, before its fast paths:
// every rune through the three Unicode tables, then UAX #11.
func slowRuneWidth(r rune) int {
	switch {
	case r == 0:
		return 0
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return 0
	case isWide(r):
		return 2
	}
	return 1
}

// TestRuneWidthFastPaths checks every code point: the Latin fast path and
// the merged zero-width table give what the three tables give.
func TestRuneWidthFastPaths(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := runeWidth(r), slowRuneWidth(r); got != want {
			t.Fatalf("runeWidth(%U) = %d, want %d", r, got, want)
		}
	}
}

// TestTextWidthASCII checks the ASCII fast path against the rune loop,
// NUL and a switch to non-ASCII at every position included.
func TestTextWidthASCII(t *testing.T) {
	for _, s := range []string{"", "INBOX", "a\x00b", "\x00", strings.Repeat("x", 100) + "日本", "é", "ab\u0301c", "a\u00adb"} {
		if got, want := textWidth(s), runesWidth(s); got != want {
			t.Errorf("textWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzTextWidth(f *testing.F) {
	f.Add("Grüße aus München")
	f.Add("会議の議事録 🎉")
	f.Fuzz(func(t *testing.T, s string) {
		want := 0
		for _, r := range s {
			want += slowRuneWidth(r)
		}
		if got := textWidth(s); got != want {
			t.Errorf("textWidth(%q) = %d, want %d", s, got, want)
		}
	})
}
