package main

import (
	"strconv"
	"testing"

	"imapsh/internal/servers"
)

// examplesDir holds the shipped .imap examples; they run with it as the
// working directory (append reads message.eml from there).
const examplesDir = "scripts/examples"

// exampleMessage is delivered to INBOX before the examples run (smoke
// fetches message 1).
var exampleMessage = []byte("From: a@example.org\r\nTo: b@example.org\r\nSubject: examples\r\n\r\nbody\r\n")

// TestExamples runs every example against Dovecot and Cyrus (the Cyrus
// admin one against Cyrus only); each must exit 0, which means all its
// \expect lines held.
func TestExamples(t *testing.T) {
	common := []string{"smoke.imap", "mailbox-lifecycle.imap", "acl-quota-audit.imap", "condstore.imap", "quirk-probe.imap"}
	servers := []struct {
		name  string
		start func(testing.TB) *servers.Server
		extra map[string]string // example -> its user (default alice)
	}{
		{"dovecot", servers.Dovecot, nil},
		{"cyrus", servers.Cyrus, map[string]string{"cyrus-quota.imap": "admin"}},
	}
	for _, sv := range servers {
		t.Run(sv.name, func(t *testing.T) {
			srv := sv.start(t)
			srv.Deliver(t, "alice", "INBOX", exampleMessage)
			runs := map[string]string{}
			for _, f := range common {
				runs[f] = "alice"
			}
			for f, user := range sv.extra {
				runs[f] = user
			}
			for file, user := range runs {
				t.Run(file, func(t *testing.T) {
					r := runExample(t, srv, user, "-f", file)
					if r.code != 0 {
						t.Errorf("%s as %s: %s", file, user, r)
					}
				})
			}
		})
	}
}

// exampleEnv is the environment of an example run against srv as user:
// the account, PREFIX and SEP for mailbox names, QUOTA_USER for the admin.
func exampleEnv(t *testing.T, srv *servers.Server, user string) []string {
	return testEnv(t, "IMAPSH_USER="+user, "IMAPSH_PASSWORD="+srv.Users[user],
		"PREFIX="+srv.PersonalPrefix, "SEP="+srv.Separator, "QUOTA_USER=alice")
}

// runExample runs the binary in examplesDir against srv's IMAPS port
// (verified with its CA), without a user in the URL: the scripts log in.
func runExample(t *testing.T, srv *servers.Server, user string, args ...string) result {
	t.Helper()
	url := "imaps://" + srv.Host + ":" + strconv.Itoa(srv.IMAPSPort)
	return imapshIn(t, examplesDir, exampleEnv(t, srv, user), "", append([]string{"--cafile", srv.CAFile, url}, args...)...)
}
