package repl

import (
	"context"
	"strconv"
	"time"

	"imapsh/client"
)

// conn is the session's connection: the client (nil when not connected),
// where it goes, the wire tap it traces to, and how a command's context
// learns of Ctrl-C.
type conn struct {
	c      *client.Client // nil when not connected
	target *Target
	tap    *WireTap // nil: no tap (no \trace, --raw or \expect match)
	// interrupts calls press for each Ctrl-C until stop (interrupt.go);
	// tests press on their own.
	interrupts func(press func()) (stop func())
	interruptState
	// resume is the session a \reconnect could not restore (not logged
	// in), for the next one (reconnect.go); nil otherwise.
	resume *client.Resumable
}

// connected reports whether a usable connection exists.
func (k *conn) connected() bool {
	return k.c != nil && k.c.State() != client.StateLogout
}

// currentState is the client's state, StateLogout when not connected.
func (k *conn) currentState() client.State {
	if !k.connected() {
		return client.StateLogout
	}
	return k.c.State()
}

// capSet is the server's capabilities, nil when not connected or not
// known yet (which allows every command).
func (k *conn) capSet() client.CapSet {
	if !k.connected() {
		return nil
	}
	return k.c.CapSet()
}

// prompt is "alice@host INBOX[42]> ", with (ro) after EXAMINE and
// "(not connected)> " without a connection. The user shows only once
// logged in: after a failed login it is "host> " (issue 11, defect 3).
func (k *conn) prompt() string {
	if !k.connected() {
		return "(not connected)> "
	}
	p := "imap"
	if k.target != nil {
		p = k.target.place(k.c.State() != client.StateNotAuthenticated)
	}
	if m := k.c.Mailbox(); m != nil {
		p += " " + m.Name + "[" + strconv.FormatUint(uint64(m.Exists), 10) + "]"
		if m.ReadOnly {
			p += "(ro)"
		}
	}
	return p + "> "
}

// logout ends the session politely at the end of the run.
func (k *conn) logout(ctx context.Context) {
	if k.connected() {
		lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		k.c.Logout(lctx)
	}
}

// commandBudget is the connected client's budget, or the default.
func (k *conn) commandBudget() int64 {
	if k.c != nil {
		return k.c.CommandBudget()
	}
	return client.DefaultCommandMemory
}

// caps is the capability list now, nil when unknown or not connected.
func (k *conn) caps() []string {
	if !k.connected() {
		return nil
	}
	return k.c.Caps()
}

// takeAlerts returns the alerts the client received since the last call.
func (k *conn) takeAlerts() []client.Alert {
	if k.c == nil {
		return nil
	}
	return k.c.Alerts()
}

// beginCapture makes the wire tap forget the previous command's lines.
func (k *conn) beginCapture() {
	if k.tap != nil {
		k.tap.begin()
	}
}
