package main

import (
	"strconv"
	"strings"
	"testing"

	"imapsh/internal/servers"
)

// examplesDir holds the shipped .imap examples; they run with it as the
// working directory (append reads message.eml from there).
const examplesDir = "scripts/examples"

// exampleMessage is delivered to INBOX before the examples run (smoke
// fetches message 1).
var exampleMessage = []byte("From: a@example.org\r\nTo: b@example.org\r\nSubject: examples\r\n\r\nbody\r\n")

// exampleServer is a server the examples run against: the ones that run
// (example -> its user) and the ones that must stop, with exit status 3,
// where the server lacks what they need (example -> what stderr says).
type exampleServer struct {
	name  string
	start func(testing.TB) *servers.Server
	runs  map[string]string
	stops map[string]string
}

// exampleServers: every example runs against every server that offers
// what it needs. Courier lacks MOVE (mailbox-lifecycle), CONDSTORE
// (condstore) and ID (quirk-probe), and is the only one with UTF8=ACCEPT
// (utf8-accept); cyrus-quota needs Cyrus's admin.
var exampleServers = []exampleServer{
	{"dovecot", servers.Dovecot, withCommon(map[string]string{
		"mailbox-lifecycle.imap": "alice", "condstore.imap": "alice", "quirk-probe.imap": "alice"}), nil},
	{"cyrus", servers.Cyrus, withCommon(map[string]string{
		"mailbox-lifecycle.imap": "alice", "condstore.imap": "alice", "quirk-probe.imap": "alice",
		"cyrus-quota.imap": "admin"}), nil},
	{"courier", servers.Courier, withCommon(map[string]string{"utf8-accept.imap": "alice"}),
		map[string]string{"mailbox-lifecycle.imap": "needs the server capability MOVE",
			"condstore.imap":   `\expect match ^\* ENABLED CONDSTORE: no server line matches`,
			"quirk-probe.imap": "needs the server capability ID"}},
}

// withCommon adds the examples every server runs, as alice.
func withCommon(runs map[string]string) map[string]string {
	for _, f := range []string{"smoke.imap", "acl-quota-audit.imap"} {
		runs[f] = "alice"
	}
	return runs
}

// TestExamples runs the examples against Dovecot, Cyrus and Courier; each
// must exit 0, which means all its \expect lines held. An example that
// needs what a server lacks must stop there with exit status 3: the shell
// refuses the line, or an \expect fails.
func TestExamples(t *testing.T) {
	for _, sv := range exampleServers {
		t.Run(sv.name, func(t *testing.T) {
			srv := sv.start(t)
			srv.Deliver(t, "alice", "INBOX", exampleMessage)
			for file, user := range sv.runs {
				t.Run(file, func(t *testing.T) {
					if r := runExample(t, srv, user, "-f", file); r.code != 0 {
						t.Errorf("%s as %s: %s", file, user, r)
					}
				})
			}
			for file, why := range sv.stops {
				t.Run(file, func(t *testing.T) {
					r := runExample(t, srv, "alice", "-f", file)
					if r.code != 3 || !strings.Contains(r.stderr, why) {
						t.Errorf("%s: want exit 3 with %q, got %s", file, why, r)
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
