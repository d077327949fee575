package repl

import (
	"testing"
)

// TestSetListsNamesAndSecrets: \set alone shows the names, sorted, and
// which are secret (by name, or set from a secret variable, also through
// another one), never a value (issue 11).
func TestSetListsNamesAndSecrets(t *testing.T) {
	t.Setenv("IMAPSH_TEST_PW", "hunter2")
	h := newHarness(t, nil)
	if code := h.run(`\set BOX INBOX`, `\set API_TOKEN t0k3n`, `\set COPY ${IMAPSH_TEST_PW}`, `\set AGAIN ${COPY}`,
		`\set PLAIN ${BOX}`, `\set GONE x`, `\unset GONE`, `\set`); code != ExitOK {
		t.Fatalf("exit status %d: %s", code, h.stderr)
	}
	want := "AGAIN  (secret)\nAPI_TOKEN  (secret)\nBOX\nCOPY  (secret)\nPLAIN\n"
	if got := h.stdout.String(); got != want {
		t.Errorf("\\set shows\n%s\nwant\n%s", got, want)
	}
	wantNone(t, "stdout", h.stdout.String(), "INBOX", "t0k3n", "hunter2", "GONE")
}
