package repl

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"imapsh/client"
)

func TestRecordedLines(t *testing.T) {
	ok := &client.Result{Status: &client.StatusResponse{Status: "OK"}}
	no := &client.Result{Status: &client.StatusResponse{Status: "NO"}}
	bad := &client.Result{Status: &client.StatusResponse{Status: "bad"}}
	tests := []struct {
		line, display string // display "" = line
		res           *client.Result
		err           error
		want          []string
	}{
		{"login alice hunter2", "", ok, nil, []string{`login alice ${IMAPSH_PASSWORD}`, `\expect ok`}},
		{"login alice", "", no, nil, []string{`login alice ${IMAPSH_PASSWORD}`, `\expect no`}},
		{"login alice s3", "login alice ${PW}", ok, nil, []string{`login alice ${PW}`, `\expect ok`}},
		{`login alice "two words"`, "", ok, nil, []string{`login alice ${IMAPSH_PASSWORD}`, `\expect ok`}},
		{"authenticate PLAIN alice s3", "", ok, nil, []string{`authenticate PLAIN alice ${IMAPSH_PASSWORD}`, `\expect ok`}},
		{"authenticate SCRAM-SHA-256 alice", "", ok, nil, []string{`authenticate SCRAM-SHA-256 alice ${IMAPSH_PASSWORD}`, `\expect ok`}},
		{"authenticate EXTERNAL", "", ok, nil, []string{`authenticate EXTERNAL`, `\expect ok`}},
		{"authenticate EXTERNAL alice", "", ok, nil, []string{`authenticate EXTERNAL alice`, `\expect ok`}},
		{"raw A1 LOGIN alice hunter2", "", bad, nil, []string{`raw A1 LOGIN alice ${IMAPSH_PASSWORD}`, `\expect bad`}},
		{"raw A1 LOGIN\talice\thunter2", "", bad, nil, []string{"raw A1 LOGIN\talice\t${IMAPSH_PASSWORD}", `\expect bad`}},
		// References stay as written, and a *** typed as data stays data (issue 8).
		{"raw LOGIN bob s3", "raw LOGIN bob ${BOBPASS}", ok, nil, []string{`raw LOGIN bob ${BOBPASS}`, `\expect ok`}},
		{"raw SEARCH TEXT ***", "", ok, nil, []string{`raw SEARCH TEXT ***`, `\expect ok`}},
		{"xatom XSEARCH *** ***", "", ok, nil, []string{`xatom XSEARCH *** ***`, `\expect ok`}},
		{"select Sent", "select ${BOX}", no, errors.New("NO"), []string{`select ${BOX}`, `\expect no`}},
		{"fetch 1 (FLAGS)", "", nil, errors.New("connection lost"), nil},
		{`\set PW hunter2`, "", nil, nil, []string{`\set PW ${PW}`}},
		{`\set ON_ERROR_STOP off`, "", nil, nil, []string{`\set ON_ERROR_STOP off`}},
		{`\set PW hunter2`, "", nil, errors.New("failed"), nil},
		{`\unset PW`, "", nil, nil, []string{`\unset PW`}},
		{`\connect imap://alice@localhost`, "", nil, nil, []string{`\connect imap://alice@localhost`}},
		{`\trace on`, "", nil, nil, nil},
		{`\expect ok`, "", nil, nil, nil},
		{`\echo hunter2`, "", nil, nil, nil},
		{`\i other.imap`, "", nil, nil, nil},
	}
	for _, tt := range tests {
		display := tt.display
		if display == "" {
			display = tt.line
		}
		in, err := prepare(tt.line, display)
		if err != nil {
			t.Fatalf("%s: %v", tt.line, err)
		}
		got := recordedLines(in, tt.res, tt.err)
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s (shown %s):\n got %q\nwant %q", tt.line, display, got, tt.want)
		}
		for _, l := range got {
			if strings.Contains(l, "hunter2") || strings.Contains(l, "two words") || strings.Contains(l, " s3") {
				t.Errorf("%s: the secret reached the recording: %q", tt.line, l)
			}
		}
	}
}

// TestRecordReplay records a session against the demo with \record,
// checks the file, and replays it as a script in a new session.
func TestRecordReplay(t *testing.T) {
	h := newHarness(t, nil)
	path := filepath.Join(t.TempDir(), "session.imap")
	code := h.run(
		`\json on`, // not recorded
		`\record `+path,
		"login "+h.srv.User+" "+h.srv.Password,
		"select INBOX",
		`\set ON_ERROR_STOP off`,
		"select NoSuchBox",
		"examine INBOX",
		"fetch 1:2 (UID FLAGS)",
		`\trace off`,
		`\record off`,
		"noop",
	)
	if code != ExitFailures { // the NO counts, ON_ERROR_STOP off goes on
		t.Fatalf("exit status %d, stderr:\n%s", code, h.stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("recording mode %v, want 0600", fi.Mode().Perm())
	}
	body := stripComments(string(data))
	want := "login demo ${IMAPSH_PASSWORD}\n\\expect ok\nselect INBOX\n\\expect ok\n\\set ON_ERROR_STOP off\n" +
		"select NoSuchBox\n\\expect no\nexamine INBOX\n\\expect ok\nfetch 1:2 (UID FLAGS)\n\\expect ok\n"
	if body != want {
		t.Errorf("recording:\n%s\nwant:\n%s", data, want)
	}
	if strings.Contains(string(data), "login demo "+h.srv.Password) {
		t.Errorf("the password reached the recording:\n%s", data)
	}

	t.Setenv(RecordSecretVar, h.srv.Password)
	replay := newHarness(t, nil)
	src, err := OpenScript(path, nil, replay.sess.Lookup)
	if err != nil {
		t.Fatal(err)
	}
	if code := replay.sess.Run(context.Background(), src); code != ExitOK {
		t.Errorf("replay: exit status %d, stderr:\n%s", code, replay.stderr)
	}
}

// stripComments drops the # lines of a recording.
func stripComments(s string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(l, "#") {
			b.WriteString(l)
		}
	}
	return b.String()
}

func TestRecordConfig(t *testing.T) {
	dir := t.TempDir()
	t.Run("unwritable path fails before running", func(t *testing.T) {
		h := newHarness(t, func(c *Config) { c.Record = filepath.Join(dir, "missing", "x.imap") })
		if code := h.run("noop"); code != ExitFile {
			t.Errorf("exit status %d, want %d", code, ExitFile)
		}
		if !strings.Contains(h.stderr.String(), "error: record:") {
			t.Errorf("stderr: %s", h.stderr)
		}
	})
	t.Run("records from the start", func(t *testing.T) {
		path := filepath.Join(dir, "r.imap")
		h := newHarness(t, func(c *Config) { c.Record = path })
		if code := h.run("login demo demo", "noop", `\record`); code != ExitOK {
			t.Fatalf("exit status %d: %s", code, h.stderr)
		}
		data, _ := os.ReadFile(path)
		if got := stripComments(string(data)); got != "login demo ${IMAPSH_PASSWORD}\n\\expect ok\nnoop\n\\expect ok\n" {
			t.Errorf("recording:\n%s", data)
		}
		if !strings.Contains(h.stdout.String(), "recording to "+path) {
			t.Errorf(`\record without FILE: %q`, h.stdout)
		}
	})
}
