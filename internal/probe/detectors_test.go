package probe

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"imapsh/client"
)

// detectorCase is one transcript test of a detector: the probe's checks
// (or set-up) run against a scripted server; the detector must fire or
// stay silent.
type detectorCase struct {
	detector string
	name     string
	script   string                 // the transcript, greeting first
	setup    func(*testing.T, *run) // before the checks (a SELECT, facts)
	checks   []string
	fires    bool
}

// detectorCases holds, for every detector, a case that fires and one
// that does not (TestEveryDetectorHasTwoCases).
var detectorCases = []detectorCase{
	{"announced-command-refused", "NAMESPACE refused", preauth("NAMESPACE") +
		"C: A1 NAMESPACE\nS: A1 NO not today\n", nil, []string{"namespace"}, true},
	{"announced-command-refused", "NAMESPACE answered", preauth("NAMESPACE") +
		"C: A1 NAMESPACE\nS: * NAMESPACE ((\"\" \"/\")) NIL NIL\nS: A1 OK done\n", nil, []string{"namespace"}, false},

	{"bad-for-valid-command", "GETQUOTA gets BAD (Dovecot 2.3 SETQUOTA)", preauth("QUOTA") + quotaScript(`(STORAGE 1 10)`, "A2 BAD Permission denied"),
		nil, []string{"quota"}, true},
	{"bad-for-valid-command", "GETQUOTA gets NO", preauth("QUOTA") + quotaScript(`(STORAGE 1 10)`, "A2 NO Permission denied"),
		nil, []string{"quota"}, false},

	{"expected-data-missing", "ID without an ID response", preauth("ID") + "C: A1 ID NIL\nS: A1 OK done\n", nil, []string{"id"}, true},
	{"expected-data-missing", "ID with one", preauth("ID") + "C: A1 ID NIL\nS: * ID (\"name\" \"x\")\nS: A1 OK done\n", nil, []string{"id"}, false},

	{"value-mismatch", "LIST without INBOX", preauth("") + "C: A1 LIST \"\" %\nS: * LIST () \"/\" Sent\nS: A1 OK done\n", nil, []string{"list"}, true},
	{"value-mismatch", "LIST with INBOX", preauth("") + "C: A1 LIST \"\" %\nS: * LIST () \"/\" INBOX\nS: A1 OK done\n", nil, []string{"list"}, false},

	{"literal-after-refused-command", "the literal runs (Dovecot 2.3, go-imap v2)", preauth("LITERAL+") + examined(2) + literalScript("S: PROBE3 OK NOOP completed\nS: PROBE4 OK NOOP completed\n"),
		examineSetup(2), []string{"literal"}, true},
	{"literal-after-refused-command", "the literal is read with the command (Cyrus 3.6)", preauth("LITERAL+") + examined(2) + literalScript(""),
		examineSetup(2), []string{"literal"}, false},

	{"unknown-charset-not-refused", "BAD (Cyrus 3.6)", preauth("") + examined(2) + searchScript("A3 BAD Unrecognized character set", "+ go ahead\nC: PROBE5 NOOP\nC: PROBE6 NOOP\nS: A4 OK searched"),
		examineSetup(2), []string{"search"}, true},
	{"unknown-charset-not-refused", "NO [BADCHARSET]", preauth("") + examined(2) + searchScript("A3 NO [BADCHARSET (UTF-8)] no", "A4 NO [BADCHARSET (UTF-8)] no"),
		examineSetup(2), []string{"search"}, false},

	{"status-item-missing", "two items dropped", preauth("") + statusScript("MESSAGES 2 UIDNEXT 3", "A2 BAD unknown item"), nil, []string{"status"}, true},
	{"status-item-missing", "all items", preauth("") + statusScript("MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7 UNSEEN 0", "A2 BAD unknown item"), nil, []string{"status"}, false},

	{"status-unknown-item-accepted", "OK without the item (Courier 5.0)", preauth("") + statusScript("MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7 UNSEEN 0", "* STATUS INBOX (MESSAGES 2)\nS: A2 OK done"),
		nil, []string{"status"}, true},
	{"status-unknown-item-accepted", "BAD", preauth("") + statusScript("MESSAGES 2 UIDNEXT 3 UIDVALIDITY 7 UNSEEN 0", "A2 BAD unknown item"), nil, []string{"status"}, false},

	{"store-after-examine", "stored and kept (Courier 5.0, go-imap v2)", preauth("") + storeExamineScript("A2 OK done", `\Flagged`), scratchSetup, []string{"store-examine"}, true},
	{"store-after-examine", "refused", preauth("") + storeExamineScript("A2 NO read-only", ""), scratchSetup, []string{"store-examine"}, false},
	{"store-after-examine-ok", "OK but not kept (Dovecot 2.3)", preauth("") + storeExamineScript("A2 OK Store ignored with read-only mailbox", ""), scratchSetup, []string{"store-examine"}, true},
	{"store-after-examine-ok", "OK and kept is the other detector", preauth("") + storeExamineScript("A2 OK done", `\Flagged`), scratchSetup, []string{"store-examine"}, false},

	{"no-exists-after-append", "none, not even after NOOP (Courier 5.0)", preauth("LITERAL+") + appendScript("", "S: A3 OK done\n"), scratchSetup, []string{"append"}, true},
	{"no-exists-after-append", "EXISTS with the APPEND", preauth("LITERAL+") + appendScript("S: * 1 EXISTS\n", ""), scratchSetup, []string{"append"}, false},

	{"examine-without-read-only", "READ-WRITE", preauth("") + examineScript("", "* FLAGS ()\nS: * 2 EXISTS\nS: * OK [UIDVALIDITY 1] ok", "[READ-WRITE]"), sampleSetup, []string{"examine"}, true},
	{"examine-without-read-only", "READ-ONLY", preauth("") + examineScript("", "* FLAGS ()\nS: * 2 EXISTS\nS: * OK [UIDVALIDITY 1] ok", "[READ-ONLY]"), sampleSetup, []string{"examine"}, false},

	{"select-data-missing", "no FLAGS and no UIDVALIDITY", preauth("") + examineScript("", "* 2 EXISTS", "[READ-ONLY]"), sampleSetup, []string{"examine"}, true},
	{"select-data-missing", "all of them", preauth("") + examineScript("", "* FLAGS ()\nS: * 2 EXISTS\nS: * OK [UIDVALIDITY 1] ok", "[READ-ONLY]"), sampleSetup, []string{"examine"}, false},

	{"highestmodseq-missing", "neither code", preauth("CONDSTORE") + examineScript(" (CONDSTORE)", "* FLAGS ()\nS: * 2 EXISTS\nS: * OK [UIDVALIDITY 1] ok", "[READ-ONLY]"), sampleSetup, []string{"examine"}, true},
	{"highestmodseq-missing", "HIGHESTMODSEQ", preauth("CONDSTORE") + examineScript(" (CONDSTORE)", "* FLAGS ()\nS: * 2 EXISTS\nS: * OK [UIDVALIDITY 1] ok\nS: * OK [HIGHESTMODSEQ 9] ok", "[READ-ONLY]"), sampleSetup, []string{"examine"}, false},

	{"enable-ignored", "OK without ENABLED", preauth("ENABLE CONDSTORE") + "C: A1 ENABLE CONDSTORE\nS: A1 OK done\n", nil, []string{"enable"}, true},
	{"enable-ignored", "ENABLED CONDSTORE", preauth("ENABLE CONDSTORE") + "C: A1 ENABLE CONDSTORE\nS: * ENABLED CONDSTORE\nS: A1 OK done\n", nil, []string{"enable"}, false},

	{"expunge-under-qresync", "EXPUNGE", preauth("QRESYNC") + expungeScript("* 1 EXPUNGE"), qresyncSetup, []string{"expunge"}, true},
	{"expunge-under-qresync", "VANISHED", preauth("QRESYNC") + expungeScript("* VANISHED 1"), qresyncSetup, []string{"expunge"}, false},

	{"quota-without-resources", "QUOTA root () (Courier 5.0, user without quota)", preauth("QUOTA") + quotaScript("()", "A2 OK done"), nil, []string{"quota"}, true},
	{"quota-without-resources", "QUOTA with a resource", preauth("QUOTA") + quotaScript("(STORAGE 1 10)", "A2 OK done"), nil, []string{"quota"}, false},

	{"special-use-lower-case", `\sent (Cyrus 3.6)`, preauth("SPECIAL-USE LIST-EXTENDED") + specialUseScript(`\HasNoChildren \sent`), nil, []string{"special-use"}, true},
	{"special-use-lower-case", `\Sent`, preauth("SPECIAL-USE LIST-EXTENDED") + specialUseScript(`\HasNoChildren \Sent`), nil, []string{"special-use"}, false},

	{"login-without-capability", "the OK is silent (Courier 5.0)", loginScript("S: A1 OK logged in\n"), loginSetup, nil, true},
	{"login-without-capability", "OK [CAPABILITY ...]", loginScript("S: A1 OK [CAPABILITY IMAP4rev1 IDLE] logged in\n"), loginSetup, nil, false},

	{"pre-login-capabilities-after-login", "LOGINDISABLED after login (Cyrus 3.6)", preauth("") + "C: A1 CAPABILITY\nS: * CAPABILITY IMAP4rev1 IDLE LOGINDISABLED AUTH=PLAIN\nS: A1 OK done\n",
		capsSetup, nil, true},
	{"pre-login-capabilities-after-login", "a clean list", preauth("") + "C: A1 CAPABILITY\nS: * CAPABILITY IMAP4rev1 IDLE\nS: A1 OK done\n", capsSetup, nil, false},

	{"empty-result-trailing-space", `"* SORT " (Dovecot 2.3 sends "* THREAD ")`, preauth("SORT") + examined(1) + sortScript("* SORT "),
		examineSetup(0), []string{"sort"}, true},
	{"empty-result-trailing-space", `"* SORT"`, preauth("SORT") + examined(1) + sortScript("* SORT"), examineSetup(0), []string{"sort"}, false},

	{"unknown-command-not-bad", "NO", preauth("") + unknownScript("A1 NO what?", "A2 BAD no arguments"), nil, []string{"unknown-command"}, true},
	{"unknown-command-not-bad", "BAD", preauth("") + unknownScript("A1 BAD unknown command", "A2 BAD no arguments"), nil, []string{"unknown-command"}, false},

	{"extra-arguments-accepted", "NOOP with an argument is performed (Dovecot 2.3)", preauth("") + unknownScript("A1 BAD unknown command", "A2 OK NOOP completed"), nil, []string{"unknown-command"}, true},
	{"extra-arguments-accepted", "BAD", preauth("") + unknownScript("A1 BAD unknown command", "A2 BAD no arguments"), nil, []string{"unknown-command"}, false},

	{"create-existing-without-code", "NO without a code (Courier 5.0, Cyrus 3.6)", preauth("") + createScript("A3 NO Mailbox exists"), nil, []string{"scratch"}, true},
	{"create-existing-without-code", "NO [ALREADYEXISTS]", preauth("") + createScript("A3 NO [ALREADYEXISTS] Mailbox exists"), nil, []string{"scratch"}, false},
}

