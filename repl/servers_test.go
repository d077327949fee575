package repl

// End-to-end tests of the shell against real Dovecot, Cyrus and Courier
// (internal/servers): each command family runs through a Session as a
// script would, and the rendered output must carry the server's data.
// Each server starts once per test function; subtests share it, each on
// its own connection and mailboxes. Where Courier lacks an extension the
// shell must refuse the command before sending it (realServer.refuses);
// where it deviates, the test asserts what Courier does, with a comment.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/internal/servers"
)

// realShell is a session over a STARTTLS connection to a test server,
// with its output captured.
type realShell struct {
	srv            *servers.Server
	sess           *Session
	stdout, stderr *lockedBuffer
}

// serverConnector dials srv with STARTTLS (verified against its CA) and
// logs in as t.User when set; "alice*admin" is Dovecot's master login.
func serverConnector(srv *servers.Server, trace *WireTap) Connector {
	return func(ctx context.Context, t *Target) (*client.Client, error) {
		c, err := client.Dial(ctx, srv.IMAPAddr(), client.DialOptions{Security: client.StartTLS,
			TLS:     client.TLSOptions{CAFile: srv.CAFile},
			Options: client.Options{Trace: trace, CommandTimeout: 30 * time.Second}})
		if err != nil || t.User == "" {
			return c, err
		}
		user, _, _ := strings.Cut(t.User, "*")
		pw := srv.Users[user]
		if _, admin, ok := strings.Cut(t.User, "*"); ok {
			pw = srv.Users[admin]
		}
		res, err := c.Login(ctx, t.User, pw)
		if err == nil {
			err = res.Err()
		}
		return c, err
	}
}

// newRealShell connects a fresh session as user ("" = not logged in).
func newRealShell(t *testing.T, srv *servers.Server, user string, configure func(*Config)) *realShell {
	t.Helper()
	sh := &realShell{srv: srv, stdout: &lockedBuffer{}, stderr: &lockedBuffer{}}
	tap := NewWireTap(nil)
	cfg := Config{Stdout: sh.stdout, Stderr: sh.stderr, Width: 100, Tap: tap, Connect: serverConnector(srv, tap)}
	if configure != nil {
		configure(&cfg)
	}
	target := &Target{URL: "imap://" + srv.IMAPAddr(), Security: client.StartTLS, Host: srv.Host, Port: srv.IMAPPort, User: user}
	c, err := cfg.Connect(t.Context(), target)
	if err != nil {
		t.Fatalf("%s: connect as %q: %v", srv.Name, user, err)
	}
	t.Cleanup(func() { c.Close() })
	sh.sess = NewSession(cfg, c, target)
	return sh
}

// run runs the lines as a script and returns the exit status.
func (sh *realShell) run(t *testing.T, lines ...string) int {
	t.Helper()
	return sh.sess.Run(t.Context(), &scripted{lines: lines})
}

// mustRun runs the lines and fails the test unless all went well.
func (sh *realShell) mustRun(t *testing.T, lines ...string) string {
	t.Helper()
	if code := sh.run(t, lines...); code != ExitOK {
		t.Fatalf("%s: exit status %d for %q\nstdout:\n%s\nstderr:\n%s", sh.srv.Name, code, lines, sh.stdout, sh.stderr)
	}
	return sh.stdout.String()
}

// realServer is a running test server and the names the shell uses on it.
type realServer struct {
	*servers.Server
	cyrus, courier bool
}

// lacks reports whether the server lacks an extension a test would use
// (Courier-IMAP 5.0: see client/integration_common_test.go's list).
func (r *realServer) lacks(ext string) bool {
	switch ext {
	case "ID", "ESEARCH", "CONDSTORE", "MOVE", "UNSELECT", "COMPRESS=DEFLATE", "METADATA",
		"SPECIAL-USE", "LIST-EXTENDED", "AUTH=SCRAM-SHA-256":
		return r.courier
	}
	return false
}

