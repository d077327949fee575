package client

import (
	"context"
	"crypto/hmac"
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/emersion/go-sasl"

	"imapsh/client/internal/wire"
)

// Login authenticates with LOGIN (RFC 9051 section 6.2.3; imaplib login).
// The password goes as a quoted string or, with 8-bit or special bytes, as
// a literal; it never appears in the trace. Without TLS it is refused
// unless Options.AllowPlaintextAuth is set.
func (c *Client) Login(ctx context.Context, user, password string) (*Result, error) {
	if err := c.plaintextOK(); err != nil {
		return nil, err
	}
	before := c.capOrder
	res, err := c.run(ctx, "LOGIN", Needs.Login, "", func(a *wire.Command) {
		a.AString(user).SP()
		a.Secret(func(a *wire.Command) { a.AString(password) })
	})
	c.afterAuth(ctx, res, err, AuthInfo{Method: "LOGIN", CapsBefore: before})
	return res, err
}

func (c *Client) plaintextOK() error {
	if c.tls || c.opts.AllowPlaintextAuth || c.netConn == nil {
		return nil // command pipes are local
	}
	return ErrPlaintext
}

// afterAuth moves to the authenticated state. Capabilities may change with
// authentication (RFC 3501 section 6.2.2, RFC 9051 section 6.2.2): unless
// the server sent the new list with its answer, as a [CAPABILITY] code on
// the OK or as an untagged CAPABILITY (Dovecot), the client asks for it, so
// that its checks and the shell's help and completion go by what the
// server offers now (Courier-IMAP sends neither). If that CAPABILITY fails,
// the list stays unknown and nothing is refused locally.
func (c *Client) afterAuth(ctx context.Context, res *Result, err error, how AuthInfo) {
	if err != nil || !res.OK() {
		return
	}
	c.state = StateAuthenticated
	c.noteAuth(how.Method, how.Mechanism, how.CapsBefore)
	if res.Status.Code != nil && res.Status.Code.Name == "CAPABILITY" {
		return
	}
	if len(Of[*CapabilityData](res)) > 0 {
		return
	}
	c.caps, c.capOrder = nil, nil
	c.Capability(ctx)
}

// Authenticate runs a SASL exchange (RFC 9051 section 6.2.2, RFC 4959
// SASL-IR; imaplib authenticate) with any go-sasl client. The initial
// response goes inline when the server offers SASL-IR ("=" when empty);
// a client error, the command's context ending, or more than
// MaxSASLSteps challenges answer "*" to cancel (sasl.go). Responses are
// secret in traces. A server that goes on after "*", says OK to a
// cancelled exchange, or says OK before a SCRAM mechanism verified it
// loses the connection.
func (c *Client) Authenticate(ctx context.Context, mech sasl.Client) (*Result, error) {
	name, ir, err := mech.Start()
	if err != nil {
		return nil, fmt.Errorf("client: AUTHENTICATE: %w", err)
	}
	if mechSendsPassword(name) {
		if err := c.plaintextOK(); err != nil {
			return nil, err
		}
	}
	if err := c.check("AUTHENTICATE", Needs.Authenticate, ""); err != nil {
		return nil, err
	}
	cmd := &command{name: "AUTHENTICATE", args: (&wire.Command{}).Atom(name)}
	x := &saslExchange{c: c, ctx: ctx, mech: mech, name: name, ir: ir}
	if ir != nil && c.HasCap("SASL-IR") {
		cmd.args.SP().Secret(func(a *wire.Command) { a.Atom(encodeIR(ir)) })
		x.ir = nil
	}
	cmd.onContinue = x.answer
	before := c.capOrder
	res, err := c.execute(ctx, cmd)
	err = x.outcome(res, err)
	c.afterAuth(ctx, res, err, AuthInfo{Method: "AUTHENTICATE", Mechanism: name, CapsBefore: before})
	return res, err
}

func encodeIR(ir []byte) string {
	if len(ir) == 0 {
		return "="
	}
	return base64.StdEncoding.EncodeToString(ir)
}

// mechSendsPassword lists mechanisms that expose the password to anyone
// reading the connection.
func mechSendsPassword(name string) bool {
	switch strings.ToUpper(name) {
	case "PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER":
		return true
	}
	return false
}

// LoginCRAMMD5 authenticates with AUTHENTICATE CRAM-MD5 (RFC 2195; imaplib
// login_cram_md5).
func (c *Client) LoginCRAMMD5(ctx context.Context, user, password string) (*Result, error) {
	if err := c.check("AUTHENTICATE", Needs.LoginCRAMMD5, ""); err != nil {
		return nil, err
	}
	return c.Authenticate(ctx, &cramMD5{user: user, password: password})
}

type cramMD5 struct{ user, password string }

func (m *cramMD5) Start() (string, []byte, error) { return "CRAM-MD5", nil, nil }

func (m *cramMD5) Next(challenge []byte) ([]byte, error) {
	mac := hmac.New(md5.New, []byte(m.password))
	mac.Write(challenge)
	return []byte(m.user + " " + hex.EncodeToString(mac.Sum(nil))), nil
}

// loginMech is the LOGIN SASL mechanism (draft-murchison-sasl-login): the
// user name, then the password, whatever the challenge text says (servers
// send "Username:", "User Name", or nothing).
type loginMech struct {
	user, password string
	step           int
}

func (m *loginMech) Start() (string, []byte, error) { return "LOGIN", nil, nil }

func (m *loginMech) Next([]byte) ([]byte, error) {
	m.step++
	switch m.step {
	case 1:
		return []byte(m.user), nil
	case 2:
		return []byte(m.password), nil
	}
	return nil, errors.New("LOGIN mechanism: unexpected extra challenge")
}

// ProxyAuth assumes another user's identity with PROXYAUTH (imaplib
// proxyauth; no RFC: a Sun/iPlanet extension, also in Cyrus as an admin
// command).
func (c *Client) ProxyAuth(ctx context.Context, user string) (*Result, error) {
	return c.run(ctx, "PROXYAUTH", Needs.ProxyAuth, "", func(a *wire.Command) { a.AString(user) })
}
