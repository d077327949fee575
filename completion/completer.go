// Package completion is the shell's tab completer: readline's
// Do(line, pos) interface driven by the command table and by caches of what
// the server said (CAPABILITY, the last LIST, PERMANENTFLAGS). It never
// touches the network itself: a keystroke reads the Source, whose first
// request for mailbox names on a connection may run one LIST while the
// shell waits at its prompt (repl/complist.go).
package completion

import (
	"strings"

	"imapsh/internal/cmdline"
)

// Commands is the shell's command table as completion reads it (a
// cmdline.Table): the commands' syntax, and the lookup of the command a
// line's first words name.
type Commands interface {
	Syntaxes() []*cmdline.Command
	LookupSyntax(toks []cmdline.Token) (*cmdline.Command, int)
}

// Source gives the live, cached session data completion reads.
type Source interface {
	Available(name string) bool // whether the named command may run now (state, capabilities)
	Caps() []string             // the server's capabilities as last announced
	Mailboxes() []string        // mailbox names from the last LIST (UTF-8); a new slice after each LIST, never changed in place
	Flags() []string            // PERMANENTFLAGS (or FLAGS) of the selected mailbox
	Variables() []string        // names set with \set
	// Offers reports whether the server has a word of an argument kind:
	// a FETCH item, SEARCH key or STATUS item of an extension it does
	// not announce (MODSEQ without CONDSTORE) is not offered.
	Offers(kind cmdline.ArgKind, word string) bool
}

// Completer completes shell lines; it satisfies readline.AutoCompleter.
type Completer struct {
	cmds      Commands
	src       Source
	mailboxes mailboxCandidates // made once per LIST (candidates.go)
}

// New returns a completer for the commands of cmds reading src.
func New(cmds Commands, src Source) *Completer {
	return &Completer{cmds: cmds, src: src}
}

// Do returns the suffixes that may follow line[:pos] and how many runes
// before pos they complete (readline's AutoCompleter contract). The line
// is read by the shell's lexer in its tolerant mode.
func (c *Completer) Do(line []rune, pos int) ([][]rune, int) {
	if pos < 0 || pos > len(line) {
		return nil, 0
	}
	text := string(line[:pos])
	words := cmdline.LexTolerant(text)
	if len(words) == 0 || words[len(words)-1].End() < len(text) {
		words = append(words, cmdline.Token{Start: len(text)}) // a fresh word
	}
	cands, frag := c.candidates(text, words)
	return suffixes(cands, frag), len([]rune(frag))
}

// candidates returns the candidate completions and the fragment they
// complete; the last word is the one being typed.
func (c *Completer) candidates(text string, words []cmdline.Token) ([]candidate, string) {
	cur := words[len(words)-1]
	if len(words) >= 2 && words[len(words)-2].Kind != cmdline.TokWord {
		return pathCandidates(cur.Raw), cur.Raw
	}
	cmd, used := c.cmds.LookupSyntax(words[:len(words)-1])
	if cmd == nil {
		return c.commandCandidates(words), cur.Raw
	}
	next := cmd.Expect(cmdline.ArgWords(words[used : len(words)-1]))
	return c.nextCandidates(next, cur, innerFragment(text[cur.Start:]))
}

// nextCandidates offers what the arguments the word may bind to accept:
// the keyword of a keyword argument, the candidates of each kind. Inside
// a group ("(" typed first) only kinds that complete inside one are
// asked, with the fragment after the last blank or "(" (inner); so are
// they when they are all there is.
func (c *Completer) nextCandidates(next []cmdline.Next, cur cmdline.Token, inner string) ([]candidate, string) {
	grouped, mixed := strings.HasPrefix(cur.Raw, "("), false
	for _, n := range next {
		mixed = mixed || (!n.Keyword && !n.Arg.Kind.CompletesInside())
	}
	frag := cur.Raw
	if grouped || !mixed {
		frag = inner
	}
	var out []candidate
	for _, n := range next {
		switch {
		case n.Keyword && !grouped:
			if c.src.Offers(n.Arg.Kind, n.Arg.Keyword) { // RETURN without ESEARCH is not offered
				out = append(out, candidate{text: n.Arg.Keyword, fold: true, space: true})
			}
		case n.Keyword, grouped && !n.Arg.Kind.CompletesInside(), !grouped && n.Arg.Grouped:
			// a list's words are offered once its "(" is typed
		default:
			out = append(out, c.kindCandidates(n.Arg, frag)...)
		}
	}
	return dedupe(out), frag
}

// matchName returns how many words name spans if words start with it.
func matchName(name string, words []cmdline.Token) int {
	parts := strings.Fields(name)
	if len(parts) > len(words) {
		return 0
	}
	for i, p := range parts {
		if !strings.EqualFold(p, words[i].Raw) {
			return 0
		}
	}
	return len(parts)
}

// innerFragment is the part of a grouped or rest-of-line token being typed:
// after the last blank or opening parenthesis.
func innerFragment(s string) string {
	if i := strings.LastIndexAny(s, " \t("); i >= 0 {
		return s[i+1:]
	}
	return s
}

// commandCandidates completes the first or second word of a command name
// among the commands the source says may run now.
func (c *Completer) commandCandidates(words []cmdline.Token) []candidate {
	typed := len(words) - 1
	var out []candidate
	for _, cmd := range c.cmds.Syntaxes() {
		if !c.src.Available(cmd.Name) {
			continue
		}
		for _, name := range cmd.Names() {
			parts := strings.Fields(name)
			if typed >= len(parts) || matchName(strings.Join(parts[:typed], " "), words) != typed {
				continue
			}
			out = append(out, candidate{text: parts[typed], fold: true, space: true})
		}
	}
	return dedupe(out)
}
