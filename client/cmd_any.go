package client

import (
	"context"
	"errors"

	"imapsh/client/internal/wire"
)

// Capability asks for the server's capabilities (RFC 9051 section 6.1.1;
// imaplib capability). The client's capability cache is refreshed.
func (c *Client) Capability(ctx context.Context) (*Result, error) {
	return c.run(ctx, "CAPABILITY", Needs.Capability, "", nil)
}

// Noop does nothing but collect pending updates (RFC 9051 section 6.1.2;
// imaplib noop).
func (c *Client) Noop(ctx context.Context) (*Result, error) {
	return c.run(ctx, "NOOP", Needs.Noop, "", nil)
}

// Logout ends the session (RFC 9051 section 6.1.3; imaplib logout) and
// closes the connection. The server's BYE is in the Result.
func (c *Client) Logout(ctx context.Context) (*Result, error) {
	res, err := c.run(ctx, "LOGOUT", Needs.Logout, "", nil)
	if errors.Is(err, ErrBye) || (errors.Is(err, ErrClosed) && c.state == StateLogout) {
		err = nil // the server said BYE and closed before its tagged OK
	}
	c.state = StateLogout
	c.Close()
	return res, err
}

// ID exchanges client and server identification (RFC 2971). nil params
// send NIL.
func (c *Client) ID(ctx context.Context, params []MetadataEntry) (*Result, error) {
	return c.run(ctx, "ID", Needs.ID, "", func(a *wire.Command) {
		if params == nil {
			a.Raw("NIL")
			return
		}
		a.List(len(params), func(i int) { a.String(params[i].Name).SP().NString(params[i].Value) })
	})
}

// Enable turns on extensions (RFC 5161; imaplib enable), such as
// CONDSTORE, QRESYNC or UTF8=ACCEPT.
func (c *Client) Enable(ctx context.Context, caps ...string) (*Result, error) {
	return c.run(ctx, "ENABLE", Needs.Enable, "", func(a *wire.Command) {
		for i, cp := range caps {
			if i > 0 {
				a.SP()
			}
			a.Atom(cp)
		}
	})
}

// Xatom sends any command with its arguments as typed, re-checked so that
// no CR or LF gets in (imaplib xatom). The state is not checked: the
// server judges. Credentials of a LOGIN or AUTHENTICATE sent this way are
// still hidden in traces.
func (c *Client) Xatom(ctx context.Context, name, args string) (*Result, error) {
	cmd, err := c.typedCommand(name, args)
	if err != nil {
		return nil, err
	}
	return c.execute(ctx, cmd)
}

// typedCommand is a command of any name with its arguments as typed (see
// rawArgs), for Xatom and Start: refused only on a closed connection
// (Needs.Xatom allows every state).
func (c *Client) typedCommand(name, args string) (*command, error) {
	if err := c.check(name, Needs.Xatom, ""); err != nil {
		return nil, err
	}
	cmd := &command{name: name}
	if args != "" {
		cmd.args = rawArgs(name, args, c.UTF8Names())
	}
	return cmd, nil
}

// Responses returns and forgets the untagged responses of a kind (or all
// for "") received in this session, like imaplib's response(code): the
// untagged data the commands kept is kept here too (the newest 10,000, and
// no more than about 1 MiB of them), apart from FETCH data streamed
// through FetchOptions.Each.
func (c *Client) Responses(kind string) []Response {
	return c.stored.take(func(r Response) bool { return kind == "" || equalFold(r.Kind(), kind) })
}

// Codes returns and forgets the response codes of a name (imaplib
// response('UIDVALIDITY') and friends), newest last, within the same
// bounds as Responses.
func (c *Client) Codes(name string) []*Code {
	return c.codes.take(func(code *Code) bool { return equalFold(code.Name, name) })
}