// refuses runs line in a fresh session as alice (after the setup lines,
// in the same run: a run ends with LOGOUT)
// and checks that the shell refused it for the missing capability, without
// sending it: exit status 3, "needs the server capability CAP", and no
// such command in the wire trace.
func (r *realServer) refuses(t *testing.T, cap string, setup []string, line string) {
	t.Helper()
	sh := newRealShell(t, r.Server, "alice", nil)
	if code := sh.run(t, append(setup, `\trace on`, line)...); code != ExitFailures {
		t.Errorf("%s: exit status %d, want %d", line, code, ExitFailures)
	}
	wantAll(t, line+": stderr", sh.stderr.String(), "needs the server capability "+cap)
	word, _, _ := strings.Cut(line, " ")
	if regexp.MustCompile(`(?mi)^C: A\d+ (UID )?` + regexp.QuoteMeta(word) + `\b`).MatchString(sh.stderr.String()) {
		t.Errorf("%s reached the server:\n%s", line, sh.stderr)
	}
}

// box names a personal mailbox in UTF-8: the prefix, parts joined by the
// separator.
func (r *realServer) box(parts ...string) string {
	return r.PersonalPrefix + strings.Join(parts, r.Separator)
}

// quoted is box(parts...) as a shell argument.
func (r *realServer) quoted(parts ...string) string { return `"` + r.box(parts...) + `"` }

// realTest is one end-to-end subtest, run on each server that has it.
type realTest struct {
	name string
	run  func(t *testing.T, r *realServer)
}

// commonRealTests run against Dovecot and Cyrus.
var commonRealTests = []realTest{
	{"Session", testRealSession},
	{"Login", testRealLogin},
	{"ListSpecialUse", testRealList},
	{"MailboxLifecycle", testRealMailboxLifecycle},
	{"SelectExamine", testRealSelectExamine},
	{"FetchSearchSortThread", testRealFetchSearch},
	{"StoreCopyMoveExpunge", testRealStoreCopyMove},
	{"UIDCommands", testRealUID},
	{"CondStore", testRealCondStore},
	{"ACL", testRealACL},
	{"QuotaRoot", testRealQuotaRoot},
	{"NoStopsScript", testRealNoStopsScript},
	{"Metadata", testRealMetadata},
	{"Compress", testRealCompress},
	{"Idle", testRealIdle},
	{"IdleFor", testRealIdleFor},
	{"TryCreateHint", testRealTryCreateHint},
	{"Reconnect", testRealReconnect},
	{"AppendLF", testRealAppendLF}, // servers_append_test.go
}

// runRealTests runs the tests as parallel subtests: each uses its own
// connections and mailboxes.
func runRealTests(t *testing.T, r *realServer, tests []realTest) {
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.run(t, r)
		})
	}
}

func TestServersDovecot(t *testing.T) {
	t.Parallel()
	r := &realServer{Server: servers.Dovecot(t)}
	runRealTests(t, r, commonRealTests)
}

func TestServersCourier(t *testing.T) {
	t.Parallel()
	r := &realServer{Server: servers.Courier(t), courier: true}
	runRealTests(t, r, commonRealTests)
	runRealTests(t, r, courierRealTests)
}

func TestServersCyrus(t *testing.T) {
	t.Parallel()
	r := &realServer{Server: servers.Cyrus(t), cyrus: true}
	runRealTests(t, r, commonRealTests)
	runRealTests(t, r, []realTest{
		{"QuotaAdmin", testRealCyrusQuotaAdmin},
		{"Annotation", testRealCyrusAnnotation},
		{"RightNamedN", testRealCyrusRightN},
	})
}

// wantAll fails the test unless out holds every string of want.
func wantAll(t *testing.T, what, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, out)
		}
	}
}

// wantNone fails the test if out holds any string of unwanted.
func wantNone(t *testing.T, what, out string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(out, w) {
			t.Errorf("%s holds %q:\n%s", what, w, out)
		}
	}
}

// wantLines fails the test unless each regular expression matches a line
// of out.
func wantLines(t *testing.T, out string, patterns ...string) {
	t.Helper()
	for _, p := range patterns {
		if !regexp.MustCompile(`(?m)` + p).MatchString(out) {
			t.Errorf("no line matches %s:\n%s", p, out)
		}
	}
}

