package client_test

// Integration tests against real servers (internal/servers): the functions
// here run against Dovecot, Cyrus and Courier-IMAP. Where a server lacks an
// extension (lab.lacks), the test checks that the client refuses the
// command locally instead; where Courier deviates, it asserts what Courier
// does, with a comment. integration_dovecot_test.go,
// integration_cyrus_test.go and integration_courier_test.go start each
// server once and add what only that server does.

import (
	"context"
	"errors"
	"fmt"
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
	dovecot, courier bool
}

func newLab(s *servers.Server) *lab {
	return &lab{Server: s, dovecot: s.Name == "dovecot", courier: s.Name == "courier"}
}

// courierLacks are the extensions Courier-IMAP 5.0 does not announce that
// the common tests use (its CAPABILITY: IMAP4rev1 UIDPLUS CHILDREN
// NAMESPACE THREAD=... SORT QUOTA IDLE ACL ACL2=UNION ENABLE UTF8=ACCEPT
// and AUTH=CRAM-MD5/SHA1/SHA256, PLAIN and LOGIN after TLS).
var courierLacks = map[string]bool{
	"ID": true, "ESEARCH": true, "CONDSTORE": true, "QRESYNC": true, "MOVE": true,
	"UNSELECT": true, "COMPRESS=DEFLATE": true, "METADATA": true, "SPECIAL-USE": true,
	"LIST-EXTENDED": true, "MULTIAPPEND": true, "BINARY": true, "LITERAL+": true,
	"AUTH=SCRAM-SHA-1": true, "AUTH=SCRAM-SHA-256": true,
}

// lacks reports whether the server lacks an extension a test would use.
func (l *lab) lacks(ext string) bool { return l.courier && courierLacks[ext] }

// mechanisms are the SASL mechanisms the server offers after STARTTLS that
// the client implements.
func (l *lab) mechanisms() []string {
	var out []string
	for _, m := range labMechanisms {
		if !l.lacks("AUTH=" + m) {
			out = append(out, m)
		}
	}
	return out
}

// labRefused checks that the client refused a command locally because
// the server lacks the capability it needs, without sending it.
func labRefused(t *testing.T, err error, cap string) {
	t.Helper()
	var ce *client.CapabilityError
	if !errors.As(err, &ce) || !strings.Contains(ce.Cap, cap) {
		t.Fatalf("want a local *client.CapabilityError for %s, got %T %v", cap, err, err)
	}
}

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
	{"PortsSwapped", testPortsSwapped},
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
