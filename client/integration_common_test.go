package client_test

// Integration tests against real servers (internal/servers): the functions
// here run against both Dovecot and Cyrus where both support a command;
// integration_dovecot_test.go and integration_cyrus_test.go start each
// server once and add what only that server does.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/internal/servers"
)

// lab is one running test server and what the tests know about it.
type lab struct {
	*servers.Server
	dovecot bool
}

func newLab(s *servers.Server) *lab { return &lab{Server: s, dovecot: s.Name == "dovecot"} }

// labTest is one integration test that runs against a lab server.
type labTest struct {
	name string
	run  func(t *testing.T, l *lab)
}

// commonTests run against both servers.
var commonTests = []labTest{
	{"TLS", testTLS},
	{"SASL", testSASL},
	{"LoginUTF8Literal", testLoginUTF8Literal},
	{"WrongPassword", testWrongPassword},
	{"ID", testID},
	{"List", testList},
	{"MailboxLifecycle", testMailboxLifecycle},
	{"Append", testAppend},
	{"SelectExamine", testSelectExamine},
	{"FetchTyped", testFetchTyped},
	{"SearchSortThread", testSearchSortThread},
	{"StoreCopyMoveExpunge", testStoreCopyMoveExpunge},
	{"CondStoreQResync", testCondStoreQResync},
	{"Idle", testIdle},
	{"Compress", testCompress},
	{"ACL", testACL},
	{"QuotaRoot", testQuotaRoot},
	{"Metadata", testMetadata},
	{"LargeBodySink", testLargeBodySink},
	{"TraceHidesPassword", testTraceHidesPassword},
}

// runLabTests runs each test as a parallel subtest: they use distinct
// mailboxes, so they do not disturb each other. Each holds memoryQuiet for
// reading, so that a test measuring the heap can have the process alone.
func runLabTests(t *testing.T, l *lab, tests []labTest) {
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			memoryQuiet.RLock()
			defer memoryQuiet.RUnlock()
			tc.run(t, l)
		})
	}
}

// memoryQuiet is held for writing while a test measures heap growth.
var memoryQuiet sync.RWMutex

// box names a personal mailbox: the server's prefix, parts joined by its
// separator (UTF-8; the client encodes modified UTF-7).
func (l *lab) box(parts ...string) string {
	return l.PersonalPrefix + strings.Join(parts, l.Separator)
}

func (l *lab) trusted() client.TLSOptions { return client.TLSOptions{CAFile: l.CAFile} }