// realMessage is a small RFC 5322 message with CRLF line endings.
func realMessage(subject, messageID, inReplyTo string) []byte {
	h := "From: Bob <bob@example.org>\r\nTo: alice@example.org\r\nSubject: " + subject +
		"\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\nMessage-ID: <" + messageID + "@example.org>\r\n"
	if inReplyTo != "" {
		h += "In-Reply-To: <" + inReplyTo + "@example.org>\r\nReferences: <" + inReplyTo + "@example.org>\r\n"
	}
	return []byte(h + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello from " + messageID + ".\r\n")
}

// fixture delivers three messages to alice's mailbox named by parts (ASCII): a
// thread of two and one with an RFC 2047 subject ("Grüße aus Köln").
func (r *realServer) fixture(t *testing.T, parts ...string) [][]byte {
	t.Helper()
	msgs := [][]byte{
		realMessage("Alpha report", "alpha", ""),
		realMessage("Re: Alpha report", "alpha-reply", "alpha"),
		realMessage("=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=", "gruss", ""),
	}
	r.Deliver(t, "alice", r.box(parts...), msgs...) // ASCII names: no modified UTF-7 needed
	return msgs
}

// testRealLogin: the shell's login commands, typed as in a script, with
// the user in the prompt afterwards; a wrong password is a NO.
func testRealLogin(t *testing.T, r *realServer) {
	strongest := "SCRAM-SHA-256"
	if r.lacks("AUTH=SCRAM-SHA-256") {
		strongest = "CRAM-MD5" // Courier: CRAM-MD5, CRAM-SHA1, CRAM-SHA256, PLAIN, LOGIN
	}
	tests := []struct {
		line, user string
		want       int
	}{
		{"login alice alicepw", "alice", ExitOK},
		{"authenticate PLAIN carol pässwörd€", "carol", ExitOK},
		{"authenticate " + strongest + " bob bobpw", "bob", ExitOK},
		{"login_cram_md5 alice alicepw", "alice", ExitOK},
		{"login alice wrong", "", ExitFailures},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			sh := newRealShell(t, r.Server, "", nil)
			var prompt string
			src := &scripted{lines: []string{tt.line, "noop"}}
			src.before = func(i int) {
				if i == 1 {
					prompt = sh.sess.Prompt()
				}
			}
			if code := sh.sess.Run(t.Context(), src); code != tt.want {
				t.Fatalf("exit status %d, want %d\n%s%s", code, tt.want, sh.stdout, sh.stderr)
			}
			if tt.want != ExitOK {
				wantAll(t, "stdout", sh.stdout.String(), "NO")
				return
			}
			if want := tt.user + "@" + r.Host + "> "; prompt != want {
				t.Errorf("prompt after login = %q, want %q", prompt, want)
			}
		})
	}
}

func testRealSession(t *testing.T, r *realServer) {
	sh := newRealShell(t, r.Server, "alice", nil)
	server := map[string]string{"dovecot": "Dovecot", "cyrus": "Cyrus IMAPD", "courier": "UTF8=ACCEPT"}[r.Name]
	personal := map[bool]string{false: `(?m)^personal\s+""`, true: `(?m)^personal\s+INBOX\.\s+\.$`}[r.cyrus || r.courier]
	id := "id name imapsh version 1"
	if r.lacks("ID") {
		r.refuses(t, "ID", nil, id)
		id = "noop"
	}
	out := sh.mustRun(t, "capability", id, "namespace", "noop", "logout")
	wantAll(t, "stdout", out, "CAPABILITY  IMAP4rev1", "IDLE", "NAMESPACE", server, "BYE")
	wantLines(t, out, personal)
	if p := sh.sess.Prompt(); p != "(not connected)> " {
		t.Errorf("prompt after logout = %q", p)
	}
}

// testRealList: LIST shows the special-use folders with their use in the
// RFC 6154 spelling (Cyrus sends \drafts ...), LSUB the subscribed ones.
func testRealList(t *testing.T, r *realServer) {
	sh := newRealShell(t, r.Server, "alice", nil)
	out := sh.mustRun(t, "list", `list "" *`, "lsub")
	wantAll(t, "list", out, r.box("Drafts"), r.box("Sent"), r.box("Trash"), r.box("Junk"), r.box("Archive"), "INBOX")
	if r.lacks("SPECIAL-USE") { // Courier: plain folders
		wantNone(t, "list", out, `\Drafts`, `\Sent`)
		return
	}
	wantAll(t, "list", out, `\Drafts`, `\Sent`, `\Trash`, `\Junk`, `\Archive`)
	wantNone(t, "list", out, `\drafts`, `\sent`)
}

