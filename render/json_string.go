package render

import "unicode/utf8"

// jsonPlain marks the ASCII bytes a JSON string holds as they are: all
// but the C0 controls, the quote and the backslash. DEL, <, > and & stay
// (no HTML escaping: > stays >).
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const lowerHex = "0123456789abcdef"

// appendJSONString appends s as a JSON string, byte for byte as
// encoding/json writes it without HTML escaping (\" \\ \b \f \n \r \t,
// other C0 controls as \u00XX, invalid UTF-8 as \ufffd, U+2028 and
// U+2029 as \u2028 and \u2029), and with the runes that Safe neutralises
// in text output escaped as \uXXXX as well: C1 controls and the
// invisible bidi and layout characters (U+009B, U+202E, ...). The JSON
// decodes to the same text (invalid bytes to U+FFFD). Hex digits are
// lower case.
func appendJSONString[T string | []byte](dst []byte, s T) []byte {
	dst = appendJSONStringBody(append(dst, '"'), s)
	return append(dst, '"')
}

// appendJSONStringBody is appendJSONString without the quotes: a long
// text cut at rune boundaries is written piece by piece.
func appendJSONStringBody[T string | []byte](dst []byte, s T) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if !jsonPlain[c] {
				dst = appendASCIIEscape(append(dst, s[start:i-1]...), c)
				start = i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		if r == utf8.RuneError && size == 1 || isUnsafeRune(r) {
			dst = appendRuneEscape(append(dst, s[start:i]...), r)
			start = i + size
		}
		i += size
	}
	return append(dst, s[start:]...)
}

// appendASCIIEscape appends the escape of a quote, a backslash or a C0
// control.
func appendASCIIEscape(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', lowerHex[c>>4], lowerHex[c&0xf])
}

// appendRuneEscape appends \uXXXX for a rune of the Basic Multilingual
// Plane (every rune isUnsafeRune reports, and U+FFFD for an invalid byte).
func appendRuneEscape(dst []byte, r rune) []byte {
	return append(dst, '\\', 'u', lowerHex[r>>12&0xf], lowerHex[r>>8&0xf], lowerHex[r>>4&0xf], lowerHex[r&0xf])
}
