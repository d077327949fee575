package demo

import (
	"strings"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
)

// movingSession does MOVE (RFC 6851) as COPY, then STORE \Deleted and
// UID EXPUNGE of the copied messages, within one command. go-imap
// v2.0.0-beta.8's imapmemserver answers MOVE with each EXPUNGE twice:
// once written by its Move, numbered after the removal (so moving message
// 5 of 23 says "* 6 EXPUNGE"), and once more from the queue its tracker
// flushes after the command ("* 5 EXPUNGE"). A client then counts one
// message fewer than the mailbox holds and names the wrong messages by
// number. Here only the queue tells of the removal, once, numbered right.
type movingSession struct {
	imapserver.SessionIMAP4rev2
	selected string // the mailbox selected, "" when none
}

// Select remembers the mailbox, for MOVE's same-mailbox check.
func (s *movingSession) Select(name string, options *imap.SelectOptions) (*imap.SelectData, error) {
	data, err := s.SessionIMAP4rev2.Select(name, options)
	s.selected = ""
	if err == nil {
		s.selected = name
	}
	return data, err
}

// Unselect forgets the mailbox.
func (s *movingSession) Unselect() error {
	s.selected = ""
	return s.SessionIMAP4rev2.Unselect()
}

// Move copies the messages, then removes them from the selected mailbox.
func (s *movingSession) Move(w *imapserver.MoveWriter, numSet imap.NumSet, dest string) error {
	if sameMailbox(dest, s.selected) {
		return &imap.Error{Type: imap.StatusResponseTypeNo, Text: "Source and destination mailboxes are identical"}
	}
	data, err := s.SessionIMAP4rev2.Copy(numSet, dest)
	if err != nil {
		return err
	}
	deleted := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}
	if err := s.SessionIMAP4rev2.Store(nil, data.SourceUIDs, deleted, nil); err != nil {
		return err
	}
	if err := s.SessionIMAP4rev2.Expunge(nil, &data.SourceUIDs); err != nil {
		return err
	}
	return w.WriteCopyData(data)
}

// sameMailbox compares mailbox names as the store does (INBOX in any case).
func sameMailbox(a, b string) bool {
	if strings.EqualFold(a, "INBOX") && strings.EqualFold(b, "INBOX") {
		return true
	}
	return a == b
}
