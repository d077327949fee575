package client_test

import (
	"context"
	"errors"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// newSelected returns a client of a transcript after its SELECT INBOX (A1).
func newSelected(t *testing.T, transcript string) *client.Client {
	t.Helper()
	conn := clienttest.Serve(t, transcript)
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	selectInbox(t, c)
	return c
}

// TestSearchReturnPartial: RETURN options go as typed, with or without
// their parentheses, "()" as RETURN (); PARTIAL (RFC 9394) is parsed into
// ESearchData.Partial, for SEARCH and for SORT (ESORT, RFC 5267), whose
// ALL keeps the sort order.
func TestSearchReturnPartial(t *testing.T) {
	c := newSelected(t, `S: * PREAUTH [CAPABILITY IMAP4rev1 ESEARCH ESORT SORT PARTIAL SEARCHRES] hi
C: A1 SELECT INBOX
S: A1 OK [READ-WRITE] done
C: A2 UID SEARCH RETURN (PARTIAL -1:-100 COUNT) UNDELETED
S: * ESEARCH (TAG "A2") UID PARTIAL (-1:-100 200:250,252:300) COUNT 300
S: A2 OK done
C: A3 SEARCH RETURN () ALL
S: * ESEARCH (TAG "A3") ALL 1:3
S: A3 OK done
C: A4 SEARCH RETURN (PARTIAL 101:200) SEEN
S: * ESEARCH (TAG "A4") PARTIAL (101:200 NIL)
S: A4 OK done
C: A5 UID SORT RETURN (ALL COUNT) (REVERSE DATE) UTF-8 ALL
S: * ESEARCH (TAG "A5") UID ALL 9,3:1,7 COUNT 5
S: A5 OK done
C: A6 SEARCH RETURN (SAVE) FLAGGED
S: A6 OK done
`)
	ctx := context.Background()
	e := only[*client.ESearchData](t, must(t)(c.Search(ctx, "UNDELETED", client.SearchOptions{UID: true, Return: "PARTIAL -1:-100 COUNT"})))
	eq(t, "partial range", e.Partial.Range, "-1:-100")
	eq(t, "partial set", e.Partial.Set.String(), "200:250,252:300")
	eq(t, "count", *e.Count, uint32(300))
	eq(t, "other", len(e.Other), 0)
	e = only[*client.ESearchData](t, must(t)(c.Search(ctx, "ALL", client.SearchOptions{Return: "()"})))
	eq(t, "all", e.All.String(), "1:3")
	e = only[*client.ESearchData](t, must(t)(c.Search(ctx, "SEEN", client.SearchOptions{Return: "(PARTIAL 101:200)"})))
	eq(t, "partial NIL", e.Partial.String(), "101:200 NIL")
	e = only[*client.ESearchData](t, must(t)(c.SortWith(ctx, "(REVERSE DATE)", "UTF-8", "ALL", client.SortOptions{UID: true, Return: "ALL COUNT"})))
	eq(t, "sorted all", e.All.String(), "9,3:1,7")
	must(t)(c.Search(ctx, "FLAGGED", client.SearchOptions{Return: "SAVE"}))
}

// TestSearchReturnRefused: what RETURN options need is checked before
// anything is sent: PARTIAL, SEARCHRES, ESORT, CONTEXT=SEARCH, a valid
// PARTIAL range. The refusals cost no tag: the last command is A2.
func TestSearchReturnRefused(t *testing.T) {
	c := newSelected(t, `S: * PREAUTH [CAPABILITY IMAP4rev1 ESEARCH SORT] hi
C: A1 SELECT INBOX
S: A1 OK [READ-WRITE] done
C: A2 SEARCH RETURN (MIN) ALL
S: A2 OK done
`)
	ctx := context.Background()
	for ret, cap := range map[string]string{"PARTIAL 1:10": "PARTIAL", "SAVE": "SEARCHRES|IMAP4rev2", "(UPDATE)": "CONTEXT=SEARCH"} {
		var ce *client.CapabilityError
		if _, err := c.Search(ctx, "ALL", client.SearchOptions{Return: ret}); !errors.As(err, &ce) || ce.Cap != cap {
			t.Errorf("RETURN (%s): %v, want a refusal for %s", ret, err, cap)
		}
	}
	var ce *client.CapabilityError
	if _, err := c.SortWith(ctx, "DATE", "UTF-8", "ALL", client.SortOptions{Return: "MIN"}); !errors.As(err, &ce) || ce.Cap != "ESORT" {
		t.Errorf("SORT RETURN without ESORT: %v", err)
	}
	for _, bad := range []string{"PARTIAL", "PARTIAL 0:10", "PARTIAL 1:-10", "PARTIAL x", "PARTIAL 1:4294967296", "PARTIAL -5"} {
		if _, err := c.Search(ctx, "ALL", client.SearchOptions{Return: bad}); !errors.Is(err, client.ErrBadPartial) {
			t.Errorf("RETURN (%s): %v, want ErrBadPartial", bad, err)
		}
	}
	must(t)(c.Search(ctx, "ALL", client.SearchOptions{Return: "MIN"}))
}
