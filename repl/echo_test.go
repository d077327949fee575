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

// TestEchoFlag: -e prints each script line before its result, secrets
// masked as in the history; pipelined lines are echoed as their results
// are shown, in order; with --json nothing is added (issue 11, psql -a).
func TestEchoFlag(t *testing.T) {
	tests := []struct {
		name     string
		pipeline bool
	}{{"lockstep", false}, {"pipelined", true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(c *Config) { c.Echo, c.Pipeline = true, tt.pipeline })
			if code := h.run("login demo demo", `\set PASS hunter2`, "select INBOX", "noop", "status INBOX (MESSAGES)"); code != ExitOK {
				t.Fatalf("exit status %d: %s", code, h.stderr)
			}
			out := h.stdout.String()
			order := []string{"login demo ***\n", "OK", `\set PASS ***` + "\n", "select INBOX\n", "INBOX  23 messages", "noop\n", "NOOP completed",
				"status INBOX (MESSAGES)\n", "MESSAGES"}
			at := 0
			for _, w := range order {
				i := strings.Index(out[at:], w)
				if i < 0 {
					t.Fatalf("stdout lacks %q after offset %d:\n%s", w, at, out)
				}
				at += i + len(w)
			}
			if strings.Contains(out, "hunter2") || strings.Contains(out, "demo demo") {
				t.Errorf("a secret was echoed:\n%s", out)
			}
		})
	}
	h := newHarness(t, func(c *Config) { c.Echo, c.JSON = true, true })
	h.run("login demo demo", "noop")
	for _, line := range strings.Split(strings.TrimSpace(h.stdout.String()), "\n") {
		if !strings.HasPrefix(line, "{") {
			t.Errorf("with --json, -e printed %q", line)
		}
	}
}
