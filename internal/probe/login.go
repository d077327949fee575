package probe

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"imapsh/client"
)

// login authenticates as t says: the mechanism of ;AUTH=, else the
// strongest AUTH= offered, else the LOGIN command. A PREAUTH session
// needs nothing.
func (r *run) login(ctx context.Context, t Target) error {
	sec := &r.report.Connection
	c := r.conn.Client
	if c.State() == client.StateAuthenticated {
		sec.Login = &Login{Method: "PREAUTH", OK: true}
		return nil
	}
	if t.User == "" {
		return errors.New("no user to log in as: name one in the URL (imaps://USER@host)")
	}
	pw, err := password(ctx, t)
	if err != nil {
		return err
	}
	method, auth, err := chooseAuth(c, t, pw)
	if err != nil {
		return err
	}
	lctx, cancel := context.WithTimeout(ctx, r.opts.CheckTimeout)
	defer cancel()
	caps := c.Caps()
	st := r.step(lctx, stepSpec{kind: "login", label: method}, auth)
	st.Caps = caps
	sec.LoginMS = ms(st.Elapsed)
	sec.Login = &Login{User: t.User, Method: method, OK: st.OK(), CapabilitiesSent: capabilitiesSent(st.Result)}
	if !st.OK() {
		err := st.Err
		if err == nil {
			err = errors.New("no answer")
		}
		sec.Login.Error = errText(err)
		return fmt.Errorf("login as %s failed: %s", t.User, errText(err))
	}
	return nil
}

// password asks the target for the password.
func password(ctx context.Context, t Target) (string, error) {
	if t.Password == nil {
		return "", fmt.Errorf("%w for %s", ErrNoPassword, t.User)
	}
	pw, err := t.Password(ctx)
	if errors.Is(err, ErrNoPassword) {
		return "", fmt.Errorf("no password for %s (set IMAPSH_PASSWORD or use --password-command): the probe needs to log in", t.User)
	}
	return pw, err
}

// chooseAuth picks the login method and returns its name and call.
func chooseAuth(c *client.Client, t Target, pw string) (string, call, error) {
	mech := strings.ToUpper(t.Mech)
	if mech == "" || mech == "*" {
		mech = c.DefaultMechanism()
	}
	if mech == "" {
		if c.HasCap("LOGINDISABLED") {
			return "", nil, errors.New("the server offers no password mechanism imapsh knows and disables LOGIN")
		}
		return "LOGIN", func(ctx context.Context, c *client.Client) (*client.Result, error) {
			return c.Login(ctx, t.User, pw)
		}, nil
	}
	m, err := client.NewMechanism(mech, client.Credentials{User: t.User, Password: pw, Host: t.Host, Port: t.Port})
	if err != nil {
		return "", nil, err
	}
	return "AUTHENTICATE " + mech, func(ctx context.Context, c *client.Client) (*client.Result, error) {
		return c.Authenticate(ctx, m)
	}, nil
}

// capabilitiesSent reports whether a login's answer carried the new
// capability list: [CAPABILITY ...] on the OK, or an untagged CAPABILITY
// before it (Dovecot after AUTHENTICATE).
func capabilitiesSent(res *client.Result) bool {
	if res == nil {
		return false
	}
	if s := res.Status; s != nil && s.Code != nil && strings.EqualFold(s.Code.Name, "CAPABILITY") {
		return true
	}
	return countOf(res, "CAPABILITY") > 0
}
