package repl

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// extendedCaps is a server with every extension the typed syntax uses.
const extendedCaps = "IMAP4rev1 LITERAL+ ENABLE CONDSTORE QRESYNC LIST-EXTENDED LIST-STATUS SPECIAL-USE " +
	"ESEARCH ESORT SORT PARTIAL SEARCHRES METADATA"

// newSyntaxShell is a session over a transcript server announcing caps in
// its PREAUTH greeting; lines run as a script that goes on after errors.
func newSyntaxShell(t *testing.T, caps, wire string) *fakeShell {
	t.Helper()
	conn := clienttest.Serve(t, "S: * PREAUTH [CAPABILITY "+caps+"] ready\n"+wire)
	sh := &fakeShell{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, trace: &lockedBuffer{}}
	tap := NewWireTap(client.TextTrace(sh.trace))
	c, err := client.New(conn, &client.Options{Trace: tap, CommandTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	sh.sess = NewSession(Config{Stdout: sh.stdout, Stderr: sh.stderr, Tap: tap, Width: 100, ContinueOnError: true}, c, &Target{})
	return sh
}

const inboxSelected = "C: A1 SELECT INBOX\nS: * 3 EXISTS\nS: A1 OK [READ-WRITE] done\n"

// TestTypedSyntaxOnTheWire: what users type in RFC syntax goes to the
// server as typed (RFC 7162, 5258, 5819, 6154, 4731, 5267, 9394), and the
// answers are shown.
func TestTypedSyntaxOnTheWire(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		wire  string   // the exchange after the greeting, before LOGOUT
		shown []string // in stdout
	}{
		{"select condstore", []string{"select INBOX (CONDSTORE)", "examine Sent condstore"},
			"C: A1 SELECT INBOX (CONDSTORE)\nS: * OK [HIGHESTMODSEQ 7] x\nS: A1 OK [READ-WRITE] done\n" +
				"C: A2 EXAMINE Sent (CONDSTORE)\nS: A2 OK [READ-ONLY] done\n",
			[]string{"highestmodseq 7"}},
		{"select qresync", []string{"enable QRESYNC", "examine INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))",
			"select INBOX (CONDSTORE QRESYNC (1 2 1:9 (1,3 5,7)))"},
			"C: A1 ENABLE QRESYNC\nS: * ENABLED QRESYNC\nS: A1 OK done\n" +
				"C: A2 EXAMINE INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))\nS: * 100 EXISTS\n" +
				"S: * VANISHED (EARLIER) 41,43:116,118,120:211,214:540\n" +
				"S: * 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))\nS: A2 OK [READ-ONLY] done\n" +
				"C: A3 SELECT INBOX (CONDSTORE QRESYNC (1 2 1:9 (1,3 5,7)))\nS: A3 OK [READ-WRITE] done\n",
			[]string{"INBOX  100 messages", "VANISHED (EARLIER) 41,43:116,118,120:211,214:540", "117", `\Answered`}},
		{"list selection", []string{`list (SUBSCRIBED) "" *`, `list (special-use)`, `list () "" %`},
			"C: A1 LIST (SUBSCRIBED) \"\" *\nS: * LIST (\\Subscribed) \"/\" INBOX\nS: A1 OK done\n" +
				"C: A2 LIST (special-use) \"\" *\nS: * LIST (\\Sent) \"/\" Sent\nS: A2 OK done\n" +
				"C: A3 LIST () \"\" %\nS: A3 OK done\n",
			[]string{`\Subscribed`, `\Sent`}},
		{"list status", []string{`list "" * RETURN (STATUS (MESSAGES UNSEEN))`, `list return (CHILDREN)`},
			"C: A1 LIST \"\" * RETURN (STATUS (MESSAGES UNSEEN))\n" +
				"S: * LIST () \"/\" INBOX\nS: * STATUS INBOX (MESSAGES 42 UNSEEN 3)\n" +
				"S: * LIST (\\Sent) \"/\" Sent\nS: * STATUS Sent (MESSAGES 1200 UNSEEN 0)\nS: A1 OK done\n" +
				"C: A2 LIST \"\" * RETURN (CHILDREN)\nS: A2 OK done\n",
			[]string{"MAILBOX  DELIM  USE    MESSAGES  UNSEEN", "INBOX    /                   42       3",
				"Sent     /      \\Sent      1200       0"}},
		{"list patterns", []string{`list "" ("INBOX" "Sent Items" Arch*) RETURN (SPECIAL-USE)`, `list "" "(odd)"`, `list "(odd)"`},
			"C: A1 LIST \"\" (INBOX \"Sent Items\" Arch*) RETURN (SPECIAL-USE)\nS: A1 OK done\n" +
				"C: A2 LIST \"\" \"(odd)\"\nS: A2 OK done\nC: A3 LIST \"\" \"(odd)\"\nS: A3 OK done\n", nil},
		{"search return", []string{"select INBOX", "search RETURN (MIN MAX COUNT) ALL", "search return () FLAGGED",
			"uid search RETURN (PARTIAL -1:-100) UNDELETED", "search RETURN (SAVE) SEEN"},
			inboxSelected + "C: A2 SEARCH RETURN (MIN MAX COUNT) ALL\nS: * ESEARCH (TAG \"A2\") MIN 1 MAX 3 COUNT 3\nS: A2 OK done\n" +
				"C: A3 SEARCH RETURN () FLAGGED\nS: * ESEARCH (TAG \"A3\") ALL 2\nS: A3 OK done\n" +
				"C: A4 UID SEARCH RETURN (PARTIAL -1:-100) UNDELETED\nS: * ESEARCH (TAG \"A4\") UID PARTIAL (-1:-100 7:9)\nS: A4 OK done\n" +
				"C: A5 SEARCH RETURN (SAVE) SEEN\nS: A5 OK done\n",
			[]string{"ESEARCH min 1 max 3 count 3", "ESEARCH all 2", "ESEARCH UID partial -1:-100 7:9"}},
		{"search keys", []string{"select INBOX", `search OR (FROM alice SUBJECT "a b") NOT (SEEN)`,
			`search HEADER "X-Spam-Flag" "YES" LARGER 100000`, `search RETURN (COUNT) CHARSET UTF-8 SUBJECT Grüße`,
			`search SUBJECT "Grüße" FROM "bob smith"`, `search CHARSET ISO-8859-1 ALL`},
			inboxSelected + "C: A2 SEARCH OR (FROM alice SUBJECT \"a b\") NOT (SEEN)\nS: * SEARCH 1\nS: A2 OK done\n" +
				"C: A3 SEARCH HEADER \"X-Spam-Flag\" \"YES\" LARGER 100000\nS: * SEARCH\nS: A3 OK done\n" +
				"C: A4 SEARCH RETURN (COUNT) CHARSET UTF-8 SUBJECT {7+}\nC: Grüße\nS: * ESEARCH (TAG \"A4\") COUNT 1\nS: A4 OK done\n" +
				"C: A5 SEARCH CHARSET UTF-8 SUBJECT {7+}\nC: Grüße FROM \"bob smith\"\nS: * SEARCH 3\nS: A5 OK done\n" +
				"C: A6 SEARCH CHARSET ISO-8859-1 ALL\nS: * SEARCH 1 2 3\nS: A6 OK done\n",
			[]string{"SEARCH 1 (1 message)", "ESEARCH count 1"}},
		{"metadata", []string{`getmetadata (DEPTH infinity) INBOX /private`, `getmetadata INBOX (/private/comment /shared/comment)`,
			`getmetadata "" (MAXSIZE 1024) (/shared/comment)`, `getmetadata "(odd)" /private/comment`,
			`setmetadata INBOX (/private/comment "hello wörld")`, `setmetadata INBOX /private/comment NIL`},
			"C: A1 GETMETADATA (DEPTH infinity) INBOX (/private)\nS: * METADATA INBOX (/private/comment \"c1\")\nS: A1 OK done\n" +
				"C: A2 GETMETADATA INBOX (/private/comment /shared/comment)\nS: A2 OK done\n" +
				"C: A3 GETMETADATA (MAXSIZE 1024) \"\" (/shared/comment)\nS: A3 OK done\n" +
				"C: A4 GETMETADATA \"(odd)\" (/private/comment)\nS: A4 OK done\n" +
				"C: A5 SETMETADATA INBOX (/private/comment {12+}\nC: hello wörld)\nS: A5 OK done\n" +
				"C: A6 SETMETADATA INBOX (/private/comment NIL)\nS: A6 OK done\n",
			[]string{"/private/comment", "c1"}},
		{"sort return", []string{"select INBOX", "sort RETURN (COUNT ALL) (REVERSE DATE) UTF-8 ALL", "uid sort (DATE) UTF-8 UNSEEN",
			"uid sort RETURN (PARTIAL 1:2) (SUBJECT) UTF-8 ALL"},
			inboxSelected + "C: A2 SORT RETURN (COUNT ALL) (REVERSE DATE) UTF-8 ALL\nS: * ESEARCH (TAG \"A2\") COUNT 3 ALL 3,1,2\nS: A2 OK done\n" +
				"C: A3 UID SORT (DATE) UTF-8 UNSEEN\nS: * SORT 9 7\nS: A3 OK done\n" +
				"C: A4 UID SORT RETURN (PARTIAL 1:2) (SUBJECT) UTF-8 ALL\nS: * ESEARCH (TAG \"A4\") UID PARTIAL (1:2 9,7)\nS: A4 OK done\n",
			[]string{"ESEARCH count 3 all 3,1,2", "SORT 9,7", "partial 1:2 9,7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := len(regexp.MustCompile(`(?m)^C: A\d+ `).FindAllString(tt.wire, -1)) + 1
			sh := newSyntaxShell(t, extendedCaps, tt.wire+logoutWire(n))
			if code := sh.run(tt.lines...); code != ExitOK {
				t.Fatalf("exit status %d\nstderr:\n%s", code, sh.stderr)
			}
			wantAll(t, "stdout", sh.stdout.String(), tt.shown...)
		})
	}
}

// TestTypedSyntaxRefused: what does not fit the grammar, or what the
// server does not announce, is refused before anything is sent, with an
// error saying why and a hint.
func TestTypedSyntaxRefused(t *testing.T) {
	tests := []struct {
		caps, line string
		want       []string // in stderr
	}{
		{extendedCaps, "select INBOX (FOO)", []string{"unknown parameter FOO (CONDSTORE and QRESYNC are known)", "usage: select MAILBOX [(PARAMETERS)]"}},
		{extendedCaps, "select INBOX (QRESYNC 1 2)", []string{"QRESYNC takes a list: (QRESYNC (UIDVALIDITY MODSEQ"}},
		{extendedCaps, "select INBOX (QRESYNC (1))", []string{"QRESYNC takes (QRESYNC (UIDVALIDITY MODSEQ"}},
		{extendedCaps, "select INBOX (QRESYNC (x 2))", []string{"UIDVALIDITY and MODSEQ are numbers"}},
		{extendedCaps, "select INBOX (QRESYNC (1 2))", []string{"needs ENABLE QRESYNC first", "hint: enable QRESYNC first"}},
		{"IMAP4rev1", "select INBOX (CONDSTORE)", []string{"needs the server capability CONDSTORE", "select the mailbox without parameters"}},
		{extendedCaps, `list "" ()`, []string{"an empty list"}},
		{extendedCaps, `list "" * RETURN`, []string{"RETURN needs its OPTIONS after it"}},
		{extendedCaps, `list "" * RETURN CHILDREN`, []string{`"CHILDREN" is not a parenthesised list`}},
		{"IMAP4rev1", `list (SUBSCRIBED) "" *`, []string{"needs the server capability LIST-EXTENDED", "hint: this server has no LIST-EXTENDED"}},
		{"IMAP4rev1", `list "" (INBOX Sent)`, []string{"needs the server capability LIST-EXTENDED"}},
		{"IMAP4rev1 LIST-EXTENDED", `list "" * RETURN (STATUS (MESSAGES))`, []string{"LIST-STATUS", "leave that option out"}},
		{extendedCaps, "search CHARSET UTF-8 RETURN (COUNT) ALL", []string{"RETURN (...) comes first, before CHARSET"}},
		{extendedCaps, "search RETURN MIN ALL", []string{`"MIN" is not a parenthesised list`}},
		{extendedCaps, "search RETURN (MIN)", []string{"missing CRITERIA"}},
		{extendedCaps, "search RETURN (PARTIAL 0:5) ALL", []string{"PARTIAL takes a range like 1:100 or -1:-100"}},
		{"IMAP4rev1 ESEARCH SORT", "search RETURN (PARTIAL 1:5) ALL", []string{"needs the server capability PARTIAL", "hint: this server has no PARTIAL"}},
		{"IMAP4rev1 ESEARCH SORT", "sort RETURN (COUNT) (DATE) UTF-8 ALL", []string{"needs the server capability ESORT", "hint: this server has no ESORT"}},
		{"IMAP4rev1", "search RETURN () ALL", []string{"needs the server capability ESEARCH", "hint: this server has no ESEARCH"}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			wire, n := "", 1
			if strings.HasPrefix(tt.line, "search") || strings.HasPrefix(tt.line, "sort") {
				wire, n = inboxSelected, 2
			}
			sh := newSyntaxShell(t, tt.caps, wire+logoutWire(n))
			lines := []string{tt.line}
			if wire != "" {
				lines = []string{"select INBOX", tt.line}
			}
			if code := sh.run(lines...); code != ExitFailures {
				t.Errorf("exit status %d, want %d", code, ExitFailures)
			}
			wantAll(t, "stderr", sh.stderr.String(), tt.want...)
		})
	}
}

