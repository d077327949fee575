package probe_test

import (
	"context"
	"crypto/tls"
	"net"
	"slices"
	"strconv"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/internal/demo"
	"imapsh/internal/probe"
	"imapsh/internal/servers"
)

// What each lab server is known to do, asserted on the probe's report:
// the deviations it must find and the extensions it must verify. The
// probe runs read-only and with the write checks, and must leave no
// mailbox behind.

// expectation is what one probe run must show.
type expectation struct {
	deviations []string // must be found
	absent     []string // must not be found
	verified   []string // announced and verified
	broken     []string // exactly the broken list
}

// probeOpts keeps the latency section short: the tests assert its shape,
// not its numbers.
func probeOpts(write bool) probe.Options {
	return probe.Options{Write: write, Samples: 3, CheckTimeout: 20 * time.Second}
}

func TestProbeDovecot(t *testing.T) {
	t.Parallel()
	s := servers.Dovecot(t)
	deliverSample(t, s, "INBOX")
	before := mailboxes(t, s, "alice", "")
	common := []string{"literal-after-refused-command", "extra-arguments-accepted", "empty-result-trailing-space"}
	verified := []string{"IMAP4rev1", "STARTTLS", "ID", "ENABLE", "NAMESPACE", "LIST-EXTENDED", "LIST-STATUS", "SPECIAL-USE", "STATUS=SIZE",
		"CONDSTORE", "QRESYNC", "UNSELECT", "IDLE", "ESEARCH", "SORT", "THREAD", "BINARY", "PREVIEW", "SAVEDATE",
		"COMPRESS=DEFLATE", "QUOTA", "ACL", "METADATA"}
	t.Run("read-only over STARTTLS", func(t *testing.T) {
		rep := probe.Probe(context.Background(), target(s, "alice", client.StartTLS, ""), probeOpts(false))
		check(t, rep, expectation{deviations: common, absent: []string{"store-after-examine-ok", "unknown-charset-not-refused"},
			verified: verified, broken: []string{"LITERAL+"}})
		checkTLS(t, rep, "starttls")
		if st := rep.Connection.StartTLS; st == nil || !st.Offered || st.LoginDisabled || len(rep.Connection.SASLBeforeTLS) == 0 {
			t.Errorf("before TLS: %+v", rep.Connection)
		}
	})
	t.Run("write over implicit TLS", func(t *testing.T) {
		rep := probe.Probe(context.Background(), target(s, "alice", client.ImplicitTLS, ""), probeOpts(true))
		check(t, rep, expectation{deviations: append(common, "store-after-examine-ok"), absent: []string{"store-after-examine", "no-exists-after-append"},
			verified: append(slices.DeleteFunc(slices.Clone(verified), func(s string) bool { return s == "STARTTLS" }), "UIDPLUS", "MULTIAPPEND", "MOVE"),
			broken:   []string{"LITERAL+"}})
		checkTLS(t, rep, "implicit-tls")
		checkScratch(t, rep)
	})
	t.Run("write as admin: SETQUOTA gets BAD", func(t *testing.T) {
		// Dovecot 2.3 without quota_set answers an admin's SETQUOTA with
		// BAD (lab README, SETQUOTA gotcha); a master login needs PLAIN.
		rep := probe.Probe(context.Background(), target(s, "alice*admin", client.ImplicitTLS, "PLAIN"), probeOpts(true))
		check(t, rep, expectation{deviations: append(common, "bad-for-valid-command"), broken: []string{"LITERAL+", "QUOTA"}})
		checkScratch(t, rep)
	})
	if after := mailboxes(t, s, "alice", ""); !slices.Equal(before, after) {
		t.Errorf("mailboxes before %q, after %q", before, after)
	}
}

