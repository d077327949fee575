package client_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"imapsh/client"
	"imapsh/client/clienttest"
)

// failingReader gives n bytes, then an error: a file that turned out to
// be unreadable halfway (EIO, a directory, Ctrl-C).
type failingReader struct{ n int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, errors.New("input/output error")
	}
	k := min(r.n, len(p))
	for i := range k {
		p[i] = 'x'
	}
	r.n -= k
	return k, nil
}

// TestAppendSourceFailureCloses: once a literal is announced, a local read
// failure cannot be taken back (the server waits for the rest), so the
// client closes the connection at once and says so, with or without a
// trace; the next command fails at once instead of hanging.
func TestAppendSourceFailureCloses(t *testing.T) {
	for _, traced := range []bool{false, true} {
		name := map[bool]string{false: "no trace", true: "traced"}[traced]
		t.Run(name, func(t *testing.T) {
			sent := "Cx: xxxxxxxxxx\\c\n" // streamed as read, then the connection ends
			if traced {
				sent = "" // a traced literal is read whole first
			}
			conn := clienttest.Serve(t, "S: * PREAUTH [CAPABILITY IMAP4rev1 LITERAL+] hi\nC: A1 APPEND INBOX {100+}\n"+sent+"!eof\n")
			opts := &client.Options{CommandTimeout: 30 * time.Second}
			if traced {
				opts.Trace = client.TextTrace(io.Discard)
			}
			c, err := client.New(conn, opts)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.Append(bg, "INBOX", client.AppendMessage{Body: &failingReader{n: 10}, Size: 100})
			if err == nil || !strings.Contains(err.Error(), "input/output error") || !strings.Contains(err.Error(), "closed") {
				t.Errorf("err = %v, want the read error and the closed connection named", err)
			}
			if c.State() != client.StateLogout {
				t.Errorf("state %v, want the connection closed", c.State())
			}
			if _, err := c.Noop(bg); !errors.Is(err, client.ErrClosed) {
				t.Errorf("next command: %v, want ErrClosed", err)
			}
		})
	}
}
