package repl

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// scriptLine is what a ScriptSource reported for one line.
type scriptLine struct{ text, display, location string }

// drainScript reads a script source to its end.
func drainScript(t *testing.T, src *ScriptSource) ([]scriptLine, error) {
	t.Helper()
	var lines []scriptLine
	for {
		text, err := src.ReadLine("")
		if errors.Is(err, io.EOF) {
			return lines, nil
		}
		if err != nil {
			return lines, err
		}
		lines = append(lines, scriptLine{text, src.LastDisplay(), src.Location()})
	}
}

func TestScriptSourceLines(t *testing.T) {
	t.Setenv("IMAPSH_TEST_BOX", "FromEnv")
	vars := func(name string) (string, bool) { return "FromSet", name == "IMAPSH_TEST_OTHER" }
	in := "# comment\nselect ${IMAPSH_TEST_BOX}\n\nfetch 1:2 \\\n  (FLAGS)\nselect ${IMAPSH_TEST_OTHER}\n"
	src, err := OpenScript("-", strings.NewReader(in), vars)
	if err != nil {
		t.Fatal(err)
	}
	got, err := drainScript(t, src)
	want := []scriptLine{
		{"select FromEnv", "select ${IMAPSH_TEST_BOX}", "<stdin>:2"},
		{"fetch 1:2 (FLAGS)", "fetch 1:2 (FLAGS)", "<stdin>:4"},
		{"select FromSet", "select ${IMAPSH_TEST_OTHER}", "<stdin>:6"},
	}
	if err != nil || !reflect.DeepEqual(got, want) || src.Interactive() {
		t.Errorf("got %q, %v; want %q", got, err, want)
	}
}

func TestScriptSourceErrorClearsLocation(t *testing.T) {
	src, _ := OpenScript("", strings.NewReader("noop\nselect ${IMAPSH_UNDEFINED_VAR}\n"), nil)
	got, err := drainScript(t, src)
	if len(got) != 1 || err == nil || !strings.HasPrefix(err.Error(), "<stdin>:2:") {
		t.Fatalf("got %q, %v", got, err)
	}
	if loc := src.Location(); loc != "" {
		t.Errorf("Location after an error = %q, want none (the error names its line)", loc)
	}
}

func TestOpenScriptRefusesReadableSecret(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.imap")
	if err := os.WriteFile(path, []byte("noop\nlogin alice hunter2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenScript(path, nil, nil); err == nil || !strings.Contains(err.Error(), "s.imap:2: holds a literal secret") {
		t.Fatalf("a 0644 script with a literal password: %v", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	src, err := OpenScript(path, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := drainScript(t, src); len(got) != 2 || got[1].text != "login alice hunter2" {
		t.Errorf("got %q", got)
	}
}

func TestHasLiteralSecretScriptLines(t *testing.T) {
	tests := map[string]bool{
		`login alice "s e c"`:            true,
		"LOGIN alice hunter2":            true,
		"authenticate PLAIN alice ${PW}": false,
		"authenticate PLAIN alice pw":    true,
		"fetch 1:5 (FLAGS)":              false,
		"raw LOGIN alice ${PW}":          false,
	}
	for line, want := range tests {
		if got := HasLiteralSecret(line); got != want {
			t.Errorf("HasLiteralSecret(%q) = %v, want %v", line, got, want)
		}
	}
}

// runScript runs a script file through a demo session and returns the
// exit status.
func runScript(t *testing.T, h *harness, name, text string) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	src, err := OpenScript(path, nil, h.sess.Lookup)
	if err != nil {
		t.Fatal(err)
	}
	return h.sess.Run(context.Background(), src)
}

func TestScriptSetVariablesExpandInLaterLines(t *testing.T) {
	t.Setenv("IMAPSH_TEST_BOX", "NoSuchBox") // \set wins over the environment
	h := newHarness(t, func(c *Config) { c.JSON = true })
	t.Setenv("IMAPSH_TEST_PW", "demo")
	if code := runScript(t, h, "vars.imap", "login demo ${IMAPSH_TEST_PW}\n\\set IMAPSH_TEST_BOX INBOX\nselect ${IMAPSH_TEST_BOX}\n"); code != ExitOK {
		t.Errorf("exit status %d; stderr:\n%s", code, h.stderr)
	}
	var cmds []string
	for _, l := range strings.Split(strings.TrimSpace(h.stdout.String()), "\n") {
		var v struct{ Command, Status string }
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("bad JSON %q: %v", l, err)
		}
		cmds = append(cmds, v.Command+" "+v.Status)
	}
	want := []string{"login demo ${IMAPSH_TEST_PW} OK", `\set IMAPSH_TEST_BOX *** OK`, "select ${IMAPSH_TEST_BOX} OK"}
	if !reflect.DeepEqual(cmds, want) {
		t.Errorf("JSON commands = %q, want %q; stderr:\n%s", cmds, want, h.stderr)
	}
}

func TestScriptErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, script, want, not string
	}{
		{"undefined variable", "login demo demo\nselect ${IMAPSH_UNDEFINED_VAR}\n", "/bad.imap:2: undefined variable", "bad.imap:1"},
		{"usage", "login demo demo\n\nfetch\n", "/bad.imap:3: fetch: missing SEQSET", ""},
		{"not selected", "login demo demo\nfetch 1 flags\n", "/bad.imap:2: fetch: needs a selected mailbox", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, nil)
			if code := runScript(t, h, "bad.imap", tt.script); code != ExitFailures {
				t.Errorf("exit status %d, want %d", code, ExitFailures)
			}
			stderr := h.stderr.String()
			if !strings.HasPrefix(stderr, "error: ") || !strings.Contains(stderr, tt.want) || (tt.not != "" && strings.Contains(stderr, tt.not)) {
				t.Errorf("stderr should name %q (and not %q):\n%s", tt.want, tt.not, stderr)
			}
		})
	}
}

