package repl

import (
	"context"
	"os"
	"os/signal"
	"strings"
	"sync"
	"sync/atomic"

	"imapsh/client"
)

// Ctrl-C while a command runs (issue 11, defect 7). IMAP has no way to
// cancel a command: the server works on until it answers, and only its
// tagged answer keeps the connection in sync. So the first Ctrl-C stops
// the display (the command's context ends: streamed output stops, the
// client drains the rest of the answer without keeping it) and says that
// the shell waits for the server's answer; the session then goes on as
// usual. Only the user decides to give up: a second Ctrl-C closes the
// connection at once, saying so (\reconnect restores the session). No
// timer decides in the user's place; the command timeout still applies.
// IDLE ends on the first Ctrl-C (DONE) without a note; a meta-command
// (\connect, \i) just has its context cancelled.

// signalInterrupts calls press for each SIGINT until stop is called:
// conn.interrupts outside tests.
func signalInterrupts(press func()) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				press()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// interruption is the Ctrl-C handling of one running command (or of the
// commands a pipeline has in flight).
type interruption struct {
	s       *Session
	c       *client.Client // the connection a second Ctrl-C closes; nil for a meta-command
	name    string         // what the note says waits for its answer
	quiet   bool           // Ctrl-C is how the command ends (IDLE): no note
	newline bool           // at a terminal: end the line the ^C echo left open
	cancel  context.CancelFunc
	mu      sync.Mutex
	presses int
	ended   bool
}

// watchInterrupts returns the context a command runs under, which the
// first Ctrl-C cancels, and the function that ends the watch. in is nil
// for the pipeline's commands in flight.
func (s *Session) watchInterrupts(ctx context.Context, in *Input) (context.Context, context.CancelFunc) {
	cctx, cancel := context.WithCancel(ctx)
	x := &interruption{s: s, cancel: cancel, name: "the commands in flight", newline: s.src != nil && s.src.Interactive()}
	if in == nil || !in.Cmd.IsMeta() {
		x.c = s.c
	}
	if in != nil {
		x.name, x.quiet = strings.ToUpper(in.Cmd.Name), in.Cmd.EndsByCtrlC
	}
	stop := s.interrupts(x.press)
	return cctx, func() {
		x.mu.Lock()
		x.ended = true
		x.mu.Unlock()
		stop()
		cancel()
	}
}

// press handles one Ctrl-C: the first cancels, the second drops the
// connection.
func (x *interruption) press() {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.ended {
		return
	}
	x.presses++
	switch {
	case x.presses == 1:
		x.cancel()
		if x.newline {
			x.s.note("")
		}
		if !x.quiet && x.c != nil && !x.s.uploadInFlight() {
			x.s.note("interrupted: the output stops here; IMAP cannot cancel " + x.name +
				", so the shell waits for the server's answer (Ctrl-C again closes the connection)")
		}
	case x.presses == 2 && x.c != nil:
		x.s.dropped.Store(true)
		x.c.Close()
		if x.newline {
			x.s.note("")
		}
		x.s.note(`interrupted again: connection closed without waiting for the server's answer; \reconnect opens a new session and restores this one`)
	}
}

// uploadInFlight reports whether an APPEND's message is going out now:
// Ctrl-C then cuts it by closing the connection (redirect.go).
func (s *Session) uploadInFlight() bool {
	up := s.uploading.Load()
	return up != nil && up.inFlight()
}

// interruptState is what the session knows of Ctrl-C: set from the
// watching goroutine, read by the loop.
type interruptState struct {
	dropped   atomic.Bool            // a second Ctrl-C closed the connection
	uploading atomic.Pointer[upload] // the APPEND message going out, if any
}
