package client

import (
	"bytes"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strings"
)

// ErrNoGreeting: the server said nothing within the greeting timeout
// (RFC 9051 section 7.1: a server greets as soon as the connection is
// open). A port that speaks TLS from the first byte (imaps, 993) stays
// silent like this when it is dialled without TLS: it waits for the
// client's TLS handshake.
var ErrNoGreeting = errors.New("client: timed out waiting for the server's greeting")

// SecurityMismatchError is a connection whose first bytes show that the
// port speaks the other kind of connection than the one asked for:
//
//   - ServerTLS: a TLS record (RFC 8446 section 5.1: content type 22
//     handshake or 21 alert, version 3.x) came where the IMAP greeting
//     belongs, so the port speaks TLS from the first byte (imaps, 993)
//     and was dialled for plaintext or STARTTLS.
//   - !ServerTLS: the server answered our TLS handshake with a plaintext
//     IMAP greeting, so it is a plaintext or STARTTLS port (imap, 143)
//     dialled for implicit TLS.
//
// The connection is closed; nothing but a TLS ClientHello was sent.
type SecurityMismatchError struct {
	ServerTLS bool
	Greeting  string // the plaintext greeting line seen (!ServerTLS), at most 200 bytes
}

// Error says what the server sent in place of what was expected, and so
// whether the port speaks TLS from the first byte.
func (e *SecurityMismatchError) Error() string {
	if e.ServerTLS {
		return "client: the server sent a TLS record where the IMAP greeting belongs: this port speaks TLS from the first byte"
	}
	return fmt.Sprintf("client: TLS: the server answered the TLS handshake with a plaintext IMAP greeting %q: this port does not speak TLS from the first byte", e.Greeting)
}

// isTLSRecord reports whether b starts like a TLS record from a server:
// a handshake (22) or alert (21) record of version 3.x. No IMAP greeting
// starts with these bytes (it starts with "* ").
func isTLSRecord(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0x16 || b[0] == 0x15) && b[1] == 0x03
}

// sniffGreeting looks at the first bytes of a connection before they are
// parsed as the greeting: a TLS record there is a SecurityMismatchError,
// and silence until the deadline is ErrNoGreeting. Other read errors are
// left to the greeting parser, which reports them as before.
func (c *Client) sniffGreeting() error {
	b, err := c.br.Peek(2)
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout():
		c.fatal(err)
		return fmt.Errorf("%w (%v)", ErrNoGreeting, c.opts.GreetingTimeout)
	case err == nil && !c.tls && isTLSRecord(b):
		c.fatal(ErrClosed)
		return &SecurityMismatchError{ServerTLS: true}
	}
	return nil
}

// plaintextGreeting turns a failed TLS handshake whose first "record" was
// an IMAP greeting (crypto/tls reports a RecordHeaderError holding the
// first 5 bytes) into a SecurityMismatchError quoting the greeting line
// that conn recorded; any other error is returned as it is.
func plaintextGreeting(err error, conn *firstBytesConn) error {
	var rhe tls.RecordHeaderError
	if !errors.As(err, &rhe) || !bytes.HasPrefix(rhe.RecordHeader[:], []byte("* ")) {
		return err
	}
	line, _, _ := bytes.Cut(conn.first, []byte("\n"))
	return &SecurityMismatchError{Greeting: printable(string(line))}
}

// firstBytesConn is a connection that keeps a copy of the first bytes it
// reads (up to the capacity of first), so that a failed TLS handshake can
// say what the server sent instead.
type firstBytesConn struct {
	net.Conn
	first []byte
}

func newFirstBytesConn(conn net.Conn) *firstBytesConn {
	return &firstBytesConn{Conn: conn, first: make([]byte, 0, 200)}
}

func (c *firstBytesConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if room := cap(c.first) - len(c.first); room > 0 {
		c.first = append(c.first, p[:min(n, room)]...)
	}
	return n, err
}

// printable drops the line end and replaces control bytes, so that a
// server's bytes cannot move the user's cursor.
func printable(s string) string {
	s = strings.TrimRight(s, "\r\n")
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '?'
		}
		return r
	}, s)
}
