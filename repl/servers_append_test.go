package repl

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testRealAppendLF: a message file with Unix line ends (LF) goes out with
// CRLF ones, as RFC 5322 section 2.1 and IMAP's APPEND want them and as
// imaplib's append sends them: Cyrus refused it as it was ("NO Message
// contains bare newlines"). Its CRLFs stay as they are.
func testRealAppendLF(t *testing.T, r *realServer) {
	unix := "From: a@example.org\nSubject: unix lines\n\nline one\r\nline two\n"
	path := filepath.Join(t.TempDir(), "unix.eml")
	if err := os.WriteFile(path, []byte(unix), 0o600); err != nil {
		t.Fatal(err)
	}
	box := r.box("T-appendlf")
	sh := newRealShell(t, r.Server, "alice", nil)
	out := sh.mustRun(t, "create "+box, `\trace on`, "append "+box+" < "+path, `\trace off`,
		"examine "+box, "fetch 1 (RFC822.SIZE BODY.PEEK[TEXT])")
	crlf := strings.ReplaceAll(strings.ReplaceAll(unix, "\r\n", "\n"), "\n", "\r\n")
	wantAll(t, "trace", sh.stderr.String(), fmt.Sprintf("{%d", len(crlf)))
	wantAll(t, "stdout", out, "line two", fmt.Sprintf("%d B", len(crlf)))
}
