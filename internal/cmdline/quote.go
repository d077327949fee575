package cmdline

import "strings"

// ScanQuoted scans the double-quoted string that starts at s[i] (a '"')
// and returns the offset just after its closing quote. A backslash
// escapes the byte after it, as in IMAP's quoted strings (RFC 9051
// section 4.3) and the shell's words; closed is false when the string
// runs to the end of s.
func ScanQuoted(s string, i int) (end int, closed bool) {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '"':
			return j + 1, true
		}
	}
	return len(s), false
}

// Unquote returns the contents of raw when it is exactly one quoted
// string, with \" and \\ (and any \x) unescaped.
func Unquote(raw string) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	if end, closed := ScanQuoted(raw, 0); !closed || end != len(raw) {
		return "", false // "a"b"c": several segments, or an escaped closing quote
	}
	body := raw[1 : len(raw)-1]
	if !strings.Contains(body, `\`) {
		return body, true
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		if body[i] == '\\' && i+1 < len(body) {
			i++
		}
		b.WriteByte(body[i])
	}
	return b.String(), true
}

// inQuote reports whether s ends inside a double-quoted string.
func inQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '"' {
			continue
		}
		end, closed := ScanQuoted(s, i)
		if !closed {
			return true
		}
		i = end - 1
	}
	return false
}

// Quote returns text as a word the lexer reads back as text: bare when
// that is safe, else double-quoted with \ and " escaped.
func Quote(text string) string {
	if text != "" && !strings.ContainsAny(text, " \t\r\n\"()[]") && text[0] != '<' && text[0] != '>' {
		return text // a backslash is literal outside quotes: \Seen
	}
	return `"` + escapeQuoted(text) + `"`
}

// OpenQuote returns text after an opening double quote, with \ and "
// escaped: the start of a quoted word that goes on (completion's "Grüße
// aus for a name with spaces).
func OpenQuote(text string) string { return `"` + escapeQuoted(text) }

// escapeQuoted escapes \ and " for the inside of a quoted string.
func escapeQuoted(text string) string {
	if !strings.ContainsAny(text, `\"`) {
		return text
	}
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(text)
}