// TestTypedSyntaxUsage: help shows the forms.
func TestTypedSyntaxUsage(t *testing.T) {
	for name, want := range map[string]string{
		"select":     "select MAILBOX [(PARAMETERS)]",
		"list":       "list [(SELECTION)] [REFERENCE] [PATTERN] [RETURN (OPTIONS)]",
		"search":     "search [RETURN (OPTIONS)] [CHARSET NAME] CRITERIA...",
		"uid sort":   "uid sort [RETURN (OPTIONS)] ORDER CHARSET CRITERIA...",
		"uid search": "uid search [RETURN (OPTIONS)] [CHARSET NAME] CRITERIA...",
	} {
		if got := commandNamed(name).Usage(); got != want {
			t.Errorf("%s usage = %q, want %q", name, got, want)
		}
	}
	h := newHarness(t, nil)
	h.run("help list", "help search", "help select", "help sort")
	out := h.stdout.String()
	wantAll(t, "help", out, `list (SUBSCRIBED) "" *`, "RETURN (STATUS (MESSAGES UNSEEN))", `list "" (INBOX "Sent*" Archive/%)`,
		"search RETURN (PARTIAL -1:-50) ALL", "(QRESYNC (67890007", "sort RETURN (COUNT ALL)")
	if regexp.MustCompile(`(?m)^.{81,}$`).MatchString(out) {
		t.Errorf("help is wider than 80 columns:\n%s", out)
	}
}

