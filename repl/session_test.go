package repl

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/internal/demo"
)

// firstInboxMessage is the demo's message 1 of INBOX, byte for byte.
func firstInboxMessage(t *testing.T) []byte {
	for _, m := range demo.Sample() {
		if m.Mailbox == demo.MailboxInbox {
			return m.Raw
		}
	}
	t.Fatal("no INBOX message in the demo")
	return nil
}

func TestScriptEndToEnd(t *testing.T) {
	h := newHarness(t, nil)
	dir := t.TempDir()
	body := filepath.Join(dir, "msg.eml")
	code := h.run(
		"login demo demo", `\expect ok`,
		"list", `\expect count LIST 7`,
		"select INBOX", `\expect exists 23`,
		"fetch 1:3 (UID FLAGS ENVELOPE)", `\expect count FETCH 3`,
		`search SUBJECT "weekly digest"`, `\expect match ^\* SEARCH 3$`,
		`store 3 +flags \Flagged`, `\expect ok`,
		"copy 1:2 Archive", `\expect ok`,
		"create Test", "rename Test Test2", `\expect ok`,
		"fetch 1 BODY[] > "+body, `\expect ok`,
		"append INBOX < "+body, `\expect code APPENDUID`,
		"noop", `\expect exists 24`,
		"delete Test2", `\expect ok`,
	)
	if code != ExitOK {
		t.Fatalf("exit status %d, stderr:\n%s", code, h.stderr)
	}
	got, err := os.ReadFile(body)
	if err != nil {
		t.Fatal(err)
	}
	if want := firstInboxMessage(t); !bytes.Equal(got, want) {
		t.Errorf("BODY[] file has %d bytes, want the %d bytes of the message", len(got), len(want))
	}
	out := h.stdout.String()
	for _, want := range []string{"Welcome to the imapsh", "INBOX  23 messages", "OK [READ-WRITE]"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	if mbs := h.sess.cache.Mailboxes(); contains(mbs, "Test") || contains(mbs, "Test2") || !contains(mbs, "Archive/2024") {
		t.Errorf("mailbox cache after create/rename/delete = %q", mbs)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestFailureStatus(t *testing.T) {
	tests := []struct {
		name       string
		lines      []string
		want       int
		wantOut    []string
		notOut     []string
		wantStderr string
	}{
		{"NO stops", []string{"login demo demo", "select Nope", `\echo after`}, ExitFailures, nil, []string{"after"}, ""},
		{"NO excused by expect", []string{"login demo demo", "select Nope", `\expect no`, `\echo after`}, ExitOK, []string{"after"}, nil, ""},
		{"failed expectation", []string{"login demo demo", "select Nope", `\expect ok`, `\echo after`}, ExitFailures, nil, []string{"after"}, "expected OK, got NO (after select Nope)"},
		{"continue when told", []string{`\set ON_ERROR_STOP off`, "login demo demo", "select Nope", `\echo after`}, ExitFailures, []string{"after"}, nil, ""},
		{"usage error", []string{"fetch"}, ExitFailures, nil, nil, "hint: usage: fetch SEQSET ITEMS... [> FILE]"},
		{"not selected", []string{"login demo demo", "fetch 1 flags"}, ExitFailures, nil, nil, "error: fetch: needs a selected mailbox\nhint: select INBOX"},
		{"unknown", []string{"frobnicate"}, ExitFailures, nil, nil, `error: unknown command "frobnicate"`},
		{"expect match", []string{"noop", `\expect match ^A\d+ OK`}, ExitOK, nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil)
			if code := h.run(tt.lines...); code != tt.want {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.want, h.stderr)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(h.stdout.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, h.stdout)
				}
			}
			for _, w := range tt.notOut {
				if strings.Contains(h.stdout.String(), w) {
					t.Errorf("stdout has %q:\n%s", w, h.stdout)
				}
			}
			if !strings.Contains(h.stderr.String(), tt.wantStderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.wantStderr, h.stderr)
			}
		})
	}
}

