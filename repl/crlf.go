package repl

import (
	"bufio"
	"io"
)

// A message appended from a file must have CRLF line ends (RFC 5322
// section 2.1, RFC 9051 section 6.3.12); Cyrus refuses bare LF ("NO
// Message contains bare newlines"). A file saved with LF ends is sent
// with CRLF, as Python imaplib's append does; its size is counted first,
// since the literal announces it.

// countBareLF counts the LFs in r that no CR precedes.
func countBareLF(r io.Reader) (int64, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var n int64
	prevCR := false
	for {
		b, err := br.ReadByte()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return 0, err
		}
		if b == '\n' && !prevCR {
			n++
		}
		prevCR = b == '\r'
	}
}

// crlfReader reads r with a CR put before each LF that has none.
type crlfReader struct {
	r      *bufio.Reader
	prevCR bool // the last byte read from r was a CR
	lf     bool // a CR was given for a bare LF: the LF comes next
}

func (c *crlfReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if c.lf {
			p[n], c.lf, c.prevCR = '\n', false, false
			n++
			continue
		}
		b, err := c.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		if b == '\n' && !c.prevCR {
			p[n], c.lf = '\r', true
		} else {
			p[n], c.prevCR = b, b == '\r'
		}
		n++
	}
	return n, nil
}
