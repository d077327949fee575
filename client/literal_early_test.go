package client_test

import (
	"errors"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// A server that answers a command's tagged OK where the "+" for its
// synchronizing literal belongs has ended the command: the literal must not
// follow, or the server reads the message as commands (the probe saw
// Dovecot and go-imap run a refused command's literal as new commands).
// The command fails with a protocol error and the session stays in sync.
func TestLiteralNotSentAfterEarlyTaggedAnswer(t *testing.T) {
	conn := clienttest.Serve(t, "S: * PREAUTH ready\n"+
		"C: A1 APPEND INBOX {13}\n"+
		"S: A1 OK done already\n"+
		"C: A2 NOOP\n"+
		"S: A2 OK noop\n")
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	msg := client.AppendMessage{Body: strings.NewReader("A2 DELETE X\r\n"), Size: 13}
	_, err = c.Append(bg, "INBOX", msg)
	var perr *client.ProtocolError
	if !errors.As(err, &perr) {
		t.Fatalf("append: %v, want a protocol error", err)
	}
	if _, err := c.Noop(bg); err != nil {
		t.Fatalf("noop after the early answer: %v", err)
	}
}