func TestQuotedAndBareItemsAgree(t *testing.T) {
	var sent []string
	for _, line := range []string{`fetch 1:2 "(UID FLAGS)"`, `fetch 1:2 (UID FLAGS)`} {
		h := newHarness(t, nil)
		h.run("login demo demo", "select INBOX", `\trace on`, line)
		sent = append(sent, h.stderr.String())
	}
	want := "C: A3 FETCH 1:2 (UID FLAGS)\n"
	if !strings.HasPrefix(sent[0], want) || !strings.HasPrefix(sent[1], want) {
		t.Errorf("quoted and bare fetch items should both send %q:\n%s\n---\n%s", want, sent[0], sent[1])
	}
}

func TestJSONOutput(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.JSON = true })
	code := h.run("login demo demo", "select INBOX", "fetch 1:2 (UID FLAGS ENVELOPE)", "select Nope")
	if code != ExitFailures {
		t.Errorf("exit status %d, want %d", code, ExitFailures)
	}
	lines := strings.Split(strings.TrimSpace(h.stdout.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("want 4 JSON lines, got %d:\n%s", len(lines), h.stdout)
	}
	type object struct {
		Command   string           `json:"command"`
		Tag       string           `json:"tag"`
		Status    string           `json:"status"`
		Code      string           `json:"code"`
		ElapsedMS float64          `json:"elapsed_ms"`
		Responses []map[string]any `json:"responses"`
	}
	var objs []object
	for _, l := range lines {
		var v object
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("bad JSON %q: %v", l, err)
		}
		objs = append(objs, v)
	}
	if objs[0].Command != "login demo ***" || objs[0].Status != "OK" || objs[0].Tag == "" {
		t.Errorf("login object = %+v", objs[0])
	}
	fetch := objs[2]
	if fetch.Status != "OK" || len(fetch.Responses) != 2 {
		t.Fatalf("fetch object = %+v", fetch)
	}
	r := fetch.Responses[0]
	if r["kind"] != "FETCH" || r["seq"] != 1.0 || r["uid"] != 1.0 || r["envelope"] == nil {
		t.Errorf("fetch response = %v", r)
	}
	if objs[3].Status != "NO" || objs[3].Command != "select Nope" {
		t.Errorf("NO object = %+v", objs[3])
	}
}

func TestHistoryRedaction(t *testing.T) {
	h := newHarness(t, nil)
	src := &scripted{interactive: true, lines: []string{"login demo demo", " noop", "capability", "raw LOGIN x hunter2"}}
	h.sess.Run(context.Background(), src)
	want := []string{"login demo ***", "capability", "raw LOGIN x ***"}
	if got := h.hist.Entries(); !reflect.DeepEqual(got, want) {
		t.Errorf("history = %q, want %q", got, want)
	}
	if !reflect.DeepEqual(src.added, want) {
		t.Errorf("readline ring = %q, want %q", src.added, want)
	}
	file, _ := os.ReadFile(h.histPath)
	if strings.Contains(string(file), "hunter2") || !strings.Contains(string(file), "login demo ***") {
		t.Errorf("history file:\n%s", file)
	}
}

