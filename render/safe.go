package render

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Safe makes a server-provided string harmless to print on a terminal:
// C0 controls, DEL and C1 controls are shown escaped (\x1b, \r, \u009b),
// which also neutralises ANSI/OSC escape sequences; Unicode bidi overrides,
// isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
// U+061C) and the line/paragraph separators U+2028/U+2029 are shown as
// \u202e; invalid UTF-8 bytes are shown as \xNN. Everything else, including
// backslashes, is kept, so Safe is idempotent.
func Safe(s string) string {
	if isSafe(s) {
		return s
	}
	var b strings.Builder
	writeSafe(&b, s, false)
	return b.String()
}

// safeLine is Safe for one line of body text: tabs are kept.
func safeLine(s string) string {
	var b strings.Builder
	writeSafe(&b, s, true)
	return b.String()
}

// isSafe reports whether Safe leaves s as it is: printable ASCII (the
// common case) or valid UTF-8 without a control, bidi or separator
// character.
func isSafe(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isUnsafeRune(r) {
			return false
		}
		i += size
	}
	return true
}

func writeSafe(b *strings.Builder, s string, keepTabs bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(b, `\x%02x`, s[i])
		case r == '\t' && keepTabs:
			b.WriteByte('\t')
		case r < 0x20 || r == 0x7f:
			b.WriteString(escapeC0(r))
		case isUnsafeRune(r):
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
}

func escapeC0(r rune) string {
	switch r {
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	}
	return fmt.Sprintf(`\x%02x`, r)
}

// isUnsafeRune reports C1 controls and the invisible characters that change
// how a terminal lays out text.
func isUnsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f: // C1, including the 8-bit CSI and OSC
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e, r == 0x200f, r == 0x061c, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}
