package client_test

import (
	"testing"

	"imapsh/client"
)

// TestEnvelopeAddressListsShareSafely checks the shared backing array of
// an envelope's address lists: NIL stays nil, () is empty but non-nil, and
// appending to one list never overwrites the next.
func TestEnvelopeAddressListsShareSafely(t *testing.T) {
	const fetch = `* 1 FETCH (UID 7 ENVELOPE (NIL "s" (("A" NIL "a" "x")) () NIL (("B" NIL "b" "x")("C" NIL "c" "x")) NIL ((NIL NIL "d" "x")) NIL NIL))` + "\r\n"
	answer := "* PREAUTH ready\r\n* 1 EXISTS\r\nA1 OK done\r\n" + fetch + "A2 OK done\r\n"
	var got *client.Envelope
	parseAnswer(t, []byte(answer), func(f *client.FetchData) { got = f.Envelope })
	if got == nil {
		t.Fatal("no envelope")
	}
	if got.ReplyTo != nil || got.Cc != nil || got.Sender == nil || len(got.Sender) != 0 {
		t.Fatalf("nil/empty lists: ReplyTo %#v Cc %#v Sender %#v", got.ReplyTo, got.Cc, got.Sender)
	}
	if len(got.From) != 1 || len(got.To) != 2 || got.To[1].Mailbox != "c" || len(got.Bcc) != 1 || got.Bcc[0].Mailbox != "d" {
		t.Fatalf("lists: %+v", got)
	}
	_ = append(got.From, client.Address{Mailbox: "evil"})
	_ = append(got.To, client.Address{Mailbox: "evil"})
	if got.To[0].Mailbox != "b" || got.Bcc[0].Mailbox != "d" {
		t.Fatalf("append to one list overwrote another: To %+v Bcc %+v", got.To, got.Bcc)
	}
}