func TestIdleInterrupt(t *testing.T) {
	h := newHarness(t, nil)
	h.sess.interrupts = interruptAfter(300 * time.Millisecond)
	src := &scripted{lines: []string{"login demo demo", "select INBOX", "idle", `\expect ok`, `\echo back`}}
	src.before = func(i int) {
		if i == 2 { // just before idle
			go appendLater(t, h.srv, 100*time.Millisecond)
		}
	}
	done := make(chan int)
	go func() { done <- h.sess.Run(context.Background(), src) }()
	select {
	case code := <-done:
		if code != ExitOK {
			t.Errorf("exit status %d; stderr:\n%s", code, h.stderr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("idle did not return after the interrupt")
	}
	out := h.stdout.String()
	if !strings.Contains(out, "EXISTS 24\nOK IDLE") || !strings.Contains(out, "back") {
		t.Errorf("stdout should show the live EXISTS and then go on:\n%s", out)
	}
}

// appendLater appends a message to INBOX from a second connection.
func appendLater(t *testing.T, srv *demo.Server, after time.Duration) {
	time.Sleep(after)
	ctx := context.Background()
	c, err := client.Dial(ctx, srv.Addr, client.DialOptions{Security: client.Plaintext, Options: client.Options{AllowPlaintextAuth: true}})
	if err != nil {
		t.Error(err)
		return
	}
	defer c.Logout(ctx)
	c.Login(ctx, srv.User, srv.Password)
	msg := "Subject: live\r\n\r\nhello\r\n"
	if _, err := c.Append(ctx, "INBOX", client.AppendMessage{Body: strings.NewReader(msg), Size: int64(len(msg))}); err != nil {
		t.Error(err)
	}
}

func TestConnectionLost(t *testing.T) {
	h := newHarness(t, nil)
	src := &scripted{lines: []string{"login demo demo", "noop", `\echo never`}}
	src.before = func(i int) {
		if i == 1 {
			h.srv.Close()
		}
	}
	if code := h.sess.Run(context.Background(), src); code != ExitLost {
		t.Errorf("exit status %d, want %d; stderr:\n%s", code, ExitLost, h.stderr)
	}
	if strings.Contains(h.stdout.String(), "never") {
		t.Error("the run went on after losing the connection")
	}
	if p := h.sess.Prompt(); p != "(not connected)> " {
		t.Errorf("prompt = %q", p)
	}
}

// TestGreetShowsURLMailbox: an interactive session that starts with a
// mailbox selected by the URL shows its summary first; a script does not.
func TestGreetShowsURLMailbox(t *testing.T) {
	for _, interactive := range []bool{true, false} {
		h := newHarness(t, nil)
		target := &Target{URL: "imap://demo@" + h.srv.Addr + "/INBOX", Security: client.Plaintext, Host: "127.0.0.1", User: h.srv.User, Mailbox: "INBOX"}
		c, err := h.sess.cfg.Connect(context.Background(), target)
		if err != nil {
			t.Fatal(err)
		}
		h.sess = NewSession(h.sess.cfg, c, target)
		h.sess.Run(context.Background(), &scripted{interactive: interactive})
		shown := strings.Contains(h.stdout.String(), "INBOX  23 messages")
		if shown != interactive {
			t.Errorf("interactive=%v: summary shown=%v, stdout:\n%s", interactive, shown, h.stdout)
		}
	}
}

// TestPipedOutputShowsWholeSections: body sections are capped on a
// terminal only; output to a file or pipe gets them whole.
func TestPipedOutputShowsWholeSections(t *testing.T) {
	if got := NewSession(Config{}, nil, nil).renderOptions().MaxSection; got != 0 {
		t.Errorf("terminal: MaxSection %d, want 0 (render's default cap)", got)
	}
	if got := NewSession(Config{Piped: true}, nil, nil).renderOptions().MaxSection; got >= 0 {
		t.Errorf("piped: MaxSection %d, want no cap (negative)", got)
	}
}

// TestWidthFollowsTerminal: the layout width is asked again for each
// output, so a resized terminal is followed.
func TestWidthFollowsTerminal(t *testing.T) {
	w := 120
	s := NewSession(Config{Width: 80, WidthNow: func() int { return w }}, nil, nil)
	if got := s.renderOptions().Width; got != 120 {
		t.Errorf("width %d, want 120", got)
	}
	w = 60
	if got := s.renderOptions().Width; got != 60 {
		t.Errorf("after a resize: width %d, want 60", got)
	}
	w = 0 // unknown: the configured width
	if got := s.renderOptions().Width; got != 80 {
		t.Errorf("unknown: width %d, want 80", got)
	}
}