// testRealMailboxLifecycle: a nested non-ASCII mailbox typed in UTF-8 is
// created, subscribed, renamed and deleted; the wire carries modified
// UTF-7 and the output shows UTF-8 again.
func testRealMailboxLifecycle(t *testing.T, r *realServer) {
	sh := newRealShell(t, r.Server, "alice", nil)
	parent, child, renamed := r.quoted("Zürich"), r.quoted("Zürich", "Café €"), r.quoted("Zürich", "Crème")
	out := sh.mustRun(t, "create "+child, `\trace on`, "subscribe "+child, `\trace off`,
		"lsub", "status "+child+" (MESSAGES UIDNEXT)", "rename "+child+" "+renamed, `list "" `+r.quoted("Zürich*"))
	wantAll(t, "stdout", out, r.box("Zürich", "Café €"), r.box("Zürich", "Crème"), "MESSAGES", "UIDNEXT")
	wantAll(t, "trace", sh.stderr.String(), `SUBSCRIBE "`+r.PersonalPrefix+"Z&APw-rich"+r.Separator+"Caf&AOk- &IKw-")
	if mbs := sh.sess.cache.Mailboxes(); !contains(mbs, r.box("Zürich", "Crème")) || contains(mbs, r.box("Zürich", "Café €")) {
		t.Errorf("mailbox cache after rename = %q", mbs)
	}
	sh = newRealShell(t, r.Server, "alice", nil)
	deleteParent := "delete " + parent
	if r.courier { // Maildir++: the \Noselect parent went away with its last child
		deleteParent = "noop"
	}
	out = sh.mustRun(t, "unsubscribe "+child, "delete "+renamed, deleteParent, `list "" `+r.quoted("Zürich*"), "lsub")
	wantNone(t, "stdout", out, "Crème", "Café")
}

// testRealSelectExamine: the prompt shows the mailbox, and EXAMINE marks
// it read-only.
func testRealSelectExamine(t *testing.T, r *realServer) {
	r.fixture(t, "T-select")
	sh := newRealShell(t, r.Server, "alice", nil)
	var prompts []string
	src := &scripted{lines: []string{"select " + r.box("T-select"), "examine " + r.box("T-select"), "noop"}}
	src.before = func(i int) {
		if i > 0 {
			prompts = append(prompts, sh.sess.Prompt())
		}
	}
	if code := sh.sess.Run(t.Context(), src); code != ExitOK {
		t.Fatalf("exit status %d\n%s", code, sh.stderr)
	}
	wantAll(t, "stdout", sh.stdout.String(), r.box("T-select")+"  3 messages", "[READ-WRITE]", "read-only", "[READ-ONLY]")
	box := " " + r.box("T-select") + "[3]"
	if len(prompts) != 2 || !strings.HasSuffix(prompts[0], box+"> ") || !strings.HasSuffix(prompts[1], box+"(ro)> ") {
		t.Errorf("prompts after select and examine = %q, want ...%s> and ...%s(ro)> ", prompts, box, box)
	}
}

// testRealFetchSearch: FETCH views (envelope, body structure, a body to a
// file), SEARCH with and without RETURN, SORT and THREAD.
func testRealFetchSearch(t *testing.T, r *realServer) {
	msgs := r.fixture(t, "T-fetch")
	sh := newRealShell(t, r.Server, "alice", nil)
	file := filepath.Join(t.TempDir(), "msg.eml")
	esearch, esearchOut := "search RETURN (MIN MAX COUNT) ALL", "ESEARCH min 1 max 3 count 3"
	if r.lacks("ESEARCH") {
		r.refuses(t, "ESEARCH", []string{"examine " + r.box("T-fetch")}, esearch)
		esearch, esearchOut = "search ALL", "SEARCH 1:3 (3 messages)"
	}
	out := sh.mustRun(t, "examine "+r.box("T-fetch"),
		"fetch 1:3 (UID ENVELOPE)", "fetch 1 BODYSTRUCTURE", "fetch 3 BODY.PEEK[] > "+file,
		`search SUBJECT "alpha"`, esearch, "search SUBJECT Köln",
		"sort (REVERSE SUBJECT) UTF-8 ALL", "thread REFERENCES UTF-8 ALL")
	encoding, sorted := "7bit", "SORT 3,1:2 (3 messages)"
	if r.courier {
		// Courier reports the default transfer encoding of a message
		// without Content-Transfer-Encoding as 8bit, and breaks SORT ties
		// (messages 1 and 2 share the base subject) in reverse.
		encoding, sorted = "8bit", "SORT 3,2,1 (3 messages)"
	}
	wantAll(t, "stdout", out,
		"1    1  2024-01-01 10:00  Bob   Alpha report", "Re: Alpha report", "Grüße aus Köln", // envelopes
		"1 text/plain; charset=utf-8 "+encoding, // body structure
		"SEARCH 1:2 (2 messages)", esearchOut, "SEARCH 3 (1 message)",
		sorted, "THREAD 2 threads, 3 messages\n1\n└─ 2\n3\n")
	if strings.Contains(out, "256 B") || !strings.Contains(sh.stderr.String(), "wrote 256 bytes (1 section) to "+file) {
		t.Errorf("fetch > FILE: the section is not told once, on stderr:\nstdout:\n%s\nstderr:\n%s", out, sh.stderr)
	}
	got, err := os.ReadFile(file)
	if err != nil || !bytes.Equal(got, msgs[2]) {
		t.Errorf("BODY[] > file: %v\n%q\nwant\n%q", err, got, msgs[2])
	}
}

