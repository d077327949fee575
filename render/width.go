package render

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/rangetable"
	"golang.org/x/text/width"
)

// zeroWidth is the union of the nonspacing marks, enclosing marks and
// format characters: one table to search instead of three.
var zeroWidth = rangetable.Merge(unicode.Mn, unicode.Me, unicode.Cf)

// runeWidth is the number of terminal columns a rune takes: 0 for
// combining marks and format characters, 2 for East Asian wide and
// fullwidth characters and emoji, 1 otherwise.
func runeWidth(r rune) int {
	switch {
	case r < 0x300: // ASCII and Latin: no mark, nothing wide, one format character
		if r == 0 || r == 0xad { // NUL, SOFT HYPHEN (Cf)
			return 0
		}
		return 1
	case unicode.Is(zeroWidth, r):
		return 0
	case isWide(r):
		return 2
	}
	return 1
}

// isWide reports East Asian Wide and Fullwidth characters (UAX #11, from
// golang.org/x/text/width). Those tables mark every emoji with default
// emoji presentation as Wide (☕ U+2615, ⭐ U+2B50, 🀄 U+1F004, 🚀
// U+1F680, 🎉 U+1F389) and leave text-presentation pictographs such as
// 🌡 U+1F321 and ❤ U+2764 narrow, as terminals draw them; isNewEmoji adds
// the emoji newer than the tables.
func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return isNewEmoji(r)
}

// isNewEmoji reports emoji the Unicode 15 tables of x/text do not know:
// anything in Symbols and Pictographs Extended-A (U+1FA70–U+1FAFF, emoji
// presentation only, where Unicode 16 and 17 added theirs) and the code
// points of the emoji blocks U+1F000–U+1FAFF still unassigned, which
// UAX #11 makes Wide by default.
func isNewEmoji(r rune) bool {
	switch {
	case r >= 0x1fa70 && r <= 0x1faff:
		return true
	case r >= 0x1f000 && r <= 0x1faff:
		return !unicode.In(r, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.C)
	}
	return false
}

// textWidth is the display width of a safe string: its length when it
// is ASCII without NUL, the common case.
func textWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == 0 {
			return i + runesWidth(s[i:])
		}
	}
	return len(s)
}

// runesWidth adds up the widths of the runes of s.
func runesWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// truncate shortens s to at most w columns, ending with "…" when cut.
func truncate(s string, w int) string {
	if textWidth(s) <= w {
		return s
	}
	if w <= 0 {
		return ""
	}
	used := 0
	for i, r := range s {
		rw := runeWidth(r)
		if used+rw > w-1 {
			return s[:i] + "…"
		}
		used += rw
	}
	return s
}

// padRight pads s with spaces to w columns.
func padRight(s string, w int) string {
	for n := textWidth(s); n < w; n++ {
		s += " "
	}
	return s
}

// padLeft pads s with leading spaces to w columns.
func padLeft(s string, w int) string {
	pad := ""
	for n := textWidth(s); n < w; n++ {
		pad += " "
	}
	return pad + s
}

// clipLine cuts a line (which may hold the theme's colour sequences) to w
// display columns, ending with "…" and a colour reset when cut: a table
// too wide for the terminal even with every column at its floor must not
// wrap.
func clipLine(s string, w int) string {
	if displayWidth(s) <= w {
		return s
	}
	used, coloured := 0, false
	for i := 0; i < len(s); {
		if n := csiLen(s[i:]); n > 0 {
			i, coloured = i+n, true
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if used+runeWidth(r) > w-1 {
			if coloured {
				return s[:i] + "…\x1b[0m"
			}
			return s[:i] + "…"
		}
		used += runeWidth(r)
		i += size
	}
	return s
}

// displayWidth is the display width of s, colour sequences not counted.
func displayWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if k := csiLen(s[i:]); k > 0 {
			i += k
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += runeWidth(r)
		i += size
	}
	return n
}

// csiLen is the length of the control sequence (ESC [ ... final byte) s
// starts with, 0 when it starts with none. Text reaching a table went
// through Safe, so every ESC in a line is the theme's.
func csiLen(s string) int {
	if len(s) < 2 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	for j := 2; j < len(s); j++ {
		if s[j] >= 0x40 && s[j] <= 0x7e {
			return j + 1
		}
	}
	return len(s)
}
