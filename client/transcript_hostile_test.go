package client_test

import (
	"errors"
	"strings"
	"testing"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// TestHostileResponses: inputs that once crashed the parser or let it
// recurse without bound (THREAD and BODYSTRUCTURE nesting outside List, a
// backslash at the end of a quoted string or a section, spaceless address
// lists gone wrong) give a *ProtocolError, and the tagged OK after them is
// still read, and the next command works.
func TestHostileResponses(t *testing.T) {
	tests := []struct{ name, line string }{
		{"THREAD deeper than MaxDepth", "* THREAD " + strings.Repeat("(", 100) + "1" + strings.Repeat(")", 100)},
		{"BODYSTRUCTURE deeper than MaxDepth", "* 1 FETCH (BODYSTRUCTURE " + deepMultipart(100) + ")"},
		{"unclosed deep THREAD", "* THREAD " + strings.Repeat("(", 5000)},
		{"backslash ending a quoted string", `* LIST () "/" "ab\`},
		{"backslash ending a section", `* 1 FETCH (BODY[HEADER.FIELDS ("a\`},
		{"unclosed section quote", `* 1 FETCH (BODY["x`},
		{"address list with junk", "* 1 FETCH (ENVELOPE (NIL NIL ((NIL NIL NIL NIL)x) NIL NIL NIL NIL NIL NIL NIL))"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn := clienttest.Serve(t, "S: * PREAUTH hi\nC: A1 NOOP\nS: "+tt.line+"\nS: A1 OK done\nC: A2 NOOP\nS: A2 OK done\n")
			c, err := client.New(conn, nil)
			if err != nil {
				t.Fatal(err)
			}
			res, err := c.Noop(bg)
			var perr *client.ProtocolError
			if !errors.As(err, &perr) {
				t.Fatalf("err %v (%T), want *client.ProtocolError", err, err)
			}
			if !res.OK() {
				t.Errorf("tagged OK not read: %+v", res.Status)
			}
			must(t)(c.Noop(bg))
		})
	}
}

// deepMultipart nests a text part in n levels of multipart/mixed: valid
// syntax, but deeper than the default Limits.MaxDepth of 64.
func deepMultipart(n int) string {
	body := `("TEXT" "PLAIN" NIL NIL NIL "7BIT" 1 1)`
	for range n {
		body = "(" + body + ` "MIXED")`
	}
	return body
}

// TestUnsyncableLiteralCloses: a literal whose size cannot be represented
// (2^63 once made the decoder grow a buffer by a negative count and panic)
// cannot be skipped, so the client closes rather than read its bytes as
// responses.
func TestUnsyncableLiteralCloses(t *testing.T) {
	conn := clienttest.Serve(t, `
S: * PREAUTH hi
C: A1 NOOP
S: * 1 FETCH (BODY[] {9223372036854775808}
S: A1 OK this line is literal data
!eof`)
	c, err := client.New(conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Noop(bg)
	var perr *client.ProtocolError
	if !errors.As(err, &perr) {
		t.Fatalf("err %v, want *client.ProtocolError", err)
	}
	eq(t, "state", c.State(), client.StateLogout)
}

// TestLongLineCloses: a line over Limits.MaxLine is a *ProtocolError.
func TestLongLineCloses(t *testing.T) {
	conn := clienttest.Serve(t, "S: * PREAUTH hi\nC: A1 NOOP\nS: * OK "+strings.Repeat("x", 70000)+"\n!eof\n")
	c, err := client.New(conn, &client.Options{Limits: client.Limits{MaxLine: 1024}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Noop(bg)
	var perr *client.ProtocolError
	if !errors.As(err, &perr) {
		t.Fatalf("err %v (%T), want *client.ProtocolError", err, err)
	}
}

// TestTaggedGreetingRefused: a greeting must be untagged.
func TestTaggedGreetingRefused(t *testing.T) {
	conn := clienttest.Serve(t, "S: A1 OK hi\n!eof\n")
	if _, err := client.New(conn, nil); err == nil {
		t.Fatal("tagged greeting accepted")
	}
}
