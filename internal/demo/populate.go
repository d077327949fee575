package demo

import (
	"bytes"
	"fmt"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// populate creates the demo mailboxes (RFC 3501 CREATE, SUBSCRIBE) and
// appends the messages with their flags and internal dates (APPEND).
func populate(user *imapmemserver.User, messages []Message) error {
	for _, name := range Mailboxes() {
		if err := user.Create(name, nil); err != nil {
			return fmt.Errorf("demo: create %q: %w", name, err)
		}
	}
	for _, name := range subscribedMailboxes {
		if err := user.Subscribe(name); err != nil {
			return fmt.Errorf("demo: subscribe %q: %w", name, err)
		}
	}
	for i, msg := range messages {
		options := &imap.AppendOptions{Flags: toFlags(msg.Flags), Time: msg.Date}
		if _, err := user.Append(msg.Mailbox, bytes.NewReader(msg.Raw), options); err != nil {
			return fmt.Errorf("demo: append sample %d to %q: %w", i+1, msg.Mailbox, err)
		}
	}
	return nil
}

func toFlags(names []string) []imap.Flag {
	flags := make([]imap.Flag, len(names))
	for i, name := range names {
		flags[i] = imap.Flag(name)
	}
	return flags
}
