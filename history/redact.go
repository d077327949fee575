package history

import "strings"

// Mask replaces every secret the redactors remove.
const Mask = "***"

// maxPrefixWords is how many words may precede LOGIN or AUTHENTICATE on a
// line: a trace marker, "raw"/"xatom", a tag, and one spare.
const maxPrefixWords = 4

// RedactRaw masks the credentials in a raw IMAP command line as a user types
// it (optionally after "raw " or "xatom ", with or without a tag) or as the
// wire trace shows it:
//
//	A1 LOGIN alice secret                    -> A1 LOGIN alice ***
//	raw a login "alice" "s e c"              -> raw a login "alice" ***
//	AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==  -> AUTHENTICATE PLAIN ***
//
// LOGIN (RFC 9051 6.2.3) keeps its user name, which may be an atom, a quoted
// string or a literal; everything after it is masked. AUTHENTICATE (RFC 9051
// 6.2.2) keeps its mechanism; the SASL initial response (RFC 4959) and any
// continuation lines after it are masked. Whatever cannot be tokenized after
// either command word is masked entirely. Command words match in any case,
// preceded by at most four words, on any line of a multi-line entry; a line
// such as "search text login failed since x" is therefore over-masked rather
// than risk a leak. A trailing line ending is kept. Other commands, PROXYAUTH
// included, pass unchanged.
func RedactRaw(line string) string {
	body, eol := cutLineEnding(line)
	for start := 0; start <= len(body); {
		end := strings.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		if out, ok := redactCommand(body, start, end); ok {
			return out + eol
		}
		start = end + 1
	}
	return line
}

func cutLineEnding(line string) (body, eol string) {
	for _, eol := range []string{"\r\n", "\n"} {
		if body, ok := strings.CutSuffix(line, eol); ok {
			return body, eol
		}
	}
	return line, ""
}

// redactCommand looks for LOGIN or AUTHENTICATE among the first words of
// s[start:end] and, if found, returns s with the secrets after it masked.
func redactCommand(s string, start, end int) (string, bool) {
	pos := start
	for range maxPrefixWords + 1 {
		wordStart := skipBlanks(s, pos)
		wordEnd := wordStart
		for wordEnd < end && !isSpace(s[wordEnd]) {
			wordEnd++
		}
		if wordStart == wordEnd {
			return "", false
		}
		switch word := s[wordStart:wordEnd]; {
		case strings.EqualFold(word, "LOGIN"):
			return maskAfter(s, afterLoginUser(s, wordEnd)), true
		case strings.EqualFold(word, "AUTHENTICATE"):
			return maskAfter(s, afterMechanism(s, wordEnd)), true
		}
		pos = wordEnd
	}
	return "", false
}

// maskAfter keeps s[:keep] and replaces the rest with Mask, unless the rest
// is blank and so holds no secret.
func maskAfter(s string, keep int) string {
	if strings.TrimSpace(s[keep:]) == "" {
		return s
	}
	return s[:keep] + " " + Mask
}

// afterLoginUser returns the offset just past LOGIN's user name, or pos when
// the user name cannot be tokenized.
func afterLoginUser(s string, pos int) int {
	if end, ok := scanAString(s, skipBlanks(s, pos)); ok {
		return end
	}
	return pos
}

// afterMechanism returns the offset just past AUTHENTICATE's SASL mechanism
// name, or pos when there is none.
func afterMechanism(s string, pos int) int {
	start := skipBlanks(s, pos)
	end := start
	for end < len(s) && isMechanismChar(s[end]) {
		end++
	}
	if end == start || !atDelimiter(s, end) {
		return pos
	}
	return end
}

func isMechanismChar(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.'
}
