// Package completion is the shell's tab completer: readline's
// Do(line, pos) interface driven by the command table and by caches of what
// the server said (CAPABILITY, the last LIST, PERMANENTFLAGS). It never
// touches the network: a keystroke only reads the Source.
package completion

import (
	"strings"

	"imapsh/client"
)

// Arg is one argument of a command as completion sees it.
type Arg struct {
	Kind   ArgKind
	Repeat bool     // the argument may be given several times (the last one)
	Values []string // fixed choices, e.g. CONDSTORE for select
}

// Command is one entry of the shell's command table as completion sees it.
type Command struct {
	Name    string       // lower case; two words for "uid fetch"
	Aliases []string     // other names
	Caps    []string     // any-of; empty means base IMAP
	States  client.State // where the command is valid
	Args    []Arg
}

// Word is one token of a partly typed line (see Spec.Lex).
type Word struct {
	Raw      string // as typed, quotes included
	Start    int    // byte offset in the line
	Redirect bool   // a < or > redirection operator
}

// Spec is what the completer needs from the shell: its commands and its
// lexer in tolerant mode (an unterminated quote or group is one token).
type Spec struct {
	Commands []Command
	Lex      func(line string) []Word
}

// Source gives the live, cached session data completion reads.
type Source interface {
	State() client.State // the connection state; StateLogout when not connected
	Caps() []string      // the server's capabilities as last announced
	Mailboxes() []string // mailbox names from the last LIST (UTF-8); a new slice after each LIST, never changed in place
	Flags() []string     // PERMANENTFLAGS (or FLAGS) of the selected mailbox
	Variables() []string // names set with \set
}

// Completer completes shell lines; it satisfies readline.AutoCompleter.
type Completer struct {
	spec      Spec
	src       Source
	mailboxes mailboxCandidates
}

// New returns a completer for the commands of spec reading src.
func New(spec Spec, src Source) *Completer {
	return &Completer{spec: spec, src: src}
}

// Do returns the suffixes that may follow line[:pos] and how many runes
// before pos they complete (readline's AutoCompleter contract).
func (c *Completer) Do(line []rune, pos int) ([][]rune, int) {
	if pos < 0 || pos > len(line) {
		return nil, 0
	}
	text := string(line[:pos])
	words := c.spec.Lex(text)
	fresh := len(words) == 0 || words[len(words)-1].Start+len(words[len(words)-1].Raw) < len(text)
	if fresh {
		words = append(words, Word{Start: len(text)})
	}
	cands, frag := c.candidates(text, words)
	return suffixes(cands, frag), len([]rune(frag))
}

// candidates returns the candidate completions and the fragment they
// complete; the last word is the one being typed.
func (c *Completer) candidates(text string, words []Word) ([]candidate, string) {
	cur := words[len(words)-1]
	if len(words) >= 2 && words[len(words)-2].Redirect {
		return pathCandidates(cur.Raw), cur.Raw
	}
	cmd, used := c.lookup(words[:len(words)-1])
	if cmd == nil {
		return c.commandCandidates(words), lastWordOf(words)
	}
	arg, ok := argAt(cmd, countArgs(words[used:len(words)-1]))
	if !ok {
		return nil, cur.Raw
	}
	if arg.Kind.TakesRest() || arg.Kind == FlagList || arg.Kind == SortKeys {
		frag := innerFragment(text[cur.Start:])
		return c.kindCandidates(arg, frag), frag
	}
	return c.kindCandidates(arg, cur.Raw), cur.Raw
}

// lookup finds the command named by the first one or two typed words.
func (c *Completer) lookup(words []Word) (*Command, int) {
	if len(words) == 0 {
		return nil, 0
	}
	var best *Command
	used := 0
	for i := range c.spec.Commands {
		cmd := &c.spec.Commands[i]
		for _, name := range append([]string{cmd.Name}, cmd.Aliases...) {
			n := matchName(name, words)
			if n > used {
				best, used = cmd, n
			}
		}
	}
	return best, used
}

// matchName returns how many words name spans if words start with it.
func matchName(name string, words []Word) int {
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

// countArgs counts the argument words, skipping redirections and their files.
func countArgs(words []Word) int {
	n := 0
	for i := 0; i < len(words); i++ {
		if words[i].Redirect {
			i++
			continue
		}
		n++
	}
	return n
}

// argAt returns the argument at index i, following rest and repeat kinds.
func argAt(cmd *Command, i int) (Arg, bool) {
	if i < len(cmd.Args) {
		return cmd.Args[i], true
	}
	if n := len(cmd.Args); n > 0 && (cmd.Args[n-1].Repeat || cmd.Args[n-1].Kind.TakesRest()) {
		return cmd.Args[n-1], true
	}
	return Arg{}, false
}

// innerFragment is the part of a grouped or rest-of-line token being typed:
// after the last blank or opening parenthesis.
func innerFragment(s string) string {
	if i := strings.LastIndexAny(s, " \t("); i >= 0 {
		return s[i+1:]
	}
	return s
}

// lastWordOf returns the word being typed.
func lastWordOf(words []Word) string { return words[len(words)-1].Raw }

// commandCandidates completes the first or second word of a command name
// among the commands valid in this state with this server.
func (c *Completer) commandCandidates(words []Word) []candidate {
	typed := len(words) - 1
	var out []candidate
	for _, cmd := range c.spec.Commands {
		if !c.available(cmd) {
			continue
		}
		for _, name := range append([]string{cmd.Name}, cmd.Aliases...) {
			parts := strings.Fields(name)
			if typed >= len(parts) || matchName(strings.Join(parts[:typed], " "), words) != typed {
				continue
			}
			out = append(out, candidate{text: parts[typed], fold: true, space: true})
		}
	}
	return dedupe(out)
}

// available reports whether cmd is valid in the source's state and its
// capabilities allow it (when the capabilities are known).
func (c *Completer) available(cmd Command) bool {
	if c.src.State()&cmd.States == 0 {
		return false
	}
	caps := c.src.Caps()
	if len(cmd.Caps) == 0 || len(caps) == 0 {
		return true
	}
	for _, need := range cmd.Caps {
		for _, have := range caps {
			if strings.EqualFold(need, have) {
				return true
			}
		}
	}
	return false
}
