package repl

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/render"
)

// TestReconnectRestoresTheSession: after enable UTF8=ACCEPT and examine,
// \reconnect enables again, examines (not selects) the same mailbox, says
// so, and the prompt shows (ro) again (issue 11, defect 2).
func TestReconnectRestoresTheSession(t *testing.T) {
	h := newHarness(t, nil)
	var prompts []string
	src := &promptRecorder{scripted: scripted{interactive: true, lines: []string{"login demo demo",
		"enable UTF8=ACCEPT", "examine Archive", `\trace on`, `\reconnect`, `\trace off`, "noop"}}, prompts: &prompts}
	h.sess.Run(context.Background(), src)
	errs := h.stderr.String()
	if last := prompts[len(prompts)-1]; !strings.Contains(last, "Archive[") || !strings.Contains(last, "(ro)") {
		t.Errorf("after \\reconnect the prompt is %q, want Archive read-only; stderr:\n%s", last, errs)
	}
	for _, re := range []string{`C: A\d+ ENABLE UTF8=ACCEPT`, `C: A\d+ EXAMINE Archive`, `restored: ENABLE UTF8=ACCEPT, EXAMINE Archive\n`} {
		if !regexp.MustCompile(re).MatchString(errs) {
			t.Errorf("stderr lacks %s:\n%s", re, errs)
		}
	}
	if strings.Contains(errs, "SELECT Archive") {
		t.Errorf("\\reconnect sent SELECT:\n%s", errs)
	}
	wantAll(t, "stdout", h.stdout.String(), "read-only")
}

// TestReconnectAfterCloseOpensNothing: a mailbox closed before the
// connection went is not opened again, not even the URL's.
func TestReconnectAfterCloseOpensNothing(t *testing.T) {
	h := newHarness(t, nil)
	h.sess.target.Mailbox = "INBOX"
	var prompts []string
	src := &promptRecorder{scripted: scripted{interactive: true, lines: []string{"login demo demo",
		"select Archive", "close", `\reconnect`, "noop"}}, prompts: &prompts}
	h.sess.Run(context.Background(), src)
	if last := prompts[len(prompts)-1]; strings.Contains(last, "[") {
		t.Errorf("after \\reconnect the prompt is %q, want no mailbox; stderr:\n%s", last, h.stderr)
	}
}

// TestReconnectRetriesTheRestore: a reconnect whose login fails restores
// nothing and says so; the next one restores the session as it was.
func TestReconnectRetriesTheRestore(t *testing.T) {
	h := newHarness(t, nil)
	connect, fail := h.sess.cfg.Connect, true
	h.sess.cfg.Connect = func(ctx context.Context, tg *Target) (*client.Client, error) {
		if !fail {
			return connect(ctx, tg)
		}
		fail = false
		c, _ := connect(ctx, &Target{}) // connected, not logged in
		return c, errors.New("login as demo failed: NO [AUTHENTICATIONFAILED]")
	}
	var prompts []string
	src := &promptRecorder{scripted: scripted{interactive: true, lines: []string{"login demo demo",
		"examine Archive", `\reconnect`, `\reconnect`, "noop"}}, prompts: &prompts}
	h.sess.Run(context.Background(), src)
	if last := prompts[len(prompts)-1]; !strings.Contains(last, "Archive[") || !strings.Contains(last, "(ro)") {
		t.Errorf("after the second \\reconnect the prompt is %q; stderr:\n%s", last, h.stderr)
	}
	wantAll(t, "stderr", h.stderr.String(), "AUTHENTICATIONFAILED", "restored: EXAMINE Archive")
}

// TestReconnectJSON: with --json the \reconnect object carries the new
// connection, what was restored and the mailbox; stdout holds only JSON.
func TestReconnectJSON(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.JSON = true })
	if code := h.run("login demo demo", "enable UTF8=ACCEPT", "examine Archive", `\reconnect`); code != ExitOK {
		t.Fatalf("exit status %d; stderr:\n%s", code, h.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(h.stdout.String(), "\n"), "\n")
	var obj struct {
		Command   string
		Status    string
		Connected *render.Connection
		Restored  *render.RestoredJSON
		Mailbox   *render.MailboxJSON
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &obj); err != nil {
		t.Fatalf("last line is not JSON: %v\n%s", err, h.stdout)
	}
	if obj.Command != `\reconnect` || obj.Status != "OK" || obj.Connected == nil || obj.Connected.Login != "LOGIN" {
		t.Errorf("object %+v", obj)
	}
	if r := obj.Restored; r == nil || r.Mailbox != "Archive" || r.Mode != "EXAMINE" || len(r.Enabled) != 1 {
		t.Errorf("restored %+v", obj.Restored)
	}
	if m := obj.Mailbox; m == nil || m.Name != "Archive" || !m.ReadOnly {
		t.Errorf("mailbox %+v", obj.Mailbox)
	}
}
