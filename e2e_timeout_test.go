package main

import "testing"

// TestBinaryCommandTimeout: --command-timeout reaches the client: a
// SEARCH the server never answers ends after it, with the connection
// closed (exit status 2 in a script), not after the default 2 minutes.
func TestBinaryCommandTimeout(t *testing.T) {
	s := startSlowServer(t)
	r := imapsh(t, testEnv(t, "IMAPSH_PASSWORD="+slowPassword), "", "--plaintext", "--command-timeout", "200ms",
		"imap://alice@"+s.addr+"/INBOX", "-c", "search BODY x", "-c", "noop")
	check{code: 2, stderr: []string{"timed out waiting for the server"}}.verify(t, r)
}
