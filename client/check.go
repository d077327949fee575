package client

import (
	"context"
	"strings"

	"imapsh/client/internal/wire"
)

// check refuses a command locally when the state or the server's
// capabilities do not allow it. cap may list alternatives as "A|B".
func (c *Client) check(name string, states StateMask, cap string) error {
	if c.closed.Load() {
		return ErrClosed
	}
	if c.state&states == 0 {
		return &StateError{Command: name, State: c.state, Need: states}
	}
	if cap == "" || !c.HasCapsKnown() {
		return nil
	}
	for _, alt := range strings.Split(cap, "|") {
		if c.HasCap(alt) {
			return nil
		}
	}
	return &CapabilityError{Command: name, Cap: cap}
}

// run checks state and capability, builds arguments and executes.
func (c *Client) run(ctx context.Context, name string, states StateMask, cap string, build func(*wire.Command)) (*Result, error) {
	if err := c.check(name, states, cap); err != nil {
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
