package repl

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"

	"imapsh/client"
)

// upload is the message of an APPEND being read for the wire: it counts
// what was read, so that Ctrl-C knows whether the server still waits for
// bytes.
type upload struct {
	r    io.Reader
	size int64
	read atomic.Int64
}

// Read implements io.Reader.
func (u *upload) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	u.read.Add(int64(n))
	return n, err
}

// inFlight reports whether bytes of the message are still to go.
func (u *upload) inFlight() bool { return u.read.Load() < u.size }

// explainUpload says what an interrupted APPEND really did: cut while
// the message was going out (the connection closed, so the server stores
// nothing), or stored or refused once it had gone out whole.
func (s *Session) explainUpload(ctx context.Context, up *upload, res *client.Result, err error) error {
	if ctx.Err() == nil {
		return err
	}
	if up.inFlight() && err != nil {
		return &cutUpload{read: up.read.Load(), size: up.size}
	}
	if res != nil && res.OK() {
		s.note("Ctrl-C came after the whole message had gone out: the server stored it" + appendUID(res))
	}
	return err
}

// cutUpload is an APPEND stopped by Ctrl-C mid-literal; it matches
// client.ErrClosed (errors.Is), so hints and exit status follow.
type cutUpload struct{ read, size int64 }

func (e *cutUpload) Error() string {
	return fmt.Sprintf("upload cut by Ctrl-C after %d of %d bytes: the connection was closed, so the server stores nothing", e.read, e.size)
}

func (e *cutUpload) Unwrap() error { return client.ErrClosed }

// appendUID is " (APPENDUID v u)" when the answer carries that code.
func appendUID(res *client.Result) string {
	if res.Status == nil {
		return ""
	}
	d, ok := res.Status.Code.UIDPlus()
	if !ok || d.Source != nil {
		return ""
	}
	return fmt.Sprintf(" (APPENDUID %d %s)", d.UIDValidity, d.Dest)
}
