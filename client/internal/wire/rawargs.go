package wire

import "imapsh/internal/cmdline"

// RawArgs appends arguments typed by a user in IMAP syntax (fetch items,
// search criteria, xatom arguments) after re-checking them: atoms,
// parenthesised lists and bracketed sections go as typed; a quoted string
// holding 8-bit bytes, CR or LF goes as a literal instead; CR, LF and NUL
// outside a quoted string are refused with ErrUnsafeArgument, and so is a
// literal marker ({4}, {4+}, ~{4}): typed at the end of a line it would
// make the server wait for bytes that never come (quote such text).
func (c *Command) RawArgs(s string) *Command {
	i := 0
	for i < len(s) {
		if s[i] != '"' {
			j := i
			for j < len(s) && s[j] != '"' {
				j++
			}
			if hasLiteralMarker(s[i:j]) {
				c.setErr(ErrUnsafeArgument)
				return c
			}
			c.Raw(s[i:j])
			i = j
			continue
		}
		end, closed := cmdline.ScanQuoted(s, i)
		str, ok := cmdline.Unquote(s[i:end])
		if !closed || !ok {
			c.setErr(ErrUnsafeArgument)
			return c
		}
		c.String(str)
		i = end
	}
	return c
}

// hasLiteralMarker reports whether s holds "{" digits ["+"] "}".
func hasLiteralMarker(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > i+1 && j < len(s) && s[j] == '+' {
			j++
		}
		if j > i+1 && j < len(s) && s[j] == '}' {
			return true
		}
	}
	return false
}
