package render

import (
	"errors"
	"fmt"
	"testing"

	"imapsh/client"
)

// TestErrorTextDropsOnlyThePrefix: the client's "client: " goes, at the
// start, after a file:line and after each wrapping "WORD: "; the same
// words in the server's text or in the line the user typed stay.
func TestErrorTextDropsOnlyThePrefix(t *testing.T) {
	no := &client.Error{Command: "SELECT", StatusResponse: &client.StatusResponse{Status: "NO", Text: "client: x is not yours"}}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{errors.New("client: connection closed"), "connection closed"},
		{errors.New("client: client: twice"), "twice"},
		{fmt.Errorf("client: AUTHENTICATE: %w", errors.New("client: SCRAM-SHA-256: bad")), "AUTHENTICATE: SCRAM-SHA-256: bad"},
		{no, "SELECT: NO client: x is not yours"},
		{fmt.Errorf("s.imap:3: select x: %s", ErrorText(no)), "s.imap:3: select x: SELECT: NO client: x is not yours"},
		{errors.New(`s.imap:4: echo "client: hi": client: connection closed`), `s.imap:4: echo "client: hi": connection closed`},
	} {
		if got := ErrorText(tt.err); got != tt.want {
			t.Errorf("ErrorText(%q) = %q, want %q", tt.err, got, tt.want)
		}
	}
}
