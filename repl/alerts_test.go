package repl

import (
	"context"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
	"imapsh/history"
)

// alertTranscript carries an [ALERT] in every place one may come (RFC
// 9051 section 7.1); the client's transcript tests play it too.
const alertTranscript = "../client/testdata/transcripts/alerts_everywhere.txt"

var alertTexts5 = []string{"Maintenance at 22:00 UTC", "Your password expires in 3 days", "Mailbox is 95% full",
	"Quota warning", "Something odd", "STATUS is disabled", "Server going down"}

// runAlertSession plays alertWire through a shell configured by cfg.
func runAlertSession(t *testing.T, configure func(*Config)) (stdout, stderr string) {
	t.Helper()
	c, err := client.New(clienttest.ServeFile(t, alertTranscript), &client.Options{AllowPlaintextAuth: true})
	if err != nil {
		t.Fatal(err)
	}
	out, errw := &lockedBuffer{}, &lockedBuffer{}
	cfg := Config{Stdout: out, Stderr: errw, Width: 100, History: history.Disabled()}
	configure(&cfg)
	s := NewSession(cfg, c, &Target{Host: "h"})
	s.Run(context.Background(), &scripted{lines: []string{"login alice secret", "select INBOX", "noop", "status INBOX (MESSAGES)"}})
	return out.String(), errw.String()
}

// TestAlertsOnATerminal: each alert shows once. One the rendered result
// shows (bold "ALERT: ..." in the output) is not repeated; the greeting's
// and LOGOUT's, which no result shows, go to stderr with where they came
// from.
func TestAlertsOnATerminal(t *testing.T) {
	stdout, stderr := runAlertSession(t, func(*Config) {})
	for _, text := range alertTexts5 {
		if n := strings.Count(stdout, "ALERT: "+text) + strings.Count(stderr, "alert: "+text); n != 1 {
			t.Errorf("%q shown %d times\nstdout:\n%s\nstderr:\n%s", text, n, stdout, stderr)
		}
	}
	for _, want := range []string{"alert: Maintenance at 22:00 UTC (greeting)", "alert: Server going down (LOGOUT, BYE)"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, want := range []string{"ALERT: Your password expires", "ALERT: Mailbox is 95% full", "NO ALERT: Quota warning", "BAD ALERT: Something odd", "NO ALERT: STATUS is disabled"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
}

// TestAlertsWhenPiped: when the output goes to a file or a pipe, every
// alert goes to stderr as well, where a person sees it.
func TestAlertsWhenPiped(t *testing.T) {
	_, stderr := runAlertSession(t, func(c *Config) { c.Piped = true })
	for _, text := range alertTexts5 {
		if !strings.Contains(stderr, "alert: "+text) {
			t.Errorf("stderr lacks %q:\n%s", text, stderr)
		}
	}
	if !strings.Contains(stderr, "alert: Quota warning (NOOP, NO)") {
		t.Errorf("stderr does not say where the alert came from:\n%s", stderr)
	}
}

// TestAlertsInJSON: with --json every alert is on stderr, each command's
// object lists its alerts, and the greeting's alert, which belongs to no
// command, has a JSON line of its own (golden).
func TestAlertsInJSON(t *testing.T) {
	stdout, stderr := runAlertSession(t, func(c *Config) { c.JSON = true })
	out := normalizeJSON(stdout)
	checkJSONLines(t, out, 6) // greeting alert, 4 commands, LOGOUT's alert
	golden(t, "json/alerts.golden", []byte(out))
	for _, text := range alertTexts5 {
		if !strings.Contains(stderr, "alert: "+text) {
			t.Errorf("stderr lacks %q:\n%s", text, stderr)
		}
	}
}

// TestAlertsWhileConnecting: \connect's greeting, login and select run
// inside the connector, so no result shows their alerts; they go to
// stderr (and to JSON lines of their own).
func TestAlertsWhileConnecting(t *testing.T) {
	wire := "S: * OK [ALERT] Greeting alert\nC: A1 LOGIN alice secret\nS: * CAPABILITY IMAP4rev1\nS: A1 OK [ALERT] Login alert\n" +
		"C: A2 SELECT INBOX\nS: * OK [ALERT] Select alert\nS: A2 OK [READ-WRITE] done\n" +
		"C: A3 LOGOUT\nS: * BYE bye\nS: A3 OK bye\n"
	connect := func(ctx context.Context, _ *Target) (*client.Client, error) {
		c, err := client.New(clienttest.Serve(t, wire), &client.Options{AllowPlaintextAuth: true})
		if err != nil {
			return nil, err
		}
		if _, err := c.Login(ctx, "alice", "secret"); err != nil {
			return c, err
		}
		_, err = c.Select(ctx, "INBOX", client.SelectOptions{})
		return c, err
	}
	out, errw := &lockedBuffer{}, &lockedBuffer{}
	s := NewSession(Config{Stdout: out, Stderr: errw, JSON: true, History: history.Disabled(), Connect: connect}, nil, nil)
	s.Run(context.Background(), &scripted{lines: []string{`\connect imap://alice@h/INBOX`}})
	for _, want := range []string{"alert: Greeting alert (greeting)", "alert: Login alert (LOGIN)", "alert: Select alert (SELECT)"} {
		if !strings.Contains(errw.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errw)
		}
	}
	for _, want := range []string{`{"alert":"Greeting alert","status":"OK","command":"greeting"}`, `{"alert":"Select alert","status":"OK","command":"SELECT"}`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stdout lacks %s:\n%s", want, out)
		}
	}
}
