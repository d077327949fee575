package repl

// End-to-end tests of the shell against Courier-IMAP 5.0: the quirks
// issue 7 found on it, and UTF-8 mode (names, search, append, display,
// completion, JSON), which only Courier of the three servers offers
// (UTF8=ACCEPT, RFC 6855).

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// courierRealTests run against Courier only.
var courierRealTests = []realTest{
	{"NamespaceSideBySide", testRealCourierNamespace},
	{"QuotaWithoutResources", testRealCourierQuota},
	{"CommandsAfterLogin", testRealCourierCommands},
	{"CreateSpecialUse", testRealCourierCreateSpecialUse},
	{"UTF8Names", testRealCourierUTF8Names},
	{"UTF8SearchAppend", testRealCourierUTF8SearchAppend},
}

// testRealCourierNamespace: two shared namespaces side by side, no space
// between them, no longer a malformed response.
func testRealCourierNamespace(t *testing.T, r *realServer) {
	out := newRealShell(t, r.Server, "alice", nil).mustRun(t, "namespace")
	wantLines(t, out, `^personal\s+INBOX\.\s+\.$`, `^shared\s+#shared\.\s+\.$`, `^shared\s+shared\.\s+\.$`)
}

// testRealCourierQuota: bob has no quota; Courier's '* QUOTA "ROOT"'
// without a resource list is shown, and the command is OK.
func testRealCourierQuota(t *testing.T, r *realServer) {
	out := newRealShell(t, r.Server, "bob", nil).mustRun(t, "getquotaroot INBOX")
	wantAll(t, "getquotaroot", out, "QUOTAROOT INBOX roots: ROOT", "(no resources)", "OK GETQUOTAROOT")
}

// testRealCourierCommands: after Courier's LOGIN (no [CAPABILITY]) the shell
// knows what Courier offers: help and completion leave out what it lacks.
func testRealCourierCommands(t *testing.T, r *realServer) {
	sh := newRealShell(t, r.Server, "alice", nil)
	sh.mustRun(t, "select INBOX")
	var offered []string
	cands, _ := sh.sess.Completer().Do([]rune(""), 0)
	for _, c := range cands {
		offered = append(offered, strings.TrimSpace(string(c)))
	}
	for _, name := range []string{"sort", "thread", "getquotaroot", "myrights", "fetch"} {
		if !slices.Contains(offered, name) {
			t.Errorf("completion lacks %s: %q", name, offered)
		}
	}
	for _, name := range []string{"move", "unselect", "getmetadata", "compress", "id"} {
		if slices.Contains(offered, name) {
			t.Errorf("completion offers %s, which Courier lacks: %q", name, offered)
		}
	}
	out := sh.mustRun(t, "help")
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "move ") {
			t.Errorf("help offers move: %q", line)
		}
	}
}

// testRealCourierCreateSpecialUse: CREATE with a special use is refused
// locally, with a hint, since Courier lacks CREATE-SPECIAL-USE.
func testRealCourierCreateSpecialUse(t *testing.T, r *realServer) {
	r.refuses(t, "CREATE-SPECIAL-USE", nil, "create "+r.box("T-arch")+` \Archive`)
	sh := newRealShell(t, r.Server, "alice", nil)
	if code := sh.run(t, `\set ON_ERROR_STOP off`, "create "+r.box("T-arch")+` \Archive`, "create "+r.box("T-arch")); code != ExitFailures {
		t.Errorf("exit status %d, want %d", code, ExitFailures)
	}
	wantAll(t, "stderr", sh.stderr.String(), "hint: create it without the special use")
	wantAll(t, "stdout", sh.stdout.String(), "created") // the plain CREATE went on
}