// TestPartialJSON: --json gives PARTIAL's range and set (absent for NIL).
func TestPartialJSON(t *testing.T) {
	sh := newSyntaxShell(t, extendedCaps, inboxSelected+
		"C: A2 UID SEARCH RETURN (PARTIAL -1:-100 COUNT) ALL\nS: * ESEARCH (TAG \"A2\") UID PARTIAL (-1:-100 7:9) COUNT 3\nS: A2 OK done\n"+
		"C: A3 SEARCH RETURN (PARTIAL 1:10) SEEN\nS: * ESEARCH (TAG \"A3\") PARTIAL (1:10 NIL)\nS: A3 OK done\n"+logoutWire(4))
	sh.sess.json = true
	if code := sh.run("select INBOX", "uid search RETURN (PARTIAL -1:-100 COUNT) ALL", "search RETURN (PARTIAL 1:10) SEEN"); code != ExitOK {
		t.Fatalf("exit status %d\n%s", code, sh.stderr)
	}
	wantAll(t, "stdout", sh.stdout.String(), `"partial":{"range":"-1:-100","set":"7:9"}`, `"partial":{"range":"1:10"}`)
}

// TestEnableSaysWhatItDidNotEnable: ENABLE of an extension the server
// does not turn on gets OK and no ENABLED for it (RFC 5161 section 3.1:
// Dovecot 2.3 and Cyrus 3.6 for UTF8=ACCEPT); the shell says so, since
// "OK Enabled" alone reads as if it were on.
func TestEnableSaysWhatItDidNotEnable(t *testing.T) {
	sh := newSyntaxShell(t, extendedCaps, "C: A1 ENABLE UTF8=ACCEPT CONDSTORE\nS: * ENABLED CONDSTORE\nS: A1 OK Enabled\n"+
		"C: A2 ENABLE CONDSTORE\nS: A2 OK Enabled\n"+logoutWire(3))
	if code := sh.run("enable UTF8=ACCEPT CONDSTORE", "enable CONDSTORE"); code != ExitOK {
		t.Fatalf("exit status %d\n%s", code, sh.stderr)
	}
	wantAll(t, "stderr", sh.stderr.String(), "not enabled: UTF8=ACCEPT (the server sent no ENABLED for it")
	if n := strings.Count(sh.stderr.String(), "not enabled"); n != 1 {
		t.Errorf("%d notes, want 1 (CONDSTORE was on already):\n%s", n, sh.stderr)
	}
}
