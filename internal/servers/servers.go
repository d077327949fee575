// Package servers starts private, throw-away instances of real IMAP servers
// (Dovecot 2.3, Cyrus IMAP 3.x and Courier-IMAP 5.0) for tests of other
// packages.
//
// Each instance gets its own directory, a fresh self-signed certificate, two
// free ports on 127.0.0.1 (IMAP with STARTTLS, and implicit-TLS IMAPS) and the
// test users alice/alicepw, bob/bobpw, carol/pässwörd€ and admin/adminpw.
// It is stopped and removed by t.Cleanup. When a server is not installed the
// test is skipped, unless IMAPSH_REQUIRE_SERVERS=1 makes that a failure.
// Install the servers with .ci/install-servers.sh (as root).
//
// Close client connections before the server stops: t.Cleanup runs last
// in, first out, so register a connection's cleanup after starting the
// server. Dovecot keeps a session that is left in IDLE alive for about ten
// seconds after its master is gone, and the stop waits for it.
package servers

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"os"
	"strconv"
	"testing"
)

// RequireEnv names the environment variable that turns a missing server into
// a test failure instead of a skip (set to "1" in CI).
const RequireEnv = "IMAPSH_REQUIRE_SERVERS"

// Host is the only address the servers listen on.
const Host = "127.0.0.1"

// testUsers are the accounts every server is created with (user -> password).
var testUsers = map[string]string{
	"alice": "alicepw",
	"bob":   "bobpw",
	"carol": "pässwörd€",
	"admin": "adminpw",
}

// specialUseFolders are created for every user, each with the RFC 6154
// attribute of the same name (\Drafts, \Sent, ...).
var specialUseFolders = []string{"Drafts", "Sent", "Trash", "Junk", "Archive"}

// Server describes one running test server instance.
type Server struct {
	// Name is "dovecot", "cyrus" or "courier".
	Name string
	// Host is the listen address, always "127.0.0.1".
	Host string
	// IMAPPort serves plain IMAP with STARTTLS (RFC 9051 section 6.2.1).
	IMAPPort int
	// IMAPSPort serves IMAP over implicit TLS (RFC 8314).
	IMAPSPort int
	// CAFile is the PEM file of the self-signed server certificate, which is
	// also its own CA. It is valid for "localhost" and 127.0.0.1.
	CAFile string
	// CAPool holds that certificate, ready for tls.Config.RootCAs.
	CAPool *x509.CertPool
	// Users maps each test user to its password; "admin" is the server admin
	// (Dovecot: master user, log in as "alice*admin"; Cyrus: admins: admin;
	// Courier has no IMAP admin, and admin is an ordinary user there).
	Users map[string]string
	// Separator is the hierarchy separator: "/" (Dovecot) or "." (Cyrus,
	// Courier).
	Separator string
	// PersonalPrefix is the personal namespace prefix: "" (Dovecot) or
	// "INBOX." (Cyrus, Courier).
	PersonalPrefix string
	// Dir holds the instance's config, mail, sockets and logs; it lies under
	// /dev/shm (else /tmp) and is removed when the test ends.
	Dir string

	keyFile      string   // PEM private key of the certificate in CAFile
	logFiles     []string // read by Log
	group        int      // the daemon's process group (KillSessions)
	session      string   // the command name of its per-connection processes
	namespacePID int      // a process in the server's private mount namespace (Courier)
}

// IMAPAddr returns host:port of the plain (STARTTLS) IMAP listener.
func (s *Server) IMAPAddr() string {
	return net.JoinHostPort(s.Host, strconv.Itoa(s.IMAPPort))
}

// IMAPSAddr returns host:port of the implicit-TLS IMAPS listener.
func (s *Server) IMAPSAddr() string {
	return net.JoinHostPort(s.Host, strconv.Itoa(s.IMAPSPort))
}

// Log returns the server's log output so far, for failure messages.
func (s *Server) Log() string {
	var out []byte
	for _, name := range s.logFiles {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		out = append(out, "==> "+name+" <==\n"...)
		out = append(out, data...)
	}
	return string(out)
}

// tlsConfig verifies the server's certificate as a client for "localhost".
func (s *Server) tlsConfig() *tls.Config {
	return &tls.Config{RootCAs: s.CAPool, ServerName: "localhost"}
}

// missing skips the test because a server is not installed, or fails it
// when RequireEnv is "1".
func missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("%s (%s=1)", why, RequireEnv)
	}
	t.Skip(why)
}
