package demo

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// TestMoveTellsEachExpungeOnce: after MOVE the EXPUNGE responses, applied
// in order, leave the count the mailbox really has, and the messages that
// remain are the ones that were not moved (go-imap beta.8's memserver
// told each removal twice, the first with the wrong number).
func TestMoveTellsEachExpungeOnce(t *testing.T) {
	tests := []struct {
		command string
		moved   []uint32 // UIDs
	}{
		{"MOVE 5 Archive", []uint32{5}},
		{"MOVE 2:3 Archive", []uint32{2, 3}},
		{"UID MOVE 7,9 Archive", []uint32{7, 9}},
		{"MOVE 1,4,6 Archive", []uint32{1, 4, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			s := startDemo(t, Options{})
			c := dialDemo(t, s.Addr)
			c.login(s)
			uids := selectUIDs(c)
			untagged := c.mustOK("M1", tt.command)
			for _, line := range untagged {
				if n, ok := expungedSeq(line); ok {
					if n < 1 || int(n) > len(uids) {
						t.Fatalf("%q names no message of %d", line, len(uids))
					}
					uids = append(uids[:n-1], uids[n:]...)
				}
			}
			if got, want := fmt.Sprint(uids), fmt.Sprint(selectUIDs(c)); got != want {
				t.Errorf("after the EXPUNGEs the client has UIDs %s, the server %s\n%q", got, want, untagged)
			}
			for _, uid := range tt.moved {
				if strings.Contains(" "+strings.Trim(fmt.Sprint(uids), "[]")+" ", " "+strconv.Itoa(int(uid))+" ") {
					t.Errorf("UID %d was moved but is still in INBOX", uid)
				}
			}
		})
	}
}

// TestMoveToTheSelectedMailboxIsRefused, as imapmemserver's own MOVE does.
func TestMoveToTheSelectedMailboxIsRefused(t *testing.T) {
	s := startDemo(t, Options{})
	c := dialDemo(t, s.Addr)
	c.login(s)
	c.mustOK("S1", "SELECT INBOX")
	if _, status := c.run("M1", "MOVE 1 inbox"); !strings.HasPrefix(status, "NO") {
		t.Errorf("MOVE to the selected mailbox: %q, want NO", status)
	}
}

// selectUIDs selects INBOX and returns its UIDs in sequence order.
func selectUIDs(c *wireClient) []uint32 {
	c.t.Helper()
	c.mustOK("S", "SELECT INBOX")
	var uids []uint32
	for _, line := range c.mustOK("F", "FETCH 1:* (UID)") {
		var seq, uid uint32
		if _, err := fmt.Sscanf(line, "* %d FETCH (UID %d)", &seq, &uid); err == nil {
			uids = append(uids, uid)
		}
	}
	return uids
}

// expungedSeq reads "* N EXPUNGE".
func expungedSeq(line string) (uint32, bool) {
	var n uint32
	if _, err := fmt.Sscanf(line, "* %d EXPUNGE", &n); err != nil || !strings.HasSuffix(line, "EXPUNGE") {
		return 0, false
	}
	return n, true
}
