package repl

import (
	"context"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
)

// Arg is one argument of a command (cmdline.Arg: name, kind, optional,
// repeat, completion values).
type Arg = cmdline.Arg

// Handler runs a command. It returns the command's result for the output
// stage (nil for meta-commands that print for themselves).
type Handler func(ctx context.Context, s *Session, in *Input) (*client.Result, error)

// Command is one entry of the command table: IMAP commands by their
// imaplib name, and the shell's own meta-commands starting with \. Its
// cmdline.Command (names, arguments, redirections, raw) is what the
// lexer's readers see: completion and redaction read the same entry.
type Command struct {
	cmdline.Command
	Group string // help section; groupShell for the meta-commands
	// Need is the client's declaration of what the IMAP command needs
	// (states, capabilities): one of client.Needs, never written here;
	// nil for the shell's meta-commands, valid in any state.
	Need *client.Need
	Pipe bool // \pipeline on may send it before earlier answers: no state change, Result untouched (pipeline.go)

	// What the loop, the output and the recorder need to know of an entry,
	// so that no code compares command names:
	Checks       bool              // \expect: checks the previous command; a pending failure waits for it
	Recorded     bool              // a meta-command a recording keeps (it changes what later lines do)
	SetsVariable bool              // \set: its value is recorded as ${NAME}, a secret only under a secret-looking name
	ShowsMailbox bool              // select, examine: success is shown as the mailbox summary
	Closes       bool              // logout: the connection ends on purpose, not lost
	EndsByCtrlC  bool              // idle: Ctrl-C is how it ends, not an interruption; its live output is never paged
	WritesJSON   bool              // \probe: writes its own --json object, not the meta-command's (metajson.go)
	Paged        bool              // a meta-command whose long output goes through the pager (IMAP commands always may; pager.go)
	Verbatim     bool              // \expect, \echo: the rest of the line is text, a lone ( [ or " in it is no open group (scripts.Joiner too)
	Destroys     func(*Input) bool // removes mail (expunge, move, store \Deleted): nil for none
	Summary      string            // one line, lower case, no final period
	Help         string            // long text and examples
	Run          Handler
}

// Syntax implements cmdline.Entry.
func (c *Command) Syntax() *cmdline.Command { return &c.Command }

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
func (c *Command) IsMeta() bool { return c.Group == groupShell }

// Usage returns the usage line generated from Args: "fetch SEQSET ITEMS...".
func (c *Command) Usage() string {
	parts := []string{c.Name}
	for _, a := range c.Args {
		parts = append(parts, usageWord(a))
	}
	if c.In {
		parts = append(parts, "< FILE")
	}
	if c.Out {
		parts = append(parts, "[> FILE]")
	}
	return strings.Join(parts, " ")
}

// shortUsage is Usage without the arguments that bind by their shape
// (RETURN (...), CHARSET x, an optional (SELECTION)), for the list of
// commands; help CMD shows them all.
func (c *Command) shortUsage() string {
	short := *c
	short.Args = nil
	for _, a := range c.Args {
		if a.Keyword == "" && !(a.Grouped && a.Optional) {
			short.Args = append(short.Args, a)
		}
	}
	return short.Usage()
}

// usageWord shows one argument: MAILBOX, [PATTERN], CRITERIA...,
// [(SELECTION)], [RETURN (OPTIONS)], or its own Usage text.
func usageWord(a Arg) string {
	word := strings.ToUpper(a.Name)
	switch {
	case a.Usage != "":
		word = a.Usage
	case a.Repeat || a.Kind.TakesRest():
		word += "..."
	case a.Grouped:
		word = "(" + word + ")"
	}
	if a.Keyword != "" {
		word = a.Keyword + " " + word
	}
	if a.Optional || a.Keyword != "" {
		word = "[" + word + "]"
	}
	return word
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
// commands_*.go files.
var table cmdline.Table[*Command]

// register adds commands to the table; a duplicate name is a programming
// error caught at start-up.
func register(cmds ...*Command) { table.Register(cmds...) }

// Commands returns the command table, sorted by name.
func Commands() []*Command { return table.Entries() }

// lookupCommand finds the command named by the first one or two words and
// returns it with the number of words its name took.
func lookupCommand(toks []cmdline.Token) (*Command, int) {
	c, n, _ := table.Lookup(toks)
	return c, n
}

// commandNamed returns the command with a name or alias, or nil.
func commandNamed(name string) *Command {
	c, _ := table.Named(name)
	return c
}
