package render

import (
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
	return string(appendSafe(nil, []byte(s), false))
}

// safeLine is Safe for one line of body text: tabs are kept.
func safeLine(s string) string {
	return string(appendSafe(nil, []byte(s), true))
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

// appendSafe appends s to b as Safe shows it; keepTabs keeps tabs (body
// text) instead of showing them as \t.
func appendSafe(b, s []byte, keepTabs bool) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f { // printable ASCII, the common case
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = appendHexEscape(b, 'x', uint32(s[i]), 2)
		case r == '\t' && keepTabs:
			b = append(b, '\t')
		case r < 0x20 || r == 0x7f:
			b = appendC0(b, r)
		case isUnsafeRune(r):
			b = appendHexEscape(b, 'u', uint32(r), 4)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

// appendC0 appends a C0 control or DEL escaped: \t, \n, \r or \xNN.
func appendC0(b []byte, r rune) []byte {
	switch r {
	case '\t':
		return append(b, `\t`...)
	case '\n':
		return append(b, `\n`...)
	case '\r':
		return append(b, `\r`...)
	}
	return appendHexEscape(b, 'x', uint32(r), 2)
}

// appendHexEscape appends a backslash, kind and n lower-case hex digits
// of v (\x1b, \u202e), as fmt's %0Nx writes them.
func appendHexEscape(b []byte, kind byte, v uint32, n int) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '\\', kind)
	for shift := 4 * (n - 1); shift >= 0; shift -= 4 {
		b = append(b, hex[v>>uint(shift)&0xf])
	}
	return b
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
