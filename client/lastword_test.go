package client

import (
	"context"
	"strings"
	"testing"
	"time"

	"imapsh/client/clienttest"
)

// TestUntaggedBADThenSilence: interia.pl answered LIST with an untagged
// "* BAD [ALERT] ..." and never sent the tagged answer (MailKit #860).
// The client gives up after lastWordGrace, not the command timeout, closes
// the connection with an error that quotes the line, and keeps the alert.
func TestUntaggedBADThenSilence(t *testing.T) {
	defer func(g time.Duration) { lastWordGrace = g }(lastWordGrace)
	lastWordGrace = 100 * time.Millisecond
	conn := clienttest.Serve(t, "S: * OK ready\nC: A1 NOOP\n"+
		"S: * BAD [ALERT] Please enable IMAP access in your account settings first.\n!sleep 1s\n!close\n")
	c, err := New(conn, &Options{CommandTimeout: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Noop(context.Background())
	if err == nil || !strings.Contains(err.Error(), `"* BAD Please enable IMAP access in your account settings first." and then nothing`) {
		t.Fatalf("err %v", err)
	}
	if c.State() != StateLogout {
		t.Errorf("state %v, want the connection closed", c.State())
	}
	if a := c.Alerts(); len(a) != 1 || a[0].Command != "NOOP" {
		t.Errorf("alerts %+v", a)
	}
}

// TestUntaggedBADThenMore: a server that goes on after an untagged BAD
// (GreenMail answers a bad line with "* BAD" and carries on, MailKit
// #1918) gets the normal timeout back, and the command completes.
func TestUntaggedBADThenMore(t *testing.T) {
	defer func(g time.Duration) { lastWordGrace = g }(lastWordGrace)
	lastWordGrace = 5 * time.Second
	conn := clienttest.Serve(t, "S: * OK ready\nC: A1 NOOP\nS: * BAD Tag or command error.\n!sleep 50ms\n"+
		"S: * 3 EXISTS\nS: A1 OK done\n")
	c, err := New(conn, &Options{CommandTimeout: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Noop(context.Background())
	if err != nil || !res.OK() || len(res.Responses) != 2 {
		t.Fatalf("err %v, result %+v", err, res)
	}
}

// TestByeThenSilence: after an untagged BYE the server should close; one
// that keeps the connection open costs lastWordGrace, not the timeout.
func TestByeThenSilence(t *testing.T) {
	defer func(g time.Duration) { lastWordGrace = g }(lastWordGrace)
	lastWordGrace = 100 * time.Millisecond
	conn := clienttest.Serve(t, "S: * OK ready\nC: A1 NOOP\nS: * BYE idle for too long\n!sleep 1s\n!close\n")
	c, err := New(conn, &Options{CommandTimeout: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Noop(context.Background()); err == nil || !strings.Contains(err.Error(), "BYE idle for too long") {
		t.Fatalf("err %v", err)
	}
}

// TestUnplacedLineThenSilence: a status line the client cannot place (no
// tag, or a tag no command carries) may have been the answer it waits
// for: NeoMutt hung at login on Coremail's "OK ENABLE completed"
// (neomutt/neomutt #1689). The client flags the line, waits lastWordGrace,
// then gives up with an error quoting it, instead of the command timeout.
func TestUnplacedLineThenSilence(t *testing.T) {
	defer func(g time.Duration) { lastWordGrace = g }(lastWordGrace)
	lastWordGrace = 100 * time.Millisecond
	for _, line := range []string{"OK ENABLE completed", "a1 OK done"} {
		conn := clienttest.Serve(t, "S: * PREAUTH ready\nC: A1 NOOP\nS: "+line+"\n!sleep 1s\n!close\n")
		c, err := New(conn, &Options{CommandTimeout: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		res, err := c.Noop(context.Background())
		if err == nil || !strings.Contains(err.Error(), `"`+line+`" and then nothing`) {
			t.Fatalf("%s: err %v", line, err)
		}
		if len(Of[*MalformedData](res)) == 0 {
			t.Errorf("%s: the line is not flagged in the result", line)
		}
	}
}
