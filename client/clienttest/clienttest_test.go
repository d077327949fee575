package clienttest

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// recorder is a testing.TB that records Errorf and Cleanup instead of acting,
// so a test can observe the fake server failing.
type recorder struct {
	testing.TB
	mu       sync.Mutex
	errs     []string
	cleanups []func()
}

func newRecorder(t *testing.T) *recorder { return &recorder{TB: t} }

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }

// finish runs the recorded cleanups (waiting for the server) and returns the
// reported failures.
func (r *recorder) finish() []string {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.errs
}

// client is a raw line client over a fake-server connection.
type client struct {
	t    *testing.T
	conn net.Conn
	r    *bufio.Reader
}

func newClient(t *testing.T, conn net.Conn) *client {
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	return &client{t: t, conn: conn, r: bufio.NewReader(conn)}
}

func (c *client) write(s string) {
	c.t.Helper()
	if _, err := io.WriteString(c.conn, s); err != nil {
		c.t.Fatalf("write %q: %v", s, err)
	}
}

func (c *client) readLine(want string) {
	c.t.Helper()
	got, err := c.r.ReadString('\n')
	if err != nil || got != want {
		c.t.Fatalf("read %q (err %v), want %q", got, err, want)
	}
}

func TestServePlaysSessionWithLiteral(t *testing.T) {
	conn := Serve(t, `
# greeting, then LOGIN with a synchronizing literal (RFC 9051 4.3)
S: * OK [CAPABILITY IMAP4rev1] ready
C: A1 LOGIN {5}
S: + ok
C: alice pw
S: A1 OK logged in
C: A2 LOGOUT
S: * BYE
S: A2 OK bye
`)
	c := newClient(t, conn)
	c.readLine("* OK [CAPABILITY IMAP4rev1] ready\r\n")
	c.write("A1 LOGIN {5}\r\n")
	c.readLine("+ ok\r\n")
	c.write("alice pw\r\n")
	c.readLine("A1 OK logged in\r\n")
	c.write("A2 LOGOUT\r\n")
	c.readLine("* BYE\r\n")
	c.readLine("A2 OK bye\r\n")
	conn.Close()
}

func TestServeReportsFailures(t *testing.T) {
	tests := []struct {
		name       string
		transcript string
		client     func(c *client)
		wantErr    []string // substrings of the single reported error
	}{
		{
			name:       "wrong line",
			transcript: "S: * OK hi\nC: A1 NOOP\nS: A1 OK",
			client:     func(c *client) { c.readLine("* OK hi\r\n"); c.write("A1 NOOP x\r\n") },
			wantErr:    []string{"transcript:2:", `"A1 NOOP x\r\n"`, `want "A1 NOOP\r\n"`},
		},
		{
			name:       "bare LF instead of CRLF",
			transcript: "C: A1 NOOP",
			client:     func(c *client) { c.write("A1 NOOP\n") },
			wantErr:    []string{"transcript:1:", `"A1 NOOP\n"`},
		},
		{
			name:       "client closes early",
			transcript: "S: * OK\nC: A1 CAPABILITY\nS: A1 OK",
			client:     func(c *client) { c.readLine("* OK\r\n"); c.conn.Close() },
			wantErr:    []string{"transcript:2:", "closed", `want "A1 CAPABILITY\r\n"`},
		},
		{
			name:       "extra data after the end",
			transcript: "C: A1 NOOP\nS: A1 OK",
			client:     func(c *client) { c.write("A1 NOOP\r\n"); c.readLine("A1 OK\r\n"); c.write("A2 NOOP\r\n") },
			wantErr:    []string{"after the end", `"A2 NOOP\r\n"`},
		},
		{
			name:       "data instead of eof",
			transcript: "S: * BYE\n!eof",
			client:     func(c *client) { c.readLine("* BYE\r\n"); c.write("A1 NOOP\r\n") },
			wantErr:    []string{"transcript:2:", "want it to close"},
		},
		{
			name:       "client pipelines after STARTTLS",
			transcript: "C: A1 STARTTLS\nS: A1 OK\n!starttls",
			client:     func(c *client) { c.write("A1 STARTTLS\r\nA2 NOOP\r\n"); c.readLine("A1 OK\r\n") },
			wantErr:    []string{"transcript:3:", `"A2 NOOP\r\n"`, "before the TLS handshake"},
		},
		{
			name:       "client stalls mid-line",
			transcript: "C: A1 NOOP",
			client:     func(c *client) { c.write("A1 NO"); time.Sleep(2 * stepTimeoutForTest) },
			wantErr:    []string{"transcript:1:", `"A1 NO" and then nothing`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			shortStepTimeout(t)
			rec := newRecorder(t)
			tt.client(newClient(t, Serve(rec, tt.transcript)))
			errs := rec.finish()
			if len(errs) != 1 {
				t.Fatalf("got %d errors %q, want 1", len(errs), errs)
			}
			for _, want := range tt.wantErr {
				if !strings.Contains(errs[0], want) {
					t.Errorf("error %q does not contain %q", errs[0], want)
				}
			}
		})
	}
}

