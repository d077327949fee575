package redact

import (
	"strings"

	"imapsh/internal/cmdline"
)

// URL masks the password of every URL in s that carries one in its user
// information (RFC 3986 3.2.1), such as imaps://alice:secret@host:993/
// -> imaps://alice:***@host:993/.
func URL(s string) string { return Masked(s, URLSpans(s)) }

// URLSpans returns the password of every URL in s that carries one in its
// user information. The password runs from the first colon to the last
// "@" of the authority, so a password holding "@" or "/" is found whole;
// an empty password is none.
func URLSpans(s string) []Span {
	var spans []Span
	for at := 0; ; {
		i := strings.Index(s[at:], "://")
		if i < 0 {
			return spans
		}
		authStart := at + i + len("://")
		userEnd, ok := userinfoEnd(s, authStart)
		at = authStart
		if !ok {
			continue
		}
		colon := strings.IndexByte(s[authStart:userEnd], ':')
		if colon < 0 || authStart+colon+1 == userEnd {
			continue
		}
		spans = append(spans, Span{From: authStart + colon + 1, To: userEnd})
		at = userEnd + 1
	}
}

// userinfoEnd returns the offset of the "@" that ends the user
// information of the authority starting at start: the authority's last
// "@". The authority ends at the first "/", "?", "#" or blank after the
// first "@".
func userinfoEnd(s string, start int) (int, bool) {
	word := s[start:]
	for i := 0; i < len(word); i++ {
		if cmdline.IsBlank(word[i]) {
			word = word[:i]
			break
		}
	}
	first := strings.IndexByte(word, '@')
	if first < 0 {
		return 0, false
	}
	authEnd := len(word)
	if end := strings.IndexAny(word[first:], "/?#"); end >= 0 {
		authEnd = first + end
	}
	return start + strings.LastIndexByte(word[:authEnd], '@'), true
}
