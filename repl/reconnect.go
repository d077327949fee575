package repl

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
	"imapsh/render"
)

// \reconnect restores the session exactly (issue 11, defect 2): on the new
// connection it turns COMPRESS=DEFLATE on again if it was (RFC 4978),
// ENABLEs again what was enabled (RFC 5161; UTF8=ACCEPT first, since it
// decides how the mailbox name travels, RFC 6855), and opens the mailbox
// the way it was opened: EXAMINE stays read-only, SELECT parameters
// (CONDSTORE) are sent again. It says what it restored and what it could
// not. The password the session logged in with is used again without
// asking (internal/cli.Passwords keeps it, in memory only).

// runReconnect connects to the same target and restores the session.
func runReconnect(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	if s.target == nil || (s.target.Host == "" && len(s.target.Stream) == 0) {
		return nil, errors.New(`nothing to reconnect to; use \connect URL`)
	}
	want, known := s.resumePoint()
	t := *s.target
	if known {
		t.Mailbox = "" // opened below, the way it was
	}
	if err := s.connect(ctx, &t); err != nil {
		if known && !want.IsZero() {
			s.resume = &want // for the next \reconnect
		}
		return nil, err
	}
	return nil, s.restore(ctx, want)
}

// resumePoint is the session a reconnect restores: the one an earlier
// \reconnect could not restore, else the last connection's. known is
// false when that connection never logged in; the URL's mailbox is then
// selected as on a first connect.
func (s *Session) resumePoint() (r client.Resumable, known bool) {
	if s.resume != nil {
		return *s.resume, true
	}
	if s.c == nil {
		return client.Resumable{}, false
	}
	_, known = s.c.Auth()
	return s.c.Resumable(), known
}

// restoreLog collects what a restore did: for the report on stderr, the
// JSON object and the error.
type restoreLog struct {
	done, failed []string
	json         render.RestoredJSON
}

// step notes one restoring command's outcome; it reports whether it
// worked.
func (l *restoreLog) step(what string, res *client.Result, err error) bool {
	if err == nil && res != nil {
		err = res.Err()
	}
	if err != nil {
		l.failed = append(l.failed, what+": "+render.ErrorText(err))
		return false
	}
	l.done = append(l.done, what)
	return true
}

// restore makes the new connection the session r describes, then shows
// the mailbox as SELECT does. Its error names what could not be restored.
func (s *Session) restore(ctx context.Context, r client.Resumable) error {
	if r.IsZero() {
		return nil
	}
	if s.currentState()&client.AuthOrSelect == 0 {
		s.resume = &r
		return fmt.Errorf("not logged in, so nothing of the session was restored (%s)", restoreWhat(r))
	}
	var l restoreLog
	if r.Compress {
		res, err := s.c.Compress(ctx)
		l.json.Compress = l.step("COMPRESS DEFLATE", res, err)
	}
	if len(r.Enabled) > 0 {
		s.restoreEnabled(ctx, &l, r.Enabled)
	}
	if r.Mailbox != "" {
		s.restoreMailbox(ctx, &l, r)
	}
	return s.reportRestore(&l)
}

// restoreMailbox opens the mailbox again as it was opened.
func (s *Session) restoreMailbox(ctx context.Context, l *restoreLog, r client.Resumable) {
	mode, params := selectWords(r.Select)
	what := strings.TrimSpace(mode + " " + cmdline.Quote(r.Mailbox) + " " + strings.Join(params, " "))
	res, err := s.c.Select(ctx, r.Mailbox, r.Select)
	if l.step(what, res, err) {
		l.json.Mailbox, l.json.Mode, l.json.SelectParams = r.Mailbox, mode, params
	}
}

// restoreEnabled sends ENABLE again; an extension the server accepted
// the first time but does not switch on now is a failure.
func (s *Session) restoreEnabled(ctx context.Context, l *restoreLog, caps []string) {
	res, err := s.c.Enable(ctx, caps...)
	if !l.step("ENABLE "+strings.Join(caps, " "), res, err) {
		return
	}
	for _, c := range caps {
		if s.c.Enabled(c) {
			l.json.Enabled = append(l.json.Enabled, c)
		} else {
			l.failed = append(l.failed, "ENABLE "+c+": the server did not enable it this time")
		}
	}
}

// reportRestore says what was restored (stderr, or the JSON object),
// shows the mailbox and returns the failures as one error.
func (s *Session) reportRestore(l *restoreLog) error {
	if len(l.done) > 0 {
		s.note("restored: " + render.Safe(strings.Join(l.done, ", ")))
	}
	l.json.Failed = l.failed
	if s.json {
		s.shellJSON().Restored = &l.json
	}
	s.showMailbox()
	if len(l.failed) > 0 {
		return errors.New("could not restore " + strings.Join(l.failed, "; "))
	}
	return nil
}

// selectWords are the command that opened a mailbox (EXAMINE or SELECT)
// and its parameters, as sent.
func selectWords(o client.SelectOptions) (mode string, params []string) {
	mode = "SELECT"
	if o.ReadOnly {
		mode = "EXAMINE"
	}
	if o.CondStore {
		params = append(params, "(CONDSTORE)")
	}
	if q := o.QResync; q != nil {
		params = append(params, fmt.Sprintf("(QRESYNC (%d %d ...))", q.UIDValidity, q.ModSeq))
	}
	return mode, params
}

// restoreWhat names what r would restore, for a message.
func restoreWhat(r client.Resumable) string {
	var parts []string
	if r.Compress {
		parts = append(parts, "COMPRESS")
	}
	if len(r.Enabled) > 0 {
		parts = append(parts, "ENABLE "+strings.Join(r.Enabled, " "))
	}
	if r.Mailbox != "" {
		mode, _ := selectWords(r.Select)
		parts = append(parts, mode+" "+cmdline.Quote(r.Mailbox))
	}
	return strings.Join(parts, ", ") + `; log in, then \reconnect again`
}
