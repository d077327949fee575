package repl

import (
	"context"
	"strings"
	"testing"
)

// TestPromptShowsUserOnlyWhenLoggedIn: after a \connect whose login
// failed the prompt names no user (issue 11, defect 3); after one that
// logged in, it does.
func TestPromptShowsUserOnlyWhenLoggedIn(t *testing.T) {
	h := newHarness(t, nil)
	addr := h.srv.Addr
	tests := []struct {
		line, want string
	}{
		{`\connect imap://nobody@` + addr, "127.0.0.1> "},
		{`\connect imap://demo@` + addr, "demo@127.0.0.1> "},
		{`\connect imap://nobody@` + addr + "/INBOX", "127.0.0.1> "},
		{`\connect imap://demo@` + addr + "/INBOX", "demo@127.0.0.1 INBOX["},
	}
	for _, tt := range tests {
		var got string
		src := &scripted{lines: []string{tt.line, `\echo next`}, interactive: true}
		src.before = func(i int) {
			if i == 1 {
				got = h.sess.Prompt()
			}
		}
		h.sess.Run(context.Background(), src)
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("after %s: prompt %q, want %q\nstderr: %s", tt.line, got, tt.want, h.stderr)
		}
	}
}
