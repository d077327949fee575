package repl

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"imapsh/client"
	"imapsh/completion"
	"imapsh/internal/cmdline"
)

// Arg describes one argument of a command: how it is shown in the usage
// line, checked, completed and redacted.
type Arg struct {
	Name     string             // shown in usage, upper-cased: "mailbox" -> MAILBOX
	Kind     completion.ArgKind // drives parsing, completion and redaction
	Optional bool               // may be left out (only at the end, or before other optional ones)
	Repeat   bool               // may be given several times (last argument only)
	Values   []string           // fixed choices offered by completion
}

// Handler runs a command. It returns the command's result for the output
// stage (nil for meta-commands that print for themselves).
type Handler func(ctx context.Context, s *Session, in *Input) (*client.Result, error)

// Command is one entry of the command table: IMAP commands by their
// imaplib name, and the shell's own meta-commands starting with \.
type Command struct {
	Name    string   // canonical, lower case; two words for "uid fetch"
	Aliases []string // other names
	Group   string   // help section
	Args    []Arg
	// Need is the client's declaration of what the IMAP command needs
	// (states, capabilities): one of client.Needs, never written here;
	// nil for the shell's meta-commands, valid in any state.
	Need    *client.Need
	In, Out bool   // accepts < FILE / > FILE
	Raw     bool   // the line is a raw IMAP command: its credentials are found by redact.RawSpan
	Pipe    bool   // \pipeline on may send it before earlier answers: no state change, Result untouched (pipeline.go)
	Summary string // one line, lower case, no final period
	Help    string // long text and examples
	Run     Handler
}

// anyState includes "not connected" (StateLogout): for meta-commands.
const anyState = client.AnyState | client.StateLogout

// need is what the command needs now: its client.Needs entry, valid only
// with a connection; a meta-command needs nothing.
func (c *Command) need() client.Need {
	if c.Need == nil {
		return client.Need{States: anyState}
	}
	return client.Need{States: c.Need.States & client.AnyState, Caps: c.Need.Caps}
}

// IsMeta reports whether c is a shell meta-command (\help, \set, ...).
func (c *Command) IsMeta() bool { return strings.HasPrefix(c.Name, `\`) || c.Group == groupShell }

// Usage returns the usage line generated from Args: "fetch SEQSET ITEMS...".
func (c *Command) Usage() string {
	parts := []string{c.Name}
	for _, a := range c.Args {
		word := strings.ToUpper(a.Name)
		if a.Repeat || a.Kind.TakesRest() {
			word += "..."
		}
		if a.Optional {
			word = "[" + word + "]"
		}
		parts = append(parts, word)
	}
	if c.In {
		parts = append(parts, "< FILE")
	}
	if c.Out {
		parts = append(parts, "[> FILE]")
	}
	return strings.Join(parts, " ")
}

// Help sections, in the order help shows them.
const (
	groupSession = "session"
	groupMailbox = "mailboxes"
	groupMessage = "messages"
	groupAdmin   = "access control, quota, metadata"
	groupRaw     = "raw protocol"
	groupShell   = "shell"
)

var groupOrder = []string{groupSession, groupMailbox, groupMessage, groupAdmin, groupRaw, groupShell}

// table is the command table, filled by the init functions of the
// commands_*.go files; byName indexes names and aliases.
var (
	table  []*Command
	byName = map[string]*Command{}
)

// register adds commands to the table; a duplicate name is a programming
// error caught at start-up.
func register(cmds ...*Command) {
	for _, c := range cmds {
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			key := strings.ToLower(n)
			if _, dup := byName[key]; dup {
				panic(fmt.Sprintf("repl: duplicate command name %q", n))
			}
			byName[key] = c
		}
		table = append(table, c)
	}
	sort.SliceStable(table, func(i, j int) bool { return table[i].Name < table[j].Name })
}

// Commands returns the command table, sorted by name.
func Commands() []*Command { return append([]*Command(nil), table...) }

// lookupCommand finds the command named by the first one or two words and
// returns it with the number of words its name took.
func lookupCommand(toks []cmdline.Token) (*Command, int) {
	if len(toks) >= 2 && toks[1].Kind == cmdline.TokWord {
		if c, ok := byName[strings.ToLower(toks[0].Text+" "+toks[1].Text)]; ok {
			return c, 2
		}
	}
	if len(toks) >= 1 && toks[0].Kind == cmdline.TokWord {
		if c, ok := byName[strings.ToLower(toks[0].Text)]; ok {
			return c, 1
		}
	}
	return nil, 0
}
