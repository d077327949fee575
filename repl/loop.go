package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"imapsh/internal/cmdline"
	"imapsh/render"
)

// Run reads lines from src until EOF or \quit, dispatching each, then logs
// out. It returns the exit status: 0 ok; 1 the --record file could not be
// created, or a recording or \o file could not be written (interactive
// sessions too); 2 the connection was lost mid-session; 3 a command in
// non-interactive mode got NO/BAD or an expectation failed.
func (s *Session) Run(ctx context.Context, src LineSource) int {
	if err := s.recordFromConfig(); err != nil { // --record FILE
		s.printError(err, "")
		s.logout(ctx)
		return ExitFile
	}
	s.presentAlerts(s.takeAlerts(), true) // from the greeting, and a login or select while connecting
	if src.Interactive() {
		s.greet()
	}
	s.runSource(ctx, src)
	s.src = src
	s.logout(ctx)
	s.presentAlerts(s.takeAlerts(), true) // a BYE [ALERT] answering LOGOUT
	s.closeTee()
	s.stopRecording()
	switch {
	case s.lost && !src.Interactive():
		return ExitLost
	case s.failures > 0:
		return ExitFailures
	case s.fileFailed.Load():
		return ExitFile
	}
	return ExitOK
}

// greet shows, at the start of an interactive session, the connect
// summary on stderr (summary.go) and the mailbox the URL selected (the
// same summary SELECT prints; not with --json, where stdout holds only
// the commands' objects).
func (s *Session) greet() {
	if !s.connected() {
		return
	}
	s.showConnection()
	if s.c.Mailbox() != nil && !s.json {
		render.Mailbox(s.out, s.c.Mailbox(), s.renderOptions())
	}
}

// runSource is the loop over one source; \i runs a nested one.
func (s *Session) runSource(ctx context.Context, src LineSource) {
	outer := s.src
	s.src = src
	defer func() {
		s.flushPipeline() // pipeline.go: show what is still in flight
		s.commitPending()
		s.src = outer
	}()
	for !s.quit && ctx.Err() == nil {
		line, display, err := s.nextLine(src) // logical.go
		switch {
		case errors.Is(err, ErrInterrupt):
			fmt.Fprintln(s.stderr, `(use \quit or Ctrl-D to exit)`)
			continue
		case errors.Is(err, io.EOF):
			return
		case err != nil:
			s.fail(err, "")
			s.afterFailure()
			return
		}
		if stop := s.handleLine(ctx, src, line, display); stop {
			return
		}
	}
}

// handleLine runs one line (display: as written, variables unexpanded);
// it reports whether the loop must stop.
func (s *Session) handleLine(ctx context.Context, src LineSource, line, display string) bool {
	if strings.TrimSpace(line) == "" {
		return false
	}
	if handled, stop := s.pipelineLine(ctx, src, line, display); handled || stop { // pipeline.go
		return stop
	}
	s.echoLine(src, redactLine(display))
	if s.pending && !checksOutcome(line) && s.commitPending() {
		return true
	}
	in, err := prepare(line, display)
	if src.Interactive() {
		s.remember(src, display)
	}
	if err != nil {
		s.fail(err, usageHint(err))
		s.writeJSONError(redactLine(display), err)
		return s.afterFailure()
	}
	s.execute(ctx, in)
	return s.stopAfterResult()
}

// echoLine prints a script line before its result (-e, --echo), secrets
// masked: not at a terminal, where the line was just typed, nor with
// --json, whose object says it as "command".
func (s *Session) echoLine(src LineSource, shown string) {
	if s.cfg.Echo && !s.json && !src.Interactive() {
		fmt.Fprintln(s.out, render.Safe(shown))
	}
}

// checksOutcome reports whether a line's command checks the previous
// command's outcome (\expect), so that a pending failure waits for it.
func checksOutcome(line string) bool {
	cmd, _ := lookupCommand(cmdline.LexTolerant(line))
	return cmd != nil && cmd.Checks
}

// remember adds the redacted line, as written (variables unexpanded, a
// continued line whole), to the history file and the line editor's ring.
// Lines starting with a space are not saved.
func (s *Session) remember(src LineSource, line string) {
	if strings.HasPrefix(line, " ") {
		return
	}
	red := redactLine(line)
	if err := s.cfg.History.Add(red); err != nil {
		fmt.Fprintf(s.stderr, "warning: %v\n", err)
	}
	if h, ok := src.(HistoryAdder); ok {
		h.AddHistory(red)
	}
}

// execute runs a bound command under its own interruptible context and
// handles its result.
func (s *Session) execute(ctx context.Context, in *Input) {
	if err := s.checkAvailable(in.Cmd); err != nil {
		s.fail(err, s.hintFor(in.Cmd))
		s.writeJSONError(in.Display, err)
		s.afterFailure()
		return
	}
	cctx, cancel := s.watchInterrupts(ctx, in) // interrupt.go
	defer s.printLaterHint()                   // after the pager's buffer is written (runs after endPager)
	endPager := s.beginPager(in)               // pager.go: long output through $PAGER on a terminal
	defer endPager(cancel)                     // ends the watch, then waits for the pager
	s.beginCapture()
	var meta *render.ShellJSON
	if in.Cmd.IsMeta() {
		var end func()
		meta, end = s.beginMeta() // metajson.go
		defer end()
	}
	s.capsBefore = s.conn.caps()
	s.beginLive(cctx, in) // stream.go: --raw lines and FETCH data as they come
	defer s.endLive()
	start, wasJSON := time.Now(), s.json
	res, err := in.Cmd.Run(cctx, s, in)
	elapsed := time.Since(start)
	s.recordCommand(in, res, err) // --record, \record
	if in.Cmd.IsMeta() && res == nil {
		s.afterMeta(in, err, elapsed, meta, wasJSON)
		return
	}
	s.afterCommand(in, res, err, elapsed, cctx.Err() != nil)
}

// afterMeta reports a meta-command's error, after the alerts of what it
// did (\connect: the greeting, login and select); with --json, before it
// ran (\json off ends the objects with its own) or after, it writes the
// command's object.
func (s *Session) afterMeta(in *Input, err error, elapsed time.Duration, meta *render.ShellJSON, wasJSON bool) {
	s.presentAlerts(s.takeAlerts(), true)
	s.refreshCache()
	err = s.explainExpect(in, err)
	if err != nil {
		s.fail(err, metaHint(err))
	}
	if (s.json || wasJSON) && (!in.Cmd.WritesJSON || err != nil) {
		s.writeMetaJSON(in.Display, meta, elapsed, err)
	}
	if err != nil {
		s.afterFailure()
	}
}

// fail prints an error and its hint to stderr, after the script
// location when the line came from a file.
func (s *Session) fail(err error, hint string) {
	if loc := s.location(); loc != "" {
		err = fmt.Errorf("%s%w", loc, err)
	}
	s.printError(err, hint)
}

// commitPending turns a failed command that no \expect excused into a
// failure, reporting it; it reports whether the run must stop.
func (s *Session) commitPending() bool {
	report, stop := s.settlePending()
	if report != nil {
		s.printError(report, "")
	}
	return stop
}