// testRealCourierUTF8Names: after enable UTF8=ACCEPT names are UTF-8 both
// ways: typed UTF-8 goes quoted, a name with "&" is itself (not modified
// UTF-7) in the listing, the prompt and completion, and the JSON raw field
// is what the server sent; a session without UTF-8 mode sees the same
// mailboxes in modified UTF-7.
func testRealCourierUTF8Names(t *testing.T, r *realServer) {
	utf, amp := r.box("T-Grüße €"), r.box("T-A&AOQ-B")
	sh := newRealShell(t, r.Server, "alice", nil)
	src := &scripted{lines: []string{"enable UTF8=ACCEPT", `\trace on`, `create "` + utf + `"`, `\trace off`,
		"create " + amp, `list "" ` + r.box("T-*"), "select " + amp, "noop"}}
	var prompt string
	var completed [][]rune
	line := "select " + r.box("T-A")
	src.before = func(i int) {
		if i == 7 { // before the noop: the run ends with LOGOUT
			prompt = sh.sess.Prompt()
			completed, _ = sh.sess.Completer().Do([]rune(line), len([]rune(line)))
		}
	}
	if code := sh.sess.Run(t.Context(), src); code != ExitOK {
		t.Fatalf("exit status %d\n%s", code, sh.stderr)
	}
	out := sh.stdout.String()
	wantAll(t, "trace", sh.stderr.String(), `CREATE "`+utf+`"`)
	wantNone(t, "trace", sh.stderr.String(), "{")
	wantAll(t, "list", out, "ENABLED UTF8=ACCEPT", utf, amp)
	if !strings.Contains(prompt, amp+"[0]") {
		t.Errorf("prompt %q does not show %s", prompt, amp)
	}
	if len(completed) != 1 || r.box("T-A")+string(completed[0]) != amp+" " {
		t.Errorf("completion of %q: %q, want the rest of %s", line, completed, amp)
	}

	js := newRealShell(t, r.Server, "alice", func(c *Config) { c.JSON = true })
	js.mustRun(t, "enable UTF8=ACCEPT", `list "" `+r.box("T-*"))
	checkListJSON(t, jsonObjects(t, js.stdout.String())[1], map[string]string{utf: utf, amp: amp})
	js = newRealShell(t, r.Server, "alice", func(c *Config) { c.JSON = true })
	js.mustRun(t, `list "" `+r.box("T-*"))
	checkListJSON(t, jsonObjects(t, js.stdout.String())[0],
		map[string]string{utf: r.box("T-Gr&APwA3w-e &IKw-"), amp: r.box("T-A&-AOQ-B")})
}

// checkListJSON checks the mailbox and raw fields of a list's JSON object:
// want maps each mailbox to its raw (wire) form.
func checkListJSON(t *testing.T, o jsonObject, want map[string]string) {
	t.Helper()
	got := map[string]string{}
	for _, resp := range o.Responses {
		mailbox, _ := resp["mailbox"].(string)
		raw, _ := resp["raw"].(string)
		got[mailbox] = raw
	}
	for mailbox, raw := range want {
		if got[mailbox] != raw {
			t.Errorf("JSON: mailbox %q has raw %q, want %q (all: %v)", mailbox, got[mailbox], raw, got)
		}
	}
}

// testRealCourierUTF8SearchAppend: in UTF-8 mode, append < FILE of a
// message with a UTF-8 header goes in RFC 6855's UTF8 form (no [ALERT]
// from Courier), search words go quoted and without CHARSET, a typed
// CHARSET is refused with a hint, and the UTF-8 header shows as such.
func testRealCourierUTF8SearchAppend(t *testing.T, r *realServer) {
	box := r.box("T-utf8")
	msg := filepath.Join(t.TempDir(), "utf8.eml")
	body := "From: Jörg <joerg@example.org>\r\nSubject: Grüße aus Köln\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\n\r\nHallo.\r\n"
	if err := os.WriteFile(msg, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	sh := newRealShell(t, r.Server, "alice", nil)
	out := sh.mustRun(t, "enable UTF8=ACCEPT", "create "+box, `\trace on`, "append "+box+" < "+msg,
		"select "+box, "search SUBJECT Köln", `\trace off`, "fetch 1 ENVELOPE", "sort (SUBJECT) UTF-8 FROM Jörg")
	wantAll(t, "trace", sh.stderr.String(), "APPEND "+box+" () UTF8 (~{", `SEARCH SUBJECT "Köln"`)
	wantNone(t, "stdout", out, "ALERT", "Unicode")
	wantAll(t, "stdout", out, "APPENDUID", "SEARCH 1 (1 message)", "Grüße aus Köln", "Jörg", "SORT 1 (1 message)")

	sh = newRealShell(t, r.Server, "alice", nil)
	if code := sh.run(t, "enable UTF8=ACCEPT", "select "+box, "search CHARSET UTF-8 SUBJECT Köln"); code != ExitFailures {
		t.Errorf("search CHARSET after enable UTF8=ACCEPT: exit status %d", code)
	}
	wantAll(t, "stderr", sh.stderr.String(), "RFC 6855", "hint: leave out CHARSET")
}
