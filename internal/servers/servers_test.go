package servers

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// starters lists the launchers every server-level test runs against.
var starters = []struct {
	name  string
	start func(testing.TB) *Server
}{
	{"dovecot", Dovecot},
	{"cyrus", Cyrus},
	{"courier", Courier},
}

// forEachServer runs test in parallel against a fresh instance of each
// server, logging the start-up time.
func forEachServer(t *testing.T, test func(t *testing.T, s *Server)) {
	for _, st := range starters {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			began := time.Now()
			s := st.start(t)
			t.Logf("%s up in %v on %s and %s", s.Name, time.Since(began), s.IMAPAddr(), s.IMAPSAddr())
			test(t, s)
		})
	}
}

// session dials s's plain port and logs in as user (AUTHENTICATE PLAIN).
func session(t *testing.T, s *Server, user string) *rawConn {
	t.Helper()
	c, err := dialRaw(s.IMAPAddr(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.conn.Close() })
	if err := c.authenticatePlain(user, s.Users[user]); err != nil {
		t.Fatalf("log in as %s: %v", user, err)
	}
	return c
}

// mustSend sends a raw command and fails the test unless it returns OK.
func mustSend(t *testing.T, c *rawConn, command string) []string {
	t.Helper()
	lines, err := c.send([]byte(command))
	if err != nil {
		t.Fatalf("%s: %v (untagged: %q)", command, err, lines)
	}
	return lines
}

// containsLine reports whether some line contains all parts (ignoring case).
func containsLine(lines []string, parts ...string) bool {
	for _, line := range lines {
		found := true
		for _, p := range parts {
			found = found && strings.Contains(strings.ToLower(line), strings.ToLower(p))
		}
		if found {
			return true
		}
	}
	return false
}

func TestServerFields(t *testing.T) {
	want := map[string][2]string{"dovecot": {"/", ""}, "cyrus": {".", "INBOX."}, "courier": {".", "INBOX."}}
	forEachServer(t, func(t *testing.T, s *Server) {
		if s.Host != "127.0.0.1" || s.IMAPPort == s.IMAPSPort || s.IMAPPort == 0 {
			t.Errorf("bad address: host %q ports %d, %d", s.Host, s.IMAPPort, s.IMAPSPort)
		}
		if got := [2]string{s.Separator, s.PersonalPrefix}; got != want[s.Name] {
			t.Errorf("separator, prefix = %q, want %q", got, want[s.Name])
		}
		if len(s.Users) != 4 || s.Users["carol"] != "pässwörd€" {
			t.Errorf("users = %v", s.Users)
		}
		if len(s.Dir) > 40 {
			t.Errorf("Dir %q too long for unix socket paths", s.Dir)
		}
		c := session(t, s, "alice")
		ns := mustSend(t, c, "NAMESPACE")
		wantNS := fmt.Sprintf(`* NAMESPACE (("%s" "%s"))`, s.PersonalPrefix, s.Separator)
		if !containsLine(ns, wantNS) {
			t.Errorf("NAMESPACE = %q, want prefix %q", ns, wantNS)
		}
	})
}

func TestCapabilities(t *testing.T) {
	rich := []string{"IMAP4rev1", "LITERAL+", "MULTIAPPEND", "NAMESPACE", "SPECIAL-USE",
		"METADATA", "QUOTA", "ACL", "COMPRESS=DEFLATE", "CONDSTORE", "MOVE", "ID", "IDLE"}
	want := map[string][]string{
		"dovecot": append(rich, "RIGHTS=texk"),
		"cyrus":   append(rich, "ANNOTATEMORE"),
		"courier": {"IMAP4rev1", "NAMESPACE", "QUOTA", "ACL", "IDLE", "SORT", "THREAD=REFERENCES",
			"UIDPLUS", "ENABLE", "UTF8=ACCEPT", "AUTH=CRAM-MD5"},
	}
	// Courier lacks these (and so the client tests what it does without them).
	lacking := map[string][]string{"courier": {"LITERAL+", "MOVE", "UNSELECT", "ESEARCH",
		"CONDSTORE", "ID", "METADATA", "SPECIAL-USE", "COMPRESS=DEFLATE", "AUTH=PLAIN"}}
	forEachServer(t, func(t *testing.T, s *Server) {
		c := session(t, s, "alice")
		caps := " " + strings.Join(mustSend(t, c, "CAPABILITY"), " ") + " "
		for _, cp := range want[s.Name] {
			if !strings.Contains(caps, " "+cp+" ") {
				t.Errorf("CAPABILITY lacks %s: %s", cp, caps)
			}
		}
		for _, cp := range lacking[s.Name] {
			if strings.Contains(caps, " "+cp+" ") {
				t.Errorf("CAPABILITY has %s: %s", cp, caps)
			}
		}
	})
}

