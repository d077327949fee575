package repl

import (
	"context"
	"strings"
	"sync"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// pressOnCommand is a wire tracer that presses Ctrl-C (times times) as
// the client sends the command named name, or (fromServer) as the first
// server line after it arrives: the press comes while the command is on
// the wire, whatever the machine's speed.
type pressOnCommand struct {
	name       string
	times      int
	fromServer bool
	mu         sync.Mutex
	press      func()
	sent       bool
}

func (p *pressOnCommand) Trace(e client.TraceEvent) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if e.Dir == client.FromClient {
		p.sent = e.Command == p.name
	}
	now := p.sent && (e.Dir == client.FromServer) == p.fromServer
	if now && p.press != nil {
		p.sent = false
		for range p.times {
			p.press()
		}
	}
}

// interruptShell is a session over a transcript server, whose commands
// hear Ctrl-C from p.
func interruptShell(t *testing.T, transcript string, p *pressOnCommand) (*Session, *lockedBuffer, *lockedBuffer) {
	t.Helper()
	c, err := client.New(clienttest.Serve(t, transcript), &client.Options{Trace: p})
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	s := NewSession(Config{Stdout: stdout, Stderr: stderr, Width: 80}, c, &Target{URL: "imap://test", Host: "test"})
	s.interrupts = func(press func()) func() {
		p.mu.Lock()
		p.press = press
		p.mu.Unlock()
		return func() {
			p.mu.Lock()
			p.press = nil
			p.mu.Unlock()
		}
	}
	return s, stdout, stderr
}

// TestFirstCtrlCWaitsForTheAnswer: the first Ctrl-C on a slow SEARCH
// says that the shell waits for the server, shows none of the late data,
// and the session goes on in sync (issue 11, defect 7).
func TestFirstCtrlCWaitsForTheAnswer(t *testing.T) {
	p := &pressOnCommand{name: "SEARCH", times: 1}
	s, stdout, stderr := interruptShell(t, "S: * PREAUTH hi\nC: A1 SELECT INBOX\nS: A1 OK [READ-WRITE] done\n"+
		"C: A2 SEARCH BODY x\n!sleep 200ms\nS: * SEARCH 1 2 3\nS: A2 OK searched\nC: A3 NOOP\nS: A3 OK noop\n"+
		"C: A4 LOGOUT\nS: * BYE bye\nS: A4 OK bye\n", p)
	if code := s.Run(context.Background(), &scripted{lines: []string{"select INBOX", "search BODY x", "noop"}}); code != ExitOK {
		t.Fatalf("exit status %d; stderr:\n%s", code, stderr)
	}
	wantAll(t, "stderr", stderr.String(), "IMAP cannot cancel SEARCH, so the shell waits for the server's answer", "interrupted: ")
	wantAll(t, "stdout", stdout.String(), "OK searched", "OK noop")
	wantNone(t, "stdout", stdout.String(), "SEARCH 1 2 3")
	wantNone(t, "stderr", stderr.String(), "error", "closed")
}

// TestSecondCtrlCDropsTheConnection: a second Ctrl-C closes the
// connection at once, says so once, and a script ends with status 2.
func TestSecondCtrlCDropsTheConnection(t *testing.T) {
	p := &pressOnCommand{name: "SEARCH", times: 2, fromServer: true}
	s, _, stderr := interruptShell(t, "S: * PREAUTH hi\nC: A1 SELECT INBOX\nS: A1 OK [READ-WRITE] done\n"+
		"C: A2 SEARCH BODY x\nS: * OK still searching\n!eof\n", p)
	if code := s.Run(context.Background(), &scripted{lines: []string{"select INBOX", "search BODY x", "noop"}}); code != ExitLost {
		t.Errorf("exit status %d, want %d; stderr:\n%s", code, ExitLost, stderr)
	}
	errs := stderr.String()
	wantAll(t, "stderr", errs, "connection closed without waiting for the server's answer", `\reconnect`)
	if n := strings.Count(errs, "error:"); n != 0 {
		t.Errorf("%d error lines after the drop, want none (the note says it):\n%s", n, errs)
	}
}
