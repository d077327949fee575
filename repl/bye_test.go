package repl

import (
	"context"
	"strings"
	"testing"
)

// TestByeReportedOnce: a server that ends the session with BYE during a
// command (Dovecot after the selected mailbox was renamed: "* BYE IMAP
// session state is inconsistent, please relogin.") is reported once, at
// a terminal: the BYE line, the error and one \reconnect hint, not a
// second "the connection was lost" with the hint again.
func TestByeReportedOnce(t *testing.T) {
	sh := newFakeShell(t, "C: A1 NOOP\nS: * BYE IMAP session state is inconsistent, please relogin.\n")
	sh.sess.Run(context.Background(), &scripted{interactive: true, lines: []string{"noop"}})
	errs := sh.stderr.String()
	wantAll(t, "stderr", errs, "server closed the session (BYE)", `hint: \reconnect`)
	if n := strings.Count(errs, `hint: \reconnect`); n != 1 || strings.Contains(errs, "the connection was lost") {
		t.Errorf("the loss is reported more than once:\n%s", errs)
	}
	wantAll(t, "stdout", sh.stdout.String(), "BYE IMAP session state is inconsistent")
}