func TestCyrusLegacyAnnotations(t *testing.T) {
	s := Cyrus(t)
	c := session(t, s, "alice")
	mustSend(t, c, `SETANNOTATION "INBOX" "/comment" ("value.priv" "hello")`)
	if lines := mustSend(t, c, `GETANNOTATION "INBOX" "/comment" "value.priv"`); !containsLine(lines, "hello") {
		t.Errorf("GETANNOTATION = %q, want the value set before", lines)
	}
}

func TestGreetingsAndTLS(t *testing.T) {
	forEachServer(t, func(t *testing.T, s *Server) {
		plain, err := dialRaw(s.IMAPAddr(), nil)
		if err != nil {
			t.Fatalf("plain port: %v", err)
		}
		defer plain.conn.Close()
		if !strings.HasPrefix(plain.greeting, "* OK") {
			t.Errorf("plain greeting %q", plain.greeting)
		}
		configs := map[string]*tls.Config{
			"by name":       {RootCAs: s.CAPool, ServerName: "localhost"},
			"by IP SAN":     {RootCAs: s.CAPool},
			"CAFile loaded": {RootCAs: poolFromFile(t, s.CAFile), ServerName: "localhost"},
		}
		for name, cfg := range configs {
			c, err := dialRaw(s.IMAPSAddr(), cfg)
			if err != nil {
				t.Errorf("IMAPS %s: %v", name, err)
				continue
			}
			c.conn.Close()
		}
		if _, err := dialRaw(s.IMAPSAddr(), &tls.Config{ServerName: "localhost"}); err == nil {
			t.Error("IMAPS verified against the system roots: certificate not self-signed?")
		}
		startTLS(t, plain, s.tlsConfig())
		if err := plain.authenticatePlain("alice", "alicepw"); err != nil {
			t.Errorf("login after STARTTLS: %v", err)
		}
	})
}

// poolFromFile loads a PEM CA file the way a client would.
func poolFromFile(t *testing.T, name string) *x509.CertPool {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(data) {
		t.Fatalf("%s holds no PEM certificate", name)
	}
	return pool
}

// startTLS upgrades c with STARTTLS (RFC 9051 section 6.2.1).
func startTLS(t *testing.T, c *rawConn, cfg *tls.Config) {
	t.Helper()
	mustSend(t, c, "STARTTLS")
	tc := tls.Client(c.conn, cfg)
	if err := tc.Handshake(); err != nil {
		t.Fatalf("STARTTLS handshake: %v", err)
	}
	c.conn, c.r = tc, bufio.NewReader(tc)
}

func TestLogin(t *testing.T) {
	forEachServer(t, func(t *testing.T, s *Server) {
		admin := map[string]string{"dovecot": "alice*admin", "cyrus": "admin", "courier": "admin"}[s.Name]
		tests := []struct {
			command string
			ok      bool
		}{
			{"LOGIN alice alicepw", true},
			{"LOGIN bob bobpw", true},
			{"LOGIN " + admin + " adminpw", true},
			{"LOGIN alice wrong", false},
			{"LOGIN nobody alicepw", false},
		}
		for _, tt := range tests {
			t.Run(tt.command, func(t *testing.T) {
				t.Parallel() // Courier answers a wrong password after 5 s
				c, err := dialRaw(s.IMAPAddr(), nil)
				if err != nil {
					t.Fatal(err)
				}
				_, err = c.send([]byte(tt.command))
				c.conn.Close()
				if (err == nil) != tt.ok {
					t.Errorf("%s: err = %v, want ok=%v", tt.command, err, tt.ok)
				}
			})
		}
		session(t, s, "carol") // UTF-8 password via AUTHENTICATE PLAIN
	})
}

