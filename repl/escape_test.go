package repl

import (
	"context"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
	"imapsh/history"
)

// TestRawAndTraceEscapeServerText: --raw output and the \trace on stderr
// show a hostile server's escape sequences as text, never as control
// bytes for the terminal.
func TestRawAndTraceEscapeServerText(t *testing.T) {
	conn := clienttest.Serve(t, "Sx: * OK [CAPABILITY IMAP4rev1] hi\n"+
		"C: A1 NOOP\nSx: * OK \\x1b]0;pwned\\x07\\x1b[2J\\xe2\\x80\\xae\nS: A1 OK done\n"+
		"C: A2 NOOP\nSx: * OK \\x1b[41m red\nS: A2 OK done\nC: A3 LOGOUT\nS: * BYE\nS: A3 OK bye\n")
	tap := NewWireTap(nil)
	c, err := client.New(conn, &client.Options{Trace: tap})
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	s := NewSession(Config{Stdout: stdout, Stderr: stderr, Tap: tap, History: history.Disabled()}, c, &Target{Host: "h"})
	s.Run(context.Background(), &scripted{lines: []string{`\raw on`, "noop", `\raw off`, `\trace on`, "noop"}})
	for name, out := range map[string]string{"stdout": stdout.String(), "stderr": stderr.String()} {
		if strings.ContainsAny(out, "\x1b\a") {
			t.Errorf("%s carries raw control bytes: %q", name, out)
		}
	}
	if !strings.Contains(stdout.String(), `\x1b]0;pwned`) || !strings.Contains(stderr.String(), `\x1b[41m red`) {
		t.Errorf("escaped text missing:\nstdout %q\nstderr %q", stdout, stderr)
	}
}
