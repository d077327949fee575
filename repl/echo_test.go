package repl

import (
	"context"
	"strings"
	"testing"

	"imapsh/scripts"
)

// TestEchoKeepsVariables: \echo prints its text as written, so a
// variable holding a secret is never printed.
func TestEchoKeepsVariables(t *testing.T) {
	t.Setenv("IMAPSH_TEST_PW", "hunter2")
	h := newHarness(t, nil)
	r := scripts.NewReader("t.imap", strings.NewReader("\\echo pw ${IMAPSH_TEST_PW} \"quoted  text\"\n\\echo\n"), h.sess.scriptOptions())
	if code := h.sess.Run(context.Background(), NewScriptSource(r)); code != ExitOK {
		t.Fatalf("exit status %d: %s", code, h.stderr)
	}
	if got, want := h.stdout.String(), "pw ${IMAPSH_TEST_PW} \"quoted  text\"\n\n"; got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
}