func TestDetectors(t *testing.T) {
	for _, tc := range detectorCases {
		t.Run(tc.detector+"/"+tc.name, func(t *testing.T) {
			if detectorByID(tc.detector) == nil {
				t.Fatalf("no detector %q", tc.detector)
			}
			r := session(t, tc.script, Options{Write: true})
			if tc.setup != nil {
				tc.setup(t, r)
			}
			runChecks(t, r, tc.checks...)
			got := findings(r, tc.detector)
			if (len(got) > 0) != tc.fires {
				t.Fatalf("fired %d times, want fires=%v: %+v", len(got), tc.fires, got)
			}
			for _, d := range got {
				if len(d.Sent) == 0 || len(d.Received) == 0 || d.RFC == "" || d.ClientMust == "" || d.Detail == "" {
					t.Errorf("incomplete deviation: %+v", d)
				}
			}
		})
	}
}

// TestEveryDetectorHasTwoCases: each detector of the list has a case
// that shows it firing and one that shows it silent.
func TestEveryDetectorHasTwoCases(t *testing.T) {
	for _, d := range detectors {
		var fire, silent bool
		for _, tc := range detectorCases {
			if tc.detector == d.ID {
				fire, silent = fire || tc.fires, silent || !tc.fires
			}
		}
		if !fire || !silent {
			t.Errorf("detector %s: firing case %v, silent case %v", d.ID, fire, silent)
		}
		if d.Title == "" || d.Severity == "" {
			t.Errorf("detector %s lacks a title or severity", d.ID)
		}
	}
}

