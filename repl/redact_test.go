package repl

import (
	"strings"
	"testing"
)

func TestRedactLine(t *testing.T) {
	tests := []struct{ line, want string }{
		{"login alice hunter2", "login alice ***"},
		{`login alice "pass word"`, "login alice ***"},
		{"LOGIN alice hunter2", "LOGIN alice ***"},
		{"login alice ${IMAP_PASSWORD}", "login alice ${IMAP_PASSWORD}"},
		{"authenticate PLAIN alice s3cret", "authenticate PLAIN alice ***"},
		{"login_cram_md5 alice s3cret", "login_cram_md5 alice ***"},
		{`\set TOKEN abc`, `\set TOKEN ***`},
		{"raw LOGIN alice hunter2", "raw LOGIN alice ***"},
		{`xatom AUTHENTICATE PLAIN AGFsaWNlAHM=`, `xatom AUTHENTICATE PLAIN ***`},
		{"fetch 1:5 (UID FLAGS)", "fetch 1:5 (UID FLAGS)"},
		{`login alice "unterminated`, "login alice ***"},
		{"login_cram_md5 alice correct horse", "login_cram_md5 alice ***"},
		{`\set MYPASS two words`, `\set MYPASS ***`},
		{`\set PW "unterminated`, `\set PW ***`},
		{"login alice pass word extra", "login alice ***"},
		{"raw LOGIN\talice\thunter2", "raw LOGIN\talice\t***"},
		{"raw\tA1\tLOGIN alice\thunter2", "raw\tA1\tLOGIN alice\t***"},
		{`\connect imaps://bob:PASSWORD@host`, `\connect imaps://bob:***@host`},
		{`\connect imaps://bob:${PW}@host/INBOX`, `\connect imaps://bob:${PW}@host/INBOX`},
		{`\connect imaps://bob:pass word@host`, `\connect ***`},
		{"raw SEARCH TEXT ***", "raw SEARCH TEXT ***"},
	}
	for _, tt := range tests {
		if got := redactLine(tt.line); got != tt.want {
			t.Errorf("redactLine(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestHasLiteralSecret(t *testing.T) {
	tests := map[string]bool{
		"login alice hunter2":        true,
		"login alice ${PASS}":        false,
		"login alice":                false,
		"select INBOX":               false,
		"raw LOGIN alice x":          true,
		"authenticate XOAUTH2 a tok": true,
		`\set PASS x`:                true,
		`\set imap_token x`:          true,
		`\set PASS ${FROM_ENV}`:      false,
		`\set PREFIX INBOX.`:         false,
		`\set ON_ERROR_STOP off`:     false,
		"search SUBJECT login":       false,
		"raw LOGIN\talice\tx":        true,
		"raw LOGIN alice ${BOBPASS}": false,
		`\connect imaps://b:pw@h`:    true,
		`\connect imaps://b:${P}@h`:  false,
		"raw SEARCH TEXT ***":        false,
	}
	for line, want := range tests {
		if got := HasLiteralSecret(line); got != want {
			t.Errorf("HasLiteralSecret(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestUsageErrorHidesSecretWords: a line with too many words for a command
// that takes a secret does not echo the extra word, which may be part of
// a password typed with a space.
func TestUsageErrorHidesSecretWords(t *testing.T) {
	_, err := prepare("login_cram_md5 alice correct horse", "login_cram_md5 alice correct horse")
	if err == nil || strings.Contains(err.Error(), "horse") || strings.Contains(err.Error(), "correct") {
		t.Errorf("usage error %v should not quote the password", err)
	}
	_, err = prepare(`\connect imaps://bob:correct horse@host`, `\connect imaps://bob:correct horse@host`)
	if err == nil || strings.Contains(err.Error(), "horse") {
		t.Errorf("usage error %v should not quote the URL's password", err)
	}
	if _, err := prepare("noop extra", "noop extra"); err == nil || !strings.Contains(err.Error(), `"extra"`) {
		t.Errorf("usage error %v should name the extra word of a command without secrets", err)
	}
}

// TestRedirectionComesLast: a word after "> FILE" (an unquoted path with a
// space) is a usage error, before any file is created or anything is sent.
func TestRedirectionComesLast(t *testing.T) {
	for _, line := range []string{"fetch 1 (FLAGS) > a b", "fetch 1 > out.eml BODY[]", "append INBOX < msg eml"} {
		if _, err := prepare(line, line); err == nil || !strings.Contains(err.Error(), "after the redirection") {
			t.Errorf("prepare(%q) = %v, want a usage error about the word after the redirection", line, err)
		}
	}
	if in, err := prepare(`fetch 1 BODY[] > "dir with space/x.eml"`, ""); err != nil || in.Out != "dir with space/x.eml" {
		t.Errorf("quoted path: %v, out %q", err, in.Out)
	}
}
