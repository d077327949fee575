package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"time"

	"imapsh/client"
	"imapsh/render"
)

// Endpoint is where to connect and as whom: the fields of repl.Target that
// the Connector needs (kept here so this package does not import the shell).
type Endpoint struct {
	Security client.Security
	Host     string
	Port     int
	User     string   // "" = do not log in
	Mech     string   // SASL mechanism from ;AUTH=; "" or "*" = best offered
	Mailbox  string   // selected after login; "" = none
	Stream   []string // argv of --stream; Host is empty then
}

// Addr returns host:port, or "stream" for a command connection.
func (e Endpoint) Addr() string {
	if len(e.Stream) > 0 {
		return "stream"
	}
	return net.JoinHostPort(e.Host, strconv.Itoa(e.Port))
}

// Connector opens sessions: it dials (TLS, STARTTLS, plaintext or a
// command), logs in when the endpoint names a user and a password is
// available, and selects the endpoint's mailbox.
type Connector struct {
	TLS            client.TLSOptions
	Plaintext      bool          // --plaintext: imap:// without TLS, warned on every connect
	Trace          client.Tracer // wire trace; nil = off
	Stderr         io.Writer     // warnings, and a --stream command's stderr
	Passwords      *Passwords    // never nil
	ConnectTimeout time.Duration // 0 = the client's default
	// GreetingTimeout is client.Options.GreetingTimeout (0 = 30 s).
	GreetingTimeout time.Duration
	// MaxCommandMemory is client.Options.MaxCommandMemory (0 = default).
	MaxCommandMemory int64
	// CommandTimeout is client.Options.CommandTimeout (0 = 2 minutes).
	CommandTimeout time.Duration
}

// LoginError is a failed LOGIN or AUTHENTICATE on connect.
type LoginError struct {
	User string
	Err  error
}

// Error says who could not log in and why.
func (e *LoginError) Error() string { return fmt.Sprintf("login as %s failed: %v", e.User, e.Err) }

// Unwrap returns the client's error.
func (e *LoginError) Unwrap() error { return e.Err }

// Connect dials e and logs in and selects as e asks. When the connection
// works but login or select fails, it returns the client with the error.
func (c *Connector) Connect(ctx context.Context, e Endpoint) (*client.Client, error) {
	c.Passwords.Switch(e.User, e.Addr())
	cl, err := c.dial(ctx, e)
	if err != nil {
		return nil, err
	}
	if err := c.login(ctx, cl, e); err != nil {
		return cl, err
	}
	if err := askCaps(ctx, cl); err != nil {
		return cl, err
	}
	if e.Mailbox == "" || cl.State()&client.AuthOrSelect == 0 {
		return cl, nil
	}
	res, err := cl.Select(ctx, e.Mailbox, client.SelectOptions{})
	if err == nil {
		err = res.Err()
	}
	return cl, err
}

func (c *Connector) dial(ctx context.Context, e Endpoint) (*client.Client, error) {
	opts := client.Options{Trace: c.Trace, MaxCommandMemory: c.MaxCommandMemory, GreetingTimeout: c.GreetingTimeout, CommandTimeout: c.CommandTimeout}
	if len(e.Stream) > 0 {
		return client.DialCommand(ctx, e.Stream, c.Stderr, &opts)
	}
	security := e.Security
	if security == client.StartTLS && c.Plaintext {
		security = client.Plaintext
		fmt.Fprintf(c.Stderr, "warning: --plaintext: connecting to %s WITHOUT TLS; the password and the mail can be read by anyone on the path\n", e.Addr())
	}
	// An explicit Plaintext endpoint (the loopback demo) or --plaintext is
	// the user's choice, so the password may follow.
	opts.AllowPlaintextAuth = security == client.Plaintext
	warnImapsPort(c.Stderr, e, security)
	cl, err := client.Dial(ctx, e.Addr(), client.DialOptions{
		Options: opts, Security: security, TLS: c.TLS, ConnectTimeout: c.ConnectTimeout,
	})
	if err != nil {
		return nil, schemeHint(e, security, err)
	}
	return cl, nil
}

// login authenticates when e names a user and the session is not already
// authenticated (PREAUTH). Without any password source it warns and leaves
// the session unauthenticated.
func (c *Connector) login(ctx context.Context, cl *client.Client, e Endpoint) error {
	if e.User == "" || cl.State() != client.StateNotAuthenticated {
		return nil
	}
	if !cl.HasCapsKnown() {
		if _, err := cl.Capability(ctx); err != nil {
			return err
		}
	}
	pw, err := c.Passwords.Get(ctx, e.User, e.Addr())
	if errors.Is(err, ErrNoPassword) {
		fmt.Fprintf(c.Stderr, "warning: no password for %s (set %s or use --password-command); not logged in\n", e.User, EnvPassword)
		return nil
	}
	if err != nil {
		return err
	}
	res, err := authenticate(ctx, cl, e, pw)
	if err == nil {
		err = res.Err()
	}
	if err != nil {
		c.Passwords.Drop()
		return &LoginError{User: e.User, Err: err}
	}
	c.Passwords.Keep(e.User, e.Addr(), pw)
	return nil
}

// askCaps asks for the capabilities when the session has none yet: a
// greeting without [CAPABILITY] (Courier-IMAP's "* PREAUTH Ready.", or a
// session left unauthenticated), so that checks, help and completion go by
// what the server offers.
func askCaps(ctx context.Context, cl *client.Client) error {
	if cl.HasCapsKnown() || cl.State() == client.StateLogout {
		return nil
	}
	_, err := cl.Capability(ctx)
	return err
}

// authenticate uses e.Mech, else the strongest AUTH= mechanism offered
// (client.DefaultMechanism), else the LOGIN command.
func authenticate(ctx context.Context, cl *client.Client, e Endpoint, pw string) (*client.Result, error) {
	mech := e.Mech
	if mech == "*" || mech == "" {
		mech = cl.DefaultMechanism()
	}
	if mech == "" {
		if cl.HasCap("LOGINDISABLED") {
			return nil, errors.New("the server offers no password mechanism we know and disables LOGIN")
		}
		return cl.Login(ctx, e.User, pw)
	}
	m, err := client.NewMechanism(strings.ToUpper(mech), client.Credentials{
		User: e.User, Password: pw, Host: e.Host, Port: e.Port,
	})
	if err != nil {
		return nil, err
	}
	return cl.Authenticate(ctx, m)
}

// ReportAlerts writes to w the [ALERT]s cl received (RFC 9051 section
// 7.1: the user must see them) and forgets them: for a connection whose
// login or select failed, so that the greeting's or the login's alert is
// not lost with it.
func ReportAlerts(w io.Writer, cl *client.Client) {
	if cl == nil {
		return
	}
	for _, a := range cl.Alerts() {
		render.Alert(w, a, render.Options{})
	}
}