// The transcripts the cases share.

func quotaScript(resources, getquota string) string {
	return "C: A1 GETQUOTAROOT INBOX\nS: * QUOTAROOT INBOX ROOT\nS: * QUOTA ROOT " + resources + "\nS: A1 OK done\n" +
		"C: A2 GETQUOTA ROOT\nS: " + getquota + "\n"
}

func literalScript(extra string) string {
	return "C: A2 SEARCH SUBJECT {24+}\nC: PROBE1 NOOP\nC: PROBE2 NOOP\nS: * SEARCH\nS: A2 OK done\n" +
		"C: A3 STATUS INBOX (MESSAGES X-IMAPSH-PROBE) {24+}\nC: PROBE3 NOOP\nC: PROBE4 NOOP\nS: A3 BAD Invalid status item\n" + extra +
		"C: A4 NOOP\nS: A4 OK done\n"
}

func searchScript(atom, literal string) string {
	return "C: A2 SEARCH ALL\nS: * SEARCH 1 2\nS: A2 OK done\n" +
		"C: A3 SEARCH CHARSET X-IMAPSH-PROBE SUBJECT probe\nS: " + atom + "\n" +
		"C: A4 SEARCH CHARSET X-IMAPSH-PROBE SUBJECT {24}\nS: " + literal + "\n"
}

