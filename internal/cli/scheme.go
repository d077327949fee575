package cli

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strconv"

	"imapsh/client"
)

// SchemeError is a connection failure that points at the other URL
// scheme (issue 11, defect 8): the port spoke TLS where imap:// expected
// a plaintext greeting, greeted in plaintext when imaps:// started TLS,
// or stayed silent to imap:// as a TLS port does. Hint suggests Try.
type SchemeError struct {
	Err error
	Why string // what the port's behaviour says, for the hint
	Try string // the same endpoint with the other scheme
}

// Error is the client's error.
func (e *SchemeError) Error() string { return e.Err.Error() }

// Unwrap returns the client's error.
func (e *SchemeError) Unwrap() error { return e.Err }

// schemeHint wraps err in a SchemeError when it shows that e's port
// speaks the other kind of connection than the one asked.
func schemeHint(e Endpoint, asked client.Security, err error) error {
	var mismatch *client.SecurityMismatchError
	switch {
	case errors.As(err, &mismatch) && mismatch.ServerTLS:
		return &SchemeError{err, "this port speaks TLS from the first byte", e.URL(client.ImplicitTLS)}
	case errors.As(err, &mismatch):
		return &SchemeError{err, "this port greets in plaintext (imap://, upgraded with STARTTLS)", e.URL(client.StartTLS)}
	case errors.Is(err, client.ErrNoGreeting) && asked != client.ImplicitTLS:
		return &SchemeError{err, "a port that speaks TLS from the first byte stays silent like this until the client starts TLS", e.URL(client.ImplicitTLS)}
	}
	return err
}

// warnImapsPort warns at once when imap:// (a plaintext greeting, then
// STARTTLS) is pointed at 993, the port of implicit TLS (RFC 8314
// section 7.3), where a server waits silently for a TLS handshake.
func warnImapsPort(w io.Writer, e Endpoint, asked client.Security) {
	if asked == client.ImplicitTLS || e.Port != 993 || len(e.Stream) > 0 {
		return
	}
	fmt.Fprintf(w, "warning: port 993 is the imaps port (TLS from the first byte), but imap:// waits for a plaintext greeting; if none comes, use %s\n", e.URL(client.ImplicitTLS))
}

// URL is the endpoint as a URL with the scheme of sec: imaps:// for
// implicit TLS, imap:// otherwise (the password is never part of it).
func (e Endpoint) URL(sec client.Security) string {
	u := url.URL{Scheme: "imap", Host: net.JoinHostPort(e.Host, strconv.Itoa(e.Port))}
	if sec == client.ImplicitTLS {
		u.Scheme = "imaps"
	}
	if e.User != "" {
		user := e.User
		if e.Mech != "" {
			user += ";AUTH=" + e.Mech
		}
		u.User = url.User(user)
	}
	if e.Mailbox != "" {
		u.Path = "/" + e.Mailbox
	}
	return u.String()
}
