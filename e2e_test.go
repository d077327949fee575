package main

import (
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"imapsh/internal/demo"
	"imapsh/internal/servers"
)

// The demo's INBOX starts with "Welcome to the imapsh demo" (\Seen),
// "Grüße aus Köln" (\Seen \Flagged) and an unread digest.

func TestBinaryDemo(t *testing.T) {
	plainBlob := base64.StdEncoding.EncodeToString([]byte("\x00demo\x00demo"))
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  check
	}{
		{"-c in order", "", []string{"--demo", "-c", "select INBOX", "-c", "fetch 1:3 (UID FLAGS)"},
			check{code: 0, stdout: []string{`\flagged`, `\seen`}}},
		{"NO exits 3", "", []string{"--demo", "-c", "select NoSuchBox", "-c", "noop"},
			check{code: 3, stdout: []string{"NO"}}},
		{"NO in the last command exits 3", "", []string{"--demo", "-c", "select NoSuchBox"},
			check{code: 3, stdout: []string{"NO"}}},
		{"piped stdin", "select INBOX\nfetch 2 (FLAGS)\n", []string{"--demo"},
			check{code: 0, stdout: []string{`\flagged`}, notStdout: []string{"> "}}},
		{"piped stdin stops at NO", "select NoSuchBox\nfetch 2 (FLAGS)\n", []string{"--demo"},
			check{code: 3, notStdout: []string{`\flagged`}}},
		{"-f script", "", []string{"--demo", "-f", "testdata/e2e/flags.imap"},
			check{code: 0, stdout: []string{`\flagged`}}},
		{"-f - reads stdin", "select INBOX\nfetch 2 (FLAGS)\n", []string{"--demo", "-f", "-"},
			check{code: 0, stdout: []string{`\flagged`}}},
		{"script error stops with 3", "noop\nselect ${IMAPSH_UNDEFINED}\nnoop\n", []string{"--demo"},
			check{code: 3, stderr: []string{"error: <stdin>:2:", "IMAPSH_UNDEFINED"}}},
		{"no colour when piped", "", []string{"--demo", "-c", "select INBOX"},
			check{code: 0, stdout: []string{"INBOX"}, notStdout: []string{"\x1b["}}},
		{"--color=always", "", []string{"--demo", "--color=always", "-c", "select INBOX"},
			check{code: 0, stdout: []string{"\x1b["}}},
		{"trace redacts", "", []string{"--demo", "--trace", "-c", "noop"},
			check{code: 0, stderr: []string{"AUTHENTICATE PLAIN ***", "S: * OK", " NOOP"}, notStderr: []string{plainBlob}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := testEnv(t, "IMAPSH_E2E_BOX=INBOX")
			tt.want.verify(t, imapsh(t, env, tt.stdin, tt.args...))
		})
	}
}

func TestBinaryPlaintext(t *testing.T) {
	srv, err := demo.Start(demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	url := "imap://demo@" + srv.Addr + "/INBOX"
	env := testEnv(t, "IMAPSH_PASSWORD=demo")
	t.Run("STARTTLS is required", func(t *testing.T) {
		check{code: 1, stderr: []string{"error: ", "STARTTLS", "hint: use imaps://"}}.verify(t, imapsh(t, env, "", url, "-c", "noop"))
	})
	t.Run("--plaintext warns and works", func(t *testing.T) {
		check{code: 0, stdout: []string{`\flagged`}, stderr: []string{"WITHOUT TLS"}}.verify(t, imapsh(t, env, "", "--plaintext", url, "-c", "fetch 2 flags"))
	})
}

func TestBinaryJSON(t *testing.T) {
	r := imapsh(t, testEnv(t), "", "--demo", "--json", "-c", "select INBOX", "-c", "fetch 1:3 (UID FLAGS)")
	check{code: 0}.verify(t, r)
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) < 2 {
		t.Fatalf("want a JSON line per command, got:\n%s", r.stdout)
	}
	for _, line := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Errorf("not a JSON object: %q: %v", line, err)
		}
	}
}