func statusScript(items, unknown string) string {
	return "C: A1 STATUS INBOX (MESSAGES UIDNEXT UIDVALIDITY UNSEEN)\nS: * STATUS INBOX (" + items + ")\nS: A1 OK done\n" +
		"C: A2 STATUS INBOX (MESSAGES X-IMAPSH-PROBE)\nS: " + unknown + "\n"
}

func storeExamineScript(store, kept string) string {
	return "C: A1 EXAMINE imapsh-probe-t\nS: * 1 EXISTS\nS: A1 OK [READ-ONLY] done\n" +
		"C: A2 STORE 1 +FLAGS (\\Flagged)\nS: " + store + "\n" +
		"C: A3 FETCH 1 (FLAGS)\nS: * 1 FETCH (FLAGS (" + kept + "))\nS: A3 OK done\n"
}

func appendScript(exists, noop string) string {
	msg := probeMessage(1, "", 0)
	s := "C: A1 SELECT imapsh-probe-t\nS: * 0 EXISTS\nS: A1 OK [READ-WRITE] done\n" +
		"C: A2 APPEND imapsh-probe-t {" + strconv.Itoa(len(msg)) + "+}\n" + literal(msg, "") + exists + "S: A2 OK done\n"
	if noop != "" {
		s += "C: A3 NOOP\n" + noop
	}
	return s
}

func sortScript(empty string) string {
	return "C: A2 SORT (ARRIVAL) UTF-8 ALL\nS: * SORT 1\nS: A2 OK done\n" +
		"C: A3 SORT (ARRIVAL) UTF-8 SUBJECT imapsh-probe-matches-nothing\nS: " + empty + "\nS: A3 OK done\n"
}

