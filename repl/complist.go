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
// connection, the first such Tab runs LIST "" "*" once, on a goroutine of
// its own: only while the loop waits at an interactive prompt (never while
// a command runs, never from a script), with the last command's server
// lines kept for \expect match. The Tab waits for it at most
// completionListTimeout; a slower answer fills the cache when it comes,
// and the next command waits for it (IMAP has no cancel, and the answer
// keeps the connection in step). Its result fills the cache as a typed
// `list` would; a failure is not retried on this connection.

// completionListTimeout is how long a Tab waits for its LIST.
var completionListTimeout = 2 * time.Second // a variable so tests can shorten it

// promptGate lets the completer borrow the connection while, and only
// while, the loop waits for a line at an interactive prompt.
type promptGate struct {
	mu   sync.Mutex
	open bool
}

// wait runs read (the line source's ReadLine) with the gate open; it
// returns once no borrower holds the connection. Ctrl-C while it waits
// for one does not end the shell.
func (g *promptGate) wait(read func()) {
	g.mu.Lock()
	g.open = true
	g.mu.Unlock()
	read()
	release := swallowInterrupts() // pager.go
	g.mu.Lock()
	release()
	g.open = false
	g.mu.Unlock()
}

// borrow runs f on a goroutine of its own if the loop waits at the
// prompt, holding the gate until f returns, so that the loop cannot go on
// before; it waits for f at most d and reports whether f ended by then.
func (g *promptGate) borrow(d time.Duration, f func()) bool {
	g.mu.Lock()
	if !g.open {
		g.mu.Unlock()
		return false
	}
	done := make(chan struct{})
	go func() {
		defer g.mu.Unlock() // a sync.Mutex may be unlocked on another goroutine
		defer close(done)
		f()
	}()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
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
	s.gate.borrow(completionListTimeout, func() {
		if !s.connected() || !client.Needs.Mailbox.StateOK(s.c.State()) {
			return
		}
		if s.tap != nil {
			defer s.tap.aside()()
		}
		res, err := s.c.List(context.Background(), "", "*", client.ListOptions{})
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
