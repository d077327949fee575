package transfer

import (
	"fmt"
	"io"
)

// Writer decodes what is written to it into w as a stream: memory stays
// bounded whatever the size. Close flushes the end and reports the first
// decoding or write error. After an error, writes are accepted and
// dropped, so that the caller (an IMAP literal being read) stays in sync.
type Writer struct {
	pw   *io.PipeWriter
	done chan error
	n    int64 // decoded bytes written to w
}

// NewWriter returns a Writer undoing encoding into w; an encoding it does
// not know is an error.
func NewWriter(encoding string, w io.Writer) (*Writer, error) {
	if !Known(encoding) {
		return nil, fmt.Errorf("unknown transfer encoding %q", encoding)
	}
	pr, pw := io.Pipe()
	d := &Writer{pw: pw, done: make(chan error, 1)}
	go func() {
		n, err := io.Copy(w, reader(encoding, pr))
		d.n = n
		io.Copy(io.Discard, pr) // after an error, keep taking the writes
		d.done <- err
	}()
	return d, nil
}

// Write passes encoded bytes on; it never fails.
func (d *Writer) Write(p []byte) (int, error) {
	d.pw.Write(p) // a pipe whose reader drains never fails but when closed
	return len(p), nil
}

// Close ends the stream and returns the first error.
func (d *Writer) Close() error {
	d.pw.Close()
	return <-d.done
}

// Decoded is how many decoded bytes went to w; valid after Close.
func (d *Writer) Decoded() int64 { return d.n }