func TestBinaryCommandLine(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want check
	}{
		{"version", []string{"--version"}, check{code: 0, stdout: []string{"imapsh "}}},
		{"help", []string{"--help"}, check{code: 0, stdout: []string{"usage: imapsh", "-password-command"}}},
		{"bad flag", []string{"--no-such-flag"}, check{code: 1, stderr: []string{"error: ", "no-such-flag", "usage: imapsh"}}},
		{"two URLs", []string{"imaps://a", "imaps://b"}, check{code: 1, stderr: []string{"error: ", "usage: imapsh"}}},
		{"bad URL", []string{"http://example.org"}, check{code: 1, stderr: []string{"error: "}}},
		{"unreachable", []string{"-c", "noop", "imaps://demo@127.0.0.1:1"},
			check{code: 1, stderr: []string{"error: ", "hint: "}}},
		{"password in URL warns", []string{"-c", "noop", "imaps://demo:hunter2@127.0.0.1:1"},
			check{code: 1, stderr: []string{"warning: a password in the URL"}, notStderr: []string{"hunter2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.want.verify(t, imapsh(t, testEnv(t), "", tt.args...))
		})
	}
}

// fakeServer is a /bin/sh IMAP server for --stream: a PREAUTH greeting,
// then OK for every command and BYE for LOGOUT; with dieAfter > 0 it exits
// silently on reading that many commands, like a lost connection.
func fakeServer(dieAfter int) string {
	return `printf '* PREAUTH fake ready\r\n'; n=0
while read -r tag cmd rest; do
  n=$((n+1)); [ ` + strconv.Itoa(dieAfter) + ` -gt 0 ] && [ $n -ge ` + strconv.Itoa(dieAfter) + ` ] && exit 0
  case "$cmd" in
    LOGOUT*|logout*) printf '* BYE bye\r\n%s OK done\r\n' "$tag"; exit 0;;
    *) printf '%s OK done\r\n' "$tag";;
  esac
done`
}

func TestBinaryStream(t *testing.T) {
	t.Run("works", func(t *testing.T) {
		check{code: 0}.verify(t, imapsh(t, testEnv(t), "", "--stream", fakeServer(0), "-c", "noop", "-c", "noop"))
	})
	t.Run("lost connection exits 2", func(t *testing.T) {
		check{code: 2}.verify(t, imapsh(t, testEnv(t), "", "--stream", fakeServer(2), "-c", "noop", "-c", "noop", "-c", "noop"))
	})
}

