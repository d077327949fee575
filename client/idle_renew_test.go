package client_test

import (
	"context"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// TestIdleRenewed: Idle ends each IDLE after Options.IdleRenewal with DONE
// and sends a new one (RFC 2177 section 3: re-issue at least every 29
// minutes), until its context ends; the updates of every round arrive.
func TestIdleRenewed(t *testing.T) {
	conn := clienttest.Serve(t, "S: * PREAUTH [CAPABILITY IMAP4rev1 IDLE] ready\n"+
		"C: A1 IDLE\nS: + idling\nC: DONE\nS: A1 OK IDLE terminated\n"+
		"C: A2 IDLE\nS: + idling\nS: * 2 EXISTS\nC: DONE\nS: A2 OK IDLE terminated\n")
	c, err := client.New(conn, &client.Options{IdleRenewal: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var updates int
	res, err := c.Idle(ctx, func(r client.Response) {
		if r.Kind() == "EXISTS" {
			updates++
			cancel() // the second round ends here, by the caller
		}
	})
	if err != nil || res.Status.Tag != "A2" || updates != 1 {
		t.Errorf("Idle = %+v, %v after %d updates; want A2's OK after one", res, err, updates)
	}
}
