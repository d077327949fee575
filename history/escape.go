package history

import "strings"

// escapeEntry turns one logical command into one file line: newline becomes
// `\n`, carriage return `\r`, and a backslash is doubled only where it would
// otherwise read as an escape, so IMAP flags such as \Seen stay readable.
func escapeEntry(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\\':
			b.WriteByte('\\')
			if i+1 == len(s) || strings.IndexByte("nr\\\n\r", s[i+1]) >= 0 {
				b.WriteByte('\\')
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// unescapeEntry reverses escapeEntry. A backslash before any other byte is
// kept as it is.
func unescapeEntry(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		switch s[i+1] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case '\\':
			b.WriteByte('\\')
		default:
			b.WriteByte('\\')
			continue
		}
		i++
	}
	return b.String()
}