const stepTimeoutForTest = 200 * time.Millisecond

// shortStepTimeout lowers the step timeout for one (non-parallel) test.
func shortStepTimeout(t *testing.T) {
	oldStep, oldGrace := stepTimeout, endGrace
	stepTimeout, endGrace = stepTimeoutForTest, stepTimeoutForTest
	t.Cleanup(func() { stepTimeout, endGrace = oldStep, oldGrace })
}

func TestServeUnfinishedTranscriptFails(t *testing.T) {
	rec := newRecorder(t)
	c := newClient(t, Serve(rec, "S: * OK\nC: A1 NOOP\nS: A1 OK"))
	c.readLine("* OK\r\n")
	// The test ends here without sending A1 NOOP.
	if errs := rec.finish(); len(errs) != 1 || !strings.Contains(errs[0], "transcript:2:") {
		t.Fatalf("errors %q, want one at transcript:2", errs)
	}
}

func TestConsecutiveServerLinesArriveInOneRead(t *testing.T) {
	conn := Serve(t, "S: * OK hi\nS: * CAPABILITY IMAP4rev1\nC: A1 NOOP\nS: A1 OK\n!close")
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if want := "* OK hi\r\n* CAPABILITY IMAP4rev1\r\n"; err != nil || string(buf[:n]) != want {
		t.Fatalf("first read %q (err %v), want %q", buf[:n], err, want)
	}
	io.WriteString(conn, "A1 NOOP\r\n")
	rest, err := io.ReadAll(conn) // !close ends the stream
	if string(rest) != "A1 OK\r\n" || err != nil {
		t.Fatalf("rest %q (err %v), want %q then EOF", rest, err, "A1 OK\r\n")
	}
}

const starttlsTranscript = `S: * OK [CAPABILITY IMAP4rev1 STARTTLS]
C: A1 STARTTLS
S: A1 OK begin TLS
!starttls
C: A2 NOOP
S: A2 OK done
!eof
`

// playStartTLS runs the client side of starttlsTranscript with roots.
func playStartTLS(t *testing.T, conn net.Conn, roots *x509.CertPool) error {
	c := newClient(t, conn)
	c.readLine("* OK [CAPABILITY IMAP4rev1 STARTTLS]\r\n")
	c.write("A1 STARTTLS\r\n")
	c.readLine("A1 OK begin TLS\r\n")
	tlsConn := tls.Client(conn, &tls.Config{RootCAs: roots, ServerName: "localhost"})
	defer tlsConn.Close()
	if err := tlsConn.Handshake(); err != nil {
		return err
	}
	c.conn, c.r = tlsConn, bufio.NewReader(tlsConn)
	c.write("A2 NOOP\r\n")
	c.readLine("A2 OK done\r\n")
	return nil
}