// testRealStoreCopyMove: STORE shows the new flags; COPY and MOVE report
// the UIDs (UIDPLUS); EXPUNGE the removed message.
func testRealStoreCopyMove(t *testing.T, r *realServer) {
	r.fixture(t, "T-store")
	sh := newRealShell(t, r.Server, "alice", nil)
	dst := r.box("T-store-dst")
	move := []string{"move 3 " + dst}
	expunged := []string{"EXPUNGE #3", "EXPUNGE #2"}
	if r.lacks("MOVE") { // what move does, by hand
		r.refuses(t, "MOVE", []string{"examine " + r.box("T-store")}, "move 3 "+dst)
		move = []string{"copy 3 " + dst, `store 3 +flags.silent \Deleted`}
		expunged = []string{"EXPUNGE #2"}
	}
	lines := append([]string{"create " + dst, "select " + r.box("T-store"),
		`store 1 +flags (\Flagged $Important)`, "copy 1:2 " + dst, `\expect code COPYUID`}, move...)
	out := sh.mustRun(t, append(lines, `store 2 +flags.silent \Deleted`, "expunge", `\expect exists 1`,
		"status "+dst+" (MESSAGES)")...)
	wantAll(t, "stdout", out, append(expunged, "OK [COPYUID ")...)
	wantLines(t, out, `^#1  .*\\Flagged`, `^#1  .*\$Important`)
	if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(r.box("T-store-dst")) + `\s+3\s*$`).MatchString(out) {
		t.Errorf("status of the destination should show 3 messages:\n%s", out)
	}
}

// testRealUID: the uid variants of fetch, search, store, copy, move and
// expunge.
func testRealUID(t *testing.T, r *realServer) {
	r.fixture(t, "T-uid")
	sh := newRealShell(t, r.Server, "alice", nil)
	dst := r.box("T-uid-dst")
	move, expunge := []string{"uid move 3 " + dst}, "uid expunge 2"
	if r.lacks("MOVE") { // what uid move does, by hand (UIDPLUS)
		r.refuses(t, "MOVE", []string{"examine " + r.box("T-uid")}, "uid move 3 "+dst)
		move, expunge = []string{"uid copy 3 " + dst, `uid store 3 +flags.silent \Deleted`}, "uid expunge 2:3"
	}
	lines := append([]string{"create " + dst, "select " + r.box("T-uid"),
		"uid search SUBJECT alpha", "uid fetch 2 (FLAGS ENVELOPE)", `uid store 1:2 +flags \Seen`,
		"uid copy 1 " + dst, `\expect code COPYUID`}, move...)
	out := sh.mustRun(t, append(lines, `uid store 2 +flags.silent \Deleted`, expunge, `\expect exists 1`,
		"uid sort (SUBJECT) UTF-8 ALL", "uid thread REFERENCES UTF-8 ALL", "fetch 1:* (UID FLAGS)")...)
	wantAll(t, "stdout", out, "SEARCH 1:2 (2 messages)", "#2 uid 2", "Subject: Re: Alpha report",
		"EXPUNGE #2", "SORT 1 (1 message)", "THREAD 1 thread, 1 message")
	if !r.lacks("MOVE") {
		wantAll(t, "stdout", out, "EXPUNGE #3")
	}
	wantLines(t, out, `^1    1  .*\\Seen`, `^2    2  .*\\Seen`, `^#1 uid 1  .*\\Seen`)
}

