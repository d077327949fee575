package client

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/emersion/go-sasl"
)

// MaxSASLSteps bounds the challenges one AUTHENTICATE answers. The
// mechanisms imapsh implements need three at most (SCRAM: an empty
// challenge when the initial response could not go inline, the
// server-first and the server-final message); a server that keeps asking
// beyond this is cancelled with "*", and closed if it still goes on,
// rather than served forever.
const MaxSASLSteps = 10

// contextStepper is a mechanism whose steps stop when the command's
// context ends (SCRAM's key derivation).
type contextStepper interface {
	nextContext(ctx context.Context, challenge []byte) ([]byte, error)
}

// mutualAuthenticator is a mechanism that authenticates the server too
// (SCRAM): serverVerified is nil once the server proved it.
type mutualAuthenticator interface {
	serverVerified() error
}

// saslExchange answers the continuation requests of one AUTHENTICATE.
type saslExchange struct {
	c      *Client
	ctx    context.Context
	mech   sasl.Client
	name   string
	ir     []byte // initial response still to send on the first "+", or nil
	steps  int
	cancel error // why the client answered "*", once it did
}

// answer returns the line that answers one continuation request.
func (x *saslExchange) answer(text string) ([]byte, error) {
	if x.cancel != nil {
		return nil, x.c.fatal(fmt.Errorf("client: AUTHENTICATE %s: the server sent another challenge after the client cancelled (%v); connection closed", x.name, x.cancel))
	}
	x.steps++
	if ir := x.ir; ir != nil {
		x.ir = nil
		return []byte(base64.StdEncoding.EncodeToString(ir)), nil
	}
	var resp []byte
	err := x.ctx.Err()
	if x.steps > MaxSASLSteps {
		err = fmt.Errorf("the server asked for more than %d steps", MaxSASLSteps)
	}
	if err == nil {
		resp, err = x.step(text)
	}
	if err != nil {
		x.cancel = err
		return []byte("*"), nil
	}
	return resp, nil
}

// step runs the mechanism on one base64 challenge.
func (x *saslExchange) step(text string) ([]byte, error) {
	challenge, err := base64.StdEncoding.DecodeString(strings.TrimSpace(text))
	if err != nil {
		return nil, fmt.Errorf("server challenge is not base64: %w", err)
	}
	var resp []byte
	if cs, ok := x.mech.(contextStepper); ok {
		resp, err = cs.nextContext(x.ctx, challenge)
	} else {
		resp, err = x.mech.Next(challenge)
	}
	if err != nil {
		return nil, err
	}
	return []byte(base64.StdEncoding.EncodeToString(resp)), nil
}

// outcome judges the tagged answer: a cancelled exchange is an error even
// when the server says OK, and so is an OK before a mutually
// authenticating mechanism verified the server. A session the client
// cannot trust is closed.
func (x *saslExchange) outcome(res *Result, err error) error {
	var serverErr *Error
	switch {
	case err != nil && (x.cancel == nil || !errors.As(err, &serverErr)):
		return err // a NO/BAD to an exchange the client did not cancel, or a lost connection
	case x.cancel != nil && res != nil && res.OK():
		return x.c.fatal(fmt.Errorf("client: AUTHENTICATE %s: the server said OK after the client cancelled (%w); not trusted, connection closed", x.name, x.cancel))
	case x.cancel != nil:
		return fmt.Errorf("client: AUTHENTICATE %s cancelled: %w", x.name, x.cancel)
	}
	if m, ok := x.mech.(mutualAuthenticator); ok && res.OK() {
		if verr := m.serverVerified(); verr != nil {
			return x.c.fatal(fmt.Errorf("client: AUTHENTICATE %w; connection closed", verr))
		}
	}
	return err
}
