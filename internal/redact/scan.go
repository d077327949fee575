package redact

import (
	"strconv"
	"strings"

	"imapsh/internal/cmdline"
)

// maxLiteralDigits bounds a literal's length field so parsing cannot overflow.
const maxLiteralDigits = 10

// skipBlanks skips the blanks within one line of a multi-line entry: every
// cmdline.IsBlank byte but the line feed.
func skipBlanks(s string, i int) int {
	for i < len(s) && cmdline.IsBlank(s[i]) && s[i] != '\n' {
		i++
	}
	return i
}

// skipAllBlanks skips every cmdline.IsBlank byte.
func skipAllBlanks(s string, i int) int {
	for i < len(s) && cmdline.IsBlank(s[i]) {
		i++
	}
	return i
}

// atDelimiter reports whether a token may end at i.
func atDelimiter(s string, i int) bool {
	return i == len(s) || cmdline.IsBlank(s[i])
}

// scanAString returns the end of the IMAP astring (RFC 9051: atom, quoted
// string or literal) starting at i. It is liberal about atom characters but
// fails on anything it cannot delimit for certain.
func scanAString(s string, i int) (end int, ok bool) {
	if i >= len(s) {
		return i, false
	}
	switch s[i] {
	case '"':
		end, ok = cmdline.ScanQuoted(s, i)
		ok = ok && !strings.ContainsAny(s[i:end], "\r\n") // not an IMAP quoted string
	case '{':
		end, ok = scanLiteral(s, i)
	default:
		end, ok = scanAtom(s, i)
	}
	return end, ok && atDelimiter(s, end)
}

func scanAtom(s string, i int) (int, bool) {
	start := i
	for ; i < len(s) && !cmdline.IsBlank(s[i]); i++ {
		if c := s[i]; c == '"' || c < 0x20 || c == 0x7f {
			return i, false
		}
	}
	return i, i > start
}

// scanLiteral scans "{n}" or "{n+}", a line break and n bytes of content.
func scanLiteral(s string, i int) (int, bool) {
	j := i + 1
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	digits := s[i+1 : j]
	if digits == "" || len(digits) > maxLiteralDigits {
		return j, false
	}
	if j < len(s) && s[j] == '+' {
		j++
	}
	if j >= len(s) || s[j] != '}' {
		return j, false
	}
	j++
	if j < len(s) && s[j] == '\r' {
		j++
	}
	if j >= len(s) || s[j] != '\n' {
		return j, false
	}
	n, _ := strconv.Atoi(digits)
	if n > len(s)-(j+1) {
		return len(s), false
	}
	return j + 1 + n, true
}