// testRealCondStore: ENABLE CONDSTORE, then FETCH (CHANGEDSINCE) returns
// only what changed since a MODSEQ, with the new MODSEQ.
func testRealCondStore(t *testing.T, r *realServer) {
	r.fixture(t, "T-condstore")
	if r.lacks("CONDSTORE") {
		r.refuses(t, "CONDSTORE", []string{"examine " + r.box("T-condstore")}, "fetch 1:* (FLAGS) (CHANGEDSINCE 1)")
		r.refuses(t, "CONDSTORE", []string{"select " + r.box("T-condstore")}, `store 1 (UNCHANGEDSINCE 1) +flags \Seen`)
		return
	}
	sh := newRealShell(t, r.Server, "alice", func(c *Config) { c.JSON = true })
	sh.mustRun(t, "enable CONDSTORE", "examine "+r.box("T-condstore"), "fetch 1:* (MODSEQ)")
	objs := jsonObjects(t, sh.stdout.String())
	if objs[0].Status != "OK" || !strings.Contains(fmt.Sprint(objs[0].Responses), "CONDSTORE") {
		t.Errorf("enable CONDSTORE: %+v", objs[0])
	}
	var since float64
	for _, r := range objs[2].Responses {
		since = max(since, r["modseq"].(float64))
	}
	sh = newRealShell(t, r.Server, "alice", func(c *Config) { c.JSON = true })
	sh.mustRun(t, "enable CONDSTORE", "select "+r.box("T-condstore"), `store 2 +flags \Answered`,
		fmt.Sprintf("fetch 1:* (FLAGS) (CHANGEDSINCE %d)", int64(since)))
	objs = jsonObjects(t, sh.stdout.String())
	fetch := objs[len(objs)-1]
	if len(fetch.Responses) != 1 || fetch.Responses[0]["seq"] != 2.0 || fetch.Responses[0]["modseq"].(float64) <= since {
		t.Errorf("FETCH (CHANGEDSINCE %d) should return message 2 with a higher MODSEQ: %+v", int64(since), fetch)
	}
	// STORE (UNCHANGEDSINCE): message 2 changed after `since`, so the store
	// is refused for it with [MODIFIED 2]; several bare flags make a list.
	sh = newRealShell(t, r.Server, "alice", nil)
	out := sh.mustRun(t, "enable CONDSTORE", "select "+r.box("T-condstore"),
		fmt.Sprintf(`store 2 (UNCHANGEDSINCE %d) +flags \Seen`, int64(since)),
		`store 1 +flags \Seen \Flagged`, "fetch 1 (FLAGS)")
	wantAll(t, "store unchangedsince", out, "MODIFIED 2", `\Seen`, `\Flagged`)
}

// jsonObject is one command's --json output.
type jsonObject struct {
	Command, Status, Code string
	Responses             []map[string]any
}

// jsonObjects decodes --json output, one object per line.
func jsonObjects(t *testing.T, out string) []jsonObject {
	t.Helper()
	var objs []jsonObject
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var o jsonObject
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("bad JSON %q: %v", l, err)
		}
		objs = append(objs, o)
	}
	return objs
}

// testRealACL: SETACL, GETACL, MYRIGHTS, LISTRIGHTS and DELETEACL
// (RFC 4314) on a mailbox of alice's.
func testRealACL(t *testing.T, r *realServer) {
	sh := newRealShell(t, r.Server, "alice", nil)
	box := r.box("T-acl")
	out := sh.mustRun(t, "create "+box, "setacl "+box+" bob lrs", "getacl "+box, "myrights "+box, "listrights "+box+" bob")
	if !regexp.MustCompile(`(?m)^\s+bob\s+lrs\s*$`).MatchString(out) {
		t.Errorf("getacl should show bob with lrs:\n%s", out)
	}
	wantAll(t, "stdout", out, "MYRIGHTS "+box+" ", "l=lookup", "LISTRIGHTS", "bob")
	sh = newRealShell(t, r.Server, "alice", nil)
	out = sh.mustRun(t, "deleteacl "+box+" bob", "getacl "+box)
	wantNone(t, "getacl after deleteacl", out, "bob")
	owner := "alice"
	if r.courier {
		owner = "owner" // Courier names the owner "owner" (and lists "administrators")
	}
	wantAll(t, "getacl after deleteacl", out, owner)
}

