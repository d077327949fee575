package repl

import (
	"context"
	"strings"
	"testing"
)

// TestServerHints: at a terminal a NO with a code that says why gets a hint
// under it; a script does not (its NO is reported once, later).
func TestServerHints(t *testing.T) {
	tests := []struct {
		name, line, answer, hint string
		interactive              bool
	}{
		{"trycreate", "copy 1 Nope", "NO [TRYCREATE] No such mailbox", `hint: the mailbox does not exist: create Nope first`, true},
		{"trycreate quoted", `copy 1 "Old Mail"`, "NO [TRYCREATE] No such mailbox", `create "Old Mail" first`, true},
		{"overquota", "copy 1 Archive", "NO [OVERQUOTA] Quota exceeded", "hint: getquotaroot INBOX", true},
		{"no code", "copy 1 Archive", "NO failed", "", true},
		{"script", "copy 1 Nope", "NO [TRYCREATE] No such mailbox", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			box := strings.TrimPrefix(tt.line, "copy 1 ")
			wire := "C: A1 SELECT INBOX\nS: * 1 EXISTS\nS: A1 OK [READ-WRITE] done\nC: A2 COPY 1 " + box + "\nS: A2 " + tt.answer + "\n" + logoutWire(3)
			sh := newFakeShell(t, wire)
			sh.sess.Run(context.Background(), &scripted{interactive: tt.interactive, lines: []string{"select INBOX", tt.line}})
			stderr := sh.stderr.String()
			if tt.hint == "" && strings.Contains(stderr, "hint:") || tt.hint != "" && !strings.Contains(stderr, tt.hint) {
				t.Errorf("stderr:\n%s\nwant hint %q", stderr, tt.hint)
			}
		})
	}
}
