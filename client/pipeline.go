package client

import (
	"context"
	"errors"
)

// Pipelining (RFC 9051 section 5.5): Start and Defer write a command and
// return at once; Pending.Wait reads up to its tagged completion. Answers
// are matched by tag, so they may complete in any order. Untagged data
// carries no tag: it goes to the oldest command still in flight, which is
// right for servers that answer in order (all known ones do).
//
// The client itself keeps the ambiguity rules of section 5.5, for every
// command it sends, pipelined or not: before writing a command it reads
// the answers of the commands in flight when
//
//   - the new command uses message sequence numbers and one in flight may
//     cause EXPUNGE responses (anything but FETCH, STORE and SEARCH; UID
//     FETCH, UID STORE and UID SEARCH may);
//   - the new command, or one in flight, changes the connection state or
//     is not known to the client (SELECT, EXAMINE, CLOSE, UNSELECT,
//     LOGIN, AUTHENTICATE, STARTTLS, COMPRESS, IDLE, ENABLE, LOGOUT, ...);
//   - the new command carries a synchronizing literal: its continuation
//     must be negotiated before anything else is sent.
//
// The caller bounds how many commands it keeps in flight (the shell keeps
// at most 128); the client adds no window of its own.

// Pending is a command that has been written to the server and whose
// tagged completion may not have been read yet.
type Pending struct {
	c    *Client
	p    *pending // nil when the command already ran to completion
	res  *Result
	err  error
	done bool
}

// Tag returns the command's tag ("" when it was never sent).
func (p *Pending) Tag() string {
	if p.res != nil {
		return p.res.Tag
	}
	if p.p != nil {
		return p.p.result.Tag
	}
	return ""
}

// Wait reads responses until the command's tagged completion and returns
// its Result, like the lockstep methods: NO and BAD come back as a Result
// with an *Error. Waiting again returns the same.
func (p *Pending) Wait() (*Result, error) {
	if !p.done {
		p.res, p.err = p.c.wait(p.p)
		p.done = true
	}
	return p.res, p.err
}

// Start sends any command with its arguments as typed (re-checked like
// Xatom: quoted 8-bit text goes as a literal, CR and LF are refused)
// without waiting for its answer. The client does no bookkeeping for it:
// a SELECT sent this way does not update Mailbox. It returns an error when
// the command could not be sent.
func (c *Client) Start(ctx context.Context, name, args string) (*Pending, error) {
	cmd, err := c.typedCommand(name, args)
	if err != nil {
		return nil, err
	}
	return c.start(ctx, cmd)
}

// Defer runs call, which issues one command through a method of c (Fetch,
// Store, Search, Copy, Status, ...), and returns that command as soon as
// it is written instead of waiting for its answer: the wire bytes are the
// method's own. A command that changes the connection state (Select,
// Login, Logout, ...) runs in lockstep so that the method can update the
// session, and comes back already completed. A command the method refused
// before sending (state, capability, a bad argument) is an error and
// nothing is pending. Only the first command of call is deferred.
func (c *Client) Defer(ctx context.Context, call func(context.Context) (*Result, error)) (*Pending, error) {
	if c.deferred != nil {
		return nil, errors.New("client: Defer calls do not nest")
	}
	d := &deferral{}
	c.deferred = d
	res, err := call(ctx)
	c.deferred = nil
	switch {
	case d.pending != nil:
		return d.pending, nil
	case d.sendErr != nil:
		return nil, d.sendErr
	case d.lockstep:
		return &Pending{c: c, res: res, err: err, done: true}, nil
	}
	return nil, err
}

// InFlight returns how many commands have been sent and not completed.
func (c *Client) InFlight() int { return len(c.queue) }

// deferral records what became of the command a Defer call issued.
type deferral struct {
	pending  *Pending // sent without waiting
	sendErr  error    // could not be sent
	lockstep bool     // ran to completion (a state change)
}

// errDeferred is what a method sees from execute when Defer took its
// command; Defer never returns it.
var errDeferred = errors.New("client: command deferred")

// deferCommand is execute under Defer.
func (c *Client) deferCommand(ctx context.Context, cmd *command) (*Result, error) {
	d := c.deferred
	c.deferred = nil
	if exclusive(cmd.name) || c.syncLiteral(cmd) {
		d.lockstep = true
		return c.execute(ctx, cmd)
	}
	p, err := c.start(ctx, cmd)
	if err != nil {
		d.sendErr = err
		return nil, err
	}
	d.pending = p
	return nil, errDeferred
}

// start sends cmd (send keeps the section 5.5 rules) and wraps it.
func (c *Client) start(ctx context.Context, cmd *command) (*Pending, error) {
	p, err := c.send(ctx, cmd)
	if err != nil {
		if p != nil && p.done { // an early NO to a synchronizing literal
			return &Pending{c: c, res: p.result, err: p.result.Err(), done: true}, nil
		}
		return nil, err
	}
	return &Pending{c: c, p: p}, nil
}

// settle reads the answers of the commands in flight, oldest first, when
// RFC 9051 section 5.5 does not allow cmd to be sent while they run.
func (c *Client) settle(cmd *command) error {
	if len(c.queue) == 0 || !c.mustWait(cmd) {
		return nil
	}
	for len(c.queue) > 0 {
		p := c.queue[0]
		if _, err := c.wait(p); !p.done {
			return err
		}
	}
	return nil
}

// mustWait reports whether cmd has to wait for the commands in flight.
func (c *Client) mustWait(cmd *command) bool {
	if exclusive(cmd.name) || c.syncLiteral(cmd) {
		return true
	}
	seq := usesSequenceNumbers(cmd)
	for _, p := range c.queue {
		if exclusive(p.cmd.name) || (seq && mayExpunge(p.cmd.name)) {
			return true
		}
	}
	return false
}

// syncLiteral reports whether cmd carries a literal that needs the
// server's continuation request.
func (c *Client) syncLiteral(cmd *command) bool {
	if cmd.args == nil {
		return false
	}
	for _, part := range cmd.args.Parts {
		if part.Literal != nil && !c.literalPlus(part) {
			return true
		}
	}
	return false
}
