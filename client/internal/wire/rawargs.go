package wire

import "imapsh/internal/cmdline"

// RawArgs appends arguments typed by a user in IMAP syntax (fetch items,
// search criteria, xatom arguments) after re-checking them: atoms,
// parenthesised lists and bracketed sections go as typed; a quoted string
// holding 8-bit bytes, CR or LF goes as a literal instead; CR, LF and NUL
// outside a quoted string are refused with ErrUnsafeArgument, and so is a
// literal marker ({4}, {4+}, ~{4}): typed at the end of a line it would
// make the server wait for bytes that never come (quote such text).
func (c *Command) RawArgs(s string) *Command { return c.rawArgs(s, false) }

// SearchArgs appends search keys typed by a user (SEARCH, SORT, THREAD)
// like RawArgs, except that an unquoted word holding 8-bit bytes
// (SUBJECT Grüße) goes as a string, quoted in UTF-8 mode and a literal
// otherwise: an atom can never hold 8-bit bytes (RFC 3501, RFC 9051).
func (c *Command) SearchArgs(s string) *Command { return c.rawArgs(s, true) }

func (c *Command) rawArgs(s string, stringify8bit bool) *Command {
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
			if stringify8bit {
				c.unquotedWords(s[i:j])
			} else {
				c.Raw(s[i:j])
			}
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

// unquotedWords appends unquoted search text: words with 8-bit bytes as
// strings, the rest (atoms, blanks, parentheses) as typed. Words end at
// the blanks the shell's lexer splits on (cmdline.IsBlank).
func (c *Command) unquotedWords(s string) {
	i := 0
	for i < len(s) {
		j := i
		for j < len(s) && !cmdline.IsBlank(s[j]) && s[j] != '(' && s[j] != ')' {
			j++
		}
		switch {
		case j == i: // a separator
			c.Raw(s[i : i+1])
			j = i + 1
		case !isASCII(s[i:j]):
			c.String(s[i:j])
		default:
			c.Raw(s[i:j])
		}
		i = j
	}
}

// isASCII reports whether s holds no byte with the high bit set.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
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
