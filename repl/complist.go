package repl

import (
	"context"
	"sync"
	"time"

	"imapsh/client"
)

// The LIST on the first Tab (issue 11): completion reads caches and never
// touches the network on a keystroke, with one exception. When a mailbox
// name is to be completed and no complete LIST has been seen on this
// connection, the first such Tab runs LIST "" "*" once, on readline's
// goroutine: only while the loop waits at an interactive prompt (never
// while a command runs, never from a script), within
// completionListTimeout, and with the last command's server lines kept
// for \expect match. Its result fills the cache as a typed `list` would;
// a failure is not retried on this connection.

// completionListTimeout bounds the LIST a Tab runs. A server slower than
// that leaves the Tab without names; the client still reads the answer to
// its end (client.cancelGrace) to stay in step.
const completionListTimeout = 2 * time.Second

// promptGate lets the completer borrow the connection while, and only
// while, the loop waits for a line at an interactive prompt.
type promptGate struct {
	mu   sync.Mutex
	open bool
}

// wait runs read (the line source's ReadLine) with the gate open; it
// returns once no borrower holds the connection.
func (g *promptGate) wait(read func()) {
	g.mu.Lock()
	g.open = true
	g.mu.Unlock()
	read()
	g.mu.Lock()
	g.open = false
	g.mu.Unlock()
}

// borrow runs f if the loop waits at the prompt, holding the gate so that
// the loop cannot go on before f returns; it reports whether f ran.
func (g *promptGate) borrow(f func()) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.open {
		return false
	}
	f()
	return true
}

// readLine reads the next line, with the gate open at a terminal.
func (s *Session) readLine(src LineSource, prompt string) (line string, err error) {
	if !src.Interactive() {
		return src.ReadLine(prompt)
	}
	s.gate.wait(func() { line, err = src.ReadLine(prompt) })
	return line, err
}

// listForCompletion is the compCache's lister: LIST "" "*" into the cache
// when the loop waits at the prompt and the session may list.
func (s *Session) listForCompletion() {
	s.gate.borrow(func() {
		if !s.connected() || !client.Needs.Mailbox.StateOK(s.c.State()) {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), completionListTimeout)
		defer cancel()
		if s.tap != nil {
			defer s.tap.aside()()
		}
		res, err := s.c.List(ctx, "", "*", client.ListOptions{})
		if err == nil && res.OK() {
			s.cache.learnMailboxes(res, true)
		}
	})
}

// aside keeps the server lines of the last command out of the way of
// what runs now (the completion LIST) and returns the function that
// brings them back, for \expect match and the pipeline.
func (t *WireTap) aside() (restore func()) {
	t.mu.Lock()
	lines, size, total, truncated, overflow := t.lines, t.size, t.total, t.truncated, t.overflow
	t.lines, t.size, t.total, t.truncated, t.overflow = nil, 0, 0, false, 0
	t.mu.Unlock()
	return func() {
		t.mu.Lock()
		t.lines, t.size, t.total, t.truncated, t.overflow = lines, size, total, truncated, overflow
		t.mu.Unlock()
	}
}
