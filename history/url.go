package history

import "strings"

// RedactURL masks the password of every URL in s that carries one in its
// user information (RFC 3986 3.2.1), such as imaps://alice:secret@host:993/
// -> imaps://alice:***@host:993/. The password runs from the first colon to
// the last "@" of the authority, so a password holding "@" or "/" is masked
// whole.
func RedactURL(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "://")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		authStart := i + len("://")
		b.WriteString(s[:authStart])
		s = s[authStart:]
		userinfo, rest, ok := cutUserinfo(s)
		if !ok {
			continue
		}
		if user, pass, hasPass := strings.Cut(userinfo, ":"); hasPass && pass != "" {
			b.WriteString(user + ":" + Mask + "@")
			s = rest
		}
	}
}

// cutUserinfo splits "userinfo@host..." at the authority's last "@". The
// authority ends at the first "/", "?", "#" or blank after the first "@".
func cutUserinfo(s string) (userinfo, rest string, ok bool) {
	word := s
	if end := strings.IndexAny(s, " \t\r\n"); end >= 0 {
		word = s[:end]
	}
	first := strings.IndexByte(word, '@')
	if first < 0 {
		return "", s, false
	}
	authEnd := len(word)
	if end := strings.IndexAny(word[first:], "/?#"); end >= 0 {
		authEnd = first + end
	}
	last := strings.LastIndexByte(word[:authEnd], '@')
	return s[:last], s[last+1:], true
}
