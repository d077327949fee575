package servers

import (
	"bufio"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
)

// rawTimeout bounds every conversation of the raw helper client.
const rawTimeout = 30 * time.Second

// rawConn is a deliberately tiny line-based IMAP client used only to check
// readiness, autocreate Cyrus accounts and deliver test messages. It does
// not parse responses beyond tags and status words, and it assumes that
// responses to its few commands carry no literals.
type rawConn struct {
	conn     net.Conn
	r        *bufio.Reader
	greeting string
	tag      int
}

// dialRaw connects to addr (with TLS if cfg is not nil) and reads the
// server greeting, which must be "* OK" or "* PREAUTH".
func dialRaw(addr string, cfg *tls.Config) (*rawConn, error) {
	return dialRawTimeout(addr, cfg, rawTimeout)
}

// dialRawTimeout is dialRaw with the whole conversation bounded by timeout.
func dialRawTimeout(addr string, cfg *tls.Config, timeout time.Duration) (*rawConn, error) {
	d := &net.Dialer{Timeout: timeout}
	var conn net.Conn
	var err error
	if cfg != nil {
		conn, err = tls.DialWithDialer(d, "tcp", addr, cfg)
	} else {
		conn, err = d.Dial("tcp", addr)
	}
	if err != nil {
		return nil, err
	}
	conn.SetDeadline(time.Now().Add(timeout))
	c := &rawConn{conn: conn, r: bufio.NewReader(conn)}
	if c.greeting, err = c.readLine(); err != nil {
		conn.Close()
		return nil, fmt.Errorf("read greeting: %w", err)
	}
	if !strings.HasPrefix(c.greeting, "* OK") && !strings.HasPrefix(c.greeting, "* PREAUTH") {
		conn.Close()
		return nil, fmt.Errorf("unexpected greeting %q", c.greeting)
	}
	return c, nil
}

// probeGreeting reports whether addr answers with an IMAP greeting within
// timeout.
func probeGreeting(addr string, cfg *tls.Config, timeout time.Duration) error {
	c, err := dialRawTimeout(addr, cfg, timeout)
	if err != nil {
		return err
	}
	return c.conn.Close()
}

// readLine returns the next response line without its CRLF.
func (c *rawConn) readLine() (string, error) {
	line, err := c.r.ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// send writes one command (raw bytes after the tag, CRLF appended) and reads
// up to its tagged response. It returns the untagged lines and an error
// unless the status is OK.
func (c *rawConn) send(command []byte) ([]string, error) {
	c.tag++
	tag := "r" + strconv.Itoa(c.tag)
	if _, err := c.conn.Write(append(append([]byte(tag+" "), command...), "\r\n"...)); err != nil {
		return nil, err
	}
	var untagged []string
	for {
		line, err := c.readLine()
		if err != nil {
			return untagged, err
		}
		if rest, ok := strings.CutPrefix(line, tag+" "); ok {
			if !strings.HasPrefix(rest, "OK") {
				return untagged, fmt.Errorf("%s: %s", firstWord(command), rest)
			}
			return untagged, nil
		}
		untagged = append(untagged, line)
	}
}

// authenticatePlain logs in with AUTHENTICATE PLAIN and an initial response
// (RFC 4959 SASL-IR, RFC 4616), which carries UTF-8 passwords unchanged.
func (c *rawConn) authenticatePlain(user, password string) error {
	ir := base64.StdEncoding.EncodeToString([]byte("\x00" + user + "\x00" + password))
	_, err := c.send([]byte("AUTHENTICATE PLAIN " + ir))
	return err
}

// appendMessages stores msgs in mailbox, one APPEND each with a
// synchronizing literal: every server takes that (Courier has neither
// MULTIAPPEND nor LITERAL+).
func (c *rawConn) appendMessages(mailbox string, msgs [][]byte) error {
	for _, msg := range msgs {
		c.tag++
		tag := "r" + strconv.Itoa(c.tag)
		header := tag + " APPEND " + quote(mailbox) + " {" + strconv.Itoa(len(msg)) + "}\r\n"
		if _, err := c.conn.Write([]byte(header)); err != nil {
			return err
		}
		if err := c.awaitContinuation(tag); err != nil {
			return err
		}
		if _, err := c.conn.Write(msg); err != nil {
			return err
		}
		if _, err := c.conn.Write([]byte("\r\n")); err != nil {
			return err
		}
		if err := c.awaitTagged(tag, "APPEND"); err != nil {
			return err
		}
	}
	return nil
}

// awaitContinuation reads up to the server's "+", failing on the tagged
// answer (a NO or BAD instead of the continuation).
func (c *rawConn) awaitContinuation(tag string) error {
	for {
		line, err := c.readLine()
		if err != nil {
			return err
		}
		if strings.HasPrefix(line, "+") {
			return nil
		}
		if rest, ok := strings.CutPrefix(line, tag+" "); ok {
			return fmt.Errorf("APPEND: %s", rest)
		}
	}
}

// awaitTagged reads up to the tagged answer and fails unless it is OK.
func (c *rawConn) awaitTagged(tag, command string) error {
	for {
		line, err := c.readLine()
		if err != nil {
			return err
		}
		if rest, ok := strings.CutPrefix(line, tag+" "); ok {
			if !strings.HasPrefix(rest, "OK") {
				return fmt.Errorf("%s: %s", command, rest)
			}
			return nil
		}
	}
}

// close says LOGOUT and closes the connection.
func (c *rawConn) close() error {
	_, err := c.send([]byte("LOGOUT"))
	if cerr := c.conn.Close(); err == nil {
		err = cerr
	}
	return err
}

// quote returns s as an IMAP quoted string (RFC 9051 section 4.3).
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// firstWord returns the command name of a raw command, for error messages
// that must not repeat credentials or message bodies.
func firstWord(command []byte) string {
	word, _, _ := strings.Cut(string(command), " ")
	return word
}
