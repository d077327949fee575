package repl

import (
	"context"
	"errors"
	"fmt"

	"imapsh/client"
	"imapsh/internal/redact"
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

// runReconnect connects to the same target and re-selects the mailbox
// that was open.
func runReconnect(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	if s.target == nil || (s.target.Host == "" && len(s.target.Stream) == 0) {
		return nil, errors.New(`nothing to reconnect to; use \connect URL`)
	}
	t := *s.target
	if s.c != nil && s.c.Mailbox() != nil {
		t.Mailbox = s.c.Mailbox().Name
	}
	return nil, s.connect(ctx, &t)
}

// connect replaces the session's connection by one to t.
func (s *Session) connect(ctx context.Context, t *Target) error {
	if s.cfg.Connect == nil {
		return errors.New("this shell cannot open connections")
	}
	if s.connected() {
		s.c.Logout(ctx)
		s.presentAlerts(s.takeAlerts(), true)
	}
	c, err := s.cfg.Connect(ctx, t)
	if c == nil {
		return err
	}
	s.c, s.target, s.lost = c, t, false
	s.cache.setMailboxes(nil)
	fmt.Fprintf(s.stderr, "connected to %s\n", redact.URL(t.URL))
	if m := c.Mailbox(); m != nil && err == nil {
		render.Mailbox(s.out, m, s.renderOptions())
	}
	return err
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
