package client_test

import (
	"context"
	"reflect"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// TestRecordedDovecotSession replays a session recorded from a real
// Dovecot with imapsh --trace-file (see TestTraceFileReplays at the
// module root; IMAPSH_UPDATE_RECORDED=1 records it again). The client
// must send exactly the recorded bytes, logging in with the placeholder
// password *** that the transcript holds, and parse what Dovecot said.
func TestRecordedDovecotSession(t *testing.T) {
	conn := clienttest.ServeFile(t, "testdata/recorded/dovecot-session.txt")
	c, err := client.New(conn, &client.Options{AllowPlaintextAuth: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(res *client.Result, err error) *client.Result {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	must(c.Login(ctx, "alice", "***"))
	if !c.HasCap("CONDSTORE") {
		t.Error("the capabilities of the LOGIN answer were not taken")
	}
	must(c.Select(ctx, "INBOX", client.SelectOptions{}))
	if m := c.Mailbox(); m == nil || m.Exists != 3 || m.UIDNext != 4 {
		t.Errorf("mailbox after SELECT = %+v", m)
	}
	fetch := client.Of[*client.FetchData](must(c.Fetch(ctx, "1:3", "(UID FLAGS ENVELOPE)", client.FetchOptions{})))
	var subjects []string
	for _, f := range fetch {
		subjects = append(subjects, f.Envelope.Subject)
	}
	if want := []string{"first", "second", "third"}; !reflect.DeepEqual(subjects, want) {
		t.Errorf("subjects %q, want %q", subjects, want)
	}
	search := client.Of[*client.SearchData](must(c.Search(ctx, "UNSEEN", client.SearchOptions{})))
	if len(search) != 1 || !reflect.DeepEqual(search[0].Nums, []uint32{1, 2, 3}) {
		t.Errorf("SEARCH UNSEEN = %+v", search)
	}
	store := client.Of[*client.FetchData](must(c.Store(ctx, "1", "+flags", `\Flagged`, client.StoreOptions{})))
	if len(store) != 1 || !reflect.DeepEqual(store[0].Flags, []string{`\Flagged`, `\Recent`}) {
		t.Errorf("STORE answer = %+v", store)
	}
	head := client.Of[*client.FetchData](must(c.Fetch(ctx, "1", "BODY.PEEK[HEADER.FIELDS (SUBJECT)]", client.FetchOptions{})))
	if len(head) != 1 || len(head[0].Sections) != 1 || string(head[0].Sections[0].Data) != "Subject: first\r\n\r\n" {
		t.Errorf("header section = %+v", head)
	}
	must(c.Logout(ctx))
}
