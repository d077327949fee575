package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"imapsh/internal/probe"
	"imapsh/internal/servers"
)

// TestBinaryProbeDemo: imapsh --probe on the demo prints the report and
// exits 4 (the demo breaks LITERAL+ and LIST-EXTENDED); --probe-write
// --json prints one JSON report whose scratch mailboxes are gone.
func TestBinaryProbeDemo(t *testing.T) {
	check{code: 4, stdout: []string{"imapsh probe of imap://demo@127.0.0.1", "CONNECTION", "CAPABILITIES", "EXTENSIONS",
		"DEVIATIONS", "LATENCY", "CHECKS", "RESULT 2 announced capabilities broken: LITERAL+, LIST-EXTENDED"},
		notStdout: []string{"\x1b["}}.verify(t, imapsh(t, testEnv(t), "", "--probe", "--demo"))

	r := imapsh(t, testEnv(t), "", "--probe-write", "--demo", "--json")
	var rep probe.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("not one JSON report: %v\n%s", err, r)
	}
	if r.code != 4 || rep.Mode != probe.ModeWrite || rep.ExitStatus != 4 || rep.Scratch == nil || len(rep.Scratch.LeftBehind) != 0 {
		t.Errorf("report: mode %s exit %d scratch %+v\n%s", rep.Mode, rep.ExitStatus, rep.Scratch, r)
	}
}

// TestBinaryProbeUsage: --probe needs a target and does not mix with
// the shell's batch flags.
func TestBinaryProbeUsage(t *testing.T) {
	check{code: 1, stderr: []string{"--probe needs a URL"}}.verify(t, imapsh(t, testEnv(t), "", "--probe"))
	check{code: 1, stderr: []string{"prints a report and exits"}}.verify(t, imapsh(t, testEnv(t), "", "--probe", "--demo", "-c", "noop"))
}

// TestBinaryProbeDovecot: --probe over STARTTLS with --trace-file keeps
// the exchange (without the password); a certificate the probe cannot
// trust stops it before login with exit 1, the certificate described.
func TestBinaryProbeDovecot(t *testing.T) {
	s := servers.Dovecot(t)
	s.Deliver(t, "alice", "INBOX", []byte("From: a@example.org\r\nSubject: hi\r\n\r\nhello\r\n"))
	url := "imap://alice@localhost:" + strconv.Itoa(s.IMAPPort)
	trace := filepath.Join(t.TempDir(), "probe.trace")
	env := testEnv(t, "IMAPSH_PASSWORD=alicepw")
	check{code: 4, stdout: []string{"server: Dovecot", "imap:// with STARTTLS", "certificate  CN=localhost", "trusted", "✗ literal-after-refused-command",
		"RESULT 1 announced capability broken: LITERAL+"}}.verify(t, imapsh(t, env, "", "--probe", "--cafile", s.CAFile, "--trace-file", trace, url))
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"C: A1 CAPABILITY", "C: A2 STARTTLS", "!starttls", "STATUS INBOX (MESSAGES X-IMAPSH-PROBE)"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("trace lacks %q", want)
		}
	}
	if strings.Contains(string(data), "alicepw") {
		t.Error("the trace holds the password")
	}
	check{code: 1, stdout: []string{"✗ certificate", "not trusted", "the probe does not log in"}}.verify(t, imapsh(t, env, "", "--probe", url))
	check{code: 4, stdout: []string{"a command's stdin and stdout", "PREAUTH", "server: Dovecot"}}.verify(t,
		imapsh(t, testEnv(t), "", "--probe", "--stream", shellQuote(s.PreauthCommand("alice"))))
}
