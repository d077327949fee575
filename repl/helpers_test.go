package repl

import (
	"context"
	"imapsh/client/clienttest"
	"io"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/history"
	"imapsh/internal/demo"
)

// scripted is a LineSource over fixed lines.
type scripted struct {
	lines       []string
	next        int
	interactive bool
	added       []string
	errs        map[int]error // returned instead of the line at that index
	// before, when set, runs before a line is handed out (by index).
	before func(i int)
}

func (s *scripted) ReadLine(string) (string, error) {
	if s.next >= len(s.lines) {
		return "", io.EOF
	}
	if s.before != nil {
		s.before(s.next)
	}
	s.next++
	if err := s.errs[s.next-1]; err != nil {
		return "", err
	}
	return s.lines[s.next-1], nil
}

func (s *scripted) Interactive() bool      { return s.interactive }
func (s *scripted) AddHistory(line string) { s.added = append(s.added, line) }

// startDemo starts the embedded demo server for one test.
func startDemo(t *testing.T) *demo.Server {
	t.Helper()
	srv, err := demo.Start(demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// demoConnector dials the demo server in plaintext, logs in when the
// target names a user and selects its mailbox.
func demoConnector(srv *demo.Server, trace client.Tracer) Connector {
	return func(ctx context.Context, t *Target) (*client.Client, error) {
		c, err := client.Dial(ctx, srv.Addr, client.DialOptions{Security: client.Plaintext,
			Options: client.Options{AllowPlaintextAuth: true, Trace: trace}})
		if err != nil {
			return nil, err
		}
		if t.User != "" {
			if _, err := c.Login(ctx, t.User, srv.Password); err != nil {
				return c, err
			}
		}
		if t.Mailbox != "" {
			if _, err := c.Select(ctx, t.Mailbox, client.SelectOptions{}); err != nil {
				return c, err
			}
		}
		return c, nil
	}
}

// lockedBuffer is a buffer the IDLE goroutine may share with the test.
type lockedBuffer = clienttest.Buffer

// harness is a session against the demo server, not yet logged in, with
// its output captured.
type harness struct {
	srv            *demo.Server
	sess           *Session
	stdout, stderr *lockedBuffer
	hist           *history.File
	histPath       string
}

func newHarness(t *testing.T, configure func(*Config)) *harness {
	t.Helper()
	h := &harness{srv: startDemo(t), stdout: &lockedBuffer{}, stderr: &lockedBuffer{}}
	h.histPath = t.TempDir() + "/history"
	hist, err := history.Open(h.histPath, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { hist.Close() })
	h.hist = hist
	tap := NewWireTap(nil)
	cfg := Config{Stdout: h.stdout, Stderr: h.stderr, Width: 80, Tap: tap, History: hist,
		Connect: demoConnector(h.srv, tap)}
	if configure != nil {
		configure(&cfg)
	}
	target := &Target{URL: "imap://" + h.srv.Addr, Security: client.Plaintext, Host: "127.0.0.1"}
	c, err := cfg.Connect(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	h.sess = NewSession(cfg, c, target)
	return h
}

// run runs lines non-interactively and returns the exit status.
func (h *harness) run(lines ...string) int {
	return h.sess.Run(context.Background(), &scripted{lines: lines})
}

// interruptAfter is a conn.interrupts that presses Ctrl-C once, d after
// each command starts.
func interruptAfter(d time.Duration) func(press func()) func() {
	return func(press func()) func() {
		t := time.AfterFunc(d, press)
		return func() { t.Stop() }
	}
}
