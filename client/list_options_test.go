package client_test

import (
	"context"
	"errors"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// TestListOptions: selection options, several patterns and RETURN options
// go where RFC 5258 puts them; the STATUS data of LIST-STATUS (RFC 5819)
// follows each LIST.
func TestListOptions(t *testing.T) {
	conn := clienttest.ServeFile(t, "testdata/transcripts/cmd_list_patterns.txt")
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	res := must(t)(c.List(context.Background(), "", "INBOX", client.ListOptions{Select: "(SPECIAL-USE)",
		Return: "STATUS (MESSAGES UNSEEN)", More: []string{"Sent Items", "Sent*"}}))
	eq(t, "lists", len(client.Of[*client.ListData](res)), 2)
	st := client.Of[*client.StatusData](res)
	n, _ := st[0].Get("messages")
	eq(t, "INBOX messages", n, uint64(3))
}

// TestListOptionsRefused: without LIST-EXTENDED (Courier-IMAP 5.0) the
// options and several patterns are refused locally; STATUS needs
// LIST-STATUS and SPECIAL-USE its own capability on top. The refusals
// cost no tag.
func TestListOptionsRefused(t *testing.T) {
	conn := clienttest.Serve(t, "S: * PREAUTH [CAPABILITY IMAP4rev1 CHILDREN] hi\nC: A1 LIST \"\" *\nS: A1 OK done\n")
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	for _, opts := range []client.ListOptions{{Select: "SUBSCRIBED"}, {Return: "()"}, {More: []string{"b"}}, {Return: "SPECIAL-USE"}} {
		var ce *client.CapabilityError
		if _, err := c.List(ctx, "", "*", opts); !errors.As(err, &ce) || ce.Cap != "LIST-EXTENDED|IMAP4rev2" {
			t.Errorf("%+v: %v, want a refusal for LIST-EXTENDED", opts, err)
		}
	}
	must(t)(c.List(ctx, "", "*", client.ListOptions{}))

	conn = clienttest.Serve(t, "S: * PREAUTH [CAPABILITY IMAP4rev1 LIST-EXTENDED] hi\nC: A1 LIST \"\" * RETURN (CHILDREN)\nS: A1 OK done\n")
	if c, err = client.New(conn, nil); err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	for _, tt := range []struct {
		opts client.ListOptions
		cap  string
	}{{client.ListOptions{Return: "STATUS (MESSAGES)"}, "LIST-STATUS|IMAP4rev2"},
		{client.ListOptions{Select: "SPECIAL-USE"}, "SPECIAL-USE|IMAP4rev2"},
		{client.ListOptions{Return: "MYRIGHTS"}, "LIST-MYRIGHTS"}} {
		var ce *client.CapabilityError
		if _, err := c.List(ctx, "", "*", tt.opts); !errors.As(err, &ce) || ce.Cap != tt.cap {
			t.Errorf("%+v: %v, want a refusal for %s", tt.opts, err, tt.cap)
		}
	}
	must(t)(c.List(ctx, "", "*", client.ListOptions{Return: "CHILDREN"}))
}
