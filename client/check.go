package client

import (
	"context"
	"strings"

	"imapsh/client/internal/wire"
)

// check refuses a command locally when the state or the server's
// capabilities do not allow it: need is the command's declaration (one
// of Needs), option a capability that an option asked for needs on top
// ("" for none). Unknown capabilities allow everything.
func (c *Client) check(name string, need Need, option Cap) error {
	if c.closed.Load() {
		return ErrClosed
	}
	if !need.StateOK(c.state) {
		return &StateError{Command: name, State: c.state, Need: need.States}
	}
	if !need.CapsOK(c.caps) {
		return &CapabilityError{Command: name, Cap: strings.Join(need.CapNames(), "|")}
	}
	if opt := (Need{States: need.States, Caps: []Cap{option}}); option != "" && !opt.CapsOK(c.caps) {
		return &CapabilityError{Command: name, Cap: strings.Join(opt.CapNames(), "|")}
	}
	return nil
}

// run checks state and capability, builds arguments and executes.
func (c *Client) run(ctx context.Context, name string, need Need, option Cap, build func(*wire.Command)) (*Result, error) {
	if err := c.check(name, need, option); err != nil {
		return nil, err
	}
	cmd := &command{name: name}
	if build != nil {
		cmd.args = &wire.Command{UTF8: c.UTF8Names()}
		build(cmd.args)
	}
	return c.execute(ctx, cmd)
}

// mailboxArg appends a mailbox name in the form this session needs
// (modified UTF-7, or UTF-8 in UTF-8 mode: see UTF8Names).
func (c *Client) mailboxArg(a *wire.Command, name string) {
	a.Mailbox(name)
}
