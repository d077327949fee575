package client_test

import (
	"context"
	"testing"

	"imapsh/client"
	"imapsh/internal/demo"
)

func dialDemo(t *testing.T) *client.Client {
	t.Helper()
	srv, err := demo.Start(demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	c, err := client.Dial(context.Background(), srv.Addr, client.DialOptions{Security: client.Plaintext, Options: client.Options{AllowPlaintextAuth: true}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := c.Login(context.Background(), srv.User, srv.Password); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestDemoSession(t *testing.T) {
	ctx := context.Background()
	c := dialDemo(t)
	res, err := c.List(ctx, "", "*", client.ListOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, l := range client.Of[*client.ListData](res) {
		names = append(names, l.Mailbox)
	}
	if !contains(names, demo.MailboxUnicode) {
		t.Errorf("LIST names %q lack %q", names, demo.MailboxUnicode)
	}
	if _, err := c.Select(ctx, "INBOX", client.SelectOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := c.Mailbox().Exists; got == 0 {
		t.Errorf("EXISTS = 0 after SELECT INBOX")
	}
	res, err = c.Fetch(ctx, "1:5", "(UID FLAGS ENVELOPE BODYSTRUCTURE RFC822.SIZE)", client.FetchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	msgs := client.Of[*client.FetchData](res)
	if len(msgs) != 5 {
		t.Fatalf("got %d FETCH responses, want 5", len(msgs))
	}
	for _, m := range msgs {
		if m.UID == 0 || m.Envelope == nil || m.BodyStructure == nil || !m.HasSize {
			t.Errorf("message %d incomplete: %+v", m.Seq, m)
		}
	}
	if _, err := c.Logout(ctx); err != nil {
		t.Errorf("logout: %v", err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