// dial connects with the given security; the client is closed at cleanup.
func (l *lab) dial(t *testing.T, sec client.Security, tlsOpts client.TLSOptions, opts client.Options) (*client.Client, error) {
	t.Helper()
	addr := l.IMAPAddr()
	if sec == client.ImplicitTLS {
		addr = l.IMAPSAddr()
	}
	if opts.CommandTimeout == 0 {
		opts.CommandTimeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	c, err := client.Dial(ctx, addr, client.DialOptions{Security: sec, TLS: tlsOpts, Options: opts, ConnectTimeout: 5 * time.Second})
	if err == nil {
		t.Cleanup(func() { c.Close() })
	}
	return c, err
}

// connect returns a STARTTLS session, not yet authenticated.
func (l *lab) connect(t *testing.T) *client.Client {
	t.Helper()
	c, err := l.dial(t, client.StartTLS, l.trusted(), client.Options{})
	if err != nil {
		t.Fatalf("%s: STARTTLS dial: %v", l.Name, err)
	}
	return c
}

// login returns a STARTTLS session logged in with LOGIN.
func (l *lab) login(t *testing.T, user, password string) *client.Client {
	t.Helper()
	c := l.connect(t)
	if _, err := c.Login(t.Context(), user, password); err != nil {
		t.Fatalf("%s: LOGIN %s: %v", l.Name, user, err)
	}
	return c
}

// user logs in as one of the test users.
func (l *lab) user(t *testing.T, name string) *client.Client {
	t.Helper()
	return l.login(t, name, l.Users[name])
}

// must fails the test on an error (a NO/BAD *client.Error included).
func labMust(t *testing.T) func(*client.Result, error) *client.Result {
	return func(res *client.Result, err error) *client.Result {
		t.Helper()
		return labMustOK(t, res, err)
	}
}

func labMustOK(t *testing.T, res *client.Result, err error) *client.Result {
	t.Helper()
	if err != nil {
		t.Fatalf("%v", err)
	}
	if !res.OK() {
		t.Fatalf("%s: not OK: %+v", res.Command, res.Status)
	}
	return res
}

// wantServerError checks that err is a *client.Error with the status.
func labServerError(t *testing.T, err error, status string) *client.Error {
	t.Helper()
	var se *client.Error
	if !errors.As(err, &se) {
		t.Fatalf("want a server %s as *client.Error, got %T %v", status, err, err)
	}
	if se.Status != status {
		t.Fatalf("want %s, got %s %q", status, se.Status, se.Text)
	}
	return se
}

func labOne[T client.Response](t *testing.T, res *client.Result) T {
	t.Helper()
	got := client.Of[T](res)
	if len(got) != 1 {
		var zero T
		t.Fatalf("%s: want one %T, got %d in %v", res.Command, zero, len(got), labKinds(res))
	}
	return got[0]
}

func labKinds(res *client.Result) []string {
	var out []string
	for _, r := range res.Responses {
		out = append(out, r.Kind())
	}
	return out
}

// --- connections -----------------------------------------------------------

func testTLS(t *testing.T, l *lab) {
	cert := labReadCert(t, l.CAFile)
	rightPin := client.PinOf(cert)
	wrongPin := "sha256//" + strings.Repeat("A", 43) + "="
	cases := []struct {
		name    string
		sec     client.Security
		tls     client.TLSOptions
		wantErr string
	}{
		{"starttls with CA", client.StartTLS, l.trusted(), ""},
		{"implicit TLS with CA", client.ImplicitTLS, l.trusted(), ""},
		{"implicit TLS, system roots", client.ImplicitTLS, client.TLSOptions{}, "certificate"},
		{"starttls, system roots", client.StartTLS, client.TLSOptions{}, "certificate"},
		{"right pin with CA", client.ImplicitTLS, client.TLSOptions{CAFile: l.CAFile, Pins: []string{rightPin}}, ""},
		{"right pin, insecure", client.ImplicitTLS, client.TLSOptions{Insecure: true, Pins: []string{wrongPin + ";" + rightPin}}, ""},
		{"wrong pin with CA", client.ImplicitTLS, client.TLSOptions{CAFile: l.CAFile, Pins: []string{wrongPin}}, "does not match"},
		{"wrong pin, insecure", client.StartTLS, client.TLSOptions{Insecure: true, Pins: []string{wrongPin}}, "does not match"},
		{"wrong server name", client.ImplicitTLS, client.TLSOptions{CAFile: l.CAFile, ServerName: "mail.example.org"}, "certificate"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := l.dial(t, tc.sec, tc.tls, client.Options{})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("want an error with %q, got %v", tc.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !c.IsTLS() {
				t.Fatal("IsTLS false after a TLS dial")
			}
			if c.HasCap("STARTTLS") {
				t.Error("STARTTLS still advertised: capabilities were not re-read over TLS")
			}
			labMust(t)(c.Login(t.Context(), "alice", l.Users["alice"]))
			if c.State() != client.StateAuthenticated {
				t.Fatalf("state %v after LOGIN", c.State())
			}
			labMust(t)(c.Logout(t.Context()))
		})
	}
}

func labReadCert(t *testing.T, file string) *x509.Certificate {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(data)
	if block == nil {
		t.Fatalf("%s: no PEM block", file)
	}
	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return cert
}

var labMechanisms = []string{"PLAIN", "LOGIN", "CRAM-MD5", "SCRAM-SHA-1", "SCRAM-SHA-256"}

func testSASL(t *testing.T, l *lab) {
	for _, user := range []string{"alice", "carol"} {
		for _, mech := range labMechanisms {
			t.Run(user+"/"+mech, func(t *testing.T) {
				c := l.connect(t)
				if !c.HasCap("AUTH=" + mech) {
					t.Fatalf("%s does not offer AUTH=%s: %v", l.Name, mech, c.Caps())
				}
				m, err := client.NewMechanism(mech, client.Credentials{User: user, Password: l.Users[user]})
				if err != nil {
					t.Fatal(err)
				}
				labMust(t)(c.Authenticate(t.Context(), m))
				if c.State() != client.StateAuthenticated {
					t.Fatalf("state %v", c.State())
				}
				labMust(t)(c.Noop(t.Context()))
			})
		}
	}
	t.Run("default mechanism", func(t *testing.T) {
		c := l.connect(t)
		if got := c.DefaultMechanism(); got != "SCRAM-SHA-256" {
			t.Fatalf("DefaultMechanism = %q, want SCRAM-SHA-256", got)
		}
		m, _ := client.NewMechanism(c.DefaultMechanism(), client.Credentials{User: "bob", Password: l.Users["bob"]})
		labMust(t)(c.Authenticate(t.Context(), m))
	})
	t.Run("CRAM-MD5 via LoginCRAMMD5", func(t *testing.T) {
		c := l.connect(t)
		labMust(t)(c.LoginCRAMMD5(t.Context(), "bob", l.Users["bob"]))
	})
}

func testLoginUTF8Literal(t *testing.T, l *lab) {
	var trace bytes.Buffer
	c, err := l.dial(t, client.StartTLS, l.trusted(), client.Options{Trace: &trace})
	if err != nil {
		t.Fatal(err)
	}
	labMust(t)(c.Login(t.Context(), "carol", l.Users["carol"]))
	if !strings.Contains(trace.String(), "carol {") {
		t.Errorf("the UTF-8 password did not go as a literal:\n%s", trace.String())
	}
}

func testWrongPassword(t *testing.T, l *lab) {
	c := l.connect(t)
	res, err := c.Login(t.Context(), "alice", "not-the-password")
	se := labServerError(t, err, "NO")
	if res == nil || res.OK() {
		t.Fatalf("result %+v", res)
	}
	if l.dovecot && (se.Code == nil || se.Code.Name != "AUTHENTICATIONFAILED") {
		t.Errorf("Dovecot: want [AUTHENTICATIONFAILED], got %+v", se.StatusResponse)
	}
	if c.State() != client.StateNotAuthenticated {
		t.Fatalf("state %v after a failed LOGIN", c.State())
	}
	m, _ := client.NewMechanism("SCRAM-SHA-256", client.Credentials{User: "alice", Password: "wrong"})
	_, err = c.Authenticate(t.Context(), m)
	if err == nil {
		t.Fatal("SCRAM with a wrong password succeeded")
	}
	labMust(t)(c.Login(t.Context(), "alice", l.Users["alice"])) // the session is still usable
}

// --- server information ----------------------------------------------------

func testID(t *testing.T, l *lab) {
	c := l.user(t, "alice")
	v := "imapsh-test"
	res := labMust(t)(c.ID(t.Context(), []client.MetadataEntry{{Name: "name", Value: &v}}))
	id := labOne[*client.IDData](t, res)
	if len(id.Params) == 0 {
		t.Fatalf("empty ID response")
	}
	want := map[bool]string{true: "Dovecot", false: "Cyrus"}[l.dovecot]
	found := false
	for _, p := range id.Params {
		if strings.EqualFold(p.Name, "name") && p.Value != nil && strings.Contains(*p.Value, want) {
			found = true
		}
	}
	if !found {
		t.Errorf("ID name is not %s: %+v", want, id.Params)
	}
	labMust(t)(c.ID(t.Context(), nil))
}

func testList(t *testing.T, l *lab) {
	c := l.user(t, "alice")
	res := labMust(t)(c.List(t.Context(), "", "*", client.ListOptions{}))
	names := map[string]*client.ListData{}
	for _, d := range client.Of[*client.ListData](res) {
		names[d.Mailbox] = d
		if d.Delim != l.Separator {
			t.Errorf("%s: delimiter %q, want %q", d.Mailbox, d.Delim, l.Separator)
		}
	}
	if names["INBOX"] == nil {
		t.Fatalf("no INBOX in %v", names)
	}
	res = labMust(t)(c.List(t.Context(), "", "*", client.ListOptions{Return: "SPECIAL-USE"}))
	uses := map[string]string{}
	for _, d := range client.Of[*client.ListData](res) {
		for _, a := range d.Attrs {
			switch strings.ToLower(a) {
			case `\drafts`, `\sent`, `\trash`, `\junk`, `\archive`:
				uses[strings.ToLower(a)] = d.Mailbox
			}
		}
	}
	for _, f := range []string{"Drafts", "Sent", "Trash", "Junk", "Archive"} {
		if uses[`\`+strings.ToLower(f)] != l.box(f) {
			t.Errorf(`\%s is on %q, want %q (all: %v)`, f, uses[`\`+strings.ToLower(f)], l.box(f), uses)
		}
	}
	res = labMust(t)(c.List(t.Context(), "", "*", client.ListOptions{Select: "SPECIAL-USE"}))
	if n := len(client.Of[*client.ListData](res)); n != 5 {
		t.Errorf("LIST (SPECIAL-USE): %d mailboxes, want 5", n)
	}
}

func testNamespace(t *testing.T, l *lab, personal, other, shared []client.NamespaceDescr) {
	c := l.user(t, "alice")
	ns := labOne[*client.NamespaceData](t, labMust(t)(c.Namespace(t.Context())))
	check := func(what string, got, want []client.NamespaceDescr) {
		if len(got) != len(want) {
			t.Fatalf("%s namespaces %+v, want %+v", what, got, want)
		}
		for i := range want {
			if got[i].Prefix != want[i].Prefix || got[i].Delim != want[i].Delim {
				t.Errorf("%s namespace %d: %+v, want %+v", what, i, got[i], want[i])
			}
		}
	}
	check("personal", ns.Personal, personal)
	check("other users'", ns.Other, other)
	check("shared", ns.Shared, shared)
}

// --- mailboxes ---------------------------------------------------------------

func labListNames(t *testing.T, res *client.Result) []string {
	t.Helper()
	var out []string
	for _, d := range client.Of[*client.ListData](res) {
		out = append(out, d.Mailbox)
	}
	return out
}

func testMailboxLifecycle(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	nested := l.box("Lab", "Ünïcødé", "日本語")
	renamed := l.box("Lab", "Ünïcødé", "Ärger & Co")
	labMust(t)(c.Create(ctx, nested))
	res := labMust(t)(c.List(ctx, "", l.box("Lab", "*"), client.ListOptions{}))
	if got := labListNames(t, res); !slices.Contains(got, nested) || !slices.Contains(got, l.box("Lab", "Ünïcødé")) {
		t.Fatalf("LIST after CREATE: %q", got)
	}
	for _, d := range client.Of[*client.ListData](res) {
		if d.Mailbox == nested && !strings.Contains(d.Raw, "&ZeVnLIqe-") {
			t.Errorf("raw wire name %q is not modified UTF-7", d.Raw)
		}
	}
	_, err := c.Create(ctx, nested)
	labServerError(t, err, "NO")

	labMust(t)(c.Subscribe(ctx, nested))
	if got := labListNames(t, labMust(t)(c.Lsub(ctx, "", l.box("Lab", "*")))); !slices.Contains(got, nested) {
		t.Errorf("LSUB after SUBSCRIBE: %q", got)
	}
	if got := labListNames(t, labMust(t)(c.List(ctx, "", "*", client.ListOptions{Select: "SUBSCRIBED"}))); !slices.Contains(got, nested) {
		t.Errorf("LIST (SUBSCRIBED): %q", got)
	}
	labMust(t)(c.Unsubscribe(ctx, nested))
	if got := labListNames(t, labMust(t)(c.Lsub(ctx, "", l.box("Lab", "*")))); slices.Contains(got, nested) {
		t.Errorf("LSUB after UNSUBSCRIBE: %q", got)
	}

	st := labOne[*client.StatusData](t, labMust(t)(c.Status(ctx, nested, []string{"MESSAGES", "UIDNEXT", "UIDVALIDITY", "UNSEEN"})))
	if st.Mailbox != nested {
		t.Errorf("STATUS mailbox %q, want %q", st.Mailbox, nested)
	}
	if n, ok := st.Get("MESSAGES"); !ok || n != 0 {
		t.Errorf("STATUS MESSAGES = %d, %v", n, ok)
	}
	if n, ok := st.Get("UIDNEXT"); !ok || n == 0 {
		t.Errorf("STATUS UIDNEXT = %d, %v", n, ok)
	}

	labMust(t)(c.Rename(ctx, nested, renamed))
	got := labListNames(t, labMust(t)(c.List(ctx, "", l.box("Lab", "*"), client.ListOptions{})))
	if slices.Contains(got, nested) || !slices.Contains(got, renamed) {
		t.Fatalf("LIST after RENAME: %q", got)
	}
	labMust(t)(c.Delete(ctx, renamed))
	labMust(t)(c.Delete(ctx, l.box("Lab", "Ünïcødé")))
	labMust(t)(c.Delete(ctx, l.box("Lab")))
	if got := labListNames(t, labMust(t)(c.List(ctx, "", l.box("Lab", "*"), client.ListOptions{}))); len(got) != 0 {
		t.Fatalf("LIST after DELETE: %q", got)
	}
	_, err = c.Delete(ctx, renamed)
	labServerError(t, err, "NO")
}

func labAppendMsg(body []byte, flags ...string) client.AppendMessage {
	return client.AppendMessage{Body: bytes.NewReader(body), Size: int64(len(body)), Flags: flags}
}

func testAppend(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.box("T-append")
	labMust(t)(c.Create(ctx, name))
	msgs := fixtureMessages()
	res := labMust(t)(c.Append(ctx, name, labAppendMsg(msgs[0], `\Seen`, `$Label1`)))
	code := res.Status.Code
	if code == nil || code.Name != "APPENDUID" || len(code.Args) != 2 {
		t.Fatalf("APPEND: want [APPENDUID v uid], got %+v", res.Status)
	}
	date := time.Date(2024, 2, 29, 13, 14, 15, 0, time.FixedZone("", 3600))
	multi := []client.AppendMessage{labAppendMsg(msgs[1]), labAppendMsg(msgs[2], `\Flagged`), labAppendMsg(msgs[3])}
	multi[0].Date = date
	res = labMust(t)(c.Append(ctx, name, multi...))
	if code := res.Status.Code; code == nil || code.Name != "APPENDUID" || !strings.Contains(code.Args[1].String(), ":") {
		t.Errorf("MULTIAPPEND: want [APPENDUID v a:b], got %+v", res.Status)
	}
	st := labOne[*client.StatusData](t, labMust(t)(c.Status(ctx, name, []string{"MESSAGES"})))
	if n, _ := st.Get("MESSAGES"); n != 4 {
		t.Fatalf("MESSAGES = %d after APPEND of 1+3", n)
	}
	labMust(t)(c.Select(ctx, name, client.SelectOptions{ReadOnly: true}))
	f := labFetchOne(t, c, "2", "(INTERNALDATE FLAGS)")
	if !f.InternalDate.Equal(date) {
		t.Errorf("INTERNALDATE %v, want %v", f.InternalDate, date)
	}
	f = labFetchOne(t, c, "1", "(FLAGS)")
	if !slices.Contains(f.Flags, `\Seen`) || !slices.Contains(f.Flags, "$Label1") {
		t.Errorf("flags %v", f.Flags)
	}
}

func labFetchOne(t *testing.T, c *client.Client, set, items string) *client.FetchData {
	t.Helper()
	return labOne[*client.FetchData](t, labMust(t)(c.Fetch(t.Context(), set, items, client.FetchOptions{})))
}

// deliverFixture creates a mailbox for user holding fixtureMessages; name
// must be ASCII (servers.Deliver takes the wire form).
func (l *lab) deliverFixture(t *testing.T, user, name string) string {
	t.Helper()
	l.Deliver(t, user, l.box(name), fixtureMessages()...)
	return l.box(name)
}

func testSelectExamine(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.deliverFixture(t, "alice", "T-select")
	res := labMust(t)(c.Select(ctx, name, client.SelectOptions{ReadOnly: true}))
	mb := c.Mailbox()
	if mb == nil || !mb.ReadOnly || mb.Exists != uint32(len(fixtureMessages())) || mb.UIDValidity == 0 || mb.UIDNext == 0 {
		t.Fatalf("EXAMINE: mailbox %+v", mb)
	}
	if res.Status.Code == nil || res.Status.Code.Name != "READ-ONLY" {
		t.Errorf("EXAMINE: want [READ-ONLY], got %+v", res.Status)
	}
	if codes := c.Codes("UIDVALIDITY"); len(codes) == 0 {
		t.Errorf("Codes(UIDVALIDITY) empty after EXAMINE")
	} else if v, _ := codes[len(codes)-1].Number(); uint32(v) != mb.UIDValidity {
		t.Errorf("Codes(UIDVALIDITY) = %d, Mailbox().UIDValidity = %d", v, mb.UIDValidity)
	}
	if _, err := c.Recent(ctx); err != nil {
		t.Errorf("Recent: %v", err)
	}
	if len(mb.Flags) == 0 || !slices.Contains(mb.Flags, `\Seen`) {
		t.Errorf("FLAGS %v", mb.Flags)
	}
	res = labMust(t)(c.Select(ctx, name, client.SelectOptions{CondStore: true}))
	mb = c.Mailbox()
	if mb.ReadOnly || mb.HighestModSeq == 0 || c.State() != client.StateSelected {
		t.Fatalf("SELECT (CONDSTORE): %+v state %v", mb, c.State())
	}
	if len(mb.PermanentFlags) == 0 {
		t.Errorf("no PERMANENTFLAGS")
	}
	labMust(t)(c.Check(ctx))
	labMust(t)(c.Unselect(ctx))
	if c.State() != client.StateAuthenticated || c.Mailbox() != nil {
		t.Fatalf("after UNSELECT: %v %+v", c.State(), c.Mailbox())
	}
	_, err := c.Check(ctx)
	var se *client.StateError
	if !errors.As(err, &se) {
		t.Fatalf("CHECK without a mailbox: want *client.StateError, got %v", err)
	}
	_, err = c.Select(ctx, l.box("T-no-such-box"), client.SelectOptions{})
	labServerError(t, err, "NO")
	if c.State() != client.StateAuthenticated {
		t.Errorf("state %v after a failed SELECT", c.State())
	}
}

func testFetchTyped(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.deliverFixture(t, "alice", "T-fetch")
	labMust(t)(c.Select(ctx, name, client.SelectOptions{}))
	items := "(UID FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODYSTRUCTURE MODSEQ " +
		"BODY.PEEK[HEADER.FIELDS (SUBJECT)] BODY.PEEK[TEXT]<0.10> BINARY.PEEK[2])"
	res := labMust(t)(c.Fetch(ctx, "2", items, client.FetchOptions{}))
	f := labOne[*client.FetchData](t, res)
	if f.Seq != 2 || f.UID == 0 || !f.HasFlags || !f.HasSize || f.Size == 0 || f.ModSeq == 0 || f.InternalDate.IsZero() {
		t.Errorf("FETCH scalars: %+v", f)
	}
	env := f.Envelope
	if env == nil || env.Subject != fixtureSubjects[1] || env.MessageID != "<fixture-2@lab.example>" {
		t.Fatalf("ENVELOPE %+v", env)
	}
	if len(env.From) != 1 || env.From[0].Mailbox != "bob" || env.From[0].Host != "lab.example" || !strings.HasPrefix(env.From[0].Name, "=?UTF-8?") {
		t.Errorf("ENVELOPE From %+v", env.From)
	}
	if len(env.To) != 2 || env.To[1].Mailbox != "carol" {
		t.Errorf("ENVELOPE To %+v", env.To)
	}
	bs := f.BodyStructure
	if bs == nil || !strings.EqualFold(bs.Subtype, "mixed") || len(bs.Parts) != 2 {
		t.Fatalf("BODYSTRUCTURE %+v", bs)
	}
	att := bs.Parts[1]
	if !strings.EqualFold(att.Type, "application") || !strings.EqualFold(att.Encoding, "base64") || !strings.EqualFold(att.Disposition, "attachment") {
		t.Errorf("attachment part %+v", att)
	}
	sections := map[string]client.BodySection{}
	for _, s := range f.Sections {
		sections[strings.ToUpper(s.Section)] = s
	}
	hdr := sections["HEADER.FIELDS (SUBJECT)"]
	if !strings.HasPrefix(string(hdr.Data), "Subject: "+fixtureSubjects[1]) {
		t.Errorf("BODY[HEADER.FIELDS (SUBJECT)] = %q (sections %v)", hdr.Data, f.Sections)
	}
	text := sections["TEXT"]
	if text.Origin == nil || *text.Origin != 0 || len(text.Data) != 10 {
		t.Errorf("BODY[TEXT]<0> = %+v", text)
	}
	bin := sections["2"]
	if string(bin.Data) != fixtureAttachment {
		t.Errorf("BINARY[2] = %q, want the decoded attachment", bin.Data)
	}

	var each []uint32
	res = labMust(t)(c.Fetch(ctx, "1:*", "(UID ENVELOPE)", client.FetchOptions{UID: true, Each: func(f *client.FetchData) { each = append(each, f.Seq) }}))
	if len(each) != len(fixtureMessages()) || len(client.Of[*client.FetchData](res)) != 0 {
		t.Errorf("UID FETCH with Each: callback saw %v, result kept %d", each, len(client.Of[*client.FetchData](res)))
	}
}

func testSearchSortThread(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.deliverFixture(t, "alice", "T-search")
	labMust(t)(c.Select(ctx, name, client.SelectOptions{ReadOnly: true}))
	n := uint32(len(fixtureMessages()))

	sr := labOne[*client.SearchData](t, labMust(t)(c.Search(ctx, `FROM "alice"`, client.SearchOptions{})))
	if !slices.Equal(sr.Nums, []uint32{1, 3}) {
		t.Errorf("SEARCH FROM alice = %v", sr.Nums)
	}
	sr = labOne[*client.SearchData](t, labMust(t)(c.Search(ctx, `SUBJECT "Grüße"`, client.SearchOptions{Charset: "UTF-8"})))
	if !slices.Equal(sr.Nums, []uint32{2}) {
		t.Errorf("SEARCH CHARSET UTF-8 SUBJECT Grüße = %v", sr.Nums)
	}
	es := labOne[*client.ESearchData](t, labMust(t)(c.Search(ctx, "ALL", client.SearchOptions{Return: "MIN MAX COUNT ALL"})))
	if es.Min == nil || *es.Min != 1 || es.Max == nil || *es.Max != n || es.Count == nil || *es.Count != n {
		t.Errorf("ESEARCH %+v", es)
	}
	if es.All.String() != fmt.Sprintf("1:%d", n) {
		t.Errorf("ESEARCH ALL %q, want a range", es.All.String())
	}
	es = labOne[*client.ESearchData](t, labMust(t)(c.Search(ctx, "ALL", client.SearchOptions{UID: true, Return: "COUNT"})))
	if !es.UID {
		t.Errorf("UID SEARCH RETURN: UID flag not set: %+v", es)
	}

	so := labOne[*client.SearchData](t, labMust(t)(c.Sort(ctx, "REVERSE DATE", "UTF-8", "ALL", false)))
	if !slices.Equal(so.Nums, []uint32{5, 4, 3, 2, 1}) || so.Command != "SORT" {
		t.Errorf("SORT (REVERSE DATE) = %+v", so)
	}
	so = labOne[*client.SearchData](t, labMust(t)(c.Sort(ctx, "SUBJECT", "UTF-8", "ALL", true)))
	if len(so.Nums) != int(n) {
		t.Errorf("UID SORT (SUBJECT) = %v", so.Nums)
	}

	th := labOne[*client.ThreadData](t, labMust(t)(c.Thread(ctx, "REFERENCES", "UTF-8", "ALL", false)))
	root := labFindThread(th.Threads, 1)
	if root == nil || len(root.Children) != 1 || root.Children[0].Num != 3 {
		t.Errorf("THREAD REFERENCES: message 3 is not a reply to 1: %s", labDumpThreads(th.Threads))
	}
	th = labOne[*client.ThreadData](t, labMust(t)(c.Thread(ctx, "ORDEREDSUBJECT", "UTF-8", "ALL", false)))
	if root := labFindThread(th.Threads, 1); root == nil || labCountThread(root) != 2 {
		t.Errorf("THREAD ORDEREDSUBJECT: %s", labDumpThreads(th.Threads))
	}
	if len(th.Threads) != int(n)-1 {
		t.Errorf("THREAD ORDEREDSUBJECT: %d threads, want %d", len(th.Threads), n-1)
	}
}

func labFindThread(forest []*client.ThreadNode, num uint32) *client.ThreadNode {
	for _, n := range forest {
		if n.Num == num {
			return n
		}
		if got := labFindThread(n.Children, num); got != nil {
			return got
		}
	}
	return nil
}

func labCountThread(n *client.ThreadNode) int {
	k := 1
	for _, ch := range n.Children {
		k += labCountThread(ch)
	}
	return k
}

func labDumpThreads(forest []*client.ThreadNode) string {
	var b strings.Builder
	for _, n := range forest {
		fmt.Fprintf(&b, "(%d %s)", n.Num, labDumpThreads(n.Children))
	}
	return b.String()
}

func testStoreCopyMoveExpunge(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.deliverFixture(t, "alice", "T-store")
	dest := l.box("T-store-dest")
	labMust(t)(c.Create(ctx, dest))
	labMust(t)(c.Select(ctx, name, client.SelectOptions{CondStore: true}))

	res := labMust(t)(c.Store(ctx, "1", "+FLAGS", `(\Flagged $Work)`, client.StoreOptions{}))
	f := labOne[*client.FetchData](t, res)
	if !slices.Contains(f.Flags, `\Flagged`) || !slices.Contains(f.Flags, "$Work") {
		t.Errorf("STORE +FLAGS answer %v", f.Flags)
	}
	labMust(t)(c.Store(ctx, "1", "-FLAGS.SILENT", `\Flagged`, client.StoreOptions{}))
	if f := labFetchOne(t, c, "1", "(FLAGS)"); slices.Contains(f.Flags, `\Flagged`) {
		t.Errorf("-FLAGS.SILENT left %v", f.Flags)
	}
	mod := labFetchOne(t, c, "2", "(UID MODSEQ)")
	res = labMust(t)(c.Store(ctx, labNum(mod.UID), "+FLAGS", `\Answered`, client.StoreOptions{UID: true, UnchangedSince: mod.ModSeq}))
	res, err := c.Store(ctx, labNum(mod.UID), "+FLAGS", `\Seen`, client.StoreOptions{UID: true, UnchangedSince: mod.ModSeq})
	if err != nil {
		t.Fatal(err)
	}
	if code := res.Status.Code; code == nil || code.Name != "MODIFIED" {
		t.Errorf("STORE (UNCHANGEDSINCE old): want [MODIFIED], got %+v", res.Status)
	}

	res = labMust(t)(c.Copy(ctx, "1:2", dest, false))
	if code := res.Status.Code; code == nil || code.Name != "COPYUID" || len(code.Args) != 3 {
		t.Errorf("COPY: want [COPYUID v src dst], got %+v", res.Status)
	}
	uid5 := labFetchOne(t, c, "5", "(UID)").UID
	res = labMust(t)(c.Move(ctx, labNum(uid5), dest, true))
	if res.Count("EXPUNGE")+res.Count("VANISHED") != 1 {
		t.Errorf("UID MOVE: responses %v", labKinds(res))
	}
	if c.Mailbox().Exists != 4 {
		t.Errorf("EXISTS after MOVE = %d, want 4", c.Mailbox().Exists)
	}
	_, err = c.Copy(ctx, "1", l.box("T-no-such-dest"), false)
	if se := labServerError(t, err, "NO"); se.Code == nil || se.Code.Name != "TRYCREATE" {
		t.Errorf("COPY to a missing mailbox: want [TRYCREATE], got %+v", se.StatusResponse)
	}

	labMust(t)(c.Store(ctx, "1:2", "+FLAGS.SILENT", `\Deleted`, client.StoreOptions{}))
	uid1 := labFetchOne(t, c, "1", "(UID)").UID
	res = labMust(t)(c.Expunge(ctx, labNum(uid1)))
	if res.Count("EXPUNGE")+res.Count("VANISHED") != 1 {
		t.Errorf("UID EXPUNGE: %v", labKinds(res))
	}
	res = labMust(t)(c.Expunge(ctx, ""))
	if ex := labNumbers(res, "EXPUNGE"); !slices.Equal(ex, []uint32{1}) {
		t.Errorf("EXPUNGE: message numbers %v, want [1]", ex)
	}
	labMust(t)(c.Store(ctx, "1", "+FLAGS.SILENT", `\Deleted`, client.StoreOptions{}))
	labMust(t)(c.CloseMailbox(ctx))
	if c.State() != client.StateAuthenticated {
		t.Errorf("state %v after CLOSE", c.State())
	}
	st := labOne[*client.StatusData](t, labMust(t)(c.Status(ctx, name, []string{"MESSAGES"})))
	if n, _ := st.Get("MESSAGES"); n != 1 {
		t.Errorf("MESSAGES after EXPUNGE and CLOSE = %d, want 1", n)
	}
	st = labOne[*client.StatusData](t, labMust(t)(c.Status(ctx, dest, []string{"MESSAGES"})))
	if n, _ := st.Get("MESSAGES"); n != 3 {
		t.Errorf("destination MESSAGES = %d, want 3", n)
	}
}

// numbers returns the N of each EXISTS, RECENT or EXPUNGE of a kind.
func labNumbers(res *client.Result, kind string) []uint32 {
	var out []uint32
	for _, n := range client.Of[*client.NumberData](res) {
		if n.Name == kind {
			out = append(out, n.N)
		}
	}
	return out
}

func labNum(n uint32) string { return fmt.Sprint(n) }

func testCondStoreQResync(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.deliverFixture(t, "alice", "T-qresync")
	res := labMust(t)(c.Enable(ctx, "CONDSTORE", "QRESYNC"))
	en := labOne[*client.EnabledData](t, res)
	if !c.Enabled("QRESYNC") || !c.Enabled("CONDSTORE") {
		t.Fatalf("ENABLED %v", en.Caps)
	}
	labMust(t)(c.Select(ctx, name, client.SelectOptions{}))
	high := c.Mailbox().HighestModSeq
	if high == 0 {
		t.Fatal("no HIGHESTMODSEQ after ENABLE QRESYNC")
	}
	labMust(t)(c.Store(ctx, "4", "+FLAGS.SILENT", `$Changed`, client.StoreOptions{}))
	res = labMust(t)(c.Fetch(ctx, "1:*", "(FLAGS)", client.FetchOptions{ChangedSince: high}))
	fs := client.Of[*client.FetchData](res)
	if len(fs) != 1 || fs[0].Seq != 4 || fs[0].ModSeq <= high {
		t.Fatalf("FETCH (CHANGEDSINCE %d): %+v", high, fs)
	}
	uid := labFetchOne(t, c, "3", "(UID)").UID
	labMust(t)(c.Store(ctx, "3", "+FLAGS.SILENT", `\Deleted`, client.StoreOptions{}))
	labMust(t)(c.Expunge(ctx, ""))
	res = labMust(t)(c.Fetch(ctx, "1:*", "(FLAGS)", client.FetchOptions{UID: true, ChangedSince: high, Vanished: true}))
	v := labOne[*client.VanishedData](t, res)
	if !v.Earlier || v.UIDs.String() != labNum(uid) {
		t.Errorf("VANISHED (EARLIER) %+v, want UID %d", v, uid)
	}
}

// --- live updates and transport ---------------------------------------------

func testIdle(t *testing.T, l *lab) {
	c := l.user(t, "alice")
	other := l.user(t, "alice")
	name := l.box("T-idle")
	labMust(t)(c.Create(t.Context(), name))
	labMust(t)(c.Select(t.Context(), name, client.SelectOptions{}))

	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	exists := make(chan uint32, 16)
	type outcome struct {
		res *client.Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		res, err := c.Idle(ctx, func(r client.Response) {
			if n, ok := r.(*client.NumberData); ok && n.Name == "EXISTS" {
				exists <- n.N
			}
		})
		done <- outcome{res, err}
	}()
	msg := fixtureMessages()[0]
	deadline := time.After(15 * time.Second)
	got := uint32(0)
	for got == 0 {
		labMust(t)(other.Append(t.Context(), name, labAppendMsg(msg)))
		select {
		case got = <-exists:
		case <-time.After(2 * time.Second): // appended before IDLE started? try again
		case <-deadline:
			t.Fatal("no EXISTS during IDLE after APPEND from a second connection")
		}
	}
	cancel()
	select {
	case o := <-done:
		if o.err != nil || !o.res.OK() {
			t.Fatalf("IDLE ended with %v %+v", o.err, o.res)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("IDLE did not end after cancel (DONE not sent or not answered)")
	}
	labMust(t)(c.Noop(t.Context()))
	if c.Mailbox().Exists < got {
		t.Errorf("Mailbox().Exists = %d, IDLE reported %d", c.Mailbox().Exists, got)
	}
}

func testCompress(t *testing.T, l *lab) {
	var trace bytes.Buffer
	c, err := l.dial(t, client.ImplicitTLS, l.trusted(), client.Options{Trace: &trace})
	if err != nil {
		t.Fatal(err)
	}
	labMust(t)(c.Login(t.Context(), "alice", l.Users["alice"]))
	labMust(t)(c.Compress(t.Context()))
	labMust(t)(c.Noop(t.Context()))
	if got := labListNames(t, labMust(t)(c.List(t.Context(), "", "*", client.ListOptions{}))); !slices.Contains(got, "INBOX") {
		t.Errorf("LIST over DEFLATE: %q", got)
	}
	labMust(t)(c.Select(t.Context(), "INBOX", client.SelectOptions{ReadOnly: true}))
	labMust(t)(c.Logout(t.Context()))
	if !regexp.MustCompile(`(?m)^C: A\d+ NOOP$`).MatchString(trace.String()) {
		t.Errorf("trace does not show the uncompressed protocol:\n%s", trace.String())
	}
}

// --- ACL, quota, metadata -----------------------------------------------------

func testACL(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.box("T-acl")
	labMust(t)(c.Create(ctx, name))
	my := labOne[*client.MyRightsData](t, labMust(t)(c.MyRights(ctx, name)))
	if my.Mailbox != name || !strings.ContainsAny(my.Rights, "a") || !strings.Contains(my.Rights, "l") {
		t.Errorf("MYRIGHTS %+v", my)
	}
	labMust(t)(c.SetACL(ctx, name, "bob", "lrs"))
	acl := labOne[*client.ACLData](t, labMust(t)(c.GetACL(ctx, name)))
	if got := labACLRights(acl, "bob"); got != "lrs" {
		t.Errorf("GETACL: bob has %q, want lrs (%+v)", got, acl)
	}
	labMust(t)(c.SetACL(ctx, name, "bob", "+w"))
	if got := labACLRights(labOne[*client.ACLData](t, labMust(t)(c.GetACL(ctx, name))), "bob"); !strings.Contains(got, "w") {
		t.Errorf("SETACL +w: bob has %q", got)
	}
	lr := labOne[*client.ListRightsData](t, labMust(t)(c.ListRights(ctx, name, "bob")))
	if lr.Identifier != "bob" || len(lr.Optional) == 0 {
		t.Errorf("LISTRIGHTS %+v", lr)
	}
	labMust(t)(c.DeleteACL(ctx, name, "bob"))
	if got := labACLRights(labOne[*client.ACLData](t, labMust(t)(c.GetACL(ctx, name))), "bob"); got != "" {
		t.Errorf("after DELETEACL bob still has %q", got)
	}
}

func labACLRights(acl *client.ACLData, who string) string {
	for _, e := range acl.Entries {
		if e.Identifier == who {
			return e.Rights
		}
	}
	return ""
}

// quotaOf returns the resource of a QUOTA response.
func labQuota(q *client.QuotaData, name string) (client.QuotaResource, bool) {
	for _, r := range q.Resources {
		if strings.EqualFold(r.Name, name) {
			return r, true
		}
	}
	return client.QuotaResource{}, false
}

func testQuotaRoot(t *testing.T, l *lab) {
	c := l.user(t, "alice")
	res := labMust(t)(c.GetQuotaRoot(t.Context(), "INBOX"))
	root := labOne[*client.QuotaRootData](t, res)
	wantRoot := map[bool]string{true: "User quota", false: "INBOX"}[l.dovecot]
	if root.Mailbox != "INBOX" || !slices.Equal(root.Roots, []string{wantRoot}) {
		t.Errorf("QUOTAROOT %+v, want root %q", root, wantRoot)
	}
	q := labOne[*client.QuotaData](t, res)
	if st, ok := labQuota(q, "STORAGE"); !ok || st.Limit != 10485760 {
		t.Errorf("QUOTA STORAGE %+v, want a limit of 10485760 KiB", q)
	}
	if m, ok := labQuota(q, "MESSAGE"); !ok || m.Limit != 1000000 {
		t.Errorf("QUOTA MESSAGE %+v", q)
	}
	_, err := c.SetQuota(t.Context(), wantRoot, []client.QuotaResource{{Name: "STORAGE", Limit: 512000}})
	labServerError(t, err, "NO") // only admins may change quotas
}

func testMetadata(t *testing.T, l *lab) {
	ctx := t.Context()
	c := l.user(t, "alice")
	name := l.box("T-metadata")
	labMust(t)(c.Create(ctx, name))
	hello, multi := "hello", "line one\r\nline two"
	labMust(t)(c.SetMetadata(ctx, name, []client.MetadataEntry{{Name: "/private/comment", Value: &hello}, {Name: "/shared/comment", Value: &multi}}))
	md := labOne[*client.MetadataData](t, labMust(t)(c.GetMetadata(ctx, name, []string{"/private/comment", "/shared/comment"}, "")))
	if md.Mailbox != name || labMetaValue(md, "/private/comment") != hello || labMetaValue(md, "/shared/comment") != multi {
		t.Errorf("GETMETADATA %+v", md)
	}
	labMust(t)(c.SetMetadata(ctx, name, []client.MetadataEntry{{Name: "/private/comment"}}))
	md = labOne[*client.MetadataData](t, labMust(t)(c.GetMetadata(ctx, name, []string{"/private/comment"}, "")))
	if v := labMetaValue(md, "/private/comment"); v != "" {
		t.Errorf("after deleting, /private/comment = %q", v)
	}

	srv := "srv-" + l.Name
	labMust(t)(c.SetMetadata(ctx, "", []client.MetadataEntry{{Name: "/private/vendor/imapsh", Value: &srv}}))
	md = labOne[*client.MetadataData](t, labMust(t)(c.GetMetadata(ctx, "", []string{"/private/vendor/imapsh"}, "MAXSIZE 1024")))
	if md.Mailbox != "" || labMetaValue(md, "/private/vendor/imapsh") != srv {
		t.Errorf("server GETMETADATA %+v", md)
	}
}

func labMetaValue(md *client.MetadataData, name string) string {
	for _, e := range md.Entries {
		if strings.EqualFold(e.Name, name) && e.Value != nil {
			return *e.Value
		}
	}
	return ""
}

func testTraceHidesPassword(t *testing.T, l *lab) {
	for _, user := range []string{"alice", "carol"} {
		for _, how := range append([]string{"LOGIN command"}, labMechanisms...) {
			t.Run(user+"/"+how, func(t *testing.T) {
				var trace bytes.Buffer
				c, err := l.dial(t, client.StartTLS, l.trusted(), client.Options{Trace: &trace})
				if err != nil {
					t.Fatal(err)
				}
				pw := l.Users[user]
				if how == "LOGIN command" {
					labMust(t)(c.Login(t.Context(), user, pw))
				} else {
					m, _ := client.NewMechanism(how, client.Credentials{User: user, Password: pw})
					labMust(t)(c.Authenticate(t.Context(), m))
				}
				labMust(t)(c.Noop(t.Context()))
				labNoSecret(t, trace.String(), user, pw)
			})
		}
	}
}

// assertNoSecret checks a trace for the password in clear and in the
// base64 forms SASL PLAIN and LOGIN would send.
func labNoSecret(t *testing.T, trace, user, pw string) {
	t.Helper()
	if !strings.Contains(trace, "C: ") || !strings.Contains(trace, "S: ") {
		t.Fatalf("empty trace: %q", trace)
	}
	for _, secret := range []string{pw, labB64(pw), labB64("\x00" + user + "\x00" + pw)} {
		if strings.Contains(trace, secret) {
			t.Fatalf("trace holds the password (%q):\n%s", secret, trace)
		}
	}
	if !strings.Contains(trace, "***") {
		t.Errorf("trace shows no *** marker:\n%s", trace)
	}
}

// --- large bodies ------------------------------------------------------------

func testLargeBodySink(t *testing.T, l *lab) {
	msg := labLargeMessage(20 << 20)
	want := sha256.Sum256(msg)
	name := l.box("T-large")
	l.Deliver(t, "alice", l.box("T-large"), msg)
	c := l.user(t, "alice")
	labMust(t)(c.Select(t.Context(), name, client.SelectOptions{ReadOnly: true}))
	out, err := os.Create(filepath.Join(t.TempDir(), "body.eml"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	sink := func(seq uint32, section string, _ int64) interface{ Write([]byte) (int, error) } {
		if seq == 1 && section == "" {
			return out
		}
		return nil
	}
	msg = nil

	// Measure with the rest of the tests paused.
	memoryQuiet.RUnlock()
	memoryQuiet.Lock()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := c.Fetch(t.Context(), "1", "(BODY.PEEK[])", client.FetchOptions{Sink: sink})
	runtime.ReadMemStats(&after)
	memoryQuiet.Unlock()
	memoryQuiet.RLock()

	labMust(t)(res, err)
	f := labOne[*client.FetchData](t, res)
	if len(f.Sections) != 1 || f.Sections[0].Data != nil || f.Sections[0].Streamed < 20<<20 {
		t.Fatalf("sections %+v", f.Sections)
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	grown := int64(after.HeapInuse) - int64(before.HeapInuse)
	t.Logf("streamed %d bytes: allocated %d KiB, heap in use grew %d KiB", f.Sections[0].Streamed, allocated>>10, grown>>10)
	if allocated > 4<<20 || grown > 4<<20 {
		t.Errorf("streaming 20 MB allocated %d bytes and grew the heap by %d: the body was buffered", allocated, grown)
	}
	if _, err := out.Seek(0, 0); err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	n, err := io.Copy(h, out)
	if err != nil {
		t.Fatal(err)
	}
	if n != f.Sections[0].Streamed || !bytes.Equal(h.Sum(nil), want[:]) {
		t.Fatalf("file holds %d bytes (Streamed %d) and a different SHA-256 than the delivered message", n, f.Sections[0].Streamed)
	}
}

// largeMessage is a message with a base64 attachment of about size bytes.
func labLargeMessage(size int) []byte {
	var b bytes.Buffer
	b.WriteString("From: Bob <bob@lab.example>\r\nTo: alice@lab.example\r\nSubject: big attachment\r\n" +
		"Date: Mon, 01 Jan 2024 12:00:00 +0000\r\nMessage-ID: <large@lab.example>\r\nMIME-Version: 1.0\r\n" +
		"Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n" +
		"--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n" +
		"Content-Disposition: attachment; filename=\"data.bin\"\r\n\r\n")
	chunk := make([]byte, 57)
	for i := 0; b.Len() < size; i++ {
		for j := range chunk {
			chunk[j] = byte(i*31 + j*7)
		}
		b.WriteString(base64.StdEncoding.EncodeToString(chunk))
		b.WriteString("\r\n")
	}
	b.WriteString("--b1--\r\n")
	return b.Bytes()
}

func labB64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// --- fixture messages ------------------------------------------------------------

// fixtureSubjects are the Subject headers of fixtureMessages, as sent.
var fixtureSubjects = []string{
	"Hello lab",
	"=?UTF-8?B?R3LDvMOfZSBhdXMgZGVtIExhYm9y?=", // Grüße aus dem Labor
	"Re: Hello lab",
	"=?ISO-8859-1?Q?Zebra_=E4rger?=",
	"Apple",
}

// fixtureAttachment is the decoded attachment of message 2.
const fixtureAttachment = "attachment payload \x00\x01\x02 binary\n"

// fixtureMessages are five small messages: 3 replies to 1; 2 is multipart
// with a base64 attachment and RFC 2047 subject and From name; their Date
// headers ascend one day each.
func fixtureMessages() [][]byte {
	from := []string{
		"Alice <alice@lab.example>",
		"=?UTF-8?Q?Bj=C3=B6rn_Bob?= <bob@lab.example>",
		"Alice <alice@lab.example>",
		"carol@lab.example",
		"Bob <bob@lab.example>",
	}
	var msgs [][]byte
	for i, subject := range fixtureSubjects {
		var b strings.Builder
		fmt.Fprintf(&b, "From: %s\r\nTo: Alice <alice@lab.example>, carol@lab.example\r\nSubject: %s\r\n", from[i], subject)
		fmt.Fprintf(&b, "Date: Mon, %02d Jan 2024 10:00:00 +0000\r\nMessage-ID: <fixture-%d@lab.example>\r\n", i+1, i+1)
		if i == 2 {
			b.WriteString("In-Reply-To: <fixture-1@lab.example>\r\nReferences: <fixture-1@lab.example>\r\n")
		}
		b.WriteString("MIME-Version: 1.0\r\n")
		if i == 1 {
			b.WriteString("Content-Type: multipart/mixed; boundary=\"xyz\"\r\n\r\n--xyz\r\n" +
				"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nGrüße, see the file.\r\n" +
				"--xyz\r\nContent-Type: application/octet-stream; name=\"a.bin\"\r\nContent-Transfer-Encoding: base64\r\n" +
				"Content-Disposition: attachment; filename=\"a.bin\"\r\n\r\n" + labB64(fixtureAttachment) + "\r\n--xyz--\r\n")
		} else {
			fmt.Fprintf(&b, "Content-Type: text/plain; charset=us-ascii\r\n\r\nBody of message %d.\r\nSecond line.\r\n", i+1)
		}
		msgs = append(msgs, []byte(b.String()))
	}
	return msgs
}
