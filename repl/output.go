package repl

// Output rules (after age's tui.go):
//
//   - data goes to stdout (and to the \o file): rendered results, or one
//     JSON object per command with --json, or the server's lines with --raw;
//   - errors go to stderr as "error: ..." with optional "hint: ..." lines;
//   - a server NO or BAD is data: it is rendered with its response code, and
//     it counts as a failure only in non-interactive mode;
//   - secrets are never printed: the command as typed is shown redacted.

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"imapsh/client"
	"imapsh/render"
)

// afterCommand shows an IMAP command's result, records it for \expect and
// refreshes the caches.
func (s *Session) afterCommand(in *Input, res *client.Result, err error, elapsed time.Duration, interrupted bool) {
	var serverErr *client.Error
	isServer := errors.As(err, &serverErr) && res != nil
	s.lastLine = in.Display
	s.live.finish(res) // stream.go: FETCH data still held
	alerts := s.takeAlerts()
	if res != nil {
		s.last = s.newOutcome(res)
		lost := err
		if isServer { // a NO or BAD: the tagged answer says it
			lost = nil
		}
		s.show(in, res, elapsed, alerts, lost)
	} else {
		s.last = s.newOutcome(nil)
		if s.json {
			s.writeJSON(in, nil, elapsed, err, alerts)
		}
	}
	s.presentAlerts(alerts, false)
	if isServer && s.src.Interactive() && !s.json {
		s.laterHint = serverHint(in, serverErr)
	}
	dropped := s.dropped.Swap(false) // a second Ctrl-C closed the connection, and said so
	if err != nil && !isServer && !dropped {
		s.fail(err, s.errorHint(in.Cmd, err))
		// at a terminal that error, with its \reconnect hint, reports the loss
		dropped = s.src.Interactive() && (errors.Is(err, client.ErrClosed) || errors.Is(err, client.ErrBye))
	}
	if interrupted && !in.Cmd.EndsByCtrlC && !dropped {
		s.note("interrupted: what the server sent after Ctrl-C was read but not shown")
	}
	s.noteLoss(in.Cmd, dropped)
	s.refreshCache()
	if err != nil && !s.src.Interactive() {
		var shown error
		if isServer { // shown as data already; name the line if it counts
			shown = errors.New(s.location() + in.Display + ": " + render.ErrorText(err))
		}
		s.markPending(shown)
	}
}

// show writes a result: JSON, raw server lines, or rendered; lost is the
// error that ended it without a tagged answer (a BYE, a lost
// connection), which JSON shows as status ERROR.
func (s *Session) show(in *Input, res *client.Result, elapsed time.Duration, alerts []client.Alert, lost error) {
	switch {
	case s.json:
		s.writeJSON(in, res, elapsed, lost, alerts)
	case s.raw && s.tap != nil: // the tap printed the lines as they came
	case s.rowsMode():
		s.writeRows(in, res) // rows.go
	default:
		s.renderResult(in, res)
		s.noteDropped(res, s.commandBudget()) // dropped.go
	}
	if s.timing && !s.json { // the object has elapsed_ms
		w := s.out
		if s.rowsMode() { // stdout holds rows only
			w = s.stderr
		}
		fmt.Fprintf(w, "time: %.3f ms\n", float64(elapsed.Microseconds())/1000)
	}
}

// renderResult renders the result; a successful SELECT or EXAMINE shows
// the mailbox summary in place of the untagged data it sums up.
func (s *Session) renderResult(in *Input, res *client.Result) {
	opt := s.renderOptions()
	s.markShown(res.Responses...) // streamed FETCH data carries no alert
	s.markShown(res.Status)
	if in.Cmd.ShowsMailbox && res.OK() && s.c.Mailbox() != nil {
		render.MailboxResult(s.out, s.c.Mailbox(), res, opt) // alerts are never summed up
		return
	}
	if in.Out != "" { // fetch ... > FILE: the sections are in the file
		res = shownBesideFile(res)
	}
	if err := render.Result(s.out, res, opt); err != nil {
		s.printError(err, "")
	}
}

// errorHint suggests what to do after a local or transport error.
func (s *Session) errorHint(cmd *Command, err error) string {
	var se *client.StateError
	var ce *client.CapabilityError
	var he *hintedError
	switch {
	case errors.As(err, &he):
		return he.hint
	case errors.As(err, &ce) && ce.Cap == "CREATE-SPECIAL-USE":
		return "create it without the special use: this server cannot mark one (RFC 6154)"
	case errors.Is(err, client.ErrCharsetAfterUTF8):
		return "leave out CHARSET: after enable UTF8=ACCEPT search strings are UTF-8"
	case errors.As(err, &se), errors.As(err, &ce):
		return s.hintFor(cmd)
	case errors.Is(err, client.ErrClosed), errors.Is(err, client.ErrBye):
		return `\reconnect`
	case errors.Is(err, client.ErrPlaintext):
		return "use imaps:// or STARTTLS (imap://), or --plaintext on a trusted network"
	}
	return limitHint(err) // dropped.go
}

// noteLoss notices a connection that closed without LOGOUT; one that a
// second Ctrl-C dropped was reported already.
func (s *Session) noteLoss(cmd *Command, dropped bool) {
	if s.c == nil || s.c.State() != client.StateLogout || cmd.Closes || s.lost {
		return
	}
	s.lost = true
	if dropped {
		return
	}
	hint := ""
	if s.src.Interactive() {
		hint = `\reconnect`
	}
	s.printError(errLost, hint)
}

// writeJSON prints one command's result as a JSON line, finishing the
// object a streamed FETCH started (stream.go).
func (s *output) writeJSON(in *Input, res *client.Result, elapsed time.Duration, err error, alerts []client.Alert) {
	j := s.live.takeJSON(in)
	if j == nil {
		j = render.OpenJSON(s.out, in.Display)
	}
	if res != nil {
		for _, r := range res.Responses {
			j.Add(r)
		}
	}
	tail := render.JSONTailOf(res, elapsed, err)
	tail.Alerts = alertTexts(alerts)
	if werr := j.Close(tail); werr != nil {
		s.printError(werr, "")
	}
}

// writeJSONError prints the object of a line that failed before reaching
// the server: a usage, state or capability error, or a failed
// meta-command such as \expect. display is the line as shown (redacted).
func (s *output) writeJSONError(display string, err error) {
	if !s.json {
		return
	}
	render.OpenJSON(s.out, display).Close(render.JSONTailOf(nil, 0, err))
}

// renderResponse renders one live response (IDLE).
func renderResponse(w io.Writer, r client.Response, opt render.Options) {
	render.Response(w, r, opt)
}

// parseUint32 parses a decimal number.
func parseUint32(s string) (uint32, error) {
	n, err := strconv.ParseUint(s, 10, 32)
	return uint32(n), err
}
