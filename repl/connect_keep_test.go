package repl

import (
	"context"
	"strings"
	"testing"

	"imapsh/client"
)

// TestConnectFailureKeepsSession: at a terminal, a \connect that cannot log
// in leaves the session as it was (psql's \connect rule); one that can
// logs the old session out. In a script the old session ends first.
func TestConnectFailureKeepsSession(t *testing.T) {
	tests := []struct {
		name        string
		interactive bool
		kept        bool
	}{
		{"terminal keeps the old session", true, true},
		{"script ends it first", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil)
			var old *client.Client
			src := &scripted{interactive: tt.interactive, lines: []string{"login demo demo", "select INBOX",
				`\connect imap://nobody@` + h.srv.Addr, `\connect imap://demo@` + h.srv.Addr + "/Archive", "noop"}}
			src.before = func(i int) {
				switch i {
				case 2:
					old = h.sess.c
				case 3:
					kept := h.sess.c == old && old.State() == client.StateSelected
					if kept != tt.kept {
						t.Errorf("old session kept: %v, want %v (state %v)\nstderr: %s", kept, tt.kept, old.State(), h.stderr)
					}
					if said := strings.Contains(h.stderr.String(), "still connected to"); said != tt.kept {
						t.Errorf("stderr says the session was kept: %v, want %v\n%s", said, tt.kept, h.stderr)
					}
				case 4:
					if h.sess.c == old || old.State() != client.StateLogout || h.sess.c.Mailbox() == nil || h.sess.c.Mailbox().Name != "Archive" {
						t.Errorf("after a good \\connect: old state %v, new mailbox %+v\nstderr: %s", old.State(), h.sess.c.Mailbox(), h.stderr)
					}
				}
			}
			h.sess.Run(context.Background(), src)
		})
	}
}
