package repl

import (
	"errors"
	"fmt"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
)

// UnknownCommandError is a first word that names no command.
type UnknownCommandError struct{ Name string }

// Error implements error.
func (e *UnknownCommandError) Error() string { return fmt.Sprintf("unknown command %q", e.Name) }

// UnavailableError is a command refused by the shell because the state or
// the server's capabilities do not allow it.
type UnavailableError struct {
	Cmd    *Command
	Reason string
}

// Error implements error: "fetch: needs a selected mailbox".
func (e *UnavailableError) Error() string { return e.Cmd.Name + ": " + e.Reason }

// prepare lexes a line, finds its command and binds its arguments.
func prepare(line, display string) (*Input, error) {
	toks, err := cmdline.Lex(line)
	if err != nil {
		return nil, err
	}
	cmd, n := lookupCommand(toks)
	if cmd == nil {
		return nil, &UnknownCommandError{Name: toks[0].Raw}
	}
	in, err := bind(cmd, line, toks[n:])
	if err != nil {
		return nil, err
	}
	in.Written, in.Display = display, redactLine(display)
	return in, nil
}

// checkAvailable refuses a command the state or the server does not allow.
func (k *conn) checkAvailable(cmd *Command) error {
	if reason := k.unavailable(cmd); reason != "" {
		return &UnavailableError{Cmd: cmd, Reason: reason}
	}
	return nil
}

// unavailable says why cmd cannot run now, or "" when it can.
func (k *conn) unavailable(cmd *Command) string {
	reason, _ := k.availability(cmd)
	return reason
}

// hintFor suggests how to make cmd available.
func (k *conn) hintFor(cmd *Command) string {
	_, hint := k.availability(cmd)
	return hint
}

// availability says why cmd cannot run now and what would make it run,
// from the session's state and the server's capabilities; a command that
// can run gets "" (and the hint for a missing capability, used when the
// server refused it anyway).
func (k *conn) availability(cmd *Command) (reason, hint string) {
	return availability(cmd.need(), k.currentState(), k.capSet())
}

// availability says why a command that needs need cannot run in state
// with a server announcing caps (nil: not known), and what would make it
// run. The dispatcher, help and completion all ask it.
func availability(need client.Need, state client.State, caps client.CapSet) (reason, hint string) {
	states := need.States
	switch {
	case need.StateOK(state):
		if !need.CapsOK(caps) {
			reason = "needs the server capability " + strings.Join(need.CapNames(), " or ")
		}
		return reason, "the server does not announce it; capability refreshes the list"
	case state == client.StateLogout:
		return "needs a connection", `\connect URL, or \reconnect`
	case states == client.SelectedState && state == client.StateNotAuthenticated:
		return "needs a selected mailbox", "login USER, then select INBOX"
	case states == client.SelectedState:
		return "needs a selected mailbox", "select INBOX"
	case states&client.StateAuthenticated != 0 && state == client.StateNotAuthenticated:
		return "needs a logged-in session", "login USER"
	case states == client.NotAuthOnly:
		return "is only valid before login", ""
	case states == client.StateAuthenticated:
		return "is only valid while no mailbox is selected", "unselect (or close) first"
	}
	return "is not valid in the " + state.String() + " state", ""
}

// usageHint is the hint for an error found before the command ran.
func usageHint(err error) string {
	var ue *UsageError
	var uc *UnknownCommandError
	switch {
	case errors.As(err, &ue):
		return "usage: " + ue.Cmd.Usage() + ` (help ` + ue.Cmd.Name + `)`
	case errors.As(err, &uc):
		return "help lists the commands"
	case errors.Is(err, cmdline.ErrUnterminatedQuote):
		return `close the quote: select "Sent Items"`
	case errors.Is(err, cmdline.ErrUnbalanced):
		return "close each ( with ) and each [ with ]: fetch 1 (UID BODY.PEEK[HEADER])"
	}
	return ""
}
