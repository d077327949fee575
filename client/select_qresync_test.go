package client_test

import (
	"context"
	"errors"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// TestSelectQResync: SELECT (QRESYNC ...) of RFC 7162 section 3.2.5.1's
// example goes out as typed values; the VANISHED (EARLIER) and FETCH
// responses stay in the Result, and VANISHED (EARLIER) does not change
// the message count. Before ENABLE QRESYNC, and with values the grammar
// refuses, nothing is sent (the next command still gets tag A1... A3).
func TestSelectQResync(t *testing.T) {
	conn := clienttest.Serve(t, `S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE QRESYNC] hi
C: A1 ENABLE QRESYNC
S: * ENABLED QRESYNC
S: A1 OK enabled
C: A2 SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))
S: * OK [CLOSED]
S: * 100 EXISTS
S: * 11 RECENT
S: * OK [UIDVALIDITY 67890007] UIDs valid
S: * OK [UIDNEXT 600] Predicted next UID
S: * FLAGS (\Answered \Flagged \Deleted \Seen \Draft)
S: * OK [HIGHESTMODSEQ 20010715194045319] Highest
S: * VANISHED (EARLIER) 41,43:116,118,120:211,214:540
S: * 49 FETCH (UID 117 FLAGS (\Seen \Answered) MODSEQ (90060115194045001))
S: * 50 FETCH (UID 119 FLAGS (\Draft $MDNSent) MODSEQ (90060115194045308))
S: A2 OK [READ-WRITE] mailbox selected
C: A3 EXAMINE Sent (CONDSTORE QRESYNC (1 2 1:9 (1,3 5,7)))
S: A3 OK [READ-ONLY] done
`)
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	q := &client.QResync{UIDValidity: 67890007, ModSeq: 20050715194045000, KnownUIDs: "41,43:211,214:541"}
	if _, err := c.Select(ctx, "INBOX", client.SelectOptions{QResync: q}); !errors.Is(err, client.ErrQResyncNotEnabled) {
		t.Fatalf("QRESYNC before ENABLE: %v", err)
	}
	must(t)(c.Enable(ctx, "QRESYNC"))
	for _, bad := range []client.QResync{{ModSeq: 1}, {UIDValidity: 1}, {UIDValidity: 1, ModSeq: 1 << 63},
		{UIDValidity: 1, ModSeq: 1, KnownUIDs: "1:*"}, {UIDValidity: 1, ModSeq: 1, KnownSeqs: "1"},
		{UIDValidity: 1, ModSeq: 1, KnownSeqs: "1", KnownSeqUIDs: "x"}} {
		if _, err := c.Select(ctx, "INBOX", client.SelectOptions{QResync: &bad}); !errors.Is(err, client.ErrBadQResync) {
			t.Errorf("QRESYNC %+v: %v, want ErrBadQResync", bad, err)
		}
	}
	res := must(t)(c.Select(ctx, "INBOX", client.SelectOptions{QResync: q}))
	v := only[*client.VanishedData](t, res)
	eq(t, "earlier", v.Earlier, true)
	eq(t, "vanished", v.UIDs.String(), "41,43:116,118,120:211,214:540")
	eq(t, "fetches", len(client.Of[*client.FetchData](res)), 2)
	eq(t, "exists", c.Mailbox().Exists, uint32(100))
	eq(t, "highestmodseq", c.Mailbox().HighestModSeq, uint64(20010715194045319))
	both := &client.QResync{UIDValidity: 1, ModSeq: 2, KnownUIDs: "1:9", KnownSeqs: "1,3", KnownSeqUIDs: "5,7"}
	must(t)(c.Select(ctx, "Sent", client.SelectOptions{ReadOnly: true, CondStore: true, QResync: both}))
}

// TestSelectQResyncNotAnnounced: without QRESYNC in the capabilities the
// parameter is refused locally, like CONDSTORE without CONDSTORE.
func TestSelectQResyncNotAnnounced(t *testing.T) {
	conn := clienttest.Serve(t, "S: * PREAUTH [CAPABILITY IMAP4rev1 ENABLE CONDSTORE] hi\nC: A1 SELECT INBOX (CONDSTORE)\nS: A1 OK done\n")
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	q := &client.QResync{UIDValidity: 1, ModSeq: 1}
	var ce *client.CapabilityError
	if _, err := c.Select(context.Background(), "INBOX", client.SelectOptions{QResync: q}); !errors.As(err, &ce) || ce.Cap != "QRESYNC" {
		t.Fatalf("QRESYNC not announced: %v", err)
	}
	must(t)(c.Select(context.Background(), "INBOX", client.SelectOptions{CondStore: true}))
}