func TestStartTLSVerifiesWithRootCAs(t *testing.T) {
	if err := playStartTLS(t, Serve(t, starttlsTranscript), RootCAs()); err != nil {
		t.Fatalf("handshake: %v", err)
	}
}

func TestStartTLSUntrustedClientFailsHandshake(t *testing.T) {
	rec := newRecorder(t)
	err := playStartTLS(t, Serve(rec, starttlsTranscript), x509.NewCertPool())
	var unknown x509.UnknownAuthorityError
	if !errors.As(err, &unknown) {
		t.Fatalf("client handshake error %v, want an unknown authority", err)
	}
	if errs := rec.finish(); len(errs) != 1 || !strings.Contains(errs[0], "transcript:4: TLS handshake") {
		t.Fatalf("server errors %q, want a handshake failure at line 4", errs)
	}
}

func TestListenTLSWithCAFile(t *testing.T) {
	pemBytes, err := os.ReadFile(CAFile(t))
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pemBytes) {
		t.Fatal("CAFile holds no certificate")
	}
	addr := ListenTLS(t, "S: * OK imaps\nC: A1 LOGOUT\nS: A1 OK")
	conn, err := tls.Dial("tcp", addr, &tls.Config{RootCAs: roots, ServerName: "127.0.0.1"})
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	c := newClient(t, conn)
	c.readLine("* OK imaps\r\n")
	c.write("A1 LOGOUT\r\n")
	c.readLine("A1 OK\r\n")
	conn.Close()
}

func TestListenWithoutClientFails(t *testing.T) {
	rec := newRecorder(t)
	Listen(rec, "S: * OK")
	if errs := rec.finish(); len(errs) != 1 || !strings.Contains(errs[0], "no client connected") {
		t.Fatalf("errors %q, want no client connected", errs)
	}
}

func TestEscapedLinesOnTheWire(t *testing.T) {
	conn := Serve(t, `Sx: * OK \x00\\ok\c
Sx: \tmore\r\n\c
Cx: a\nb\x01\c
C: tail
`)
	c := newClient(t, conn)
	got := make([]byte, len("* OK \x00\\ok\tmore\r\n"))
	if _, err := io.ReadFull(c.r, got); err != nil || string(got) != "* OK \x00\\ok\tmore\r\n" {
		t.Fatalf("read %q (err %v)", got, err)
	}
	c.write("a\nb\x01tail\r\n")
	conn.Close()
}

func TestServeFileNamesTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trace.txt")
	if err := os.WriteFile(path, []byte("# recorded\nC: A1 NOOP\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rec := newRecorder(t)
	c := newClient(t, ServeFile(rec, path))
	c.write("A1 CHECK\r\n")
	if errs := rec.finish(); len(errs) != 1 || !strings.HasPrefix(errs[0], path+":2: ") {
		t.Fatalf("errors %q, want one starting with %s:2:", errs, path)
	}
}

// TestConsecutiveSendsAreOneWrite uses net.Pipe, where each Read returns data
// from a single Write, so the grouping is checked deterministically.
func TestConsecutiveSendsAreOneWrite(t *testing.T) {
	serverEnd, clientEnd := net.Pipe()
	s := newSession(t, inlineName)
	s.attach(serverEnd, serverEnd)
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.play(mustParse(t, inlineName, "S: * OK\nS: * BYE\nSx: x\\c\n!sleep 1ms\nS: y"))
	}()
	clientEnd.SetDeadline(time.Now().Add(10 * time.Second))
	for _, want := range []string{"* OK\r\n* BYE\r\nx", "y\r\n"} {
		buf := make([]byte, 1024)
		n, err := clientEnd.Read(buf)
		if err != nil || string(buf[:n]) != want {
			t.Errorf("read %q (err %v), want %q", buf[:n], err, want)
		}
	}
	clientEnd.Close()
	<-done
}
