package repl

import (
	"reflect"
	"testing"

	"imapsh/client"
)

// TestCompCache: the completion cache answers from its copies: the
// dispatcher's availability rule, and the mailbox names as commands add,
// remove and list them.
func TestCompCache(t *testing.T) {
	c := &compCache{}
	c.update(&conn{}, map[string]string{"B": "x", "A": "y"})
	if c.Available("fetch") || !c.Available(`\help`) || !reflect.DeepEqual(c.Variables(), []string{"A", "B"}) {
		t.Errorf("not connected: fetch %v, \\help %v, variables %q", c.Available("fetch"), c.Available(`\help`), c.Variables())
	}
	c.state, c.capSet = client.StateSelected, client.NewCapSet([]string{"IMAP4rev2"})
	if !c.Available("fetch") || !c.Available("uid move") || c.Available("sort") || c.Available("no such") {
		t.Error("selected on an IMAP4rev2 server: fetch and uid move, not sort")
	}
	c.setMailboxes([]string{"INBOX", "Sent"})
	held := c.Mailboxes()
	c.addMailbox("Archive")
	c.addMailbox("INBOX")
	c.removeMailbox("Sent")
	if got := c.Mailboxes(); !reflect.DeepEqual(got, []string{"INBOX", "Archive"}) || !reflect.DeepEqual(held, []string{"INBOX", "Sent"}) {
		t.Errorf("mailboxes %q, the earlier reader's %q", got, held)
	}
	c.learnMailboxes(&client.Result{Responses: []client.Response{&client.ListData{Mailbox: "Drafts"}}}, true)
	if got := c.Mailboxes(); !reflect.DeepEqual(got, []string{"Drafts"}) {
		t.Errorf("a complete LIST replaces the names: %q", got)
	}
}