// TestBinaryDovecot runs the binary against a private Dovecot (skipped when
// it is not installed, unless IMAPSH_REQUIRE_SERVERS=1).
func TestBinaryDovecot(t *testing.T) {
	s := servers.Dovecot(t)
	msg := func(subject string) []byte {
		return []byte("From: bob@example.org\r\nTo: alice@example.org\r\nSubject: " + subject +
			"\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\nMessage-ID: <" + subject + "@example.org>\r\n\r\nHello.\r\n")
	}
	s.Deliver(t, "alice", "INBOX", msg("first"), msg("second"))
	port := func(p int) string { return strconv.Itoa(p) }
	starttls := "imap://alice@127.0.0.1:" + port(s.IMAPPort) + "/INBOX"
	imaps := "imaps://alice@127.0.0.1:" + port(s.IMAPSPort) + "/INBOX"
	fetch := []string{"-c", "fetch 1:* (FLAGS)"}
	tests := []struct {
		name     string
		password string
		args     []string
		want     check
	}{
		{"starttls", "alicepw", append([]string{"--cafile", s.CAFile, "--trace", starttls}, fetch...),
			check{code: 0, stdout: []string{"FLAGS"}, stderr: []string{"C: A1 STARTTLS", "SELECT INBOX"}, notStderr: []string{"alicepw"}}},
		{"imaps with trace", "alicepw", append([]string{"--cafile", s.CAFile, "--trace", imaps}, fetch...),
			check{code: 0, stderr: []string{"C: ", "***"}, notStderr: []string{"alicepw", base64.StdEncoding.EncodeToString([]byte("\x00alice\x00alicepw"))}}},
		{"explicit AUTH=PLAIN", "alicepw", append([]string{"--cafile", s.CAFile, "imaps://alice;AUTH=PLAIN@127.0.0.1:" + port(s.IMAPSPort) + "/INBOX"}, fetch...),
			check{code: 0}},
		{"non-ASCII password", "pässwörd€", []string{"--cafile", s.CAFile, "-c", "noop", "imaps://carol@127.0.0.1:" + port(s.IMAPSPort)},
			check{code: 0}},
		{"wrong password", "nope", append([]string{"--cafile", s.CAFile, imaps}, fetch...),
			check{code: 1, stderr: []string{"error: login as alice failed", "hint: check the user name"}}},
		{"untrusted certificate", "alicepw", append([]string{imaps}, fetch...),
			check{code: 1, stderr: []string{"error: ", "hint: --cafile FILE or --pin"}}},
		{"password in the URL", "", append([]string{"--cafile", s.CAFile, "imaps://alice:alicepw@127.0.0.1:" + port(s.IMAPSPort) + "/INBOX"}, fetch...),
			check{code: 0, stderr: []string{"warning: a password in the URL"}}},
		{"password command", "", append([]string{"--cafile", s.CAFile, "--password-command", "echo alicepw", starttls}, fetch...),
			check{code: 0}},
		{"stream", "", []string{"--stream", shellQuote(s.PreauthCommand("alice")), "-c", "select INBOX", "-c", "fetch 1:* (ENVELOPE)"},
			check{code: 0, stdout: []string{"INBOX  2 messages", "first", "second"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := testEnv(t)
			if tt.password != "" {
				env = append(env, "IMAPSH_PASSWORD="+tt.password)
			}
			tt.want.verify(t, imapsh(t, env, "", tt.args...))
		})
	}
}

// TestBinaryScripts: -f FILE, -f - and piped stdin share one script
// reader: \set variables expand in later lines, errors name file:line, and
// a literal secret (a password, a \set value) in a file others can read
// is refused before connecting.
func TestBinaryScripts(t *testing.T) {
	dir := t.TempDir()
	script := func(name, text string, perm os.FileMode) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), perm); err != nil {
			t.Fatal(err)
		}
		return path
	}
	vars := "\\set BOX INBOX\nselect ${BOX}\nfetch 2 (FLAGS)\n"
	secret := script("secret.imap", "noop\nlogin demo demo\n", 0o644)
	tests := []struct {
		name  string
		stdin string
		args  []string
		want  check
	}{
		{"\\set expands in -f FILE", "", []string{"--demo", "-f", script("vars.imap", vars, 0o600)},
			check{code: 0, stdout: []string{`\flagged`}}},
		{"\\set expands in piped stdin", vars, []string{"--demo"}, check{code: 0, stdout: []string{`\flagged`}}},
		{"JSON shows the line as written", vars, []string{"--demo", "--json", "-f", "-"},
			check{code: 0, stdout: []string{`"command":"select ${BOX}"`}, notStdout: []string{`"command":"select INBOX"`}}},
		{"usage error names file:line", "", []string{"--demo", "-f", script("usage.imap", "noop\nfetch\nnoop\n", 0o644)},
			check{code: 3, stderr: []string{"error: " + filepath.Join(dir, "usage.imap") + ":2: fetch: missing SEQSET"}}},
		{"literal password in a 0644 file", "", []string{"--demo", "-f", secret},
			check{code: 1, stderr: []string{"error: " + secret + ":2: holds a literal secret", "chmod 600", "hint: "}, notStderr: []string{"demo demo"}}},
		{"literal password in a 0600 file", "", []string{"--demo", "-f", script("private.imap", "\\set PW hunter2\nnoop\n", 0o600)},
			check{code: 0, stdout: []string{"NOOP"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.want.verify(t, imapsh(t, testEnv(t), tt.stdin, tt.args...))
		})
	}
}

