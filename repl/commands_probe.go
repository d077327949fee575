package repl

import (
	"context"
	"strings"

	"imapsh/client"
	"imapsh/internal/cmdline"
	"imapsh/internal/probe"
	"imapsh/internal/redact"
	"imapsh/render"
)

// \probe: the report card of the server, on the current connection
// (imapsh --probe URL opens its own; see internal/probe).
func init() {
	register(&Command{Command: cmdline.Command{Name: `\probe`,
		Args: []Arg{{Name: "write", Kind: cmdline.Atom, Optional: true, Values: []string{"write"}}}},
		Group: groupShell, Paged: true, Need: &client.Needs.Mailbox, // a logged-in session: it runs mailbox and message commands
		WritesJSON: true,
		Summary:    "report what this server really does: extensions verified by use, deviations from the RFCs, latency",
		Help: "\\probe          read-only checks on this connection (EXAMINE only; nothing is stored)\n" +
			"\\probe write    also the checks on scratch mailboxes imapsh-probe-*, created and deleted\n" +
			"The selected mailbox is selected again afterwards. ENABLE (CONDSTORE, QRESYNC, UTF8=ACCEPT)\n" +
			"cannot be undone: what the probe enabled stays on. COMPRESS needs a connection of its own\n" +
			"and is left to imapsh --probe URL, which also shows TLS and login before and after.",
		Run: runProbe})
}

// runProbe runs the probe on the session's client and prints the report
// (one JSON line in JSON mode).
func runProbe(ctx context.Context, s *Session, in *Input) (*client.Result, error) {
	write := false
	switch strings.ToLower(in.Arg("write")) {
	case "":
	case "write":
		write = true
	default:
		return nil, &UsageError{in.Cmd, `say \probe or \probe write`}
	}
	sess := probe.Session{Client: s.c, TLS: s.cfg.TLS}
	if s.target != nil {
		sess.URL, sess.Host = redact.URL(s.target.URL), s.target.Host
	}
	if s.tap != nil {
		sess.Wire = probe.NewRecorder()
		defer s.tap.observe(sess.Wire)()
	}
	rep := probe.ProbeSession(ctx, sess, probe.Options{Write: write})
	s.refreshCache()
	if s.json {
		return nil, render.ProbeJSON(s.out, rep, false)
	}
	return nil, render.Probe(s.out, rep, s.renderOptions())
}

// observe sends the wire to t as well, whatever \trace says, until the
// returned function is called: the probe reads the exchange it makes.
func (w *WireTap) observe(t client.Tracer) (stop func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	sink, on := w.sink, w.on
	both := t
	if on && sink != nil {
		both = client.TeeTrace(sink, t)
	}
	w.sink, w.on = both, true
	return func() {
		w.mu.Lock()
		w.sink, w.on = sink, on
		w.mu.Unlock()
	}
}