// quotaRoot is the user's quota root on each server.
func (r *realServer) quotaRoot() string {
	switch {
	case r.cyrus:
		return "INBOX"
	case r.courier:
		return "ROOT"
	}
	return `"User quota"`
}

// testRealQuotaRoot: GETQUOTAROOT shows the root with usage bars, and
// GETQUOTA the same root.
func testRealQuotaRoot(t *testing.T, r *realServer) {
	sh := newRealShell(t, r.Server, "alice", nil)
	out := sh.mustRun(t, "getquotaroot INBOX")
	wantAll(t, "getquotaroot", out, "QUOTAROOT INBOX roots: "+strings.Trim(r.quotaRoot(), `"`), "STORAGE", "10 GiB", "MESSAGE", "1000000", "0%")
	if r.cyrus || r.courier {
		return // Cyrus: GETQUOTA is for admins (testRealCyrusQuotaAdmin); Courier has none
	}
	sh = newRealShell(t, r.Server, "alice*admin", nil)
	out = sh.mustRun(t, "getquota "+r.quotaRoot())
	wantAll(t, "getquota", out, "User quota", "STORAGE", "10 GiB")
}

// testRealNoStopsScript: a NO from the server ends a script with exit
// status 3, shown with its response code; --json carries the code too.
func testRealNoStopsScript(t *testing.T, r *realServer) {
	msg := r.messageFile(t)
	tests := []struct {
		name, line, want string
	}{
		{"setquota as a user", "setquota " + r.quotaRoot() + " (STORAGE 512000)", "NO "},
		{"append to a missing mailbox", "append " + r.box("NoSuchBox") + " < " + msg, "NO [TRYCREATE]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh := newRealShell(t, r.Server, "alice", nil)
			if code := sh.run(t, tt.line, `\echo not reached`); code != ExitFailures {
				t.Errorf("exit status %d, want %d", code, ExitFailures)
			}
			wantAll(t, "stdout", sh.stdout.String(), tt.want)
			wantNone(t, "stdout", sh.stdout.String(), "not reached")
		})
	}
	sh := newRealShell(t, r.Server, "alice", func(c *Config) { c.JSON = true })
	if code := sh.run(t, "append "+r.box("NoSuchBox")+" < "+msg, `\expect code TRYCREATE`); code != ExitOK {
		t.Errorf("an expected NO: exit status %d\n%s", code, sh.stderr)
	}
	if o := jsonObjects(t, sh.stdout.String())[0]; o.Status != "NO" || o.Code != "TRYCREATE" {
		t.Errorf("JSON of the NO = %+v", o)
	}
}

// testRealMetadata: SETMETADATA and GETMETADATA (RFC 5464) on a mailbox
// and on the server.
func testRealMetadata(t *testing.T, r *realServer) {
	box := r.box("T-meta")
	if r.lacks("METADATA") {
		r.refuses(t, "METADATA", nil, `setmetadata INBOX /private/comment "Grüße, team"`)
		r.refuses(t, "METADATA", nil, "getmetadata INBOX /private/comment")
		return
	}
	sh := newRealShell(t, r.Server, "alice", nil)
	out := sh.mustRun(t, "create "+box, `setmetadata `+box+` /private/comment "Grüße, team"`,
		"getmetadata "+box+" /private/comment", `setmetadata "" /private/vendor/imapsh srv-`+r.Name,
		`getmetadata "" (MAXSIZE 1024) /private/vendor/imapsh`, "setmetadata "+box+" /private/comment NIL")
	wantAll(t, "stdout", out, "/private/comment", "Grüße, team", "/private/vendor/imapsh", "srv-"+r.Name)
	sh = newRealShell(t, r.Server, "alice", nil)
	out = sh.mustRun(t, "getmetadata "+box+" /private/comment")
	wantNone(t, "after deleting the entry", out, "Grüße")
	wantLines(t, out, `/private/comment\s+NIL$`)
}

// testRealCompress: after COMPRESS=DEFLATE the session goes on.
func testRealCompress(t *testing.T, r *realServer) {
	if r.lacks("COMPRESS=DEFLATE") {
		r.refuses(t, "COMPRESS=DEFLATE", nil, "compress")
		return
	}
	sh := newRealShell(t, r.Server, "alice", nil)
	out := sh.mustRun(t, "compress", "list", "examine INBOX", "noop")
	wantAll(t, "stdout", out, "OK", r.box("Sent"), "[READ-ONLY]")
}

