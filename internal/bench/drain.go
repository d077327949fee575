package main

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"

	"imapsh/client"
)

// rawConn is a bare IMAP connection: it only writes commands and reads
// lines, literals skipped, up to a tag.
type rawConn struct {
	conn net.Conn
	r    *bufio.Reader
}

// setupDrain logs in and examines the mailbox over a raw connection; the
// returned fetch drains the FETCH answer without parsing it.
func setupDrain(cfg config) (fetchFunc, error) {
	rc, err := dialRaw(cfg)
	if err != nil {
		return nil, err
	}
	if _, err := rc.command("l", "LOGIN "+quote(cfg.User)+" "+quote(cfg.Pass)); err != nil {
		return nil, err
	}
	if _, err := rc.command("s", "EXAMINE "+quote(cfg.Mailbox)); err != nil {
		return nil, err
	}
	return func() (int, int64, error) {
		return rc.drain("f", cfg.rawCommand())
	}, nil
}

// setupLogin connects and logs in over a raw connection; the returned
// fetch logs out. Run as a whole process, it is the least a client must do
// before its first prompt: start, connect, TLS, LOGIN.
func setupLogin(cfg config) (fetchFunc, error) {
	rc, err := dialRaw(cfg)
	if err != nil {
		return nil, err
	}
	if _, err := rc.command("l", "LOGIN "+quote(cfg.User)+" "+quote(cfg.Pass)); err != nil {
		return nil, err
	}
	return func() (int, int64, error) {
		_, err := rc.command("o", "LOGOUT")
		return 0, 0, err
	}, nil
}

// tlsConfig verifies the server at Addr against CAFile, for the clients
// that dial TLS themselves (the raw drain, go-imap).
func (c config) tlsConfig() (*tls.Config, error) {
	host, _, err := net.SplitHostPort(c.Addr)
	if err != nil {
		return nil, err
	}
	return client.TLSOptions{CAFile: c.CAFile}.TLSConfig(host)
}

func dialRaw(cfg config) (*rawConn, error) {
	tlsCfg, err := cfg.tlsConfig()
	if err != nil {
		return nil, err
	}
	conn, err := net.Dial("tcp", cfg.Addr)
	if err != nil {
		return nil, err
	}
	if cfg.Security == "tls" {
		conn = tls.Client(conn, tlsCfg)
	}
	rc := &rawConn{conn: conn, r: bufio.NewReaderSize(conn, 64<<10)}
	if _, err := rc.r.ReadString('\n'); err != nil { // greeting
		return nil, err
	}
	if cfg.Security == "starttls" {
		if _, err := rc.command("t", "STARTTLS"); err != nil {
			return nil, err
		}
		conn = tls.Client(conn, tlsCfg)
		rc = &rawConn{conn: conn, r: bufio.NewReaderSize(conn, 64<<10)}
	}
	return rc, nil
}

// command sends one command and waits for its tagged OK.
func (rc *rawConn) command(tag, cmd string) (int64, error) {
	_, n, err := rc.drain(tag, cmd)
	return n, err
}

// drain sends a command and reads its answer to the tagged completion,
// counting bytes and untagged responses; literals are skipped unread so a
// line inside one never looks like the tag.
func (rc *rawConn) drain(tag, cmd string) (int, int64, error) {
	if _, err := io.WriteString(rc.conn, tag+" "+cmd+"\r\n"); err != nil {
		return 0, 0, err
	}
	var total int64
	untagged, lineStart := 0, true
	prefix := []byte(tag + " ")
	for {
		line, err := rc.r.ReadSlice('\n')
		total += int64(len(line))
		if err == bufio.ErrBufferFull {
			lineStart = false
			continue
		}
		if err != nil {
			return untagged, total, err
		}
		if lineStart && bytes.HasPrefix(line, prefix) {
			if !bytes.HasPrefix(line[len(prefix):], []byte("OK")) {
				return untagged, total, fmt.Errorf("%s: %s", cmd, strings.TrimSpace(string(line)))
			}
			return untagged, total, nil
		}
		if lineStart && line[0] == '*' {
			untagged++
		}
		n, ok := literalSize(line)
		if ok {
			skipped, err := rc.r.Discard(int(n))
			total += int64(skipped)
			if err != nil {
				return untagged, total, err
			}
		}
		lineStart = !ok
	}
}

// literalSize reads a {n} or {n+} at the end of a line.
func literalSize(line []byte) (int64, bool) {
	line = bytes.TrimRight(line, "\r\n")
	if len(line) < 3 || line[len(line)-1] != '}' {
		return 0, false
	}
	open := bytes.LastIndexByte(line, '{')
	if open < 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.TrimSuffix(string(line[open+1:len(line)-1]), "+"), 10, 64)
	return n, err == nil
}

// quote makes an IMAP quoted string.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