// TestScriptLocalErrorNamesLine: an error raised while a command runs
// (here the > FILE that cannot be created) should name the script line
// like every other script error.
func TestScriptLocalErrorNamesLine(t *testing.T) {
	h := newHarness(t, nil)
	runScript(t, h, "bad.imap", "login demo demo\nselect INBOX\nfetch 1 BODY[] > /nonexistent/dir/x\n")
	if !strings.Contains(h.stderr.String(), "/bad.imap:3: ") {
		t.Errorf("stderr should name bad.imap:3:\n%s", h.stderr)
	}
}

// TestCommandSourceIsAScript: -c commands expand ${NAME} like script lines
// (from \set variables first, then the environment), keep the unexpanded
// text for display, and name the failing -c in errors. A value is data: one
// with blanks comes as one quoted word, which the lexer reads as the bare
// word (UID FLAGS) would be read.
func TestCommandSourceIsAScript(t *testing.T) {
	t.Setenv("IMAPSH_TEST_CMD_BOX", "INBOX")
	vars := map[string]string{"ITEMS": "(UID FLAGS)"}
	lookup := func(n string) (string, bool) { v, ok := vars[n]; return v, ok }
	src := CommandSource([]string{"select ${IMAPSH_TEST_CMD_BOX}", "fetch 1 ${ITEMS}", "status ${NOPE_UNDEFINED}"}, lookup)
	for _, want := range []struct{ text, display string }{
		{"select INBOX", "select ${IMAPSH_TEST_CMD_BOX}"},
		{`fetch 1 "(UID FLAGS)"`, "fetch 1 ${ITEMS}"},
	} {
		got, err := src.ReadLine("")
		if err != nil || got != want.text || src.LastDisplay() != want.display {
			t.Fatalf("ReadLine = %q, %v (display %q), want %q (display %q)", got, err, src.LastDisplay(), want.text, want.display)
		}
	}
	_, err := src.ReadLine("")
	if err == nil || !strings.Contains(err.Error(), "-c:3") || !strings.Contains(err.Error(), "NOPE_UNDEFINED") {
		t.Errorf("undefined variable error = %v, want it to name -c:3 and the variable", err)
	}
}

// TestScriptServerNONamesLine: a NO that no \expect excuses is named on
// stderr with the script line that got it; an excused one is not.
func TestScriptServerNONamesLine(t *testing.T) {
	h := newHarness(t, nil)
	runScript(t, h, "no.imap", "login demo demo\ncreate INBOX\n\\expect no\ncreate INBOX\nnoop\n")
	stderr := h.stderr.String()
	if !strings.Contains(stderr, "/no.imap:4: create INBOX: CREATE: NO") {
		t.Errorf("stderr should name no.imap:4 and the NO:\n%s", stderr)
	}
	if strings.Contains(stderr, "no.imap:2:") {
		t.Errorf("the NO excused by \\expect no is reported:\n%s", stderr)
	}
}

// TestOnlyAnticipatingExpectExcuses: a NO is excused by \expect no or a
// matching \expect code, not by an \expect about something else.
func TestOnlyAnticipatingExpectExcuses(t *testing.T) {
	for _, tt := range []struct {
		expect string
		code   int
	}{
		{`\expect no`, ExitOK},
		{`\expect code ALREADYEXISTS`, ExitOK},
		{`\expect count FETCH 0`, ExitFailures},
		{`\expect match .`, ExitFailures},
	} {
		h := newHarness(t, nil)
		if code := h.run("login demo demo", "create INBOX", tt.expect, "noop"); code != tt.code {
			t.Errorf("create INBOX (NO) then %s: exit %d, want %d; stderr:\n%s", tt.expect, code, tt.code, h.stderr)
		}
	}
}
