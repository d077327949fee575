package probe

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"time"

	"imapsh/client"
)

// connect opens the first connection, secures it, logs in and fills the
// connection section and the capability lists. On failure it returns
// what it has (a connection to close, maybe) and the reason.
func (r *run) connect(ctx context.Context, t Target) (*Conn, error) {
	r.check = "connection"
	sec := &r.report.Connection
	if len(t.Stream) == 0 {
		sec.Address = t.addr()
	}
	var err error
	switch {
	case len(t.Stream) > 0:
		sec.Security, err = "stream", r.greetStream(ctx, t)
	case t.Security == client.ImplicitTLS:
		sec.Security, err = "implicit-tls", r.greetTLS(ctx, t)
	case t.Security == client.StartTLS:
		sec.Security, err = "starttls", r.greetStartTLS(ctx, t)
	default:
		sec.Security, err = "plaintext", r.greetPlain(ctx, t)
	}
	if err == nil {
		r.facts.caps = func() []string { return r.conn.Client.Caps() }
		err = r.login(ctx, t)
	}
	if err == nil {
		err = r.capsAfterLogin(ctx)
	}
	return r.conn, err
}

// redial opens another logged-in connection to t, for a check that needs
// one of its own or to replace a lost one; what it observes there is not
// part of the report's connection section.
func redial(ctx context.Context, t Target, opts Options) (*Conn, error) {
	sub := newRun(opts, t.URL)
	conn, err := sub.connect(ctx, t)
	if err != nil {
		conn.close()
		return nil, err
	}
	return conn, nil
}

// greet reads the greeting on an established transport, as a step.
func (r *run) greet(t Target, transport func() (*client.Client, error), start time.Time) error {
	st := &Step{Check: r.check, Kind: "greeting", Label: "the greeting"}
	var c *client.Client
	r.record(st, func() (*client.Result, error) {
		var err error
		c, err = transport()
		return nil, err
	})
	r.report.Connection.GreetingMS = ms(time.Since(start))
	if st.Err != nil {
		return fmt.Errorf("greeting: %w", st.Err)
	}
	r.conn.Client = c
	g := c.Greeting()
	r.report.Connection.Greeting = &Status{Status: g.Status, Text: g.Text}
	if g.Code != nil {
		r.report.Connection.Greeting.Code = g.Code.Name
	}
	return nil
}

// greetTLS connects with implicit TLS (imaps://).
func (r *run) greetTLS(ctx context.Context, t Target) error {
	start := time.Now()
	cfg, err := t.TLS.TLSConfig(t.Host)
	if err != nil {
		return err
	}
	raw, n, err := dialTCP(ctx, t, r.opts.CheckTimeout)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	tconn := tls.Client(raw, cfg)
	hctx, cancel := context.WithTimeout(ctx, r.opts.CheckTimeout)
	defer cancel()
	hs := time.Now()
	err = tconn.HandshakeContext(hctx)
	r.report.Connection.TLSMS = ms(time.Since(hs))
	if err != nil {
		raw.Close()
		return r.tlsFailed(ctx, t, err)
	}
	r.report.Connection.TLS = tlsInfo(tconn.ConnectionState(), serverName(t), t.TLS)
	rec := NewRecorder()
	r.conn = &Conn{Wire: rec, Bytes: n}
	opts := clientOptions(t, rec, r.opts)
	if err := r.greet(t, func() (*client.Client, error) { return client.New(tconn, &opts) }, start); err != nil {
		return err
	}
	r.report.Caps.AfterTLS, err = r.askCaps(ctx, "capability-after-tls")
	r.report.Connection.SASLAfterTLS = saslMechs(r.report.Caps.AfterTLS)
	return err
}