func TestProbeCyrus(t *testing.T) {
	t.Parallel()
	s := servers.Cyrus(t)
	deliverSample(t, s, "INBOX")
	before := mailboxes(t, s, "alice", "")
	common := []string{"unknown-charset-not-refused", "special-use-lower-case", "pre-login-capabilities-after-login"}
	verified := []string{"STARTTLS", "LITERAL+", "ID", "ENABLE", "NAMESPACE", "LIST-EXTENDED", "LIST-STATUS", "SPECIAL-USE",
		"STATUS=SIZE", "CONDSTORE", "QRESYNC", "OBJECTID", "UNSELECT", "IDLE", "ESEARCH", "SORT", "THREAD", "BINARY",
		"PREVIEW", "SAVEDATE", "COMPRESS=DEFLATE", "QUOTA", "ACL", "METADATA"}
	t.Run("read-only", func(t *testing.T) {
		rep := probe.Probe(context.Background(), target(s, "alice", client.StartTLS, ""), probeOpts(false))
		check(t, rep, expectation{deviations: common, absent: []string{"literal-after-refused-command"}, verified: verified, broken: []string{"IMAP4rev1"}})
	})
	t.Run("write", func(t *testing.T) {
		rep := probe.Probe(context.Background(), target(s, "alice", client.ImplicitTLS, ""), probeOpts(true))
		check(t, rep, expectation{deviations: append(common, "create-existing-without-code"), absent: []string{"store-after-examine", "store-after-examine-ok"},
			verified: append(verified[1:], "UIDPLUS", "MULTIAPPEND", "MOVE"), broken: []string{"IMAP4rev1"}})
		checkScratch(t, rep)
	})
	if after := mailboxes(t, s, "alice", ""); !slices.Equal(before, after) {
		t.Errorf("mailboxes before %q, after %q", before, after)
	}
}

func TestProbeCourier(t *testing.T) {
	t.Parallel()
	s := servers.Courier(t)
	for _, user := range []string{"alice", "bob"} {
		s.Deliver(t, user, "INBOX",
			[]byte("From: Ann <ann@example.org>\r\nSubject: hello\r\nMessage-ID: <1@example.org>\r\n\r\nfirst\r\n"))
	}
	before := mailboxes(t, s, "alice", "")
	// Courier-IMAP 5.0 (lab README): STATUS drops unknown items, the LOGIN
	// OK carries no capabilities and the list still offers AUTH= after
	// it, an unknown command gets NO, an empty THREAD is "* THREAD ".
	common := []string{"status-unknown-item-accepted", "login-without-capability", "pre-login-capabilities-after-login", "unknown-command-not-bad",
		"empty-result-trailing-space"}
	verified := []string{"STARTTLS", "ENABLE", "UTF8=ACCEPT", "NAMESPACE", "IDLE", "SORT", "THREAD", "QUOTA", "ACL"}
	t.Run("read-only", func(t *testing.T) {
		rep := probe.Probe(context.Background(), target(s, "alice", client.StartTLS, ""), probeOpts(false))
		check(t, rep, expectation{deviations: common, absent: []string{"quota-without-resources"}, verified: verified, broken: []string{"IMAP4rev1"}})
	})
	t.Run("write", func(t *testing.T) {
		// STORE after EXAMINE is performed and kept; APPEND to the
		// selected mailbox brings EXISTS only with the next NOOP; a second
		// CREATE gets NO without [ALREADYEXISTS].
		rep := probe.Probe(context.Background(), target(s, "alice", client.ImplicitTLS, ""), probeOpts(true))
		check(t, rep, expectation{deviations: append(common, "store-after-examine", "no-exists-after-append", "create-existing-without-code"),
			verified: append(verified[1:], "UIDPLUS"), broken: []string{"IMAP4rev1"}})
		checkScratch(t, rep)
	})
	t.Run("bob, who has no quota", func(t *testing.T) {
		rep := probe.Probe(context.Background(), target(s, "bob", client.ImplicitTLS, ""), probeOpts(false))
		check(t, rep, expectation{deviations: append(common, "quota-without-resources"), broken: []string{"IMAP4rev1"}})
	})
	if after := mailboxes(t, s, "alice", ""); !slices.Equal(before, after) {
		t.Errorf("mailboxes before %q, after %q", before, after)
	}
}

