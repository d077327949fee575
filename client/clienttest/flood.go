package clienttest

import (
	"bufio"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// Flood is a fake IMAP server for hostile-server tests of bounded memory.
// Unlike a transcript it generates its answers while it writes them, so a
// test can send gigabytes (or a deflate bomb) without holding them itself.
//
// It greets, then answers each command line it reads: COMPRESS DEFLATE
// (RFC 4978) with OK and deflate both ways from then on, LOGOUT with BYE,
// a command named in Answers with the next Answer queued for it, and any
// other command with a plain tagged OK.
type Flood struct {
	// Greeting is the first line, without CRLF; "" gives a PREAUTH
	// greeting announcing COMPRESS=DEFLATE and LITERAL+.
	Greeting string
	// Answers are the replies to the first commands of a name (upper
	// case, as "NOOP" or "UID FETCH"), in order; later ones get OK.
	Answers map[string][]Answer
	// Level is the deflate level after COMPRESS; 0 means BestCompression.
	Level int

	sent atomic.Int64 // bytes written to the connection (compressed or not)
}

// Sent returns how many bytes the server has written to the connection:
// after COMPRESS, the deflated size.
func (f *Flood) Sent() int64 { return f.sent.Load() }

// countingWriter counts what goes through to the connection.
type countingWriter struct {
	w io.Writer
	n *atomic.Int64
}

func (c countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n.Add(int64(n))
	return n, err
}

// Answer writes the server's reply to one command: untagged data, then
// the tagged completion for tag.
type Answer func(w io.Writer, tag string) error

// Lines answers with n copies of one untagged line (given without CRLF),
// then the tagged OK.
func Lines(line string, n int) Answer {
	return func(w io.Writer, tag string) error {
		one := []byte(line + "\r\n")
		chunk := bytes.Repeat(one, max(1, (64<<10)/len(one)))
		per := len(chunk) / len(one)
		for left := n; left > 0; left -= per {
			if _, err := w.Write(chunk[:min(left, per)*len(one)]); err != nil {
				return err
			}
		}
		return tagged(w, tag)
	}
}

// FetchLiterals answers with one FETCH response for message seq carrying
// count body sections (BODY[1], BODY[2], ...) of size bytes each, as
// literals, then the tagged OK.
func FetchLiterals(seq uint32, count int, size int64) Answer {
	return func(w io.Writer, tag string) error {
		fmt.Fprintf(w, "* %d FETCH (", seq)
		for i := 1; i <= count; i++ {
			if i > 1 {
				io.WriteString(w, " ")
			}
			fmt.Fprintf(w, "BODY[%d] {%d}\r\n", i, size)
			if err := writeFiller(w, size); err != nil {
				return err
			}
		}
		io.WriteString(w, ")\r\n")
		return tagged(w, tag)
	}
}

// writeFiller writes n bytes of message-like text.
func writeFiller(w io.Writer, n int64) error {
	line := []byte(strings.Repeat("x", 76) + "\r\n")
	chunk := bytes.Repeat(line, (64<<10)/len(line))
	for n > 0 {
		k := min(n, int64(len(chunk)))
		if _, err := w.Write(chunk[:k]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

func tagged(w io.Writer, tag string) error {
	_, err := io.WriteString(w, tag+" OK done\r\n")
	return err
}

// Serve starts the server on a loopback TCP connection and returns the
// client side; the test's Cleanup closes it and waits for the server.
func (f *Flood) Serve(t testing.TB) net.Conn {
	t.Helper()
	ln := listenLoopback(t)
	defer ln.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatalf("clienttest: dialing %s: %v", ln.Addr(), err)
	}
	server, err := ln.Accept()
	if err != nil {
		conn.Close()
		t.Fatalf("clienttest: accepting: %v", err)
	}
	f.start(t, server)
	t.Cleanup(func() { conn.Close() })
	return conn
}

// Listen starts the server on a 127.0.0.1 listener for one connection
// (a separate process, such as the imapsh binary, may dial it) and returns
// its host:port.
func (f *Flood) Listen(t testing.TB) string {
	t.Helper()
	ln := listenLoopback(t)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		conn, err := ln.Accept()
		ln.Close()
		if err == nil {
			f.run(conn)
		}
	}()
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	return ln.Addr().String()
}

// start runs the server on conn until the client leaves; the test's
// Cleanup waits for it.
func (f *Flood) start(t testing.TB, conn net.Conn) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f.run(conn)
	}()
	t.Cleanup(func() { conn.Close(); <-done })
}

