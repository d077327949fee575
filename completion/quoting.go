package completion

import (
	"strings"
	"unicode/utf8"

	"imapsh/internal/cmdline"
	"imapsh/render"
)

// Rewrite completes a bare mailbox word (or file name, paths.go) that
// only a quoted name can extend: readline's completion can only append, so `select Grü<Tab>`
// could not become `select "Grüße aus Köln"` (issue 11). When the word at
// the end of the line starts no quote and a mailbox name it begins needs
// quotes (a blank, a quote, a parenthesis or bracket), the word is
// replaced: by the one matching name, quoted, and a space; or, when
// several match, by an opening quote and their common beginning, so that
// the next Tab goes on inside the quotes. It returns the new line (the
// cursor goes to its end), or false when the usual completion applies.
func (c *Completer) Rewrite(line []rune, pos int) ([]rune, bool) {
	if pos != len(line) {
		return nil, false
	}
	text := string(line)
	words := cmdline.LexTolerant(text)
	if len(words) < 2 {
		return nil, false
	}
	cur := words[len(words)-1]
	if cur.End() != len(text) || cur.Kind != cmdline.TokWord || cur.Raw == "" || strings.ContainsAny(cur.Raw[:1], `"(`) {
		return nil, false
	}
	var word string
	var ok bool
	switch c.completes(words) {
	case cmdline.CompleteMailboxes:
		word, ok = quotedCompletion(cur.Raw, c.src.Mailboxes())
	case cmdline.CompletePaths:
		word, ok = rewritePath(cur.Raw) // paths.go
	}
	if !ok {
		return nil, false
	}
	return []rune(text[:cur.Start] + word), true
}

// completes says what the last of words completes as: a file name after
// < or >, else the mailbox or path argument it may bind to, or
// CompleteNothing.
func (c *Completer) completes(words []cmdline.Token) cmdline.Completion {
	if words[len(words)-2].Kind != cmdline.TokWord {
		return cmdline.CompletePaths // a file name after < or >
	}
	cmd, used := c.cmds.LookupSyntax(words[:len(words)-1])
	if cmd == nil {
		return cmdline.CompleteNothing
	}
	for _, n := range cmd.Expect(cmdline.ArgWords(words[used : len(words)-1])) {
		if k := n.Arg.Kind.Completion(); !n.Keyword && (k == cmdline.CompleteMailboxes || k == cmdline.CompletePaths) {
			return k
		}
	}
	return cmdline.CompleteNothing
}

// quotedCompletion is the word that replaces frag when a name it begins
// needs quotes: that name quoted and a space, or, for several names, an
// opening quote and what they all begin with.
func quotedCompletion(frag string, names []string) (string, bool) {
	var matches []string
	quoted := false
	for _, n := range names {
		if !strings.HasPrefix(n, frag) || render.Safe(n) != n {
			continue // names with control or bidi characters are never offered
		}
		matches = append(matches, n)
		quoted = quoted || cmdline.Quote(n) != n
	}
	switch {
	case !quoted:
		return "", false
	case len(matches) == 1:
		return cmdline.Quote(matches[0]) + " ", true
	}
	return cmdline.OpenQuote(commonPrefix(matches)), true
}

// commonPrefix is the longest beginning all names share, whole runes.
func commonPrefix(names []string) string {
	prefix := names[0]
	for _, n := range names[1:] {
		i := 0
		for i < len(prefix) && i < len(n) && prefix[i] == n[i] {
			i++
		}
		prefix = prefix[:i]
	}
	for len(prefix) > 0 && !utf8.ValidString(prefix) {
		prefix = prefix[:len(prefix)-1] // a rune cut in the middle
	}
	return prefix
}
