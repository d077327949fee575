package repl

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// structureWire is a message whose part 2 is a base64 attachment with a
// hostile RFC 2231 file name: directories and a RIGHT-TO-LEFT OVERRIDE.
const structureWire = "C: A1 SELECT INBOX\nS: * 1 EXISTS\nS: A1 OK [READ-WRITE] done\n" +
	"C: A2 FETCH 1 (BODYSTRUCTURE)\n" +
	`S: * 1 FETCH (BODYSTRUCTURE (("TEXT" "PLAIN" ("CHARSET" "us-ascii") NIL NIL "7BIT" 5 1)` +
	`("APPLICATION" "OCTET-STREAM" NIL NIL NIL "BASE64" 18 NIL ("ATTACHMENT" ("FILENAME*" "utf-8''..%2F..%2Finv%E2%80%AEfdp.sh")) NIL) "MIXED"))` + "\n" +
	"S: A2 OK done\n" +
	"C: A3 FETCH 1 (BODY.PEEK[2])\n"

// TestSaveHostileName: the sender's name is shown, but the file is made
// in the current directory under a safe name, decoded (issue 11).
func TestSaveHostileName(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	sh := newFakeShell(t, structureWire+"S: * 1 FETCH (BODY[2] {20}\nS: SGVsbG8gd29y\nS: bGQK\nS: )\nS: A3 OK done\n"+logoutWire(4))
	sh.run("select INBOX", "save 1 2")
	got, err := os.ReadFile(filepath.Join(dir, "inv_fdp.sh"))
	if err != nil || string(got) != "Hello world\n" {
		t.Fatalf("saved file: %q, %v\nstderr:\n%s", got, err, sh.stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files in the directory: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(dir, "..", "..", "inv\u202efdp.sh")); err == nil {
		t.Error("a file was made outside the directory")
	}
	stderr := sh.stderr.String()
	if !strings.Contains(stderr, `saved part 2 of message 1 (application/octet-stream "../../inv\u202efdp.sh", base64 decoded): 12 bytes to inv_fdp.sh`) {
		t.Errorf("stderr:\n%q", stderr)
	}
	if strings.Contains(stderr, "\u202e") || strings.Contains(sh.stdout.String(), "BODY[2]") {
		t.Errorf("raw bidi control printed, or the section shown:\nstdout:\n%s\nstderr:\n%s", sh.stdout, stderr)
	}
}

// TestSaveKeepsFileOnFailure: damaged base64, a NO, or a lost connection
// leave an existing FILE as it was and say so.
func TestSaveKeepsFileOnFailure(t *testing.T) {
	tests := []struct {
		name, wire, stderr string
	}{
		{"damaged base64", "S: * 1 FETCH (BODY[2] {10}\nS: SGVsbG8*\nS: )\nS: A3 OK done\n" + logoutWire(4), "left untouched"},
		{"NO", "S: A3 NO [UNAVAILABLE] try later\n" + logoutWire(4), "left untouched: the server answered NO"},
		{"no section", "S: * 1 FETCH (FLAGS (\\Seen))\nS: A3 OK done\n" + logoutWire(4), "no body section"},
		{"connection lost", "S: * 1 FETCH (BODY[2] {100}\nS: SGVs\n!close\n", "left untouched"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := oldFile(t, t.TempDir())
			sh := newFakeShell(t, structureWire+tt.wire)
			sh.run("select INBOX", "save 1 2 "+path)
			if data, mode := fileState(t, path); data != "old mail\n" || mode != 0o644 {
				t.Errorf("FILE holds %q mode %04o, want it untouched", data, mode)
			}
			if !strings.Contains(sh.stderr.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, sh.stderr)
			}
			if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
				t.Errorf("temporary files left: %v", entries)
			}
		})
	}
}

// TestSaveDemo: the demo's CSV attachment, by default name, then refused
// under the same default, replaced when named, into a directory; and the
// mistakes a user makes, each with its hint.
func TestSaveDemo(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.Mkdir("into", 0o700)
	h := newHarness(t, nil)
	mistakes := []struct{ line, err, hint string }{
		{"save 4 3", "message 4 has no part 3", "hint: fetch 4 BODYSTRUCTURE shows the parts"},
		{"uid save 4 9", "the message with UID 4 has no part 9", "hint: uid fetch 4 BODYSTRUCTURE"},
		{"save 99 1", "no message 99 in this mailbox", "hint: search ALL"},
		{"save 4 1", "part 1 has no file name", "hint: name the file: save 4 1 FILE"},
		{"save 1:3 1 x", `"1:3" is not`, "usage: save NUMBER PART [FILE]"},
	}
	lines := []string{"login demo demo", "select INBOX", "save 4 2", "save 4 2 copy.csv", "uid save 4 2 into", "save 4 2"}
	for _, m := range mistakes {
		lines = append(lines, m.line)
	}
	h.sess.Run(context.Background(), &scripted{lines: lines, interactive: true})
	want := "month,revenue,notes\nJanuary,1200,café opening\nFebruary,980,\nMarch,1410,Ostern\n"
	for _, name := range []string{"Q1 résumé.csv", "copy.csv", "into/Q1 résumé.csv"} {
		if got, err := os.ReadFile(name); err != nil || string(got) != want {
			t.Errorf("%s: %q, %v", name, got, err)
		}
	}
	stderr := h.stderr.String()
	for _, want := range []string{
		`saved part 2 of message 4 (text/csv "Q1 résumé.csv", base64 decoded): 79 bytes to Q1 résumé.csv`,
		"to copy.csv", "of the message with UID 4 ", "to into/Q1 résumé.csv",
		"error: Q1 résumé.csv exists; a default name never replaces a file", `hint: name it to replace it: save 4 2 "Q1 résumé.csv"`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, m := range mistakes {
		if !strings.Contains(stderr, m.err) || !strings.Contains(stderr, m.hint) {
			t.Errorf("%s: stderr\n%s\nwant %q and %q", m.line, stderr, m.err, m.hint)
		}
	}
}
