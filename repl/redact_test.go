package repl

import "testing"

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
	}
	s := NewSession(Config{}, nil, nil)
	for _, tt := range tests {
		in, _ := s.prepare(tt.line, tt.line)
		if got := redactLine(tt.line, in); got != tt.want {
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
	}
	for line, want := range tests {
		if got := HasLiteralSecret(line); got != want {
			t.Errorf("HasLiteralSecret(%q) = %v, want %v", line, got, want)
		}
	}
}
