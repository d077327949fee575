package cmdline

import (
	"fmt"
	"sort"
	"strings"
)

// Arg describes one argument of a command: how it is shown in the usage
// line, checked, completed and redacted (by its Kind), and how words bind
// to it (Command.Bind).
type Arg struct {
	Name     string   // shown in usage, upper-cased: "mailbox" -> MAILBOX
	Kind     ArgKind  // drives checking, completion and redaction
	Optional bool     // may be left out (at the end, before other optional ones, or when Keyword or Grouped says when it is there)
	Repeat   bool     // may be given several times (last argument only)
	Values   []string // fixed choices offered by completion
	// Keyword, when set, makes the argument "KEYWORD VALUE", as IMAP's
	// RETURN (MIN MAX) and CHARSET UTF-8: it binds only when its keyword
	// is typed, and is always optional.
	Keyword string
	// Grouped: the argument is a parenthesised list; an optional one binds
	// only a word in parentheses, so list (SUBSCRIBED) "" * and list "" *
	// both read.
	Grouped bool
	// Usage, when set, is shown in the usage line in place of NAME (and
	// of the "..." of a rest argument): "(PARAMETERS)".
	Usage string
}

// Command is what a line needs to know of a command of the shell's
// table: its names, its arguments and redirections. The shell's own
// table entries embed it.
type Command struct {
	Name    string   // canonical, lower case; two words for "uid fetch"
	Aliases []string // other names
	Args    []Arg
	In, Out bool // accepts < FILE / > FILE
	Raw     bool // the line is a raw IMAP command (its secrets: redact.RawSpan)
}

// Names are the command's name and aliases.
func (c *Command) Names() []string { return append([]string{c.Name}, c.Aliases...) }

// Entry is an entry of a Table: anything with a command line's syntax.
type Entry interface{ Syntax() *Command }

// Table indexes entries by name and alias (any case), sorted by name.
type Table[E Entry] struct {
	entries []E
	byName  map[string]E
}

// Register adds entries; a duplicate name is a programming error.
func (t *Table[E]) Register(entries ...E) {
	if t.byName == nil {
		t.byName = map[string]E{}
	}
	for _, e := range entries {
		for _, n := range e.Syntax().Names() {
			key := strings.ToLower(n)
			if _, dup := t.byName[key]; dup {
				panic(fmt.Sprintf("cmdline: duplicate command name %q", n))
			}
			t.byName[key] = e
		}
		t.entries = append(t.entries, e)
	}
	sort.SliceStable(t.entries, func(i, j int) bool { return t.entries[i].Syntax().Name < t.entries[j].Syntax().Name })
}

// Entries returns the entries, sorted by name.
func (t *Table[E]) Entries() []E { return append([]E(nil), t.entries...) }

// Named returns the entry with a name or alias, in any case.
func (t *Table[E]) Named(name string) (E, bool) {
	e, ok := t.byName[strings.ToLower(name)]
	return e, ok
}

// Lookup finds the entry named by the first one or two words of toks
// ("uid fetch" before "uid") and how many words its name took.
func (t *Table[E]) Lookup(toks []Token) (E, int, bool) {
	if len(toks) >= 2 && toks[0].Kind == TokWord && toks[1].Kind == TokWord {
		if e, ok := t.Named(toks[0].Text + " " + toks[1].Text); ok {
			return e, 2, true
		}
	}
	if len(toks) >= 1 && toks[0].Kind == TokWord {
		if e, ok := t.Named(toks[0].Text); ok {
			return e, 1, true
		}
	}
	var none E
	return none, 0, false
}

// Syntaxes returns every entry's Command, sorted by name.
func (t *Table[E]) Syntaxes() []*Command {
	out := make([]*Command, len(t.entries))
	for i, e := range t.entries {
		out[i] = e.Syntax()
	}
	return out
}

// LookupSyntax is Lookup returning the Command (nil when none matches),
// for readers of lines that need no more than the syntax.
func (t *Table[E]) LookupSyntax(toks []Token) (*Command, int) {
	if e, n, ok := t.Lookup(toks); ok {
		return e.Syntax(), n
	}
	return nil, 0
}

// ArgWords drops redirections and their files from a line's tokens.
func ArgWords(toks []Token) []Token {
	var out []Token
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != TokWord {
			i++
			continue
		}
		out = append(out, toks[i])
	}
	return out
}
