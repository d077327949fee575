package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"imapsh/client/clienttest"
	"imapsh/internal/servers"
)

// recordedTranscript is the Dovecot session replayed by
// client/recorded_test.go; IMAPSH_UPDATE_RECORDED=1 rewrites it from a
// fresh Dovecot run of TestTraceFileReplays.
const recordedTranscript = "client/testdata/recorded/dovecot-session.txt"

// sessionMessages are delivered to alice's INBOX before a recorded session.
var sessionMessages = [][]byte{
	[]byte("From: Carol <carol@example.org>\r\nTo: alice@example.org\r\nSubject: first\r\nMessage-ID: <1@example.org>\r\n\r\none\r\n"),
	[]byte("From: Bob <bob@example.org>\r\nTo: alice@example.org\r\nSubject: second\r\nMessage-ID: <2@example.org>\r\n\r\ntwo\r\n"),
	[]byte("From: Bob <bob@example.org>\r\nTo: alice@example.org\r\nSubject: third\r\nMessage-ID: <3@example.org>\r\n\r\nthree\r\n"),
}

// sessionLines is a small real session; the password is the first line's
// last word, written out (stdin scripts have no file mode to guard).
func sessionLines(password string) string {
	return "login alice " + password + "\nselect INBOX\nfetch 1:3 (UID FLAGS ENVELOPE)\nsearch UNSEEN\n" +
		"store 1 +flags \\Flagged\nfetch 1 BODY.PEEK[HEADER.FIELDS (SUBJECT)]\nlogout\n"
}

// TestTraceFileReplays records the wire of a Dovecot session with
// --trace-file and replays the file with the transcript server against the
// same lines, logging in with the placeholder password ***.
func TestTraceFileReplays(t *testing.T) {
	srv := servers.Dovecot(t)
	srv.Deliver(t, "alice", "INBOX", sessionMessages...)
	trace := filepath.Join(t.TempDir(), "session.txt")
	url := "imap://" + srv.IMAPAddr()
	rec := runStdin(t, sessionLines("alicepw"), "--plaintext", "--trace-file", trace, url)
	if rec.code != 0 {
		t.Fatalf("recording: %s", rec)
	}
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "alicepw") || !strings.Contains(string(data), `LOGIN alice "***"`) {
		t.Fatalf("trace file login:\n%s", data)
	}
	if os.Getenv("IMAPSH_UPDATE_RECORDED") == "1" {
		if err := os.WriteFile(recordedTranscript, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	for _, file := range []string{trace, recordedTranscript} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			transcript, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			addr := clienttest.Listen(t, string(transcript))
			r := runStdin(t, sessionLines("***"), "--plaintext", "imap://"+addr)
			check{code: 0, stdout: []string{"Subject: first", "second", "third"}}.verify(t, r)
		})
	}
}

// runStdin runs the binary with stdin as a piped script.
func runStdin(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	return imapsh(t, testEnv(t), stdin, args...)
}

// TestRecordReplayDovecot records a session with --record and replays the
// recording with -f: it passes with the password in IMAPSH_PASSWORD and
// fails (exit 3, at the login's \expect ok) with a wrong one.
func TestRecordReplayDovecot(t *testing.T) {
	srv := servers.Dovecot(t)
	srv.Deliver(t, "alice", "INBOX", sessionMessages...)
	dir := t.TempDir()
	recording := filepath.Join(dir, "session.imap")
	url := "imaps://127.0.0.1:" + strconv.Itoa(srv.IMAPSPort)
	script := "login alice alicepw\n\\set ON_ERROR_STOP off\nselect INBOX\nfetch 1:3 (UID FLAGS)\n" +
		"select NoSuchBox\n\\trace on\nexamine INBOX\nsearch ALL\ncreate Recorded\ndelete Recorded\nlogout\n"
	r := imapsh(t, testEnv(t), script, "--cafile", srv.CAFile, "--record", recording, url)
	check{code: 3}.verify(t, r) // the NO of select NoSuchBox
	data, err := os.ReadFile(recording)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(recording); fi.Mode().Perm() != 0o600 {
		t.Errorf("recording mode %v", fi.Mode().Perm())
	}
	for _, want := range []string{"login alice ${IMAPSH_PASSWORD}\n\\expect ok\n", "select NoSuchBox\n\\expect no\n", "create Recorded\n\\expect ok\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("recording lacks %q:\n%s", want, data)
		}
	}
	if strings.Contains(string(data), "alicepw") || strings.Contains(string(data), `\trace`) {
		t.Errorf("recording holds the password or \\trace:\n%s", data)
	}

	replay := func(password string) result {
		return imapsh(t, testEnv(t, "IMAPSH_PASSWORD="+password), "", "--cafile", srv.CAFile, url, "-f", recording)
	}
	check{code: 0}.verify(t, replay("alicepw"))
	check{code: 3, stderr: []string{"expected OK, got NO"}}.verify(t, replay("wrong"))
}
