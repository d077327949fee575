package repl

import (
	"regexp"
	"strings"
	"testing"
)

// testRealReconnect: \reconnect restores the session exactly (issue 11,
// defect 2): COMPRESS where it was on, ENABLE (CONDSTORE; UTF8=ACCEPT on
// Courier, which decides how the name travels), and the non-ASCII mailbox
// opened with EXAMINE (and its CONDSTORE parameter), not SELECT: the
// prompt shows (ro) and the same name after it.
func testRealReconnect(t *testing.T, r *realServer) {
	box := r.box("T-Grüße reconnect")
	sh := newRealShell(t, r.Server, "alice", nil)
	sh.mustRun(t, `create "`+box+`"`)
	lines, want := reconnectSetup(r, box)
	var prompt string
	sh = newRealShell(t, r.Server, "alice", nil)
	src := &scripted{lines: append(lines, `\trace on`, `\reconnect`, `\trace off`, "noop")}
	src.before = func(i int) {
		if i == len(src.lines)-1 { // before the noop: the run ends with LOGOUT
			prompt = sh.sess.Prompt()
		}
	}
	if code := sh.sess.Run(t.Context(), src); code != ExitOK {
		t.Fatalf("exit status %d\nstderr:\n%s", code, sh.stderr)
	}
	if !strings.Contains(prompt, box+"[0](ro)") {
		t.Errorf("prompt after \\reconnect %q, want %s read-only", prompt, box)
	}
	errs := sh.stderr.String()
	trace := errs[strings.Index(errs, "C: "):]
	for _, w := range want {
		if !regexp.MustCompile(`(?m)^C: A\d+ ` + regexp.QuoteMeta(w) + `$`).MatchString(trace) {
			t.Errorf("the reconnect did not send %q:\n%s", w, trace)
		}
	}
	if regexp.MustCompile(`(?m)^C: A\d+ SELECT`).MatchString(trace) {
		t.Errorf("the reconnect sent SELECT:\n%s", trace)
	}
	wantAll(t, "stderr", errs, "restored: ", "connected to ")
	wantAll(t, "stdout", sh.stdout.String(), "read-only")
}

// reconnectSetup is what a session does before \reconnect on r, and the
// commands the reconnect must send again, as traced (mailbox names as
// the trace shows them: modified UTF-7, or UTF-8 after UTF8=ACCEPT).
func reconnectSetup(r *realServer, box string) (lines, want []string) {
	if !r.lacks("COMPRESS=DEFLATE") {
		lines, want = append(lines, "compress"), append(want, "COMPRESS DEFLATE")
	}
	if r.courier {
		lines = append(lines, "enable UTF8=ACCEPT", `examine "`+box+`"`)
		return lines, append(want, "ENABLE UTF8=ACCEPT", `EXAMINE "`+box+`"`)
	}
	wire := r.box("T-Gr&APwA3w-e reconnect") // modified UTF-7 (RFC 3501 section 5.1.3)
	lines = append(lines, "enable CONDSTORE", `examine "`+box+`" condstore`)
	return lines, append(want, "ENABLE CONDSTORE", `EXAMINE "`+wire+`" (CONDSTORE)`)
}
