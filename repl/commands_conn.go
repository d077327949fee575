package repl

import (
	"context"
	"errors"
	"fmt"

	"imapsh/client"
	"imapsh/render"
	"imapsh/scripts"
)

func runConnect(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	t, err := ParseURL(in.Arg("url"))
	if err != nil {
		return nil, err
	}
	return nil, s.connect(ctx, t)
}

// connect replaces the session's connection by one to t, and sums the new
// session up: on stderr in one line (summary.go), and the mailbox the
// URL opened on stdout; with --json in the command's object. As psql's
// \connect does, at a terminal the old session is kept when the new one
// cannot log in (a typo in a URL costs nothing), and ended only once the
// new one is in; a script ends it first, so that it never goes on with
// the connection it meant to leave.
func (s *Session) connect(ctx context.Context, t *Target) error {
	if s.cfg.Connect == nil {
		return errors.New("this shell cannot open connections")
	}
	keep := s.src.Interactive() && s.connected()
	if !keep {
		s.logoutOld(ctx)
	}
	c, err := s.cfg.Connect(ctx, t)
	if keep && !loggedIn(c) {
		if c != nil {
			c.Close()
		}
		return withMoreHint(err, "still connected to "+s.target.place(true)+": the new connection did not log in")
	}
	if keep {
		s.logoutOld(ctx)
	}
	s.resume = nil
	if c == nil {
		return err
	}
	s.c, s.target, s.lost = c, t, false
	s.cache.setMailboxes(nil)
	s.showConnection()
	if err == nil {
		s.showMailbox()
	}
	return err
}

// logoutOld ends the current session, if any, showing its last alerts.
func (s *Session) logoutOld(ctx context.Context) {
	if s.connected() {
		s.c.Logout(ctx)
		s.presentAlerts(s.takeAlerts(), true)
	}
}

// loggedIn reports whether c is a session that got past login.
func loggedIn(c *client.Client) bool {
	if c == nil {
		return false
	}
	_, ok := c.Auth()
	return ok && c.State() != client.StateLogout
}

// showMailbox shows the mailbox open now, as SELECT sums it up: on
// stdout (stderr when stdout holds rows only), or in the meta-command's
// JSON object.
func (s *Session) showMailbox() {
	m := s.c.Mailbox()
	switch {
	case m == nil:
	case s.json:
		s.shellJSON().Mailbox = render.MailboxStateJSON(m)
	default:
		render.Mailbox(s.infoWriter(), m, s.renderOptions())
	}
}

// runInclude runs a script file through this session's loop. In an
// interactive session its failures stop it but do not change the exit
// status.
func runInclude(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	r, err := scripts.Open(in.Arg("file"), s.scriptOptions())
	if err != nil {
		return nil, err
	}
	before, interactive := s.failures, s.src.Interactive()
	s.runSource(ctx, NewScriptSource(r))
	if failed := s.failures - before; interactive && failed > 0 {
		s.failures = before
		return nil, fmt.Errorf("%s: %d failure(s)", in.Arg("file"), failed)
	}
	return nil, nil
}
