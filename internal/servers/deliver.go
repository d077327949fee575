package servers

import (
	"strings"
	"testing"
)

// Deliver stores msgs (complete RFC 5322 messages with CRLF line endings) in
// the user's mailbox, logging in over the plain port and appending them one
// by one. mailbox is the name as sent on the wire (modified
// UTF-7 for non-ASCII, with the server's PersonalPrefix and Separator); it
// is created first unless it is INBOX. Any failure ends the test.
func (s *Server) Deliver(t testing.TB, user, mailbox string, msgs ...[]byte) {
	t.Helper()
	if len(msgs) == 0 {
		t.Fatalf("deliver: no messages for %s/%s", user, mailbox)
	}
	password, ok := s.Users[user]
	if !ok {
		t.Fatalf("deliver: unknown test user %q", user)
	}
	c, err := dialRaw(s.IMAPAddr(), nil)
	if err != nil {
		t.Fatalf("deliver: %v", err)
	}
	defer c.conn.Close()
	if err := c.authenticatePlain(user, password); err != nil {
		t.Fatalf("deliver: log in as %s: %v", user, err)
	}
	if !strings.EqualFold(mailbox, "INBOX") {
		// NO [ALREADYEXISTS] is fine; a real problem shows up in APPEND.
		c.send([]byte("CREATE " + quote(mailbox)))
	}
	if err := c.appendMessages(mailbox, msgs); err != nil {
		t.Fatalf("deliver %d message(s) to %s/%s: %v", len(msgs), user, mailbox, err)
	}
	if err := c.close(); err != nil {
		t.Fatalf("deliver: %v", err)
	}
}