// greetStartTLS connects in the clear, notes what the server offers there
// and upgrades with STARTTLS; it never logs in without TLS.
func (r *run) greetStartTLS(ctx context.Context, t Target) error {
	if err := r.greetClear(ctx, t); err != nil {
		return err
	}
	sec := &r.report.Connection
	if !sec.StartTLS.Offered {
		return errors.New("the server does not offer STARTTLS, so nothing is sent: a password would cross the network in the clear (probe a plaintext server with --plaintext)")
	}
	cfg, err := t.TLS.TLSConfig(t.Host)
	if err != nil {
		return err
	}
	sctx, cancel := context.WithTimeout(ctx, r.opts.CheckTimeout) // the handshake has no deadline of its own
	defer cancel()
	st := r.step(sctx, stepSpec{kind: "starttls", ext: "STARTTLS", label: "STARTTLS"}, func(ctx context.Context, c *client.Client) (*client.Result, error) {
		return nil, c.StartTLS(ctx, cfg)
	})
	sec.TLSMS = ms(st.Elapsed)
	if st.Err != nil {
		return r.tlsFailed(ctx, t, st.Err)
	}
	if cs, ok := r.conn.Client.TLSConnectionState(); ok {
		sec.TLS = tlsInfo(cs, serverName(t), t.TLS)
	}
	r.report.Caps.AfterTLS = r.conn.Client.Caps() // StartTLS asked again
	r.report.Caps.TLSChanges = diffCaps(r.report.Caps.BeforeTLS, r.report.Caps.AfterTLS)
	sec.SASLAfterTLS = saslMechs(r.report.Caps.AfterTLS)
	return nil
}

// greetPlain connects without TLS (--plaintext, the demo).
func (r *run) greetPlain(ctx context.Context, t Target) error {
	return r.greetClear(ctx, t)
}

// greetClear connects in the clear and asks what the server offers there.
func (r *run) greetClear(ctx context.Context, t Target) error {
	start := time.Now()
	raw, n, err := dialTCP(ctx, t, r.opts.CheckTimeout)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	rec := NewRecorder()
	r.conn = &Conn{Wire: rec, Bytes: n}
	opts := clientOptions(t, rec, r.opts)
	if err := r.greet(t, func() (*client.Client, error) { return client.New(raw, &opts) }, start); err != nil {
		return err
	}
	caps, err := r.askCaps(ctx, "capability-before-tls")
	r.report.Caps.BeforeTLS = caps
	r.report.Connection.SASLBeforeTLS = saslMechs(caps)
	r.report.Connection.StartTLS = &StartTLS{Offered: containsFold(caps, "STARTTLS"), LoginDisabled: containsFold(caps, "LOGINDISABLED")}
	return err
}

// greetStream runs a command and speaks IMAP on its stdin and stdout.
func (r *run) greetStream(ctx context.Context, t Target) error {
	rec := NewRecorder()
	r.conn = &Conn{Wire: rec}
	opts := clientOptions(t, rec, r.opts)
	return r.greet(t, func() (*client.Client, error) { return client.DialCommand(ctx, t.Stream, t.Stderr, &opts) }, time.Now())
}

// askCaps sends CAPABILITY as a step and returns the list.
func (r *run) askCaps(ctx context.Context, kind string) ([]string, error) {
	cctx, cancel := context.WithTimeout(ctx, r.opts.CheckTimeout)
	defer cancel()
	st := r.step(cctx, stepSpec{kind: kind, label: "CAPABILITY"}, func(ctx context.Context, c *client.Client) (*client.Result, error) {
		return c.Capability(ctx)
	})
	st.Caps = r.conn.Client.Caps()
	if st.lost() {
		return st.Caps, fmt.Errorf("CAPABILITY: %w", st.Err)
	}
	return st.Caps, nil
}

// capsAfterLogin asks CAPABILITY once logged in, whatever the login's OK
// carried, and notes the changes.
func (r *run) capsAfterLogin(ctx context.Context) error {
	caps, err := r.askCaps(ctx, "capability-after-login")
	r.report.Caps.AfterLogin = caps
	before := r.report.Caps.AfterTLS
	if before == nil {
		before = r.report.Caps.BeforeTLS
	}
	if before != nil {
		r.report.Caps.LoginChanges = diffCaps(before, caps)
	}
	return err
}

// adopt fills the connection section from an existing session.
func (r *run) adopt(s Session) {
	c := r.conn.Client
	r.facts.caps = func() []string { return r.conn.Client.Caps() }
	sec := &r.report.Connection
	sec.Security = "existing"
	sec.Login = &Login{Method: "existing session", OK: true}
	if g := c.Greeting(); g != nil {
		sec.Greeting = &Status{Status: g.Status, Text: g.Text}
		if g.Code != nil {
			sec.Greeting.Code = g.Code.Name
		}
	}
	if cs, ok := c.TLSConnectionState(); ok {
		sec.TLS = tlsInfo(cs, s.Host, s.TLS)
	}
	r.check = "connection"
	r.report.Caps.AfterLogin, _ = r.askCaps(context.Background(), "capability-after-login")
	r.note("probed on the shell's connection: the capabilities before login, TLS and login times were not observed")
}
