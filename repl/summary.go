package repl

import (
	"crypto/tls"

	"imapsh/client"
	"imapsh/internal/redact"
	"imapsh/render"
)

// The connect summary (issue 11): one line on stderr when a session
// starts (interactively) and after \connect and \reconnect, saying where
// the session goes, over what TLS, what the server greeted with, how it
// logged in, and what the capability list became at login, summed up:
// the capability command shows it whole.

// connection sums up the session's connection.
func (s *Session) connection() render.Connection {
	c := render.Connection{Security: s.securityWord(), Caps: s.c.Caps()}
	if s.target != nil {
		c.URL = redact.URL(s.target.URL)
	}
	if cs, ok := s.c.TLSConnectionState(); ok {
		c.TLSVersion, c.Cipher = tls.VersionName(cs.Version), tls.CipherSuiteName(cs.CipherSuite)
	}
	if g := s.c.Greeting(); g != nil {
		c.Greeting = g.Text
	}
	if a, ok := s.c.Auth(); ok {
		c.Login, c.CapsBefore = a.Method, a.CapsBefore
		if a.Mechanism != "" {
			c.Login += " " + a.Mechanism
		}
	}
	return c
}

// securityWord is "implicit-tls", "starttls", "plaintext" or "stream":
// what the connection is, not only what the URL asked (--plaintext turns
// imap:// into plaintext).
func (s *Session) securityWord() string {
	switch {
	case s.target != nil && len(s.target.Stream) > 0:
		return "stream"
	case !s.c.IsTLS():
		return "plaintext"
	case s.target != nil && s.target.Security == client.StartTLS:
		return "starttls"
	}
	return "implicit-tls"
}

// showConnection writes the summary line to stderr, and with --json puts
// it in the meta-command's object.
func (s *Session) showConnection() {
	if !s.connected() {
		return
	}
	c := s.connection()
	render.ConnectionLine(s.stderr, c, s.renderOptions())
	if s.json {
		s.shellJSON().Connected = &c
	}
}
