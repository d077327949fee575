package main

import (
	"strconv"
	"testing"

	"imapsh/internal/servers"
)

// TestBinaryPortsSwapped: real Dovecot with its ports swapped in the URL,
// and URLs without a scheme (issue 11, defect 8). Each failure names
// what the port did and the URL to try.
func TestBinaryPortsSwapped(t *testing.T) {
	s := servers.Dovecot(t)
	plain, tls := strconv.Itoa(s.IMAPPort), strconv.Itoa(s.IMAPSPort)
	noop := []string{"-c", "noop"}
	tests := []struct {
		name string
		args []string
		want check
	}{
		{"imaps:// to the plaintext port", []string{"--cafile", s.CAFile, "imaps://alice@127.0.0.1:" + plain + "/INBOX"},
			check{code: 1, stderr: []string{`error: TLS: the server answered the TLS handshake with a plaintext IMAP greeting "* OK`,
				"hint: this port greets in plaintext (imap://, upgraded with STARTTLS): try imap://alice@127.0.0.1:" + plain + "/INBOX"}}},
		{"imap:// to the TLS port", []string{"--cafile", s.CAFile, "--connect-timeout", "1s", "imap://alice@127.0.0.1:" + tls},
			check{code: 1, stderr: []string{"error: timed out waiting for the server's greeting (1s)", "hint: a port that speaks TLS from the first byte",
				"try imaps://alice@127.0.0.1:" + tls}}},
		{"no scheme, the TLS port: imaps", []string{"--cafile", s.CAFile, "alice@127.0.0.1:" + tls + "/INBOX"},
			check{code: 0, stdout: []string{"NOOP completed"}, notStderr: []string{"error"}}},
		{"no scheme, the plaintext port (not 143): imaps, and the hint", []string{"--cafile", s.CAFile, "127.0.0.1:" + plain},
			check{code: 1, stderr: []string{"plaintext IMAP greeting", "try imap://127.0.0.1:" + plain}}},
		// \connect in the shell gives the same hints as the command line
		{"\\connect imaps:// to the plaintext port", []string{"--cafile", s.CAFile, "--demo", "-c", `\connect imaps://alice@127.0.0.1:` + plain},
			check{code: 3, stderr: []string{"plaintext IMAP greeting", "hint: this port greets in plaintext (imap://, upgraded with STARTTLS): try imap://alice@127.0.0.1:" + plain}}},
		{"\\connect with the wrong CA", []string{"--demo", "-c", `\connect imaps://alice@127.0.0.1:` + tls},
			check{code: 3, stderr: []string{"certificate signed by unknown authority", "hint: --cafile FILE or --pin sha256//... to trust this server's certificate"}}},
		{"\\connect with a wrong password", []string{"--cafile", s.CAFile, "--demo", "--password-command", "echo wrong", "-c", `\connect imaps://alice@127.0.0.1:` + tls},
			check{code: 3, stderr: []string{"AUTHENTICATE: NO", "hint: check the user name and the password"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := append(testEnv(t), "IMAPSH_PASSWORD=alicepw")
			args := tt.args
			if args[len(args)-2] != "-c" {
				args = append(args, noop...)
			}
			r := imapsh(t, env, "", args...)
			tt.want.verify(t, r)
			if t.Failed() {
				t.Log(r)
			}
		})
	}
}