// TestBinaryCyrus runs the binary against a private Cyrus over imaps
// (skipped when it is not installed, unless IMAPSH_REQUIRE_SERVERS=1).
func TestBinaryCyrus(t *testing.T) {
	s := servers.Cyrus(t)
	s.Deliver(t, "alice", "INBOX", []byte("From: bob@example.org\r\nTo: alice@example.org\r\n"+
		"Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\nHello.\r\n"))
	imaps := "imaps://alice@127.0.0.1:" + strconv.Itoa(s.IMAPSPort) + "/INBOX"
	script := filepath.Join(t.TempDir(), "cyrus.imap")
	if err := os.WriteFile(script, []byte("list \"\" ${IMAPSH_E2E_PATTERN}\nfetch 1 (ENVELOPE)\ngetquotaroot INBOX\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want check
	}{
		{"script over imaps", []string{"--cafile", s.CAFile, imaps, "-f", script},
			check{code: 0, stdout: []string{`INBOX.Sent     .      \Sent`, "Grüße", "10 GiB"}}},
		{"NO exits 3 with its text", []string{"--cafile", s.CAFile, imaps, "-c", "setquota INBOX (STORAGE 1)", "-c", "noop"},
			check{code: 3, stdout: []string{"NO "}, notStdout: []string{"NOOP"}}},
		{"untrusted certificate", []string{imaps, "-c", "noop"},
			check{code: 1, stderr: []string{"hint: --cafile FILE or --pin"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := testEnv(t, "IMAPSH_PASSWORD=alicepw", "IMAPSH_E2E_PATTERN=INBOX.*")
			tt.want.verify(t, imapsh(t, env, "", tt.args...))
		})
	}
}

// TestBinaryCourier runs the binary against a private Courier-IMAP, the
// server of issue 7 (skipped when it is not installed, unless
// IMAPSH_REQUIRE_SERVERS=1): every session there used to end in a
// MALFORMED NAMESPACE or QUOTA, or in commands Courier lacks.
func TestBinaryCourier(t *testing.T) {
	s := servers.Courier(t)
	s.Deliver(t, "alice", "INBOX", []byte("From: bob@example.org\r\nTo: alice@example.org\r\n"+
		"Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\nHello.\r\n"))
	port := func(p int) string { return strconv.Itoa(p) }
	imaps := "imaps://alice@127.0.0.1:" + port(s.IMAPSPort)
	starttls := "imap://bob@127.0.0.1:" + port(s.IMAPPort)
	box := `"INBOX.Grüße €"`
	tests := []struct {
		name string
		args []string
		want check
	}{
		{"imaps: namespace, quota, search", []string{"--cafile", s.CAFile, "--trace", imaps + "/INBOX",
			"-c", "namespace", "-c", "getquotaroot INBOX", "-c", "search SUBJECT Grüße", "-c", "fetch 1 (ENVELOPE)"},
			check{code: 0, stdout: []string{"#shared.", "10 GiB", "SEARCH 1 (1 message)", "Grüße"},
				stderr: []string{"AUTHENTICATE CRAM-MD5", "CAPABILITY", "SEARCH CHARSET UTF-8 SUBJECT {7}"}}},
		{"starttls as bob: QUOTA without resources", []string{"--cafile", s.CAFile, starttls, "-c", "getquotaroot INBOX"},
			check{code: 0, stdout: []string{"ROOT  (no resources)"}}},
		{"UTF-8 mode, JSON", []string{"--cafile", s.CAFile, "--json", imaps, "-c", "enable UTF8=ACCEPT",
			"-c", "create " + box, "-c", `list "" "INBOX.Grü*"`, "-c", "delete " + box},
			check{code: 0, stdout: []string{`"mailbox":"INBOX.Grüße €","raw":"INBOX.Grüße €"`}}},
		{"move refused locally", []string{"--cafile", s.CAFile, imaps + "/INBOX", "-c", "move 1 INBOX.Trash"},
			check{code: 3, stderr: []string{"move: needs the server capability MOVE"}}},
		{"stream (PREAUTH)", []string{"--stream", shellQuote(s.PreauthCommand("alice")), "-c", "select INBOX", "-c", "unselect"},
			check{code: 3, stdout: []string{"INBOX  1 message"}, stderr: []string{"needs the server capability UNSELECT"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pw := "alicepw"
			if strings.Contains(strings.Join(tt.args, " "), "bob@") {
				pw = "bobpw"
			}
			tt.want.verify(t, imapsh(t, testEnv(t, "IMAPSH_PASSWORD="+pw), "", tt.args...))
		})
	}
}