// floodConn is the server's side of one session: plain, then deflated.
type floodConn struct {
	raw     io.Writer // the connection, counting
	r       *bufio.Reader
	w       *bufio.Writer
	flusher *flate.Writer // nil before COMPRESS
	queued  map[string][]Answer
}

// run serves one connection until the client closes it or says LOGOUT.
func (f *Flood) run(conn net.Conn) {
	defer conn.Close()
	raw := countingWriter{w: conn, n: &f.sent}
	fc := &floodConn{raw: raw, r: bufio.NewReader(conn), w: bufio.NewWriterSize(raw, 64<<10), queued: map[string][]Answer{}}
	for name, answers := range f.Answers {
		fc.queued[name] = answers
	}
	greeting := f.Greeting
	if greeting == "" {
		greeting = "* PREAUTH [CAPABILITY IMAP4rev1 COMPRESS=DEFLATE LITERAL+] flood ready"
	}
	fc.w.WriteString(greeting + "\r\n")
	for fc.flush() == nil {
		tag, name, err := fc.readCommand()
		if err != nil || !fc.answer(f, tag, name) {
			return
		}
	}
}

// answer replies to one command; false ends the session.
func (fc *floodConn) answer(f *Flood, tag, name string) bool {
	switch name {
	case "LOGOUT":
		fc.w.WriteString("* BYE flood done\r\n" + tag + " OK bye\r\n")
		fc.flush()
		return false
	case "COMPRESS":
		tagged(fc.w, tag)
		if fc.flush() != nil {
			return false
		}
		fc.deflate(f.Level)
		return true
	}
	if q := fc.queued[name]; len(q) > 0 {
		fc.queued[name] = q[1:]
		return q[0](fc.w, tag) == nil
	}
	return tagged(fc.w, tag) == nil
}

// deflate switches both directions to DEFLATE (RFC 4978).
func (fc *floodConn) deflate(level int) {
	if level == 0 {
		level = flate.BestCompression
	}
	fw, _ := flate.NewWriter(fc.raw, level)
	fc.flusher = fw
	fc.w = bufio.NewWriterSize(fw, 64<<10)
	fc.r = bufio.NewReader(flate.NewReader(fc.r))
}

func (fc *floodConn) flush() error {
	if err := fc.w.Flush(); err != nil {
		return err
	}
	if fc.flusher != nil {
		return fc.flusher.Flush()
	}
	return nil
}

// readCommand reads one command line, skipping the data of any literals
// it carries (sending the continuation a synchronizing one waits for),
// and returns its tag and upper-case name ("UID FETCH" for UID commands).
func (fc *floodConn) readCommand() (tag, name string, err error) {
	var first string
	for {
		line, err := fc.r.ReadString('\n')
		if err != nil {
			return "", "", err
		}
		line = strings.TrimRight(line, "\r\n")
		if first == "" {
			first = line
		}
		n, plus, ok := trailingLiteral(line)
		if !ok {
			break
		}
		if !plus {
			fc.w.WriteString("+ go on\r\n")
			if err := fc.flush(); err != nil {
				return "", "", err
			}
		}
		if _, err := io.CopyN(io.Discard, fc.r, n); err != nil {
			return "", "", err
		}
	}
	words := strings.Fields(first)
	if len(words) < 2 {
		return "", "", fmt.Errorf("clienttest: not a command: %q", first)
	}
	name = strings.ToUpper(words[1])
	if name == "UID" && len(words) > 2 {
		name += " " + strings.ToUpper(words[2])
	}
	return words[0], name, nil
}

// trailingLiteral reads {n} or {n+} at the end of a command line.
func trailingLiteral(line string) (n int64, plus, ok bool) {
	open := strings.LastIndexByte(line, '{')
	if open < 0 || !strings.HasSuffix(line, "}") {
		return 0, false, false
	}
	digits := line[open+1 : len(line)-1]
	digits, plus = strings.CutSuffix(digits, "+")
	n, err := strconv.ParseInt(digits, 10, 64)
	return n, plus, err == nil
}