func TestProbeDemo(t *testing.T) {
	t.Parallel()
	srv, err := demo.Start(demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	host, port, _ := net.SplitHostPort(srv.Addr)
	n, _ := strconv.Atoi(port)
	tg := probe.Target{URL: "imap://demo@" + srv.Addr, Security: client.Plaintext, Host: host, Port: n, User: srv.User, AllowPlaintextAuth: true,
		Password: func(context.Context) (string, error) { return srv.Password, nil }}
	common := []string{"literal-after-refused-command", "value-mismatch"} // go-imap v2: no \HasChildren for RETURN (CHILDREN)
	t.Run("read-only", func(t *testing.T) {
		rep := probe.Probe(context.Background(), tg, probeOpts(false))
		check(t, rep, expectation{deviations: common, verified: []string{"IMAP4rev2", "NAMESPACE", "ESEARCH", "BINARY", "UTF8=ACCEPT", "IDLE", "UNSELECT"},
			broken: []string{"LITERAL+", "LIST-EXTENDED"}})
	})
	t.Run("write", func(t *testing.T) {
		rep := probe.Probe(context.Background(), tg, probeOpts(true))
		check(t, rep, expectation{deviations: append(common, "store-after-examine"), verified: []string{"UIDPLUS", "MOVE", "UTF8=ACCEPT"},
			broken: []string{"IMAP4rev1", "LITERAL+", "LIST-EXTENDED"}})
		checkScratch(t, rep)
	})
}

// check asserts an expectation and the report's general shape.
func check(t *testing.T, rep *probe.Report, e expectation) {
	t.Helper()
	if rep.Connection.Error != "" {
		t.Fatalf("connection: %s", rep.Connection.Error)
	}
	found := map[string]bool{}
	for _, d := range rep.Deviations {
		found[d.ID] = true
		if len(d.Sent) == 0 || len(d.Received) == 0 || d.ClientMust == "" {
			t.Errorf("deviation %s without evidence or advice: %+v", d.ID, d)
		}
	}
	for _, id := range e.deviations {
		if !found[id] {
			t.Errorf("deviation %s not found; found %v", id, keys(found))
		}
	}
	for _, id := range e.absent {
		if found[id] {
			t.Errorf("deviation %s found", id)
		}
	}
	status := map[string]string{}
	for _, x := range rep.Extensions {
		status[x.Name] = x.Status + " " + x.Detail
	}
	for _, name := range e.verified {
		if s := status[name]; len(s) < 8 || s[:8] != probe.ExtVerified {
			t.Errorf("%s: %q, want verified", name, s)
		}
	}
	if !slices.Equal(rep.Broken, e.broken) {
		t.Errorf("broken %q, want %q", rep.Broken, e.broken)
	}
	if want := probe.ExitBroken; len(e.broken) > 0 && rep.ExitStatus != want {
		t.Errorf("exit status %d, want %d", rep.ExitStatus, want)
	}
	checkRan(t, rep)
}

// checkRan: no check timed out or failed, and the latency series ran.
func checkRan(t *testing.T, rep *probe.Report) {
	t.Helper()
	for _, c := range rep.Checks {
		if c.Status == probe.CheckTimeout || c.Status == probe.CheckError {
			t.Errorf("check %s: %s %s", c.ID, c.Status, c.Reason)
		}
	}
	if len(rep.Latency) != 3 {
		t.Fatalf("latency %+v", rep.Latency)
	}
	for _, l := range rep.Latency {
		if l.Samples != 3 || l.Error != "" || l.MedianMS <= 0 || l.P95MS < l.MedianMS {
			t.Errorf("latency %+v", l)
		}
	}
}

// checkTLS asserts the TLS section for the lab's certificate.
func checkTLS(t *testing.T, rep *probe.Report, security string) {
	t.Helper()
	c := rep.Connection
	if c.Security != security || c.TLS == nil || !c.TLS.Trusted || !c.TLS.HostMatch || !slices.Contains(c.TLS.SANs, "localhost") {
		t.Fatalf("TLS: %+v %+v", c, c.TLS)
	}
	if c.TLS.Version != tls.VersionName(tls.VersionTLS13) || c.TLS.DaysLeft < 0 || c.GreetingMS <= 0 || c.LoginMS <= 0 {
		t.Errorf("TLS: %+v", c)
	}
}

// checkScratch: the scratch mailboxes were made and are gone.
func checkScratch(t *testing.T, rep *probe.Report) {
	t.Helper()
	sc := rep.Scratch
	if sc == nil || len(sc.Mailboxes) < 2 || len(sc.LeftBehind) != 0 || sc.Error != "" {
		t.Fatalf("scratch: %+v", sc)
	}
}

// target is a lab server as a probe target.
func target(s *servers.Server, user string, sec client.Security, mech string) probe.Target {
	port := s.IMAPPort
	if sec == client.ImplicitTLS {
		port = s.IMAPSPort
	}
	pw := s.Users[user]
	if user == "alice*admin" {
		pw = s.Users["admin"]
	}
	return probe.Target{URL: "lab", Security: sec, Host: s.Host, Port: port, User: user, Mech: mech,
		TLS:      client.TLSOptions{CAFile: s.CAFile, ServerName: "localhost"},
		Password: func(context.Context) (string, error) { return pw, nil }}
}

// deliverSample puts two messages, one a reply to the other, in a mailbox.
func deliverSample(t *testing.T, s *servers.Server, mailbox string) {
	s.Deliver(t, "alice", mailbox,
		[]byte("From: Ann <ann@example.org>\r\nSubject: hello\r\nMessage-ID: <1@example.org>\r\n\r\nfirst\r\n"),
		[]byte("From: Bob <bob@example.org>\r\nSubject: Re: hello\r\nIn-Reply-To: <1@example.org>\r\n\r\nsecond\r\n"))
}

// mailboxes lists every mailbox of a user, sorted.
func mailboxes(t *testing.T, s *servers.Server, user, _ string) []string {
	t.Helper()
	c, err := client.Dial(context.Background(), s.IMAPSAddr(), client.DialOptions{Security: client.ImplicitTLS,
		TLS: client.TLSOptions{CAFile: s.CAFile, ServerName: "localhost"}})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if res, err := c.Login(context.Background(), user, s.Users[user]); err != nil || !res.OK() {
		t.Fatalf("login: %v", err)
	}
	res, err := c.List(context.Background(), "", "*", client.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range client.Of[*client.ListData](res) {
		out = append(out, l.Mailbox)
	}
	slices.Sort(out)
	return out
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// TestProbeInterrupted: Ctrl-C (the context ending) stops the checks,
// says so, and the scratch mailboxes are deleted all the same.
func TestProbeInterrupted(t *testing.T) {
	t.Parallel()
	srv, err := demo.Start(demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	host, port, _ := net.SplitHostPort(srv.Addr)
	n, _ := strconv.Atoi(port)
	tg := probe.Target{URL: "demo", Security: client.Plaintext, Host: host, Port: n, User: srv.User, AllowPlaintextAuth: true,
		Password: func(context.Context) (string, error) { return srv.Password, nil }}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := probeOpts(true)
	opts.Progress = func(_, _ int, check string) {
		if check == "store-examine" { // after the scratch mailboxes and the APPEND
			cancel()
		}
	}
	rep := probe.Probe(ctx, tg, opts)
	status := map[string]string{}
	for _, c := range rep.Checks {
		status[c.ID] = c.Status + " " + c.Reason
	}
	if status["append"] != probe.CheckRan+" " || status["store-examine"] != probe.CheckSkipped+" interrupted" || status["idle"] != probe.CheckSkipped+" interrupted" {
		t.Errorf("checks: %v", status)
	}
	checkScratch(t, rep)
}
