package wire

// RawArgs appends arguments typed by a user in IMAP syntax (fetch items,
// search criteria, xatom arguments) after re-checking them: atoms,
// parenthesised lists and bracketed sections go as typed; a quoted string
// holding 8-bit bytes, CR or LF goes as a literal instead; CR, LF and NUL
// outside a quoted string are refused with ErrUnsafeArgument.
func (c *Command) RawArgs(s string) *Command {
	i := 0
	for i < len(s) {
		if s[i] != '"' {
			j := i
			for j < len(s) && s[j] != '"' {
				j++
			}
			c.Raw(s[i:j])
			i = j
			continue
		}
		str, end, ok := scanQuoted(s, i)
		if !ok {
			c.setErr(ErrUnsafeArgument)
			return c
		}
		c.String(str)
		i = end
	}
	return c
}

// scanQuoted reads a quoted string starting at s[i] == '"', returning its
// unescaped contents and the index after the closing quote.
func scanQuoted(s string, i int) (string, int, bool) {
	var out []byte
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			if j+1 < len(s) {
				j++
				out = append(out, s[j])
			}
		case '"':
			return string(out), j + 1, true
		default:
			out = append(out, s[j])
		}
	}
	return "", 0, false
}
