package repl

import (
	"strings"
	"testing"
)

// TestTypingMistakeHints: what a user typed wrong gets an error that says
// what, and a hint that fits the mistake (issue 11: defect 4, and the
// unbalanced parenthesis that suggested quoting a mailbox name).
func TestTypingMistakeHints(t *testing.T) {
	tests := []struct {
		line, error, hint string
	}{
		{"create Foo Bar", `create: "Bar" is not a special use like \Sent or \Junk`, `hint: a mailbox name with spaces needs quotes: create "Foo Bar"`},
		{"create Foo Bar Baz", `"Bar" is not a special use`, `create "Foo Bar Baz"`},
		{"fetch 1 (UID FLAGS", "unbalanced parenthesis", "hint: close each ( with ) and each [ with ]"},
		{"fetch 1 BODY[HEADER", "unbalanced parenthesis", "hint: close each ( with ) and each [ with ]"},
		{`select "Sent Items`, "unterminated quoted string", `hint: close the quote`},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			h := newHarness(t, nil)
			h.run("login demo demo", "select INBOX", tt.line)
			stderr := h.stderr.String()
			if !strings.Contains(stderr, tt.error) || !strings.Contains(stderr, tt.hint) {
				t.Errorf("stderr:\n%s\nwant %q and %q", stderr, tt.error, tt.hint)
			}
			if strings.Contains(stderr, "Sent Items") && !strings.Contains(tt.line, "Sent Items") {
				t.Errorf("the hint suggests quoting a mailbox name:\n%s", stderr)
			}
		})
	}
}
