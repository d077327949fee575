package main

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"imapsh/internal/servers"
)

// secretScript logs in with ${PW} (LOGIN, or AUTHENTICATE PLAIN), echoes
// and copies the variable, lets an expectation fail after the login (so
// the error shows the line; --continue-on-error goes on), and fetches.
const secretScript = `%s
\expect bad
\echo logged in with ${PW}
\set COPY ${PW}
\set
select INBOX
fetch 1 (UID FLAGS)
\expect ok
logout
`

// TestSecretsNeverShown runs scripts that log in with ${PW} through the
// binary with --trace, --trace-file, --json, --raw and --record, and an
// interactive session with history, and asserts that the password (and
// its SASL PLAIN encoding) appears in no output and no file.
func TestSecretsNeverShown(t *testing.T) {
	srv := servers.Dovecot(t)
	srv.Deliver(t, "alice", "INBOX", exampleMessage)
	const password = "alicepw"
	secrets := []string{password, base64.StdEncoding.EncodeToString([]byte("\x00alice\x00" + password))}
	dir := t.TempDir()
	url := "imaps://127.0.0.1:" + strconv.Itoa(srv.IMAPSPort)
	logins := map[string]string{"login": "login alice ${PW}", "plain": "authenticate PLAIN alice ${PW}"}
	runs := map[string][]string{
		"stderr trace, json": {"--trace", "--json"},
		"trace file, raw":    {"--trace-file", filepath.Join(dir, "%s.trace"), "--raw"},
		"pretty, record":     {"--record", filepath.Join(dir, "%s.imap")},
	}
	for login, line := range logins {
		script := filepath.Join(dir, login+".script")
		if err := os.WriteFile(script, []byte(strings.Replace(secretScript, "%s", line, 1)), 0o644); err != nil {
			t.Fatal(err)
		}
		for name, flags := range runs {
			t.Run(login+"/"+name, func(t *testing.T) {
				args := []string{"--cafile", srv.CAFile, "--continue-on-error"}
				for _, f := range flags {
					args = append(args, strings.Replace(f, "%s", login, 1))
				}
				r := imapsh(t, testEnv(t, "PW="+password), "", append(args, url, "-f", script)...)
				check{code: 3, stderr: []string{"expected BAD, got OK (after " + line + ")"}, stdout: []string{"logged in with ${PW}", stdoutCopy(flags)}}.verify(t, r)
				assertNoSecret(t, "stdout", r.stdout, secrets)
				assertNoSecret(t, "stderr", r.stderr, secrets)
			})
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*[ep]")) // *.trace, *.imap
	if len(files) != 4 {
		t.Fatalf("want 2 trace files and 2 recordings, got %q", files)
	}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		if len(data) < 100 {
			t.Errorf("%s is nearly empty:\n%s", f, data)
		}
		assertNoSecret(t, f, string(data), secrets)
	}
	t.Run("history", func(t *testing.T) {
		script := filepath.Join(dir, "interactive.script")
		lines := "login alice ${PW}\n\\echo logged in with ${PW}\nselect INBOX\nfetch 1 (UID FLAGS)\n"
		if err := os.WriteFile(script, []byte(lines), 0o644); err != nil {
			t.Fatal(err)
		}
		checkHistorySecret(t, srv, script, secrets)
	})
}

// checkHistorySecret types \set PW and runs the script with \i at a
// terminal, then reads the history file.
func checkHistorySecret(t *testing.T, srv *servers.Server, script string, secrets []string) {
	env := testEnv(t, "TERM=xterm")
	term := startTerminal(t, env, "--cafile", srv.CAFile, "imaps://127.0.0.1:"+strconv.Itoa(srv.IMAPSPort))
	term.expect("> ")
	term.send(`\set PW ` + secrets[0] + "\r")
	term.expect("> ")
	term.send(`\i ` + script + "\r")
	term.expect("logged in with ${PW}")
	term.expect("INBOX[")
	term.send("\x04")
	term.waitExit()
	history, err := os.ReadFile(filepath.Join(envValue(env, "XDG_STATE_HOME"), "imapsh", "history"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(history), `\set PW ***`) {
		t.Errorf("history lacks the masked \\set:\n%s", history)
	}
	assertNoSecret(t, "history", string(history), secrets)
}

// stdoutCopy is how \set alone shows the variable COPY, set from ${PW}:
// secret, without its value.
func stdoutCopy(flags []string) string {
	if slices.Contains(flags, "--json") {
		return `"variables":[{"name":"COPY","secret":true}]`
	}
	return "COPY  (secret)"
}

func assertNoSecret(t *testing.T, where, text string, secrets []string) {
	t.Helper()
	for _, s := range secrets {
		if strings.Contains(text, s) {
			t.Errorf("%s holds the secret %q:\n%s", where, s, text)
		}
	}
}

// TestConnectPasswordNeverShown: --json -c '\connect URL' with a password
// in the URL shows it in no field of any output (issue 8); so does a
// --record and a --trace.
func TestConnectPasswordNeverShown(t *testing.T) {
	const password = "s3cr3t-url-pw"
	dir := t.TempDir()
	rec := filepath.Join(dir, "rec.imap")
	for _, flags := range [][]string{{"--json"}, {"--json", "--trace", "--record", rec}, {"--raw"}} {
		for _, line := range []string{`\connect imaps://bob:` + password + `@127.0.0.1:1`, `\connect imaps://bob:` + password + `@127.0.0.1:1 extra`} {
			r := imapsh(t, testEnv(t), "", append(flags, "-c", line)...)
			check{code: 3, stdout: nil}.verify(t, r)
			assertNoSecret(t, "stdout", r.stdout, []string{password})
			assertNoSecret(t, "stderr", r.stderr, []string{password})
		}
	}
	data, _ := os.ReadFile(rec)
	assertNoSecret(t, rec, string(data), []string{password})
}