func TestSpecialUseFolders(t *testing.T) {
	forEachServer(t, func(t *testing.T, s *Server) {
		c := session(t, s, "bob")
		lines := mustSend(t, c, `LIST "" "*"`)
		subscribed := mustSend(t, c, `LSUB "" "*"`)
		for _, box := range specialUseFolders {
			attr := `\` + box
			if s.Name == "courier" {
				attr = "" // no SPECIAL-USE: a plain folder
			}
			if !listsMailbox(lines, s.PersonalPrefix+box, attr) {
				t.Errorf("no %s with %q in %q", box, attr, lines)
			}
			if !listsMailbox(subscribed, s.PersonalPrefix+box, "") {
				t.Errorf("%s not subscribed: %q", box, subscribed)
			}
		}
		mustSend(t, c, "GETQUOTAROOT INBOX")
	})
}

// listsMailbox reports whether a LIST or LSUB line names mailbox (as an
// atom or a quoted string) and holds attr (ignoring case).
func listsMailbox(lines []string, mailbox, attr string) bool {
	for _, l := range lines {
		named := strings.HasSuffix(l, " "+mailbox) || strings.HasSuffix(l, ` "`+mailbox+`"`)
		if named && strings.Contains(strings.ToLower(l), strings.ToLower(attr)) {
			return true
		}
	}
	return false
}

func TestDeliver(t *testing.T) {
	msg := func(subject string) []byte {
		return []byte("From: a@example.org\r\nTo: b@example.org\r\nSubject: " + subject + "\r\n\r\nbody\r\n")
	}
	forEachServer(t, func(t *testing.T, s *Server) {
		work := s.PersonalPrefix + "Work" + s.Separator + "Reports"
		s.Deliver(t, "alice", "INBOX", msg("one"), msg("two"))
		s.Deliver(t, "alice", "INBOX", msg("three"))
		s.Deliver(t, "alice", work, msg("report"))
		c := session(t, s, "alice")
		for box, want := range map[string]string{"INBOX": "* 3 EXISTS", work: "* 1 EXISTS"} {
			if lines := mustSend(t, c, "SELECT "+quote(box)); !containsLine(lines, want) {
				t.Errorf("SELECT %s = %q, want %q", box, lines, want)
			}
		}
		other := session(t, s, "bob")
		if lines := mustSend(t, other, "SELECT INBOX"); !containsLine(lines, "* 0 EXISTS") {
			t.Errorf("bob's INBOX got alice's mail: %q", lines)
		}
	})
}

func TestPreauth(t *testing.T) {
	forEachServer(t, func(t *testing.T, s *Server) {
		argv := s.PreauthCommand("bob")
		if s.Name == "cyrus" {
			if argv != nil {
				t.Errorf("Cyrus has no PREAUTH mode, got %q", argv)
			}
			return
		}
		s.Deliver(t, "bob", "INBOX", []byte("Subject: hi\r\n\r\nhi\r\n"))
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Stdin = strings.NewReader("p1 SELECT INBOX\r\np2 LOGOUT\r\n")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%q: %v\n%s\n%s", argv, err, out, s.Log())
		}
		lines := strings.Split(string(out), "\r\n")
		greeting := map[string]string{"dovecot": "Logged in as bob", "courier": "Ready."}[s.Name]
		if !strings.HasPrefix(lines[0], "* PREAUTH") || !strings.Contains(lines[0], greeting) {
			t.Errorf("greeting = %q, want * PREAUTH ... %s", lines[0], greeting)
		}
		for _, want := range []string{"* 1 EXISTS", "p1 OK", "p2 OK"} {
			if !containsLine(lines, want) {
				t.Errorf("preauth session lacks %q:\n%s", want, out)
			}
		}
	})
}

func TestTwoDovecotsAtOnce(t *testing.T) {
	a, b := Dovecot(t), Dovecot(t)
	if a.IMAPPort == b.IMAPPort || a.IMAPSPort == b.IMAPSPort || a.Dir == b.Dir {
		t.Fatalf("instances share ports or dirs: %+v %+v", a, b)
	}
	a.Deliver(t, "alice", "INBOX", []byte("Subject: a\r\n\r\na\r\n"))
	for s, want := range map[*Server]string{a: "* 1 EXISTS", b: "* 0 EXISTS"} {
		if lines := mustSend(t, session(t, s, "alice"), "SELECT INBOX"); !containsLine(lines, want) {
			t.Errorf("%s: %q, want %q", s.Dir, lines, want)
		}
	}
}

func TestLogHasServerOutput(t *testing.T) {
	s := Dovecot(t)
	if !strings.Contains(s.Log(), "starting up for imap") {
		t.Errorf("Log() lacks Dovecot's start-up line:\n%s", s.Log())
	}
}