func examineScript(condstore, data, code string) string {
	return "C: A1 EXAMINE INBOX" + condstore + "\nS: " + data + "\nS: A1 OK " + code + " done\n"
}

func expungeScript(answer string) string {
	return "C: A1 SELECT imapsh-probe-t\nS: * 1 EXISTS\nS: A1 OK [READ-WRITE] done\n" +
		"C: A2 STORE 1 +FLAGS.SILENT (\\Deleted)\nS: A2 OK done\n" +
		"C: A3 EXPUNGE\nS: " + answer + "\nS: A3 OK done\n"
}

func specialUseScript(attrs string) string {
	return "C: A1 LIST (SPECIAL-USE) \"\" *\nS: * LIST (" + attrs + ") \".\" INBOX.Sent\nS: A1 OK done\n"
}

func loginScript(ok string) string {
	// The client asks CAPABILITY itself after a login that did not bring it.
	again := "C: A2 CAPABILITY\nS: * CAPABILITY IMAP4rev1 IDLE\nS: A2 OK done\n"
	next := "A3"
	if strings.Contains(ok, "[CAPABILITY") {
		again, next = "", "A2"
	}
	return "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\nC: A1 AUTHENTICATE PLAIN\nS: +\nC: AGFsaWNlAHNlY3JldA==\n" + ok + again +
		"C: " + next + " CAPABILITY\nS: * CAPABILITY IMAP4rev1 IDLE\nS: " + next + " OK done\n"
}

func unknownScript(unknown, extra string) string {
	return "C: A1 IMAPSH-PROBE-UNKNOWN\nS: " + unknown + "\nC: A2 NOOP IMAPSH-PROBE-EXTRA\nS: " + extra + "\n"
}

func createScript(again string) string {
	return "C: A1 CREATE imapsh-probe-t\nS: A1 OK done\nC: A2 CREATE imapsh-probe-t-to\nS: A2 OK done\n" +
		"C: A3 CREATE imapsh-probe-t\nS: " + again + "\n"
}

// examined is the A1 EXAMINE INBOX of examineSetup, with n messages.
func examined(n int) string {
	return "C: A1 EXAMINE INBOX\nS: * " + strconv.Itoa(n) + " EXISTS\nS: A1 OK [READ-ONLY] done\n"
}

// Set-ups.

// examineSetup EXAMINEs INBOX (the transcript's examined), outside the
// exchange.
func examineSetup(int) func(*testing.T, *run) {
	return func(t *testing.T, r *run) {
		t.Helper()
		res, err := r.conn.Client.Select(context.Background(), "INBOX", client.SelectOptions{ReadOnly: true})
		mustDo(t, res, err)
		r.facts.sample, r.facts.examined = "INBOX", "INBOX"
	}
}

// sampleSetup names INBOX as the mailbox with messages.
func sampleSetup(t *testing.T, r *run) { r.facts.sample = "INBOX" }

// scratchSetup pretends the scratch mailboxes were created.
func scratchSetup(t *testing.T, r *run) {
	r.facts.scratch = []string{r.scratchBase(), r.scratchTarget()}
}

// qresyncSetup is scratchSetup with QRESYNC enabled.
func qresyncSetup(t *testing.T, r *run) {
	scratchSetup(t, r)
	r.facts.enabled["QRESYNC"] = true
}

// loginSetup logs in as alice and asks the capabilities, as Probe does.
func loginSetup(t *testing.T, r *run) {
	t.Helper()
	r.check = "connection"
	tg := Target{User: "alice", Password: func(context.Context) (string, error) { return "secret", nil }}
	if err := r.login(context.Background(), tg); err != nil {
		t.Fatal(err)
	}
	if err := r.capsAfterLogin(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// capsSetup asks the capabilities after login.
func capsSetup(t *testing.T, r *run) {
	t.Helper()
	r.check = "connection"
	if err := r.capsAfterLogin(context.Background()); err != nil {
		t.Fatal(err)
	}
}
