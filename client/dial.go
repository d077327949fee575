package client

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Security is how a connection is protected.
type Security int

// The connection security modes.
const (
	// ImplicitTLS speaks TLS from the first byte (imaps, port 993).
	ImplicitTLS Security = iota
	// StartTLS connects in the clear and requires STARTTLS (RFC 9051
	// section 6.2.1) before anything else; it never falls back.
	StartTLS
	// Plaintext uses no TLS at all; only on explicit request.
	Plaintext
)

// DialOptions configure Dial.
type DialOptions struct {
	Options
	Security       Security
	TLS            TLSOptions
	ConnectTimeout time.Duration // 0 means 30 s
}

// Dial connects to addr (host:port) with the requested security and reads
// the greeting. With StartTLS it upgrades before returning, or fails: no
// credential is ever sent in the clear.
func Dial(ctx context.Context, addr string, opts DialOptions) (*Client, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	var cfg *tls.Config
	if opts.Security != Plaintext {
		if cfg, err = opts.TLS.TLSConfig(host); err != nil {
			return nil, err
		}
	}
	timeout := opts.ConnectTimeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	dialer := &net.Dialer{Timeout: timeout}
	conn, err := dialer.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("client: connect: %w", err)
	}
	if opts.Security == ImplicitTLS {
		tconn, err := handshake(ctx, conn, cfg, timeout)
		if err != nil {
			return nil, err
		}
		return greet(ctx, tconn, &opts.Options)
	}
	c, err := greet(ctx, conn, &opts.Options)
	if err != nil || opts.Security == Plaintext {
		return c, err
	}
	if err := c.requireStartTLS(ctx, cfg); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// greet is New, given up when ctx ends (Ctrl-C during \connect) as
// the TCP connect and the TLS handshake are: the greeting timeout is for
// a server that stays silent, not for a user who stopped waiting.
func greet(ctx context.Context, conn net.Conn, opts *Options) (*Client, error) {
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	c, err := New(conn, opts)
	if !stop() { // ctx ended: conn was closed under New
		if c != nil {
			c.Close()
		}
		return nil, fmt.Errorf("client: waiting for the greeting: %w", context.Cause(ctx))
	}
	return c, err
}

// handshake starts implicit TLS on conn, within timeout. A server that
// answers with a plaintext IMAP greeting gets a SecurityMismatchError.
func handshake(ctx context.Context, conn net.Conn, cfg *tls.Config, timeout time.Duration) (*tls.Conn, error) {
	sniff := newFirstBytesConn(newBufferedConn(conn))
	tconn := tls.Client(sniff, cfg)
	hctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	err := tconn.HandshakeContext(hctx)
	if err == nil {
		return tconn, nil
	}
	conn.Close()
	err = plaintextGreeting(err, sniff)
	var mismatch *SecurityMismatchError
	if errors.As(err, &mismatch) {
		return nil, err
	}
	return nil, fmt.Errorf("client: TLS: %w", err)
}

// requireStartTLS upgrades a fresh connection or fails.
func (c *Client) requireStartTLS(ctx context.Context, cfg *tls.Config) error {
	if c.state != StateNotAuthenticated {
		return fmt.Errorf("%w: the server greeted with PREAUTH, so STARTTLS is impossible; refusing the unencrypted session", ErrTLSRequired)
	}
	return c.StartTLS(ctx, cfg)
}

// DialCommand runs argv and speaks IMAP over its stdin and stdout, like
// Python's imaplib.IMAP4_stream (for example `/usr/lib/dovecot/imap` as a
// PREAUTH session). The command's stderr goes to stderr (nil discards it).
func DialCommand(ctx context.Context, argv []string, stderr io.Writer, opts *Options) (*Client, error) {
	if len(argv) == 0 {
		return nil, fmt.Errorf("client: empty command")
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stderr = stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("client: start %s: %w", strings.Join(argv, " "), err)
	}
	return New(&cmdConn{cmd: cmd, in: in, out: out}, opts)
}

// cmdConn joins a command's pipes into one connection.
type cmdConn struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out io.ReadCloser
}

func (c *cmdConn) Read(p []byte) (int, error) { return c.out.Read(p) }

// SetReadDeadline bounds reads from the command's stdout (a pipe the
// runtime poller watches), so greeting and command timeouts apply to
// --stream sessions too.
func (c *cmdConn) SetReadDeadline(t time.Time) error {
	if f, ok := c.out.(*os.File); ok {
		return f.SetReadDeadline(t)
	}
	return nil
}

// SetDeadline sets the read deadline: writes to the pipe do not block
// for long.
func (c *cmdConn) SetDeadline(t time.Time) error { return c.SetReadDeadline(t) }
func (c *cmdConn) Write(p []byte) (int, error)   { return c.in.Write(p) }

// Close closes stdin, gives the command a moment to exit, then kills it.
func (c *cmdConn) Close() error {
	c.in.Close()
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		c.cmd.Process.Kill()
		<-done
	}
	return nil
}
