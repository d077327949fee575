package repl

import (
	"context"
	"strings"
	"testing"
)

// TestVerbatimRestOfLine: \expect match takes a Go regexp, the rest of
// the line as written, and \echo its text: a lone "(", "[" or '"' there is
// text, not an open group. Before, \expect match ^\* 1 FETCH \(FLAGS and
// \echo note (see below were "unbalanced parenthesis or bracket".
func TestVerbatimRestOfLine(t *testing.T) {
	h := newHarness(t, nil)
	code := h.run("login demo demo", "select INBOX", "fetch 1 (FLAGS)",
		`\expect match ^\* 1 FETCH \([A-Z]`, `\expect match "?[a-z]*\[?`, `\echo note (see below "x`)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, h.stderr)
	}
	if !strings.Contains(h.stdout.String(), "note (see below \"x\n") {
		t.Errorf("\\echo printed:\n%s", h.stdout)
	}
}

// TestEchoUnexpanded: \echo prints ${NAME} as written, at the prompt and
// in a script alike, so an undefined name is no error there. Before, it
// was "undefined variable ${NOPE}" though nothing would be expanded.
func TestEchoUnexpanded(t *testing.T) {
	for _, interactive := range []bool{true, false} {
		h := newHarness(t, nil)
		src := &scripted{interactive: interactive, lines: []string{`\echo cost ${NOPE}`}}
		if code := h.sess.Run(context.Background(), src); code != ExitOK || h.stdout.String() != "cost ${NOPE}\n" {
			t.Errorf("interactive %v: exit %d, stdout %q; stderr:\n%s", interactive, code, h.stdout, h.stderr)
		}
	}
}