// testRealIdle: IDLE shows a message appended from a second connection
// live, then ends on "Ctrl-C" (a timed interrupt) and the script goes on.
func testRealIdle(t *testing.T, r *realServer) {
	realIdle(t, r, "T-idle", "idle", true)
}

// testRealIdleFor: "idle 3s" ends by itself (DONE after three seconds)
// with the appended message shown, and the script goes on.
func testRealIdleFor(t *testing.T, r *realServer) {
	realIdle(t, r, "T-idlefor", "idle 3s", false)
}

// realIdle runs line (an idle) in a new mailbox while a second connection
// appends to it, ended by a timed interrupt or by itself.
func realIdle(t *testing.T, r *realServer, name, line string, interrupt bool) {
	box := r.box(name)
	sh := newRealShell(t, r.Server, "alice", nil)
	if interrupt {
		sh.sess.interrupts = interruptAfter(3 * time.Second)
	}
	other := newRealShell(t, r.Server, "alice", nil)
	src := &scripted{lines: []string{"create " + box, "select " + box, line, `\expect ok`, `\echo back`}}
	done := make(chan struct{})
	src.before = func(i int) {
		if i == 2 { // just before idle
			go func() {
				defer close(done)
				time.Sleep(500 * time.Millisecond)
				other.sess.Run(context.Background(), &scripted{lines: []string{"append " + box + " < " + r.messageFile(t)}})
			}()
		}
	}
	if code := sh.sess.Run(t.Context(), src); code != ExitOK {
		t.Errorf("exit status %d; stderr:\n%s", code, sh.stderr)
	}
	<-done
	wantAll(t, "second connection", other.stdout.String(), "APPENDUID")
	wantAll(t, "stdout", sh.stdout.String(), "EXISTS 1", "back")
}

// testRealTryCreateHint: at a terminal, copy to a mailbox that does not
// exist gets the server's NO [TRYCREATE] and a hint to create it.
func testRealTryCreateHint(t *testing.T, r *realServer) {
	box := r.box("T-trycreate")
	sh := newRealShell(t, r.Server, "alice", nil)
	sh.sess.Run(t.Context(), &scripted{interactive: true, lines: []string{"create " + box,
		"append " + box + " < " + r.messageFile(t), "select " + box, "copy 1 " + r.box("T-nowhere")}})
	wantAll(t, "stdout", sh.stdout.String(), "TRYCREATE")
	wantAll(t, "stderr", sh.stderr.String(), "hint: the mailbox does not exist: create "+r.box("T-nowhere")+" first")
}

// messageFile writes a message for append < FILE.
func (r *realServer) messageFile(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "msg.eml")
	if err := os.WriteFile(path, realMessage("live", "live", ""), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// testRealCyrusQuotaAdmin: the Cyrus admin reads and sets another user's
// quota; the user sees the new limit.
func testRealCyrusQuotaAdmin(t *testing.T, r *realServer) {
	admin := newRealShell(t, r.Server, "admin", nil)
	out := admin.mustRun(t, "getquota user.bob", "setquota user.bob (STORAGE 512000 MESSAGE 5000)", "getquota user.bob")
	wantAll(t, "admin", out, "user.bob", "10 GiB", "500 MiB", "5000")
	bob := newRealShell(t, r.Server, "bob", nil)
	wantAll(t, "bob", bob.mustRun(t, "getquotaroot INBOX"), "500 MiB", "5000")
}

// testRealCyrusAnnotation: the draft ANNOTATEMORE commands.
func testRealCyrusAnnotation(t *testing.T, r *realServer) {
	sh := newRealShell(t, r.Server, "alice", nil)
	box := r.box("T-annotation")
	out := sh.mustRun(t, "create "+box, `setannotation `+box+` /comment value.priv "for the team"`,
		"getannotation "+box+" /comment value.priv")
	wantAll(t, "stdout", out, "/comment", "value.priv", "for the team")
}

// testRealCyrusRightN: Cyrus grants the right "n" (write shared
// annotations, RFC 5257 section 4.1 and RFC 5464 section 6); the rights
// legend should name it.
func testRealCyrusRightN(t *testing.T, r *realServer) {
	sh := newRealShell(t, r.Server, "alice", nil)
	out := sh.mustRun(t, "myrights INBOX")
	wantAll(t, "myrights", out, "n=annotate")
	wantNone(t, "myrights", out, "n=?")
}
