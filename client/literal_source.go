package client

import (
	"errors"
	"fmt"
	"io"
)

// LiteralSourceError is a literal whose local source (the file of an
// APPEND) failed after the literal was announced. The server then waits
// for the rest of the announced bytes and nothing the client could send
// would end the command, so the connection is closed at once: the error
// matches ErrClosed too (errors.Is), as well as the source's own error.
type LiteralSourceError struct {
	Err  error // the read error, or io.ErrUnexpectedEOF for a short source
	Sent int64 // bytes of the literal read before the failure
	Size int64 // bytes announced
}

// Error says what failed and that the connection is gone.
func (e *LiteralSourceError) Error() string {
	return fmt.Sprintf("client: the literal's source failed after %d of %d bytes (%v); the server was waiting for the rest, so the connection was closed",
		e.Sent, e.Size, e.Err)
}

// Unwrap returns the source's error and ErrClosed.
func (e *LiteralSourceError) Unwrap() []error { return []error{e.Err, ErrClosed} }

// sourceReader remembers the error of a literal's source, to tell it from
// a failure to write to the server.
type sourceReader struct {
	r   io.Reader
	err error
}

func (s *sourceReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

// literalFailed closes the connection after a literal could not be sent
// whole, and says whose fault it was: the source's (read error, or fewer
// bytes than announced) or the connection's.
func (c *Client) literalFailed(src *sourceReader, err error, sent, size int64) error {
	switch {
	case src.err != nil:
		err = &LiteralSourceError{Err: src.err, Sent: sent, Size: size}
	case errors.Is(err, io.EOF) && sent < size:
		err = &LiteralSourceError{Err: io.ErrUnexpectedEOF, Sent: sent, Size: size}
	}
	if ferr := c.fatal(err); !errors.As(err, new(*LiteralSourceError)) {
		return ferr
	}
	return err
}
