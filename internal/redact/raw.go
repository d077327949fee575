package redact

import (
	"strings"

	"imapsh/internal/cmdline"
)

// maxPrefixWords is how many words may precede LOGIN or AUTHENTICATE on a
// line: a trace marker, "raw"/"xatom", a tag, and one spare.
const maxPrefixWords = 4

// Raw masks the credentials in a raw IMAP command line as a user types it
// (optionally after "raw " or "xatom ", with or without a tag) or as the
// wire trace shows it:
//
//	A1 LOGIN alice secret                    -> A1 LOGIN alice ***
//	raw a login "alice" "s e c"              -> raw a login "alice" ***
//	AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==  -> AUTHENTICATE PLAIN ***
//
// See RawSpan for what is masked. A trailing line ending is kept.
func Raw(line string) string {
	body, eol := cutLineEnding(line)
	keep, _, ok := rawSecret(body)
	if !ok {
		return line
	}
	return body[:keep] + " " + Mask + eol
}

// RawSpan returns the secret of a raw IMAP command line: LOGIN (RFC 9051
// 6.2.3) keeps its user name, which may be an atom, a quoted string or a
// literal, and everything after it is secret. AUTHENTICATE (RFC 9051
// 6.2.2) keeps its mechanism; the SASL initial response (RFC 4959) and
// any continuation lines after it are secret. Whatever cannot be
// tokenized after either command word is secret entirely. Command words
// match in any case, preceded by at most four words, on any line of a
// multi-line entry; a line such as "search text login failed since x" is
// therefore over-masked rather than risk a leak. Words are separated by
// cmdline.IsBlank bytes. Other commands, PROXYAUTH included, have none.
func RawSpan(line string) (Span, bool) {
	body, _ := cutLineEnding(line)
	_, sp, ok := rawSecret(body)
	return sp, ok
}

// rawSecret finds the secret of a raw line: keep is where the kept part
// ends (the user name or mechanism), sp the secret after the blanks.
func rawSecret(body string) (keep int, sp Span, ok bool) {
	for start := 0; start <= len(body); {
		end := strings.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		if keep, ok := findCommand(body, start, end); ok {
			from := skipAllBlanks(body, keep)
			if from == len(body) {
				return 0, Span{}, false // nothing after it: no secret
			}
			return keep, Span{From: from, To: len(body)}, true
		}
		start = end + 1
	}
	return 0, Span{}, false
}

func cutLineEnding(line string) (body, eol string) {
	for _, eol := range []string{"\r\n", "\n"} {
		if body, ok := strings.CutSuffix(line, eol); ok {
			return body, eol
		}
	}
	return line, ""
}

// findCommand looks for LOGIN or AUTHENTICATE among the first words of
// s[start:end] and returns where the part kept after it ends.
func findCommand(s string, start, end int) (int, bool) {
	pos := start
	for range maxPrefixWords + 1 {
		wordStart := skipBlanks(s, pos)
		wordEnd := wordStart
		for wordEnd < end && !cmdline.IsBlank(s[wordEnd]) {
			wordEnd++
		}
		if wordStart == wordEnd {
			return 0, false
		}
		switch word := s[wordStart:wordEnd]; {
		case strings.EqualFold(word, "LOGIN"):
			return afterLoginUser(s, wordEnd), true
		case strings.EqualFold(word, "AUTHENTICATE"):
			return afterMechanism(s, wordEnd), true
		}
		pos = wordEnd
	}
	return 0, false
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
