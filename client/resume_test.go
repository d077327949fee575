package client_test

import (
	"context"
	"reflect"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// TestResumableRecordsTheSession: what ENABLE switched on and how the
// mailbox was opened (EXAMINE with CONDSTORE) are what a reconnect must
// restore, and they stay readable after the connection is gone.
func TestResumableRecordsTheSession(t *testing.T) {
	conn := clienttest.Serve(t, "S: * OK [CAPABILITY IMAP4rev1 ENABLE CONDSTORE UTF8=ACCEPT] hi\n"+
		"C: A1 LOGIN alice secret\nS: A1 OK [CAPABILITY IMAP4rev1 ENABLE CONDSTORE UTF8=ACCEPT] in\n"+
		"C: A2 ENABLE UTF8=ACCEPT\nS: * ENABLED UTF8=ACCEPT\nS: A2 OK enabled\n"+
		"C: A3 EXAMINE \"Grüße\" (CONDSTORE)\nS: * OK [HIGHESTMODSEQ 9] x\nS: A3 OK [READ-ONLY] done\n!close\n")
	c, err := client.New(conn, &client.Options{AllowPlaintextAuth: true})
	if err != nil {
		t.Fatal(err)
	}
	if !c.Resumable().IsZero() {
		t.Errorf("a fresh session has something to restore: %+v", c.Resumable())
	}
	ctx := context.Background()
	must(t)(c.Login(ctx, "alice", "secret"))
	must(t)(c.Enable(ctx, "UTF8=ACCEPT"))
	must(t)(c.Select(ctx, "Grüße", client.SelectOptions{ReadOnly: true, CondStore: true}))
	c.Noop(ctx) // the server has gone: the record stays
	want := client.Resumable{Enabled: []string{"UTF8=ACCEPT"}, Mailbox: "Grüße",
		Select: client.SelectOptions{ReadOnly: true, CondStore: true}}
	if got := c.Resumable(); !reflect.DeepEqual(got, want) {
		t.Errorf("Resumable() = %+v, want %+v", got, want)
	}
}

// TestResumableForgetsAClosedMailbox: after CLOSE there is no mailbox to
// open again.
func TestResumableForgetsAClosedMailbox(t *testing.T) {
	conn := clienttest.Serve(t, "S: * PREAUTH hi\nC: A1 SELECT INBOX\nS: A1 OK [READ-WRITE] done\n"+
		"C: A2 CLOSE\nS: A2 OK closed\n")
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	must(t)(c.Select(bg, "INBOX", client.SelectOptions{}))
	if r := c.Resumable(); r.Mailbox != "INBOX" || r.Select.ReadOnly {
		t.Errorf("after SELECT: %+v", r)
	}
	must(t)(c.CloseMailbox(bg))
	if r := c.Resumable(); !r.IsZero() {
		t.Errorf("after CLOSE: %+v, want nothing to restore", r)
	}
}

// TestAuthInfo: how the session logged in, and the capabilities known
// before, for the connection summary.
func TestAuthInfo(t *testing.T) {
	tests := []struct {
		name, transcript string
		login            func(*client.Client) (*client.Result, error)
		want             client.AuthInfo
	}{
		{"LOGIN", "S: * OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] hi\nC: A1 LOGIN alice secret\nS: A1 OK [CAPABILITY IMAP4rev1 MOVE] in\n",
			func(c *client.Client) (*client.Result, error) { return c.Login(bg, "alice", "secret") },
			client.AuthInfo{Method: "LOGIN", CapsBefore: []string{"IMAP4rev1", "AUTH=PLAIN"}}},
		{"AUTHENTICATE", "S: * OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] hi\nC: A1 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==\nS: A1 OK in\nC: A2 CAPABILITY\nS: * CAPABILITY IMAP4rev1 MOVE\nS: A2 OK\n",
			func(c *client.Client) (*client.Result, error) {
				m, _ := client.NewMechanism("PLAIN", client.Credentials{User: "alice", Password: "secret"})
				return c.Authenticate(bg, m)
			},
			client.AuthInfo{Method: "AUTHENTICATE", Mechanism: "PLAIN", CapsBefore: []string{"IMAP4rev1", "SASL-IR", "AUTH=PLAIN"}}},
		{"PREAUTH", "S: * PREAUTH hi\n", nil, client.AuthInfo{Method: "PREAUTH"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := client.New(clienttest.Serve(t, tt.transcript), &client.Options{AllowPlaintextAuth: true})
			if err != nil {
				t.Fatal(err)
			}
			if tt.login != nil {
				if _, ok := c.Auth(); ok {
					t.Error("Auth() reports a login before any")
				}
				must(t)(tt.login(c))
			}
			got, ok := c.Auth()
			if !ok || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Auth() = %+v, %v; want %+v", got, ok, tt.want)
			}
		})
	}
}

// TestResumableResyncsFromWhatWasSeen: a mailbox opened with QRESYNC is
// reopened with the HIGHESTMODSEQ seen last, not the one first sent, so a
// reconnect asks only for what changed since (RFC 7162 section 3.2.5).
func TestResumableResyncsFromWhatWasSeen(t *testing.T) {
	conn := clienttest.Serve(t, "S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC] hi\n"+
		"C: A1 ENABLE QRESYNC\nS: * ENABLED QRESYNC\nS: A1 OK enabled\n"+
		"C: A2 EXAMINE INBOX (QRESYNC (7 5 1:9))\nS: * OK [UIDVALIDITY 7] x\nS: * OK [HIGHESTMODSEQ 20] x\nS: A2 OK [READ-ONLY] done\n"+
		"C: A3 NOOP\nS: * 3 FETCH (UID 3 MODSEQ (31) FLAGS ())\nS: * OK [HIGHESTMODSEQ 31] x\nS: A3 OK done\n")
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	must(t)(c.Enable(bg, "QRESYNC"))
	q := &client.QResync{UIDValidity: 7, ModSeq: 5, KnownUIDs: "1:9"}
	must(t)(c.Select(bg, "INBOX", client.SelectOptions{ReadOnly: true, QResync: q}))
	must(t)(c.Noop(bg))
	got := c.Resumable().Select.QResync
	want := &client.QResync{UIDValidity: 7, ModSeq: 31, KnownUIDs: "1:9"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("QResync = %+v, want %+v", got, want)
	}
	if q.ModSeq != 5 {
		t.Errorf("the caller's parameter was changed: %+v", q)
	}
}
