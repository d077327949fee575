package servers

import (
	"net"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Courier-IMAP's behaviour that the client tests rely on (observed on
// 5.0.13; ../shared/lab/README.md lists it).

func TestCourierAnswers(t *testing.T) {
	s := Courier(t)
	alice, bob := session(t, s, "alice"), session(t, s, "bob")
	tests := []struct {
		c       *rawConn
		command string
		want    []string
	}{
		// Descriptors side by side, no space between them (RFC 2342 grammar).
		{alice, "NAMESPACE", []string{`* NAMESPACE (("INBOX." ".")) NIL (("#shared." ".")("shared." "."))`}},
		{alice, "GETQUOTAROOT INBOX", []string{`* QUOTAROOT "INBOX" "ROOT"`, `* QUOTA "ROOT" (STORAGE 0 10485760 MESSAGE 0 1000000)`}},
		// bob has no quota: a QUOTA response without a resource list.
		{bob, "GETQUOTAROOT INBOX", []string{`* QUOTAROOT "INBOX" "ROOT"`, `* QUOTA "ROOT"`}},
		{alice, "ENABLE UTF8=ACCEPT", []string{"* ENABLED UTF8=ACCEPT"}},
	}
	for _, tt := range tests {
		lines := mustSend(t, tt.c, tt.command)
		for _, want := range tt.want {
			if !containsExactLine(lines, want) {
				t.Errorf("%s: no line %q in %q", tt.command, want, lines)
			}
		}
	}
}

// containsExactLine reports whether lines holds want.
func containsExactLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

// TestCourierLoginCarriesNoCapability: Courier's LOGIN and AUTHENTICATE
// answer OK without a [CAPABILITY] code, and the list changes after login
// (no STARTTLS), so a client must ask again.
func TestCourierLoginCarriesNoCapability(t *testing.T) {
	s := Courier(t)
	for _, command := range []string{"LOGIN alice alicepw", "AUTHENTICATE PLAIN AGFsaWNlAGFsaWNlcHc="} {
		c, err := dialRaw(s.IMAPAddr(), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer c.conn.Close()
		if !strings.Contains(c.greeting, "[CAPABILITY IMAP4rev1 ") || !strings.Contains(c.greeting, "STARTTLS") {
			t.Errorf("greeting %q lacks its CAPABILITY code", c.greeting)
		}
		tag := "login"
		c.conn.Write([]byte(tag + " " + command + "\r\n"))
		for {
			line, err := c.readLine()
			if err != nil {
				t.Fatal(err)
			}
			if rest, ok := strings.CutPrefix(line, tag+" "); ok {
				if rest != "OK LOGIN Ok." {
					t.Errorf("%s: tagged answer %q, want a plain OK LOGIN Ok.", command, rest)
				}
				break
			}
			if strings.Contains(line, "CAPABILITY") {
				t.Errorf("%s: untagged %q", command, line)
			}
		}
		caps := strings.Join(mustSend(t, c, "CAPABILITY"), " ")
		if strings.Contains(caps, "STARTTLS") || !strings.Contains(caps, "UTF8=ACCEPT") {
			t.Errorf("post-login CAPABILITY %q", caps)
		}
	}
}

func TestTwoCouriersAtOnce(t *testing.T) {
	a, b := Courier(t), Courier(t)
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

// TestCourierStopEndsEverything: when the test ends, nothing of the
// instance is left: not its daemons, not an imapd session still open (in
// IDLE) with the gam_server it started, which daemonized, and its ports
// are free again.
func TestCourierStopEndsEverything(t *testing.T) {
	var ns string
	var addrs []string
	var open *rawConn
	t.Run("server", func(t *testing.T) {
		s := Courier(t)
		var err error
		if ns, err = privateMountNamespace(s.namespacePID); err != nil {
			t.Fatal(err)
		}
		addrs = []string{s.IMAPAddr(), s.IMAPSAddr()}
		if open, err = dialRaw(s.IMAPAddr(), nil); err != nil { // closed only after the stop
			t.Fatal(err)
		}
		if err := open.authenticatePlain("alice", s.Users["alice"]); err != nil {
			t.Fatal(err)
		}
		mustSend(t, open, "SELECT INBOX")
		open.conn.Write([]byte("i1 IDLE\r\n"))
		if line, err := open.readLine(); err != nil || !strings.HasPrefix(line, "+") {
			t.Fatalf("IDLE: %q %v", line, err)
		}
		if names := commandsIn(ns); !slices.Contains(names, "gam_server") || !slices.Contains(names, "imapd") {
			t.Fatalf("namespace %s holds %q, want an imapd session and gam_server", ns, names)
		}
	})
	if open != nil {
		defer open.conn.Close()
	}
	if left := pidsInMountNamespace(ns); len(left) != 0 {
		t.Errorf("processes %q left in the instance's mount namespace", commandsIn(ns))
	}
	for _, addr := range addrs {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			t.Errorf("%s still accepts connections", addr)
		}
	}
}

// commandsIn lists the command names of the processes in mount namespace ns.
func commandsIn(ns string) []string {
	var names []string
	for _, pid := range pidsInMountNamespace(ns) {
		comm, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/comm")
		names = append(names, strings.TrimSpace(string(comm)))
	}
	return names
}
