package repl

// The IMAP syntax users type (issue 11), end to end against real servers:
// Dovecot and Cyrus announce CONDSTORE, QRESYNC, LIST-EXTENDED,
// LIST-STATUS, SPECIAL-USE, ESEARCH and ESORT, and answer; Courier-IMAP
// 5.0 lacks them all, and the shell refuses them before sending.

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/internal/servers"
)

// syntaxRealTests run against Dovecot, Cyrus and Courier.
var syntaxRealTests = []realTest{
	{"SelectQResync", testRealSelectQResync},
	{"ListExtended", testRealListExtended},
	{"SearchReturn", testRealSearchReturn},
}

func TestServersSyntaxDovecot(t *testing.T) {
	t.Parallel()
	runRealTests(t, &realServer{Server: servers.Dovecot(t)}, syntaxRealTests)
}

func TestServersSyntaxCyrus(t *testing.T) {
	t.Parallel()
	runRealTests(t, &realServer{Server: servers.Cyrus(t), cyrus: true}, syntaxRealTests)
}

func TestServersSyntaxCourier(t *testing.T) {
	t.Parallel()
	runRealTests(t, &realServer{Server: servers.Courier(t), courier: true}, syntaxRealTests)
}

// testRealSelectQResync: select (CONDSTORE) shows HIGHESTMODSEQ; after a
// flag change and an expunge, examine (QRESYNC (uidvalidity modseq
// known-uids)) in a new session shows the expunged UID as VANISHED
// (EARLIER) and the changed message as a FETCH with its new flags.
func testRealSelectQResync(t *testing.T, r *realServer) {
	r.fixture(t, "T-qresync")
	box := r.box("T-qresync")
	if r.lacks("CONDSTORE") { // Courier: neither CONDSTORE nor QRESYNC
		r.refuses(t, "CONDSTORE", nil, "select "+box+" (CONDSTORE)")
		r.refuses(t, "QRESYNC", nil, "examine "+box+" (QRESYNC (1 2 1:3))")
		return
	}
	sh := newRealShell(t, r.Server, "alice", nil)
	var known *client.Mailbox
	src := &scripted{lines: []string{"select " + box + " (CONDSTORE)", `store 2 +flags.silent \Flagged`,
		`store 3 +flags.silent \Deleted`, "expunge"}}
	src.before = func(i int) {
		if i == 1 {
			m := *sh.sess.c.Mailbox()
			known = &m
		}
	}
	if code := sh.sess.Run(t.Context(), src); code != ExitOK {
		t.Fatalf("exit status %d\n%s", code, sh.stderr)
	}
	wantAll(t, "select (CONDSTORE)", sh.stdout.String(), fmt.Sprintf("highestmodseq %d", known.HighestModSeq))
	sh = newRealShell(t, r.Server, "alice", nil)
	out := sh.mustRun(t, "enable QRESYNC", fmt.Sprintf("examine %s (QRESYNC (%d %d 1:3))", box, known.UIDValidity, known.HighestModSeq))
	wantAll(t, "examine (QRESYNC ...)", out, "VANISHED (EARLIER) 3", "read-only")
	wantLines(t, out, `^#2 uid 2\s+\\Flagged\s+modseq \d+$`)
}

// testRealListExtended: selection options, several patterns and RETURN
// options; LIST-STATUS counters show beside the names.
func testRealListExtended(t *testing.T, r *realServer) {
	r.fixture(t, "T-listx")
	box := r.box("T-listx")
	if r.lacks("LIST-EXTENDED") {
		r.refuses(t, "LIST-EXTENDED", nil, `list (SUBSCRIBED) "" *`)
		r.refuses(t, "LIST-EXTENDED", nil, `list "" * RETURN (STATUS (MESSAGES UNSEEN))`)
		r.refuses(t, "LIST-EXTENDED", nil, `list "" (INBOX "`+box+`")`)
		sh := newRealShell(t, r.Server, "alice", nil)
		sh.run(t, `list (SPECIAL-USE) "" *`)
		wantAll(t, "hint", sh.stderr.String(), "hint: this server has no LIST-EXTENDED")
		return
	}
	sh := newRealShell(t, r.Server, "alice", nil)
	out := sh.mustRun(t, "subscribe "+box, `list (SUBSCRIBED) "" *`, `\echo --`, `list (SPECIAL-USE) "" *`, `\echo --`,
		`list "" * RETURN (STATUS (MESSAGES UNSEEN))`, `\echo --`, `list "" (INBOX "`+box+`" "nothing*")`, "unsubscribe "+box)
	parts := strings.Split(out, "--\n")
	if len(parts) != 4 {
		t.Fatalf("output:\n%s", out)
	}
	wantAll(t, "list (SUBSCRIBED)", parts[0], box, `\Subscribed`)
	wantAll(t, "list (SPECIAL-USE)", parts[1], `\Sent`, `\Drafts`, r.box("Sent"))
	wantNone(t, "list (SPECIAL-USE)", parts[1], box)
	wantLines(t, parts[2], `^MAILBOX\s.*\sMESSAGES\s+UNSEEN\s*$`, `^`+regexp.QuoteMeta(box)+`\s.*\s3\s+3\s*$`)
	wantAll(t, "several patterns", parts[3], "INBOX", box)
	wantNone(t, "several patterns", parts[3], r.box("Sent"))
}

// testRealSearchReturn: ESEARCH and ESORT RETURN options, CHARSET after
// RETURN, nested and negated keys, a non-ASCII word as a literal; PARTIAL
// (which none of the servers announces) is refused locally.
func testRealSearchReturn(t *testing.T, r *realServer) {
	r.fixture(t, "T-esearch")
	box := r.box("T-esearch")
	examine := []string{"examine " + box}
	keys := []string{`search OR (SUBJECT "alpha report") (SUBJECT Köln)`, "search NOT (OR SEEN FLAGGED) SUBJECT Re:",
		"search CHARSET UTF-8 SUBJECT Grüße"}
	sh := newRealShell(t, r.Server, "alice", nil)
	out := sh.mustRun(t, append(examine, keys...)...)
	wantAll(t, "search keys", out, "SEARCH 1:3 (3 messages)", "SEARCH 2 (1 message)", "SEARCH 3 (1 message)")
	if r.lacks("ESEARCH") { // Courier: no ESEARCH, no ESORT
		r.refuses(t, "ESEARCH", examine, "search RETURN (MIN MAX COUNT) ALL")
		r.refuses(t, "ESORT", examine, "sort RETURN (COUNT) (DATE) UTF-8 ALL")
		sh = newRealShell(t, r.Server, "alice", nil)
		sh.run(t, append(examine, "search RETURN () ALL")...)
		wantAll(t, "hint", sh.stderr.String(), "hint: this server has no ESEARCH (RFC 4731): leave out RETURN (...)")
		return
	}
	r.refuses(t, "PARTIAL", examine, "search RETURN (PARTIAL 1:2) ALL")
	sh = newRealShell(t, r.Server, "alice", nil)
	out = sh.mustRun(t, append(examine, "search RETURN (MIN MAX COUNT) ALL", "search RETURN () UNDELETED",
		"uid search RETURN (COUNT) CHARSET UTF-8 SUBJECT Köln", "sort RETURN (COUNT ALL) (REVERSE SUBJECT) UTF-8 ALL",
		"uid sort RETURN (MIN) (SUBJECT) UTF-8 ALL")...)
	wantAll(t, "esearch", out, "ESEARCH min 1 max 3 count 3", "ESEARCH all 1:3", "ESEARCH UID count 1",
		"ESEARCH count 3 all 3,1:2", "ESEARCH UID min 1")
}
