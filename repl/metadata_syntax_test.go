package repl

import (
	"context"
	"testing"
)

// TestMetadataIMAPSyntax: SETMETADATA's entries and GETMETADATA's entry
// list and options are also accepted as RFC 5464 writes them (section
// 4.2: options before the mailbox, several entries in one parenthesized
// list), beside the shell's bare forms. Before, the IMAP forms were
// refused ("want NAME VALUE pairs", "missing ENTRIES") or sent the
// options as a mailbox name ("(DEPTH infinity)").
func TestMetadataIMAPSyntax(t *testing.T) {
	transcript := "S: * PREAUTH [CAPABILITY IMAP4rev1 METADATA] ready\n" +
		"C: A1 SETMETADATA INBOX (/private/comment \"a b\" /shared/x NIL)\nS: A1 OK done\n" +
		"C: A2 SETMETADATA INBOX (/private/comment \"a b\" /shared/x NIL)\nS: A2 OK done\n" +
		"C: A3 GETMETADATA INBOX (/private/comment /shared/x)\nS: A3 OK done\n" +
		"C: A4 GETMETADATA INBOX (/private/comment /shared/x)\nS: A4 OK done\n" +
		"C: A5 GETMETADATA (DEPTH infinity) INBOX (/private)\nS: A5 OK done\n" +
		"C: A6 GETMETADATA (DEPTH infinity) INBOX (/private)\nS: A6 OK done\n" +
		"C: A7 LOGOUT\nS: * BYE\nS: A7 OK bye\n"
	lines := []string{
		`setmetadata INBOX /private/comment "a b" /shared/x NIL`,
		`setmetadata INBOX (/private/comment "a b" /shared/x NIL)`,
		`getmetadata INBOX /private/comment /shared/x`,
		`getmetadata INBOX (/private/comment /shared/x)`,
		`getmetadata INBOX (DEPTH infinity) /private`,
		`getmetadata (DEPTH infinity) INBOX /private`,
	}
	s, _, out := fakeSession(t, transcript, func(c *Config) { c.ContinueOnError = false })
	s.Run(context.Background(), &scripted{lines: lines})
	if s.failures != 0 {
		t.Errorf("%d failures:\n%s", s.failures, out)
	}
}
