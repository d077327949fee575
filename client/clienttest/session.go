package clienttest

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"testing"
	"time"
)

// stepTimeout bounds every read and write the server makes for one step.
// endGrace is how long the server waits after the last step for stray bytes.
var (
	stepTimeout = 10 * time.Second
	endGrace    = 50 * time.Millisecond
)

// session plays one transcript on one server-side connection.
type session struct {
	t    testing.TB
	name string // transcript file path, or "transcript"

	mu      sync.Mutex
	raw     net.Conn // the accepted TCP connection; closing it stops everything
	aborted bool     // the test already failed: stop quietly

	conn net.Conn // raw, or TLS over it; used only by the playing goroutine
	r    *bufio.Reader
}

func newSession(t testing.TB, name string) *session {
	return &session{t: t, name: name}
}

// attach gives the session its connection; conn is raw or TLS over raw. It
// reports false (and closes raw) if the session was aborted meanwhile.
func (s *session) attach(raw, conn net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.aborted {
		raw.Close()
		return false
	}
	s.raw, s.conn, s.r = raw, conn, bufio.NewReader(conn)
	return true
}

// abort stops the session from another goroutine without reporting more.
func (s *session) abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.aborted = true
	if s.raw != nil {
		s.raw.Close()
	}
}

// failf reports a failure unless the session was aborted.
func (s *session) failf(format string, args ...any) {
	s.mu.Lock()
	aborted := s.aborted
	s.mu.Unlock()
	if !aborted {
		s.t.Errorf(format, args...)
	}
}

// play runs the steps, then checks the client stays quiet, then closes.
func (s *session) play(steps []Step) {
	defer func() { s.conn.Close() }()
	for i := 0; i < len(steps); {
		n, err := s.run(steps[i:])
		if err != nil {
			s.failf("%s:%d: %v", s.name, steps[i].Line, err)
			return
		}
		i += n
	}
	if len(steps) > 0 && steps[len(steps)-1].isFinal() {
		return
	}
	if got, _ := s.readAny(endGrace); len(got) > 0 {
		s.failf("%s: client sent %q after the end of the transcript", s.name, got)
	}
}

// run plays the first step (or the first run of sends) and says how many
// steps it used.
func (s *session) run(steps []Step) (int, error) {
	switch step := steps[0]; step.Kind {
	case KindSend:
		n := 1
		for n < len(steps) && steps[n].Kind == KindSend {
			n++
		}
		return n, s.send(steps[:n])
	case KindExpect:
		return 1, s.expect(step.Data)
	case KindStartTLS:
		return 1, s.startTLS()
	case KindClose:
		s.conn.Close()
		return 1, nil
	case KindEOF:
		return 1, s.expectEOF()
	case KindSleep:
		time.Sleep(step.Delay)
		return 1, nil
	default:
		return 1, fmt.Errorf("unknown step kind %d", int(step.Kind))
	}
}

// send writes the data of consecutive S: steps in one write. A client that
// has gone away is not an error here: the next C: or !eof step decides.
func (s *session) send(steps []Step) error {
	var buf []byte
	for _, step := range steps {
		buf = append(buf, step.Data...)
	}
	s.conn.SetWriteDeadline(time.Now().Add(stepTimeout))
	if _, err := s.conn.Write(buf); isTimeout(err) {
		return fmt.Errorf("client read nothing for %v while the server sent %q", stepTimeout, buf)
	}
	return nil
}

// expect reads what the client sends in place of want and compares it.
func (s *session) expect(want []byte) error {
	s.conn.SetReadDeadline(time.Now().Add(stepTimeout))
	got, err := readLike(s.r, want)
	switch {
	case err == nil && bytes.Equal(got, want):
		return nil
	case err == nil:
		return fmt.Errorf("client sent %q, want %q", got, want)
	case isTimeout(err):
		return fmt.Errorf("client sent %q and then nothing for %v, want %q", got, stepTimeout, want)
	case errors.Is(err, io.EOF):
		return fmt.Errorf("client closed the connection after sending %q, want %q", got, want)
	default:
		return fmt.Errorf("reading from client after %q: %v, want %q", got, err, want)
	}
}

// readLike reads as many bytes as want would span: up to each LF in want, then
// any tail after its last LF. It stops early once got stops matching want.
func readLike(r *bufio.Reader, want []byte) ([]byte, error) {
	var got []byte
	for range bytes.Count(want, []byte("\n")) {
		line, err := r.ReadBytes('\n')
		got = append(got, line...)
		if err != nil || !bytes.HasPrefix(want, got) {
			return got, err
		}
	}
	tail := make([]byte, len(want)-len(got))
	n, err := io.ReadFull(r, tail)
	return append(got, tail[:n]...), err
}

// startTLS runs the server side of the TLS handshake on the connection.
func (s *session) startTLS() error {
	if n := s.r.Buffered(); n > 0 {
		early, _ := s.r.Peek(n)
		return fmt.Errorf("client sent %q before the TLS handshake (it must wait for the tagged OK)", early)
	}
	tlsConn := tls.Server(s.conn, serverTLSConfig())
	tlsConn.SetDeadline(time.Now().Add(stepTimeout))
	if err := tlsConn.Handshake(); err != nil {
		return fmt.Errorf("TLS handshake: %v", err)
	}
	tlsConn.SetDeadline(time.Time{})
	s.conn, s.r = tlsConn, bufio.NewReader(tlsConn)
	return nil
}

// expectEOF requires the client to close without sending anything more.
func (s *session) expectEOF() error {
	got, err := s.readAny(stepTimeout)
	switch {
	case len(got) > 0:
		return fmt.Errorf("client sent %q, want it to close the connection", got)
	case isTimeout(err):
		return fmt.Errorf("client did not close the connection within %v", stepTimeout)
	}
	return nil
}

// readAny reads whatever the client sends within d.
func (s *session) readAny(d time.Duration) ([]byte, error) {
	s.conn.SetReadDeadline(time.Now().Add(d))
	buf := make([]byte, 4096)
	n, err := s.r.Read(buf)
	return buf[:n], err
}

// isTimeout reports whether err is a deadline expiry.
func isTimeout(err error) bool {
	return errors.Is(err, os.ErrDeadlineExceeded)
}
