package repl

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

var elapsedRE = regexp.MustCompile(`"elapsed_ms":[0-9.e+-]+`)

// normalizeJSON zeroes elapsed_ms, the one field that varies run to run.
func normalizeJSON(s string) string { return elapsedRE.ReplaceAllString(s, `"elapsed_ms":0`) }

// TestJSONGolden pins the --json output of commands against the demo
// server: one object per command, one line each.
func TestJSONGolden(t *testing.T) {
	tests := []struct {
		name  string
		lines []string // after "login demo demo"
	}{
		{"select", []string{"select INBOX"}},
		{"fetch_flags", []string{"select INBOX", "fetch 9:11 (UID FLAGS)"}}, // at most one flag each: the demo server orders several at random
		{"fetch_envelope", []string{"examine INBOX", "fetch 2 (UID ENVELOPE BODYSTRUCTURE INTERNALDATE RFC822.SIZE)"}},
		{"fetch_section", []string{"examine INBOX", "fetch 1 BODY.PEEK[HEADER.FIELDS (SUBJECT FROM)]"}},
		{"search_store", []string{"select INBOX", `search SUBJECT "weekly digest"`, `store 3 +flags \Flagged`}},
		{"list_status", []string{`list "" %`, "status INBOX (MESSAGES UIDNEXT UNSEEN)"}},
		{"errors", []string{`\set ON_ERROR_STOP off`, "select NoSuchBox", "append INBOX < /nonexistent/msg.eml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, func(c *Config) { c.JSON = true })
			h.run(append([]string{"login demo demo"}, tt.lines...)...)
			out := normalizeJSON(h.stdout.String())
			checkJSONLines(t, out, len(tt.lines)+1) // meta-commands too (issue 11, defect 5)
			golden(t, "json/"+tt.name+".golden", []byte(out))
		})
	}
}

// checkJSONLines checks that out is n JSON objects, one per line, whose
// keys are all lower case, and that no password shows.
func checkJSONLines(t *testing.T, out string, n int) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), n, out)
	}
	for _, line := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("not a JSON object: %v\n%s", err, line)
		}
		checkKeys(t, v)
	}
	if strings.Contains(out, "login demo demo") {
		t.Errorf("the password shows:\n%s", out)
	}
}

var keyRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// checkKeys walks a decoded JSON value and fails on a key that is not
// lower case.
func checkKeys(t *testing.T, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if !keyRE.MatchString(k) {
				t.Errorf("key %q is not lower case", k)
			}
			checkKeys(t, x)
		}
	case []any:
		for _, x := range v {
			checkKeys(t, x)
		}
	}
}
